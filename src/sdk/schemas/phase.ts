import * as z from 'zod/mini';
import { envelopeShape } from './envelope.js';
import { isoDate, longText, shortText } from './text.js';

export const DEFAULT_PHASES = ['preparation', 'mobility', 'reflection', 'dissemination'] as const;

export const phaseFields = {
  name: shortText({ required: true }),
  /** Order in the project's sequence; lower comes first. */
  order: z.number(),
  startsOn: z.optional(isoDate()),
  endsOn: z.optional(isoDate()),
  description: z.optional(longText()),
};

export const phaseSchema = z
  .looseObject({ ...envelopeShape, ...phaseFields })
  .check(
    z.refine((phase) => !phase.startsOn || !phase.endsOn || phase.startsOn <= phase.endsOn, {
      message: 'ends before it starts',
      path: ['endsOn'],
    }),
  );
export type Phase = z.infer<typeof phaseSchema>;
