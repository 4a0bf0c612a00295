/** Contender: the Twinkit store (`createStore`) over the IndexedDB adapter, as a widget uses it. */
import { deleteDB } from 'idb';
import { createIndexedDBAdapter } from '../../../src/sdk/adapters/indexeddb/index.js';
import { createStore } from '../../../src/sdk/store/create-store.js';
import { COLLECTION, fail, installContender, SPACE, USER, type Session } from '../harness.js';
import { profile } from '../profile.js';

export async function openStore(name: string): Promise<Session> {
  const adapter = createIndexedDBAdapter({ databaseName: name });
  const store = createStore({ adapter, space: SPACE, user: USER });
  await adapter.list(SPACE, COLLECTION, { limit: 1 }); // opens the database before any timing
  return {
    async putMany(fields) {
      const results = await store.createMany(COLLECTION, fields);
      return results.map((result) => (result.ok ? result.record.id : fail(`store.createMany: ${result.error.message}`)));
    },
    async putOneByOne(fields) {
      for (const entry of fields) await store.create(COLLECTION, entry);
    },
    async list() {
      // A new store each time: the figure is a first list, with every record validated
      // (a store that listed before reuses what it validated).
      const cold = createStore({ adapter, space: SPACE, user: USER });
      const { records, invalid } = await cold.list(COLLECTION);
      await cold.close();
      if (invalid.length) fail(`store.list: ${invalid.length} invalid records`);
      return records.length;
    },
    async get(ids) {
      let found = 0;
      for (const id of ids) if ((await store.get(COLLECTION, id)).id === id) found++;
      return found;
    },
    async destroy() {
      await store.close();
      await adapter.close();
      await deleteDB(name);
    },
  };
}

installContender('store', openStore, { profile: (config: Parameters<typeof profile>[0]) => profile(config, openStore) });
