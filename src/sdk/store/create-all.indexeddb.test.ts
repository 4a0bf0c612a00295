import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { createIndexedDBAdapter } from '../adapters/indexeddb/index.js';
import { isTwinError } from '../errors.js';
import type { TwinUser } from '../policy/roles.js';
import { createStore } from './create-store.js';
import type { CreateAllItem } from './store-types.js';

// createAll in real Chromium IndexedDB: the Node tests run on fake-indexeddb, whose transactions
// are a re-implementation; this is the browser's own abort.
const SPACE = 'erasmus-gdynia';
const teacher: TwinUser = { id: 'teacher-1', name: 'Tomás', role: 'teacher', school: 'IES Cervantes' };
const plan = (): CreateAllItem[] => [
  { collection: 'phase', id: 'preparation', fields: { name: 'Preparation', order: 1 } },
  { collection: 'phase', id: 'mobility', fields: { name: 'Mobility', order: 2 } },
  { collection: 'goal', id: 'goal-words', fields: { title: 'Use words of the partners', competence: 'multilingual', order: 1 } },
  { collection: 'goal', id: 'goal-maps', fields: { title: 'Map the coast', competence: 'digital', order: 2 } },
];

let n = 0;
/** A store on a fresh database, and a second adapter on it that reads what was really committed. */
function fresh() {
  const databaseName = `create-all-${Date.now()}-${n++}`;
  const adapter = createIndexedDBAdapter({ databaseName });
  const reader = createIndexedDBAdapter({ databaseName });
  const store = createStore({ adapter, space: SPACE, user: teacher });
  const stored = async () => [...(await reader.list(SPACE, 'phase')), ...(await reader.list(SPACE, 'goal'))].map((r) => r.id).sort();
  const close = async () => {
    await store.close();
    await adapter.close();
    await reader.close();
    await deleteDB(databaseName);
  };
  return { store, stored, close };
}

describe('store.createAll on real IndexedDB (Chromium)', () => {
  it('writes the whole plan in one go, and another connection reads all of it', async () => {
    const { store, stored, close } = fresh();
    try {
      await store.createAll(plan());
      expect(await stored()).to.deep.equal(['goal-maps', 'goal-words', 'mobility', 'preparation']);
    } finally {
      await close();
    }
  });

  it('leaves nothing written when the disk fills up in the middle of the transaction', async () => {
    const { store, stored, close } = fresh();
    // As the full-disk test of the adapter: the third put of the four fails as a full disk does,
    // after two records were already queued in the same transaction.
    const { put: realPut, add: realAdd } = IDBObjectStore.prototype;
    let puts = 0;
    const fillDisk = (real: typeof realPut) =>
      function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'records' && ++puts === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return real.apply(this, args);
      };
    IDBObjectStore.prototype.put = fillDisk(realPut);
    IDBObjectStore.prototype.add = fillDisk(realAdd);
    let error: unknown;
    try {
      await store.createAll(plan());
    } catch (caught) {
      error = caught;
    } finally {
      IDBObjectStore.prototype.put = realPut;
      IDBObjectStore.prototype.add = realAdd;
    }
    try {
      expect(puts, 'the failure came after two records were queued').to.equal(3);
      expect(isTwinError(error) && error.code, String(error)).to.equal('quota-exceeded');
      expect(await stored(), 'nothing of the plan is stored').to.deep.equal([]);
      // The database still works: the same plan can be saved once there is room.
      await store.createAll(plan());
      expect(await stored()).to.have.length(4);
    } finally {
      await close();
    }
  });
});
