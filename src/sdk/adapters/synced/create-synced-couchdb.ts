import { createCouchDBAdapter } from '../couchdb/couchdb-adapter.js';
import { parseCouchDBOptions } from '../couchdb/couchdb-options.js';
import { localCopyKey } from '../server-connection.js';
import { createAudienceRemote } from '../couchdb/audiences/audience-remote.js';
import { createLayoutRemote } from '../couchdb/layout-remote.js';
import type { IndexedDBAdapter } from '../indexeddb/indexeddb-adapter.js';
import { attachmentIdsOf } from '../../store/person/attachment-refs.js';
import type { RawRecord } from '../../adapter.js';
import { createSyncedAdapter, type SyncedAdapter, type SyncedAdapterOptions } from './synced-adapter.js';

/** What the audience layout's remote asks of the device's copy: a record, the records that use a file, those of a collection. */
export const deviceLookups = (local: IndexedDBAdapter) => ({
  get: (space: string, collection: string, id: string) => local.get(space, collection, id),
  recordsUsing: (space: string, fileId: string) => recordsUsing(local, space, fileId),
  recordsIn: (space: string, collection: string) => inStepRecords(local, space, collection),
});

/**
 * The device's records of a collection as the server last gave them (`rev` its revision): one
 * with a change waiting here is left out, to its own write.
 */
async function inStepRecords(local: IndexedDBAdapter, space: string, collection: string): Promise<RawRecord[]> {
  const db = await local.database();
  const range = IDBKeyRange.bound([space, collection], [space, collection, []]);
  const [records, metas, waiting] = await Promise.all([db.getAll('records', range), db.getAll('sync-meta', range), db.getAllKeys('outbox', range)]);
  const inStep = new Map(metas.filter((meta) => meta.remoteRev).map((meta) => [meta.id, meta]));
  const pending = new Set(waiting.map((key) => (key as string[])[2]));
  return records.flatMap((record) => {
    const meta = inStep.get(record.id);
    if (!meta || meta.localRev !== record.rev || pending.has(record.id)) return [];
    return [{ ...record, rev: meta.remoteRev }];
  });
}

/** The device's records of a space that use a file (read only when a file's place is not known otherwise). */
async function recordsUsing(local: IndexedDBAdapter, space: string, fileId: string): Promise<RawRecord[]> {
  const db = await local.database();
  const records = await db.getAll('records', IDBKeyRange.bound([space], [space, []]));
  return records.filter((record) => attachmentIdsOf(record).includes(fileId));
}

/**
 * `<twin-space adapter="couchdb">`: the offline-first adapter over a CouchDB server, from the page's
 * `adapter-options`. The bundle for a script tag loads this from twinkit-couchdb.js when first used.
 */
export function createSyncedCouchDB(options: unknown, timing: Pick<SyncedAdapterOptions, 'minDelay' | 'maxDelay' | 'pollWait'> = {}): SyncedAdapter {
  const parsed = parseCouchDBOptions(options);
  const key = localCopyKey(parsed);
  if (parsed.layout === 'space' || parsed.database) return createSyncedAdapter({ remote: createCouchDBAdapter(parsed), databaseName: `twinkit-sync-${key}`, ...timing });
  if (parsed.layout === 'audiences') {
    // The local copy of pages that named this layout before the server could tell it.
    return createSyncedAdapter({ remote: (local) => createAudienceRemote({ ...parsed, local: deviceLookups(local) }), databaseName: `twinkit-sync-audiences-${key}`, ...timing });
  }
  // As the server keeps the space: the same local copy before and after a move into audiences.
  return createSyncedAdapter({ remote: (local) => createLayoutRemote({ ...parsed, local: deviceLookups(local) }), databaseName: `twinkit-sync-${key}`, ...timing });
}
