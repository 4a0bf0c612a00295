import * as z from 'zod/mini';
import { authorSchema, envelopeShape } from './envelope.js';
import { LIMITS } from './limits.js';
import { refusal } from './refusal.js';
import { attachmentId, languageTag, longText, shortText, text } from './text.js';

/** One language's version of a concept. */
export const glossaryTranslationSchema = z.looseObject({
  term: shortText({ required: true }),
  definition: z.optional(longText()),
  example: z.optional(longText()),
  aliases: z.optional(z.array(shortText({ required: true })).check(z.maxLength(LIMITS.tags, `has too many aliases: at most ${LIMITS.tags}`))),
  /** Attachment id of a recorded or uploaded pronunciation. */
  audio: z.optional(attachmentId()),
  /** Who added this language to someone else's entry (a partner school's translation). */
  addedBy: z.optional(authorSchema),
});

export const glossaryFields = {
  /** Keyed by BCP 47 language code. At least one language is required. */
  translations: z.record(languageTag(), glossaryTranslationSchema).check(
    refusal((value: object) => Object.keys(value).length > 0, 'empty', 'needs at least one language'),
  ),
  category: z.optional(text(LIMITS.name)),
  tags: z.optional(z.array(text(LIMITS.name, { required: true })).check(z.maxLength(LIMITS.tags))),
  related: z.optional(z.array(z.string()).check(z.maxLength(LIMITS.tags))),
  /** A picture of the concept; the alt text is required, for pupils who cannot see it. */
  image: z.optional(z.looseObject({ attachment: attachmentId(), alt: shortText({ required: true }) })),
};

export const glossaryEntrySchema = z.looseObject({ ...envelopeShape, ...glossaryFields });
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
