import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RawRecord } from '../../adapter.js';

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
}

/** Bump when the object stores or indexes change, and add a step to `upgrade` below. */
export const DATABASE_VERSION = 1;

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
