// Builds Storybook, serves the static build on 127.0.0.1, opens every Twinkit story in Chromium,
// saves a screenshot of each to screenshots/ and runs axe-core (WCAG 2.2 A and AA, and best
// practice, as src/test-support/axe.ts) on the story's document. Fails on any axe violation,
// console error, page error or horizontal overflow.
// Usage: node scripts/look-at-stories.mjs [--no-build] [story-id-filter]
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from './chromium.mjs';

const OUT = 'storybook-static'; // as in package.json's build-storybook script (-o storybook-static)
const args = process.argv.slice(2);
const filter = args.find((arg) => !arg.startsWith('--'));

const executablePath = findChromium();
if (!executablePath) {
  console.error(CHROMIUM_INSTALL_HINT);
  process.exit(1);
}

if (!args.includes('--no-build')) {
  console.log('Building Storybook…');
  const build = spawnSync('npm', ['run', '--silent', 'build-storybook'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) {
    console.error(`build-storybook failed (exit ${build.status}).`);
    process.exit(1);
  }
}
if (!existsSync(join(OUT, 'index.json'))) {
  console.error(`No ${OUT}/index.json: run npm run build-storybook first (or drop --no-build).`);
  process.exit(1);
}

// ---- a tiny static server ---------------------------------------------------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
};
const root = resolve(OUT);
const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  if (path === '/favicon.ico') return response.writeHead(204).end(); // the preview has no icon; Chromium asks anyway
  let file = normalize(join(root, path));
  if (!file.startsWith(root)) return response.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return response.writeHead(404).end('not found');
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${server.address().port}/`;

// ---- which stories, and what "ready" means for each ----------------------------------------------

const index = JSON.parse(readFileSync(join(OUT, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story' && entry.title.startsWith('Twinkit/') && (!filter || entry.id.includes(filter)));

/** Viewport per story: the 320 px stories get the "Small mobile" size their `globals.viewport` asks for. */
const widthOf = (id) => (id.endsWith('--narrow') ? 320 : 1280);

/** Runs in the page: true once the story shows what it is about. */
function ready(id) {
  const glossary = document.querySelector('twin-glossary');
  if (glossary) {
    const shadow = glossary.shadowRoot;
    if (!shadow || shadow.textContent.includes('Loading')) return false;
    if (id.endsWith('--entry-open')) return !!shadow.querySelector('dialog[open] twin-glossary-entry')?.shadowRoot?.querySelector('.comments li');
    if (id.endsWith('--empty')) return !!shadow.querySelector('.summary.empty');
    return shadow.querySelectorAll('li[data-row]').length > 0;
  }
  const space = document.querySelector('twin-space');
  if (!space) return false;
  // twin-space stories: a store (or a reported problem) and the consumer rendered.
  const status = space.shadowRoot?.textContent?.trim();
  const consumer = document.querySelector('story-record-count')?.shadowRoot?.textContent ?? '';
  return (!!space.store && consumer.includes('entr')) || !!status;
}

// ---- look ----------------------------------------------------------------------------------------

const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'twinkit-stories-')), { executablePath, args: CHROMIUM_ARGS });
mkdirSync('screenshots', { recursive: true });
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
let problems = 0;

for (const story of stories) {
  const page = await browser.newPage();
  const width = widthOf(story.id);
  await page.setViewportSize({ width, height: 900 });
  const messages = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') messages.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => messages.push(`page error: ${error.message}`));
  page.on('response', (response) => response.status() >= 400 && messages.push(`console error: HTTP ${response.status()} for ${response.url()}`));
  page.on('requestfailed', (request) => messages.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));

  const started = Date.now();
  await page.goto(`${base}iframe.html?id=${story.id}&viewMode=story`);
  let readyMs;
  try {
    await page.waitForFunction(ready, story.id, { timeout: 20_000, polling: 25 });
    readyMs = Date.now() - started;
  } catch {
    messages.push('console error: story never became ready (timeout 20 s)');
  }
  await page.waitForTimeout(300); // let a last render and the fonts settle

  const name = `story-${story.id}.png`;
  await page.screenshot({ path: join('screenshots', name), fullPage: true });
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(
    async (tags) =>
      (await window.axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations.map(
        (v) => `${v.id} (${v.impact}): ${v.help}\n      ${v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1).join(' ').trim()}` : ''}`).join('\n      ')}`,
      ),
    AXE_TAGS,
  );
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
  const errors = messages.filter((line) => !line.startsWith('console warning'));

  console.log(
    `${story.id} (${story.title} › ${story.name}) @ ${width}px → ${name}: ready in ${readyMs ?? '—'} ms, ${violations.length} axe violation(s)` +
      `${errors.length ? `, ${errors.length} error(s)` : ''}${overflow ? ', horizontal overflow!' : ''}`,
  );
  violations.forEach((line) => console.log(`   axe ${line}`));
  messages.forEach((line) => console.log(`   ${line}`));
  problems += violations.length + errors.length + (overflow ? 1 : 0);
  await page.close();
}

await browser.close();
server.close();
console.log(problems ? `\n${problems} problem(s) in ${stories.length} stories.` : `\nAll ${stories.length} stories: no axe violations, no console errors.`);
process.exit(problems ? 1 : 0);
