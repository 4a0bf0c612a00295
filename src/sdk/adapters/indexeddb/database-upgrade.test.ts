import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { openTwinDatabase } from './database.js';

const key = ['space', 'collection', 'id'];

describe('IndexedDB database: upgrade from version 4', () => {
  it('moves each write in flight into one flight per space, keeps every entry, and drops the unread index', async () => {
    const name = `upgrade-4-${Date.now().toString(36)}`;
    // The stores of version 4 that the upgrade touches, as version 4 made them.
    const old = await openDB(name, 4, {
      upgrade(db) {
        db.createObjectStore('records', { keyPath: key });
        db.createObjectStore('outbox', { keyPath: key }).createIndex('by-space', 'space');
        db.createObjectStore('sync-meta', { keyPath: key });
      },
    });
    await old.put('outbox', { space: 's1', collection: 'notes', id: 'a', version: 3, queuedAt: 'q', inflight: { writeId: 'w-a', version: 3, baseRev: '1-x' } });
    await old.put('outbox', { space: 's1', collection: 'notes', id: 'b', version: 1, queuedAt: 'q' });
    await old.put('outbox', { space: 's2', collection: 'notes', id: 'c', version: 7, queuedAt: 'q', inflight: { writeId: 'w-c', version: 6, baseRev: null } });
    old.close();

    const db = await openTwinDatabase(name, () => {});
    try {
      const flights = await db.getAll('sync-flights');
      expect(flights).to.deep.equal([
        { space: 's1', flight: 'before-version-5', writes: [{ writeId: 'w-a', version: 3, baseRev: '1-x', collection: 'notes', id: 'a' }] },
        { space: 's2', flight: 'before-version-5', writes: [{ writeId: 'w-c', version: 6, baseRev: null, collection: 'notes', id: 'c' }] },
      ]);
      const entries = await db.getAll('outbox');
      expect(entries.map((entry) => `${entry.space}/${entry.id}@${entry.version}`)).to.deep.equal(['s1/a@3', 's1/b@1', 's2/c@7']);
      expect(entries.some((entry) => 'inflight' in entry), 'no entry still carries its flight').to.equal(false);
      expect([...db.transaction('outbox').store.indexNames]).to.deep.equal([]);
    } finally {
      db.close();
      await deleteDB(name);
    }
  });
});
