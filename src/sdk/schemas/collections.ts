import type * as z from 'zod/mini';
import { boardPostSchema, migrateBoardV1 } from './board.js';
import { boardFlagSchema } from './board-flag.js';
import { boardReactionSchema } from './board-reaction.js';
import { boardSectionSchema } from './board-section.js';
import { BOARD_SETTINGS_ID, boardSettingsSchema } from './board-settings.js';
import { commentSchema, reactionSchema } from './feedback.js';
import { glossaryEntrySchema } from './glossary.js';
import { addsOwnTranslationsOnly } from '../policy/glossary-contribution.js';
import { journalEntrySchema, migrateJournalV1 } from './journal.js';
import { journalFeedbackSchema } from './journal-feedback.js';
import { journalNoteSchema } from './journal-note.js';
import { journalPromptSchema } from './journal-prompt.js';
import { JOURNAL_SETTINGS_ID, journalSettingsSchema } from './journal-settings.js';
import type { ReadRule } from '../policy/read-rules.js';
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
  /** The field, or a dotted path into nested objects (`schedule.phase`); the issue names the same path. */
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
   * `visibleWithTarget`: a record is delivered only to users who can read its target (feedback on
   * a private journal entry is as private as the entry); staff always can.
   */
  feedbackOn?: { collection: string; action: 'comment' | 'react'; unmoderated?: boolean; visibleWithTarget?: boolean };
  /** `staff`: only teachers and admins (`isStaff`) may create records of it (the project's plan). */
  createdBy?: 'staff';
  /**
   * Who may read a record at all, in `get`, `list`, change events (a put the user may not read
   * arrives as a delete), conflicts and reports of damaged records. The status rules (pending,
   * hidden) apply on top. For anyone else the record is not there.
   * - `author-and-staff`: its author, teachers and admins (pupils' self-ratings are personal data).
   * - `journal-visibility`: by the record's `visibility`: `private` its author and staff; `school`
   *   also members of the author's school (`user.school`, compared trimmed and case-insensitively);
   *   `space` everyone in the space.
   * - `addressee-and-staff`: teachers, admins, and the user named in the `addressee` field.
   * - `author-and-moderators`: its author, and those who moderate (admins, teachers, moderators):
   *   a report of a post (`board-flag`).
   * - a function `(record, user) => boolean` (see `ReadRuleFunction`: it also sees raw records).
   */
  readableBy?: ReadRule;
  /** The field naming the user an `addressee-and-staff` record is for (default `pupil`). */
  addressee?: string;
  /**
   * A space-wide switch that makes pupils' new (and edited) records of this collection wait for
   * approval even when the space's moderation is off: the store reads record `id` of `collection`
   * when it writes one, and asks for approval when its `field` is `true` (or when that record is
   * damaged: it then fails safe). Staff's and moderators' records are published as usual.
   */
  approvalSwitch?: { collection: string; id: string; field: string };
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
  /**
   * Fields that only place a record (a post's `position` and `section`). An update that changes
   * these and nothing else keeps the record's status: moving a published post does not send it
   * back for approval under moderation, and moving a pending one does not publish it. (A change of
   * `moderatorFields` keeps the status too: pinning is a moderator's act, not new content.)
   */
  arrangementFields?: readonly string[];
  /**
   * Fields only those who can moderate (`canModerate`: admins, teachers, moderators) may set on
   * create or change on update (a post's `pinned`); anyone else gets a TwinPermissionError. A
   * moderator may change only these on a record they may not otherwise edit (pin a pupil's post),
   * like a contribution; any other change to it is still refused.
   */
  moderatorFields?: readonly string[];
}

/** Posts and comments of the board wait for approval when the board settings ask for it. */
const BOARD_APPROVAL = { collection: 'board-settings', id: BOARD_SETTINGS_ID, field: 'approval' } as const;

export const builtInCollections: Record<string, CollectionDefinition> = {
  glossary: { name: 'glossary', schema: glossaryEntrySchema, version: 1, contribution: addsOwnTranslationsOnly },
  'glossary-comment': { name: 'glossary-comment', schema: commentSchema, version: 1, feedbackOn: { collection: 'glossary', action: 'comment' } },
  'glossary-reaction': {
    name: 'glossary-reaction',
    schema: reactionSchema,
    version: 1,
    feedbackOn: { collection: 'glossary', action: 'react', unmoderated: true },
  },
  board: {
    name: 'board',
    schema: boardPostSchema,
    // Version 2: `body` became rich text, and `color` one of BOARD_COLORS.
    version: 2,
    migrations: { 1: migrateBoardV1 },
    references: [{ field: 'section', collection: 'board-section', label: 'section' }],
    approvalSwitch: BOARD_APPROVAL,
    arrangementFields: ['position', 'section'],
    moderatorFields: ['pinned'],
  },
  'board-section': {
    name: 'board-section',
    schema: boardSectionSchema,
    version: 1,
    createdBy: 'staff',
    takesDefaultPhase: false,
    arrangementFields: ['position'],
  },
  'board-comment': {
    name: 'board-comment',
    schema: commentSchema,
    version: 1,
    feedbackOn: { collection: 'board', action: 'comment' },
    approvalSwitch: BOARD_APPROVAL,
  },
  'board-reaction': {
    name: 'board-reaction',
    schema: boardReactionSchema,
    version: 1,
    feedbackOn: { collection: 'board', action: 'react', unmoderated: true },
  },
  'board-flag': {
    name: 'board-flag',
    schema: boardFlagSchema,
    version: 1,
    // A report is a signal to moderators, published at once, and read by them and its author only.
    feedbackOn: { collection: 'board', action: 'react', unmoderated: true },
    readableBy: 'author-and-moderators',
    takesDefaultPhase: false,
  },
  'board-settings': { name: 'board-settings', schema: boardSettingsSchema, version: 1, createdBy: 'staff', takesDefaultPhase: false },
  journal: {
    name: 'journal',
    schema: journalEntrySchema,
    // Version 2: `rating` became `confidence`, and `body` became rich text.
    version: 2,
    migrations: { 1: migrateJournalV1 },
    readableBy: 'journal-visibility',
  },
  'journal-prompt': {
    name: 'journal-prompt',
    schema: journalPromptSchema,
    version: 1,
    createdBy: 'staff',
    takesDefaultPhase: false,
    references: [{ field: 'schedule.phase', collection: 'phase', label: 'phase' }],
  },
  'journal-feedback': {
    name: 'journal-feedback',
    schema: journalFeedbackSchema,
    version: 1,
    feedbackOn: { collection: 'journal', action: 'comment', visibleWithTarget: true },
    approvalSwitch: { collection: 'journal-settings', id: JOURNAL_SETTINGS_ID, field: 'feedbackApproval' },
  },
  'journal-note': {
    name: 'journal-note',
    schema: journalNoteSchema,
    version: 1,
    createdBy: 'staff',
    readableBy: 'addressee-and-staff',
    addressee: 'pupil',
    takesDefaultPhase: false,
    references: [{ field: 'entry', collection: 'journal', label: 'journal entry' }],
  },
  'journal-settings': { name: 'journal-settings', schema: journalSettingsSchema, version: 1, createdBy: 'staff', takesDefaultPhase: false },
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
