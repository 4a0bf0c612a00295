// Builds Storybook, serves the static build on 127.0.0.1, opens every Twinkit story in Chromium,
// saves a screenshot of each to screenshots/ and runs axe-core (WCAG 2.2 A and AA, and best
// practice, as src/test-support/axe.ts) on the story's document. Some stories also get a second
// look in another state (scrolled, filtered, another view). Fails on any axe violation, console
// error, page error, horizontal overflow, or a list row whose text spills out of it.
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
// Looking at nothing must not read as "all good".
if (!stories.length) {
  console.error(`No Twinkit story${filter ? ` matches "${filter}"` : ` in ${OUT}/index.json`}: nothing to look at.`);
  server.close();
  process.exit(1);
}

/** Viewport per story: the 320 px stories get the "Small mobile" size their `globals.viewport` asks for. */
const widthOf = (id) => (id.endsWith('--narrow') ? 320 : 1280); // every Twinkit story named Narrow asks for mobile1

/** Runs in the page: true once the story shows what it is about. */
function ready(id) {
  const board = document.querySelector('twin-board');
  if (board) {
    const shadow = board.shadowRoot;
    // "Loading the board…", or a card's clip still loading (in English or Spanish).
    if (!shadow || /Loading|Cargando/.test(shadow.textContent)) return false;
    if (id.endsWith('--empty')) return !!shadow.querySelector('.empty-board');
    const cards = shadow.querySelectorAll('article.post');
    if (!cards.length || (id.endsWith('--thousand-posts') && cards.length < 1000)) return false;
    // Every photo's file is ready (no placeholder), and the pictures on or near the screen have loaded
    // (those further down are lazy: they load as the reader scrolls).
    if (shadow.querySelector('.picture-wait')) return false;
    return [...shadow.querySelectorAll('img')].every((img) => (img.complete && img.naturalWidth > 0) || img.getBoundingClientRect().top > 2 * innerHeight);
  }
  const journal = document.querySelector('twin-journal');
  if (journal) {
    const shadow = journal.shadowRoot;
    if (!shadow || shadow.textContent.includes('Loading')) return false;
    if (id.endsWith('--feedback-thread')) return !!shadow.querySelector('twin-journal-entry')?.shadowRoot?.querySelectorAll('.feedback li').length;
    if (id.endsWith('--teacher-overview')) return shadow.querySelectorAll('table.overview tbody tr').length >= 200;
    if (id.endsWith('--empty') || id.endsWith('--observer')) return !!shadow.querySelector('.view');
    return !!shadow.querySelector('.entry-card');
  }
  const tracker = document.querySelector('twin-phase-tracker');
  if (tracker) {
    const shadow = tracker.shadowRoot;
    if (!shadow || shadow.textContent.includes('Loading')) return false;
    const drawn = id.endsWith('--empty') ? !!shadow.querySelector('.start') : !!shadow.querySelector('.timeline, .checklist, .goals');
    if (!drawn) return false;
    if (id.endsWith('--goals-chart') && !shadow.querySelector('.chart')) return false;
    if (!document.querySelector('twin-glossary')) return true;
  }
  const glossary = document.querySelector('twin-glossary');
  if (glossary) {
    const shadow = glossary.shadowRoot;
    if (!shadow || shadow.textContent.includes('Loading')) return false;
    if (id.endsWith('--entry-open')) return !!shadow.querySelector('dialog[open] twin-glossary-entry')?.shadowRoot?.querySelector('.comments li');
    if (id.endsWith('--empty')) return !!shadow.querySelector('.summary.empty');
    return shadow.querySelectorAll('li[data-row]').length > 0;
  }
  // twin-glossary-links stories: the terms are marked in the post.
  if (document.querySelector('twin-glossary-links')) return !!document.querySelector('twin-glossary-term');
  const space = document.querySelector('twin-space');
  if (!space) return false;
  // twin-space stories: a store (or a reported problem) and the demo consumer rendered.
  const status = space.shadowRoot?.textContent?.trim();
  const consumer = document.querySelector('story-record-count');
  return !!status || (!!space.store && (!consumer || (consumer.shadowRoot?.textContent ?? '').includes('entr')));
}

/**
 * Stories too tall for a full-page screenshot (1,000 board posts make a page of about 76,000 px,
 * which takes Chromium more than 30 s to capture): only their top, this many px, is saved.
 */
const SCREENSHOT_MAX_HEIGHT = { 'twinkit-twin-board--thousand-posts': 4_000 };

/** Console errors a story exists to show (its subject is the error), by story id. */
const EXPECTED_ERRORS = {
  'twinkit-twin-space--unknown-adapter': /No storage adapter is registered as "nope"/,
};

/**
 * A second look at some stories, in another state. Each `act` runs in the page (self-contained);
 * `reached` (an expression run in the page) must be false before the act and become true after it,
 * so a click that does nothing fails instead of re-checking the state before it. The state gets
 * its own screenshot, axe run and layout check.
 */
const glossaryRoot = "document.querySelector('twin-glossary').shadowRoot";
const trackerRoot = "document.querySelector('twin-phase-tracker').shadowRoot";
const journalRoot = "document.querySelector('twin-journal').shadowRoot";
const boardRoot = "document.querySelector('twin-board').shadowRoot";
/** A board card by its title. */
const boardCard = (title) => `[...${boardRoot}.querySelectorAll('article.post')].find((card) => card.querySelector('.post-title').textContent.trim() === ${JSON.stringify(title)})`;
const pier = boardCard('The pier at sunset');
const boardDialogOpen = `${boardRoot}.querySelector('dialog[open]')`;
const boardStates = {
  composer: { name: 'composer', act: `${boardRoot}.querySelector('.toolbar button.primary').click()`, reached: `${boardDialogOpen}?.querySelector('twin-board-composer')` },
  postOpen: {
    name: 'post-open',
    act: `${boardDialogOpen}?.querySelector('.close')?.click(); ${pier}.querySelector('button.open').click()`,
    reached: `${boardDialogOpen}?.querySelector('twin-board-post')?.post?.title === 'The pier at sunset'`,
  },
  postComments: { name: 'post-comments', act: `{ const dialog = ${boardDialogOpen}; dialog.scrollTop = dialog.scrollHeight; }`, reached: `${boardDialogOpen}?.scrollTop > 0` },
  moving: {
    name: 'moving',
    act: `${boardDialogOpen}?.querySelector('.close')?.click(); ${pier}.querySelector('button.move').click()`,
    reached: `!${boardDialogOpen} && ${pier}.querySelector('button.move').getAttribute('aria-pressed') === 'true'`,
  },
  // The carried post one section to the right: the marker shows where it would land.
  movingStep: {
    name: 'moving-step',
    act: `${pier}.querySelector('button.move').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true, cancelable: true }))`,
    reached: `(() => { const marker = ${boardRoot}.querySelector('.drop-marker'); return !!marker && marker.closest('ul.posts') !== ${pier}.closest('ul.posts'); })()`,
  },
  queue: { name: 'queue', act: `${boardRoot}.querySelector('.views button.queue').click()`, reached: `${boardRoot}.querySelector('.views button.queue[aria-pressed=true]') && ${boardRoot}.querySelector('.queue, .queue-empty')` },
};
/** The tracker's view buttons are Timeline, Checklist, Goals, in that order. */
const trackerView = (index, shown) => ({ act: `[...${trackerRoot}.querySelectorAll('.views button')][${index}].click()`, reached: `${trackerRoot}.querySelector('${shown}')` });
const glossaryRows = `[...${glossaryRoot}.querySelectorAll('li[data-row]')]`;
const EXTRA_STATES = {
  'twinkit-twin-board--wall': [boardStates.composer, boardStates.moving, boardStates.movingStep],
  'twinkit-twin-board--columns': [boardStates.postOpen, boardStates.postComments],
  'twinkit-twin-board--moderation-queue': [boardStates.queue],
  'twinkit-twin-board--spanish-ui': [boardStates.composer],
  'twinkit-twin-board--dark-theme': [boardStates.postOpen, boardStates.postComments],
  'twinkit-twin-board--narrow': [boardStates.composer, boardStates.postOpen, boardStates.postComments],
  'twinkit-twin-journal--pupil-week': [
    { name: 'writing', act: `[...${journalRoot}.querySelectorAll('button')].find((b) => b.textContent.includes('Answer')).click()`, reached: `${journalRoot}.querySelector('twin-journal-editor')` },
  ],
  'twinkit-twin-journal--narrow': [
    { name: 'writing', act: `[...${journalRoot}.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Write an entry').click()`, reached: `${journalRoot}.querySelector('twin-journal-editor')` },
  ],
  'twinkit-twin-journal--teacher-overview': [
    { name: 'pupil-journal', act: `${journalRoot}.querySelector('table.overview tbody th button').click()`, reached: `!${journalRoot}.querySelector('table.overview') && ${journalRoot}.querySelector('twin-journal-entry, .entry-card')` },
  ],
  'twinkit-twin-phase-tracker--mid-mobility': [{ name: 'checklist', ...trackerView(1, '.checklist') }],
  'twinkit-twin-phase-tracker--observer': [{ name: 'goals', ...trackerView(2, '.goals') }],
  'twinkit-twin-phase-tracker--driving-widgets': [
    { name: 'edit-phase', act: `${trackerRoot}.querySelector('.timeline .actions button:nth-child(3)').click()`, reached: `${trackerRoot}.querySelector('dialog[open] form')` },
  ],
  'twinkit-twin-phase-tracker--narrow': [{ name: 'timeline', ...trackerView(0, '.timeline') }],
  'twinkit-twin-phase-tracker--spanish-ui': [{ name: 'goals', ...trackerView(2, '.goals') }],
  'twinkit-twin-glossary--four-languages': [
    { name: 'scrolled', act: `{ const list = ${glossaryRoot}.querySelector('.list'); list.scrollTop = list.scrollHeight; }`, reached: `${glossaryRoot}.querySelector('.list').scrollTop > 0` },
  ],
  'twinkit-twin-glossary--ten-thousand-entries': [
    {
      name: 'letter-s',
      act: `[...${glossaryRoot}.querySelectorAll('.letters button')].find((b) => b.textContent.trim() === 'S').click()`,
      // The list jumps: the first row on screen starts with S.
      reached: `${glossaryRows}.find((row) => row.getBoundingClientRect().top >= ${glossaryRoot}.querySelector('.list').getBoundingClientRect().top)?.querySelector('.term')?.textContent.trim().startsWith('S')`,
    },
  ],
  'twinkit-twin-glossary--pending-moderation': [
    {
      name: 'pending-filter',
      act: `[...${glossaryRoot}.querySelectorAll('.actions button')].find((b) => /Waiting for approval/.test(b.textContent)).click()`,
      reached: `${glossaryRows}.length > 0 && ${glossaryRows}.every((row) => /Waiting for approval/.test(row.textContent))`,
    },
  ],
  'twinkit-twin-glossary--spanish-ui': [{ name: 'filters-open', act: `${glossaryRoot}.querySelector('details.filters').open = true`, reached: `${glossaryRoot}.querySelector('details.filters[open]')` }],
  'twinkit-twin-glossary--narrow': [
    {
      name: 'all-languages',
      act: `{ const select = ${glossaryRoot}.querySelector('.languages select'); select.value = 'all'; select.dispatchEvent(new Event('change')); }`,
      reached: `${glossaryRows}[0]?.querySelectorAll('.cell').length > 2`,
    },
    {
      name: 'search-seahorse',
      act: `{ const input = ${glossaryRoot}.querySelector('#search'); input.value = 'caballito'; input.dispatchEvent(new Event('input')); }`,
      reached: `${glossaryRows}.length > 0 && ${glossaryRows}.every((row) => /caballito/i.test(row.textContent))`,
    },
    {
      name: 'search-seahorse-spanish-first',
      act: `{ const select = ${glossaryRoot}.querySelectorAll('.languages select')[1]; select.value = 'es'; select.dispatchEvent(new Event('change')); }`,
      reached: `${glossaryRows}[0]?.querySelector('.cell [lang]')?.getAttribute('lang') === 'es'`,
    },
    { name: 'entry-open', act: `${glossaryRoot}.querySelector('li[data-row] button').click()`, reached: `${glossaryRoot}.querySelector('dialog[open] twin-glossary-entry')` },
  ],
  'twinkit-twin-glossary--entry-open': [
    { name: 'dialog-scrolled', act: `{ const dialog = ${glossaryRoot}.querySelector('dialog[open]'); dialog.scrollTop = dialog.scrollHeight; }`, reached: `${glossaryRoot}.querySelector('dialog[open]').scrollTop > 0` },
  ],
};
for (const [id, states] of Object.entries(EXTRA_STATES)) {
  for (const state of states) if (!state.reached) throw new Error(`${id} › ${state.name}: a state needs a "reached" check`);
}

/**
 * Rules about the page around the element, not the element: Storybook's preview iframe is a bare
 * page (no <main>, no <h1>, the story's root outside any landmark), whatever the story shows.
 */
const PAGE_RULES_OFF = { 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false }, region: { enabled: false } };

/** Runs in the page: layout faults that a user sees but axe does not. */
function layoutFaults() {
  const faults = [];
  const glossary = document.querySelector('twin-glossary')?.shadowRoot;
  if (glossary) {
    for (const row of glossary.querySelectorAll('li[data-row] .row')) {
      const rowBox = row.getBoundingClientRect();
      const bottom = Math.max(...[...row.querySelectorAll('.term, .definition, .badge')].filter((el) => el.offsetParent).map((el) => el.getBoundingClientRect().bottom));
      const badge = row.querySelector('.badge')?.getBoundingClientRect();
      for (const term of badge ? row.querySelectorAll('.term') : []) {
        const box = term.getBoundingClientRect();
        const text = document.createRange();
        text.selectNodeContents(term);
        const inkRight = Math.min(box.right, text.getBoundingClientRect().right); // the text itself, not its empty box
        if (inkRight > badge.left && box.left < badge.right && box.bottom > badge.top && box.top < badge.bottom) {
          faults.push(`row "${row.textContent.replace(/\s+/g, ' ').trim().slice(0, 40)}…": the status badge covers the term "${term.textContent.trim()}"`);
        }
      }
      if (bottom > rowBox.bottom + 0.5) faults.push(`row "${row.textContent.replace(/\s+/g, ' ').trim().slice(0, 40)}…": text ends ${Math.round(bottom - rowBox.bottom)} px below the row (row ${Math.round(rowBox.height)} px high)`);
    }
  }
  // A select too narrow for its chosen option cuts the text off.
  const canvas = document.createElement('canvas').getContext('2d');
  const roots = [document, ...[...document.querySelectorAll('*')].filter((el) => el.shadowRoot).map((el) => el.shadowRoot)];
  for (const root of roots) {
    for (const select of root.querySelectorAll('select')) {
      const option = select.selectedOptions[0];
      if (!option || !select.offsetParent) continue;
      const style = getComputedStyle(select);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20; // 20 px: the arrow
      const needed = canvas.measureText(option.textContent.trim()).width;
      if (needed > room + 1) faults.push(`select showing "${option.textContent.trim()}" is too narrow: needs ${Math.round(needed)} px, has ${Math.round(room)} px`);
    }
  }
  if (document.documentElement.scrollWidth > innerWidth) faults.push(`horizontal overflow: page is ${document.documentElement.scrollWidth} px wide in a ${innerWidth} px window`);
  return faults;
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

  const seeded = await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('story-seed')).map((m) => `${m.name} ${Math.round(m.duration)} ms`));

  const expected = EXPECTED_ERRORS[story.id];
  const states = [{ name: '' }, ...(EXTRA_STATES[story.id] ?? [])];
  console.log(`${story.id} (${story.title} › ${story.name}) @ ${width}px: ready in ${readyMs ?? '—'} ms${seeded.length ? ` (${seeded.join(', ')})` : ''}`);
  for (const state of states) {
    if (state.act) {
      const check = `!!(${state.reached})`;
      if (await page.evaluate(check).catch(() => false)) {
        messages.push(`state "${state.name}": its check already holds before the action, so it proves nothing`);
        continue;
      }
      await page.evaluate(`(() => { ${state.act}; })()`);
      try {
        await page.waitForFunction(check, undefined, { timeout: 5_000, polling: 25 });
      } catch {
        messages.push(`state "${state.name}" never reached: ${state.reached}`);
        continue;
      }
      await page.waitForTimeout(300); // let a last render and transitions settle before the screenshot
    }
    const name = `story-${story.id}${state.name ? `--${state.name}` : ''}.png`;
    const maxHeight = SCREENSHOT_MAX_HEIGHT[story.id];
    await page.screenshot({ path: join('screenshots', name), fullPage: true, ...(maxHeight && { clip: { x: 0, y: 0, width, height: maxHeight } }) });
    if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(
      async ({ tags, rules }) => {
        // Content skipped by `content-visibility: auto` (a big board's cards out of view) has no
        // layout, so axe would read stale boxes (false "obscured" targets): axe checks every part
        // drawn, then the page goes back as it was.
        const drawAll = new CSSStyleSheet();
        drawAll.replaceSync('* { content-visibility: visible !important; }');
        const roots = [document, ...[...document.querySelectorAll('*')].flatMap(function shadows(el) { return el.shadowRoot ? [el.shadowRoot, ...[...el.shadowRoot.querySelectorAll('*')].flatMap(shadows)] : []; })];
        roots.forEach((root) => (root.adoptedStyleSheets = [...root.adoptedStyleSheets, drawAll]));
        try {
          return (await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, rules })).violations.map(
            (v) => `${v.id} (${v.impact}): ${v.help}\n        ${v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1).join(' ').trim()}` : ''}`).join('\n        ')}`,
          );
        } finally {
          roots.forEach((root) => (root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== drawAll)));
        }
      },
      { tags: AXE_TAGS, rules: PAGE_RULES_OFF },
    );
    const faults = await page.evaluate(layoutFaults);
    console.log(`   ${name}: ${violations.length} axe violation(s), ${faults.length} layout fault(s)`);
    violations.forEach((line) => console.log(`      axe ${line}`));
    faults.forEach((line) => console.log(`      layout: ${line}`));
    problems += violations.length + faults.length;
  }
  // A story whose subject is an error must show it: its absence means the story no longer shows what it is for.
  if (expected && !messages.some((line) => expected.test(line))) messages.push(`expected error never appeared (${story.id} in EXPECTED_ERRORS)`);
  const errors = messages.filter((line) => !line.startsWith('console warning') && !(expected && expected.test(line)));
  messages.forEach((line) => console.log(`   ${expected && expected.test(line) ? '(expected) ' : ''}${line}`));
  problems += errors.length;
  await page.close();
}

await browser.close();
server.close();
console.log(
  `\naxe rules about the page, not the element, are off: ${Object.keys(PAGE_RULES_OFF).join(', ')}.\n` +
    (problems ? `${problems} problem(s) in ${stories.length} stories.` : `All ${stories.length} stories: no axe violations, no console errors, no layout faults.`),
);
process.exit(problems ? 1 : 0);
