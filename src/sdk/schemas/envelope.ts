import * as z from 'zod/mini';
import { LIMITS } from './limits.js';
import { text, typeError } from './text.js';

export const RECORD_STATUSES = ['published', 'pending', 'hidden'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** An id: of a record, a space, a collection, a phase (1 to 128 characters). */
export const identifier = () =>
  z.string(typeError('must be an id (text)')).check(z.minLength(1, 'must not be empty'), z.maxLength(LIMITS.id, `is too long: at most ${LIMITS.id} characters`));

export const authorSchema = z.looseObject({
  id: identifier(),
  name: text(LIMITS.name, { required: true }),
  school: z.optional(text(LIMITS.name)),
});
export type Author = z.infer<typeof authorSchema>;

/**
 * The envelope every record carries, whatever its widget. Loose objects: fields written by a newer
 * version of Twinkit are kept, not dropped, when an older one edits the record.
 */
export const envelopeShape = {
  id: identifier(),
  space: identifier(),
  collection: identifier(),
  /** Revision: `<n>-<hash>`, set by the adapter on every write. */
  rev: z.string().check(z.regex(/^\d+-[\w.-]+$/, 'must be a revision like 3-a1b2c3')),
  /** Version of the collection's schema the record was written with (see migrations). */
  schemaVersion: z.int().check(z.minimum(1)),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  author: authorSchema,
  status: z.enum(RECORD_STATUSES),
  phase: z.optional(identifier()),
  /** The last moderation decision's note ("sent back: please add a definition"), shown to the author. */
  review: z.optional(
    z.looseObject({
      note: text(LIMITS.shortText),
      by: authorSchema,
      at: z.iso.datetime({ offset: true }),
    }),
  ),
};

export const envelopeSchema = z.looseObject(envelopeShape);
export type Envelope = z.infer<typeof envelopeSchema>;

/** Envelope keys a widget may not set directly: the store owns them. */
export const ENVELOPE_KEYS = Object.keys(envelopeShape) as (keyof Envelope)[];
