import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startReplicatedPair, type ReplicatedPair } from '../../../../scripts/couch/start-replicated-pair.mjs';
import type { CouchServer } from '../../../../scripts/couch/start-couch-server.mjs';
import { createStore, type TwinStore } from '../../store/create-store.js';
import { createCouchDBAdapter } from '../couchdb/couchdb-adapter.js';
import { databaseName } from '../couchdb/couch-names.js';
import { basicAuth } from '../couchdb/setup/couch-request.js';
import { setupCouchSpace } from '../couchdb/setup/couchdb-setup.js';
import { createSyncedAdapter, type SyncedAdapter } from './synced-adapter.js';

/**
 * A school's server and a central one replicating a space both ways, one device on each (the
 * sync engine over fake-indexeddb in Node; the same engine runs on real IndexedDB in the browser
 * tests). Edits cross over; concurrent edits that replication turns into conflict branches are
 * read, shown as kept versions on both devices, and once a person decides, the losing branch is
 * ended on both servers.
 */
const SPACE = 'two-servers';
const DB = databaseName(SPACE);
const WAIT_MS = 15_000;
const people = { tom: { id: 'tom', name: 'Tom Berg', role: 'teacher' as const }, vera: { id: 'vera', name: 'Vera Kask', role: 'teacher' as const } };
const password = (id: string) => `pw-${id}`;

type Translations = Record<string, { term: string; definition: string }>;
const translations = (record: unknown) => (record as { translations: Translations }).translations;

let pair: ReplicatedPair;
const devices: SyncedAdapter[] = [];
let counter = 0;

function device(server: CouchServer, who: keyof typeof people): { adapter: SyncedAdapter; store: TwinStore } {
  const remote = createCouchDBAdapter({ url: server.url, headers: { authorization: basicAuth(who, password(who)) } });
  const adapter = createSyncedAdapter({ remote, databaseName: `two-servers-${who}-${counter++}`, minDelay: 50, maxDelay: 400, pollWait: 1000 });
  devices.push(adapter);
  return { adapter, store: createStore({ adapter, space: SPACE, user: people[who] }) };
}

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function serverDoc(server: CouchServer, id: string) {
  const response = await fetch(`${server.url}/${DB}/glossary:${id}?conflicts=true`, { headers: { ...server.adminHeaders, accept: 'application/json' } });
  return response.status === 200 ? ((await response.json()) as { _rev: string; _conflicts?: string[]; translations: Translations }) : undefined;
}

before(async () => {
  pair = await startReplicatedPair({ databases: [DB], replicate: false });
  const members = Object.values(people).map((person) => ({ ...person, password: password(person.id) }));
  for (const server of [pair.a, pair.b]) await setupCouchSpace({ url: server.url, admin: server.admin, space: SPACE, moderation: 'off', members, layout: 'space' });
});

after(async () => {
  for (const adapter of devices) await adapter.close();
  await pair?.stop();
});

describe('two servers replicating a space, one device on each', () => {
  it('shows a conflict branch made by replication on both devices, and ends it on both servers once decided', { timeout: 60_000 }, async () => {
    const a = device(pair.a, 'tom');
    const b = device(pair.b, 'vera');
    const created = await a.store.create('glossary', { translations: { en: { term: 'harbour', definition: '' } } });
    await a.adapter.sync.syncNow(SPACE);
    await pair.replicateOnce();
    await b.adapter.sync.syncNow(SPACE);
    const onB = await until(() => b.store.get('glossary', created.id).catch(() => undefined), 'the entry on the device of server B');
    // Both edit the same field, each on their own server, before the servers exchange anything.
    await a.store.update('glossary', created, { translations: { en: { term: 'harbour', definition: 'Where boats shelter (Tom)' } } });
    await b.store.update('glossary', onB, { translations: { en: { term: 'harbour', definition: 'A port with a breakwater (Vera)' } } });
    await a.adapter.sync.syncNow(SPACE);
    await b.adapter.sync.syncNow(SPACE);
    await pair.replicateOnce();
    const [docA, docB] = [await serverDoc(pair.a, created.id), await serverDoc(pair.b, created.id)];
    assert.equal(docA?._conflicts?.length, 1, 'replication left a losing branch on server A');
    assert.equal(docA?._rev, docB?._rev, 'both servers pick the same winner');
    for (const side of [a, b]) await side.adapter.sync.syncNow(SPACE);
    const keptA = await until(async () => (await a.adapter.sync.conflicts(SPACE)).find((c) => c.kind === 'branch'), 'the branch kept on device A');
    const keptB = await until(async () => (await b.adapter.sync.conflicts(SPACE)).find((c) => c.kind === 'branch'), 'the branch kept on device B');
    const definitions = [translations(keptA.mine).en.definition, translations(keptA.theirs).en.definition].sort();
    assert.deepEqual(definitions, ['A port with a breakwater (Vera)', 'Where boats shelter (Tom)'], 'both versions are in front of a person');
    assert.equal(keptA.key, keptB.key, 'the same losing revision on both devices');
    assert.deepEqual(keptA.fields, ['translations.en.definition']);
    // Tom decides on device A: the losing version is the one to keep.
    const current = await a.store.get('glossary', created.id);
    await a.store.update('glossary', current, { translations: translations(keptA.mine) });
    await a.adapter.sync.dismissConflict(SPACE, keptA.key);
    await a.adapter.sync.syncNow(SPACE);
    await until(async () => ((await serverDoc(pair.a, created.id))?._conflicts ? undefined : true), 'the losing branch ended on server A');
    await pair.replicateOnce();
    const onServerB = await until(async () => {
      const doc = await serverDoc(pair.b, created.id);
      return doc && !doc._conflicts ? doc : undefined;
    }, 'the losing branch ended on server B too');
    assert.equal(onServerB.translations.en.definition, translations(keptA.mine).en.definition);
    await b.adapter.sync.syncNow(SPACE);
    assert.deepEqual(await b.adapter.sync.conflicts(SPACE), [], 'nothing left to decide on device B');
    assert.equal(translations(await b.store.get('glossary', created.id)).en.definition, translations(keptA.mine).en.definition);
  });

  it('carries every edit across while the servers replicate continuously, both ways', async () => {
    await pair.start();
    const a = device(pair.a, 'tom');
    const b = device(pair.b, 'vera');
    const fromA = await a.store.create('glossary', { translations: { en: { term: 'pier', definition: '' } } });
    const fromB = await b.store.create('glossary', { translations: { en: { term: 'quay', definition: '' } } });
    const onB = await until(() => b.store.get('glossary', fromA.id).catch(() => undefined), 'Tom\'s entry on Vera\'s device');
    await until(() => a.store.get('glossary', fromB.id).catch(() => undefined), 'Vera\'s entry on Tom\'s device');
    await b.store.update('glossary', onB, { translations: { ...translations(onB), fr: { term: 'jetée', definition: '' } } });
    await until(async () => (translations(await a.store.get('glossary', fromA.id)).fr ? true : undefined), 'Vera\'s French on Tom\'s device');
    await a.store.remove('glossary', await a.store.get('glossary', fromB.id));
    await until(async () => ((await b.store.get('glossary', fromB.id).catch(() => undefined)) ? undefined : true), 'Tom\'s delete on Vera\'s device');
    for (const side of [a, b]) assert.deepEqual(await side.adapter.sync.conflicts(SPACE), []);
  });
});
