import { unwrap } from 'idb';
import type { ChangeHead } from '../couchdb/changes-feed.js';
import type { IndexedDBAdapter } from '../indexeddb/indexeddb-adapter.js';
import { readMany } from '../indexeddb/read-many.js';
import { seenWhileWaiting } from './apply-remote.js';

/**
 * While this device pushes, the feed is read without documents: most of what it shows then is the
 * device's own writes coming back. A revision the device is already in step with needs nothing; one
 * of a record with a change waiting marks it (the push reads it again unless it is its own write);
 * only the rest are fetched with their documents. Returns those.
 */
export async function headsNeedingBodies(local: IndexedDBAdapter, space: string, source: string, heads: ChangeHead[]): Promise<ChangeHead[]> {
  if (!heads.length) return [];
  const db = await local.database();
  const tx = db.transaction(['sync-meta', 'outbox'], 'readwrite');
  const keys = heads.map((head): [string, string, string] => [space, head.collection, head.id]);
  const [metas, waiting] = await Promise.all([readMany(tx.objectStore('sync-meta'), keys), readMany(tx.objectStore('outbox'), keys)]);
  const outbox = unwrap(tx.objectStore('outbox'));
  const needed = heads.filter((head, i) => {
    const [meta, entry] = [metas.values[i], waiting.values[i]];
    const only = head.revs.length === 1 ? head.revs[0] : undefined; // several leaves: branches to read
    if (only && meta?.source === source && meta.remoteRev === only) return false;
    if (only && entry) {
      outbox.put(seenWhileWaiting(entry, only));
      return false;
    }
    return true;
  });
  await tx.done;
  return needed;
}
