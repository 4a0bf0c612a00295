import { unwrap } from 'idb';
import type { Change, RawRecord, WriteOptions } from '../../adapter.js';
import { firstEntryVersion } from '../indexeddb/database.js';
import type { WriteTransaction } from '../indexeddb/indexeddb-adapter.js';
import { recordKey, type PulledWriteOptions } from './apply-remote.js';

/**
 * Runs inside every local write's transaction: a change made here is queued in the outbox (one
 * entry per record, its version bumped), so the record and its place in the queue are stored
 * together or not at all; a change that came from the server records which revision it was.
 *
 * The merge base is copied on write: while a record is in step with the server, its local copy
 * is the server's version, so the metadata holds no copy of it. The first local change keeps the
 * version it departs from (`before`) as the base, until the change is sent.
 */
export function syncJournal(tx: WriteTransaction, space: string, changes: Change[], options: WriteOptions, before: Map<string, RawRecord | undefined>): void {
  const pulled = (options as Partial<PulledWriteOptions>).pulled;
  const queuedAt = new Date().toISOString();
  // No listeners on the writes: a failure aborts the transaction, and the write reports it once.
  const metas = tx.objectStore('sync-meta');
  for (const change of changes) {
    const key: [string, string, string] = [space, change.collection, change.id];
    const fromServer = pulled?.get(recordKey(change.collection, change.id));
    if (fromServer !== undefined) {
      // Every field of the metadata is set here, so nothing of the old one needs reading.
      unwrap(metas).put({ space, collection: change.collection, id: change.id, remoteRev: fromServer.remoteRev, source: fromServer.source, localRev: change.rev });
      continue;
    }
    const outbox = tx.objectStore('outbox');
    const previous = before.get(recordKey(change.collection, change.id));
    // An entry already waiting keeps what it knows (a stale mark): only its version moves on.
    outbox
      .get(key)
      .then(async (existing) => {
        outbox.put({ ...existing, space, collection: change.collection, id: change.id, version: existing ? existing.version + 1 : firstEntryVersion(), queuedAt: existing?.queuedAt ?? queuedAt });
        if (existing || !previous) return;
        // A change starts: the server's version it departs from becomes the merge base.
        const meta = await metas.get(key);
        if (meta && meta.base === undefined && meta.localRev === previous.rev) unwrap(metas).put({ ...meta, base: previous });
      })
      .catch(() => {}); // a failure aborts the transaction, and the write reports it once
  }
}
