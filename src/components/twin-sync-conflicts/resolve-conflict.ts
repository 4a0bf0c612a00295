import type { RawRecord } from '../../sdk/adapter.js';
import type { ConflictChoice, SyncConflict, SyncController } from '../../sdk/adapters/synced/sync-status.js';
import { mergeVersions, sameFields } from '../../sdk/adapters/synced/merge-versions.js';
import { isTwinError } from '../../sdk/errors.js';
import { ENVELOPE_KEYS } from '../../sdk/schemas/envelope.js';
import type { TwinStore } from '../../sdk/store/create-store.js';
import type { TwinRecord } from '../../sdk/store/store-types.js';

/** The store owns the envelope (author, status, revision); `phase` is the record's own. */
const isContent = (key: string) => key === 'phase' || !ENVELOPE_KEYS.includes(key as never);

/** A version's own fields, without the envelope. */
export function contentOf(record: RawRecord | TwinRecord): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => isContent(key)));
}

/** The record as the device has it now, or undefined when it is gone (other failures are thrown). */
async function currentVersion(store: TwinStore, collection: string, id: string): Promise<TwinRecord | undefined> {
  try {
    return await store.get(collection, id);
  } catch (error) {
    if (isTwinError(error) && error.code === 'not-found') return undefined;
    throw error;
  }
}

/**
 * Makes the record what `chosen` says, through the store, so the space's rules and validation apply
 * as for any edit. Only what the person chose differently from the version they saw (`seen`) is
 * written: a partner's change made since, to another field, stays. The record is made again with
 * its id when it is gone, or deleted when `chosen` is a delete.
 */
async function writeVersion(store: TwinStore, collection: string, id: string, seen: RawRecord | undefined, chosen: RawRecord | undefined): Promise<void> {
  const current = await currentVersion(store, collection, id);
  if (!chosen) {
    if (current) await store.remove(collection, current);
    return;
  }
  if (!current) {
    await store.create(collection, contentOf(chosen), { id });
    return;
  }
  // Changes since `seen` on top of the choice; where both changed a field, the choice.
  const fields = contentOf(mergeVersions(seen, current as unknown as RawRecord, chosen).merged);
  const dropped = Object.keys(contentOf(current)).filter((key) => !(key in fields));
  await store.update(collection, current, { ...fields, ...Object.fromEntries(dropped.map((key) => [key, undefined])) });
}

/**
 * Carries out a person's decision on a kept version, then lets the sync forget it. Mine and the
 * merged version are written over theirs; theirs needs no write unless the device shows the merged
 * version (the push merged what did not clash): then what mine added is taken back. A failed
 * write throws before anything is forgotten, so the version stays kept.
 */
export async function resolveConflict(store: TwinStore, sync: SyncController, conflict: SyncConflict, choice: ConflictChoice): Promise<void> {
  const { collection, id } = conflict;
  if (choice === 'mine') await writeVersion(store, collection, id, conflict.theirs, conflict.mine);
  if (choice === 'merged') {
    if (!conflict.merged) throw new Error('This kept version has no merged version.');
    await writeVersion(store, collection, id, conflict.theirs, conflict.merged);
  }
  if (choice === 'theirs' && conflict.merged && conflict.theirs) {
    const current = await currentVersion(store, collection, id);
    if (current && !sameFields(current as unknown as RawRecord, conflict.theirs)) await writeVersion(store, collection, id, conflict.merged, conflict.theirs);
  }
  await sync.dismissConflict(conflict.space, conflict.key);
}
