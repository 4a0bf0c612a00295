import * as z from 'zod/mini';
import { envelopeShape, identifier } from './envelope.js';
import { isoDate, shortText } from './text.js';

/** A space keeps its project settings in one record of the `project` collection, with this id. */
export const PROJECT_RECORD_ID = 'settings';

export const projectFields = {
  id: z.literal(PROJECT_RECORD_ID, `must be "${PROJECT_RECORD_ID}": a space keeps its project settings in one record`),
  title: z.optional(shortText()),
  /** The phase the project is in now (a phase id); new records of every widget take it by default. */
  currentPhase: z.optional(identifier()),
  /** The day the mobile pupils travel out, and the day they come back. */
  travelOut: z.optional(isoDate()),
  travelBack: z.optional(isoDate()),
};

export const projectSchema = z
  .looseObject({ ...envelopeShape, ...projectFields })
  .check(
    z.refine((project) => !project.travelOut || !project.travelBack || project.travelOut <= project.travelBack, {
      message: 'travel back is before travel out',
      path: ['travelBack'],
    }),
  );
export type ProjectSettings = z.infer<typeof projectSchema>;
