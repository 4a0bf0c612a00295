import { unwrap } from 'idb';
import { randomId } from '../../revision.js';
import type { Checkpoint } from '../../replication/protocol.js';
import { sequenceNumber } from '../couchdb/database-identity.js';
import { firstEntryVersion, type TwinDB } from '../indexeddb/database.js';
import type { SyncRemote } from './sync-remote.js';

export interface SourceCheck {
  /** The server database this device syncs with (its identity, and a mark when it went back in time). */
  source: string;
  since: Checkpoint;
  /** Pulling everything again from a database the device did not know: the push waits until done. */
  reconciling: boolean;
  /**
   * The device never synced this space before: every record it holds was written here, and so
   * waits in the outbox already (the journal queues each local write in its own transaction).
   */
  fresh?: boolean;
}

/**
 * A checkpoint belongs to one server database. A re-created, restored or different database (a
 * new identity, or a sequence behind the checkpoint) starts the pull again from the beginning;
 * `finishReconcile` then sends whatever the server lacks.
 */
export async function checkSource(db: TwinDB, remote: SyncRemote, space: string): Promise<SourceCheck> {
  const [stored, identity] = await Promise.all([db.get('sync-checkpoints', space), remoteIdentity(remote, space)]);
  const storedId = sourceId(stored?.source);
  // A feed behind the checkpoint: a restored copy. Only CouchDB's sequences say so; a protocol server names a new source.
  const wentBack = !!stored && identity.updateSeq !== undefined && sequenceNumber(stored.since) > sequenceNumber(identity.updateSeq);
  if (stored?.source && storedId === identity.id && !wentBack) return { source: stored.source, since: stored.since, reconciling: !!stored.reconciling, fresh: !!stored.fresh };
  // Same identity but behind the checkpoint: restored from a copy; a new mark tells its revisions apart.
  const source = storedId === identity.id ? `${identity.id}~${randomId(6)}` : identity.id;
  const fresh = !stored;
  await db.put('sync-checkpoints', { space, since: 0, source, reconciling: true, ...(fresh ? { fresh } : {}) });
  return { source, since: 0, reconciling: true, fresh };
}

/** Which copy of the space's data the server holds: from `identity` where offered, else from a pull of one change. */
export async function remoteIdentity(remote: SyncRemote, space: string): Promise<{ id: string; updateSeq?: Checkpoint }> {
  if (remote.identity) return remote.identity(space);
  const page = await remote.pull(space, null, { limit: 1, wait: 0 });
  return { id: page.source };
}

/**
 * The server does not know the stored checkpoint (a protocol server answered `bad-checkpoint`):
 * read everything again from the start, as from a restored copy, and send what it lacks.
 */
export async function restartFromBeginning(db: TwinDB, space: string): Promise<void> {
  const stored = await db.get('sync-checkpoints', space);
  await db.put('sync-checkpoints', { space, since: 0, source: `${sourceId(stored?.source) ?? ''}~${randomId(6)}`, reconciling: true });
}

/** The server database a checkpoint's source names (a restored copy's mark after `~` aside). */
export const sourceId = (source: string | undefined) => source?.split('~')[0];

/**
 * After a full pull from a database the device did not know: every local record the server did
 * not send is queued to be created there (its earlier revisions belong to the old database), and
 * the checkpoint is marked as belonging to the new one. One transaction: all or nothing. A device
 * on its first sync of the space has nothing to look for (`fresh`): reading every key is skipped.
 */
export async function finishReconcile(db: TwinDB, space: string, source: string, since: Checkpoint, fresh = false): Promise<void> {
  if (fresh) return db.put('sync-checkpoints', { space, since, source }).then(() => {});
  const tx = db.transaction(['records', 'sync-meta', 'outbox', 'sync-checkpoints'], 'readwrite');
  const range = IDBKeyRange.bound([space], [space, []]);
  const queuedAt = new Date().toISOString();
  const metas = tx.objectStore('sync-meta');
  const records = tx.objectStore('records');
  const outbox = tx.objectStore('outbox');
  // Read in bulk (one request per store, not a round trip per record): a fresh device holds thousands.
  const [allMeta, recordKeys, waitingKeys] = await Promise.all([metas.getAll(range), records.getAllKeys(range), outbox.getAllKeys(range)]);
  const flat = (key: readonly string[]) => `${key[1]}\u0000${key[2]}`;
  const inStep = new Set<string>();
  const known = new Set<string>();
  for (const meta of allMeta) {
    const updated = meta.source !== source ? { ...meta, remoteRev: '', source } : meta;
    if (updated !== meta) unwrap(metas).put(updated); // no listener: a failure aborts the transaction, reported by tx.done
    known.add(flat([space, meta.collection, meta.id]));
    if (updated.remoteRev) inStep.add(flat([space, meta.collection, meta.id]));
  }
  const waiting = new Set(waitingKeys.map(flat));
  const missing = recordKeys.filter((key) => !waiting.has(flat(key)) && !inStep.has(flat(key)));
  // Only records without sync metadata need their revision read.
  const revs = await Promise.all(missing.map((key) => (known.has(flat(key)) ? undefined : records.get(key))));
  missing.forEach((key, i) => {
    unwrap(outbox).put({ space, collection: key[1], id: key[2], version: firstEntryVersion(), queuedAt });
    const record = revs[i];
    if (record) unwrap(metas).put({ space, collection: key[1], id: key[2], remoteRev: '', localRev: record.rev, source });
  });
  await tx.objectStore('sync-checkpoints').put({ space, since, source });
  await tx.done;
}
