import { initialStatus } from '../../policy/can.js';
import type { CollectionDefinition } from '../../schemas/collections.js';
import type { StoreContext } from '../store-context.js';
import type { TwinRecord } from '../store-types.js';
import { changedKeys } from '../three-way-merge.js';
import { keepsStatus } from './arrangement-fields.js';
import { laterThan } from './author-and-time.js';

/**
 * The record after an edit: the stored envelope, the user's fields, and the store's bookkeeping.
 * `changes` names the fields removed (set to undefined); `approval` as in `approvalRequired`.
 */
export function editedRecord(
  context: StoreContext,
  stored: TwinRecord,
  changes: Record<string, unknown>,
  fields: Record<string, unknown>,
  definition: CollectionDefinition,
  approval: boolean,
): Record<string, unknown> {
  const next: Record<string, unknown> = {
    ...stored,
    ...fields,
    // Never lower the version of a record written by a newer Twinkit (its fields are kept).
    schemaVersion: Math.max(definition.version, stored.schemaVersion),
    updatedAt: laterThan(stored.updatedAt, context.now),
  };
  for (const key of Object.keys(changes)) if (changes[key] === undefined) delete next[key];
  // An author whose records need approval sends an edited published record back for approval,
  // unless the edit only moved it or pinned it (see `arrangementFields`).
  const waits = approval || initialStatus(context.user, context.settings) === 'pending';
  if (!definition.unmoderated && stored.status === 'published' && stored.author.id === context.user.id && waits && !keepsStatus(definition, [...changedKeys(stored, next)])) {
    next.status = 'pending';
  }
  return next;
}
