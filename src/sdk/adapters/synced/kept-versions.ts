import type { TwinDB } from '../indexeddb/database.js';
import type { SyncConflict } from './sync-status.js';

/**
 * Keeps versions that did not win, each under its own key: a record that collects a second
 * conflict before anyone decided on the first keeps both. Returns the ones newly kept.
 */
export async function keepVersions(db: TwinDB, conflicts: SyncConflict[]): Promise<SyncConflict[]> {
  if (!conflicts.length) return [];
  const tx = db.transaction('sync-kept', 'readwrite');
  const fresh: SyncConflict[] = [];
  for (const conflict of conflicts) {
    if (await tx.store.get([conflict.space, conflict.key])) continue; // the same branch seen again
    await tx.store.put(conflict);
    fresh.push(conflict);
  }
  await tx.done;
  return fresh;
}

/** Versions waiting for a person, oldest first. */
export async function keptVersions(db: TwinDB, space: string): Promise<SyncConflict[]> {
  const all = await db.getAllFromIndex('sync-kept', 'by-space', space);
  return all
    .filter((entry) => !entry.resolved)
    .map(({ resolved: _resolved, ...conflict }) => conflict)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.key < b.key ? -1 : 1));
}

/** A unique key for a kept version: the record, when, and a random part. */
export const keptKey = (collection: string, id: string, at: string) => `${collection}:${id}:${at}:${Math.random().toString(36).slice(2, 10)}`;
