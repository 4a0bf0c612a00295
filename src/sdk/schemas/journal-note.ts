import * as z from 'zod/mini';
import { envelopeShape, identifier } from './envelope.js';
import { LIMITS } from './limits.js';
import { refusal } from './refusal.js';
import { isoDate, text } from './text.js';

/** True for a date (YYYY-MM-DD) that is a Monday. */
export function isMonday(date: string): boolean {
  return new Date(`${date}T00:00:00Z`).getUTCDay() === 1;
}

export const journalNoteFields = {
  /** The user id of the pupil the note is for. */
  pupil: identifier(),
  body: text(LIMITS.longText, { required: true }),
  /** The Monday of the week the note is about. */
  week: z.optional(isoDate().check(refusal(isMonday, 'monday', 'must be a Monday: the first day of the week the note is about'))),
  /** The id of the journal entry the note is about. */
  entry: z.optional(identifier()),
};

/**
 * A teacher's note to one pupil, about a week or an entry. Only staff write notes; the store shows
 * a note only to staff and to the pupil it names.
 */
export const journalNoteSchema = z.looseObject({ ...envelopeShape, ...journalNoteFields });
export type JournalNote = z.infer<typeof journalNoteSchema>;
