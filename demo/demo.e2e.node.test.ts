// End to end: `npm start` serves the demo, and in real Chromium it works as each demo user.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from '../scripts/chromium.mjs';

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
