/** Contender: raw `idb` with the adapter's layout (compound key, by-updated and by-phase indexes). */
import { deleteDB } from 'idb';
import { COLLECTION, installContender, SPACE, type Session } from '../harness.js';
import { openRawDatabase } from '../raw-database.js';

async function openIdb(name: string): Promise<Session> {
  const db = await openRawDatabase(name);
  return {
    async putMany(_fields, records) {
      // One transaction; requests are queued without awaiting each one.
      const tx = db.transaction('records', 'readwrite');
      for (const record of records) void tx.store.put(record);
      await tx.done;
      return records.map((record) => record.id);
    },
    async putOneByOne(_fields, records) {
      // idb's shortcut opens one transaction per call and waits for it to complete.
      for (const record of records) await db.put('records', record);
    },
    async list() {
      const range = IDBKeyRange.bound([SPACE, COLLECTION, ''], [SPACE, COLLECTION, '\uffff'], true);
      return (await db.getAllFromIndex('records', 'by-updated', range)).length;
    },
    async get(ids) {
      let found = 0;
      for (const id of ids) if ((await db.get('records', [SPACE, COLLECTION, id]))?.id === id) found++;
      return found;
    },
    async destroy() {
      db.close();
      await deleteDB(name);
    },
  };
}

installContender('idb', openIdb);
