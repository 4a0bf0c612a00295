import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { runAdapterConformance } from '../../conformance/index.js';
import { createStore } from '../../store/create-store.js';
import { asAdmin, couchInfo, directAsAdmin, setFault, setupSpace, until, signOut } from '../../../test-support/couch-browser.js';
import { createCouchDBAdapter } from '../couchdb/couchdb-adapter.js';
import { databaseName } from '../couchdb/couch-names.js';
import { createSyncedAdapter, type SyncedAdapter } from './synced-adapter.js';
import type { SyncConflict } from './sync-status.js';

let counter = 0;
const unique = (what: string) => `${what}-${Date.now().toString(36)}-${counter++}`;
const fast = { minDelay: 50, maxDelay: 400, pollWait: 2000 };

/** A device: its own IndexedDB copy, synced with the test server, as an admin (no rules). */
async function adminDevice(localName = unique('device')): Promise<SyncedAdapter> {
  const { path, adminAuthorization } = await couchInfo();
  const remote = createCouchDBAdapter({ url: path, headers: { authorization: adminAuthorization }, ensureDatabase: true });
  return createSyncedAdapter({ remote, databaseName: localName, ...fast });
}

const teacher = { id: 't1', name: 'Ms Rossi', role: 'teacher' as const };
const entry = (term: string) => ({ translations: { en: { term, definition: '' } } });
// Straight to the server, past the fault proxy: what is really stored, whatever the proxy does.
const remoteDocs = async (space: string) =>
  (((await directAsAdmin('GET', `/${databaseName(space)}/_all_docs`)).body?.rows as { id: string; value: { rev: string } }[] | undefined) ?? []).filter(
    (row) => !row.id.startsWith('_'),
  );

afterEach(() => setFault('pass'));
before(signOut);
after(signOut);

runAdapterConformance({
  name: 'synced (IndexedDB + CouchDB, Chromium)',
  describe,
  it,
  createSite() {
    const localName = unique('conformance');
    return { open: () => adminDevice(localName), destroy: () => deleteDB(localName) };
  },
});

describe('synced adapter: offline first against a real CouchDB-protocol server', () => {
  it('sends 200 writes made while the server is down, each exactly once, when it is back', async () => {
    const space = unique('offline');
    const device = await adminDevice();
    const store = createStore({ adapter: device, space, user: teacher });
    await device.sync.syncNow(space);
    await setFault('down');
    for (let i = 0; i < 200; i++) await store.create('glossary', entry(`word ${i}`));
    await until(() => (device.sync.status().state === 'offline' ? true : undefined), 'the offline status');
    await until(() => (device.sync.status().pending === 200 ? true : undefined), '200 writes waiting');
    expect((await store.list('glossary')).records.length).to.equal(200);
    await setFault('pass');
    await device.sync.syncNow(space);
    await until(() => (device.sync.status().pending === 0 ? true : undefined), 'an empty outbox');
    const docs = await remoteDocs(space);
    expect(docs.length).to.equal(200);
    expect(docs.every((doc) => doc.value.rev.startsWith('1-')), 'every record written once').to.equal(true);
    expect(device.sync.status().state).to.equal('online');
    await device.close();
  });

  it('never applies a re-sent write twice when the answer to the first was lost', async () => {
    const space = unique('lost-answer');
    const device = await adminDevice();
    const store = createStore({ adapter: device, space, user: teacher });
    await device.sync.syncNow(space);
    await setFault('lose-answers');
    const saved = await store.create('glossary', entry('harbour'));
    await until(() => (device.sync.status().state !== 'online' && device.sync.status().state !== 'syncing' ? true : undefined), 'a failed push');
    await setFault('pass');
    await device.sync.syncNow(space);
    await until(() => (device.sync.status().pending === 0 ? true : undefined), 'an empty outbox');
    const doc = await asAdmin<{ _rev: string; translations: unknown }>('GET', `/${databaseName(space)}/glossary:${saved.id}`);
    expect(doc._rev.startsWith('1-'), `stored once, not twice (rev ${doc._rev})`).to.equal(true);
    expect(await device.sync.conflicts(space)).to.deep.equal([]);
    await device.close();
  });

  it('brings a change from another device into this one, and its store announces it as not local', async () => {
    const space = unique('live');
    const [a, b] = [await adminDevice(), await adminDevice()];
    const storeA = createStore({ adapter: a, space, user: teacher });
    const storeB = createStore({ adapter: b, space, user: { ...teacher, id: 't2', name: 'Mr Vidal' } });
    const seen: string[] = [];
    storeB.subscribe((changes) => changes.forEach((c) => seen.push(`${c.type}:${c.local}:${(c.record?.translations as Record<string, { term: string }>)?.en.term}`)));
    await b.sync.syncNow(space);
    await storeA.create('glossary', entry('lighthouse'));
    await until(() => (seen.length ? true : undefined), 'the change on the other device');
    expect(seen).to.deep.equal(['put:false:lighthouse']);
    await a.close();
    await b.close();
  });

  it('keeps no second copy of a record in step with the server; a local change keeps the version it departs from until sent', async () => {
    const space = unique('base');
    const localName = unique('device');
    const device = await adminDevice(localName);
    const store = createStore({ adapter: device, space, user: teacher });
    const created = await store.create('glossary', entry('harbour'));
    await device.sync.syncNow(space);
    await until(() => (device.sync.status().pending === 0 ? true : undefined), 'an empty outbox');
    const db = await openDB(localName);
    const metaOf = () => db.get('sync-meta', [space, 'glossary', created.id]);
    try {
      const inStep = await metaOf();
      expect(inStep.remoteRev).to.match(/^1-/);
      expect(inStep, 'in step: the local copy is the base').to.not.have.property('base');
      await setFault('down');
      await store.update('glossary', await store.get('glossary', created.id), { translations: { en: { term: 'harbour', definition: 'changed here' } } });
      const changed = await metaOf();
      expect(changed.base?.translations?.en?.definition, 'the server\'s version, kept as the merge base').to.equal('');
      expect(changed.remoteRev).to.equal(inStep.remoteRev);
      await setFault('pass');
      await device.sync.syncNow(space);
      await until(() => (device.sync.status().pending === 0 ? true : undefined), 'the change sent');
      const sent = await metaOf();
      expect(sent.remoteRev).to.match(/^2-/);
      expect(sent, 'sent: the local copy is the base again').to.not.have.property('base');
    } finally {
      db.close();
      await device.close();
    }
  });

  it('still brings in others\' changes while this device never stops writing', async () => {
    const space = unique('busy');
    const [a, b] = [await adminDevice(), await adminDevice()];
    const storeA = createStore({ adapter: a, space, user: teacher });
    const storeB = createStore({ adapter: b, space, user: teacher });
    await a.sync.syncNow(space);
    await b.sync.syncNow(space);
    let writing = true;
    const writes = (async () => {
      // A write every few milliseconds: a push is under way, or about to start, at every moment.
      for (let i = 0; writing; i++) await storeA.create('glossary', entry(`busy ${i}`));
    })();
    try {
      const fromB = await storeB.create('glossary', entry('from device B'));
      await b.sync.syncNow(space);
      await until(() => storeA.get('glossary', fromB.id).catch(() => undefined), 'device B\'s entry on the busy device A', 10_000);
    } finally {
      writing = false;
      await writes;
    }
    await a.close();
    await b.close();
  });

  it('keeps both versions when two devices change one record while apart, and shows the server\'s', async () => {
    const space = unique('conflict');
    const [a, b] = [await adminDevice(), await adminDevice()];
    const storeA = createStore({ adapter: a, space, user: teacher });
    const storeB = createStore({ adapter: b, space, user: teacher });
    const created = await storeA.create('glossary', entry('port'));
    await a.sync.syncNow(space);
    await b.sync.syncNow(space);
    const onB = await until(() => storeB.get('glossary', created.id).catch(() => undefined), 'the record on device B');
    const conflicts: { device: string; conflict: SyncConflict }[] = [];
    a.sync.onConflict((conflict) => conflicts.push({ device: 'A', conflict }));
    b.sync.onConflict((conflict) => conflicts.push({ device: 'B', conflict }));
    await setFault('down');
    await storeA.update('glossary', created, { translations: { en: { term: 'port', definition: 'A town with a harbour (A)' } } });
    await storeB.update('glossary', onB, { translations: { en: { term: 'port', definition: 'Where ships load (B)' } } });
    await setFault('pass');
    await a.sync.syncNow(space);
    await b.sync.syncNow(space);
    await a.sync.syncNow(space);
    // Whichever device reached the server first won; the other keeps its own version as a conflict.
    const [{ device, conflict }] = await until(() => (conflicts.length ? conflicts : undefined), 'the conflict');
    const [winner, loser] = device === 'B' ? ['A', 'B'] : ['B', 'A'];
    const definition = (record: unknown) => (record as { translations: Record<string, { definition: string }> }).translations.en.definition;
    expect(conflicts.length, 'one conflict in all').to.equal(1);
    expect(conflict.kind).to.equal('conflict');
    expect(definition(conflict.mine)).to.match(new RegExp(`\\(${loser}\\)`));
    expect(definition(conflict.theirs)).to.match(new RegExp(`\\(${winner}\\)`));
    const loserStore = loser === 'B' ? storeB : storeA;
    expect(definition(await loserStore.get('glossary', created.id))).to.match(new RegExp(`\\(${winner}\\)`));
    expect((await (loser === 'B' ? b : a).sync.conflicts(space)).length).to.equal(1);
    await a.close();
    await b.close();
  });

  it('lets one tab sync (a Web Lock); another tab\'s writes still reach the server, and it takes over when the first closes', async () => {
    const space = unique('tabs');
    const localName = unique('tabs-db');
    const tab1 = await adminDevice(localName);
    const tab2 = await adminDevice(localName);
    const store1 = createStore({ adapter: tab1, space, user: teacher });
    const store2 = createStore({ adapter: tab2, space, user: teacher });
    await store1.list('glossary');
    await store2.list('glossary');
    const held = await until(async () => {
      const state = await navigator.locks.query();
      const mine = (state.held ?? []).filter((lock) => lock.name?.includes(space));
      return mine.length ? mine : undefined;
    }, 'the sync lock');
    expect(held.length, 'one tab holds the lock').to.equal(1);
    const pending = (await navigator.locks.query()).pending?.filter((lock) => lock.name?.includes(space)) ?? [];
    expect(pending.length, 'the other waits for it').to.equal(1);
    await store2.create('glossary', entry('from tab 2'));
    await until(async () => ((await remoteDocs(space)).length === 1 ? true : undefined), 'tab 2\'s write on the server');
    await tab1.close(); // the syncing tab closes mid-sync: the other takes over
    await store2.create('glossary', entry('after tab 1 closed'));
    await until(async () => ((await remoteDocs(space)).length === 2 ? true : undefined), 'the write after the first tab closed');
    await tab2.close();
  });

  it('finishes a push cut short by its tab closing: the other tab sends the rest, each record once', async () => {
    const space = unique('closed-mid-sync');
    const localName = unique('closing-db');
    const tab1 = await adminDevice(localName);
    const tab2 = await adminDevice(localName);
    await tab1.sync.syncNow(space); // tab 1 takes the lock first: it syncs for both
    const store2 = createStore({ adapter: tab2, space, user: teacher });
    await setFault('down');
    await store2.createMany('glossary', Array.from({ length: 150 }, (_, i) => entry(`word ${i}`)));
    await setFault('lose-answers'); // tab 1's push lands, but it never hears back...
    await until(async () => ((await remoteDocs(space)).length === 150 ? true : undefined), 'the push landing on the server');
    await tab1.close(); // ...and its tab closes before it could clear the outbox
    await setFault('pass');
    await tab2.sync.syncNow(space);
    await until(() => (tab2.sync.status().pending === 0 ? true : undefined), 'the other tab emptying the outbox');
    const docs = await remoteDocs(space);
    expect(docs.length).to.equal(150);
    expect(docs.every((doc) => doc.value.rev.startsWith('1-')), 'no record written twice').to.equal(true);
    expect(await tab2.sync.conflicts(space)).to.deep.equal([]);
    await tab2.close();
  });

  it('syncs a device whose clock is a year wrong: changes travel by the server\'s sequence, not by time', async () => {
    const space = unique('clock');
    const yearAgo = new Date(Date.now() - 365 * 24 * 3600 * 1000);
    const [slow, right] = [await adminDevice(), await adminDevice()];
    const slowStore = createStore({ adapter: slow, space, user: teacher, now: () => yearAgo });
    const rightStore = createStore({ adapter: right, space, user: { ...teacher, id: 't2', name: 'Mr Vidal' } });
    await right.sync.syncNow(space);
    await rightStore.create('glossary', entry('written now'));
    const old = await slowStore.create('glossary', entry('written "a year ago"'));
    await slow.sync.syncNow(space);
    await right.sync.syncNow(space);
    const seen = await until(() => rightStore.get('glossary', old.id).catch(() => undefined), 'the slow device\'s entry');
    expect(seen.updatedAt).to.equal(yearAgo.toISOString());
    await slow.sync.syncNow(space);
    expect((await slowStore.list('glossary')).records.length).to.equal(2);
    await slow.close();
    await right.close();
  });

  it('shows the server\'s version when its rules refuse a change, and keeps the refused one', async () => {
    const space = unique('rules');
    await setupSpace(space, [
      { id: 'ana', name: 'Ana', role: 'pupil', password: 'ana-pw' },
      { id: 'ben', name: 'Ben', role: 'pupil', password: 'ben-pw' },
    ]);
    const { path } = await couchInfo();
    const device = (name: string) =>
      createSyncedAdapter({ remote: createCouchDBAdapter({ url: path, headers: { authorization: `Basic ${btoa(`${name}:${name}-pw`)}` } }), databaseName: unique(name), ...fast });
    const [ana, ben] = [device('ana'), device('ben')];
    const anaStore = createStore({ adapter: ana, space, user: { id: 'ana', name: 'Ana', role: 'pupil' } });
    const benStore = createStore({ adapter: ben, space, user: { id: 'ben', name: 'Ben', role: 'pupil' } });
    const post = await anaStore.create('glossary', entry('mine'));
    await ana.sync.syncNow(space);
    await ben.sync.syncNow(space);
    const onBen = await until(() => benStore.get('glossary', post.id).catch(() => undefined), 'Ana\'s entry on Ben\'s device');
    // Ben edits Ana's entry behind his store's back (as devtools would): the server refuses it.
    const conflicts: SyncConflict[] = [];
    ben.sync.onConflict((conflict) => conflicts.push(conflict));
    await ben.write(space, [{ type: 'put', record: { ...onBen, translations: { en: { term: 'changed by Ben', definition: '' } } }, expectedRev: onBen.rev }], { origin: 'devtools' });
    await ben.sync.syncNow(space);
    await until(() => (conflicts.length ? true : undefined), 'the refusal');
    expect(conflicts[0].kind).to.equal('refused');
    expect(conflicts[0].message).to.match(/someone else/i);
    expect((conflicts[0].mine?.translations as Record<string, { term: string }>).en.term).to.equal('changed by Ben');
    const shown = await benStore.get('glossary', post.id);
    expect((shown.translations as Record<string, { term: string }>).en.term).to.equal('mine');
    const onServer = await asAdmin<{ translations: Record<string, { term: string }> }>('GET', `/${databaseName(space)}/glossary:${post.id}`);
    expect(onServer.translations.en.term).to.equal('mine');
    await ana.close();
    await ben.close();
  });
});
