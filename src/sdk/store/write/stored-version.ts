import type { RawRecord, WriteResult } from '../../adapter.js';
import { TwinConflictError } from '../../errors.js';
import type { CollectionDefinition } from '../../schemas/collections.js';
import { isReadable } from '../read/record-visibility.js';
import { checkStored, deepFreeze } from '../read/validation-cache.js';
import { nounOf } from '../record-names.js';
import type { StoreContext } from '../store-context.js';
import type { TwinRecord } from '../store-types.js';
import { describeIssues } from '../validate-record.js';

/**
 * The stored, validated version of `record`: from what this store already validated when the
 * revisions match, else read. Undefined when it is gone or the user may not read it. Every write
 * decides on this version, never on the caller's copy.
 */
export async function storedVersion<T extends TwinRecord>(context: StoreContext, collection: string, definition: CollectionDefinition, record: TwinRecord): Promise<T | undefined> {
  const known = context.validated.get(`${collection}\u0000${record.id}`);
  if (known && known.rev === record.rev) return (await isReadable(context, known.record, definition)) ? (known.record as T) : undefined;
  const raw = await context.io.get(context.space, collection, record.id);
  if (!raw) return undefined;
  const checked = checkStored<T>(context, raw, definition);
  if (!checked.ok) {
    throw new TwinConflictError(
      `The stored version of this ${nounOf(collection)} is damaged (${describeIssues(checked.issues)}). Your version is kept here so you can save it again.`,
      record,
      undefined,
    );
  }
  return (await isReadable(context, checked.record, definition)) ? checked.record : undefined;
}

/** What storage holds, for a conflict error: only a valid record the user may read, never raw data. */
export async function theirVersion<T extends TwinRecord>(context: StoreContext, raw: RawRecord | undefined, definition: CollectionDefinition): Promise<T | undefined> {
  if (!raw) return undefined;
  const checked = checkStored<T>(context, raw, definition);
  return checked.ok && (await isReadable(context, checked.record, definition)) ? checked.record : undefined;
}

/** The record as the adapter saved it (with its new revision), announced as a local change. */
export function savedVersion<T>(context: StoreContext, collection: string, record: RawRecord, result: WriteResult): T {
  const saved = deepFreeze({ ...record, rev: (result as { rev: string }).rev }) as unknown as T & TwinRecord;
  context.emitChanges([{ type: 'put', collection, id: saved.id, record: saved, local: true }]);
  return saved;
}
