/**
 * Devices for the sync tests in a real browser: each a synced adapter on the test server, as its
 * admin, reaching it through a "cable" of its own (a fetch wrapper) that can be unplugged, or made
 * to refuse files as the server's rules would.
 */
import { createCouchDBAdapter } from '../sdk/adapters/couchdb/couchdb-adapter.js';
import { databaseName } from '../sdk/adapters/couchdb/couch-names.js';
import { createSyncedAdapter, type SyncedAdapter } from '../sdk/adapters/synced/synced-adapter.js';
import { createStore, type TwinStore } from '../sdk/store/create-store.js';
import { couchInfo, until } from './couch-browser.js';

let counter = 0;
export const unique = (what: string) => `${what}-${Date.now().toString(36)}-${counter++}`;
const fast = { minDelay: 50, maxDelay: 400, pollWait: 2000 };

export interface Cable {
  /** Requests fail as offline ones do. */
  unplugged: boolean;
  /** Writes of files are answered 403, as when the server's rules refuse them. */
  refuseFiles?: boolean;
}
export type Device = SyncedAdapter & { cable: Cable };

const refusal = () =>
  new Response(JSON.stringify({ error: 'forbidden', reason: 'Nobody can change who uploaded a file.' }), { status: 403, headers: { 'content-type': 'application/json' } });

export async function adminDevice(localName = unique('device')): Promise<Device> {
  const { path, adminAuthorization } = await couchInfo();
  const cable: Cable = { unplugged: false, refuseFiles: false };
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    if (cable.unplugged) return Promise.reject(new TypeError('Failed to fetch'));
    const url = String(input instanceof Request ? input.url : input);
    if (cable.refuseFiles && /attachment%3A/.test(url) && (init?.method === 'PUT' || init?.method === 'DELETE')) return Promise.resolve(refusal());
    return globalThis.fetch(input, init);
  };
  const remote = createCouchDBAdapter({ url: path, headers: { authorization: adminAuthorization }, ensureDatabase: true, fetch });
  return Object.assign(createSyncedAdapter({ remote, databaseName: localName, ...fast }), { cable });
}

export type Translations = Record<string, { term: string; definition: string }>;
export const teacher = { id: 't1', name: 'Ms Rossi', role: 'teacher' as const };
export const colleague = { id: 't2', name: 'Mr Vidal', role: 'teacher' as const };
export const entry = (term: string) => ({ translations: { en: { term, definition: '' } } as Translations });
export const translations = (record: unknown) => (record as { translations: Translations }).translations;
export const docPath = (space: string, id: string) => `/${databaseName(space)}/glossary:${id}`;

/** Two devices of two teachers on one space, both in step with the server and holding `term`. */
export async function twoDevices(space: string, term: string) {
  const [a, b] = [await adminDevice(), await adminDevice()];
  const storeA = createStore({ adapter: a, space, user: teacher });
  const storeB = createStore({ adapter: b, space, user: colleague });
  const created = await storeA.create('glossary', entry(term));
  await a.sync.syncNow(space);
  await b.sync.syncNow(space);
  await until(() => storeB.get('glossary', created.id).catch(() => undefined), 'the record on device B');
  return { a, b, storeA, storeB, id: created.id };
}

/** Edits the record's translations on a store, from what that store shows now. */
export async function editTranslations(store: TwinStore, id: string, change: (t: Translations) => Translations) {
  const current = await store.get('glossary', id);
  return store.update('glossary', current, { translations: change(structuredClone(translations(current))) });
}
