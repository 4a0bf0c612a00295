// End to end: `npm start` serves the demo, and in real Chromium it works as each demo user.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from '../scripts/chromium.mjs';
import { SAMPLE_BOARD_POSTS, SAMPLE_BOARD_PUBLISHED, SAMPLE_BOARD_SECTIONS } from './sample-board.js';

const executablePath = findChromium();

describe('the demo page (npm start)', () => {
  let server: ChildProcess;
  let browser: BrowserContext;
  let page: Page;
  let url: string;

  before(async () => {
    assert.ok(executablePath, CHROMIUM_INSTALL_HINT);
    server = spawn('npm', ['start', '--silent'], { env: { ...process.env, PORT: '8290' }, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    url = await new Promise<string>((resolve, reject) => {
      server.stdout!.on('data', (data) => {
        const match = String(data).match(/http:\/\/127\.0\.0\.1:\d+\//);
        if (match) resolve(match[0]);
      });
      server.on('exit', (code) => reject(new Error(`npm start exited with ${code}`)));
    });
    browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'twinkit-e2e-')), {
      executablePath,
      args: CHROMIUM_ARGS,
    });
    page = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    // npm starts the server as its child: stop the whole process group, and let go of the pipe.
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
    server?.stdout?.destroy();
  });

  /** Waits until the panel's text (inside its shadow root) matches, and returns it. */
  const panelText = async (pattern: RegExp) => {
    const handle = await page.waitForFunction(
      (source) => {
        const text = document.querySelector('demo-space-panel')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
        return new RegExp(source).test(text) && text;
      },
      pattern.source,
      { timeout: 15000 },
    );
    return String(await handle.jsonValue());
  };

  it('serves the page on 127.0.0.1 with a <twin-space> on IndexedDB', async () => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url);
    await page.locator('demo-space-panel').getByText('Signed in as').first().waitFor();
    const adapter = await page.evaluate(() => (document.querySelector('twin-space') as unknown as { store: { adapter: { name: string } } }).store.adapter.name);
    assert.equal(adapter, 'indexeddb');
    assert.deepEqual(requests.filter((r) => !r.startsWith(url)), [], 'no request to any third party');
  });

  it('lets the teacher add sample content, which survives a reload', async () => {
    await page.selectOption('#demo-user', 'teacher-lucia');
    await page.locator('demo-space-panel').getByRole('button', { name: 'Add sample project content' }).click();
    await page.locator('demo-space-panel').getByText('Sample content added').first().waitFor();
    await page.reload();
    assert.match(await panelText(/13\s*glossary entries/), /4\s*project phases/);
    await page.locator('twin-glossary').getByText('13 entries').waitFor();
    // The blog post marks the glossary's terms, with their definitions on focus.
    const terms = page.locator('twin-glossary-links twin-glossary-term');
    await terms.first().waitFor();
    assert.deepEqual(await terms.allTextContents(), ['harbour', 'lighthouse', 'tide', 'amber', 'coastal erosion']);
    await terms.first().locator('[role=button]').focus();
    await terms.first().getByRole('tooltip').getByText('A sheltered place on the coast').waitFor();
  });

  it('shows the project plan in its mobility week, and the plan drives the glossary', async () => {
    const tracker = page.locator('twin-phase-tracker');
    await tracker.getByText('Coasts we share').waitFor();
    const mobility = tracker.getByRole('listitem').filter({ hasText: 'Mobility in Gdynia' });
    await mobility.getByText('Current phase').waitFor();
    await mobility.getByText('Today: day 3 of 7').waitFor();
    await mobility.getByRole('button', { name: 'Glossary: 3' }).waitFor();
    await mobility.getByRole('button', { name: /Show only this phase/ }).click();
    // The space now shows the mobility's words in every widget: the glossary lists 3 of 13.
    await page.locator('twin-glossary').getByText('3 entries').waitFor();
    await tracker.getByRole('button', { name: 'Show all phases' }).click();
    await page.locator('twin-glossary').getByText('13 entries').waitFor();
  });

  /** Waits until the locator matches `count` elements, and returns that count. */
  const countOf = async (locator: Locator, count: number, timeout = 15_000) => {
    for (const deadline = Date.now() + timeout; ; ) {
      const now = await locator.count();
      if (now === count || Date.now() > deadline) return now;
      await page.waitForTimeout(100);
    }
  };

  it('shows the sample board: posts of every kind by the demo users, photos loaded from their thumbnails', async () => {
    const board = page.locator('twin-board');
    const posts = board.locator('article.post');
    // The teacher sees the 12 published posts and Marco's draft waiting for approval.
    assert.equal(await countOf(posts, SAMPLE_BOARD_POSTS.length), SAMPLE_BOARD_POSTS.length);
    assert.deepEqual(await board.locator('section.group > .group-head h3').allTextContents(), [...SAMPLE_BOARD_SECTIONS]);
    for (const title of SAMPLE_BOARD_PUBLISHED) await board.locator('article.post .post-title', { hasText: title }).waitFor();
    await board.locator('article.post', { hasText: 'Draft: questions for the harbour master' }).getByText('Waiting for approval').waitFor();
    await board.getByRole('button', { name: 'To review (1)' }).waitFor();
    await board.locator('article.post.pinned', { hasText: 'Welcome to our board!' }).waitFor();
    // Every photo's card shows its 480 px thumbnail, loaded (the cards' pictures load lazily: scrolled to each).
    const pictures = board.locator('article.post figure.picture img');
    assert.equal(await countOf(pictures, 4), 4);
    for (const picture of await pictures.all()) {
      await picture.scrollIntoViewIfNeeded();
      const loaded = await picture.evaluate((img: HTMLImageElement) =>
        img.complete
          ? img.naturalWidth > 0
          : new Promise<boolean>((resolve) => {
              img.onload = () => resolve(true);
              img.onerror = () => resolve(false);
            }),
      );
      assert.ok(loaded, `${await picture.getAttribute('alt')} loaded`);
      assert.equal(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth), 480, 'the card shows the 480 px thumbnail');
    }
    // The posts carry the days they were made: the timeline shows the mobility's days.
    await board.getByRole('button', { name: 'Timeline' }).click();
    await board.getByRole('heading', { name: /day 1 of the mobility/ }).waitFor();
    await board.getByRole('button', { name: 'Wall' }).click();
    await board.getByRole('heading', { name: 'Fieldwork', exact: true }).waitFor();
    await board.locator('article.post', { hasText: 'Fieldwork worksheet' }).getByRole('button', { name: 'Download fieldwork-worksheet.pdf' }).waitFor();
    await board.locator('article.post', { hasText: 'Before you come: the port of Gdynia' }).getByRole('link', { name: /www\.port\.gdynia\.pl/ }).waitFor();
    // A guest sees only what is published.
    await page.selectOption('#demo-user', 'observer-city');
    await page.locator('demo-space-panel').getByText('Town library').first().waitFor();
    assert.equal(await countOf(posts, SAMPLE_BOARD_PUBLISHED.length), SAMPLE_BOARD_PUBLISHED.length);
    await page.selectOption('#demo-user', 'teacher-lucia');
    await page.locator('demo-space-panel').getByText('Lucía Martínez').first().waitFor();
    assert.equal(await countOf(posts, SAMPLE_BOARD_POSTS.length), SAMPLE_BOARD_POSTS.length);
  });

  it('An exported HTML exhibition opens offline in Chromium with its images', async () => {
    const board = page.locator('twin-board');
    await board.locator('summary', { hasText: 'Export' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), board.getByRole('button', { name: 'Exhibition (HTML file)' }).click()]);
    const folder = mkdtempSync(join(tmpdir(), 'twinkit-exhibition-'));
    const file = join(folder, download.suggestedFilename());
    await download.saveAs(file);
    await board.locator('summary', { hasText: 'Export' }).click();
    const html = readFileSync(file, 'utf8');
    assert.match(download.suggestedFilename(), /\.html$/);
    assert.doesNotMatch(html, /<script/i, 'no script in the exhibition');
    assert.match(html, /Content-Security-Policy/);

    // Opened from the file in a fresh browser that has no network at all.
    const viewer = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const context = await viewer.newContext();
      await context.setOffline(true);
      const requests: string[] = [];
      context.on('request', (request) => requests.push(request.url()));
      context.on('requestfailed', (request) => requests.push(`failed: ${request.url()}`));
      const exhibition = await context.newPage();
      const errors: string[] = [];
      exhibition.on('pageerror', (error) => errors.push(error.message));
      exhibition.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await exhibition.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const pictures = await exhibition.evaluate(() => [...document.images].map((img) => ({ alt: img.alt, loaded: img.complete && img.naturalWidth > 0, width: img.naturalWidth, data: img.src.startsWith('data:image/') })));
      assert.equal(pictures.length, 4, 'the four photos');
      for (const picture of pictures) assert.deepEqual({ ...picture, width: picture.width > 480 }, { alt: picture.alt, loaded: true, width: true, data: true }, 'each photo loaded in full size from the file itself');
      const text = await exhibition.locator('main').innerText();
      for (const title of SAMPLE_BOARD_PUBLISHED) assert.ok(text.includes(title), `"${title}" is in the exhibition`);
      assert.ok(!text.includes('Draft: questions for the harbour master'), 'a post waiting for approval is not exhibited');
      assert.match(text, /Can you climb to the top\?/, 'published comments are exhibited');
      assert.match((await exhibition.locator('a[download="fieldwork-worksheet.pdf"]').getAttribute('href')) ?? '', /^data:application\/pdf;base64,/);
      assert.ok(requests.includes(pathToFileURL(file).href), 'requests are seen (the file itself)');
      assert.deepEqual(requests.filter((url) => !url.startsWith('file://')), [], 'no network request');
      assert.deepEqual(errors, []);
    } finally {
      await viewer.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("shows the demo pupils' journal: Kasia's entries and her teacher's note; Marco at home is invited to give feedback", async () => {
    await page.selectOption('#demo-user', 'pupil-kasia');
    await page.locator('demo-space-panel').getByText('Kasia Nowak').first().waitFor();
    const journal = page.locator('twin-journal');
    await journal.getByRole('button', { name: /Welcome to Gdynia/ }).waitFor();
    await journal.getByText('Lovely first entry, Kasia.').waitFor();
    await journal.getByText('Mobility week').first().waitFor();
    await page.selectOption('#demo-user', 'pupil-marco');
    await page.locator('demo-space-panel').getByText('Marco Rossi').first().waitFor();
    await journal.getByRole('button', { name: 'Entries of the others' }).click();
    await journal.getByText('those who travel would love your feedback').waitFor();
    assert.equal(await journal.getByText('Lovely first entry, Kasia.').count(), 0, "a teacher's note to Kasia is not Marco's to read");
  });

  it('sends a travelling pupil\'s word for approval, and shows it as text', async () => {
    await page.selectOption('#demo-user', 'pupil-kasia');
    await page.locator('demo-space-panel').getByText('Kasia Nowak').first().waitFor();
    const glossary = page.locator('twin-glossary');
    await glossary.getByRole('button', { name: 'Add an entry' }).click();
    await glossary.getByRole('group', { name: 'English' }).getByLabel('Term').fill('<img src=x onerror=alert(1)> tide pool');
    await glossary.getByRole('button', { name: 'Save' }).click();
    await glossary.getByText('Waiting for approval').first().waitFor();
    assert.equal(await glossary.locator('img').count(), 0, 'pupil text never becomes markup');
    await page.keyboard.press('Escape');
  });

  it('shows a guest no way to write', async () => {
    await page.selectOption('#demo-user', 'observer-city');
    await page.locator('demo-space-panel').getByText('Town library').first().waitFor();
    await page.locator('twin-glossary').getByText('harbour').first().waitFor();
    assert.equal(await page.locator('twin-glossary').getByRole('button', { name: 'Add an entry' }).count(), 0);
  });

  it('speaks Spanish when the page does', async () => {
    await page.selectOption('#demo-lang', 'es');
    await page.locator('demo-space-panel').getByText('Conectado como').first().waitFor();
    assert.match(await panelText(/Invitado \(solo lectura\)/), /Qué puedes hacer aquí/);
    await page.locator('twin-glossary').getByLabel('Buscar en todos los idiomas').waitFor();
    await page.locator('twin-glossary-links twin-glossary-term', { hasText: 'puerto' }).waitFor();
  });

  it('is accessible (axe-core) in light and dark, and at 320 px', async () => {
    for (const [theme, width] of [['light', 1200], ['dark', 1200], ['light', 320]] as const) {
      await page.setViewportSize({ width, height: 800 });
      await page.selectOption('#demo-theme', theme);
      await page.selectOption('#demo-user', 'teacher-lucia');
      await page.locator('demo-space-panel').getByText('Lucía Martínez').first().waitFor();
      await page.addScriptTag({ content: readFileSync('node_modules/axe-core/axe.min.js', 'utf8') });
      const violations = await page.evaluate(async () =>
        (await (window as unknown as { axe: { run(d: Document): Promise<{ violations: { id: string }[] }> } }).axe.run(document)).violations.map((v) => v.id),
      );
      assert.deepEqual(violations, [], `${theme} at ${width} px`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, `no sideways scrolling at ${width} px`);
    }
  });
});
