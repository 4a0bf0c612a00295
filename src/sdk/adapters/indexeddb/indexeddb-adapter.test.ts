import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { runAdapterConformance } from '../../conformance/index.js';
import { isTwinError } from '../../errors.js';
import { createStore } from '../../store/create-store.js';
import { DATABASE_VERSION } from './database.js';
import { createIndexedDBAdapter } from './indexeddb-adapter.js';

let databases = 0;
const uniqueDatabase = () => `twinkit-test-${Date.now()}-${databases++}`;

runAdapterConformance({
  name: 'indexeddb (Chromium)',
  describe,
  it,
  createSite() {
    const databaseName = uniqueDatabase();
    return {
      open: () => createIndexedDBAdapter({ databaseName }),
      destroy: () => deleteDB(databaseName),
    };
  },
});

const teacher = { id: 't1', name: 'Ms Rossi', role: 'teacher' as const };
const entry = (term: string, definition = '') => ({ translations: { en: { term, definition } } });

describe('indexeddb adapter: what the conformance suite does not cover', () => {
  it('keeps data across a reload (a new adapter on the same database)', async () => {
    const databaseName = uniqueDatabase();
    const first = createStore({ adapter: createIndexedDBAdapter({ databaseName }), space: 's', user: teacher });
    const saved = await first.create('glossary', entry('harbour'));
    await first.adapter.close();
    const second = createStore({ adapter: createIndexedDBAdapter({ databaseName }), space: 's', user: teacher });
    const read = await second.get('glossary', saved.id);
    expect(read.translations).to.deep.equal({ en: { term: 'harbour', definition: '' } });
    await second.adapter.close();
    await deleteDB(databaseName);
  });

  it('turns a full disk into a quota error and writes nothing of the batch', async () => {
    // Headless Chromium does not enforce a quota override on IndexedDB, so the disk fills up
    // here by making the 50th put of the batch fail as a full disk does. The transaction, its
    // abort and what is left stored are real IndexedDB.
    const databaseName = uniqueDatabase();
    const adapter = createIndexedDBAdapter({ databaseName });
    const store = createStore({ adapter, space: 's', user: teacher });
    const kept = await store.create('glossary', entry('kept before the disk filled up'));
    const { add: realAdd, put: realPut } = IDBObjectStore.prototype;
    let puts = 0;
    const fillDisk = (real: typeof realPut) =>
      function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (++puts === 50) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return real.apply(this, args);
      };
    IDBObjectStore.prototype.put = fillDisk(realPut);
    IDBObjectStore.prototype.add = fillDisk(realAdd);
    let error: unknown;
    try {
      await store.createMany('glossary', Array.from({ length: 200 }, (_, i) => entry(`term ${i}`)));
    } catch (caught) {
      error = caught;
    } finally {
      IDBObjectStore.prototype.put = realPut;
      IDBObjectStore.prototype.add = realAdd;
    }
    expect(puts).to.be.greaterThanOrEqual(50);
    expect(isTwinError(error), String(error)).to.equal(true);
    expect((error as { code: string }).code).to.equal('quota-exceeded');
    expect((error as Error).message).to.match(/no room left/);
    const { records } = await store.list('glossary');
    expect(records.map((r) => r.id)).to.deep.equal([kept.id]);
    await adapter.close();
    await deleteDB(databaseName);
  });

  it('steps aside for a newer version in another tab and then reports storage as unavailable', async () => {
    const databaseName = uniqueDatabase();
    const adapter = createIndexedDBAdapter({ databaseName });
    await adapter.write('s', [{ type: 'put', record: { id: 'a', space: 's', collection: 'c', rev: '0-x', updatedAt: 't' }, expectedRev: null }], {
      origin: 'test',
    });
    // A newer library in another tab upgrades the database; this adapter must not block it.
    const newer = await openDB(databaseName, DATABASE_VERSION + 1, { blocked: () => expect.fail('the upgrade was blocked') });
    newer.close();
    let error: unknown;
    try {
      await adapter.get('s', 'c', 'a');
    } catch (caught) {
      error = caught;
    }
    expect(isTwinError(error) && error.code).to.equal('storage-unavailable');
    await adapter.close();
    await deleteDB(databaseName);
  });

  it('delivers another tab\'s change to a store, but not the store\'s own echo', async () => {
    const databaseName = uniqueDatabase();
    const tabA = createStore({ adapter: createIndexedDBAdapter({ databaseName }), space: 's', user: teacher });
    const tabB = createStore({ adapter: createIndexedDBAdapter({ databaseName }), space: 's', user: { ...teacher, id: 't2', name: 'Mr Vidal' } });
    const seenA: boolean[] = [];
    const seenB: string[] = [];
    tabA.subscribe((changes) => changes.forEach((c) => seenA.push(c.local)));
    tabB.subscribe((changes) => changes.forEach((c) => seenB.push(`${c.type}:${c.local}:${(c.record?.translations as Record<string, { term: string }>)?.en.term}`)));
    await tabA.create('glossary', entry('lighthouse'));
    for (let i = 0; i < 100 && !seenB.length; i++) await new Promise((r) => setTimeout(r, 10));
    expect(seenB).to.deep.equal(['put:false:lighthouse']);
    expect(seenA).to.deep.equal([true]);
    await tabA.adapter.close();
    await tabB.adapter.close();
    await deleteDB(databaseName);
  });
});
