import { openDB, type IDBPDatabase } from 'idb';
import { BY_PHASE, BY_UPDATED, KEY_PATH } from './harness.js';

/** A raw idb database with the adapter's layout (compound key, by-updated and by-phase indexes). */
export function openRawDatabase(name: string): Promise<IDBPDatabase> {
  return openDB(name, 1, {
    upgrade(db) {
      const records = db.createObjectStore('records', { keyPath: KEY_PATH });
      records.createIndex('by-updated', BY_UPDATED);
      records.createIndex('by-phase', BY_PHASE);
    },
  });
}
