import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
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
    indexes: { 'by-space': string };
  };
  /** Sync: the server revision each local record was last in step with. */
  'sync-meta': {
    key: [string, string, string];
    value: { space: string; collection: string; id: string; remoteRev: string; localRev: string };
  };
  /** Sync: where each space's changes feed was last read, and conflicts kept for the user. */
  'sync-checkpoints': {
    key: string;
    value: { space: string; since: string | number };
  };
  'sync-conflicts': {
    key: [string, string, string];
    value: SyncConflictEntry;
    indexes: { 'by-space': string };
  };
}

export interface OutboxEntry {
  space: string;
  /** A record's collection, or ATTACHMENT_COLLECTION for a file. */
  collection: string;
  id: string;
  /** Bumped by every local change, so a push only clears the entry when nothing changed meanwhile. */
  version: number;
  queuedAt: string;
  /** The server changed this record while the entry waited: read it again after the push. */
  stale?: boolean;
  /** For files: `put` or `delete`. */
  action?: 'put' | 'delete';
}

/** A change the server did not take, kept for the user (see adapters/synced). */
export type SyncConflictEntry = SyncConflict;

/** The outbox's collection name for files. */
export const ATTACHMENT_COLLECTION = '#attachment';

/** Bump when the object stores or indexes change, and add a step to `upgrade` below. */
export const DATABASE_VERSION = 2;

export type TwinDB = IDBPDatabase<TwinDBSchema>;

export function openTwinDatabase(name: string, onLost: () => void): Promise<TwinDB> {
  return openDB<TwinDBSchema>(name, DATABASE_VERSION, {
    upgrade(db, oldVersion) {
      // Each step upgrades from the version before it, so a database of any age opens.
      if (oldVersion < 1) {
        const records = db.createObjectStore('records', { keyPath: ['space', 'collection', 'id'] });
        records.createIndex('by-updated', ['space', 'collection', 'updatedAt', 'id']);
        records.createIndex('by-phase', ['space', 'collection', 'phase', 'updatedAt', 'id']);
        db.createObjectStore('attachments', { keyPath: ['space', 'id'] });
      }
      if (oldVersion < 2) {
        const key = ['space', 'collection', 'id'];
        db.createObjectStore('outbox', { keyPath: key }).createIndex('by-space', 'space');
        db.createObjectStore('sync-meta', { keyPath: key });
        db.createObjectStore('sync-checkpoints', { keyPath: 'space' });
        db.createObjectStore('sync-conflicts', { keyPath: key }).createIndex('by-space', 'space');
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
