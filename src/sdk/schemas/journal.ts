import * as z from 'zod/mini';
import { envelopeShape, identifier } from './envelope.js';
import { refusal, wholeNumberFrom } from './refusal.js';
import { richTextBody, withPlainBodyAsRichText } from './rich-text-body.js';
import { attachmentId, isoDate, languageTag, longText, shortText, typeError } from './text.js';

// The rich-text rules moved to rich-text-body.ts (the board shares them); still exported from here.
export { hasUnsafeMarkup, plainTextToJournalHtml, UNSAFE_BODY_MESSAGE } from './rich-text-body.js';

/**
 * Who reads an entry (besides its author and the teachers, who always do): `private` nobody else,
 * `school` the members of the author's school, `space` every member and observer of the space.
 * The store enforces it (`readableBy: 'journal-visibility'`).
 */
export const JOURNAL_VISIBILITIES = ['private', 'school', 'space'] as const;
export type JournalVisibility = (typeof JOURNAL_VISIBILITIES)[number];

/** The self-rating scale of an entry: how confident the pupil feels, 1 (not yet) to 5 (very). */
export const CONFIDENCE_SCALE = { min: 1, max: 5 } as const;

/** What a file attached to an entry is. */
export const JOURNAL_MEDIA_KINDS = ['image', 'audio', 'video'] as const;
export type JournalMediaKind = (typeof JOURNAL_MEDIA_KINDS)[number];

/** At most this many files per entry. */
export const JOURNAL_MEDIA_MAX = 6;

/** A file of an entry: a photo (with its description), a voice note or a short clip. */
export const journalMediaSchema = z
  .looseObject({
    attachment: attachmentId(),
    kind: z.enum(JOURNAL_MEDIA_KINDS, `must be one of: ${JOURNAL_MEDIA_KINDS.join(', ')}`),
    alt: z.optional(shortText()),
  })
  .check(
    refusal<{ kind: string; alt?: string }>((media) => media.kind !== 'image' || /\S/.test(media.alt ?? ''), 'alt-text', 'an image needs a description (alt text)', 'alt'),
  );
export type JournalMedia = z.infer<typeof journalMediaSchema>;

export const journalFields = {
  date: isoDate(),
  title: shortText({ required: true }),
  /**
   * Safe rich text: HTML of the subset p, br, b, strong, i, em, ul, ol, li and a (http, https or
   * mailto links). Written by the editor through DOMPurify; the schema refuses code and unsafe links.
   */
  body: z.optional(richTextBody()),
  language: z.optional(languageTag()),
  visibility: z.enum(JOURNAL_VISIBILITIES, `must be one of: ${JOURNAL_VISIBILITIES.join(', ')}`),
  /** Answers to the prompts of `promptSet`, by prompt id. Plain text. */
  answers: z.optional(z.record(z.string(), longText())),
  /** How confident the pupil feels about what they did, 1 to 5 (version 1 called it `rating`). */
  confidence: z.optional(wholeNumberFrom(CONFIDENCE_SCALE.min, CONFIDENCE_SCALE.max)),
  /** "What I learned", in one line. */
  learned: z.optional(shortText()),
  media: z.optional(z.array(journalMediaSchema, typeError('must be a list of files')).check(z.maxLength(JOURNAL_MEDIA_MAX, `has too many files: at most ${JOURNAL_MEDIA_MAX}`))),
  /** The id of the prompt set (`journal-prompt` record) this entry answers. */
  promptSet: z.optional(identifier()),
};

export const journalEntrySchema = z.looseObject({ ...envelopeShape, ...journalFields });
export type JournalEntry = z.infer<typeof journalEntrySchema>;

/**
 * Version 1 to 2: the self-rating `rating` is now `confidence`, and `body`, plain text in version
 * 1, is now rich text (its plain text becomes paragraphs, so "a < b" still reads "a < b"). A body
 * that would no longer fit the length limit once escaped stays as it was: the entry still opens
 * (views sanitise it as rich text), rather than becoming a damaged record.
 */
export function migrateJournalV1(record: Record<string, unknown>): Record<string, unknown> {
  const { rating, ...rest } = record;
  const next: Record<string, unknown> = { ...rest };
  if (rating !== undefined && next.confidence === undefined) next.confidence = rating;
  return withPlainBodyAsRichText(next);
}
