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
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { SourceMap } from 'node:module';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { measureSizes } from './sizes.mjs';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from '../scripts/chromium.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const benchDir = join(root, 'bench');
const started = Date.now();

// -- options --------------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const numberOption = (name, fallback) => {
  const at = argv.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive integer`);
  return value;
};
const config = {
  records: numberOption('--records', 10_000),
  oneByOne: numberOption('--one-by-one', 1_000),
  gets: numberOption('--gets', 1_000),
  reps: numberOption('--reps', 5),
  glossaryEntries: numberOption('--glossary-entries', 10_000),
};
const profileOnly = argv.includes('--profile-only');
const glossaryOnly = argv.includes('--glossary-only');
const withProfile = !glossaryOnly && (profileOnly || argv.includes('--profile'));
const withSizes = !argv.includes('--no-sizes');
const withStorage = !glossaryOnly && !argv.includes('--no-storage');
const withGlossary = !profileOnly && !argv.includes('--no-glossary');
const withGlossaryProfile = withGlossary && argv.includes('--glossary-profile');
if (glossaryOnly && argv.includes('--no-glossary')) throw new Error('--glossary-only and --no-glossary exclude each other');

/** Store median / raw idb median must stay at or below this for the budgeted storage rows. */
const STORAGE_RATIO_BUDGET = 1.3;
const fmt = (n) => n.toLocaleString('en');
const STORAGE_ROWS = [
  { group: 'batch-put', label: `batched put, ${fmt(config.records)} records`, budget: STORAGE_RATIO_BUDGET },
  { group: 'one-by-one-put', label: `one-by-one put, ${fmt(config.oneByOne)} records${config.oneByOne < config.records ? ` (not ${fmt(config.records)})` : ''}, 1 tx each` },
  { group: 'list', label: `list all, ${fmt(config.records)} records`, budget: STORAGE_RATIO_BUDGET },
  { group: 'get', label: `${fmt(config.gets)} random gets (sequential)` },
];

/** Glossary UI budgets (issue 3): first render after the data is loaded, search keystroke median, rows in the DOM. */
const GLOSSARY_BUDGET = { firstRenderMs: 200, keystrokeMedianMs: 16, rowsBelow: 100 };
/** Typed one character at a time, then deleted one at a time: 48 keystrokes per run. */
const GLOSSARY_QUERIES = ['marée', 'sea lev', 'puerto', 'ghiacc'];
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

/** A tiny static server for the bundled page, on 127.0.0.1 and a free port. */
async function startServer(dir) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
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
        const group = storage.groups[row.group];
        const medians = Object.fromEntries(Object.entries(group.runs).map(([key, runs]) => [key, median(runs)]));
        const ratio = medians.store / medians.idb;
        const result = row.budget === undefined ? 'info' : ratio <= row.budget ? 'pass' : 'FAIL';
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
          budget: row.budget === undefined ? null : { maxRatioToIdb: row.budget },
          result: result.toLowerCase(),
        });
        tableRows.push([row.label, ms(medians.store), ms(medians.idb), ms(medians.dexie), `${ratio.toFixed(2)}x`, row.budget === undefined ? '-' : `<= ${row.budget}x idb`, result]);
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

  if (withSizes) {
    progress('bench: bundle sizes');
    for (const row of await measureSizes(glossaryOnly ? { only: GLOSSARY_SIZE_KEYS } : {})) {
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
  if ((withStorage || withGlossary) && busy > results.machine.cores * 0.5) {
    notes.push(`the 1-minute load average was ${busy.toFixed(1)} on ${results.machine.cores} cores at the start: other processes were competing for the CPU, so the timed figures are noisier than usual; run again on a quiet machine before trusting a pass or a fail.`);
  }
  results.seconds = Math.round((Date.now() - started) / 1000);

  console.log('');
  if (tableRows.length) printTable(['benchmark', 'figure', 'raw idb', 'Dexie', 'ratio', 'budget', 'result'], tableRows);
  console.log('');
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
  if (!profileOnly && withStorage) console.log(`Storage figures: median of ${config.reps} runs after 1 warm-up, in ms (lower is better), figure = Twinkit store; ratio = store / raw idb. Sizes: esbuild minified, gzip -9, kB = 1,000 bytes.`);
  if (results.chromium) console.log(`Chromium: ${results.chromium}`);
  console.log(`Machine: ${results.machine.cores} cores (${results.machine.cpu}), node ${process.version}. Took ${results.seconds} s${Object.keys(results.partSeconds).length ? ` (${Object.entries(results.partSeconds).map(([part, seconds]) => `${part} ${seconds} s`).join(', ')})` : ''}.`);
  for (const note of notes) console.log(`Note: ${note}`);
  await writeFile(join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const checked = results.storage.some((row) => row.budget) || results.sizes.some((row) => row.budget !== null) || !!results.glossary?.rows.some((row) => row.budget);
  console.log(`Wrote bench/results.json. ${failed ? 'Some budgets FAILED.' : checked ? 'All budgets pass.' : 'No budget was checked.'}`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
