import { unwrap } from 'idb';
import type { Change, WriteOptions } from '../../adapter.js';
import type { WriteTransaction } from '../indexeddb/indexeddb-adapter.js';
import { recordKey, type PulledWriteOptions } from './apply-remote.js';

/**
 * Runs inside every local write's transaction: a change made here is queued in the outbox (one
 * entry per record, its version bumped), so the record and its place in the queue are stored
 * together or not at all; a change that came from the server records which revision it was.
 */
export function syncJournal(tx: WriteTransaction, space: string, changes: Change[], options: WriteOptions): void {
  const pulled = (options as Partial<PulledWriteOptions>).pulled;
  const queuedAt = new Date().toISOString();
  for (const change of changes) {
    const key: [string, string, string] = [space, change.collection, change.id];
    const fromServer = pulled?.get(recordKey(change.collection, change.id));
    if (fromServer !== undefined) {
      // Every field of the metadata is set here, so nothing of the old one needs reading.
      // No listener: a failure aborts the transaction, and the write reports it once.
      unwrap(tx.objectStore('sync-meta')).put({ space, collection: change.collection, id: change.id, remoteRev: fromServer.remoteRev, base: fromServer.base, source: fromServer.source, localRev: change.rev });
      continue;
    }
    const outbox = tx.objectStore('outbox');
    // An entry already waiting keeps what it knows (a write in flight, a stale mark): only its version moves on.
    outbox
      .get(key)
      .then((existing) => outbox.put({ ...existing, space, collection: change.collection, id: change.id, version: (existing?.version ?? 0) + 1, queuedAt: existing?.queuedAt ?? queuedAt }))
      .catch(() => {}); // a failure aborts the transaction, and the write reports it once
  }
}
