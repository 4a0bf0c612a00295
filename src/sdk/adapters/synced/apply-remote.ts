import type { RawRecord, WriteOperation, WriteOptions } from '../../adapter.js';
import type { IndexedDBAdapter } from '../indexeddb/indexeddb-adapter.js';

/** A server version of a record to bring into the local store. */
export interface RemoteVersion {
  collection: string;
  id: string;
  /** The server's revision ('' when the server has nothing). */
  remoteRev: string;
  /** Undefined: deleted (or never there) on the server. */
  record: RawRecord | undefined;
  /** The origin of the write on the server, so the store that made it can recognise its echo. */
  origin: string;
}

/** Write options of a write that comes from the server: the journal records its revision instead of queuing it. */
export interface PulledWriteOptions extends WriteOptions {
  pulled: Map<string, string>;
}

export const recordKey = (collection: string, id: string) => `${collection}\u0000${id}`;

/**
 * Brings server versions into the local store, unless the local copy already is that version, or
 * has changes of its own waiting to be sent: then the outbox entry is marked stale, and the push
 * resolves it (the server will answer with a conflict, or the record is read again afterwards).
 */
export async function applyRemote(local: IndexedDBAdapter, space: string, versions: RemoteVersion[]): Promise<void> {
  const latest = new Map<string, RemoteVersion>();
  for (const version of versions) latest.set(recordKey(version.collection, version.id), version);
  const db = await local.database();
  const tx = db.transaction(['records', 'sync-meta', 'outbox'], 'readwrite');
  const planned: { version: RemoteVersion; operation: WriteOperation }[] = [];
  for (const version of latest.values()) {
    const key: [string, string, string] = [space, version.collection, version.id];
    const [meta, waiting, current] = await Promise.all([
      tx.objectStore('sync-meta').get(key),
      tx.objectStore('outbox').get(key),
      tx.objectStore('records').get(key),
    ]);
    // Already in step: the server's revision, and the local copy is still the one made from it.
    if (version.remoteRev && meta?.remoteRev === version.remoteRev && meta.localRev === (current?.rev ?? meta.localRev)) continue;
    if (waiting) {
      await tx.objectStore('outbox').put({ ...waiting, stale: true });
      continue;
    }
    if (version.record) planned.push({ version, operation: { type: 'put', record: { ...version.record, space }, expectedRev: current?.rev ?? null } });
    else if (current) planned.push({ version, operation: { type: 'delete', collection: version.collection, id: version.id, expectedRev: current.rev } });
  }
  await tx.done;

  // One local write per run of changes with the same origin, in order.
  for (let start = 0; start < planned.length; ) {
    let end = start + 1;
    while (end < planned.length && planned[end].version.origin === planned[start].version.origin) end++;
    const group = planned.slice(start, end);
    const pulled = new Map(group.map(({ version }) => [recordKey(version.collection, version.id), version.remoteRev]));
    const options: PulledWriteOptions = { origin: group[0].version.origin, pulled };
    const results = await local.write(space, group.map((g) => g.operation), options);
    // A local edit slipped in between: it is queued now; mark it so the push reads the server again.
    const raced = results.filter((result) => !result.ok);
    if (raced.length) {
      const retx = db.transaction('outbox', 'readwrite');
      for (const result of raced) {
        const entry = await retx.store.get([space, result.collection, result.id]);
        if (entry) await retx.store.put({ ...entry, stale: true });
      }
      await retx.done;
    }
    start = end;
  }
}
