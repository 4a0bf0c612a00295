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
    const remoteRev = pulled?.get(recordKey(change.collection, change.id));
    if (remoteRev !== undefined) {
      tx.objectStore('sync-meta').put({ space, collection: change.collection, id: change.id, remoteRev, localRev: change.rev }).catch(() => {});
      continue;
    }
    const outbox = tx.objectStore('outbox');
    outbox
      .get(key)
      .then((existing) =>
        outbox.put({ space, collection: change.collection, id: change.id, version: (existing?.version ?? 0) + 1, queuedAt, ...(existing?.stale ? { stale: true } : {}) }),
      )
      .catch(() => {}); // a failure aborts the transaction, and the write reports it once
  }
}
