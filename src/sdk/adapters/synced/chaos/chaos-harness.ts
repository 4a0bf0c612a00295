/**
 * What a browser sync test needs from Node: a server on persistent storage behind the fault proxy
 * (pouchdb-server, or Twinkit's reference server for the replication protocol), the page bundled
 * with esbuild and served same-origin with the proxy at /couch or /remote (as a school site serves
 * it), the space set up with the real rules and members, and Chromium.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from '../../../../../scripts/chromium.mjs';
import { createFaultProxy } from '../../../../../scripts/couch/fault-proxy.mjs';
import { startCouchServer } from '../../../../../scripts/couch/start-couch-server.mjs';
import { startRemoteServer } from '../../../../../scripts/remote/start-remote-server.mjs';
import type { RawRecord } from '../../../adapter.js';
import { databaseName } from '../../couchdb/couch-names.js';
import { toRecord, type CouchDocument } from '../../couchdb/record-document.js';
import { setupCouchSpace, type CouchLayout } from '../../couchdb/setup/couchdb-setup.js';
import type { SpaceMember } from '../../couchdb/setup/members.js';
import type { ChaosPageApi, ChaosPageOptions } from './chaos-page.js';

const here = fileURLToPath(new URL('.', import.meta.url));

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** Which server the devices sync with: CouchDB, or the reference server with these spaces and members. */
export type ChaosServer = { kind: 'couchdb' } | { kind: 'reference'; space: string; members: (SpaceMember & { password: string })[] };

/** The server side of a run: where it answers, and how to crash it, bring it back and read it. */
interface ServerUnderTest {
  url: string;
  /** Where the page reaches it, through the fault proxy. */
  path: string;
  /** A request that writes (its answer may be lost on purpose). */
  isPush(method: string, path: string): boolean;
  kill(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
  setupSpace(space: string, members: SpaceMember[], layout?: CouchLayout): Promise<unknown>;
  /** The server's current glossary records, read past the proxy. */
  records(space: string): Promise<RawRecord[]>;
}

async function couchUnderTest(work: string): Promise<ServerUnderTest> {
  const couch = await startCouchServer({ persistent: join(work, 'couch') });
  return {
    url: couch.url,
    path: '/couch',
    isPush: (method, path) => method === 'POST' && path.endsWith('/_bulk_docs'),
    kill: () => couch.kill(),
    restart: () => couch.restart(),
    stop: () => couch.stop(),
    setupSpace: (space, members, layout = 'audiences') => setupCouchSpace({ url: couch.url, adminHeaders: couch.adminHeaders, space, members, layout }),
    async records(space) {
      const response = await fetch(`${couch.url}/${databaseName(space)}/_all_docs?include_docs=true`, { headers: couch.adminHeaders });
      const body = (await response.json()) as { rows?: { doc?: CouchDocument }[] };
      return (body.rows ?? []).map((row) => toRecord(row.doc, space)).filter((record): record is RawRecord => record?.collection === 'glossary');
    },
  };
}

async function referenceUnderTest(work: string, { space, members }: Extract<ChaosServer, { kind: 'reference' }>): Promise<ServerUnderTest> {
  const server = await startRemoteServer({ dataDir: join(work, 'remote'), spaces: { [space]: { moderation: 'off', members } } });
  // Read as its first member (in this space every glossary entry is published: all members read all).
  const reader = members[0];
  const authorization = `Basic ${Buffer.from(`${reader.id}:${reader.password}`).toString('base64')}`;
  return {
    url: server.url,
    path: '/remote',
    isPush: (method, path) => method === 'POST' && path.endsWith('/push'),
    kill: () => server.kill(),
    restart: () => server.restart(),
    stop: () => server.stop(),
    setupSpace: async () => {}, // the spaces are the server's from its start
    async records(space) {
      const records: RawRecord[] = [];
      for (let checkpoint: string | null = null, more = true; more; ) {
        const response = await fetch(`${server.url}/spaces/${space}/pull`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ checkpoint, limit: 1000, wait: 0 }) });
        const page = (await response.json()) as { checkpoint: string; more: boolean; changes: { record?: RawRecord }[] };
        records.push(...page.changes.flatMap((change) => (change.record?.collection === 'glossary' ? [change.record] : [])));
        ({ checkpoint, more } = page);
      }
      return records;
    },
  };
}

export async function startHarness(serverKind: ChaosServer = { kind: 'couchdb' }) {
  const work = await mkdtemp(join(tmpdir(), 'twinkit-chaos-'));
  const pageDir = join(work, 'page');
  await build({
    entryPoints: [join(here, 'chaos-page.ts')],
    outdir: pageDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'warning',
  });
  await writeFile(join(pageDir, 'index.html'), '<!doctype html><html lang="en"><meta charset="utf-8"><title>twinkit chaos</title><script type="module" src="./chaos-page.js"></script></html>\n');
  const server = serverKind.kind === 'reference' ? await referenceUnderTest(work, serverKind) : await couchUnderTest(work);
  const proxy = createFaultProxy(server.url, { prefix: server.path });
  // A second proxy that always loses answers, for pushes only: the write lands, the pusher never
  // hears back, while its reads (which an engine may need first) still work.
  const lossy = createFaultProxy(server.url, { prefix: server.path });
  lossy.setMode('lose-answers');
  const faults = { losePushAnswers: false };
  const http = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const push = server.isPush(request.method ?? 'GET', path);
    if (push && faults.losePushAnswers && proxy.mode === 'pass') return void lossy.handle(request, response);
    if (path === server.path || path.startsWith(`${server.path}/`)) return void proxy.handle(request, response);
    const file = path === '/' ? 'index.html' : path.slice(1);
    if (!/^[\w.-]+$/.test(file)) return void response.writeHead(404).end();
    try {
      const body = await readFile(join(pageDir, file));
      response.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html' : 'text/javascript', 'cache-control': 'no-store' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => http.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = http.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;

  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_INSTALL_HINT);
  const browser: Browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });

  return {
    server,
    kind: serverKind.kind,
    proxy,
    /** `losePushAnswers`: pushes land but their answers are lost; everything else passes. */
    faults,
    browser,
    url,
    /** CouchDB: a space with the server's rules (design document, `_security`) and these members; one database per audience unless `space`. */
    setupSpace: (space: string, members: SpaceMember[], layout: CouchLayout = 'audiences') => server.setupSpace(space, members, layout),
    serverRecords: (space: string) => server.records(space),
    async stop() {
      await browser.close().catch(() => {});
      proxy.cutAll();
      lossy.cutAll();
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await server.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** A tab: a page of `context` with the chaos API open as one user. */
export interface Tab {
  name: string;
  device: string;
  page: Page;
  call<K extends keyof ChaosPageApi>(method: K, ...args: Parameters<ChaosPageApi[K]>): Promise<Awaited<ReturnType<ChaosPageApi[K]>>>;
}

export async function openTab(harness: Harness, context: BrowserContext, name: string, device: string, options: ChaosPageOptions): Promise<Tab> {
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`  ${name}: page error: ${error.message}\n`));
  if (process.env.TWINKIT_CHAOS_CONSOLE) page.on('console', (message) => process.stderr.write(`  ${name}: ${message.text()}\n`));
  await page.goto(harness.url);
  await page.waitForFunction(() => 'twinkitChaos' in window, null, { timeout: 30_000 });
  const call: Tab['call'] = (method, ...args) =>
    page.evaluate(([method, args]) => (window.twinkitChaos[method] as (...a: unknown[]) => unknown)(...args), [method, args] as const) as never;
  await call('open', options);
  return { name, device, page, call };
}

/** Polls `probe` until it returns a value, or throws naming `what` after `timeout` ms. */
export async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeout = 20_000, every = 100): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}
