// End to end: the script-tag build (rollup.config.mjs, scriptTagConfigs) in real Chromium. Builds
// twinkit.js, its widget files and its locale file into a temporary folder (no prior
// `npm run build` needed), serves them with plain HTML pages, and checks that a widget's file is
// fetched only when the page uses its tag, once, beside twinkit.js even when the page loads
// `twinkit.js?ver=2`, and that nothing is evaluated twice.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { rollup, type OutputOptions, type RollupOptions } from 'rollup';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const executablePath = findChromium();

/**
 * The project's own script-tag configs, written to `dir`, without their output plugins: no terser
 * (the slowest step by far, and it changes nothing this test looks at; `npm run build` minifies)
 * and no budgets (this test is about loading, not size). twinkit-couchdb.js, which no page here
 * uses, is not built.
 */
async function buildScriptTag(dir: string): Promise<void> {
  const cwd = process.cwd();
  process.chdir(root); // the config reads some paths relative to the repository
  try {
    const config = (await import(pathToFileURL(join(root, 'rollup.config.mjs')).href)) as { scriptTagConfigs(outDir: string): RollupOptions[] };
    for (const options of config.scriptTagConfigs(dir)) {
      const output = options.output as OutputOptions;
      if (output.file?.endsWith('twinkit-couchdb.js')) continue;
      const bundle = await rollup(options);
      try {
        await bundle.write({ ...output, plugins: [] });
      } finally {
        await bundle.close();
      }
    }
  } finally {
    process.chdir(cwd);
  }
}

/** The pages: each loads twinkit.js with a query string, as WordPress does. */
const page = (body: string, { lang = 'en', base = '/' } = {}) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>t</title>` +
  `<script type="module" src="${base}twinkit.js?ver=2"></script></head><body>${body}</body></html>`;
const PAGES: Record<string, string> = {
  '/glossary.html': page('<twin-space space="t"><twin-glossary></twin-glossary></twin-space>'),
  '/space-only.html': page('<twin-space space="t"><p>No widget here.</p></twin-space>'),
  '/tracker.html': page('<twin-space space="t" user-id="t1" user-name="Tea" user-role="teacher"><twin-phase-tracker></twin-phase-tracker><twin-glossary></twin-glossary></twin-space>'),
  // A widget used alone: no Twinkit element is on the page when twinkit.js runs, so the UI language
  // is set up only once the widget's file has run (the widget must see @lit/localize's `msg` then).
  '/spanish.html': page('<twin-glossary space="t"></twin-glossary>', { lang: 'es' }),
  // Served from /missing/, where twinkit-glossary-links.js is not found.
  '/missing/links.html': page('<twin-space space="t"><twin-glossary-links><p>The tide.</p></twin-glossary-links></twin-space>', { base: '/missing/' }),
};

describe('the script-tag build: twinkit.js and its widget files', () => {
  let dir: string;
  let server: Server;
  let origin: string;
  let browser: Browser;
  /** Every request the server saw: path and query. */
  let requests: { path: string; search: string }[] = [];

  before(async () => {
    assert.ok(executablePath, CHROMIUM_INSTALL_HINT);
    dir = mkdtempSync(join(tmpdir(), 'twinkit-script-tag-'));
    await buildScriptTag(dir);
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      requests.push({ path: url.pathname, search: url.search });
      if (url.pathname === '/favicon.ico' || url.pathname === '/barrier') return void response.writeHead(204).end();
      if (PAGES[url.pathname]) return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGES[url.pathname]);
      const missing = url.pathname.startsWith('/missing/');
      const name = url.pathname.replace(/^\/(missing\/)?/, '');
      if (!/^twinkit[a-z-]*\.js$/.test(name) || (missing && name === 'twinkit-glossary-links.js')) return void response.writeHead(404).end('not found');
      try {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(readFileSync(join(dir, name)));
      } catch {
        response.writeHead(404).end('not found');
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /**
   * A fresh page (own profile and IndexedDB) that collects console errors and uncaught exceptions,
   * and the path of every request the browser issues, in the order it issues them.
   */
  async function open(path: string): Promise<{ page: Page; errors: string[]; issued: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    const issued: string[] = [];
    page.on('request', (request) => issued.push(new URL(request.url()).pathname));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    requests = [];
    await page.goto(origin + path);
    await page.waitForFunction(() => customElements.get('twin-space'), undefined, { timeout: 15000 });
    return { page, errors, issued };
  }

  /** Waits until the element's shadow root shows the text, and returns its whole text. */
  const shadowText = async (page: Page, selector: string, text: string) =>
    String(
      await (
        await page.waitForFunction(
          ([selector, text]) => {
            const content = document.querySelector(selector!)?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
            return content.includes(text!) && content;
          },
          [selector, text],
          { timeout: 15000 },
        )
      ).jsonValue(),
    );

  const requested = (name: string) => requests.filter((request) => request.path.endsWith(`/${name}`));

  it('loads the glossary file for <twin-glossary>, once, beside twinkit.js?ver=2, which runs once', async () => {
    const { page, errors } = await open('/glossary.html');
    await shadowText(page, 'twin-glossary', 'Search in every language');
    assert.equal(await page.evaluate(() => document.querySelector('twin-glossary')!.shadowRoot!.childElementCount > 0), true, 'the glossary rendered');
    assert.deepEqual(requested('twinkit.js'), [{ path: '/twinkit.js', search: '?ver=2' }], 'twinkit.js fetched once, with its query');
    assert.deepEqual(requested('twinkit-glossary.js'), [{ path: '/twinkit-glossary.js', search: '' }], 'the widget file fetched once, beside twinkit.js, no query');
    assert.deepEqual(requested('twinkit-glossary-links.js'), [], 'no file for a tag the page does not use');
    assert.deepEqual(requested('twinkit-es.js'), [], 'no Spanish strings on an English page');
    // One Lit: each of its modules records its version once per evaluation.
    const versions = await page.evaluate(() => {
      const global = window as unknown as Record<string, unknown[] | undefined>;
      return ['litElementVersions', 'reactiveElementVersions', 'litHtmlVersions'].map((name) => global[name]?.length ?? 0);
    });
    assert.deepEqual(versions, [1, 1, 1], 'Lit evaluated once (litElementVersions, reactiveElementVersions, litHtmlVersions)');
    // The widget uses twinkit.js's classes: the glossary is a TwinElement of twinkit.js's own module.
    const sameBase = await page.evaluate(async (url) => {
      const twinkit = (await import(url)) as { TwinElement: CustomElementConstructor };
      return document.querySelector('twin-glossary') instanceof twinkit.TwinElement;
    }, '/twinkit.js?ver=2'); // the page's own URL: the module already evaluated, not fetched again
    assert.equal(sameBase, true, "the glossary extends twinkit.js's TwinElement");
    assert.equal(requested('twinkit.js').length, 1, 'still one twinkit.js');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('loads the phase tracker and the glossary from their own files, sharing one Lit, and the tracker drives the glossary', async () => {
    const { page, errors } = await open('/tracker.html');
    await shadowText(page, 'twin-phase-tracker', 'Use the blended-mobility template');
    await shadowText(page, 'twin-glossary', 'Search in every language');
    assert.equal(requested('twinkit-phase-tracker.js').length, 1);
    assert.equal(requested('twinkit-glossary.js').length, 1);
    const versions = await page.evaluate(() => (window as unknown as { litElementVersions?: unknown[] }).litElementVersions?.length);
    assert.equal(versions, 1, 'one Lit for both widget files');
    // The template, then "Show only this phase": the space (in twinkit.js) hears the tracker (in its own file).
    await page.evaluate(() => {
      const root = document.querySelector('twin-phase-tracker')!.shadowRoot!;
      [...root.querySelectorAll('button')].find((button) => button.textContent!.includes('Start with the four phases'))!.click();
    });
    await page.waitForFunction(() => document.querySelector('twin-phase-tracker')!.shadowRoot!.querySelectorAll('.timeline > li').length === 4, undefined, { timeout: 15000 });
    await page.evaluate(() => document.querySelector('twin-phase-tracker')!.shadowRoot!.querySelector<HTMLButtonElement>('.timeline > li .actions button')!.click());
    await page.waitForFunction(() => (document.querySelector('twin-space') as unknown as { phase?: string }).phase === 'preparation', undefined, { timeout: 15000 });
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('loads no widget file for a page without widget tags, and a widget inserted later loads then', async () => {
    const { page, errors, issued } = await open('/space-only.html');
    // The autoloader scanned the page when twinkit.js ran (before open() saw <twin-space> defined);
    // <twin-space> has its store once its start-up is over, after anything that start-up loads
    // (e.g. <twin-sync-conflicts> for a space that syncs).
    await page.waitForFunction(() => (document.querySelector('twin-space') as unknown as { store?: unknown } | null)?.store, undefined, { timeout: 15000 });
    // Then a request of the test's own: the browser reports requests in the order it issues them,
    // so once this one is seen (and has reached the server), any file asked for before it was seen too.
    await Promise.all([page.waitForRequest((request) => new URL(request.url()).pathname === '/barrier', { timeout: 15000 }), page.evaluate(() => fetch('/barrier').then((response) => response.status))]);
    assert.ok(issued.includes('/barrier') && requests.some((request) => request.path === '/barrier'), 'the barrier request issued and served');
    assert.deepEqual(issued.filter((path) => /\/twinkit-.*\.js$/.test(path)), [], 'no file from beside twinkit.js asked for');
    assert.deepEqual(requests.filter((request) => /\/twinkit-.*\.js$/.test(request.path)), [], 'no file from beside twinkit.js fetched');
    assert.equal(await page.evaluate(() => customElements.get('twin-glossary')), undefined);

    await page.evaluate(() => document.querySelector('twin-space')!.append(document.createElement('twin-glossary')));
    await shadowText(page, 'twin-glossary', 'Search in every language');
    assert.equal(requested('twinkit-glossary.js').length, 1, 'fetched when the tag appeared');

    // A subtree with the tag inside: found too (and the file is not asked for again).
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('twin-space'), { innerHTML: '<twin-glossary></twin-glossary>' })));
    await page.waitForFunction(() => document.querySelectorAll('twin-glossary')[1]?.shadowRoot?.childElementCount);
    assert.equal(requested('twinkit-glossary.js').length, 1, 'still fetched once');

    // Another widget, another file.
    await page.evaluate(() => document.querySelector('twin-space')!.append(Object.assign(document.createElement('twin-glossary-links'), { innerHTML: '<p>The tide.</p>' })));
    await page.waitForFunction(() => document.querySelector('twin-glossary-links')?.shadowRoot, undefined, { timeout: 15000 });
    assert.deepEqual(requested('twinkit-glossary-links.js'), [{ path: '/twinkit-glossary-links.js', search: '' }]);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('loads twinkit-es.js for a Spanish page, and a widget used alone speaks Spanish', async () => {
    const { page, errors } = await open('/spanish.html');
    await shadowText(page, 'twin-glossary', 'Buscar en todos los idiomas');
    assert.deepEqual(requested('twinkit-es.js'), [{ path: '/twinkit-es.js', search: '' }]);
    assert.equal(requested('twinkit-glossary.js').length, 1);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('names the missing file on the console when a widget file cannot be loaded', async () => {
    const { page, errors } = await open('/missing/links.html');
    const deadline = Date.now() + 15000;
    while (!errors.some((text) => text.includes('Twinkit:')) && Date.now() < deadline) await page.waitForTimeout(100);
    const message = errors.find((text) => text.includes('Twinkit:')) ?? '';
    assert.match(message, /twinkit-glossary-links\.js/, 'names the file');
    assert.match(message, /beside twinkit\.js/, 'says where it must be');
    const address = `${origin}/missing/twinkit-glossary-links.js`.replace(/[.?]/g, '\\$&');
    assert.match(message, new RegExp(`${address}[^?]`), 'names the address it was looked for at: beside twinkit.js, without its query');
    assert.equal(await page.evaluate(() => customElements.get('twin-glossary-links')), undefined);
    assert.equal(requested('twinkit-glossary-links.js').length, 1, 'asked once');
    await page.context().close();
  });
});
