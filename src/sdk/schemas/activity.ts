import * as z from 'zod/mini';
import { envelopeShape, identifier } from './envelope.js';
import { isoDate, longText, shortText, typeError } from './text.js';

/**
 * Where an activity stands. Stored in `progress`, not `status`: `status` is the envelope's
 * moderation status (published, pending, hidden) that every record carries.
 */
export const ACTIVITY_STATUSES = ['planned', 'in-progress', 'done'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** The widgets an activity can be done in. */
export const LINKABLE_WIDGETS = ['glossary', 'board', 'journal'] as const;
export type LinkableWidget = (typeof LINKABLE_WIDGETS)[number];

/** At most this many learning goals per activity. */
export const MAX_ACTIVITY_GOALS = 50;

export const activityFields = {
  title: shortText({ required: true }),
  description: z.optional(longText()),
  /** The school or team that takes care of it. */
  responsible: z.optional(shortText()),
  dueOn: z.optional(isoDate()),
  progress: z.enum(ACTIVITY_STATUSES, `must be one of: ${ACTIVITY_STATUSES.join(', ')}`),
  widgets: z.optional(
    z
      .array(z.enum(LINKABLE_WIDGETS, `must be one of: ${LINKABLE_WIDGETS.join(', ')}`))
      .check(z.maxLength(LINKABLE_WIDGETS.length, `has too many widgets: at most ${LINKABLE_WIDGETS.length}`)),
  ),
  /** Ids of the learning goals (`goal` records) it works on. */
  goals: z.optional(z.array(identifier()).check(z.maxLength(MAX_ACTIVITY_GOALS, `has too many learning goals: at most ${MAX_ACTIVITY_GOALS}`))),
  /** Order within its phase; lower comes first. */
  order: z.number(typeError('must be a number')),
};

export const activitySchema = z
  .looseObject({ ...envelopeShape, ...activityFields })
  .check(
    z.refine((activity) => typeof activity.phase === 'string', {
      message: 'an activity must belong to a phase',
      path: ['phase'],
    }),
  );
export type Activity = z.infer<typeof activitySchema>;
