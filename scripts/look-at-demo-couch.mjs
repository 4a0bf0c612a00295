// Screenshots of the demo on CouchDB (`npm run start:couch`): two windows side by side as two users
// after one adds an entry the other sees, a window offline with a change waiting, and the conflict
// it meets when back online. Each page is checked with axe-core.
// Usage: node scripts/look-at-demo-couch.mjs [output folder, default /tmp/couch-shots]
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from './chromium.mjs';
import { freePort } from './couch/start-couch-server.mjs';

const out = process.argv[2] ?? '/tmp/couch-shots';
mkdirSync(out, { recursive: true });
const executablePath = findChromium() ?? (console.error(CHROMIUM_INSTALL_HINT), process.exit(1));

const server = spawn(process.execPath, ['scripts/serve-demo-couch.mjs'], { env: { ...process.env, PORT: String(await freePort()) }, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  server.stdout.on('data', (data) => {
    const match = String(data).match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (match) resolve(match[0]);
  });
  server.on('exit', (code) => reject(new Error(`demo server exited with ${code}`)));
});

const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
let problems = 0;

/** A window of its own (cookies, IndexedDB) signed in as `userId`. */
async function open(userId, theme = 'light') {
  const context = await browser.newContext({ viewport: { width: 760, height: 900 } });
  await context.addInitScript(
    ([id, chosen]) => {
      localStorage.setItem('twinkit-demo:user', id);
      localStorage.setItem('twinkit-demo:theme', chosen);
      localStorage.setItem('twinkit-demo:lang', 'en');
    },
    [userId, theme],
  );
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`  [${userId}] page error: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('twin-space')?.syncStatus?.state === 'online', undefined, { timeout: 30_000 }).catch(async (error) => {
    const status = await page.evaluate(() => document.querySelector('twin-space')?.syncStatus);
    throw new Error(`${userId}'s window never came online (sync status ${JSON.stringify(status)})`, { cause: error });
  });
  return { context, page, userId };
}

async function check({ page, userId }, what) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () =>
    (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  );
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
  console.log(`${what} (${userId}): ${violations.length} axe violations${overflow ? ', horizontal overflow!' : ''}`);
  violations.forEach((v) => console.log('  ', v));
  problems += violations.length + (overflow ? 1 : 0);
}

/** The project space of a window, as a PNG. */
const spaceShot = ({ page }) => page.locator('#space').screenshot();

/** PNGs next to each other, each under a caption, in one picture. */
async function sideBySide(file, shots) {
  const page = await browser.newPage({ viewport: { width: 400, height: 300 } });
  const figures = shots
    .map(({ png, caption }) => `<figure><figcaption>${caption}</figcaption><img src="data:image/png;base64,${png.toString('base64')}"></figure>`)
    .join('');
  await page.setContent(
    `<style>body{margin:0;display:flex;gap:16px;padding:16px;background:#666;align-items:flex-start;width:max-content;font:600 18px system-ui}figure{margin:0}figcaption{color:#fff;padding:0 0 8px}img{display:block;border:1px solid #222}</style>${figures}`,
  );
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
  await page.screenshot({ path: join(out, file), fullPage: true });
  await page.close();
  console.log(`saved ${join(out, file)}`);
}

/** Opens an entry and saves a new English definition. */
async function editDefinition({ page }, term, definition) {
  const glossary = page.locator('twin-glossary');
  await glossary.locator('li[data-row] button', { hasText: term }).first().click();
  await glossary.getByRole('button', { name: 'Edit', exact: true }).click();
  await glossary.getByRole('group', { name: 'English' }).getByLabel('Definition').fill(definition);
  await glossary.getByRole('button', { name: 'Save' }).click();
  await glossary.locator('twin-glossary-entry').getByText(definition).waitFor();
  await page.keyboard.press('Escape');
}

try {
  const teacher = await open('teacher-lucia');
  const pupil = await open('pupil-kasia', 'dark');
  await check(teacher, 'on CouchDB, light');
  await teacher.page.screenshot({ path: join(out, 'page-on-couchdb.png'), fullPage: true });
  console.log(`saved ${join(out, 'page-on-couchdb.png')}`);
  await check(pupil, 'on CouchDB, dark');

  // 1. Lucía adds an entry; Kasia's window shows it without a reload.
  const glossary = teacher.page.locator('twin-glossary');
  await glossary.getByRole('button', { name: 'Add an entry' }).click();
  await glossary.getByRole('group', { name: 'English' }).getByLabel('Term').fill('rock pool');
  await glossary.getByRole('group', { name: 'English' }).getByLabel('Definition').fill('Sea water left among the rocks at low tide.');
  await glossary.getByRole('button', { name: 'Save' }).click();
  await glossary.locator('twin-glossary-entry').getByText('rock pool').first().waitFor();
  await teacher.page.keyboard.press('Escape');
  await pupil.page.locator('twin-glossary li[data-row]', { hasText: 'rock pool' }).waitFor();
  await pupil.page.locator('demo-space-panel').getByText(/rock pool/).waitFor();
  await sideBySide('two-windows.png', [
    { png: await spaceShot(teacher), caption: 'Window 1: Lucía (teacher) adds “rock pool”' },
    { png: await spaceShot(pupil), caption: 'Window 2: Kasia (pupil) sees it, no reload' },
  ]);

  // 2. Kasia goes offline and edits her entry: it waits on her device.
  await pupil.context.setOffline(true);
  await editDefinition(pupil, 'lighthouse', 'A tall tower by the sea whose light guides ships at night (Kasia, offline).');
  await pupil.page.waitForFunction(() => document.querySelector('twin-space')?.syncStatus?.state === 'offline');
  await pupil.page.locator('twin-space').getByRole('status').getByText(/Offline/).waitFor();
  await pupil.page.locator('#space').screenshot({ path: join(out, 'offline-waiting.png') });
  console.log(`saved ${join(out, 'offline-waiting.png')}`);
  await check(pupil, 'offline, 1 waiting');

  // 3. Lucía changes the same definition online; Kasia comes back and meets the conflict.
  await editDefinition(teacher, 'lighthouse', 'A tower with a bright light that guides ships at night (corrected by Lucía).');
  await pupil.context.setOffline(false);
  await pupil.page.locator('twin-glossary twin-sync-conflicts').getByRole('button', { name: 'Review' }).waitFor({ timeout: 40_000 });
  await pupil.page.locator('#space').screenshot({ path: join(out, 'conflict.png') });
  console.log(`saved ${join(out, 'conflict.png')}`);
  await check(pupil, 'conflict shown');
} finally {
  await browser.close();
  server.kill();
}
process.exit(problems ? 1 : 0);
