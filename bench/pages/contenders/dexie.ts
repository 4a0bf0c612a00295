/** Contender: Dexie 4 with the adapter's layout (compound primary key and compound indexes). */
import Dexie, { type Table } from 'dexie';
import type { StoredRecord } from '../data.js';
import { COLLECTION, installContender, SPACE, type Session } from '../harness.js';

const SCHEMA = '[space+collection+id], [space+collection+updatedAt+id], [space+collection+phase+updatedAt+id]';
const BY_UPDATED = '[space+collection+updatedAt+id]';

async function openDexie(name: string): Promise<Session> {
  const db = new Dexie(name);
  db.version(1).stores({ records: SCHEMA });
  await db.open();
  const table: Table<StoredRecord, [string, string, string]> = db.table('records');
  return {
    async putMany(_fields, records) {
      await table.bulkPut(records);
      return records.map((record) => record.id);
    },
    async putOneByOne(_fields, records) {
      for (const record of records) await table.put(record);
    },
    async list() {
      // Ordered by updatedAt (then id) through the compound index, bounded to the space and collection.
      const rows = await table.where(BY_UPDATED).between([SPACE, COLLECTION, ''], [SPACE, COLLECTION, '\uffff'], false, true).toArray();
      return rows.length;
    },
    async get(ids) {
      let found = 0;
      for (const id of ids) if ((await table.get([SPACE, COLLECTION, id]))?.id === id) found++;
      return found;
    },
    async destroy() {
      db.close();
      await Dexie.delete(name);
    },
  };
}

installContender('dexie', openDexie);
