/**
 * Sync benchmark, baseline (bench/run.mjs drives it; see bench/README.md, "Sync rows"): PouchDB's
 * own replication (`pouchdb-browser`, its IndexedDB adapter, default options) between this
 * browser and the same pouchdb-server, same-origin at `/couch`, as its admin. For comparison only:
 * nothing in src/ imports PouchDB. Every step runs in a fresh page.
 */
// @ts-ignore -- pouchdb-browser ships no types (and @types/pouchdb is not a dependency): the few calls used are typed below.
import PouchDBModule from 'pouchdb-browser';

type Doc = { _id: string; _rev?: string; [field: string]: unknown };
interface Database {
  bulkDocs(docs: Doc[]): Promise<({ ok: true; id: string; rev: string } | { error: string; id: string; reason?: string })[]>;
  allDocs(): Promise<{ rows: { id: string }[] }>;
  info(): Promise<{ doc_count: number }>;
  close(): Promise<void>;
}
interface ReplicationResult {
  ok: boolean;
  status: string;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
}
interface PouchDBStatic {
  new (name: string, options?: Record<string, unknown>): Database;
  replicate(source: Database, target: Database, options?: Record<string, unknown>): Promise<ReplicationResult>;
  version: string;
}
const PouchDB = PouchDBModule as PouchDBStatic;

export interface PouchPageConfig {
  couchPath: string;
  authorization: string;
  /** The local PouchDB database. */
  localName: string;
  records: number;
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const gc = () => (globalThis as { gc?: () => void }).gc?.();

const remoteUrl = (config: PouchPageConfig, database: string) => `${location.origin}${config.couchPath}/${encodeURIComponent(database)}`;
const remoteDb = (config: PouchPageConfig, database: string) => new PouchDB(remoteUrl(config, database), { headers: { authorization: config.authorization } });

/** The server's documents of a database, design documents left out, as its admin. */
async function serverDocs(config: PouchPageConfig, database: string, includeDocs: boolean): Promise<Doc[] | string[]> {
  const response = await fetch(`${remoteUrl(config, database)}/_all_docs${includeDocs ? '?include_docs=true' : ''}`, { headers: { authorization: config.authorization } });
  if (!response.ok) throw new Error(`GET _all_docs of ${database}: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { rows: { id: string; doc?: Doc }[] };
  const rows = body.rows.filter((row) => !row.id.startsWith('_'));
  return includeDocs ? rows.map((row) => row.doc!) : rows.map((row) => row.id);
}

async function localIds(db: Database): Promise<string[]> {
  const { rows } = await db.allDocs();
  return rows.map((row) => row.id).filter((id) => !id.startsWith('_'));
}

function sameIds(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

const api = {
  info: () => ({ userAgent: navigator.userAgent, gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function', pouchdb: PouchDB.version }),

  /**
   * The very documents Twinkit pushed (read from its server database, `_rev` removed: new to this
   * database), written into a local PouchDB with `bulkDocs`, batches of 1,000. Not timed.
   */
  async seed(config: PouchPageConfig & { sourceDatabase: string; batch: number }) {
    const docs = (await serverDocs(config, config.sourceDatabase, true)) as Doc[];
    if (docs.length !== config.records) throw new Error(`pouchdb seed: the source holds ${docs.length} documents, expected ${config.records}`);
    const db = new PouchDB(config.localName);
    for (let at = 0; at < docs.length; at += config.batch) {
      const batch = docs.slice(at, at + config.batch).map(({ _rev, ...doc }) => doc);
      const results = await db.bulkDocs(batch);
      const failed = results.find((result) => 'error' in result && result.error);
      if (failed) throw new Error(`pouchdb bulkDocs: ${JSON.stringify(failed)}`);
    }
    const { doc_count: count } = await db.info();
    await db.close();
    const bytes = docs.reduce((sum, doc) => sum + JSON.stringify(doc).length - JSON.stringify(doc._rev ?? '').length, 0);
    return { count, docAvgBytes: Math.round(bytes / docs.length) };
  },

  /** Push: `PouchDB.replicate(local, remote)` into a fresh server database, timed from opening both to `complete`. */
  async push(config: PouchPageConfig & { remoteDatabase: string }) {
    gc();
    await settle();
    const started = performance.now();
    const local = new PouchDB(config.localName);
    const remote = remoteDb(config, config.remoteDatabase);
    const result = await PouchDB.replicate(local, remote);
    const ms = performance.now() - started;
    const ids = await localIds(local);
    await local.close();
    await remote.close();
    const onServer = (await serverDocs(config, config.remoteDatabase, false)) as string[];
    if (result.status !== 'complete' || result.docs_written !== config.records) throw new Error(`pouchdb push: ${result.status}, ${result.docs_written} documents written, expected ${config.records}`);
    if (ids.length !== config.records || !sameIds(ids, onServer)) throw new Error(`pouchdb push: the server holds ${onServer.length} documents, not the local ${ids.length}`);
    return { ms, docsWritten: result.docs_written, onServer: onServer.length };
  },

  /** Pull: `PouchDB.replicate(remote, fresh local)`, timed from opening both to `complete`. */
  async pull(config: PouchPageConfig & { remoteDatabase: string }) {
    gc();
    await settle();
    const started = performance.now();
    const local = new PouchDB(config.localName);
    const remote = remoteDb(config, config.remoteDatabase);
    const result = await PouchDB.replicate(remote, local);
    const ms = performance.now() - started;
    const ids = await localIds(local);
    await local.close();
    await remote.close();
    const onServer = (await serverDocs(config, config.remoteDatabase, false)) as string[];
    if (result.status !== 'complete' || ids.length !== config.records || !sameIds(ids, onServer)) {
      throw new Error(`pouchdb pull: ${result.status}, ${ids.length} local documents, expected the server's ${onServer.length}`);
    }
    return { ms, docsWritten: result.docs_written, listed: ids.length };
  },
};

(window as unknown as { pouchBench: typeof api }).pouchBench = api;
document.title = 'twinkit bench: pouchdb ready';
