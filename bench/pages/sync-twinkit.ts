/**
 * Sync benchmark, Twinkit side (bench/run.mjs drives it; see bench/README.md, "Sync rows"): the
 * synced adapter (local IndexedDB + outbox, CouchDB through `createCouchDBAdapter`) against the
 * bench's pouchdb-server, reached same-origin at `/couch` through the page server's proxy, as its
 * admin. Every step runs in a fresh page; figures are taken here with performance.now().
 */
import { openDB } from 'idb';
import { createCouchDBAdapter } from '../../src/sdk/adapters/couchdb/couchdb-adapter.js';
import { databaseName } from '../../src/sdk/adapters/couchdb/couch-names.js';
import { createSyncedAdapter, type SyncedAdapter } from '../../src/sdk/adapters/synced/synced-adapter.js';
import type { RawRecord } from '../../src/sdk/adapter.js';
import { createStore } from '../../src/sdk/store/create-store.js';
import { makeFieldsList } from './data.js';
import { COLLECTION, USER } from './harness.js';

export interface SyncPageConfig {
  /** Same-origin path of the server (`/couch`). */
  couchPath: string;
  /** `Basic ...` of the server's admin. */
  authorization: string;
  space: string;
  /** The device's local IndexedDB database. */
  localName: string;
  records: number;
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function device(config: SyncPageConfig): SyncedAdapter {
  const remote = createCouchDBAdapter({ url: config.couchPath, headers: { authorization: config.authorization }, ensureDatabase: true });
  return createSyncedAdapter({ remote, databaseName: config.localName });
}

/** The server's record ids and revisions (no documents), as its admin. */
async function serverRows(config: SyncPageConfig, database: string): Promise<{ id: string; rev: string }[]> {
  const prefix = `${COLLECTION}:`;
  const query = new URLSearchParams({ startkey: JSON.stringify(prefix), endkey: JSON.stringify(`${prefix}\ufff0`) });
  const response = await fetch(`${config.couchPath}/${encodeURIComponent(database)}/_all_docs?${query}`, { headers: { authorization: config.authorization } });
  if (!response.ok) throw new Error(`GET _all_docs of ${database}: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { rows: { id: string; value: { rev: string } }[] };
  return body.rows.map((row) => ({ id: row.id.slice(prefix.length), rev: row.value.rev }));
}

const serverIds = async (config: SyncPageConfig, database: string) => (await serverRows(config, database)).map((row) => row.id);

/** The content of a record, without what a copy may change (its revision, where it is kept). */
const content = (record: Record<string, unknown>) =>
  JSON.stringify(Object.keys(record).filter((key) => !['rev', 'space', '_id', '_rev', 'twinkitOrigin', 'twinkitWrite'].includes(key)).sort().map((key) => [key, record[key]]));

/** 100 records spread over the list must have the same content on the server as here. */
async function checkSample(config: SyncPageConfig, database: string, records: RawRecord[], what: string) {
  const step = Math.max(1, Math.floor(records.length / 100));
  const sample = records.filter((_, index) => index % step === 0).slice(0, 100);
  const response = await fetch(`${config.couchPath}/${encodeURIComponent(database)}/_all_docs?include_docs=true`, {
    method: 'POST',
    headers: { authorization: config.authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ keys: sample.map((record) => `${COLLECTION}:${record.id}`) }),
  });
  const body = (await response.json()) as { rows: { doc?: Record<string, unknown> | null }[] };
  body.rows.forEach((row, index) => {
    if (!row.doc || content(row.doc) !== content(sample[index] as unknown as Record<string, unknown>)) {
      throw new Error(`${what}: record ${sample[index].id} differs from the server's document ${JSON.stringify(row.doc).slice(0, 300)}`);
    }
  });
}

async function outboxCount(localName: string): Promise<number> {
  const db = await openDB(localName);
  try {
    return db.objectStoreNames.contains('outbox') ? await db.count('outbox') : -1;
  } finally {
    db.close();
  }
}

function sameIds(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

/** Wall time during which at least one of something was in flight (an interval union). */
class Busy {
  #open = 0;
  #since = 0;
  ms = 0;
  start() {
    if (this.#open++ === 0) this.#since = performance.now();
  }
  end() {
    if (--this.#open === 0) this.ms += performance.now() - this.#since;
  }
}

/**
 * `--sync-profile` only (never in the timed runs): counts the page's IndexedDB transactions (by
 * mode and stores) and its requests to the server (by kind, time to the headers and to the parsed
 * body), and the wall time during which a transaction, a request, or both were open. Push and pull
 * run side by side in the synced adapter, so the two overlap; the breakdown shows which one the
 * page was waiting on.
 */
function instrument() {
  const transactions = new Map<string, number>();
  const requests = new Map<string, { count: number; headersMs: number; bodyMs: number }>();
  const idb = new Busy();
  const net = new Busy();
  const either = new Busy();
  const both = { ms: 0, idbOpen: 0, netOpen: 0, since: 0 };
  const track = (kind: 'idb' | 'net', delta: 1 | -1) => {
    const wasBoth = both.idbOpen > 0 && both.netOpen > 0;
    if (kind === 'idb') both.idbOpen += delta;
    else both.netOpen += delta;
    const isBoth = both.idbOpen > 0 && both.netOpen > 0;
    if (!wasBoth && isBoth) both.since = performance.now();
    if (wasBoth && !isBoth) both.ms += performance.now() - both.since;
    (kind === 'idb' ? idb : net)[delta > 0 ? 'start' : 'end']();
    either[delta > 0 ? 'start' : 'end']();
  };
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, stores: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
    const tx = transaction.call(this, stores, mode, options);
    const key = `${mode ?? 'readonly'} ${(typeof stores === 'string' ? [stores] : [...stores]).join('+')}`;
    transactions.set(key, (transactions.get(key) ?? 0) + 1);
    track('idb', 1);
    let open = true;
    const done = () => open && ((open = false), track('idb', -1));
    tx.addEventListener('complete', done);
    tx.addEventListener('abort', done);
    tx.addEventListener('error', done);
    return tx;
  } as typeof IDBDatabase.prototype.transaction;
  const fetchBefore = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    // A long poll waits on the server on purpose: counted, but not as time the page waited for.
    const longPoll = /feed=longpoll/.test(url);
    const kind = `${init?.method ?? 'GET'} ${/\/(_bulk_docs|_changes|_all_docs|_design|_local)/.exec(url)?.[1] ?? 'database'}${longPoll ? ' (long poll)' : ''}`;
    const entry = requests.get(kind) ?? { count: 0, headersMs: 0, bodyMs: 0 };
    requests.set(kind, entry);
    entry.count++;
    const started = performance.now();
    let open = !longPoll;
    if (open) track('net', 1);
    const close = () => open && ((open = false), track('net', -1));
    let response: Response;
    try {
      response = await fetchBefore(input, init);
    } catch (error) {
      close();
      throw error;
    }
    entry.headersMs += performance.now() - started;
    for (const method of ['text', 'json'] as const) {
      const read = response[method].bind(response) as () => Promise<never>;
      response[method] = async () => {
        const bodyStarted = performance.now();
        try {
          return await read();
        } finally {
          entry.bodyMs += performance.now() - bodyStarted;
          close();
        }
      };
    }
    return response;
  };
  return () => {
    IDBDatabase.prototype.transaction = transaction;
    globalThis.fetch = fetchBefore;
    const round = (value: number) => Math.round(value);
    return {
      idbBusyMs: round(idb.ms),
      networkBusyMs: round(net.ms),
      bothBusyMs: round(both.ms),
      eitherBusyMs: round(either.ms),
      transactions: Object.fromEntries([...transactions].sort((a, b) => b[1] - a[1])),
      requests: Object.fromEntries([...requests].map(([kind, r]) => [kind, { count: r.count, headersMs: round(r.headersMs), bodyMs: round(r.bodyMs) }])),
    };
  };
}

/** Device B of the live-change rows: when each marked record reached its store's subscribers. */
const seen = new Map<string, number>();
const seenWaiters = new Map<string, (at: number) => void>();
let live: { adapter: SyncedAdapter; store: ReturnType<typeof createStore> } | undefined;

const api = {
  info: () => ({ userAgent: navigator.userAgent, gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function' }),

  /**
   * Writes the records into a device's local database through the store (`createMany`, batches of
   * 1,000). The runner holds the server unreachable meanwhile (the proxy drops every request), so
   * everything stays in the outbox; the adapter is closed afterwards. Not timed.
   */
  async seed(config: SyncPageConfig & { seed: number; batch: number }) {
    const adapter = device(config);
    const store = createStore({ adapter, space: config.space, user: USER });
    const fields = makeFieldsList(config.records, config.seed);
    const started = performance.now();
    for (let at = 0; at < fields.length; at += config.batch) {
      const results = await store.createMany(COLLECTION, fields.slice(at, at + config.batch));
      const failed = results.find((result) => !result.ok);
      if (failed && !failed.ok) throw new Error(`store.createMany: ${failed.error.message}`);
    }
    const ms = performance.now() - started;
    await store.close();
    await adapter.close();
    const bytes = fields.reduce((sum, entry) => sum + JSON.stringify(entry).length, 0);
    return { ms, outbox: await outboxCount(config.localName), fieldsAvgBytes: Math.round(bytes / fields.length) };
  },

  /**
   * Push: a fresh page opens the seeded device and calls `syncNow`. Timed from the call until the
   * outbox is empty (the adapter's `pending` status drops to 0: every entry was answered by
   * `_bulk_docs`); `syncNow` resolving (the push and one pull of the feed, the echo of our own
   * writes) is reported beside it. Then checked: the outbox is empty, and the server holds
   * exactly the device's records.
   */
  async push(config: SyncPageConfig & { instrument?: boolean }) {
    const waiting = await outboxCount(config.localName);
    if (waiting !== config.records) throw new Error(`push: ${waiting} entries in the outbox before the push, expected ${config.records}`);
    gc();
    await settle();
    const finishInstrument = config.instrument ? instrument() : undefined;
    const started = performance.now();
    const adapter = device(config);
    let maxPending = 0;
    let emptyAt = 0;
    const empty = new Promise<void>((resolve) => {
      adapter.sync.subscribe((status) => {
        maxPending = Math.max(maxPending, status.pending);
        if (maxPending > 0 && status.pending === 0 && !emptyAt) {
          emptyAt = performance.now();
          resolve();
        }
      });
    });
    const synced = adapter.sync.syncNow(config.space).then(() => performance.now());
    await empty;
    const syncNowAt = await synced;
    const breakdown = finishInstrument?.();
    const remoteDatabase = databaseName(config.space);
    const left = adapter.sync.status().pending;
    const records = await adapter.list(config.space, COLLECTION);
    const local = records.map((record) => record.id);
    await adapter.close();
    const outbox = await outboxCount(config.localName);
    const rows = await serverRows(config, remoteDatabase);
    const onServer = rows.map((row) => row.id);
    if (outbox !== 0 || left !== 0) throw new Error(`push: ${outbox} entries still in the outbox (status pending ${left})`);
    if (local.length !== config.records) throw new Error(`push: ${local.length} local records, expected ${config.records}`);
    if (!sameIds(local, onServer)) throw new Error(`push: the server holds ${onServer.length} records, not the device's ${local.length}`);
    const again = rows.filter((row) => !row.rev.startsWith('1-')).length;
    if (again) throw new Error(`push: ${again} records were written more than once on the server`);
    await checkSample(config, remoteDatabase, records, 'push');
    return { ms: emptyAt - started, syncNowMs: syncNowAt - started, maxPending, onServer: onServer.length, remoteDatabase, breakdown };
  },

  /**
   * Pull: a fresh device (a new local database) in a fresh page. Timed from creating the adapter
   * and calling `syncNow` until its local database has put every record (counted from the local
   * adapter's change events, distinct ids); then checked with a list of the local database
   * against the server's ids.
   */
  async pull(config: SyncPageConfig & { remoteDatabase: string; instrument?: boolean }) {
    gc();
    await settle();
    const finishInstrument = config.instrument ? instrument() : undefined;
    const started = performance.now();
    const adapter = device(config);
    const ids = new Set<string>();
    let doneAt = 0;
    const all = new Promise<void>((resolve) => {
      adapter.subscribe(config.space, (changes) => {
        for (const change of changes) if (change.type === 'put' && change.collection === COLLECTION) ids.add(change.id);
        if (ids.size >= config.records && !doneAt) {
          doneAt = performance.now();
          resolve();
        }
      });
    });
    let syncNowAt = 0;
    const synced = adapter.sync.syncNow(config.space).then(() => (syncNowAt = performance.now()));
    await all;
    await synced;
    const breakdown = finishInstrument?.();
    const records = await adapter.list(config.space, COLLECTION);
    const listed = records.map((record) => record.id);
    await adapter.close();
    const onServer = await serverIds(config, config.remoteDatabase);
    if (listed.length !== config.records) throw new Error(`pull: the local list holds ${listed.length} records, expected ${config.records}`);
    if (!sameIds(listed, onServer)) throw new Error('pull: the local records are not the server\'s');
    await checkSample(config, config.remoteDatabase, records, 'pull');
    return {
      ms: doneAt - started,
      syncNowMs: syncNowAt - started,
      /** syncNow resolved before every record was here (it should not). */
      syncNowEarly: syncNowAt < doneAt,
      listed: listed.length,
      breakdown,
    };
  },

  /** Live-change rows: a device with a store on the space, synced once. `watch`: note when marked records arrive. */
  async liveOpen(config: SyncPageConfig & { watch: boolean }) {
    const adapter = device(config);
    const store = createStore({ adapter, space: config.space, user: USER });
    if (config.watch) {
      store.subscribe((changes) => {
        const at = Date.now();
        for (const change of changes) {
          if (change.local || change.type !== 'put') continue;
          const term = (change.record as { translations?: Record<string, { term?: string }> } | undefined)?.translations?.en?.term;
          if (!term || seen.has(term)) continue;
          seen.set(term, at);
          seenWaiters.get(term)?.(at);
        }
      });
    }
    await store.list(COLLECTION);
    await adapter.sync.syncNow(config.space);
    live = { adapter, store };
  },

  /** Device A: writes one record; returns Date.now() taken just before the write. */
  async liveWrite(term: string) {
    if (!live) throw new Error('liveOpen first');
    const at = Date.now();
    await live.store.create(COLLECTION, { translations: { en: { term, definition: `Written by device A at ${at}.` } }, category: 'Science', tags: ['live'] });
    return at;
  },

  /** Device B: Date.now() when its store's subscriber saw the record (waits up to `timeout` ms). */
  liveSeen(term: string, timeout: number): Promise<number> {
    const at = seen.get(term);
    if (at !== undefined) return Promise.resolve(at);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`device B did not see "${term}" within ${timeout} ms`)), timeout);
      seenWaiters.set(term, (when) => {
        clearTimeout(timer);
        seenWaiters.delete(term);
        resolve(when);
      });
    });
  },

  async liveClose() {
    await live?.store.close();
    await live?.adapter.close();
    live = undefined;
  },
};

(window as unknown as { syncBench: typeof api }).syncBench = api;
document.title = 'twinkit bench: sync ready';
