import type { TwinDB } from '../indexeddb/database.js';
import type { SyncConflict } from './sync-status.js';

/**
 * Keeps versions that did not win, each under its own key: a record that collects a second
 * conflict before anyone decided on the first keeps both. Returns the ones newly kept.
 */
export async function keepVersions(db: TwinDB, conflicts: SyncConflict[]): Promise<SyncConflict[]> {
  if (!conflicts.length) return [];
  const tx = db.transaction(['sync-kept', 'sync-prune'], 'readwrite');
  const kept = tx.objectStore('sync-kept');
  const fresh: SyncConflict[] = [];
  for (const conflict of conflicts) {
    const key: [string, string] = [conflict.space, conflict.key];
    // The same branch seen again: kept already, or decided on and waiting to be ended.
    if ((await kept.get(key)) || (await tx.objectStore('sync-prune').get(key))) continue;
    await kept.put(conflict);
    fresh.push(conflict);
  }
  await tx.done;
  return fresh;
}

/** Versions waiting for a person, oldest first. */
export async function keptVersions(db: TwinDB, space: string): Promise<SyncConflict[]> {
  const all = await db.getAllFromIndex('sync-kept', 'by-space', space);
  return all.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.key < b.key ? -1 : 1));
}

/**
 * Forgets a kept version once a person has decided. A losing branch moves to `sync-prune`, for the
 * syncing tab to end on the server. Returns whether it was a branch.
 */
export async function dismissKept(db: TwinDB, space: string, key: string): Promise<boolean> {
  const tx = db.transaction(['sync-kept', 'sync-prune'], 'readwrite');
  const entry = await tx.objectStore('sync-kept').get([space, key]);
  if (entry?.kind === 'branch') await tx.objectStore('sync-prune').put({ space, key, collection: entry.collection, id: entry.id, rev: branchRev(key) });
  await tx.objectStore('sync-kept').delete([space, key]);
  await tx.done;
  return entry?.kind === 'branch';
}

/** One key per losing revision: seeing the same branch again keeps nothing twice. */
export const branchKey = (collection: string, id: string, rev: string) => `branch:${collection}:${id}:${rev}`;

/** The losing revision a branch's key names. */
export const branchRev = (key: string) => key.slice(key.lastIndexOf(':') + 1);

/**
 * The key of a kept version: the record and the two revisions that met. The same meeting seen
 * again (a write sent again after its tab stopped) keeps nothing twice; another version of the
 * same record is kept beside it.
 */
export const keptKey = (collection: string, id: string, mine: { rev: string } | undefined, theirs: { rev: string } | undefined) =>
  `${collection}:${id}:${mine?.rev ?? 'deleted'}:${theirs?.rev ?? 'deleted'}`;
