import { randomId } from '../../revision.js';
import type { Checkpoint } from '../couchdb/changes-feed.js';
import { sequenceNumber } from '../couchdb/database-identity.js';
import type { TwinDB } from '../indexeddb/database.js';
import type { SyncRemote } from './sync-remote.js';

export interface SourceCheck {
  /** The server database this device syncs with (its identity, and a mark when it went back in time). */
  source: string;
  since: Checkpoint;
  /** Pulling everything again from a database the device did not know: the push waits until done. */
  reconciling: boolean;
}

/**
 * A checkpoint belongs to one server database. A re-created, restored or different database (a
 * new identity, or a sequence behind the checkpoint) starts the pull again from the beginning;
 * `finishReconcile` then sends whatever the server lacks.
 */
export async function checkSource(db: TwinDB, remote: SyncRemote, space: string): Promise<SourceCheck> {
  const [stored, identity] = await Promise.all([db.get('sync-checkpoints', space), remote.identity(space)]);
  const storedId = stored?.source?.split('~')[0];
  const wentBack = !!stored && sequenceNumber(stored.since) > sequenceNumber(identity.updateSeq);
  if (stored?.source && storedId === identity.id && !wentBack) return { source: stored.source, since: stored.since, reconciling: !!stored.reconciling };
  // Same identity but behind the checkpoint: restored from a copy; a new mark tells its revisions apart.
  const source = storedId === identity.id ? `${identity.id}~${randomId(6)}` : identity.id;
  await db.put('sync-checkpoints', { space, since: 0, source, reconciling: true });
  return { source, since: 0, reconciling: true };
}

/**
 * After a full pull from a database the device did not know: every local record the server did
 * not send is queued to be created there (its earlier revisions belong to the old database), and
 * the checkpoint is marked as belonging to the new one. One transaction: all or nothing.
 */
export async function finishReconcile(db: TwinDB, space: string, source: string, since: Checkpoint): Promise<void> {
  const tx = db.transaction(['records', 'sync-meta', 'outbox', 'sync-checkpoints'], 'readwrite');
  const range = IDBKeyRange.bound([space], [space, []]);
  const queuedAt = new Date().toISOString();
  const metas = tx.objectStore('sync-meta');
  for (let cursor = await metas.openCursor(range); cursor; cursor = await cursor.continue()) {
    if (cursor.value.source !== source) await cursor.update({ ...cursor.value, remoteRev: '', source });
  }
  const records = tx.objectStore('records');
  const outbox = tx.objectStore('outbox');
  for (let cursor = await records.openCursor(range); cursor; cursor = await cursor.continue()) {
    const key: [string, string, string] = [space, cursor.value.collection, cursor.value.id];
    const [meta, entry] = await Promise.all([metas.get(key), outbox.get(key)]);
    if (entry || (meta && meta.remoteRev)) continue;
    await outbox.put({ space, collection: key[1], id: key[2], version: 1, queuedAt });
    if (!meta) await metas.put({ space, collection: key[1], id: key[2], remoteRev: '', localRev: cursor.value.rev, source });
  }
  await tx.objectStore('sync-checkpoints').put({ space, since, source });
  await tx.done;
}
