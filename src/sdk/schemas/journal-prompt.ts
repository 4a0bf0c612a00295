import * as z from 'zod/mini';
import { envelopeShape, identifier } from './envelope.js';
import { refusal } from './refusal.js';
import { isoDate, shortText, typeError } from './text.js';

/** A prompt set has 1 to this many prompts. */
export const MAX_PROMPTS = 10;

/** One question of a prompt set. Its `id` keys the answer in an entry's `answers`. */
export const journalPromptItemSchema = z.looseObject({
  id: identifier(),
  text: shortText({ required: true }),
});
export type JournalPromptItem = z.infer<typeof journalPromptItemSchema>;

/**
 * When a prompt set is asked: in a week (`from`, and `to`, by default the Sunday of `from`'s week)
 * or during a phase (`phase`, a phase id; its dates decide). With both, the week wins.
 */
export const journalPromptScheduleSchema = z
  .looseObject({
    from: z.optional(isoDate()),
    to: z.optional(isoDate()),
    phase: z.optional(identifier()),
  })
  .check(
    refusal<{ from?: string; to?: string; phase?: string }>((schedule) => schedule.from !== undefined || schedule.phase !== undefined, 'week-or-phase', 'a prompt set needs a week (from, to) or a phase'),
    refusal<{ from?: string; to?: string }>((schedule) => !schedule.from || !schedule.to || schedule.from <= schedule.to, 'ends-before-start', 'the schedule ends before it starts', 'to'),
  );
export type JournalPromptSchedule = z.infer<typeof journalPromptScheduleSchema>;

/** The index of the first prompt whose id an earlier prompt of the set already has, or -1. */
function firstRepeatedId(prompts: readonly { id: string }[]): number {
  const seen = new Set<string>();
  return prompts.findIndex((prompt) => (seen.has(prompt.id) ? true : (seen.add(prompt.id), false)));
}

export const journalPromptFields = {
  title: shortText({ required: true }),
  prompts: z
    .array(journalPromptItemSchema, typeError('must be a list of prompts'))
    .check(
      z.minLength(1, 'needs at least one prompt'),
      z.maxLength(MAX_PROMPTS, `has too many prompts: at most ${MAX_PROMPTS}`),
      z.superRefine((prompts, context) => {
        const repeated = firstRepeatedId(prompts);
        if (repeated >= 0) {
          context.addIssue({
            code: 'custom',
            message: `is used by another prompt of this set: give each prompt its own id`,
            path: [repeated, 'id'],
            input: prompts,
          });
        }
      }),
    ),
  schedule: journalPromptScheduleSchema,
  /** Order in the list of prompt sets; lower comes first. */
  order: z.number(typeError('must be a number')),
};

/**
 * A teacher's prompt set: the questions pupils answer in their journal in a week or a phase.
 * Only staff create them; `schedule.phase` must name a phase that exists and is not archived.
 */
export const journalPromptSchema = z.looseObject({ ...envelopeShape, ...journalPromptFields });
export type JournalPrompt = z.infer<typeof journalPromptSchema>;
/** Another name of `JournalPrompt`: one record is a set of prompts. */
export type JournalPromptSet = JournalPrompt;
