import * as z from 'zod/mini';
import { envelopeShape } from './envelope.js';
import { LIMITS } from './limits.js';
import { longText, safeUrl, shortText, text } from './text.js';

export const BOARD_POST_KINDS = ['text', 'link', 'image', 'video', 'file'] as const;

export const boardFields = {
  kind: z.enum(BOARD_POST_KINDS),
  section: text(LIMITS.id, { required: true }),
  /** Fractional position (a string that sorts), so two people moving posts at once do not collide. */
  position: z.string().check(z.minLength(1), z.maxLength(64)),
  title: z.optional(shortText()),
  body: z.optional(longText()),
  url: z.optional(safeUrl()),
  attachment: z.optional(z.string().check(z.maxLength(LIMITS.id))),
  alt: z.optional(shortText()),
  pinned: z.optional(z.boolean()),
  color: z.optional(z.string().check(z.regex(/^[a-z-]{1,20}$/, 'must be a colour label name'))),
};

export const boardPostSchema = z.looseObject({ ...envelopeShape, ...boardFields });
export type BoardPost = z.infer<typeof boardPostSchema>;
