import type * as z from 'zod/mini';
import { boardPostSchema } from './board.js';
import { commentSchema, reactionSchema } from './feedback.js';
import { glossaryEntrySchema } from './glossary.js';
import { addsOwnTranslationsOnly } from '../policy/glossary-contribution.js';
import { journalEntrySchema } from './journal.js';
import { activitySchema } from './activity.js';
import { goalRatingSchema } from './goal-rating.js';
import { goalSchema } from './goal.js';
import { phaseSchema } from './phase.js';
import { projectSchema } from './project.js';

/** Turns a raw record written with schema version `n` into one of version `n + 1`. */
export type Migration = (record: Record<string, unknown>) => Record<string, unknown>;

/**
 * A field of a record that names another record of the same space (`many`: an array of ids). The
 * store checks, on every create and on every update that changes the field, that each named record
 * exists, may be read by the user, and is not `archived: true`. `label` names it in the error
 * ("The phase \"x\" does not exist or was removed: choose another phase."). The field `phase`
 * is the envelope's.
 */
export interface CollectionReference {
  field: string;
  collection: string;
  many?: boolean;
  label: string;
}

export interface CollectionDefinition {
  name: string;
  /** Validates a whole record: envelope plus the widget's fields. */
  schema: z.ZodMiniType;
  /** Current schema version; records with a lower `schemaVersion` are migrated on read. */
  version: number;
  /** `migrations[n]` upgrades a record from version n to n + 1. */
  migrations?: Record<number, Migration>;
  /**
   * A change any member may make to a record they may not edit (adding a missing translation to a
   * partner's glossary entry). Given the stored record and the record as it would be written.
   */
  contribution?: (stored: Record<string, unknown>, next: Record<string, unknown>, user: { id: string; name: string; school?: string }) => boolean;
  /**
   * Records of this collection are feedback (comments, reactions) on a record of another collection,
   * named by their `target` field: the store checks the user may `action` on that record.
   * `unmoderated` records are published at once (a reaction needs no approval).
   */
  feedbackOn?: { collection: string; action: 'comment' | 'react'; unmoderated?: boolean };
  /** `staff`: only teachers and admins (`isStaff`) may create records of it (the project's plan). */
  createdBy?: 'staff';
  /**
   * `author-and-staff`: a record is delivered only to its author and to teachers and admins, in
   * `get`, `list` and change events (pupils' self-ratings are personal data).
   */
  readableBy?: 'author-and-staff';
  /**
   * Records are published at once whatever the space's moderation, and stay published when their
   * author edits them: a pupil's self-rating is not content for others to read, so there is
   * nothing to approve.
   */
  unmoderated?: boolean;
  /** Fields that name other records, checked on write (see CollectionReference). */
  references?: readonly CollectionReference[];
  /**
   * `false`: a new record does not take the store's default phase (the space's current phase) when
   * none is given. For records that belong to the whole project, not to a phase (phases themselves,
   * the project settings, learning goals, self-ratings).
   */
  takesDefaultPhase?: boolean;
}

export const builtInCollections: Record<string, CollectionDefinition> = {
  glossary: { name: 'glossary', schema: glossaryEntrySchema, version: 1, contribution: addsOwnTranslationsOnly },
  'glossary-comment': { name: 'glossary-comment', schema: commentSchema, version: 1, feedbackOn: { collection: 'glossary', action: 'comment' } },
  'glossary-reaction': {
    name: 'glossary-reaction',
    schema: reactionSchema,
    version: 1,
    feedbackOn: { collection: 'glossary', action: 'react', unmoderated: true },
  },
  board: { name: 'board', schema: boardPostSchema, version: 1 },
  journal: { name: 'journal', schema: journalEntrySchema, version: 1 },
  phase: { name: 'phase', schema: phaseSchema, version: 1, createdBy: 'staff', takesDefaultPhase: false },
  project: {
    name: 'project',
    schema: projectSchema,
    version: 1,
    createdBy: 'staff',
    takesDefaultPhase: false,
    references: [{ field: 'currentPhase', collection: 'phase', label: 'phase' }],
  },
  activity: {
    name: 'activity',
    schema: activitySchema,
    version: 1,
    createdBy: 'staff',
    references: [
      { field: 'phase', collection: 'phase', label: 'phase' },
      { field: 'goals', collection: 'goal', many: true, label: 'learning goal' },
    ],
  },
  goal: { name: 'goal', schema: goalSchema, version: 1, createdBy: 'staff', takesDefaultPhase: false },
  'goal-rating': {
    name: 'goal-rating',
    schema: goalRatingSchema,
    version: 1,
    readableBy: 'author-and-staff',
    unmoderated: true,
    takesDefaultPhase: false,
    references: [{ field: 'goal', collection: 'goal', label: 'learning goal' }],
  },
};
