#!/usr/bin/env node
/**
 * `npm run bench`: storage benchmark in headless Chromium (real IndexedDB) + bundle sizes.
 * Prints a table to stdout (progress goes to stderr), writes bench/results.json, and exits 1 when
 * a budget fails (everything is still printed). See bench/README.md.
 *
 * Options: --profile        also break the store's write and list time down (adds about 2 minutes)
 *          --profile-only   only that breakdown, no storage table rows
 *          --records N      records for batch put / list / get (default 10000)
 *          --one-by-one N   records for the one-by-one put (default 1000)
 *          --gets N         random reads (default 1000)
 *          --reps N         measured repetitions after one warm-up (default 5)
 *          --no-sizes / --no-storage / --no-glossary   skip a part
 *          --glossary-only  only the glossary UI rows and the glossary's size rows
 *          --glossary-entries N   entries for the glossary UI rows (default 10000, at most 10100)
 *          --glossary-profile     also one glossary run under the CPU profiler: where its time goes
 *          --no-sync        skip the sync rows (push, pull, live changes against pouchdb-server)
 *          --sync-only      only the sync rows
 *          --sync-records N records pushed and pulled by the sync rows (default 10000)
 *          --sync-profile   also the Twinkit push and pull once more under the CPU profiler
 *          --no-tracker     skip the phase tracker UI rows
 *          --tracker-only   only the phase tracker UI rows
 *          --tracker-profile    also one tracker run per view under the CPU profiler: where its time goes
 *          --no-journal     skip the reflection journal UI rows
 *          --journal-only   only the reflection journal UI rows
 *          --journal-profile    also one journal run under the CPU profiler: where its time goes
 *          --no-board-photo     skip the board photo rows (a 12-MP photo resized and stored, two baselines)
 *          --board-photo-only   only the board photo rows
 *          --no-board       skip every board row: the board UI rows, the board photo rows and the board size rows
 *          --board-only     only the board: its UI rows (1,000 posts: first render, keyboard moves), the board
 *                           photo rows and the board's size rows (dist/twinkit-board.js, and with twinkit.js)
 *          --board-profile  also one board run under the CPU profiler and traced: where its time goes
 *          --smoke          CI: the storage rows at small sizes (a few seconds); fails when a budget row
 *                           cannot be measured, does not check the ratios, does not write results.json
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { SourceMap } from 'node:module';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { SIZE_ENTRIES, measureSizes } from './sizes.mjs';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from '../scripts/chromium.mjs';
import { createFaultProxy } from '../scripts/couch/fault-proxy.mjs';
import { startCouchServer } from '../scripts/couch/start-couch-server.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const benchDir = join(root, 'bench');
const started = Date.now();

// -- options --------------------------------------------------------------------------------------

const argv = process.argv.slice(2);
// --smoke (CI): the storage rows only, at small sizes, in a few seconds. Not a measurement (too small
// to compare): it fails when a budget row can no longer be measured, and leaves results.json alone.
const smoke = argv.includes('--smoke');
if (smoke) argv.push('--no-sizes', '--no-glossary', '--no-sync', '--no-tracker', '--no-journal', '--no-board');
const numberOption = (name, fallback) => {
  const at = argv.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive integer`);
  return value;
};
const config = {
  records: numberOption('--records', smoke ? 300 : 10_000),
  oneByOne: numberOption('--one-by-one', smoke ? 50 : 1_000),
  gets: numberOption('--gets', smoke ? 100 : 1_000),
  reps: numberOption('--reps', smoke ? 1 : 5),
  glossaryEntries: numberOption('--glossary-entries', 10_000),
  syncRecords: numberOption('--sync-records', 10_000),
};
const profileOnly = argv.includes('--profile-only');
const glossaryOnly = argv.includes('--glossary-only');
const syncOnly = argv.includes('--sync-only');
const trackerOnly = argv.includes('--tracker-only');
const journalOnly = argv.includes('--journal-only');
const boardPhotoOnly = argv.includes('--board-photo-only');
const boardOnly = argv.includes('--board-only');
const noBoard = argv.includes('--no-board');
const withProfile = !glossaryOnly && !syncOnly && !trackerOnly && !journalOnly && !boardPhotoOnly && !boardOnly && (profileOnly || argv.includes('--profile'));
const withSizes = !syncOnly && !trackerOnly && !journalOnly && !boardPhotoOnly && !argv.includes('--no-sizes');
const withStorage = !glossaryOnly && !syncOnly && !trackerOnly && !journalOnly && !boardPhotoOnly && !boardOnly && !argv.includes('--no-storage');
const withGlossary = !profileOnly && !syncOnly && !trackerOnly && !journalOnly && !boardPhotoOnly && !boardOnly && !argv.includes('--no-glossary');
const withGlossaryProfile = withGlossary && argv.includes('--glossary-profile');
const withSync = !profileOnly && !glossaryOnly && !trackerOnly && !journalOnly && !boardPhotoOnly && !boardOnly && !argv.includes('--no-sync');
const withSyncProfile = withSync && argv.includes('--sync-profile');
const withTracker = !profileOnly && !glossaryOnly && !syncOnly && !journalOnly && !boardPhotoOnly && !boardOnly && !argv.includes('--no-tracker');
const withTrackerProfile = withTracker && argv.includes('--tracker-profile');
const withJournal = !profileOnly && !glossaryOnly && !syncOnly && !trackerOnly && !boardPhotoOnly && !boardOnly && !argv.includes('--no-journal');
const withJournalProfile = withJournal && argv.includes('--journal-profile');
const withBoardPhoto = !profileOnly && !glossaryOnly && !syncOnly && !trackerOnly && !journalOnly && !noBoard && !argv.includes('--no-board-photo');
const withBoard = !profileOnly && !glossaryOnly && !syncOnly && !trackerOnly && !journalOnly && !boardPhotoOnly && !noBoard;
const withBoardProfile = withBoard && argv.includes('--board-profile');
if (glossaryOnly && argv.includes('--no-glossary')) throw new Error('--glossary-only and --no-glossary exclude each other');
if (syncOnly && argv.includes('--no-sync')) throw new Error('--sync-only and --no-sync exclude each other');
if (trackerOnly && argv.includes('--no-tracker')) throw new Error('--tracker-only and --no-tracker exclude each other');
if (syncOnly && (glossaryOnly || profileOnly)) throw new Error('--sync-only, --glossary-only and --profile-only exclude each other');
if (trackerOnly && (syncOnly || glossaryOnly || profileOnly)) throw new Error('--tracker-only excludes --sync-only, --glossary-only and --profile-only');
if (journalOnly && argv.includes('--no-journal')) throw new Error('--journal-only and --no-journal exclude each other');
if (journalOnly && (trackerOnly || syncOnly || glossaryOnly || profileOnly)) throw new Error('--journal-only excludes --tracker-only, --sync-only, --glossary-only and --profile-only');
if (boardPhotoOnly && argv.includes('--no-board-photo')) throw new Error('--board-photo-only and --no-board-photo exclude each other');
if (boardPhotoOnly && (journalOnly || trackerOnly || syncOnly || glossaryOnly || profileOnly)) throw new Error('--board-photo-only excludes --journal-only, --tracker-only, --sync-only, --glossary-only and --profile-only');
if (boardOnly && noBoard) throw new Error('--board-only and --no-board exclude each other');
if (boardPhotoOnly && noBoard) throw new Error('--board-photo-only and --no-board exclude each other');
if (boardOnly && (boardPhotoOnly || journalOnly || trackerOnly || syncOnly || glossaryOnly || profileOnly)) throw new Error('--board-only excludes --board-photo-only, --journal-only, --tracker-only, --sync-only, --glossary-only and --profile-only');

/** Store median / raw idb median must stay at or below this for the budgeted storage rows. */
const STORAGE_RATIO_BUDGET = 1.3;
/**
 * One `store.create` validates the record and checks the policy on top of a
 * transaction of its own: more per-record work than one raw `db.put` (measured 1.69x, loaded machine).
 */
const ONE_BY_ONE_RATIO_BUDGET = 2;
const fmt = (n) => n.toLocaleString('en');
// Every row has a budget: a row that is only for information is never checked.
const STORAGE_ROWS = [
  { group: 'batch-put', label: `batched put, ${fmt(config.records)} records`, budget: STORAGE_RATIO_BUDGET },
  { group: 'one-by-one-put', label: `one-by-one put, ${fmt(config.oneByOne)} records${config.oneByOne < config.records ? ` (not ${fmt(config.records)})` : ''}, 1 tx each`, budget: ONE_BY_ONE_RATIO_BUDGET },
  { group: 'list', label: `list all, ${fmt(config.records)} records`, budget: STORAGE_RATIO_BUDGET },
  { group: 'get', label: `${fmt(config.gets)} random gets (sequential)`, budget: STORAGE_RATIO_BUDGET },
];

/** Glossary UI budgets (issue 3): first render after the data is loaded, search keystroke median, rows in the DOM. */
const GLOSSARY_BUDGET = { firstRenderMs: 200, keystrokeMedianMs: 16, rowsBelow: 100 };
/** Typed one character at a time, then deleted one at a time: 48 keystrokes per run. */
const GLOSSARY_QUERIES = ['marée', 'sea lev', 'puerto', 'ghiacc'];
/** Phase tracker UI budget (issue: 8 phases, 300 activities, 200 pupils' self-ratings on 12 goals): each view's first render after the data is loaded. */
const TRACKER_BUDGET = { firstRenderMs: 150 };
/** The tracker's project (bench/pages/tracker-data.ts): 8 phases, 300 activities and 12 goals are fixed; pupils rate every goal before and after. */
const TRACKER_DATA = { seed: 5, pupils: 200, glossary: 300 };
const TRACKER_VIEWS = ['timeline', 'checklist', 'goals'];
/** Per timeline run: timeline -> goals -> timeline switches. Per checklist run: status changes (half to done, half back). */
const TRACKER_SWITCHES = 10;
const TRACKER_STATUS_CHANGES = 12;
/** Reflection journal UI budgets (issue: "200 pupils with 30 entries each"): the teacher's overview after the data is loaded; one pupil's journal after a click on their name. */
const JOURNAL_BUDGET = { overviewFirstRenderMs: 300, openPupilMs: 100 };
/** The journal's class (bench/pages/journal-data.ts): 200 pupils, 30 entries and 30 pieces of peer feedback each; 5 prompt sets, 4 phases, the project. */
const JOURNAL_DATA = { seed: 9, pupils: 200, entriesPerPupil: 30, feedbackPerPupil: 30 };
/** Per run: pupils' journals opened from the overview (each a different pupil), and entry dialogs opened in the first of them. */
const JOURNAL_PUPIL_OPENS = 10;
const JOURNAL_ENTRY_OPENS = 5;
/** Board photo budget (issue: "a 12-megapixel photo resized and stored within 1.5 s"): preparePhoto + both store.putAttachment. */
const BOARD_PHOTO_BUDGET = { maxMs: 1500 };
/** The photo made in the page (bench/pages/board-photo.ts): 4000x3000, grain so it weighs what a phone's does (about 4 MB). */
const BOARD_PHOTO = { width: 4000, height: 3000, noise: 32, seed: 12 };
const BOARD_PHOTO_CONTENDERS = ['twinkit', 'raw', 'peer'];
/** TwinBoard UI budgets (issue: "1,000 posts with 5,000 comments and reactions"): first render after the data is loaded; a keyboard step of a carried post within a frame. */
const BOARD_BUDGET = { firstRenderMs: 300, stepMedianMs: 16 };
/** The board (bench/pages/board-data.ts): 20 sections, 1,000 posts by 60 pupils and their teacher, 2,500 comments, 2,500 reactions (and 12 reports). */
const BOARD_DATA = { seed: 21, sections: 20, posts: 1000, comments: 2500, reactions: 2500, pupils: 60 };
/** Per run: posts picked up, moved with 3 arrow keys each and dropped (half timed from a frame's start, half after a paint): 60 steps, 20 drops. */
const BOARD_MOVES = 20;
/**
 * The board's size rows: the on-demand file dist/twinkit-board.js as the project's rollup config builds
 * it, and a board page (twinkit.js + that file). Budgets as WIDGET_BUDGETS['twin-board'] and PAGE_BUDGET
 * in rollup.config.mjs. Added to bench/sizes.mjs's entries for this run when they are not there yet.
 */
const BOARD_SIZE_ENTRIES = [
  {
    key: 'twinkit-board-js',
    label: 'dist/twinkit-board.js, <twin-board> on demand',
    needs: [join(root, 'rollup.config.mjs'), join(root, 'src/bundle/lazy-widgets.ts'), join(root, 'src/components/twin-board/twin-board.ts')],
    rollup: 'twinkit-board.js',
    budget: 50_000,
  },
  { key: 'twinkit-js-plus-board', label: 'a board page: twinkit.js + twinkit-board.js (sum)', sum: ['twinkit-js', 'twinkit-board-js'], budget: 92_000 },
];
const BOARD_SIZE_KEYS = BOARD_SIZE_ENTRIES.map((entry) => entry.key);
if (!noBoard) for (const entry of BOARD_SIZE_ENTRIES) if (!SIZE_ENTRIES.some((other) => other.key === entry.key)) SIZE_ENTRIES.push(entry);
/** Size rows that --glossary-only keeps (see bench/sizes.mjs). */
const GLOSSARY_SIZE_KEYS = ['twin-space', 'twinkit-js', 'everything', 'twin-glossary', 'glossary-own', 'everything-but-glossary', 'glossary-share'];

const progress = (message) => process.stderr.write(`${message}\n`);

// -- browser --------------------------------------------------------------------------------------

// The benchmarks force garbage collection between runs.
const CHROMIUM_FLAGS = ['--headless', ...CHROMIUM_ARGS, '--js-flags=--expose-gc'];

function findBrowser() {
  const found = findChromium();
  if (!found) throw new Error(CHROMIUM_INSTALL_HINT);
  return found;
}

function browserVersionFromBinary(path) {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

const CONTENT_TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };

/**
 * A tiny static server for the bundled page, on 127.0.0.1 and a free port. `routes`: path prefix ->
 * (request, response) handler for requests under it (the sync rows mount the CouchDB proxy at /couch).
 */
async function startServer(dir, routes = {}) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    for (const [prefix, handle] of Object.entries(routes)) if (path === prefix || path.startsWith(`${prefix}/`)) return void handle(request, response);
    if (path === '/favicon.ico') return void response.writeHead(204).end();
    const file = join(dir, path === '/' ? 'index.html' : path.slice(1));
    if (!file.startsWith(dir)) return void response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((done, failed) => server.once('error', failed).listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

const CONTENDERS = ['store', 'idb', 'dexie'];
/** The glossary page's window: the list is `min(70vh, 40rem)` high, so this decides how many rows show. */
const GLOSSARY_VIEWPORT = { width: 1280, height: 800 };

function rotate(items, by) {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

async function bundlePages(pageDir) {
  await build({
    entryPoints: CONTENDERS.map((key) => join(benchDir, 'pages', 'contenders', `${key}.ts`)),
    outdir: pageDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: root,
  });
  for (const key of CONTENDERS) {
    await writeFile(
      join(pageDir, `${key}.html`),
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>twinkit bench: ${key}</title><script type="module" src="./${key}.js"></script></html>\n`,
    );
  }
}

/**
 * One page per contender (each bundle holds one library), in one headless Chromium. The runner
 * alternates the pages, rotating who goes first on each repetition.
 */
async function runStorage() {
  const pageDir = await mkdtemp(join(tmpdir(), 'twinkit-bench-page-'));
  const profileDir = await mkdtemp(join(tmpdir(), 'twinkit-bench-profile-'));
  let server;
  let context;
  try {
    progress('bench: bundling the pages with esbuild');
    await bundlePages(pageDir);
    const listening = await startServer(pageDir);
    server = listening.server;

    const executablePath = findBrowser();
    progress(`bench: launching ${executablePath}`);
    context = await chromium.launchPersistentContext(profileDir, { executablePath, headless: true, args: CHROMIUM_FLAGS });
    const pages = {};
    for (const key of CONTENDERS) {
      const page = await context.newPage();
      // Dexie warns "Dexie.delete(...) was blocked" while a closing connection finishes: harmless.
      page.on('console', (message) => /was blocked$/.test(message.text()) || progress(`  ${key}: ${message.text()}`));
      page.on('pageerror', (error) => progress(`  ${key}: page error: ${error.message}`));
      await page.goto(`${listening.url}${key}.html`);
      await page.waitForFunction(() => 'twinkitBench' in window, null, { timeout: 30_000 });
      pages[key] = page;
    }
    for (const page of context.pages()) if (!Object.values(pages).includes(page)) await page.close();

    let chromiumVersion = browserVersionFromBinary(executablePath);
    try {
      const cdp = await context.newCDPSession(pages.store);
      const version = await cdp.send('Browser.getVersion');
      chromiumVersion = `${version.product} (${chromiumVersion ?? executablePath})`;
    } catch {
      /* the binary's --version is enough */
    }
    const info = await pages.store.evaluate(() => window.twinkitBench.info());
    if (!info.gcExposed) progress('bench: warning: gc() is not exposed, runs may include garbage collection');

    const groups = {};
    for (const row of profileOnly ? [] : STORAGE_ROWS) {
      progress(`bench: ${row.label}`);
      const runs = { store: [], idb: [], dexie: [] };
      const warmup = {};
      for (const key of CONTENDERS) await pages[key].evaluate(([group, config]) => window.twinkitBench.prepare(group, config), [row.group, config]);
      for (let rep = 0; rep <= config.reps; rep++) {
        for (const key of rotate(CONTENDERS, rep)) {
          await pages[key].bringToFront();
          const ms = await pages[key].evaluate(([group, rep, config]) => window.twinkitBench.measure(group, rep, config), [row.group, rep, config]);
          if (rep === 0) warmup[key] = ms;
          else runs[key].push(ms);
        }
        const figures = CONTENDERS.map((key) => `${key} ${(rep === 0 ? warmup[key] : runs[key][rep - 1]).toFixed(1)} ms`).join(', ');
        progress(`  ${rep === 0 ? 'warm-up' : `rep ${rep}/${config.reps}`}: ${figures}`);
      }
      for (const key of CONTENDERS) await pages[key].evaluate(() => window.twinkitBench.finish());
      groups[row.group] = { runs, warmup };
    }
    let profile;
    if (withProfile) {
      progress('bench: profile of the store (write and list breakdown)');
      await pages.store.bringToFront();
      profile = await pages.store.evaluate((config) => window.twinkitBench.profile(config), { ...config, reps: Math.min(config.reps, 3) });
    }
    return { chromiumVersion, userAgent: info.userAgent, recordSizes: info.sizes, groups, profile };
  } finally {
    await context?.close().catch(() => {});
    await new Promise((done) => (server ? server.close(done) : done()));
    await rm(pageDir, { recursive: true, force: true });
    await rm(profileDir, { recursive: true, force: true });
  }
}

// -- glossary UI ----------------------------------------------------------------------------------

/**
 * `<twin-glossary>` in `<twin-space adapter="indexeddb">` (bench/pages/glossary-ui.ts): the entries
 * are seeded once through the store in a page of their own, then every repetition opens a fresh
 * page whose element loads them from IndexedDB itself. Its own browser, so that the storage
 * benchmark's databases and garbage stay out of the figures.
 */
async function runGlossary() {
  const pageDir = await mkdtemp(join(tmpdir(), 'twinkit-bench-glossary-'));
  const profileDir = await mkdtemp(join(tmpdir(), 'twinkit-bench-glossary-profile-'));
  let server;
  let context;
  try {
    progress('bench: glossary UI: bundling the page with esbuild');
    await build({
      entryPoints: [join(benchDir, 'pages', 'glossary-ui.ts')],
      outdir: pageDir,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      sourcemap: true,
      logLevel: 'warning',
      absWorkingDir: root,
    });
    await writeFile(
      join(pageDir, 'glossary-ui.html'),
      '<!doctype html><html lang="en"><meta charset="utf-8"><title>twinkit bench: glossary</title>' +
        '<style>body { margin: 0; font: 16px/1.4 system-ui, sans-serif; }</style>' +
        '<body><div id="host"></div><script type="module" src="./glossary-ui.js"></script></body></html>\n',
    );
    const listening = await startServer(pageDir);
    server = listening.server;
    const executablePath = findBrowser();
    progress(`bench: glossary UI: launching ${executablePath}`);
    // Precise memory info: without it Chromium rounds performance.memory into coarse buckets.
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_FLAGS, '--enable-precise-memory-info'],
      viewport: GLOSSARY_VIEWPORT,
    });
    const open = async (label) => {
      const page = await context.newPage();
      page.on('console', (message) => (message.type() === 'error' || message.type() === 'warning') && progress(`  glossary ${label}: ${message.text()}`));
      page.on('pageerror', (error) => progress(`  glossary ${label}: page error: ${error.message}`));
      await page.goto(`${listening.url}glossary-ui.html`);
      await page.waitForFunction(() => 'glossaryBench' in window, null, { timeout: 30_000 });
      return page;
    };
    const pageConfig = { entries: config.glossaryEntries, seed: 7, queries: GLOSSARY_QUERIES };

    progress(`bench: glossary UI: seeding ${fmt(config.glossaryEntries)} entries into IndexedDB (not timed)`);
    const seedPage = await open('seed');
    for (const page of context.pages()) if (page !== seedPage) await page.close();
    const info = await seedPage.evaluate(() => window.glossaryBench.info());
    if (!info.gcExposed) progress('bench: warning: gc() is not exposed, glossary runs may include garbage collection');
    const seedStarted = Date.now();
    const data = await seedPage.evaluate((c) => window.glossaryBench.seed(c), pageConfig);
    progress(`  seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s: ${data.languagesPerEntry.toFixed(2)} languages per entry, ${data.fieldsAvgBytes} bytes of JSON per entry, ${data.storedMB.toFixed(1)} MB stored`);
    await seedPage.close();

    const runs = [];
    let warmup;
    for (let rep = 0; rep <= config.reps; rep++) {
      // The element and the raw idb baseline each in a fresh page; who goes first alternates.
      const result = {};
      for (const part of rotate(['run', 'raw'], rep)) {
        const page = await open(`rep ${rep} ${part}`);
        Object.assign(result, await page.evaluate(([part, c]) => window.glossaryBench[part](c), [part, pageConfig]));
        await page.close();
      }
      const keys = result.keystrokes.map((key) => key.ms);
      progress(
        `  ${rep === 0 ? 'warm-up' : `rep ${rep}/${config.reps}`}: load ${ms(result.loadMs)} (raw idb ${ms(result.rawListMs)}), ` +
          `first render ${ms(result.firstRenderMs)} (update ${ms(result.firstUpdateMs)}), keys median ${ms(median(keys))} p95 ${ms(quantile(keys, 0.95))} ` +
          `(first ${ms(keys[0])}), rows ${result.rowsAfterFirstRender}/${result.rowsAtBottom}, heap ${mb(result.elementHeapBytes)} (raw ${mb(result.rawHeapBytes)})`,
      );
      if (rep === 0) warmup = result;
      else runs.push(result);
    }

    let profile;
    if (withGlossaryProfile) {
      progress('bench: glossary UI: one more run under the CPU profiler (first render, keystrokes)');
      const page = await open('profile');
      const cdp = await context.newCDPSession(page);
      const profiles = {};
      cdp.on('Profiler.consoleProfileFinished', (event) => (profiles[event.title] = event.profile));
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      const result = await page.evaluate((c) => window.glossaryBench.run(c), { ...pageConfig, profile: true });
      await page.close();
      const sourceMap = new SourceMap(JSON.parse(await readFile(join(pageDir, 'glossary-ui.js.map'), 'utf8')));
      profile = {
        run: { loadMs: result.loadMs, firstRenderMs: result.firstRenderMs, keystrokesMs: result.keystrokes.reduce((sum, key) => sum + key.ms, 0), keystrokes: result.keystrokes.length },
        ...Object.fromEntries(Object.entries(profiles).map(([title, cpu]) => [title, summarizeProfile(cpu, sourceMap, pageDir)])),
      };
    }
    return { info, data, runs, warmup, profile, chromiumVersion: browserVersionFromBinary(executablePath) };
  } finally {
    await context?.close().catch(() => {});
    await new Promise((done) => (server ? server.close(done) : done()));
    await rm(pageDir, { recursive: true, force: true });
    await rm(profileDir, { recursive: true, force: true });
  }
}

/**
 * Self and total (inclusive) time per function of a V8 CPU profile, located in the sources through
 * the bundle's source map (`mapDir`: where the map was written). Frames of the bench page itself
 * are left out (their total time is everything); `packages` sums the self time spent in each
 * dependency (Lit's rendering, for one).
 */
function summarizeProfile(cpu, sourceMap, mapDir) {
  const nodes = new Map(cpu.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of cpu.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const where = (frame) => {
    if (!frame.url) return '';
    const entry = sourceMap.findEntry(frame.lineNumber, frame.columnNumber);
    if (!entry?.originalSource) return frame.url.split('/').pop();
    const source = relative(root, fileURLToPath(new URL(entry.originalSource, pathToFileURL(`${mapDir}/`))));
    return `${source}:${entry.originalLine + 1}`;
  };
  const keys = new Map();
  const keyOf = (node) => {
    if (!keys.has(node.id)) keys.set(node.id, `${node.callFrame.functionName || '(anonymous)'}${node.callFrame.url ? ` ${where(node.callFrame)}` : ''}`);
    return keys.get(node.id);
  };
  const self = new Map();
  const total = new Map();
  let sampled = 0;
  for (let i = 0; i < cpu.samples.length; i++) {
    const dt = (cpu.timeDeltas[i + 1] ?? 0) / 1000;
    sampled += dt;
    const leaf = keyOf(nodes.get(cpu.samples[i]));
    self.set(leaf, (self.get(leaf) ?? 0) + dt);
    const seen = new Set();
    for (let id = cpu.samples[i]; id !== undefined; id = parent.get(id)) {
      const key = keyOf(nodes.get(id));
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + dt);
    }
  }
  const functions = [...total]
    .filter(([key]) => key !== '(root)' && !/ bench\/pages\//.test(key))
    .map(([key, totalMs]) => ({ function: key, selfMs: Number((self.get(key) ?? 0).toFixed(2)), totalMs: Number(totalMs.toFixed(2)) }))
    .sort((a, b) => b.totalMs - a.totalMs);
  const packages = {};
  for (const [key, ms] of self) {
    const dependency = / node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(key)?.[1];
    if (dependency) packages[dependency] = Number(((packages[dependency] ?? 0) + ms).toFixed(2));
  }
  return { sampledMs: Number(sampled.toFixed(1)), functions, packages };
}

/** Rows, figures and budgets of the glossary UI part, from the runs. */
function glossaryRows(glossary) {
  const { runs } = glossary;
  const per = (pick) => runs.map(pick);
  const keyMs = (run) => run.keystrokes.map((key) => key.ms);
  const count = fmt(config.glossaryEntries);
  const keysPerRun = runs[0]?.keystrokes.length ?? 0;
  const rowsSeen = runs.flatMap((run) => [run.rowsAfterFirstRender, run.rowsAtBottom]);
  const maxRows = Math.max(...rowsSeen);
  const allDrawnToBottom = runs.every((run) => run.lastRowDrawnAtBottom);
  const check = (ok) => (ok ? 'pass' : 'FAIL');
  const rows = [
    {
      key: 'glossary-load',
      label: `glossary: load ${count} entries (store.list in the element)`,
      unit: 'ms',
      median: median(per((run) => run.loadMs)),
      runs: per((run) => run.loadMs),
      baseline: { label: 'raw idb open + getAll', median: median(per((run) => run.rawListMs)), runs: per((run) => run.rawListMs) },
      result: 'info',
    },
    {
      key: 'glossary-first-render',
      label: 'glossary: data loaded -> first render (rows painted)',
      unit: 'ms',
      median: median(per((run) => run.firstRenderMs)),
      runs: per((run) => run.firstRenderMs),
      budget: { maxMs: GLOSSARY_BUDGET.firstRenderMs },
    },
    {
      key: 'glossary-first-update',
      label: '  of which the update (updateComplete)',
      unit: 'ms',
      median: median(per((run) => run.firstUpdateMs)),
      runs: per((run) => run.firstUpdateMs),
      result: 'info',
    },
    {
      key: 'glossary-mount-to-paint',
      label: 'glossary: markup inserted -> first rows painted',
      unit: 'ms',
      median: median(per((run) => run.mountToPaintMs)),
      runs: per((run) => run.mountToPaintMs),
      result: 'info',
    },
    {
      key: 'glossary-keystroke-median',
      label: `glossary: search keystroke -> updated list, median of ${keysPerRun} keys`,
      unit: 'ms',
      median: median(per((run) => median(keyMs(run)))),
      runs: per((run) => median(keyMs(run))),
      budget: { maxMs: GLOSSARY_BUDGET.keystrokeMedianMs },
    },
    {
      key: 'glossary-keystroke-p95',
      label: 'glossary: search keystroke, p95',
      unit: 'ms',
      median: median(per((run) => quantile(keyMs(run), 0.95))),
      runs: per((run) => quantile(keyMs(run), 0.95)),
      result: 'info',
    },
    {
      key: 'glossary-keystroke-first',
      label: 'glossary: first keystroke (builds the search cache)',
      unit: 'ms',
      median: median(per((run) => run.keystrokes[0].ms)),
      runs: per((run) => run.keystrokes[0].ms),
      result: 'info',
    },
    {
      key: 'glossary-keystroke-layout',
      label: 'glossary: keystroke incl. style + layout, median',
      unit: 'ms',
      median: median(per((run) => median(run.keystrokes.map((key) => key.layoutMs)))),
      runs: per((run) => median(run.keystrokes.map((key) => key.layoutMs))),
      result: 'info',
    },
    {
      key: 'glossary-rows',
      label: 'glossary: rows in the DOM, first render / at the bottom',
      unit: 'rows',
      median: maxRows,
      firstRender: per((run) => run.rowsAfterFirstRender),
      atBottom: per((run) => run.rowsAtBottom),
      lastRowDrawnAtBottom: allDrawnToBottom,
      budget: { below: GLOSSARY_BUDGET.rowsBelow },
      figure: `${median(per((run) => run.rowsAfterFirstRender))} / ${median(per((run) => run.rowsAtBottom))}`,
      ok: maxRows < GLOSSARY_BUDGET.rowsBelow && allDrawnToBottom,
    },
    {
      key: 'glossary-heap',
      label: `glossary: JS heap, element with ${count} entries`,
      unit: 'bytes',
      median: median(per((run) => run.elementHeapBytes)),
      runs: per((run) => run.elementHeapBytes),
      baseline: { label: 'raw idb records in a plain array', median: median(per((run) => run.rawHeapBytes)), runs: per((run) => run.rawHeapBytes) },
      result: 'info',
    },
    {
      key: 'glossary-heap-after-search',
      label: '  the same after searching (search cache built)',
      unit: 'bytes',
      median: median(per((run) => run.afterSearchHeapBytes)),
      runs: per((run) => run.afterSearchHeapBytes),
      result: 'info',
    },
  ];
  for (const row of rows) {
    if (row.result) continue;
    if (row.ok !== undefined) row.result = check(row.ok);
    else row.result = check(row.median <= row.budget.maxMs);
  }
  return rows;
}

function glossaryTableRow(row) {
  const value = row.unit === 'bytes' ? mb(row.median) : row.unit === 'rows' ? row.figure : ms(row.median);
  const base = row.baseline ? (row.unit === 'bytes' ? mb(row.baseline.median) : ms(row.baseline.median)) : '';
  const ratio = row.baseline ? `${(row.median / row.baseline.median).toFixed(2)}x` : '';
  const budget = !row.budget ? '-' : row.budget.maxMs !== undefined ? `<= ${row.budget.maxMs} ms` : `< ${row.budget.below} rows`;
  return [row.label, value, base, '', ratio, budget, row.result];
}

// -- phase tracker UI -----------------------------------------------------------------------------

/**
 * `<twin-phase-tracker>` in `<twin-space adapter="indexeddb">` (bench/pages/tracker-ui.ts), as a
 * teacher: the project is seeded once through the stores in a page of its own, then every view of
 * every repetition opens a fresh page whose element loads the records from IndexedDB itself. Its
 * own browser, as the glossary rows have.
 */
async function runTracker() {
  const pageDir = await mkdtemp(join(tmpdir(), 'twinkit-bench-tracker-'));
  const profileDir = await mkdtemp(join(tmpdir(), 'twinkit-bench-tracker-profile-'));
  let server;
  let context;
  try {
    progress('bench: tracker UI: bundling the page with esbuild');
    await build({
      entryPoints: [join(benchDir, 'pages', 'tracker-ui.ts')],
      outdir: pageDir,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      sourcemap: true,
      logLevel: 'warning',
      absWorkingDir: root,
    });
    await writeFile(
      join(pageDir, 'tracker-ui.html'),
      '<!doctype html><html lang="en"><meta charset="utf-8"><title>twinkit bench: tracker</title>' +
        '<style>body { margin: 0; font: 16px/1.4 system-ui, sans-serif; }</style>' +
        '<body><div id="host"></div><script type="module" src="./tracker-ui.js"></script></body></html>\n',
    );
    const listening = await startServer(pageDir);
    server = listening.server;
    const executablePath = findBrowser();
    progress(`bench: tracker UI: launching ${executablePath}`);
    context = await chromium.launchPersistentContext(profileDir, { executablePath, headless: true, args: CHROMIUM_FLAGS, viewport: GLOSSARY_VIEWPORT });
    const open = async (label) => {
      const page = await context.newPage();
      page.on('console', (message) => (message.type() === 'error' || message.type() === 'warning') && progress(`  tracker ${label}: ${message.text()}`));
      page.on('pageerror', (error) => progress(`  tracker ${label}: page error: ${error.message}`));
      await page.goto(`${listening.url}tracker-ui.html`);
      await page.waitForFunction(() => 'trackerBench' in window, null, { timeout: 30_000 });
      return page;
    };
    const base = { ...TRACKER_DATA, switches: TRACKER_SWITCHES, statusChanges: TRACKER_STATUS_CHANGES };

    progress(`bench: tracker UI: seeding the project into IndexedDB through the stores (not timed): 8 phases, 300 activities, 12 goals, ${TRACKER_DATA.pupils} pupils' ratings, ${TRACKER_DATA.glossary} glossary entries`);
    const seedPage = await open('seed');
    for (const page of context.pages()) if (page !== seedPage) await page.close();
    const info = await seedPage.evaluate(() => window.trackerBench.info());
    if (!info.gcExposed) progress('bench: warning: gc() is not exposed, tracker runs may include garbage collection');
    const seedStarted = Date.now();
    const data = await seedPage.evaluate((c) => window.trackerBench.seed(c), { ...base, view: 'timeline' });
    progress(
      `  seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s (plan createAll ${ms(data.seedMs.plan)}, glossary createMany ${ms(data.seedMs.glossary)}, ${data.ratingAuthors} pupils' createAll ${ms(data.seedMs.ratings)}): ` +
        `${Object.entries(data.counts).map(([collection, n]) => `${collection} ${fmt(n)}`).join(', ')}; ${data.storedMB.toFixed(2)} MB stored`,
    );
    await seedPage.close();

    const runs = { timeline: [], checklist: [], goals: [] };
    const warmup = {};
    for (let rep = 0; rep <= config.reps; rep++) {
      // Each view in a fresh page; which goes first rotates.
      const parts = [];
      for (const view of rotate(TRACKER_VIEWS, rep)) {
        const page = await open(`rep ${rep} ${view}`);
        const result = await page.evaluate((c) => window.trackerBench.run(c), { ...base, view });
        await page.close();
        if (rep === 0) warmup[view] = result;
        else runs[view].push(result);
        let extra = '';
        if (result.switches) extra = `, switch to goals median ${ms(median(result.switches.map((s) => s.toGoalsMs)))} (first ${ms(result.switches[0].toGoalsMs)}, back ${ms(median(result.switches.map((s) => s.backMs)))})`;
        if (result.statusChanges) extra = `, status change median ${ms(median(result.statusChanges.map((s) => s.ms)))}`;
        parts.push(
          `${view}: load ${ms(result.loadMs)} (last ${result.lastList}), first render ${ms(result.firstRenderMs)} (update ${ms(result.firstUpdateMs)}; ${result.updatesBeforeData} updates before, ${ms(result.updatesBeforeDataMs)}), ` +
            `${fmt(result.dom.elements)} elements${extra}`,
        );
      }
      progress(`  ${rep === 0 ? 'warm-up' : `rep ${rep}/${config.reps}`}: ${parts.join('; ')}`);
    }

    let profile;
    if (withTrackerProfile) {
      progress('bench: tracker UI: one more run of each view under the CPU profiler (load, first render, view switches, status changes)');
      const sourceMap = new SourceMap(JSON.parse(await readFile(join(pageDir, 'tracker-ui.js.map'), 'utf8')));
      profile = { runs: {} };
      for (const view of TRACKER_VIEWS) {
        const page = await open(`profile ${view}`);
        const cdp = await context.newCDPSession(page);
        const profiles = {};
        cdp.on('Profiler.consoleProfileFinished', (event) => (profiles[event.title] = event.profile));
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        const result = await page.evaluate((c) => window.trackerBench.run(c), { ...base, view, profile: true });
        await page.close();
        profile.runs[view] = {
          loadMs: result.loadMs,
          firstRenderMs: result.firstRenderMs,
          switchesMs: result.switches?.reduce((sum, s) => sum + s.toGoalsMs + s.backMs, 0),
          statusChangesMs: result.statusChanges?.reduce((sum, s) => sum + s.ms, 0),
        };
        for (const [title, cpu] of Object.entries(profiles)) profile[title] = summarizeProfile(cpu, sourceMap, pageDir);
      }
    }
    return { info, data, runs, warmup, profile, chromiumVersion: browserVersionFromBinary(executablePath) };
  } finally {
    await context?.close().catch(() => {});
    await new Promise((done) => (server ? server.close(done) : done()));
    await rm(pageDir, { recursive: true, force: true });
    await rm(profileDir, { recursive: true, force: true });
  }
}

/** Rows, figures and budgets of the tracker UI part, from the runs. */
function trackerRows(tracker) {
  const { runs, data } = tracker;
  const all = TRACKER_VIEWS.flatMap((view) => runs[view]);
  const per = (view, pick) => runs[view].map(pick);
  const records = fmt(data.records);
  const rows = [
    {
      key: 'tracker-load',
      label: `tracker: load 8 collections, ${records} records (8 store.list in the element)`,
      unit: 'ms',
      median: median(all.map((run) => run.loadMs)),
      runs: all.map((run) => run.loadMs),
      result: 'info',
    },
  ];
  const names = { timeline: 'timeline (default)', checklist: `checklist (${fmt(data.counts.activity)} activities)`, goals: `goals (chart + table, ${fmt(data.counts.goal)} goals, ${fmt(data.counts['goal-rating'])} ratings)` };
  for (const view of TRACKER_VIEWS) {
    rows.push({
      key: `tracker-first-render-${view}`,
      label: `tracker ${names[view]}: data loaded -> first render`,
      unit: 'ms',
      view,
      median: median(per(view, (run) => run.firstRenderMs)),
      runs: per(view, (run) => run.firstRenderMs),
      budget: { maxMs: TRACKER_BUDGET.firstRenderMs },
    });
    rows.push({
      key: `tracker-first-update-${view}`,
      label: '  of which the update (updateComplete)',
      unit: 'ms',
      view,
      median: median(per(view, (run) => run.firstUpdateMs)),
      runs: per(view, (run) => run.firstUpdateMs),
      result: 'info',
    });
  }
  const switches = runs.timeline.map((run) => run.switches.map((s) => s.toGoalsMs));
  rows.push(
    {
      key: 'tracker-view-switch',
      label: `tracker: view switch timeline -> goals (click -> updated DOM), median of ${switches[0]?.length ?? 0}`,
      unit: 'ms',
      median: median(switches.map((values) => median(values))),
      runs: switches.map((values) => median(values)),
      first: switches.map((values) => values[0]),
      back: runs.timeline.map((run) => median(run.switches.map((s) => s.backMs))),
      withLayout: runs.timeline.map((run) => median(run.switches.map((s) => s.toGoalsLayoutMs))),
      result: 'info',
    },
    {
      key: 'tracker-status-change',
      label: `tracker: activity status change (select change -> progress count updated), median of ${runs.checklist[0]?.statusChanges.length ?? 0}`,
      unit: 'ms',
      median: median(runs.checklist.map((run) => median(run.statusChanges.map((s) => s.ms)))),
      runs: runs.checklist.map((run) => median(run.statusChanges.map((s) => s.ms))),
      result: 'info',
    },
    {
      key: 'tracker-dom-timeline',
      label: 'tracker: DOM of the timeline view (elements, all nodes)',
      unit: 'nodes',
      median: median(per('timeline', (run) => run.dom.elements)),
      nodes: median(per('timeline', (run) => run.dom.nodes)),
      other: Object.fromEntries(TRACKER_VIEWS.map((view) => [view, { elements: median(per(view, (run) => run.dom.elements)), nodes: median(per(view, (run) => run.dom.nodes)) }])),
      result: 'info',
    },
  );
  for (const row of rows) {
    if (row.result) continue;
    row.result = row.median <= row.budget.maxMs ? 'pass' : 'FAIL';
  }
  return rows;
}

function trackerTableRow(row) {
  const value = row.unit === 'nodes' ? `${fmt(row.median)} (${fmt(row.nodes)})` : ms(row.median);
  const budget = row.budget ? `<= ${row.budget.maxMs} ms` : '-';
  return [row.label, value, '', '', '', budget, row.result];
}

// -- reflection journal UI -----------------------------------------------------------------------

/**
 * `<twin-journal>` in `<twin-space adapter="indexeddb">` (bench/pages/journal-ui.ts), as a teacher
 * with the class roster in `pupils`: the class's journal is seeded once through the pupils' own
 * stores in a page of its own, then every repetition opens a fresh page whose element loads the
 * records from IndexedDB itself. Its own browser, as the tracker rows have.
 */
async function runJournal() {
  const pageDir = await mkdtemp(join(tmpdir(), 'twinkit-bench-journal-'));
  const profileDir = await mkdtemp(join(tmpdir(), 'twinkit-bench-journal-profile-'));
  let server;
  let context;
  try {
    progress('bench: journal UI: bundling the page with esbuild');
    await build({
      entryPoints: [join(benchDir, 'pages', 'journal-ui.ts')],
      outdir: pageDir,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      sourcemap: true,
      logLevel: 'warning',
      absWorkingDir: root,
    });
    await writeFile(
      join(pageDir, 'journal-ui.html'),
      '<!doctype html><html lang="en"><meta charset="utf-8"><title>twinkit bench: journal</title>' +
        '<style>body { margin: 0; font: 16px/1.4 system-ui, sans-serif; }</style>' +
        '<body><div id="host"></div><script type="module" src="./journal-ui.js"></script></body></html>\n',
    );
    const listening = await startServer(pageDir);
    server = listening.server;
    const executablePath = findBrowser();
    progress(`bench: journal UI: launching ${executablePath}`);
    context = await chromium.launchPersistentContext(profileDir, { executablePath, headless: true, args: CHROMIUM_FLAGS, viewport: GLOSSARY_VIEWPORT });
    const open = async (label) => {
      const page = await context.newPage();
      page.on('console', (message) => (message.type() === 'error' || message.type() === 'warning') && progress(`  journal ${label}: ${message.text()}`));
      page.on('pageerror', (error) => progress(`  journal ${label}: page error: ${error.message}`));
      await page.goto(`${listening.url}journal-ui.html`);
      await page.waitForFunction(() => 'journalBench' in window, null, { timeout: 30_000 });
      return page;
    };
    const base = { ...JOURNAL_DATA, pupilOpens: JOURNAL_PUPIL_OPENS, entryOpens: JOURNAL_ENTRY_OPENS, rep: 0 };
    const { pupils, entriesPerPupil, feedbackPerPupil } = JOURNAL_DATA;

    progress(
      `bench: journal UI: seeding the class's journal into IndexedDB through the stores (not timed): ${pupils} pupils x ${entriesPerPupil} entries, ` +
        `${fmt(pupils * feedbackPerPupil)} pieces of peer feedback, 5 prompt sets, 4 phases, the project`,
    );
    const seedPage = await open('seed');
    for (const page of context.pages()) if (page !== seedPage) await page.close();
    const info = await seedPage.evaluate(() => window.journalBench.info());
    if (!info.gcExposed) progress('bench: warning: gc() is not exposed, journal runs may include garbage collection');
    const seedStarted = Date.now();
    const data = await seedPage.evaluate((c) => window.journalBench.seed(c), base);
    progress(
      `  seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s (teacher createAll ${ms(data.seedMs.teacher)}, ${pupils} pupils' entries ${ms(data.seedMs.entries)}, their feedback ${ms(data.seedMs.feedback)}): ` +
        `${Object.entries(data.counts).map(([collection, n]) => `${collection} ${fmt(n)}`).join(', ')}, ${data.attachments} photos; ${data.storedMB.toFixed(2)} MB stored`,
    );
    await seedPage.close();

    const runs = [];
    let warmup;
    for (let rep = 0; rep <= config.reps; rep++) {
      const page = await open(`rep ${rep}`);
      const result = await page.evaluate((c) => window.journalBench.run(c), { ...base, rep });
      await page.close();
      if (rep === 0) warmup = result;
      else runs.push(result);
      progress(
        `  ${rep === 0 ? 'warm-up' : `rep ${rep}/${config.reps}`}: load ${ms(result.loadMs)} (last ${result.lastList}), overview first render ${ms(result.firstRenderMs)} (update ${ms(result.firstUpdateMs)}; ` +
          `${result.updatesBeforeData} updates before, ${ms(result.updatesBeforeDataMs)}), ${fmt(result.dom.elements)} elements; ` +
          `open pupil median ${ms(median(result.pupilOpens.map((o) => o.ms)))} (first ${ms(result.pupilOpens[0].ms)}, update ${ms(median(result.pupilOpens.map((o) => o.updateMs)))}, back ${ms(median(result.pupilOpens.map((o) => o.backMs)))}); ` +
          `open entry median ${ms(median(result.entryOpens.map((o) => o.ms)))} (first ${ms(result.entryOpens[0].ms)})`,
      );
    }

    let profile;
    if (withJournalProfile) {
      progress('bench: journal UI: one more run under the CPU profiler (load, overview first render, pupil journals, entry dialogs)');
      const sourceMap = new SourceMap(JSON.parse(await readFile(join(pageDir, 'journal-ui.js.map'), 'utf8')));
      const page = await open('profile');
      const cdp = await context.newCDPSession(page);
      const profiles = {};
      cdp.on('Profiler.consoleProfileFinished', (event) => (profiles[event.title] = event.profile));
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      const result = await page.evaluate((c) => window.journalBench.run(c), { ...base, rep: config.reps + 1, profile: true });
      await page.close();
      const summaries = Object.fromEntries(Object.entries(profiles).map(([title, cpu]) => [title, summarizeProfile(cpu, sourceMap, pageDir)]));
      const group = (prefix) => mergeSummaries(Object.entries(summaries).filter(([title]) => title.startsWith(prefix)).map(([, summary]) => summary));
      profile = {
        run: {
          loadMs: result.loadMs,
          firstRenderMs: result.firstRenderMs,
          contentToPaintMs: result.contentToPaintMs,
          pupilOpensMs: result.pupilOpens.reduce((sum, o) => sum + o.ms, 0),
          pupilOpens: result.pupilOpens.length,
          entryOpensMs: result.entryOpens.reduce((sum, o) => sum + o.ms, 0),
          entryOpens: result.entryOpens.length,
        },
        load: summaries.load,
        overview: summaries.overview,
        'first render': summaries['first render'],
        'open pupil': group('open pupil '),
        'open entry': group('open entry '),
      };
    }
    return { info, data, runs, warmup, profile, chromiumVersion: browserVersionFromBinary(executablePath) };
  } finally {
    await context?.close().catch(() => {});
    await new Promise((done) => (server ? server.close(done) : done()));
    await rm(pageDir, { recursive: true, force: true });
    await rm(profileDir, { recursive: true, force: true });
  }
}

/** Several profiles' summaries (the same kind of work, repeated) as one: times summed per function and package. */
function mergeSummaries(summaries) {
  const self = new Map();
  const total = new Map();
  const packages = {};
  let sampledMs = 0;
  for (const summary of summaries) {
    sampledMs += summary.sampledMs;
    for (const f of summary.functions) {
      self.set(f.function, (self.get(f.function) ?? 0) + f.selfMs);
      total.set(f.function, (total.get(f.function) ?? 0) + f.totalMs);
    }
    for (const [name, value] of Object.entries(summary.packages)) packages[name] = Number(((packages[name] ?? 0) + value).toFixed(2));
  }
  const functions = [...total]
    .map(([key, totalMs]) => ({ function: key, selfMs: Number((self.get(key) ?? 0).toFixed(2)), totalMs: Number(totalMs.toFixed(2)) }))
    .sort((a, b) => b.totalMs - a.totalMs);
  return { sampledMs: Number(sampledMs.toFixed(1)), profiles: summaries.length, functions, packages };
}

/** Rows, figures and budgets of the journal UI part, from the runs. */
function journalRows(journal) {
  const { runs, data } = journal;
  const per = (pick) => runs.map(pick);
  const perRunMedian = (list, pick) => runs.map((run) => median(run[list].map(pick)));
  const opens = runs[0]?.pupilOpens.length ?? 0;
  const entryOpens = runs[0]?.entryOpens.length ?? 0;
  const rows = [
    {
      key: 'journal-load',
      label: `journal: load 7 collections, ${fmt(data.records)} records (7 store.list in the element)`,
      unit: 'ms',
      median: median(per((run) => run.loadMs)),
      runs: per((run) => run.loadMs),
      result: 'info',
    },
    {
      key: 'journal-overview-first-render',
      label: `journal overview (${JOURNAL_DATA.pupils} pupils x 8 weeks): data loaded -> first render`,
      unit: 'ms',
      median: median(per((run) => run.firstRenderMs)),
      runs: per((run) => run.firstRenderMs),
      budget: { maxMs: JOURNAL_BUDGET.overviewFirstRenderMs },
    },
    {
      key: 'journal-overview-first-update',
      label: '  of which the update (updateComplete)',
      unit: 'ms',
      median: median(per((run) => run.firstUpdateMs)),
      runs: per((run) => run.firstUpdateMs),
      result: 'info',
    },
    {
      // The same budget from the moment the overview's own data is in: the stricter reading, since the
      // small lists resolve last, after the overview was built (see bench/README.md).
      key: 'journal-overview-content-to-paint',
      label: 'journal overview: entries + feedback loaded -> first render (built and painted)',
      unit: 'ms',
      median: median(per((run) => run.contentToPaintMs)),
      runs: per((run) => run.contentToPaintMs),
      drawnAfterData: per((run) => run.overviewDrawnAfterDataMs),
      budget: { maxMs: JOURNAL_BUDGET.overviewFirstRenderMs },
    },
    {
      key: 'journal-open-pupil',
      label: `journal: click a pupil's name -> their journal rendered (${JOURNAL_DATA.entriesPerPupil} entries), median of ${opens} pupils`,
      unit: 'ms',
      median: median(perRunMedian('pupilOpens', (o) => o.ms)),
      runs: perRunMedian('pupilOpens', (o) => o.ms),
      first: per((run) => run.pupilOpens[0].ms),
      max: per((run) => Math.max(...run.pupilOpens.map((o) => o.ms))),
      withLayout: perRunMedian('pupilOpens', (o) => o.layoutMs),
      back: perRunMedian('pupilOpens', (o) => o.backMs),
      budget: { maxMs: JOURNAL_BUDGET.openPupilMs },
    },
    {
      key: 'journal-open-pupil-update',
      label: '  of which the update (updateComplete)',
      unit: 'ms',
      median: median(perRunMedian('pupilOpens', (o) => o.updateMs)),
      runs: perRunMedian('pupilOpens', (o) => o.updateMs),
      result: 'info',
    },
    {
      key: 'journal-open-entry',
      label: `journal: click an entry -> entry dialog rendered, median of ${entryOpens}`,
      unit: 'ms',
      median: median(perRunMedian('entryOpens', (o) => o.ms)),
      runs: perRunMedian('entryOpens', (o) => o.ms),
      first: per((run) => run.entryOpens[0].ms),
      update: perRunMedian('entryOpens', (o) => o.updateMs),
      result: 'info',
    },
    {
      key: 'journal-dom-overview',
      label: 'journal: DOM of the overview (elements, all nodes)',
      unit: 'nodes',
      median: median(per((run) => run.dom.elements)),
      nodes: median(per((run) => run.dom.nodes)),
      pupilJournal: median(runs.flatMap((run) => run.pupilOpens.map((o) => o.elements))),
      result: 'info',
    },
  ];
  for (const row of rows) {
    if (row.result) continue;
    row.result = row.median <= row.budget.maxMs ? 'pass' : 'FAIL';
  }
  return rows;
}

const journalTableRow = trackerTableRow;

// -- board UI ------------------------------------------------------------------------------------

/**
 * `<twin-board>` in `<twin-space adapter="indexeddb">` (bench/pages/board-ui.ts), as a teacher: the
 * board is seeded once through the authors' own stores in a page of its own, then every repetition
 * opens a fresh page whose element loads the records from IndexedDB itself, and a fresh page for
 * the raw idb baseline (who goes first alternates, as the glossary rows do). Its own browser, as
 * the journal rows have.
 */
async function runBoard() {
  const pageDir = await mkdtemp(join(tmpdir(), 'twinkit-bench-board-'));
  const profileDir = await mkdtemp(join(tmpdir(), 'twinkit-bench-board-profile-'));
  let server;
  let context;
  try {
    progress('bench: board UI: bundling the page with esbuild');
    await build({
      entryPoints: [join(benchDir, 'pages', 'board-ui.ts')],
      outdir: pageDir,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      sourcemap: true,
      logLevel: 'warning',
      absWorkingDir: root,
    });
    await writeFile(
      join(pageDir, 'board-ui.html'),
      '<!doctype html><html lang="en"><meta charset="utf-8"><title>twinkit bench: board</title>' +
        '<style>body { margin: 0; font: 16px/1.4 system-ui, sans-serif; }</style>' +
        '<body><div id="host"></div><script type="module" src="./board-ui.js"></script></body></html>\n',
    );
    const listening = await startServer(pageDir);
    server = listening.server;
    const executablePath = findBrowser();
    progress(`bench: board UI: launching ${executablePath}`);
    context = await chromium.launchPersistentContext(profileDir, { executablePath, headless: true, args: CHROMIUM_FLAGS, viewport: GLOSSARY_VIEWPORT });
    const open = async (label) => {
      const page = await context.newPage();
      page.on('console', (message) => (message.type() === 'error' || message.type() === 'warning') && progress(`  board ${label}: ${message.text()}`));
      page.on('pageerror', (error) => progress(`  board ${label}: page error: ${error.message}`));
      await page.goto(`${listening.url}board-ui.html`);
      await page.waitForFunction(() => 'boardBench' in window, null, { timeout: 30_000 });
      return page;
    };
    const base = { ...BOARD_DATA, moves: BOARD_MOVES, rep: 0 };

    progress(
      `bench: board UI: seeding the board into IndexedDB through the authors' stores (not timed): ${BOARD_DATA.sections} sections, ${fmt(BOARD_DATA.posts)} posts, ` +
        `${fmt(BOARD_DATA.comments)} comments, ${fmt(BOARD_DATA.reactions)} reactions, photos and files`,
    );
    const seedPage = await open('seed');
    for (const page of context.pages()) if (page !== seedPage) await page.close();
    const info = await seedPage.evaluate(() => window.boardBench.info());
    if (!info.gcExposed) progress('bench: warning: gc() is not exposed, board runs may include garbage collection');
    const seedStarted = Date.now();
    const data = await seedPage.evaluate((c) => window.boardBench.seed(c), base);
    progress(
      `  seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s (sections ${ms(data.seedMs.sections)}, files + posts ${ms(data.seedMs.posts)}, comments + reactions + reports ${ms(data.seedMs.feedback)}): ` +
        `${Object.entries(data.counts).map(([collection, n]) => `${collection} ${fmt(n)}`).join(', ')}, ${data.attachments} files; ${data.storedMB.toFixed(2)} MB of records stored`,
    );
    await seedPage.close();

    const runs = [];
    let warmup;
    for (let rep = 0; rep <= config.reps; rep++) {
      const result = {};
      for (const part of rotate(['run', 'raw'], rep)) {
        const page = await open(`rep ${rep} ${part}`);
        Object.assign(result, await page.evaluate(([part, c]) => window.boardBench[part](c), [part, { ...base, rep }]));
        await page.close();
      }
      if (rep === 0) warmup = result;
      else runs.push(result);
      const steps = (mode) => result.steps.filter((s) => s.mode === mode);
      const drops = (mode) => result.drops.filter((d) => d.mode === mode);
      progress(
        `  ${rep === 0 ? 'warm-up' : `rep ${rep}/${config.reps}`}: load ${ms(result.loadMs)} (raw idb ${ms(result.rawListMs)}; last ${result.lastList}), first render ${ms(result.firstRenderMs)} ` +
          `(update ${ms(result.firstUpdateMs)}; from content loaded ${ms(result.contentToPaintMs)}), all ${fmt(BOARD_DATA.posts)} cards ${ms(result.allCardsMs)} (longest task ${ms(result.longestTaskMs)}), ${fmt(result.dom.elements)} elements; ` +
          `step median ${ms(median(steps('frame').map((s) => s.ms)))} (after a paint ${ms(median(steps('after-paint').map((s) => s.ms)))}), ` +
          `drop median ${ms(median(drops('frame').map((d) => d.ms)))} (after a paint ${ms(median(drops('after-paint').map((d) => d.ms)))}, write ${ms(median(result.drops.map((d) => d.writeMs)))})`,
      );
    }

    let profile;
    if (withBoardProfile) {
      progress('bench: board UI: one more run under the CPU profiler (load, first render, all cards, keyboard steps, drops)');
      const sourceMap = new SourceMap(JSON.parse(await readFile(join(pageDir, 'board-ui.js.map'), 'utf8')));
      const page = await open('profile');
      const cdp = await context.newCDPSession(page);
      const profiles = {};
      cdp.on('Profiler.consoleProfileFinished', (event) => (profiles[event.title] = event.profile));
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      // A trace of the same run: the style, layout and paint the CPU profile shows only as "(program)".
      const traceEvents = [];
      let traceDone;
      const traced = new Promise((resolve) => (traceDone = resolve));
      cdp.on('Tracing.dataCollected', (event) => traceEvents.push(...event.value));
      cdp.on('Tracing.tracingComplete', () => traceDone());
      await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
      const result = await page.evaluate((c) => window.boardBench.run(c), { ...base, rep: config.reps + 1, profile: true });
      await cdp.send('Tracing.end');
      await traced;
      await page.close();
      const summaries = Object.fromEntries(Object.entries(profiles).map(([title, cpu]) => [title, summarizeProfile(cpu, sourceMap, pageDir)]));
      const group = (prefix) => mergeSummaries(Object.entries(summaries).filter(([title]) => title.startsWith(prefix)).map(([, summary]) => summary));
      profile = {
        run: {
          loadMs: result.loadMs,
          firstRenderMs: result.firstRenderMs,
          mountToAllMs: result.mountToAllMs,
          steps: result.steps.length,
          stepsMs: result.steps.reduce((sum, s) => sum + s.ms, 0),
          drops: result.drops.length,
          dropsMs: result.drops.reduce((sum, d) => sum + d.ms, 0),
        },
        load: summaries.load,
        'first render': summaries['first render'],
        'mount to all cards': summaries['mount to all cards'],
        steps: group('step '),
        drops: group('drop '),
      };
      profile.trace = summarizeBoardTrace(traceEvents);
    }
    return { info, data, runs, warmup, profile, chromiumVersion: browserVersionFromBinary(executablePath) };
  } finally {
    await context?.close().catch(() => {});
    await new Promise((done) => (server ? server.close(done) : done()));
    await rm(pageDir, { recursive: true, force: true });
    await rm(profileDir, { recursive: true, force: true });
  }
}

/**
 * The rendering work of the profiled board run, from its trace (devtools.timeline): per stretch of
 * the run, between the page's performance.mark() pairs, the time of the renderer's main thread in
 * style recalculation, layout, pre-paint, paint, layerize and commit, in script (event handlers,
 * timers, frame callbacks, microtasks; forced style and layout inside them included), and in
 * garbage collection; with the elements whose style was recalculated and the layout objects laid out.
 */
function summarizeBoardTrace(events) {
  const marks = events.filter((event) => event.cat?.includes('blink.user_timing') && /^board:/.test(event.name));
  const anchor = marks.find((event) => event.name === 'board:data-loaded');
  if (!anchor) return { error: 'no board marks in the trace' };
  const onMain = events.filter((event) => event.pid === anchor.pid && event.tid === anchor.tid);
  // Complete events, and begin/end pairs made complete.
  const spans = [];
  const open = new Map();
  for (const event of onMain) {
    if (event.ph === 'X') spans.push({ name: event.name, ts: event.ts, dur: event.dur ?? 0, args: event.args });
    else if (event.ph === 'B') open.set(event.name, [...(open.get(event.name) ?? []), event]);
    else if (event.ph === 'E') {
      const begin = open.get(event.name)?.pop();
      if (begin) spans.push({ name: event.name, ts: begin.ts, dur: event.ts - begin.ts, args: { ...begin.args, ...event.args } });
    }
  }
  const GROUPS = {
    style: ['UpdateLayoutTree', 'RecalculateStyles'],
    layout: ['Layout'],
    'pre-paint': ['PrePaint'],
    paint: ['Paint'],
    layerize: ['Layerize', 'UpdateLayer', 'UpdateLayerTree'],
    commit: ['Commit'],
    'hit test': ['HitTest'],
    script: ['FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'v8.callFunction', 'EvaluateScript', 'V8.Execute'],
    gc: ['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR', 'BlinkGC.AtomicPhase'],
  };
  const at = (name) => marks.filter((event) => event.name === name).map((event) => event.ts).sort((a, b) => a - b);
  const windows = (start, end) => {
    const ends = at(end);
    return at(start).map((ts) => [ts, ends.find((other) => other >= ts)]).filter(([, stop]) => stop !== undefined);
  };
  const stretch = (pairs) => {
    const inside = spans.filter((span) => pairs.some(([from, to]) => span.ts >= from && span.ts < to));
    const sums = {};
    for (const [group, names] of Object.entries(GROUPS)) {
      // Nested events of one group (a Layout inside a Layout) are counted once: only the outermost.
      const mine = inside.filter((span) => names.includes(span.name)).sort((a, b) => a.ts - b.ts);
      let total = 0;
      let until = -Infinity;
      for (const span of mine) {
        if (span.ts >= until) {
          total += span.dur;
          until = span.ts + span.dur;
        }
      }
      sums[group] = Number((total / 1000).toFixed(1));
    }
    const styleSpans = inside.filter((span) => GROUPS.style.includes(span.name));
    const layoutSpans = inside.filter((span) => span.name === 'Layout');
    const elementCounts = styleSpans.map((span) => span.args?.elementCount ?? span.args?.data?.elementCount).filter((n) => typeof n === 'number');
    const dirty = layoutSpans.map((span) => span.args?.beginData?.dirtyObjects).filter((n) => typeof n === 'number');
    const totalObjects = layoutSpans.map((span) => span.args?.beginData?.totalObjects).filter((n) => typeof n === 'number');
    return {
      windows: pairs.length,
      wallMs: Number((pairs.reduce((sum, [from, to]) => sum + (to - from), 0) / 1000).toFixed(1)),
      ms: sums,
      styleRecalcs: styleSpans.length,
      elementsRestyled: { total: elementCounts.reduce((a, b) => a + b, 0), max: Math.max(0, ...elementCounts) },
      layouts: layoutSpans.length,
      layoutObjects: { dirtyMax: Math.max(0, ...dirty), totalMax: Math.max(0, ...totalObjects) },
    };
  };
  return {
    'first render': stretch(windows('board:data-loaded', 'board:painted')),
    'posts loaded -> all cards': stretch(windows('board:posts-loaded', 'board:all-painted')),
    steps: stretch(windows('board:step', 'board:step-end')),
    drops: stretch(windows('board:drop', 'board:drop-end')),
  };
}

/** Rows, figures and budgets of the board UI part, from the runs. */
function boardRows(board) {
  const { runs, data } = board;
  const per = (pick) => runs.map(pick);
  const perRunMedian = (list, filter, pick) => runs.map((run) => median(run[list].filter(filter).map(pick)));
  const frameMode = (item) => item.mode === 'frame';
  const afterPaint = (item) => item.mode === 'after-paint';
  const stepsPerMode = runs[0]?.steps.filter(frameMode).length ?? 0;
  const dropsPerMode = runs[0]?.drops.filter(frameMode).length ?? 0;
  const posts = fmt(BOARD_DATA.posts);
  const rows = [
    {
      key: 'board-load',
      label: `board: load 8 collections, ${fmt(data.records)} records (8 store.list in the element)`,
      unit: 'ms',
      median: median(per((run) => run.loadMs)),
      runs: per((run) => run.loadMs),
      baseline: { label: 'raw idb open + getAll of the 8 collections', median: median(per((run) => run.rawListMs)), runs: per((run) => run.rawListMs) },
      result: 'info',
    },
    {
      key: 'board-first-render',
      label: `board: ${posts} posts + ${fmt(BOARD_DATA.comments + BOARD_DATA.reactions)} comments and reactions: data loaded -> first render`,
      unit: 'ms',
      median: median(per((run) => run.firstRenderMs)),
      runs: per((run) => run.firstRenderMs),
      budget: { maxMs: BOARD_BUDGET.firstRenderMs },
    },
    { key: 'board-first-update', label: '  of which the update (updateComplete)', unit: 'ms', median: median(per((run) => run.firstUpdateMs)), runs: per((run) => run.firstUpdateMs), result: 'info' },
    {
      // The same budget from the moment what the cards show is in (see bench/README.md).
      key: 'board-content-to-paint',
      label: 'board: posts, sections, comments, reactions loaded -> first render',
      unit: 'ms',
      median: median(per((run) => run.contentToPaintMs)),
      runs: per((run) => run.contentToPaintMs),
      budget: { maxMs: BOARD_BUDGET.firstRenderMs },
    },
    {
      key: 'board-all-cards',
      label: `  -> all ${posts} cards painted, with their counts (from the same start)`,
      unit: 'ms',
      median: median(per((run) => run.contentToAllCardsMs)),
      runs: per((run) => run.contentToAllCardsMs),
      fromData: per((run) => run.allCardsMs),
      firstToAll: per((run) => run.firstToAllMs),
      update: per((run) => run.allCardsUpdateMs),
      longestTask: per((run) => run.longestTaskMs),
      result: 'info',
    },
    { key: 'board-all-cards-update', label: '  of which the update that completed them', unit: 'ms', median: median(per((run) => run.allCardsUpdateMs)), runs: per((run) => run.allCardsUpdateMs), result: 'info' },
    { key: 'board-longest-task', label: '  longest main-thread task, content loaded -> all cards painted', unit: 'ms', median: median(per((run) => run.longestTaskMs)), runs: per((run) => run.longestTaskMs), result: 'info' },
    {
      key: 'board-first-cards',
      label: 'board: posts + sections loaded -> first cards painted (before the counts are in)',
      unit: 'ms',
      median: median(per((run) => run.postsToFirstCardsMs)),
      runs: per((run) => run.postsToFirstCardsMs),
      cards: per((run) => run.firstCards),
      result: 'info',
    },
    {
      key: 'board-mount-to-all',
      label: `board: markup inserted -> first render / all ${posts} cards painted`,
      unit: 'pair',
      median: median(per((run) => run.mountToPaintMs)),
      runs: per((run) => run.mountToPaintMs),
      all: median(per((run) => run.mountToAllMs)),
      allRuns: per((run) => run.mountToAllMs),
      result: 'info',
    },
    {
      key: 'board-step',
      label: `board: move a post (keyboard step -> view updated), median of ${stepsPerMode} steps, key at a frame's start -> that frame painted`,
      unit: 'ms',
      median: median(perRunMedian('steps', frameMode, (s) => s.ms)),
      runs: perRunMedian('steps', frameMode, (s) => s.ms),
      p95: per((run) => quantile(run.steps.filter(frameMode).map((s) => s.ms), 0.95)),
      within: perRunMedian('steps', (s) => frameMode(s) && !s.across, (s) => s.ms),
      across: perRunMedian('steps', (s) => frameMode(s) && s.across, (s) => s.ms),
      budget: { maxMs: BOARD_BUDGET.stepMedianMs },
    },
    { key: 'board-step-update', label: '  of which the update (updateComplete)', unit: 'ms', median: median(perRunMedian('steps', frameMode, (s) => s.updateMs)), runs: perRunMedian('steps', frameMode, (s) => s.updateMs), result: 'info' },
    { key: 'board-step-layout', label: '  of which the update + style + layout (forced by reading a size)', unit: 'ms', median: median(perRunMedian('steps', frameMode, (s) => s.layoutMs)), runs: perRunMedian('steps', frameMode, (s) => s.layoutMs), result: 'info' },
    { key: 'board-step-p95', label: '  keyboard step, p95', unit: 'ms', median: median(per((run) => quantile(run.steps.filter(frameMode).map((s) => s.ms), 0.95))), runs: per((run) => quantile(run.steps.filter(frameMode).map((s) => s.ms), 0.95)), result: 'info' },
    {
      key: 'board-step-after-paint',
      label: `  keyboard step, key right after a paint -> next frame painted (incl. the wait for the display), median of ${runs[0]?.steps.filter(afterPaint).length ?? 0}`,
      unit: 'ms',
      median: median(perRunMedian('steps', afterPaint, (s) => s.ms)),
      runs: perRunMedian('steps', afterPaint, (s) => s.ms),
      frames: per((run) => Math.max(...run.steps.filter(afterPaint).map((s) => s.frames))),
      result: 'info',
    },
    {
      key: 'board-drop',
      label: `board: drop (click) -> view updated, before the write completes, median of ${dropsPerMode}, click at a frame's start -> that frame painted`,
      unit: 'ms',
      median: median(perRunMedian('drops', frameMode, (d) => d.ms)),
      runs: perRunMedian('drops', frameMode, (d) => d.ms),
      update: perRunMedian('drops', frameMode, (d) => d.updateMs),
      withLayout: perRunMedian('drops', frameMode, (d) => d.layoutMs),
      result: 'info',
    },
    {
      key: 'board-drop-after-paint',
      label: `  drop, click right after a paint -> next frame painted, median of ${runs[0]?.drops.filter(afterPaint).length ?? 0}`,
      unit: 'ms',
      median: median(perRunMedian('drops', afterPaint, (d) => d.ms)),
      runs: perRunMedian('drops', afterPaint, (d) => d.ms),
      result: 'info',
    },
    { key: 'board-drop-write', label: '  drop -> the store write resolved (one store.update)', unit: 'ms', median: median(perRunMedian('drops', () => true, (d) => d.writeMs)), runs: perRunMedian('drops', () => true, (d) => d.writeMs), result: 'info' },
    {
      key: 'board-dom',
      label: `board: DOM with all ${posts} cards (elements, all nodes)`,
      unit: 'nodes',
      median: median(per((run) => run.dom.elements)),
      nodes: median(per((run) => run.dom.nodes)),
      result: 'info',
    },
  ];
  for (const row of rows) {
    if (row.result) continue;
    row.result = row.median <= row.budget.maxMs ? 'pass' : 'FAIL';
  }
  return rows;
}

function boardTableRow(row) {
  const value = row.unit === 'nodes' ? `${fmt(row.median)} (${fmt(row.nodes)})` : row.unit === 'pair' ? `${ms(row.median)} / ${ms(row.all)}` : ms(row.median);
  const base = row.baseline ? ms(row.baseline.median) : '';
  const ratio = row.baseline ? `${(row.median / row.baseline.median).toFixed(2)}x` : '';
  const budget = row.budget ? `<= ${row.budget.maxMs} ms` : '-';
  return [row.label, value, base, '', ratio, budget, row.result];
}

// -- board photo ---------------------------------------------------------------------------------

/**
 * A pupil's 12-megapixel photo for `<twin-board>` (bench/pages/board-photo.ts): made once in the
 * page (not timed), then per repetition each contender in turn (the order rotates), each in a
 * fresh database: Twinkit's preparePhoto + store.putAttachment, the original put raw (no resize),
 * and the upload widgets' `<img>` + canvas + toBlob. Its own browser with a profile on disk.
 */
async function runBoardPhoto() {
  const pageDir = await mkdtemp(join(tmpdir(), 'twinkit-bench-board-photo-'));
  const profileDir = await mkdtemp(join(tmpdir(), 'twinkit-bench-board-photo-profile-'));
  let server;
  let context;
  try {
    progress('bench: board photo: bundling the page with esbuild');
    await build({
      entryPoints: [join(benchDir, 'pages', 'board-photo.ts')],
      outdir: pageDir,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      sourcemap: true,
      logLevel: 'warning',
      absWorkingDir: root,
    });
    await writeFile(
      join(pageDir, 'board-photo.html'),
      '<!doctype html><html lang="en"><meta charset="utf-8"><title>twinkit bench: board photo</title><script type="module" src="./board-photo.js"></script></html>\n',
    );
    const listening = await startServer(pageDir);
    server = listening.server;
    const executablePath = findBrowser();
    progress(`bench: board photo: launching ${executablePath}`);
    context = await chromium.launchPersistentContext(profileDir, { executablePath, headless: true, args: CHROMIUM_FLAGS });
    const page = await context.newPage();
    for (const other of context.pages()) if (other !== page) await other.close();
    page.on('console', (message) => (message.type() === 'error' || message.type() === 'warning') && progress(`  board photo: ${message.text()}`));
    page.on('pageerror', (error) => progress(`  board photo: page error: ${error.message}`));
    await page.goto(`${listening.url}board-photo.html`);
    await page.waitForFunction(() => 'boardPhotoBench' in window, null, { timeout: 30_000 });
    const info = await page.evaluate(() => window.boardPhotoBench.info());
    if (!info.gcExposed) progress('bench: warning: gc() is not exposed, board photo runs may include garbage collection');
    const photo = await page.evaluate((c) => window.boardPhotoBench.make(c), BOARD_PHOTO);
    progress(`  made a ${photo.width}x${photo.height} JPEG of ${mb(photo.bytes)} in the page (not timed, ${ms(photo.makeMs)})`);

    const runs = Object.fromEntries(BOARD_PHOTO_CONTENDERS.map((key) => [key, []]));
    const warmup = {};
    for (let rep = 0; rep <= config.reps; rep++) {
      const parts = [];
      for (const contender of rotate(BOARD_PHOTO_CONTENDERS, rep)) {
        const result = await page.evaluate((key) => window.boardPhotoBench.run(key), contender);
        if (rep === 0) warmup[contender] = result;
        else runs[contender].push(result);
        parts.push(`${contender} ${ms(result.ms)}${result.prepareMs ? ` (resize ${ms(result.prepareMs)})` : ''}`);
      }
      progress(`  ${rep === 0 ? 'warm-up' : `rep ${rep}/${config.reps}`}: ${parts.join(', ')}`);
    }
    return { info, photo, runs, warmup, chromiumVersion: browserVersionFromBinary(executablePath) };
  } finally {
    await context?.close().catch(() => {});
    await new Promise((done) => (server ? server.close(done) : done()));
    await rm(pageDir, { recursive: true, force: true });
    await rm(profileDir, { recursive: true, force: true });
  }
}

/** Rows, figures and budget of the board photo part, from the runs. */
function boardPhotoRows({ runs, photo }) {
  const figures = (key, pick = (run) => run.ms) => runs[key].map(pick);
  const megapixels = Math.round((photo.width * photo.height) / 1e6);
  const twinkit = median(figures('twinkit'));
  const raw = median(figures('raw'));
  const out = runs.twinkit[0];
  return [
    {
      key: 'board-photo',
      label: `board: ${megapixels}-MP photo resized + stored (preparePhoto + 2 store.putAttachment)`,
      unit: 'ms',
      median: twinkit,
      runs: figures('twinkit'),
      raw,
      ratioToRaw: Number((twinkit / raw).toFixed(2)),
      budget: BOARD_PHOTO_BUDGET,
      result: twinkit <= BOARD_PHOTO_BUDGET.maxMs ? 'pass' : 'FAIL',
    },
    { key: 'board-photo-prepare', label: '  of which preparePhoto (decode, resize, encode 2 JPEGs)', unit: 'ms', median: median(figures('twinkit', (run) => run.prepareMs)), runs: figures('twinkit', (run) => run.prepareMs), result: 'info' },
    { key: 'board-photo-raw', label: 'board baseline: the original put as it is (raw idb, no resize)', unit: 'ms', median: raw, runs: figures('raw'), result: 'info' },
    {
      key: 'board-photo-peer',
      label: 'board peer: <img> + canvas drawImage + toBlob, 2 raw idb puts',
      unit: 'ms',
      median: median(figures('peer')),
      runs: figures('peer'),
      prepare: median(figures('peer', (run) => run.prepareMs)),
      result: 'info',
    },
    {
      key: 'board-photo-bytes',
      label: 'board: bytes in -> out (picture + thumbnail)',
      unit: 'bytes',
      in: photo.bytes,
      image: out.imageBytes,
      thumbnail: out.thumbnailBytes,
      size: `${out.width}x${out.height}`,
      peer: { image: runs.peer[0].imageBytes, thumbnail: runs.peer[0].thumbnailBytes },
      result: 'info',
    },
  ];
}

function boardPhotoTableRow(row) {
  if (row.unit === 'bytes') return [row.label, `${mb(row.in)} -> ${kB(row.image)} + ${kB(row.thumbnail)}`, '', '', '', '-', row.result];
  if (row.key === 'board-photo') return [row.label, ms(row.median), ms(row.raw), '', `${row.ratioToRaw.toFixed(2)}x`, `<= ${fmt(row.budget.maxMs)} ms`, row.result];
  return [row.label, ms(row.median), '', '', '', '-', row.result];
}

// -- sync -----------------------------------------------------------------------------------------

/**
 * Sync budgets, as Twinkit time / PouchDB time for the same documents: the push at least twice as
 * fast as PouchDB's replication (0.5), the pull at least 2.5 times as fast (0.4); live change median.
 */
const SYNC_BUDGET = { ratioToPouchDB: { push: 0.5, pull: 0.4 }, liveMedianMs: 50 };
/** Live-change rows: writes on device A, one at a time, each after the previous one reached device B and a short gap. */
const LIVE_WRITES = 30;
const LIVE_WARMUP = 2;
const LIVE_GAP_MS = 100;
const LIVE_TIMEOUT_MS = 15_000;
/** Where the page server mounts the CouchDB proxy: the pages reach the server same-origin. */
const COUCH_PATH = '/couch';
const SYNC_BUNDLES = { twinkit: 'sync-twinkit', pouchdb: 'sync-pouchdb' };
/** Records of the untimed warm-up round (each contender pushes and pulls them once first). */
const WARM_UP_RECORDS = 2000;

/** CPU time (ms) a process used so far, from /proc (Linux); undefined elsewhere. */
async function cpuMsOf(pid) {
  if (!pid) return undefined;
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ').pop().split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks (USER_HZ 100)
  } catch {
    return undefined;
  }
}

/** The pouchdb-server child of this process (start-couch-server.mjs does not expose its pid). */
async function couchServerPid(port) {
  try {
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
      if (cmdline.includes('pouchdb-server') && cmdline.split('\0').includes(String(port))) return Number(entry);
    }
  } catch {
    /* not Linux */
  }
  return undefined;
}

/**
 * Sync rows: Twinkit's synced adapter and PouchDB's replication, each pushing the same records
 * from headless Chromium to pouchdb-server (in memory, started here) and pulling them into a fresh
 * local database; then the live-change latency between two devices (two Chromium profiles). Every
 * step runs in a fresh page of one bundle (bench/pages/sync-twinkit.ts or sync-pouchdb.ts).
 */
async function runSync() {
  const pageDir = await mkdtemp(join(tmpdir(), 'twinkit-bench-sync-'));
  const profileDirs = [];
  const contexts = [];
  let server;
  let couch;
  try {
    progress('bench: sync: starting pouchdb-server (in memory) and bundling the pages with esbuild');
    const [startedCouch, bundled] = await Promise.allSettled([
      startCouchServer(),
      build({
        entryPoints: Object.values(SYNC_BUNDLES).map((name) => join(benchDir, 'pages', `${name}.ts`)),
        outdir: pageDir,
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        sourcemap: true,
        logLevel: 'warning',
        absWorkingDir: root,
        // pouchdb-browser imports node's `events` and leaves it to the bundler.
        alias: { events: './bench/pages/sync-events.ts' },
      }),
    ]);
    if (startedCouch.status === 'fulfilled') couch = startedCouch.value;
    if (startedCouch.status === 'rejected') throw startedCouch.reason;
    if (bundled.status === 'rejected') throw bundled.reason;
    const couchPid = await couchServerPid(couch.port);
    for (const name of Object.values(SYNC_BUNDLES)) {
      await writeFile(join(pageDir, `${name}.html`), `<!doctype html><html lang="en"><meta charset="utf-8"><title>twinkit bench: ${name}</title><script type="module" src="./${name}.js"></script></html>\n`);
    }
    const proxy = createFaultProxy(couch.url, { prefix: COUCH_PATH });
    // Requests by kind (`POST _bulk_docs`, `GET _changes`...), for the step running now.
    let tally = {};
    const countRequest = (request) => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      const kind = `${request.method} ${/\/(_[a-z_]+)/.exec(path.slice(COUCH_PATH.length).replace(/^\/[^/]+/, ''))?.[1] ?? 'database or document'}`;
      tally[kind] = (tally[kind] ?? 0) + 1;
    };
    const listening = await startServer(pageDir, { [COUCH_PATH]: (request, response) => (countRequest(request), proxy.handle(request, response)) });
    server = listening.server;
    const executablePath = findBrowser();
    progress(`bench: sync: launching ${executablePath}`);

    const launch = async (label) => {
      const dir = await mkdtemp(join(tmpdir(), `twinkit-bench-sync-${label}-`));
      profileDirs.push(dir);
      const context = await chromium.launchPersistentContext(dir, { executablePath, headless: true, args: CHROMIUM_FLAGS });
      contexts.push(context);
      return context;
    };
    const open = async (context, bundle, label) => {
      const page = await context.newPage();
      page.on('console', (message) => {
        // Expected: 404s (is the database there yet?), and refused connections while the proxy plays "server down".
        if (/^Failed to load resource: (the server responded with a status of 404|net::ERR_(EMPTY_RESPONSE|CONNECTION_RESET|CONNECTION_CLOSED))/.test(message.text())) return;
        if (message.type() === 'error' || message.type() === 'warning') progress(`  sync ${label}: ${message.text()}`);
      });
      page.on('pageerror', (error) => progress(`  sync ${label}: page error: ${error.message}`));
      await page.goto(`${listening.url}${bundle}.html`);
      const global = bundle === SYNC_BUNDLES.pouchdb ? 'pouchBench' : 'syncBench';
      await page.waitForFunction((name) => name in window, global, { timeout: 30_000 });
      for (const other of context.pages()) if (other !== page && other.url() === 'about:blank') await other.close();
      return page;
    };
    /**
     * One timed step in a fresh page: the page's figures, plus the requests that went through the
     * proxy (the page's own check of the server included: one request), the CPU time the server
     * process and the page's renderer used meanwhile (CDP Performance metrics), and optionally a
     * CPU profile of the page.
     */
    const step = async (context, bundle, label, call, arg, { cpuProfile = false } = {}) => {
      const page = await open(context, bundle, label);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      if (cpuProfile) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
      }
      tally = {};
      const before = { requests: proxy.requests, server: await cpuMsOf(couchPid), page: await metrics() };
      const wall = Date.now();
      const result = await page.evaluate(call, arg);
      const after = { requests: proxy.requests, server: await cpuMsOf(couchPid), page: await metrics() };
      const profile = cpuProfile ? (await cdp.send('Profiler.stop')).profile : undefined;
      await page.close();
      const delta = (key) => Math.round((after.page[key] - before.page[key]) * 1000);
      return {
        ...result,
        requests: after.requests - before.requests,
        requestKinds: Object.fromEntries(Object.entries(tally).sort((a, b) => b[1] - a[1])),
        stepWallMs: Date.now() - wall,
        serverCpuMs: before.server === undefined || after.server === undefined ? undefined : after.server - before.server,
        pageTaskMs: delta('TaskDuration'),
        pageScriptMs: delta('ScriptDuration'),
        profile,
      };
    };

    const tag = Date.now().toString(36);
    const base = { couchPath: COUCH_PATH, authorization: couch.adminHeaders.authorization, records: config.syncRecords };
    const space = `bench-sync-${tag}`;
    const deviceA = { ...base, space, localName: `bench-sync-${tag}-a` };
    const context = await launch('push-pull');
    const twinkit = SYNC_BUNDLES.twinkit;
    const pouchdb = SYNC_BUNDLES.pouchdb;
    const info = await (async () => {
      const page = await open(context, pouchdb, 'info');
      const found = await page.evaluate(() => window.pouchBench.info());
      await page.close();
      return found;
    })();
    if (!info.gcExposed) progress('bench: warning: gc() is not exposed, sync runs may include garbage collection');

    const seedDevice = async (device, records = config.syncRecords) => {
      // The server is unreachable while the records are written (the proxy drops every request):
      // they all wait in the outbox, and the timed push starts from a full outbox.
      proxy.setMode('down');
      try {
        const page = await open(context, twinkit, 'seed');
        const seeded = await page.evaluate((c) => window.syncBench.seed(c), { ...device, records, seed: 11, batch: 1000 });
        await page.close();
        if (seeded.outbox !== records) throw new Error(`sync seed: ${seeded.outbox} entries in the outbox, expected ${records}`);
        return seeded;
      } finally {
        proxy.setMode('pass');
      }
    };

    // The server is started for this run: its first requests run code it has not compiled yet. A
    // round of both contenders on a few records first (not timed), so neither timed row pays that.
    const warmRecords = Math.min(WARM_UP_RECORDS, config.syncRecords);
    progress(`bench: sync: warming the server up: ${fmt(warmRecords)} records pushed and pulled by each contender (not timed)`);
    let clock = Date.now();
    {
      const warm = { ...base, records: warmRecords, space: `${space}-warm-up`, localName: `bench-sync-${tag}-warm-a` };
      await seedDevice(warm, warmRecords);
      const warmPush = await step(context, twinkit, 'warm-up push', (c) => window.syncBench.push(c), warm);
      await step(context, twinkit, 'warm-up pull', (c) => window.syncBench.pull(c), { ...warm, localName: `bench-sync-${tag}-warm-b`, remoteDatabase: warmPush.remoteDatabase });
      const page = await open(context, pouchdb, 'warm-up pouchdb seed');
      await page.evaluate((c) => window.pouchBench.seed(c), { ...base, records: warmRecords, localName: `bench-pouchdb-${tag}-warm-a`, sourceDatabase: warmPush.remoteDatabase, batch: 1000 });
      await page.close();
      const pouchWarm = { ...base, records: warmRecords, remoteDatabase: `bench-pouchdb-${tag}-warm-up` };
      await step(context, pouchdb, 'warm-up pouchdb push', (c) => window.pouchBench.push(c), { ...pouchWarm, localName: `bench-pouchdb-${tag}-warm-a` });
      await step(context, pouchdb, 'warm-up pouchdb pull', (c) => window.pouchBench.pull(c), { ...pouchWarm, localName: `bench-pouchdb-${tag}-warm-b` });
    }
    progress(`  warmed up in ${((Date.now() - clock) / 1000).toFixed(1)} s`);

    progress(`bench: sync: writing ${fmt(config.syncRecords)} records into device A's local database through the store, server unreachable (not timed)`);
    clock = Date.now();
    const seeded = await seedDevice(deviceA);
    progress(`  seeded in ${((Date.now() - clock) / 1000).toFixed(1)} s (createMany ${ms(seeded.ms)}), ${fmt(seeded.outbox)} in the outbox`);

    progress(`bench: sync: Twinkit push, ${fmt(config.syncRecords)} records -> server`);
    const push = await step(context, twinkit, 'push', (c) => window.syncBench.push(c), deviceA);
    progress(`  ${ms(push.ms)} to an empty outbox (syncNow resolved at ${ms(push.syncNowMs)}), ${requestsText(push)}, server CPU ${push.serverCpuMs ?? '?'} ms, page tasks ${push.pageTaskMs} ms`);

    progress('bench: sync: PouchDB: the same documents into a local PouchDB (not timed), then its push -> a fresh server database');
    const pouchLocal = `bench-pouchdb-${tag}-a`;
    const pouchRemote = `bench-pouchdb-${tag}`;
    clock = Date.now();
    const pouchSeedPage = await open(context, pouchdb, 'pouchdb seed');
    const pouchSeed = await pouchSeedPage.evaluate((c) => window.pouchBench.seed(c), { ...base, localName: pouchLocal, sourceDatabase: push.remoteDatabase, batch: 1000 });
    await pouchSeedPage.close();
    progress(`  seeded in ${((Date.now() - clock) / 1000).toFixed(1)} s: ${fmt(pouchSeed.count)} documents of ${pouchSeed.docAvgBytes} bytes on average`);
    const pouchPush = await step(context, pouchdb, 'pouchdb push', (c) => window.pouchBench.push(c), { ...base, localName: pouchLocal, remoteDatabase: pouchRemote });
    progress(`  ${ms(pouchPush.ms)}, ${requestsText(pouchPush)}, server CPU ${pouchPush.serverCpuMs ?? '?'} ms, page tasks ${pouchPush.pageTaskMs} ms`);

    progress(`bench: sync: Twinkit pull, server -> a fresh device`);
    const pull = await step(context, twinkit, 'pull', (c) => window.syncBench.pull(c), { ...base, space, localName: `bench-sync-${tag}-b`, remoteDatabase: push.remoteDatabase });
    progress(`  ${ms(pull.ms)} (syncNow resolved at ${ms(pull.syncNowMs)}${pull.syncNowEarly ? ', before every record was here' : ''}), ${requestsText(pull)}, server CPU ${pull.serverCpuMs ?? '?'} ms, page tasks ${pull.pageTaskMs} ms`);

    progress('bench: sync: PouchDB pull, server -> a fresh local database');
    const pouchPull = await step(context, pouchdb, 'pouchdb pull', (c) => window.pouchBench.pull(c), { ...base, localName: `bench-pouchdb-${tag}-b`, remoteDatabase: pouchRemote });
    progress(`  ${ms(pouchPull.ms)}, ${requestsText(pouchPull)}, server CPU ${pouchPull.serverCpuMs ?? '?'} ms, page tasks ${pouchPull.pageTaskMs} ms`);

    let profile;
    if (withSyncProfile) {
      progress('bench: sync: Twinkit push and pull once more, under the CPU profiler');
      const profiled = { ...base, space: `bench-sync-${tag}-profile`, localName: `bench-sync-${tag}-profile-a` };
      await seedDevice(profiled);
      const profiledPush = await step(context, twinkit, 'profile push', (c) => window.syncBench.push(c), { ...profiled, instrument: true }, { cpuProfile: true });
      const profiledPull = await step(context, twinkit, 'profile pull', (c) => window.syncBench.pull(c), { ...profiled, localName: `bench-sync-${tag}-profile-b`, remoteDatabase: profiledPush.remoteDatabase, instrument: true }, { cpuProfile: true });
      const sourceMap = new SourceMap(JSON.parse(await readFile(join(pageDir, `${twinkit}.js.map`), 'utf8')));
      profile = {
        push: { ms: profiledPush.ms, pageTaskMs: profiledPush.pageTaskMs, serverCpuMs: profiledPush.serverCpuMs, breakdown: profiledPush.breakdown, ...summarizeProfile(profiledPush.profile, sourceMap, pageDir) },
        pull: { ms: profiledPull.ms, pageTaskMs: profiledPull.pageTaskMs, serverCpuMs: profiledPull.serverCpuMs, breakdown: profiledPull.breakdown, ...summarizeProfile(profiledPull.profile, sourceMap, pageDir) },
      };
    }

    // Live changes: two devices, each its own Chromium profile (own IndexedDB, locks, channels).
    progress(`bench: sync: live changes, device A -> device B, ${LIVE_WRITES} writes after ${LIVE_WARMUP} warm-up`);
    const liveSpace = `bench-live-${tag}`;
    const [contextA, contextB] = await Promise.all([launch('device-a'), launch('device-b')]);
    const pageA = await open(contextA, twinkit, 'device A');
    const pageB = await open(contextB, twinkit, 'device B');
    await pageA.evaluate((c) => window.syncBench.liveOpen(c), { ...base, space: liveSpace, localName: `bench-live-${tag}-a`, watch: false });
    await pageB.evaluate((c) => window.syncBench.liveOpen(c), { ...base, space: liveSpace, localName: `bench-live-${tag}-b`, watch: true });
    const latencies = [];
    const warmupLatencies = [];
    for (let i = 0; i < LIVE_WARMUP + LIVE_WRITES; i++) {
      const term = `live ${tag} ${i}`;
      const writtenAt = await pageA.evaluate((t) => window.syncBench.liveWrite(t), term);
      const seenAt = await pageB.evaluate(([t, timeout]) => window.syncBench.liveSeen(t, timeout), [term, LIVE_TIMEOUT_MS]);
      (i < LIVE_WARMUP ? warmupLatencies : latencies).push(seenAt - writtenAt);
      await new Promise((done) => setTimeout(done, LIVE_GAP_MS));
    }
    await pageA.evaluate(() => window.syncBench.liveClose());
    await pageB.evaluate(() => window.syncBench.liveClose());
    progress(`  median ${ms(median(latencies))}, p95 ${ms(quantile(latencies, 0.95))}, min ${ms(Math.min(...latencies))}, max ${ms(Math.max(...latencies))} (warm-up ${warmupLatencies.map(ms).join(', ')})`);

    const strip = ({ profile: _profile, ...rest }) => rest;
    return {
      info,
      seeded,
      pouchSeed,
      push: strip(push),
      pull: strip(pull),
      pouchPush: strip(pouchPush),
      pouchPull: strip(pouchPull),
      live: { latencies, warmupLatencies, writes: LIVE_WRITES, gapMs: LIVE_GAP_MS },
      profile,
      chromiumVersion: browserVersionFromBinary(executablePath),
    };
  } finally {
    for (const context of contexts) await context.close().catch(() => {});
    await new Promise((done) => (server ? server.close(done) : done()));
    await couch?.stop();
    await rm(pageDir, { recursive: true, force: true });
    for (const dir of profileDirs) await rm(dir, { recursive: true, force: true });
  }
}

const requestsText = (run) => `${run.requests} requests (${Object.entries(run.requestKinds).map(([kind, n]) => `${kind} ${n}`).join(', ')})`;

/** Rows, figures and budgets of the sync part. */
function syncRows(sync) {
  const count = fmt(config.syncRecords);
  const ratioRow = (key, label, twinkit, pouch, maxRatio) => {
    const ratio = twinkit.ms / pouch.ms;
    return {
      key,
      label,
      unit: 'ms',
      median: twinkit.ms,
      baseline: { label: 'PouchDB replicate', median: pouch.ms },
      ratioToPouchDB: Number(ratio.toFixed(3)),
      budget: { maxRatioToPouchDB: maxRatio },
      result: ratio <= maxRatio ? 'pass' : 'FAIL',
    };
  };
  const { latencies } = sync.live;
  const liveMedian = median(latencies);
  return [
    ratioRow('sync-push', `sync: push ${count} records, local -> server`, sync.push, sync.pouchPush, SYNC_BUDGET.ratioToPouchDB.push),
    { key: 'sync-push-syncnow', label: '  syncNow resolved (push + a pull round)', unit: 'ms', median: sync.push.syncNowMs, result: 'info' },
    ratioRow('sync-pull', `sync: pull ${count} records, server -> fresh device`, sync.pull, sync.pouchPull, SYNC_BUDGET.ratioToPouchDB.pull),
    {
      key: 'sync-live-median',
      label: `sync: live change, device A write -> device B subscriber, median of ${latencies.length}`,
      unit: 'ms',
      median: liveMedian,
      runs: latencies,
      budget: { maxMs: SYNC_BUDGET.liveMedianMs },
      result: liveMedian <= SYNC_BUDGET.liveMedianMs ? 'pass' : 'FAIL',
    },
    { key: 'sync-live-p95', label: '  live change, p95', unit: 'ms', median: quantile(latencies, 0.95), runs: latencies, result: 'info' },
  ];
}

function syncTableRow(row) {
  const budget = !row.budget ? '-' : row.budget.maxMs !== undefined ? `<= ${row.budget.maxMs} ms` : `<= ${row.budget.maxRatioToPouchDB}x PouchDB`;
  return [row.label, ms(row.median), row.baseline ? ms(row.baseline.median) : '', row.ratioToPouchDB !== undefined ? `${row.ratioToPouchDB.toFixed(2)}x` : '', budget, row.result];
}

// -- figures and table ----------------------------------------------------------------------------

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank quantile (q = 0.95: the value 95 % of the samples are at or below). */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const ms = (value) => (value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

function printTable(headers, rows) {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => String(row[i] ?? '').length)));
  const line = (cells) => cells.map((cell, i) => String(cell ?? '').padEnd(widths[i])).join('  ').trimEnd();
  console.log(line(headers));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

async function main() {
  const results = {
    date: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, platform: `${process.platform} ${process.arch}`, node: process.version, loadAverageAtStart: loadavg()[0] },
    config,
    storage: [],
    glossary: null,
    tracker: null,
    journal: null,
    board: null,
    boardPhoto: null,
    sync: null,
    sizes: [],
  };
  const tableRows = [];
  let failed = false;
  const notes = [];

  if (withStorage) {
    let storage;
    try {
      storage = await runStorage();
    } catch (error) {
      failed = true;
      progress(`bench: the storage benchmark failed: ${error?.stack ?? error}`);
      tableRows.push(['storage benchmark', 'error', '', '', '', '', 'FAIL']);
      results.storageError = String(error?.message ?? error);
    }
    if (storage) {
      results.chromium = storage.chromiumVersion;
      results.userAgent = storage.userAgent;
      results.recordSizes = { fieldsMinBytes: storage.recordSizes.fieldsMin, fieldsMaxBytes: storage.recordSizes.fieldsMax, fieldsAvgBytes: storage.recordSizes.fieldsAvg, storedAvgBytes: storage.recordSizes.storedAvg };
      results.exampleRecord = storage.recordSizes.example;
      for (const row of profileOnly ? [] : STORAGE_ROWS) {
        const group = storage.groups[row.group] ?? { runs: {}, warmup: {} };
        // A row with a budget that gave no figure must fail: a budget that cannot be measured never fails otherwise.
        const measured = CONTENDERS.every((key) => group.runs[key]?.length === config.reps && group.runs[key].every((run) => Number.isFinite(run) && run > 0));
        const medians = Object.fromEntries(CONTENDERS.map((key) => [key, measured ? median(group.runs[key]) : NaN]));
        const ratio = medians.store / medians.idb;
        const result = !measured ? 'FAIL' : smoke ? 'measured' : ratio <= row.budget ? 'pass' : 'FAIL';
        if (result === 'FAIL') failed = true;
        results.storage.push({
          key: row.group,
          label: row.label,
          unit: 'ms',
          median: medians,
          runs: group.runs,
          warmup: group.warmup,
          ratioStoreToIdb: Number(ratio.toFixed(3)),
          ratioStoreToDexie: Number((medians.store / medians.dexie).toFixed(3)),
          budget: { maxRatioToIdb: row.budget },
          result: measured ? result.toLowerCase() : 'not measured',
        });
        tableRows.push([row.label, ms(medians.store), ms(medians.idb), ms(medians.dexie), `${ratio.toFixed(2)}x`, `<= ${row.budget}x idb${smoke ? ' (not checked: smoke)' : ''}`, measured ? result : 'FAIL: not measured']);
      }
      if (storage.profile) {
        results.profile = storage.profile.map((step) => ({ name: step.name, median: median(step.runs), runs: step.runs }));
      }
    }
  }

  results.partSeconds = {};
  if (withStorage) results.partSeconds.storage = Math.round((Date.now() - started) / 1000);
  if (withGlossary) {
    const glossaryStarted = Date.now();
    let glossary;
    try {
      glossary = await runGlossary();
      results.partSeconds.glossary = Math.round((Date.now() - glossaryStarted) / 1000);
      progress(`bench: glossary UI took ${results.partSeconds.glossary} s`);
    } catch (error) {
      failed = true;
      progress(`bench: the glossary UI benchmark failed: ${error?.stack ?? error}`);
      tableRows.push(['glossary UI benchmark', 'error', '', '', '', '', 'FAIL']);
      results.glossaryError = String(error?.message ?? error);
    }
    if (glossary) {
      const rows = glossaryRows(glossary);
      for (const row of rows) {
        if (row.result === 'FAIL') failed = true;
        tableRows.push(glossaryTableRow(row));
      }
      results.chromium ??= glossary.chromiumVersion ?? glossary.info.userAgent;
      results.userAgent ??= glossary.info.userAgent;
      results.glossary = {
        entries: config.glossaryEntries,
        queries: GLOSSARY_QUERIES,
        viewport: glossary.info.viewport,
        preciseMemory: glossary.info.preciseMemory,
        data: glossary.data,
        rows: rows.map(({ result, ...row }) => ({ ...row, result: result.toLowerCase() })),
        runs: glossary.runs,
        warmup: glossary.warmup,
        profile: glossary.profile,
      };
    }
  }

  if (withTracker) {
    const trackerStarted = Date.now();
    // The 1-minute load average while the tracker rows run (the run itself loads the machine too).
    const loadSamples = [loadavg()[0]];
    const sampler = setInterval(() => loadSamples.push(loadavg()[0]), 5000);
    let tracker;
    try {
      tracker = await runTracker();
      results.partSeconds.tracker = Math.round((Date.now() - trackerStarted) / 1000);
      progress(`bench: tracker UI took ${results.partSeconds.tracker} s`);
    } catch (error) {
      failed = true;
      progress(`bench: the tracker UI benchmark failed: ${error?.stack ?? error}`);
      tableRows.push(['tracker UI benchmark', 'error', '', '', '', '', 'FAIL']);
      results.trackerError = String(error?.message ?? error);
    } finally {
      clearInterval(sampler);
      loadSamples.push(loadavg()[0]);
    }
    if (tracker) {
      const rows = trackerRows(tracker);
      for (const row of rows) {
        if (row.result === 'FAIL') failed = true;
        tableRows.push(trackerTableRow(row));
      }
      results.chromium ??= tracker.chromiumVersion ?? tracker.info.userAgent;
      results.userAgent ??= tracker.info.userAgent;
      results.tracker = {
        budget: TRACKER_BUDGET,
        today: '2027-03-10',
        viewport: tracker.info.viewport,
        data: tracker.data,
        switchesPerRun: TRACKER_SWITCHES,
        statusChangesPerRun: TRACKER_STATUS_CHANGES,
        loadAverage: { start: loadSamples[0], max: Math.max(...loadSamples), end: loadSamples.at(-1), samples: loadSamples },
        rows: rows.map(({ result, ...row }) => ({ ...row, result: result.toLowerCase() })),
        runs: tracker.runs,
        warmup: tracker.warmup,
        profile: tracker.profile,
      };
    }
  }

  if (withJournal) {
    const journalStarted = Date.now();
    // The 1-minute load average while the journal rows run (the run itself loads the machine too).
    const loadSamples = [loadavg()[0]];
    const sampler = setInterval(() => loadSamples.push(loadavg()[0]), 5000);
    let journal;
    try {
      journal = await runJournal();
      results.partSeconds.journal = Math.round((Date.now() - journalStarted) / 1000);
      progress(`bench: journal UI took ${results.partSeconds.journal} s`);
    } catch (error) {
      failed = true;
      progress(`bench: the journal UI benchmark failed: ${error?.stack ?? error}`);
      tableRows.push(['journal UI benchmark', 'error', '', '', '', '', 'FAIL']);
      results.journalError = String(error?.message ?? error);
    } finally {
      clearInterval(sampler);
      loadSamples.push(loadavg()[0]);
    }
    if (journal) {
      const rows = journalRows(journal);
      for (const row of rows) {
        if (row.result === 'FAIL') failed = true;
        tableRows.push(journalTableRow(row));
      }
      results.chromium ??= journal.chromiumVersion ?? journal.info.userAgent;
      results.userAgent ??= journal.info.userAgent;
      results.journal = {
        budget: JOURNAL_BUDGET,
        today: '2027-03-12',
        viewport: journal.info.viewport,
        data: journal.data,
        pupilOpensPerRun: JOURNAL_PUPIL_OPENS,
        entryOpensPerRun: JOURNAL_ENTRY_OPENS,
        loadAverage: { start: loadSamples[0], max: Math.max(...loadSamples), end: loadSamples.at(-1), samples: loadSamples },
        rows: rows.map(({ result, ...row }) => ({ ...row, result: result.toLowerCase() })),
        runs: journal.runs,
        warmup: journal.warmup,
        profile: journal.profile,
      };
    }
  }

  if (withBoard) {
    const boardUiStarted = Date.now();
    // The 1-minute load average while the board rows run (the run itself loads the machine too).
    const loadSamples = [loadavg()[0]];
    const sampler = setInterval(() => loadSamples.push(loadavg()[0]), 5000);
    let board;
    try {
      board = await runBoard();
      results.partSeconds.board = Math.round((Date.now() - boardUiStarted) / 1000);
      progress(`bench: board UI took ${results.partSeconds.board} s`);
    } catch (error) {
      failed = true;
      progress(`bench: the board UI benchmark failed: ${error?.stack ?? error}`);
      tableRows.push(['board UI benchmark', 'error', '', '', '', '', 'FAIL']);
      results.boardError = String(error?.message ?? error);
    } finally {
      clearInterval(sampler);
      loadSamples.push(loadavg()[0]);
    }
    if (board) {
      const rows = boardRows(board);
      for (const row of rows) {
        if (row.result === 'FAIL') failed = true;
        tableRows.push(boardTableRow(row));
      }
      results.chromium ??= board.chromiumVersion ?? board.info.userAgent;
      results.userAgent ??= board.info.userAgent;
      results.board = {
        budget: BOARD_BUDGET,
        viewport: board.info.viewport,
        config: BOARD_DATA,
        data: board.data,
        movesPerRun: BOARD_MOVES,
        loadAverage: { start: loadSamples[0], max: Math.max(...loadSamples), end: loadSamples.at(-1), samples: loadSamples },
        rows: rows.map(({ result, ...row }) => ({ ...row, result: result.toLowerCase() })),
        runs: board.runs,
        warmup: board.warmup,
        profile: board.profile,
      };
    }
  }

  if (withBoardPhoto) {
    const boardStarted = Date.now();
    let boardPhoto;
    try {
      boardPhoto = await runBoardPhoto();
      results.partSeconds.boardPhoto = Math.round((Date.now() - boardStarted) / 1000);
      progress(`bench: board photo took ${results.partSeconds.boardPhoto} s`);
    } catch (error) {
      failed = true;
      progress(`bench: the board photo benchmark failed: ${error?.stack ?? error}`);
      tableRows.push(['board photo benchmark', 'error', '', '', '', '', 'FAIL']);
      results.boardPhotoError = String(error?.message ?? error);
    }
    if (boardPhoto) {
      const rows = boardPhotoRows(boardPhoto);
      for (const row of rows) {
        if (row.result === 'FAIL') failed = true;
        tableRows.push(boardPhotoTableRow(row));
      }
      results.chromium ??= boardPhoto.chromiumVersion ?? boardPhoto.info.userAgent;
      results.userAgent ??= boardPhoto.info.userAgent;
      results.boardPhoto = {
        budget: BOARD_PHOTO_BUDGET,
        photo: { ...BOARD_PHOTO, ...boardPhoto.photo },
        rows: rows.map(({ result, ...row }) => ({ ...row, result: result.toLowerCase() })),
        runs: boardPhoto.runs,
        warmup: boardPhoto.warmup,
      };
    }
  }

  const syncTableRows = [];
  if (withSync) {
    const syncStarted = Date.now();
    // The 1-minute load average while the sync rows run (the run itself loads the machine too).
    const loadSamples = [loadavg()[0]];
    const sampler = setInterval(() => loadSamples.push(loadavg()[0]), 5000);
    let sync;
    try {
      sync = await runSync();
    } catch (error) {
      failed = true;
      progress(`bench: the sync benchmark failed: ${error?.stack ?? error}`);
      syncTableRows.push(['sync benchmark', 'error', '', '', '', 'FAIL']);
      results.syncError = String(error?.message ?? error);
    } finally {
      clearInterval(sampler);
      loadSamples.push(loadavg()[0]);
    }
    results.partSeconds.sync = Math.round((Date.now() - syncStarted) / 1000);
    progress(`bench: sync took ${results.partSeconds.sync} s`);
    if (sync) {
      const rows = syncRows(sync);
      for (const row of rows) {
        if (row.result === 'FAIL') failed = true;
        syncTableRows.push(syncTableRow(row));
      }
      results.chromium ??= sync.chromiumVersion;
      results.userAgent ??= sync.info.userAgent;
      results.sync = {
        records: config.syncRecords,
        pouchdb: sync.info.pouchdb,
        fieldsAvgBytes: sync.seeded.fieldsAvgBytes,
        docAvgBytes: sync.pouchSeed.docAvgBytes,
        loadAverage: { start: loadSamples[0], max: Math.max(...loadSamples), end: loadSamples.at(-1), samples: loadSamples },
        rows: rows.map(({ result, ...row }) => ({ ...row, result: result.toLowerCase() })),
        twinkit: { seed: sync.seeded, push: sync.push, pull: sync.pull },
        pouchdbRuns: { push: sync.pouchPush, pull: sync.pouchPull },
        live: sync.live,
        profile: sync.profile,
      };
    }
  }

  if (withSizes) {
    progress('bench: bundle sizes');
    for (const row of await measureSizes(glossaryOnly ? { only: GLOSSARY_SIZE_KEYS } : boardOnly ? { only: BOARD_SIZE_KEYS } : {})) {
      let result = row.budget === null ? 'info' : 'pass';
      let figure = '';
      if (row.status === 'missing') {
        result = 'missing';
        figure = 'missing';
        notes.push(`${row.label}: not built, ${row.missing.join(', ')} does not exist (not counted as a failure).`);
      } else if (row.status === 'error') {
        result = 'FAIL';
        figure = 'build error';
        notes.push(`${row.label}: ${row.error}`);
      } else {
        figure = `${kB(row.gzipBytes)} gz (${kB(row.minBytes)} min)`;
        if (row.budget !== null && row.gzipBytes > row.budget) result = 'FAIL';
      }
      if (result === 'FAIL') failed = true;
      results.sizes.push({ ...row, result: result.toLowerCase() });
      tableRows.push([row.label, figure, '', '', '', row.budget === null ? '-' : `<= ${kB(row.budget)} gz`, result]);
    }
  }

  results.pass = !failed;
  // Other processes competing for the CPU (a test run, a build) make the storage figures unreliable.
  // (Only the load before the start tells: during the run, the benchmark itself loads the machine.)
  const busy = results.machine.loadAverageAtStart;
  if ((withStorage || withGlossary || withSync || withTracker || withJournal || withBoard || withBoardPhoto) && busy > results.machine.cores * 0.5) {
    notes.push(`the 1-minute load average was ${busy.toFixed(1)} on ${results.machine.cores} cores at the start: other processes were competing for the CPU, so the timed figures are noisier than usual; run again on a quiet machine before trusting a pass or a fail.`);
  }
  results.seconds = Math.round((Date.now() - started) / 1000);

  console.log('');
  if (tableRows.length) printTable(['benchmark', 'figure', 'raw idb', 'Dexie', 'ratio', 'budget', 'result'], tableRows);
  if (tableRows.length) console.log('');
  if (syncTableRows.length) {
    printTable(['sync benchmark', 'Twinkit', 'PouchDB', 'ratio', 'budget', 'result'], syncTableRows);
    console.log('');
  }
  if (results.profile) {
    const profileReps = Math.min(config.reps, 3);
    printTable([`profile step (median of ${profileReps} runs after 1 warm-up)`, 'median'], results.profile.map((step) => [step.name, ms(step.median)]));
    console.log('');
  }
  if (results.glossary?.profile) {
    const { run, ...profiles } = results.glossary.profile;
    const titles = { load: `load, store.list('glossary') called -> resolved (${ms(run.loadMs)} in this run; waiting for IndexedDB is idle time)`, 'first-render': `first render, list resolved -> rows painted (${ms(run.firstRenderMs)} in this run)`, keystrokes: `${run.keystrokes} search keystrokes (${ms(run.keystrokesMs)} in this run, one frame between keys not counted)` };
    for (const [title, summary] of Object.entries(profiles)) {
      // The element's own functions and the engine's buckets; dependencies summed by package.
      const own = summary.functions.filter((f) => / src\//.test(f.function) || f.function.startsWith('('));
      const rows = own.slice(0, 22).map((f) => [f.function, ms(f.totalMs), ms(f.selfMs)]);
      for (const [name, selfMs] of Object.entries(summary.packages).sort((a, b) => b[1] - a[1]).slice(0, 3)) rows.push([`(all of ${name}, self time)`, '', ms(selfMs)]);
      printTable([`glossary CPU profile: ${titles[title] ?? title}, ${ms(summary.sampledMs)} sampled`, 'total', 'self'], rows);
      console.log('');
    }
  }
  if (results.tracker?.profile) {
    const { runs, ...profiles } = results.tracker.profile;
    const spent = (title) => {
      const view = /\((\w+)\)$/.exec(title)?.[1];
      if (title.startsWith('load')) return `store.list calls -> the last resolved (${ms(runs[view].loadMs)} in this run; waiting for IndexedDB is idle time)`;
      if (title.startsWith('first render')) return `data loaded -> complete view painted (${ms(runs[view].firstRenderMs)} in this run)`;
      if (title === 'view switches') return `${TRACKER_SWITCHES} switches timeline -> goals -> timeline (${ms(runs.timeline.switchesMs)} in this run, frames between them not counted)`;
      if (title === 'status changes') return `${TRACKER_STATUS_CHANGES} status changes (${ms(runs.checklist.statusChangesMs)} in this run, frames between them sampled too)`;
      return '';
    };
    for (const [title, summary] of Object.entries(profiles)) {
      if (title.startsWith('load')) continue; // the store's reading and validation: the SDK's part, not the element's
      const own = summary.functions.filter((f) => / src\//.test(f.function) || f.function.startsWith('('));
      const rows = own.slice(0, 22).map((f) => [f.function, ms(f.totalMs), ms(f.selfMs)]);
      for (const [name, selfMs] of Object.entries(summary.packages).sort((a, b) => b[1] - a[1]).slice(0, 3)) rows.push([`(all of ${name}, self time)`, '', ms(selfMs)]);
      printTable([`tracker CPU profile: ${title}, ${spent(title)}, ${ms(summary.sampledMs)} sampled`, 'total', 'self'], rows);
      console.log('');
    }
  }
  if (results.journal?.profile) {
    const { run, ...profiles } = results.journal.profile;
    const spent = {
      overview: `entries + feedback loaded -> overview first painted (${ms(run.contentToPaintMs)} in this run)`,
      'first render': `data loaded -> overview painted (${ms(run.firstRenderMs)} in this run)`,
      'open pupil': `${run.pupilOpens} clicks on a pupil's name -> journal painted, summed (${ms(run.pupilOpensMs)} in this run)`,
      'open entry': `${run.entryOpens} clicks on an entry -> dialog painted, summed (${ms(run.entryOpensMs)} in this run)`,
    };
    for (const [title, summary] of Object.entries(profiles)) {
      if (title === 'load' || !summary) continue; // the store's reading and validation: the SDK's part, kept in results.json
      const own = summary.functions.filter((f) => / src\//.test(f.function) || f.function.startsWith('('));
      const rows = own.slice(0, 22).map((f) => [f.function, ms(f.totalMs), ms(f.selfMs)]);
      for (const [name, selfMs] of Object.entries(summary.packages).sort((a, b) => b[1] - a[1]).slice(0, 3)) rows.push([`(all of ${name}, self time)`, '', ms(selfMs)]);
      printTable([`journal CPU profile: ${title}, ${spent[title] ?? ''}, ${ms(summary.sampledMs)} sampled`, 'total', 'self'], rows);
      console.log('');
    }
  }
  if (results.board?.profile) {
    const { run, trace, ...profiles } = results.board.profile;
    const spent = {
      'first render': `data loaded -> first screen painted (${ms(run.firstRenderMs)} in this run)`,
      'mount to all cards': `markup inserted -> all ${fmt(BOARD_DATA.posts)} cards painted, the load included (${ms(run.mountToAllMs)} in this run)`,
      steps: `${run.steps} keyboard steps, key -> frame painted, summed (${ms(run.stepsMs)} in this run)`,
      drops: `${run.drops} drops, click -> frame painted, summed (${ms(run.dropsMs)} in this run)`,
    };
    for (const [title, summary] of Object.entries(profiles)) {
      if (title === 'load' || !summary) continue; // the store's reading and validation: the SDK's part, kept in results.json
      const own = summary.functions.filter((f) => / src\//.test(f.function) || f.function.startsWith('('));
      const rows = own.slice(0, 24).map((f) => [f.function, ms(f.totalMs), ms(f.selfMs)]);
      const bySelf = [...summary.functions].sort((a, b) => b.selfMs - a.selfMs).slice(0, 6);
      for (const f of bySelf) rows.push([`(top self) ${f.function}`, ms(f.totalMs), ms(f.selfMs)]);
      for (const [name, selfMs] of Object.entries(summary.packages).sort((a, b) => b[1] - a[1]).slice(0, 3)) rows.push([`(all of ${name}, self time)`, '', ms(selfMs)]);
      printTable([`board CPU profile: ${title}, ${spent[title] ?? ''}, ${ms(summary.sampledMs)} sampled`, 'total', 'self'], rows);
      console.log('');
    }
    if (trace && !trace.error) {
      const parts = Object.keys(trace.steps.ms);
      printTable(
        ['board trace (same run): main thread, ms', ...parts, 'elements restyled in N recalcs (max)', 'layout'],
        Object.entries(trace).map(([title, t]) => [
          `${title} (${t.windows}x, ${ms(t.wallMs)} wall)`,
          ...parts.map((part) => t.ms[part].toFixed(1)),
          `${fmt(t.elementsRestyled.total)} in ${t.styleRecalcs} (${fmt(t.elementsRestyled.max)})`,
          `${t.layouts} layouts, at most ${fmt(t.layoutObjects.dirtyMax)} dirty of ${fmt(t.layoutObjects.totalMax)}`,
        ]),
      );
      console.log('');
    } else if (trace?.error) console.log(`board trace: ${trace.error}\n`);
  }
  if (results.recordSizes) {
    const s = results.recordSizes;
    console.log(`Records: glossary entries of ${s.fieldsMinBytes}-${s.fieldsMaxBytes} bytes of JSON (avg ${s.fieldsAvgBytes}); stored with the envelope avg ${s.storedAvgBytes} bytes.`);
  }
  if (results.glossary) {
    const g = results.glossary;
    console.log(
      `Glossary: ${fmt(g.data.entries)} entries in en es fr it (${g.data.languagesPerEntry.toFixed(2)} languages per entry, ${fmt(g.data.allFourLanguages)} with all four; ` +
        `${g.data.fieldsMinBytes}-${g.data.fieldsMaxBytes} bytes of JSON, avg ${g.data.fieldsAvgBytes}; ${g.data.storedMB.toFixed(1)} MB stored), window ${g.viewport.width}x${g.viewport.height}. ` +
        `Median of ${config.reps} runs after 1 warm-up, each in a fresh page; keystroke rows: median (or p95) of each run's ${g.runs[0]?.keystrokes.length ?? 0} keys (queries ${g.queries.map((q) => `"${q}"`).join(', ')}, typed then deleted), then the median of the runs.`,
    );
  }
  if (results.tracker) {
    const t = results.tracker;
    const c = t.data.counts;
    const late = t.data.lateActivities;
    const p = t.data.activityProgress;
    const allRuns = TRACKER_VIEWS.flatMap((view) => t.runs[view]);
    const lastLists = {};
    for (const run of allRuns) lastLists[run.lastList] = (lastLists[run.lastList] ?? 0) + 1;
    const before = (view) => `${view} ${median(t.runs[view].map((run) => run.updatesBeforeData))} (${ms(median(t.runs[view].map((run) => run.updatesBeforeDataMs)))})`;
    const switchRow = t.rows.find((row) => row.key === 'tracker-view-switch');
    const dom = t.rows.find((row) => row.key === 'tracker-dom-timeline').other;
    console.log(
      `Tracker: a teacher's <twin-phase-tracker today="${t.today}"> in <twin-space adapter="indexeddb">, window ${t.viewport.width}x${t.viewport.height}; ` +
        `${c.phase} phases, ${fmt(c.activity)} activities (${p.done ?? 0} done, ${p['in-progress'] ?? 0} in progress, ${p.planned ?? 0} planned; ${late} late), ${c.goal} goals, ` +
        `${fmt(c['goal-rating'])} self-ratings by ${t.data.ratingAuthors} pupils, ${c.project} project record, ${fmt(c.glossary)} glossary entries; ${t.data.storedMB.toFixed(2)} MB stored. ` +
        `Median of ${config.reps} runs per view after 1 warm-up, each in a fresh page. "Data loaded": the last of the element's 8 store.list calls resolved (last: ${Object.entries(lastLists).map(([k, n]) => `${k} ${n}x`).join(', ')}); ` +
        `before it the element already drew what it had (updates before, median count and time: ${TRACKER_VIEWS.map(before).join(', ')}). ` +
        `View switch: first of each run ${ms(median(switchRow.first))}, incl. style + layout ${ms(median(switchRow.withLayout))}, back to the timeline ${ms(median(switchRow.back))}. ` +
        `DOM elements (all nodes): ${TRACKER_VIEWS.map((view) => `${view} ${fmt(dom[view].elements)} (${fmt(dom[view].nodes)})`).join(', ')}. ` +
        `1-minute load average during the tracker rows: ${t.loadAverage.start.toFixed(2)} at the start, ${t.loadAverage.max.toFixed(2)} at most, ${t.loadAverage.end.toFixed(2)} at the end (${results.machine.cores} cores).`,
    );
  }
  if (results.journal) {
    const j = results.journal;
    const d = j.data;
    const c = d.counts;
    const lastLists = {};
    for (const run of j.runs) lastLists[run.lastList] = (lastLists[run.lastList] ?? 0) + 1;
    const openRow = j.rows.find((row) => row.key === 'journal-open-pupil');
    const entryRow = j.rows.find((row) => row.key === 'journal-open-entry');
    const domRow = j.rows.find((row) => row.key === 'journal-dom-overview');
    const entryOpens = j.runs.flatMap((run) => run.entryOpens);
    console.log(
      `Journal: a teacher's <twin-journal today="${j.today}" pupils="[${JOURNAL_DATA.pupils} pupils]"> in <twin-space adapter="indexeddb">, window ${j.viewport.width}x${j.viewport.height}; ` +
        `${fmt(c.journal)} entries by ${JOURNAL_DATA.pupils} pupils of 3 schools (${d.firstDate} to ${d.lastDate}; bodies ${fmt(d.bodyChars.min)}-${fmt(d.bodyChars.max)} characters of rich text, avg ${fmt(d.bodyChars.avg)}; ` +
        `${Object.entries(d.visibility).map(([k, n]) => `${k} ${fmt(n)}`).join(', ')}; ${fmt(d.withAnswers)} answer a prompt set, ${fmt(d.withMedia)} with a photo), ` +
        `${fmt(c['journal-feedback'])} pieces of peer feedback, ${c['journal-prompt']} prompt sets, ${c.phase} phases, ${c.project} project record, ${d.attachments} photos; ${d.storedMB.toFixed(2)} MB stored. ` +
        `Overview weeks ${d.overview.weeks[0]} to ${d.overview.weeks.at(-1)}: ${fmt(d.overview.written)} entries and ${fmt(d.overview.feedback)} feedback counted, ${d.overview.nudges} pupils need a nudge. ` +
        `Median of ${config.reps} runs after 1 warm-up, each in a fresh page. "Data loaded": the last of the element's 7 store.list calls resolved (last: ${Object.entries(lastLists).map(([k, n]) => `${k} ${n}x`).join(', ')}); ` +
        `updates before it: ${median(j.runs.map((run) => run.updatesBeforeData))} (${ms(median(j.runs.map((run) => run.updatesBeforeDataMs)))}); ` +
        `the update that first drew the complete overview ended before data loaded in ${j.runs.filter((run) => run.overviewDrawnAfterDataMs < 0).length} of ${j.runs.length} runs (median ${ms(Math.abs(median(j.runs.map((run) => run.overviewDrawnAfterDataMs))))} ${median(j.runs.map((run) => run.overviewDrawnAfterDataMs)) < 0 ? 'before' : 'after'}); ` +
        `from entries + feedback loaded to it: ${median(j.runs.map((run) => run.updatesToOverview))} updates (${ms(median(j.runs.map((run) => run.updatesToOverviewMs)))}); then ${median(j.runs.map((run) => run.rerendersBeforeData))} re-renders of the whole overview as smaller lists arrived before data loaded (${ms(median(j.runs.map((run) => run.rerendersBeforeDataMs)))}). ` +
        `Open a pupil: first of each run ${ms(median(openRow.first))}, slowest of each run ${ms(median(openRow.max))}, incl. style + layout (no paint) ${ms(median(openRow.withLayout))}, back to the overview ${ms(median(openRow.back))}. ` +
        `Entry dialog: first of each run ${ms(median(entryRow.first))}, update ${ms(median(entryRow.update))}; entries opened: ${fmt(median(entryOpens.map((o) => o.bodyChars)))} characters and ${median(entryOpens.map((o) => o.feedback))} feedback (medians), ${entryOpens.filter((o) => o.withPhoto).length} of ${entryOpens.length} with a photo. ` +
        `DOM elements (all nodes): overview ${fmt(domRow.median)} (${fmt(domRow.nodes)}), a pupil's journal ${fmt(domRow.pupilJournal)}. ` +
        `1-minute load average during the journal rows: ${j.loadAverage.start.toFixed(2)} at the start, ${j.loadAverage.max.toFixed(2)} at most, ${j.loadAverage.end.toFixed(2)} at the end (${results.machine.cores} cores).`,
    );
  }
  if (results.board) {
    const b = results.board;
    const d = b.data;
    const lastLists = {};
    for (const run of b.runs) lastLists[run.lastList] = (lastLists[run.lastList] ?? 0) + 1;
    const row = (key) => b.rows.find((r) => r.key === key);
    const all = row('board-all-cards');
    const step = row('board-step');
    const drop = row('board-drop');
    const afterPaintStep = row('board-step-after-paint');
    const pickUps = b.runs.flatMap((run) => run.pickUps.map((p) => p.ms));
    console.log(
      `Board: a teacher's <twin-board> (wall layout) in <twin-space adapter="indexeddb">, window ${b.viewport.width}x${b.viewport.height}; ` +
        `${d.counts['board-section']} sections of ${d.sectionSizes.min} to ${d.sectionSizes.max} posts, ${fmt(d.counts.board)} posts by ${d.authors} authors (${Object.entries(d.kinds).map(([k, n]) => `${k} ${fmt(n)}`).join(', ')}; ${d.pinned} pinned; ` +
        `${fmt(d.bodyChars.withBody)} with a body of ${d.bodyChars.min}-${d.bodyChars.max} characters of rich text, avg ${d.bodyChars.avg}), ${fmt(d.counts['board-comment'])} comments and ${fmt(d.counts['board-reaction'])} reactions ` +
        `(${d.commentsPerPost.none} posts without comments, at most ${d.commentsPerPost.max} on one; at most ${d.reactionsPerPost.max} reactions on one), ${d.counts['board-flag']} reports, ${d.attachments} stored files (${d.fileMB.toFixed(2)} MB); ${d.storedMB.toFixed(2)} MB of records. ` +
        `Median of ${config.reps} runs after 1 warm-up, each in a fresh page (the raw idb baseline in a fresh page of its own, alternating). "Data loaded": the last of the element's 8 store.list calls resolved (last: ${Object.entries(lastLists).map(([k, n]) => `${k} ${n}x`).join(', ')}). ` +
        `Lists resolved (from the first call): posts + sections ${ms(median(b.runs.map((run) => run.postsLoadedMs)))}, + comments + reactions ${ms(median(b.runs.map((run) => run.contentLoadedMs)))}, all 8 ${ms(median(b.runs.map((run) => run.loadMs)))}. ` +
        `Cards drawn when the first screen was complete: ${median(b.runs.map((run) => run.firstScreenCards))}. All cards: from data loaded ${ms(median(all.fromData))}, from the first screen painted ${ms(median(all.firstToAll))}; ` +
        `updates from content loaded to all cards drawn ${median(b.runs.map((run) => run.updatesToAll))} (${ms(median(b.runs.map((run) => run.updatesToAllMs)))}), then ${median(b.runs.map((run) => run.updatesForFiles))} more as the thumbnails arrived (${ms(median(b.runs.map((run) => run.updatesForFilesMs)))}); ` +
        `long tasks over 50 ms in that stretch ${ms(median(b.runs.map((run) => run.longTasksMs)))} in all. ` +
        `Keyboard steps (key at a frame's start): within a section ${ms(median(step.within))}, to the next section ${ms(median(step.across))}, p95 ${ms(median(step.p95))}; ${median(b.runs.map((run) => run.updatesPerStep))} updates of the board per step (the live region's announcement 50 ms later included); ` +
        `after a paint the post showed in frame ${Math.max(...afterPaintStep.frames)} at worst (1 = the next frame). Drop: the update ${ms(median(drop.update))}, with style + layout ${ms(median(drop.withLayout))}. Pick-up (click after a paint -> painted) median ${ms(median(pickUps))}. ` +
        `1-minute load average during the board rows: ${b.loadAverage.start.toFixed(2)} at the start, ${b.loadAverage.max.toFixed(2)} at most, ${b.loadAverage.end.toFixed(2)} at the end (${results.machine.cores} cores).`,
    );
  }
  if (results.boardPhoto) {
    const b = results.boardPhoto;
    const row = (key) => b.rows.find((r) => r.key === key);
    const bytes = row('board-photo-bytes');
    const peer = row('board-photo-peer');
    console.log(
      `Board photo: a ${b.photo.width}x${b.photo.height} JPEG of ${mb(b.photo.bytes)} made in the page (gradients, soft shapes, grain; JPEG 0.92), the same file for every contender and run; ` +
        `Twinkit stores ${bytes.size} px (${kB(bytes.image)}) and a 480 px thumbnail (${kB(bytes.thumbnail)}) on the IndexedDB adapter, as a pupil; ` +
        `the peer's resize took ${ms(peer.prepare)} and wrote ${kB(bytes.peer.image)} + ${kB(bytes.peer.thumbnail)} (default smoothing). ` +
        `Median of ${config.reps} runs after 1 warm-up, contenders in rotating order, each in a fresh database opened before the timing, after a forced gc().`,
    );
  }
  if (!profileOnly && withStorage) console.log(`Storage figures: median of ${config.reps} runs after 1 warm-up, in ms (lower is better), figure = Twinkit store; ratio = store / raw idb. Sizes: esbuild minified, gzip -9, kB = 1,000 bytes.`);
  if (results.sync) {
    const s = results.sync;
    const parts = (run) => `${run.requests} requests, server CPU ${run.serverCpuMs ?? '?'} ms, page tasks ${run.pageTaskMs} ms (script ${run.pageScriptMs} ms)`;
    console.log(
      `Sync: ${fmt(s.records)} glossary records (${s.fieldsAvgBytes} bytes of JSON on average, ${s.docAvgBytes} bytes as a server document), pouchdb-server in memory behind a same-origin proxy, PouchDB ${s.pouchdb} (pouchdb-browser, IndexedDB adapter, default options). ` +
        `One run of each (push, then PouchDB push, then pulls), each in a fresh page; ratio = Twinkit / PouchDB. ` +
        `Twinkit push: ${parts(s.twinkit.push)}; PouchDB push: ${parts(s.pouchdbRuns.push)}. Twinkit pull: ${parts(s.twinkit.pull)}; PouchDB pull: ${parts(s.pouchdbRuns.pull)}. ` +
        `Live: ${s.live.writes} writes, ${s.live.gapMs} ms apart, Date.now() of both pages (one machine clock). ` +
        `1-minute load average during the sync rows: ${s.loadAverage.start.toFixed(2)} at the start, ${s.loadAverage.max.toFixed(2)} at most, ${s.loadAverage.end.toFixed(2)} at the end (${results.machine.cores} cores).`,
    );
    if (s.twinkit.pull.syncNowEarly) console.log(`Note: the Twinkit pull's syncNow resolved at ${ms(s.twinkit.pull.syncNowMs)}, before every record had arrived (${ms(s.twinkit.pull.ms)}); the pull row is timed to the last record, not to syncNow.`);
    if (s.profile) {
      for (const [part, summary] of Object.entries(s.profile)) {
        const own = summary.functions.filter((f) => / src\//.test(f.function) || f.function.startsWith('('));
        const rows = own.slice(0, 22).map((f) => [f.function, ms(f.totalMs), ms(f.selfMs)]);
        const bySelf = [...summary.functions].sort((a, b) => b.selfMs - a.selfMs).slice(0, 8);
        for (const f of bySelf) rows.push([`(top self) ${f.function}`, ms(f.totalMs), ms(f.selfMs)]);
        for (const [name, selfMs] of Object.entries(summary.packages).sort((a, b) => b[1] - a[1]).slice(0, 3)) rows.push([`(all of ${name}, self time)`, '', ms(selfMs)]);
        console.log('');
        printTable([`sync CPU profile: Twinkit ${part} (${ms(summary.ms)} in this run, page tasks ${summary.pageTaskMs} ms, server CPU ${summary.serverCpuMs ?? '?'} ms), ${ms(summary.sampledMs)} sampled`, 'total', 'self'], rows);
        const b = summary.breakdown;
        if (b) {
          console.log(
            `Twinkit ${part}, where the page waited: an IndexedDB transaction open ${ms(b.idbBusyMs)}, a request to the server open (long polls left out) ${ms(b.networkBusyMs)}, both at once ${ms(b.bothBusyMs)}, either ${ms(b.eitherBusyMs)} of ${ms(summary.ms)}.`,
          );
          console.log(`  transactions: ${Object.entries(b.transactions).map(([key, n]) => `${key} ${fmt(n)}`).join(', ')}`);
          console.log(`  requests: ${Object.entries(b.requests).map(([key, r]) => `${key} ${r.count} (headers ${ms(r.headersMs)}, body ${ms(r.bodyMs)})`).join(', ')}`);
        }
      }
      console.log('');
    }
  }
  if (results.chromium) console.log(`Chromium: ${results.chromium}`);
  console.log(`Machine: ${results.machine.cores} cores (${results.machine.cpu}), node ${process.version}. Took ${results.seconds} s${Object.keys(results.partSeconds).length ? ` (${Object.entries(results.partSeconds).map(([part, seconds]) => `${part} ${seconds} s`).join(', ')})` : ''}.`);
  for (const note of notes) console.log(`Note: ${note}`);
  if (!smoke) await writeFile(join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const checked =
    results.storage.some((row) => row.budget) || results.sizes.some((row) => row.budget !== null) || !!results.glossary?.rows.some((row) => row.budget) || !!results.tracker?.rows.some((row) => row.budget) || !!results.journal?.rows.some((row) => row.budget) || !!results.board?.rows.some((row) => row.budget) || !!results.boardPhoto?.rows.some((row) => row.budget) || !!results.sync?.rows.some((row) => row.budget);
  if (smoke) console.log(`Smoke run: bench/results.json left as it was. ${failed ? 'Some budget rows could NOT be measured.' : 'Every storage budget row was measured.'}`);
  else console.log(`Wrote bench/results.json. ${failed ? 'Some budgets FAILED.' : checked ? 'All budgets pass.' : 'No budget was checked.'}`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
