import * as z from 'zod/mini';
import { envelopeShape } from './envelope.js';
import { COMMENT_MAX } from './feedback.js';
import { LIMITS } from './limits.js';
import { namedId } from './refusal.js';
import { text } from './text.js';

/**
 * The kinds of peer feedback: "I liked…", "I wonder…", "Next time…", and a free comment.
 */
export const FEEDBACK_KINDS = ['liked', 'wonder', 'next', 'comment'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** Longest feedback, in characters: a thread, not an essay (as a glossary comment). */
export const JOURNAL_FEEDBACK_MAX = COMMENT_MAX;

export const journalFeedbackFields = {
  /** The id of the journal entry it is about. */
  target: z.string().check(namedId('must name a journal entry'), z.maxLength(LIMITS.id, `is too long: at most ${LIMITS.id} characters`)),
  kind: z.enum(FEEDBACK_KINDS, `must be one of: ${FEEDBACK_KINDS.join(', ')}`),
  body: text(JOURNAL_FEEDBACK_MAX, { required: true }),
};

/**
 * A member's feedback on a journal entry. The store delivers it only to those who can read the
 * entry, and makes pupils' feedback wait for approval when the journal settings ask for it.
 */
export const journalFeedbackSchema = z.looseObject({ ...envelopeShape, ...journalFeedbackFields });
export type JournalFeedback = z.infer<typeof journalFeedbackSchema>;
