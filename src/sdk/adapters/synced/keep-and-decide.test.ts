import { expect } from '@open-wc/testing';
import { resolveConflict } from '../../../components/twin-sync-conflicts/resolve-conflict.js';
import { createStore } from '../../store/create-store.js';
import { asAdmin, setFault, signOut, until } from '../../../test-support/couch-browser.js';
import { adminDevice, type Device, docPath, editTranslations, entry, teacher, translations, twoDevices, unique, type Translations } from '../../../test-support/sync-devices.js';

/** Resolves with 'ok' or 'timeout' (a sync that cannot finish, here on purpose, must not hang the test). */
const withTimeout = <T>(p: Promise<T>, ms: number) => Promise.race([p.then(() => 'ok', () => 'failed'), new Promise((r) => setTimeout(() => r('timeout'), ms))]);

/** Makes the next IndexedDB transaction matching `match` throw once (a failure/tab close at that point). */
function failOnce(match: (names: string[], mode?: string) => boolean, armedBy?: (names: string[], mode?: string) => boolean) {
  const original = IDBDatabase.prototype.transaction;
  let armed = !armedBy;
  let fired = false;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, names: string | string[], mode?: IDBTransactionMode, ...rest: unknown[]) {
    const list = Array.isArray(names) ? [...names] : [names];
    if (!armed && armedBy?.(list, mode)) armed = true;
    else if (armed && !fired && match(list, mode)) {
      fired = true;
      throw new DOMException('probe: failed here', 'AbortError');
    }
    return (original as (...args: unknown[]) => IDBTransaction).call(this, names, mode, ...rest);
  } as typeof original;
  return { restore: () => (IDBDatabase.prototype.transaction = original), fired: () => fired };
}

/**
 * Two devices change the same definition while apart (A also adds French when `withFrench`); B
 * reaches the server first. A is left offline: the caller plugs it in.
 */
async function clashing(what: string, withFrench = false) {
  const space = unique(what);
  const devices = await twoDevices(space, 'port');
  const { a, b, storeA, storeB, id } = devices;
  a.cable.unplugged = b.cable.unplugged = true;
  await editTranslations(storeA, id, (t) => ({ ...t, en: { ...t.en, definition: 'MINE-A1' }, ...(withFrench ? { fr: { term: 'port', definition: '' } } : {}) }));
  await editTranslations(storeB, id, (t) => ({ ...t, en: { ...t.en, definition: 'THEIRS-B1' } }));
  b.cable.unplugged = false;
  await b.sync.syncNow(space);
  return { space, ...devices };
}

/** Plugs A in and syncs it twice, the first time with `probe` failing one transaction. */
async function syncThroughFailure(a: Device, space: string, probe: { restore(): void }) {
  try {
    a.cable.unplugged = false;
    await withTimeout(a.sync.syncNow(space), 8000);
    // A sync that meets the failure is answered with it; the next one completes.
    await until(() => a.sync.syncNow(space).then(() => true, () => undefined), 'a sync that completes');
  } finally {
    probe.restore();
  }
}

afterEach(() => setFault('pass'));
before(signOut);
after(signOut);

/**
 * Faults between the steps of keeping a losing version, and a person's decisions on kept versions
 * made after partners changed the record again. Each device reaches the server through a "cable"
 * (a fetch wrapper) that can be unplugged or made to refuse files.
 */
describe('synced adapter: keeping and deciding, with failures in between', () => {
  it('sends every record although the server refuses a file, and says why the file waits', async () => {
    const space = unique('file-refused');
    const a = await adminDevice();
    const store = createStore({ adapter: a, space, user: teacher });
    await a.sync.syncNow(space);
    a.cable.refuseFiles = true;
    await a.putAttachment(space, new Blob(['x'], { type: 'image/png' }), { id: 'f1' });
    const record = await store.create('glossary', entry('anchor'));
    await until(async () => ((await asAdmin<{ _id?: string }>('GET', docPath(space, record.id)))._id ? true : undefined), 'the record on the server');
    await until(() => (a.sync.status().error?.failure === 'forbidden' ? true : undefined), 'the refusal in the status');
    await until(() => (a.sync.status().pending === 1 ? true : undefined), 'the file alone still waiting');
    a.cable.refuseFiles = false;
    await a.sync.syncNow(space);
    await until(() => (a.sync.status().pending === 0 ? true : undefined), 'the file sent once allowed');
    await a.close();
  });

  it('keeps a losing version even when keeping it failed once (the tab stopped there)', async () => {
    const { space, a, b, storeA, id } = await clashing('keep-fails');
    const probe = failOnce((names, mode) => mode === 'readwrite' && names.includes('sync-kept'));
    await syncThroughFailure(a, space, probe);
    expect(probe.fired(), 'the keeping failed once').to.equal(true);
    const kept = await until(async () => ((await a.sync.conflicts(space)).length ? a.sync.conflicts(space) : undefined), 'the kept version');
    expect(kept.map((each) => translations(each.mine).en.definition)).to.deep.equal(['MINE-A1']);
    expect(translations(await storeA.get('glossary', id)).en.definition).to.equal('THEIRS-B1');
    await a.close();
    await b.close();
  });

  it('keeps a losing version once, however often its write is sent again', async () => {
    const { space, a, b } = await clashing('keep-once', true);
    // The merged version's local write fails once, after the losing version was kept.
    const probe = failOnce(
      (names, mode) => mode === 'readwrite' && names.length === 3 && names.includes('records') && names.includes('outbox') && names.includes('sync-meta'),
      (names, mode) => mode === 'readwrite' && names.includes('sync-kept'),
    );
    await syncThroughFailure(a, space, probe);
    expect(probe.fired()).to.equal(true);
    const kept = await a.sync.conflicts(space);
    expect(kept.map((each) => translations(each.mine).en.definition)).to.deep.equal(['MINE-A1']);
    await a.close();
    await b.close();
  });

  it('"Keep mine" changes only what mine changed: a partner\'s later change to another field stays', async () => {
    const { space, a, b, storeA, storeB, id } = await clashing('keep-mine');
    a.cable.unplugged = false;
    await a.sync.syncNow(space);
    await a.sync.syncNow(space);
    const [kept] = await a.sync.conflicts(space);
    await storeB.update('glossary', await storeB.get('glossary', id), { tags: ['sea'] });
    await b.sync.syncNow(space);
    await a.sync.syncNow(space);
    await until(async () => ((await storeA.get('glossary', id)).tags ? true : undefined), 'the tags on A');
    await resolveConflict(storeA, a.sync, kept, 'mine');
    await a.sync.syncNow(space);
    const server = await asAdmin<{ tags?: string[]; translations: Translations }>('GET', docPath(space, id));
    expect(server.translations.en.definition).to.equal('MINE-A1');
    expect(server.tags, 'B\'s later tags').to.deep.equal(['sea']);
    expect(await a.sync.conflicts(space)).to.deep.equal([]);
    await a.close();
    await b.close();
  });

  it('"Keep theirs" takes back what the merge added of mine, when the device shows the merged version', async () => {
    const { space, a, b, storeA, id } = await clashing('keep-theirs', true);
    a.cable.unplugged = false;
    await a.sync.syncNow(space);
    await a.sync.syncNow(space);
    const [kept] = await a.sync.conflicts(space);
    expect(Object.keys(translations(await storeA.get('glossary', id))).sort(), 'merged: theirs and my French').to.deep.equal(['en', 'fr']);
    await resolveConflict(storeA, a.sync, kept, 'theirs');
    await a.sync.syncNow(space);
    const server = await asAdmin<{ translations: Translations }>('GET', docPath(space, id));
    expect(server.translations).to.deep.equal(translations(kept.theirs));
    await a.close();
    await b.close();
  });
});
