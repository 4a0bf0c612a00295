import { unwrap } from 'idb';
import type { RawRecord, WriteOperation, WriteOptions } from '../../adapter.js';
import { generation } from '../couchdb/document-history.js';
import { beforeKey } from '../indexeddb/apply-batch.js';
import { firstEntryVersion, type OutboxEntry, type SyncMeta } from '../indexeddb/database.js';
import type { IndexedDBAdapter } from '../indexeddb/indexeddb-adapter.js';
import { readMany } from '../indexeddb/read-many.js';
import { keptKey } from './kept-versions.js';
import { sameFields } from './merge-versions.js';
import type { SyncConflict } from './sync-status.js';

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
  /** The id of the write that made this revision, when a device sent one. */
  write?: string;
}

/** What a pulled write tells the journal to record beside the record (the record itself is the merge base). */
export type PulledMeta = Pick<SyncMeta, 'remoteRev' | 'source'>;

/** Write options of a write that comes from the server: the journal records its revision instead of queuing it. */
export interface PulledWriteOptions extends WriteOptions {
  pulled: Map<string, PulledMeta>;
}

export interface ApplyContext {
  local: IndexedDBAdapter;
  space: string;
  /** The server database the versions come from. */
  source: string | undefined;
  /** Keeps versions that lose (nothing saved is dropped). */
  keep(conflicts: SyncConflict[]): Promise<void>;
}

export const recordKey = beforeKey;

type Key = [string, string, string];

/**
 * Brings server versions into the local store, unless the local copy already is that version, or
 * has changes of its own waiting to be sent: then the outbox entry is marked stale and the push
 * merges (or, when the version is this device's own write coming back, the entry is settled).
 * After the server database changed (restored, re-created), a local copy newer than the server's
 * is sent again instead of being replaced, and any other replaced copy is kept.
 */
export async function applyRemote(context: ApplyContext, versions: RemoteVersion[]): Promise<void> {
  const { local, space, source } = context;
  const latest = new Map<string, RemoteVersion>();
  for (const version of versions) latest.set(recordKey(version.collection, version.id), version);
  const db = await local.database();
  const tx = db.transaction(['records', 'sync-meta', 'outbox', 'sync-flights'], 'readwrite');
  const planned: { version: RemoteVersion; operation: WriteOperation }[] = [];
  const replaced: SyncConflict[] = [];
  const at = new Date().toISOString();
  // Read in bulk (a few requests, not three per record); the writes below go without listeners
  // (a failure aborts the transaction, and tx.done reports it).
  const keys = [...latest.values()].map((version): Key => [space, version.collection, version.id]);
  const [metas, outbox, records, flights] = await Promise.all([
    readMany(tx.objectStore('sync-meta'), keys),
    readMany(tx.objectStore('outbox'), keys),
    readMany(tx.objectStore('records'), keys),
    tx.objectStore('sync-flights').getAll(IDBKeyRange.bound([space], [space, []])),
  ]);
  // This device's writes whose answers are still awaited (or were lost), by record.
  const sent = new Map(flights.flatMap((flight) => flight.writes.map((write) => [recordKey(write.collection, write.id), write] as const)));
  let index = 0;
  for (const version of latest.values()) {
    const key: Key = [space, version.collection, version.id];
    const [meta, waiting, current] = [metas.values[index], outbox.values[index], records.values[index++]];
    const fromOtherDatabase = !!meta && meta.source !== source;
    // Already in step: the server's revision, and the local copy is still the one made from it.
    if (!fromOtherDatabase && version.remoteRev && meta?.remoteRev === version.remoteRev && meta.localRev === (current?.rev ?? meta.localRev)) continue;
    // An older revision than the one this device already has (a read that crossed a newer one).
    if (!fromOtherDatabase && version.remoteRev && meta?.remoteRev && generation(version.remoteRev) < generation(meta.remoteRev)) continue;
    // Revisions compare only within one database's history: a restored copy of it (the same
    // identity, a new mark), not a database made anew, whose revisions start again.
    const sameHistory = !!meta?.source && meta.source.split('~')[0] === source?.split('~')[0];
    const newerHere = fromOtherDatabase && sameHistory && generation(version.remoteRev) < generation(meta.remoteRev);
    if (waiting) {
      const inflight = sent.get(recordKey(version.collection, version.id));
      if (inflight && version.write === inflight.writeId) {
        // This device's own write, back from the server: it landed (its answer may be lost).
        // Unchanged here since, the local copy is what was sent: it is its own merge base.
        const sentIsLocal = waiting.version === inflight.version;
        unwrap(tx.objectStore('sync-meta')).put({ ...key3(key), remoteRev: version.remoteRev, localRev: current?.rev ?? '', ...(sentIsLocal ? {} : { base: version.record ?? null }), source });
        if (sentIsLocal) unwrap(tx.objectStore('outbox')).delete(key);
        continue;
      }
      if (fromOtherDatabase) {
        // The push merges onto the new database's version; when ours is newer, from that version.
        // The revision it expects stays the old one, so its send meets the server's as a conflict
        // and merges from the base, instead of landing over a change made there meanwhile.
        const base = (newerHere ? version.record : mergeBase(meta, current)) ?? null;
        unwrap(tx.objectStore('sync-meta')).put({ ...meta, base, source });
      }
      unwrap(tx.objectStore('outbox')).put(seenWhileWaiting(waiting, version.remoteRev));
      continue;
    }
    if (fromOtherDatabase && current) {
      if (version.record && sameFields(version.record, current)) {
        unwrap(tx.objectStore('sync-meta')).put({ ...key3(key), remoteRev: version.remoteRev, localRev: current.rev, source });
        continue;
      }
      if (newerHere) {
        // The server went back in time (a restored backup): what this device had is sent again.
        unwrap(tx.objectStore('sync-meta')).put({ ...key3(key), remoteRev: version.record ? version.remoteRev : '', localRev: current.rev, base: version.record ?? null, source });
        unwrap(tx.objectStore('outbox')).put({ ...key3(key), version: firstEntryVersion(), queuedAt: at });
        continue;
      }
      replaced.push({
        ...key3(key),
        key: keptKey(version.collection, version.id, current, version.record),
        mine: current,
        theirs: version.record,
        fields: [],
        kind: 'conflict',
        message: 'The server\'s copy changed while this device was away from it.',
        at,
      });
    }
    if (version.record) planned.push({ version, operation: { type: 'put', record: { ...version.record, space }, expectedRev: current?.rev ?? null } });
    else if (current) planned.push({ version, operation: { type: 'delete', collection: version.collection, id: version.id, expectedRev: current.rev } });
    else unwrap(tx.objectStore('sync-meta')).put({ ...key3(key), remoteRev: version.remoteRev, localRev: '', source });
  }
  await tx.done;
  await context.keep(replaced);
  // One local write per run of changes with the same origin, in order.
  for (let start = 0; start < planned.length; ) {
    let end = start + 1;
    while (end < planned.length && planned[end].version.origin === planned[start].version.origin) end++;
    const group = planned.slice(start, end);
    const pulled = new Map<string, PulledMeta>(
      group.map(({ version }) => [recordKey(version.collection, version.id), { remoteRev: version.remoteRev, source }]),
    );
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

/** Marks a waiting entry as changed on the server meanwhile, keeping the newest revision seen. */
export function seenWhileWaiting(entry: OutboxEntry, rev: string): OutboxEntry {
  const seenRev = entry.seenRev && generation(entry.seenRev) > generation(rev) ? entry.seenRev : rev;
  return { ...entry, stale: true, seenRev };
}

const key3 = ([space, collection, id]: Key) => ({ space, collection, id });

/**
 * The server version a local copy departs from: kept in the metadata once a local change started;
 * otherwise the local copy itself, while it is still the one made from the server's (undefined: unknown).
 */
export function mergeBase(meta: SyncMeta | undefined, local: RawRecord | undefined): RawRecord | undefined {
  if (meta?.base !== undefined) return meta.base ?? undefined;
  return meta && local && meta.localRev === local.rev && meta.remoteRev ? local : undefined;
}
