import * as z from 'zod/mini';
import { envelopeShape } from './envelope.js';
import { isoDate, languageTag, longText, shortText } from './text.js';

export const JOURNAL_VISIBILITIES = ['private', 'school', 'space'] as const;

export const journalFields = {
  date: isoDate(),
  title: shortText({ required: true }),
  body: z.optional(longText()),
  language: z.optional(languageTag()),
  visibility: z.enum(JOURNAL_VISIBILITIES),
  answers: z.optional(z.record(z.string(), longText())),
  /** Self-rating on a 1 to 5 scale. */
  rating: z.optional(z.int().check(z.minimum(1, 'must be 1 to 5'), z.maximum(5, 'must be 1 to 5'))),
};

export const journalEntrySchema = z.looseObject({ ...envelopeShape, ...journalFields });
export type JournalEntry = z.infer<typeof journalEntrySchema>;
