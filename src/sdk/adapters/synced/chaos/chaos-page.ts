/**
 * The page a chaos run opens in each tab: one store over the synced adapter, signed in as one
 * user, and a small API on `window.twinkitChaos` that the runner calls through Playwright.
 */
import type { RawRecord } from '../../../adapter.js';
import { createStore, type TwinStore } from '../../../store/create-store.js';
import type { TwinUser } from '../../../policy/roles.js';
import { createHttpRemote } from '../../../replication/http-remote.js';
import { createLayoutRemote } from '../../couchdb/layout-remote.js';
import { deviceLookups } from '../create-synced-couchdb.js';
import { createSyncedAdapter, type SyncedAdapter } from '../synced-adapter.js';

export interface ChaosPageOptions {
  space: string;
  user: TwinUser;
  password: string;
  /** The device's IndexedDB database: tabs of one device share it. */
  databaseName: string;
  delays: { minDelay: number; maxDelay: number; pollWait: number };
  /** The server, as the page reaches it through the fault proxy: CouchDB, or a replication-protocol server. */
  server: { kind: 'couchdb' | 'reference'; path: string };
}

/** A write's outcome: the version it started from and what the store returned, or why it refused. */
export type Outcome = { ok: true; base?: RawRecord; record?: RawRecord } | { ok: false; base?: RawRecord; error: string };

let adapter: SyncedAdapter;
let store: TwinStore;
let space: string;
/** Versions this tab read earlier: an edit may start from one of them (a form left open). */
const seen = new Map<string, RawRecord>();

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null)) ?? undefined;
const failed = (error: unknown, base?: RawRecord): Outcome => ({ ok: false, base: plain(base), error: `${(error as Error)?.name}: ${(error as Error)?.message ?? error}` });

async function current(id: string): Promise<RawRecord | undefined> {
  const record = await store.get('glossary', id).catch(() => undefined);
  if (record) seen.set(id, record as RawRecord);
  return record as RawRecord | undefined;
}

const api = {
  open(options: ChaosPageOptions) {
    space = options.space;
    const authorization = `Basic ${btoa(`${options.user.id}:${options.password}`)}`;
    const { kind, path } = options.server;
    // CouchDB as a page that names no layout: whichever the server says.
    const couch = (local: Parameters<typeof deviceLookups>[0]) => createLayoutRemote({ url: path, headers: { authorization }, local: deviceLookups(local) });
    const remote = kind === 'reference' ? createHttpRemote({ url: path, headers: { authorization } }) : couch;
    adapter = createSyncedAdapter({ remote, databaseName: options.databaseName, ...options.delays });
    store = createStore({ adapter, space, user: options.user });
    return store.list('glossary').then(() => true);
  },
  async create(fields: Record<string, unknown>): Promise<Outcome> {
    try {
      const record = await store.create('glossary', fields);
      seen.set(record.id, record as RawRecord);
      return { ok: true, record: plain(record as RawRecord) };
    } catch (error) {
      return failed(error);
    }
  },
  /** `set`: dotted paths under `translations` to new values. `stale`: start from an older version this tab saw. */
  async edit(id: string, set: Record<string, string>, stale: boolean): Promise<Outcome | undefined> {
    const fresh = await current(id);
    const base = (stale ? seen.get(id) : undefined) ?? fresh;
    if (!base) return undefined;
    const translations = structuredClone(base.translations) as Record<string, Record<string, string>>;
    for (const [path, value] of Object.entries(set)) {
      const [, language, field] = path.split('.');
      translations[language] = { ...(translations[language] ?? { term: value }), [field]: value };
    }
    try {
      const record = await store.update('glossary', base as never, { translations });
      seen.set(id, record as RawRecord);
      return { ok: true, base: plain(base), record: plain(record as RawRecord) };
    } catch (error) {
      return failed(error, base);
    }
  },
  async remove(id: string): Promise<Outcome | undefined> {
    const base = await current(id);
    if (!base) return undefined;
    try {
      await store.remove('glossary', base as never);
      return { ok: true, base: plain(base) };
    } catch (error) {
      return failed(error, base);
    }
  },
  /** Asks for a sync now, but never waits more than `timeout` ms for it (a hung sync is a finding, not a hung run). */
  async syncNow(timeout: number): Promise<string> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('timed out'), timeout)));
    const done = adapter.sync.syncNow(space).then(
      () => 'ok',
      (error: Error) => `failed: ${error.message}`,
    );
    const result = await Promise.race([done, expired]);
    clearTimeout(timer);
    return result;
  },
  status: () => plain(adapter.sync.status()),
  conflicts: async () => plain(await adapter.sync.conflicts(space)),
  /** The device's IndexedDB copy, as the adapter stores it. */
  local: async () => plain(await adapter.list(space, 'glossary')),
  /** What the store shows this tab. */
  list: async () => plain((await store.list('glossary')).records as RawRecord[]),
  close: () => adapter.close(),
};

export type ChaosPageApi = typeof api;
declare global {
  interface Window {
    twinkitChaos: ChaosPageApi;
  }
}
window.twinkitChaos = api;
