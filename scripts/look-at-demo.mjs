// Renders the demo as each demo user, in English and Spanish, light and dark, desktop and 320 px,
// saves screenshots (the page, and the board alone) and runs axe-core on each; then the teacher
// exports the board's exhibition, shown from the file in an offline window.
// Usage: node scripts/look-at-demo.mjs [output folder, default screenshots]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from './chromium.mjs';

const server = spawn(process.execPath, ['scripts/serve-demo.mjs'], { env: { ...process.env, PORT: '8199' } });
const url = await new Promise((resolve, reject) => {
  server.stdout.on('data', (data) => {
    const match = String(data).match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (match) resolve(match[0]);
  });
  server.on('exit', (code) => reject(new Error(`demo server exited with ${code}`)));
});

const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'twinkit-look-')), {
  executablePath: findChromium() ?? (console.error(CHROMIUM_INSTALL_HINT), process.exit(1)),
  args: CHROMIUM_ARGS,
});
const out = process.argv[2] ?? 'screenshots';
mkdirSync(out, { recursive: true });
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
let problems = 0;

const page = await browser.newPage();
page.on('console', (message) => message.type() === 'error' && console.log('  console error:', message.text()));
page.on('pageerror', (error) => console.log('  page error:', error.message));
await page.goto(url);
await page.waitForSelector('demo-space-panel');
// Sample content as the teacher, then every view.
await page.locator('demo-space-panel').getByRole('button', { name: /sample/i }).click();
// The board's photos are drawn and prepared in the page: a few seconds.
await page.locator('demo-space-panel').getByText(/Sample content added/).first().waitFor({ timeout: 60_000 });
await page.waitForTimeout(300);

const views = [
  { user: 'teacher-lucia', lang: 'en', theme: 'light', width: 1200 },
  { user: 'pupil-kasia', lang: 'en', theme: 'light', width: 1200 },
  { user: 'pupil-marco', lang: 'es', theme: 'dark', width: 1200 },
  { user: 'observer-city', lang: 'en', theme: 'light', width: 1200 },
  { user: 'pupil-kasia', lang: 'es', theme: 'light', width: 320 },
];
for (const view of views) {
  await page.setViewportSize({ width: view.width, height: 900 });
  await page.selectOption('#demo-lang', view.lang);
  await page.selectOption('#demo-theme', view.theme);
  await page.selectOption('#demo-user', view.user);
  await page.waitForTimeout(300);
  const name = `demo-${view.user}-${view.lang}-${view.theme}-${view.width}.png`;
  await page.screenshot({ path: join(out, name), fullPage: true });
  // The board alone, its cards' thumbnails loaded (they load lazily, as they scroll into view).
  const board = page.locator('twin-board');
  for (const picture of await board.locator('figure.picture img').all()) {
    await picture.scrollIntoViewIfNeeded();
    await picture.evaluate((img) => img.complete || new Promise((resolve) => (img.onload = img.onerror = resolve)));
  }
  await board.screenshot({ path: join(out, name.replace(/^demo-/, 'board-')) });
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
  console.log(`${name}: ${violations.length} axe violations${overflow ? ', horizontal overflow!' : ''}`);
  violations.forEach((v) => console.log('  ', v));
  problems += violations.length + (overflow ? 1 : 0);
}
// The exhibition the teacher exports, opened from the file with no network.
await page.setViewportSize({ width: 1200, height: 900 });
await page.selectOption('#demo-lang', 'en');
await page.selectOption('#demo-user', 'teacher-lucia');
await page.waitForTimeout(300);
await page.locator('twin-board summary', { hasText: 'Export' }).click();
const [download] = await Promise.all([page.waitForEvent('download'), page.locator('twin-board').getByRole('button', { name: 'Exhibition (HTML file)' }).click()]);
const file = join(mkdtempSync(join(tmpdir(), 'twinkit-look-exhibition-')), download.suggestedFilename());
await download.saveAs(file);
const viewer = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const offline = await viewer.newContext({ viewport: { width: 1200, height: 900 } });
await offline.setOffline(true);
const exhibition = await offline.newPage();
await exhibition.goto(pathToFileURL(file).href);
await exhibition.screenshot({ path: join(out, 'exhibition-en-1200.png'), fullPage: true });
const missing = await exhibition.evaluate(() => [...document.images].filter((img) => !img.naturalWidth).length);
console.log(`exhibition-en-1200.png (from ${file}): ${missing} pictures not shown`);
problems += missing;
await viewer.close();

await browser.close();
server.kill();
process.exit(problems ? 1 : 0);
