import { expect } from '@open-wc/testing';
import { createStore } from '../../store/create-store.js';
import { asAdmin, directAsAdmin, setFault, signOut, until } from '../../../test-support/couch-browser.js';
import { databaseName } from '../couchdb/couch-names.js';
import { positionBetween } from '../../../components/twin-board/model/fractional-position.js';
import { adminDevice, colleague, docPath, editTranslations, entry, teacher, translations, twoDevices, unique, type Device, type Translations } from '../../../test-support/sync-devices.js';
import type { SyncConflict } from './sync-status.js';

/** B comes back online and syncs; only then A. */
async function bFirstThenA(a: Device, b: Device, space: string) {
  b.cable.unplugged = false;
  await b.sync.syncNow(space);
  a.cable.unplugged = false;
  await a.sync.syncNow(space);
  await a.sync.syncNow(space); // the merged version, sent
}

/**
 * Takes a device off the network and waits until its open long poll is ended: pouchdb-server
 * crashes when a database is deleted under a changes request it is answering.
 */
async function offline(device: Device, space: string) {
  device.cable.unplugged = true;
  void device.sync.syncNow(space).catch(() => {}); // ends the long poll; answered once back online
  await until(() => (device.sync.status().state === 'offline' ? true : undefined), 'the device offline');
}

/** Straight to the server, past the fault proxy (which may be losing answers). */
async function storedDoc<T = Record<string, unknown>>(path: string): Promise<T | undefined> {
  const { status, body } = await directAsAdmin('GET', path);
  return status === 200 ? (body as T) : undefined;
}

afterEach(() => setFault('pass'));
before(signOut);
after(signOut);

describe('sync never loses a write', () => {
  it('keeps every losing version when one record collects a second conflict before anyone decides', async () => {
    const space = unique('second-conflict');
    const { a, b, storeA, storeB, id } = await twoDevices(space, 'port');
    for (const round of [1, 2]) {
      a.cable.unplugged = b.cable.unplugged = true;
      await editTranslations(storeA, id, (t) => ({ ...t, en: { ...t.en, definition: `A town with a harbour (A${round})` } }));
      await editTranslations(storeB, id, (t) => ({ ...t, en: { ...t.en, definition: `Where ships load (B${round})` } }));
      await bFirstThenA(a, b, space); // B reaches the server first: A's version loses, twice
    }
    const kept = await a.sync.conflicts(space);
    expect(kept.map((conflict) => translations(conflict.mine).en.definition)).to.deep.equal(['A town with a harbour (A1)', 'A town with a harbour (A2)']);
    expect(kept.every((conflict) => conflict.fields.includes('translations.en.definition'))).to.equal(true);
    expect(new Set(kept.map((conflict) => conflict.key)).size).to.equal(2);
    expect(a.sync.status().conflicts).to.equal(2);
    // Deciding on one leaves the other.
    await a.sync.dismissConflict(space, kept[0].key);
    expect((await a.sync.conflicts(space)).map((conflict) => conflict.key)).to.deep.equal([kept[1].key]);
    expect(translations(await storeA.get('glossary', id)).en.definition).to.equal('Where ships load (B2)');
    await a.close();
    await b.close();
  });

  it('merges a French translation added on one device with a German one added on the other, without asking', async () => {
    const space = unique('merge-languages');
    const { a, b, storeA, storeB, id } = await twoDevices(space, 'lighthouse');
    a.cable.unplugged = b.cable.unplugged = true;
    await editTranslations(storeA, id, (t) => ({ ...t, fr: { term: 'phare', definition: 'Une tour avec une lumière' } }));
    await editTranslations(storeB, id, (t) => ({ ...t, de: { term: 'Leuchtturm', definition: 'Ein Turm mit Licht' } }));
    await bFirstThenA(a, b, space);
    await b.sync.syncNow(space);
    const onServer = await asAdmin<{ translations: Translations }>('GET', docPath(space, id));
    expect(Object.keys(onServer.translations).sort()).to.deep.equal(['de', 'en', 'fr']);
    for (const store of [storeA, storeB]) {
      const shown = await until(async () => {
        const record = await store.get('glossary', id);
        return Object.keys(translations(record)).length === 3 ? record : undefined;
      }, 'both translations on each device');
      expect(translations(shown).fr.term).to.equal('phare');
      expect(translations(shown).de.term).to.equal('Leuchtturm');
    }
    expect(await a.sync.conflicts(space)).to.deep.equal([]);
    expect(await b.sync.conflicts(space)).to.deep.equal([]);
    await a.close();
    await b.close();
  });

  it('merges changes to different fields of one language, and asks only about the field both changed', async () => {
    const space = unique('merge-fields');
    const { a, b, storeA, storeB, id } = await twoDevices(space, 'tide');
    a.cable.unplugged = b.cable.unplugged = true;
    await editTranslations(storeA, id, (t) => ({ ...t, en: { term: 'tides', definition: 'The sea rising and falling (A)' } }));
    await editTranslations(storeB, id, (t) => ({ ...t, en: { term: 'tide', definition: 'Twice a day the sea comes in (B)' }, it: { term: 'marea', definition: '' } }));
    await bFirstThenA(a, b, space);
    await b.sync.syncNow(space);
    const onServer = await asAdmin<{ translations: Translations }>('GET', docPath(space, id));
    // A's term merged (only A changed it), B's Italian merged; the definition both changed keeps B's (first).
    expect(onServer.translations.en).to.deep.equal({ term: 'tides', definition: 'Twice a day the sea comes in (B)' });
    expect(onServer.translations.it.term).to.equal('marea');
    const [kept] = await a.sync.conflicts(space);
    expect(kept.fields).to.deep.equal(['translations.en.definition']);
    expect(translations(kept.mine).en.definition).to.equal('The sea rising and falling (A)');
    expect(translations(kept.merged).en).to.deep.equal({ term: 'tides', definition: 'Twice a day the sea comes in (B)' });
    expect(await b.sync.conflicts(space)).to.deep.equal([]);
    await a.close();
    await b.close();
  });

  it('merges a post\'s new title from one device with its move to another section from the other', async () => {
    const space = unique('merge-post');
    const [a, b] = [await adminDevice(), await adminDevice()];
    const storeA = createStore({ adapter: a, space, user: teacher });
    const storeB = createStore({ adapter: b, space, user: colleague });
    const day1 = await storeA.create('board-section', { name: 'Day 1', position: positionBetween(undefined, undefined) });
    const day2 = await storeA.create('board-section', { name: 'Day 2', position: positionBetween(day1.position as string, undefined) });
    const post = await storeA.create('board', { kind: 'text', section: day1.id, position: positionBetween(undefined, undefined), title: 'At the pier' });
    await a.sync.syncNow(space);
    await b.sync.syncNow(space);
    const onB = await until(() => storeB.get('board', post.id).catch(() => undefined), 'the post on device B');
    a.cable.unplugged = b.cable.unplugged = true;
    await storeA.update('board', post, { title: 'At the pier in Gdynia' });
    await storeB.update('board', onB, { section: day2.id, position: positionBetween(undefined, undefined) });
    await bFirstThenA(a, b, space);
    await b.sync.syncNow(space);
    const onServer = await asAdmin<{ title: string; section: string }>('GET', `/${databaseName(space)}/board:${post.id}`);
    expect([onServer.title, onServer.section]).to.deep.equal(['At the pier in Gdynia', day2.id]);
    const onDeviceB = await until(async () => {
      const shown = await storeB.get('board', post.id);
      return shown.title === 'At the pier in Gdynia' ? shown : undefined;
    }, 'the new title on device B');
    expect(onDeviceB.section).to.equal(day2.id);
    expect(await a.sync.conflicts(space)).to.deep.equal([]);
    expect(await b.sync.conflicts(space)).to.deep.equal([]);
    await a.close();
    await b.close();
  });

  it('asks the server about a re-creation over a tombstone whose answer was lost: created once, not twice', async () => {
    const space = unique('lost-recreate');
    const device = await adminDevice();
    const store = createStore({ adapter: device, space, user: teacher });
    const saved = await store.create('glossary', entry('mole'));
    await device.sync.syncNow(space);
    await store.remove('glossary', await store.get('glossary', saved.id));
    await device.sync.syncNow(space);
    await setFault('lose-answers');
    await store.create('glossary', entry('mole again'), { id: saved.id });
    await until(async () => ((await storedDoc<{ _rev: string }>(docPath(space, saved.id)))?._rev.startsWith('3-') ? true : undefined), 'the re-creation landing');
    await until(() => (device.sync.status().state === 'offline' || device.sync.status().state === 'error' ? true : undefined), 'the push failing for want of an answer');
    await setFault('pass');
    await device.sync.syncNow(space);
    await until(() => (device.sync.status().pending === 0 ? true : undefined), 'an empty outbox');
    const doc = await asAdmin<{ _rev: string; translations: Translations }>('GET', docPath(space, saved.id));
    expect(doc._rev.startsWith('3-'), `create, delete, re-create: each once (rev ${doc._rev})`).to.equal(true);
    expect(doc.translations.en.term).to.equal('mole again');
    expect(await device.sync.conflicts(space)).to.deep.equal([]);
    await device.close();
  });

  it('asks the server about a create whose answer was lost before sending a later delete: the record stays deleted everywhere', async () => {
    const space = unique('lost-create-delete');
    const [a, b] = [await adminDevice(), await adminDevice()];
    const storeA = createStore({ adapter: a, space, user: teacher });
    const storeB = createStore({ adapter: b, space, user: colleague });
    await a.sync.syncNow(space);
    await setFault('lose-answers');
    const saved = await storeA.create('glossary', entry('jetty'));
    await until(async () => (await storedDoc<{ _rev: string }>(docPath(space, saved.id)))?._rev, 'the create landing on the server');
    await until(() => (a.sync.status().state === 'offline' || a.sync.status().state === 'error' ? true : undefined), 'the push failing for want of an answer');
    await storeA.remove('glossary', await storeA.get('glossary', saved.id));
    await setFault('pass');
    await a.sync.syncNow(space);
    await until(() => (a.sync.status().pending === 0 ? true : undefined), 'an empty outbox');
    const stored = await directAsAdmin('GET', `${docPath(space, saved.id)}?open_revs=all`);
    const leaves = stored.body as unknown as { ok: { _deleted?: boolean; _rev: string } }[];
    expect(leaves.map((leaf) => leaf.ok._deleted)).to.deep.equal([true]);
    await b.sync.syncNow(space);
    expect((await storeB.list('glossary')).records).to.deep.equal([]);
    expect(await a.sync.conflicts(space)).to.deep.equal([]);
    await a.close();
    await b.close();
  });

  it('recognises its own write after a lost answer and a further edit: no conflict about one\'s own change', async () => {
    const space = unique('lost-then-edit');
    const device = await adminDevice();
    const store = createStore({ adapter: device, space, user: teacher });
    await device.sync.syncNow(space);
    const saved = await store.create('glossary', entry('buoy'));
    await device.sync.syncNow(space);
    await setFault('lose-answers');
    await editTranslations(store, saved.id, (t) => ({ ...t, en: { term: 'buoy', definition: 'A floating marker (1)' } }));
    await until(async () => (translations(await storedDoc(docPath(space, saved.id))).en.definition.endsWith('(1)') ? true : undefined), 'the edit landing');
    await until(() => (device.sync.status().state === 'offline' || device.sync.status().state === 'error' ? true : undefined), 'the push failing for want of an answer');
    await editTranslations(store, saved.id, (t) => ({ ...t, en: { term: 'buoy', definition: 'A floating marker (2)' } }));
    await setFault('pass');
    await device.sync.syncNow(space);
    await until(() => (device.sync.status().pending === 0 ? true : undefined), 'an empty outbox');
    const doc = await asAdmin<{ _rev: string; translations: Translations }>('GET', docPath(space, saved.id));
    expect(doc.translations.en.definition).to.equal('A floating marker (2)');
    expect(doc._rev.startsWith('3-'), `create, edit 1, edit 2: each once (rev ${doc._rev})`).to.equal(true);
    expect(await device.sync.conflicts(space)).to.deep.equal([]);
    await device.close();
  });

  it('notices a re-created database: pulls it again and sends what it lacks, losing nothing', async () => {
    const space = unique('recreated');
    const device = await adminDevice();
    const store = createStore({ adapter: device, space, user: teacher });
    const words = ['pier', 'quay', 'mole'];
    for (const word of words) await store.create('glossary', entry(word));
    await device.sync.syncNow(space);
    await until(async () => ((await directAsAdmin('GET', `/${databaseName(space)}/_all_docs`)).body as { rows: unknown[] }).rows.length >= 3 || undefined, 'three records on the server');
    // The database is deleted and made again (a restore gone wrong), with one new record in it.
    await offline(device, space);
    await directAsAdmin('DELETE', `/${databaseName(space)}`);
    await directAsAdmin('PUT', `/${databaseName(space)}`);
    const other = await adminDevice();
    const fresh = await createStore({ adapter: other, space, user: colleague }).create('glossary', entry('slipway'));
    await other.close();
    await directAsAdmin('PUT', docPath(space, fresh.id), { ...fresh, rev: undefined, collection: 'glossary', space });
    device.cable.unplugged = false;
    await device.sync.syncNow(space);
    await until(async () => {
      await device.sync.syncNow(space).catch(() => {});
      const rows = ((await directAsAdmin('GET', `/${databaseName(space)}/_all_docs`)).body as { rows?: { id: string }[] }).rows ?? [];
      return rows.filter((row) => row.id.startsWith('glossary:')).length === 4 ? true : undefined;
    }, 'the device sending what the new database lacks', 20_000);
    const terms = (await until(async () => {
      const { records } = await store.list('glossary');
      return records.length === 4 ? records : undefined;
    }, 'the new database\'s record on the device')).map((record) => translations(record).en.term);
    expect(terms.sort()).to.deep.equal(['mole', 'pier', 'quay', 'slipway']);
    expect(await device.sync.conflicts(space)).to.deep.equal([]);
    await device.close();
  });

  it('notices a database restored from an older copy (its sequence went back) and sends what the copy lacks', async () => {
    const space = unique('restored');
    const device = await adminDevice();
    const store = createStore({ adapter: device, space, user: teacher });
    const early = await store.create('glossary', entry('breakwater'));
    await device.sync.syncNow(space);
    // The backup: the database as it is now, identity document included (a copy of its files would have it too).
    const { body: backup } = await directAsAdmin('GET', `/${databaseName(space)}/_all_docs?include_docs=true`);
    const identity = (await directAsAdmin('GET', `/${databaseName(space)}/_local/twinkit-database`)).body;
    const later = await store.create('glossary', entry('lighthouse'));
    await editTranslations(store, early.id, (t) => ({ ...t, en: { term: 'breakwater', definition: 'A wall against the waves' } }));
    await device.sync.syncNow(space);
    // Restored: the old copy put back into a new database of the same name (its sequence starts again).
    await offline(device, space);
    await directAsAdmin('DELETE', `/${databaseName(space)}`);
    await directAsAdmin('PUT', `/${databaseName(space)}`);
    await directAsAdmin('PUT', `/${databaseName(space)}/_local/twinkit-database`, { id: (identity as { id: string }).id });
    const docs = ((backup as { rows: { doc: Record<string, unknown> }[] }).rows.map((row) => row.doc)).filter((doc) => !String(doc._id).startsWith('_'));
    await directAsAdmin('POST', `/${databaseName(space)}/_bulk_docs`, { new_edits: false, docs });
    device.cable.unplugged = false;
    await until(async () => {
      await device.sync.syncNow(space);
      const early2 = await storedDoc<{ translations: Translations }>(docPath(space, early.id));
      const later2 = await storedDoc(docPath(space, later.id));
      return early2?.translations.en.definition === 'A wall against the waves' && later2 ? true : undefined;
    }, 'the device sending what the restored copy lacks', 20_000);
    expect(translations(await store.get('glossary', early.id)).en.definition).to.equal('A wall against the waves');
    expect(await device.sync.conflicts(space)).to.deep.equal([]);
    await device.close();
  });

  describe('conflict branches made by replication (_conflicts)', () => {
    /** Two children of the server's revision, written as replication writes them (new_edits: false). */
    async function branch(space: string, id: string, change: (t: Translations, side: 'x' | 'y') => Translations) {
      const doc = await asAdmin<Record<string, unknown> & { _rev: string; translations: Translations }>('GET', docPath(space, id));
      const [generation, hash] = doc._rev.split('-');
      const child = (side: 'x' | 'y', childHash: string) => ({
        ...doc,
        translations: change(structuredClone(doc.translations), side),
        _rev: `${Number(generation) + 1}-${childHash}`,
        _revisions: { start: Number(generation) + 1, ids: [childHash, hash] },
      });
      await directAsAdmin('POST', `/${databaseName(space)}/_bulk_docs`, { new_edits: false, docs: [child('x', 'a'.repeat(32)), child('y', 'b'.repeat(32))] });
    }

    it('shows a losing branch as a kept version, and ends it on the server once decided', async () => {
      const space = unique('branch');
      const { a, b, storeA, id } = await twoDevices(space, 'harbour');
      const announced: SyncConflict[] = [];
      a.sync.onConflict((conflict) => announced.push(conflict));
      await branch(space, id, (t, side) => ({ ...t, en: { ...t.en, definition: `Version ${side}` } }));
      await a.sync.syncNow(space);
      const [kept] = await until(async () => {
        const all = await a.sync.conflicts(space);
        return all.length ? all : undefined;
      }, 'the branch kept on device A');
      expect(kept.kind).to.equal('branch');
      expect(translations(kept.mine).en.definition).to.equal('Version x');
      expect(translations(kept.theirs).en.definition).to.equal('Version y'); // CouchDB's winner: the higher revision
      expect(kept.fields).to.deep.equal(['translations.en.definition']);
      expect(announced.map((conflict) => conflict.key)).to.deep.equal([kept.key]);
      expect(translations(await storeA.get('glossary', id)).en.definition).to.equal('Version y');
      await a.sync.dismissConflict(space, kept.key);
      expect(await a.sync.conflicts(space)).to.deep.equal([]);
      await until(async () => ((await asAdmin<{ _conflicts?: string[] }>('GET', `${docPath(space, id)}?conflicts=true`))._conflicts ? undefined : true), 'the losing branch ended');
      // Another device that reads the record later finds nothing left to decide.
      await b.sync.syncNow(space);
      expect(await b.sync.conflicts(space)).to.deep.equal([]);
      await a.close();
      await b.close();
    });

    it('merges branches that changed different languages, and ends the losing one', async () => {
      const space = unique('branch-merge');
      const { a, b, storeA, id } = await twoDevices(space, 'sunset');
      await branch(space, id, (t, side) => (side === 'x' ? { ...t, pl: { term: 'zachód słońca', definition: '' } } : { ...t, it: { term: 'tramonto', definition: '' } }));
      await a.sync.syncNow(space);
      const merged = await until(async () => {
        const record = await storeA.get('glossary', id);
        return Object.keys(translations(record)).length === 3 ? record : undefined;
      }, 'both branches in one version on device A');
      expect(Object.keys(translations(merged)).sort()).to.deep.equal(['en', 'it', 'pl']);
      await a.sync.syncNow(space);
      const onServer = await until(async () => {
        const doc = await asAdmin<{ _conflicts?: string[]; translations: Translations }>('GET', `${docPath(space, id)}?conflicts=true`);
        return !doc._conflicts && Object.keys(doc.translations).length === 3 ? doc : undefined;
      }, 'the merged version on the server, the losing branch ended');
      expect(onServer.translations.pl.term).to.equal('zachód słońca');
      expect(await a.sync.conflicts(space)).to.deep.equal([]);
      await a.close();
      await b.close();
    });
  });
});

