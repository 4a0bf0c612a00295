import * as z from 'zod/mini';
import { envelopeShape } from './envelope.js';
import { refusal } from './refusal.js';
import { isoDate, longText, shortText, typeError } from './text.js';

export const DEFAULT_PHASES = ['preparation', 'mobility', 'reflection', 'dissemination'] as const;

export const phaseFields = {
  name: shortText({ required: true }),
  /** Order in the project's sequence; lower comes first. */
  order: z.number(typeError('must be a number')),
  startsOn: z.optional(isoDate()),
  endsOn: z.optional(isoDate()),
  description: z.optional(longText()),
  /**
   * A removed phase. It is kept, not deleted, so that what was made in it stays reachable; new
   * activities cannot be put in it (see the store's `references`).
   */
  archived: z.optional(z.boolean()),
};

export const phaseSchema = z
  .looseObject({ ...envelopeShape, ...phaseFields })
  .check(
    refusal<{ startsOn?: string; endsOn?: string }>((phase) => !phase.startsOn || !phase.endsOn || phase.startsOn <= phase.endsOn, 'ends-before-start', 'ends before it starts', 'endsOn'),
  );
export type Phase = z.infer<typeof phaseSchema>;
