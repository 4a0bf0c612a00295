import type * as z from 'zod/mini';
import { boardPostSchema } from './board.js';
import { commentSchema, reactionSchema } from './feedback.js';
import { glossaryEntrySchema } from './glossary.js';
import { addsOwnTranslationsOnly } from '../policy/glossary-contribution.js';
import { journalEntrySchema } from './journal.js';
import { phaseSchema } from './phase.js';

/** Turns a raw record written with schema version `n` into one of version `n + 1`. */
export type Migration = (record: Record<string, unknown>) => Record<string, unknown>;

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
  phase: { name: 'phase', schema: phaseSchema, version: 1 },
};
