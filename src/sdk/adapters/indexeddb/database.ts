import { openDB, unwrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { RawRecord } from '../../adapter.js';
import type { SyncConflict } from '../synced/sync-status.js';

export interface TwinDBSchema extends DBSchema {
  records: {
    key: [string, string, string];
    value: RawRecord;
    indexes: {
      'by-updated': [string, string, string, string];
      'by-phase': [string, string, string, string, string];
    };
  };
  attachments: {
    key: [string, string];
    value: { space: string; id: string; blob: Blob };
  };
  /** Sync (adapters/synced): records and attachments changed here and not yet on the server. */
  outbox: {
    key: [string, string, string];
    value: OutboxEntry;
  };
  /** Sync: batches of writes sent to the server whose answer has not been recorded yet. */
  'sync-flights': {
    key: [string, string];
    value: Flight;
  };
  /** Sync: the server revision each local record was last in step with. */
  'sync-meta': {
    key: [string, string, string];
    value: SyncMeta;
  };
  /** Sync: where each space's changes feed was last read, and in which server database. */
  'sync-checkpoints': {
    key: string;
    value: { space: string; since: string | number; source?: string; reconciling?: boolean; fresh?: boolean };
  };
  /** Version 2's conflicts, one per record; moved to `sync-kept` by the upgrade to version 3. */
  'sync-conflicts': {
    key: [string, string, string];
    value: SyncConflictEntry;
    indexes: { 'by-space': string };
  };
  /** Sync: every version that did not win, kept for a person to decide on (several per record). */
  'sync-kept': {
    key: [string, string];
    value: SyncConflictEntry;
    indexes: { 'by-space': string; 'by-record': [string, string, string] };
  };
  /** Sync: losing branches a person has decided on, to be ended on the server by the syncing tab. */
  'sync-prune': {
    key: [string, string];
    value: BranchToEnd;
    indexes: { 'by-space': string };
  };
}

/** A losing branch to end on the server; `key` is its kept version's. */
export interface BranchToEnd {
  space: string;
  key: string;
  collection: string;
  id: string;
  rev: string;
}

/** What sync knows of a local record's server side. */
export interface SyncMeta {
  space: string;
  collection: string;
  id: string;
  /** The server revision the local copy was last in step with ('' : none, or deleted there). */
  remoteRev: string;
  /** The local revision that was in step with it. */
  localRev: string;
  /**
   * The server's version at `remoteRev`, kept only while a local change departs from it (copied on
   * write): the base of a three-way merge. Absent: the local copy is that version. `null`: not
   * known (a write landed, and the device no longer has what it sent): every field both sides
   * hold differently is then a conflict for a person, never a silent choice.
   */
  base?: RawRecord | null;
  /** The server database (its identity) these revisions belong to. */
  source?: string;
}

export interface OutboxEntry {
  space: string;
  /** A record's collection, or ATTACHMENT_COLLECTION for a file. */
  collection: string;
  id: string;
  /**
   * Bumped by every local change, so a push only clears the entry when nothing changed meanwhile.
   * A new entry starts at a random number (`firstEntryVersion`): one queued again after its
   * predecessor was cleared must not look like the version a push sent.
   */
  version: number;
  queuedAt: string;
  /** The server changed this record while the entry waited: read it again after the push. */
  stale?: boolean;
  /** The newest server revision seen for this record while it waited: its own write's is no news. */
  seenRev?: string;
  /** For files: `put` or `delete`. */
  action?: 'put' | 'delete';
}

/**
 * One request's writes, stored before the request goes (one record for the whole batch), so that
 * after a lost answer (or a closed tab) the server is asked whether each write landed before
 * anything is sent again or dropped. Removed once every answer is recorded.
 */
export interface Flight {
  space: string;
  flight: string;
  writes: InflightWrite[];
}

/** The version of a new outbox entry. */
export const firstEntryVersion = () => Math.floor(Math.random() * 2 ** 40);

export interface InflightWrite {
  collection: string;
  id: string;
  /** Travels with the write; the server's revision that carries it is this write. */
  writeId: string;
  /** The outbox entry's version when it was sent. */
  version: number;
  baseRev: string | null;
  /**
   * The version sent (absent: a deletion), kept only for a server that cannot be asked whether a
   * write landed: the same write is sent again under its id, and its answer is the lost one.
   */
  record?: RawRecord;
}

/** A version kept for a person (see adapters/synced). */
export type SyncConflictEntry = SyncConflict;

/** The outbox's collection name for files. */
export const ATTACHMENT_COLLECTION = '#attachment';

/** Bump when the object stores or indexes change, and add a step to `upgrade` below. */
export const DATABASE_VERSION = 5;

export type TwinDB = IDBPDatabase<TwinDBSchema>;

export function openTwinDatabase(name: string, onLost: () => void): Promise<TwinDB> {
  return openDB<TwinDBSchema>(name, DATABASE_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      // Each step upgrades from the version before it, so a database of any age opens.
      if (oldVersion < 1) {
        const records = db.createObjectStore('records', { keyPath: ['space', 'collection', 'id'] });
        records.createIndex('by-updated', ['space', 'collection', 'updatedAt', 'id']);
        records.createIndex('by-phase', ['space', 'collection', 'phase', 'updatedAt', 'id']);
        db.createObjectStore('attachments', { keyPath: ['space', 'id'] });
      }
      if (oldVersion < 2) {
        const key = ['space', 'collection', 'id'];
        db.createObjectStore('outbox', { keyPath: key }); // its index of version 2 to 4 was never read
        db.createObjectStore('sync-meta', { keyPath: key });
        db.createObjectStore('sync-checkpoints', { keyPath: 'space' });
        db.createObjectStore('sync-conflicts', { keyPath: key }).createIndex('by-space', 'space');
      }
      if (oldVersion < 3) {
        const kept = db.createObjectStore('sync-kept', { keyPath: ['space', 'key'] });
        kept.createIndex('by-space', 'space');
        kept.createIndex('by-record', ['space', 'collection', 'id']);
        // Conflicts kept by version 2 (one per record) come along, each with a key of its own.
        void transaction
          .objectStore('sync-conflicts')
          .getAll()
          .then((old) => {
            for (const entry of old) void kept.put({ ...entry, key: `${entry.collection}:${entry.id}:${entry.at}`, fields: entry.fields ?? [] });
          });
      }
      if (oldVersion < 4) {
        db.createObjectStore('sync-prune', { keyPath: ['space', 'key'] }).createIndex('by-space', 'space');
        // Version 3 marked decided branches `resolved` among the kept versions: they move out.
        const kept = transaction.objectStore('sync-kept');
        const prune = transaction.objectStore('sync-prune');
        void kept.getAll().then((entries) => {
          for (const entry of entries as (SyncConflictEntry & { resolved?: boolean })[]) {
            if (!entry.resolved) continue;
            void prune.put({ space: entry.space, key: entry.key, collection: entry.collection, id: entry.id, rev: entry.key.slice(entry.key.lastIndexOf(':') + 1) });
            void kept.delete([entry.space, entry.key]);
          }
        });
      }
      if (oldVersion < 5) {
        // Writes in flight move from each outbox entry to one record per batch (one write instead
        // of a thousand); the outbox's unused index goes, so each of its writes costs less.
        const flights = db.createObjectStore('sync-flights', { keyPath: ['space', 'flight'] });
        const outbox = transaction.objectStore('outbox');
        if (outbox.indexNames.contains('by-space' as never)) unwrap(outbox).deleteIndex('by-space');
        void outbox.getAll().then((entries) => {
          const bySpace = new Map<string, InflightWrite[]>();
          for (const { inflight, ...entry } of entries as (OutboxEntry & { inflight?: Omit<InflightWrite, 'collection' | 'id'> })[]) {
            if (!inflight) continue;
            bySpace.set(entry.space, [...(bySpace.get(entry.space) ?? []), { ...inflight, collection: entry.collection, id: entry.id }]);
            void outbox.put(entry);
          }
          for (const [space, writes] of bySpace) void flights.put({ space, flight: 'before-version-5', writes });
        });
      }
    },
    blocking() {
      // A newer version of the library opened in another tab: step aside so it can upgrade.
      onLost();
    },
    terminated() {
      onLost();
    },
  });
}
