// Renders the demo as each demo user, in English and Spanish, light and dark, desktop and 320 px,
// saves screenshots to screenshots/ and runs axe-core on each. Usage: node scripts/look-at-demo.mjs
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
mkdirSync('screenshots', { recursive: true });
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
let problems = 0;

const page = await browser.newPage();
page.on('console', (message) => message.type() === 'error' && console.log('  console error:', message.text()));
page.on('pageerror', (error) => console.log('  page error:', error.message));
await page.goto(url);
await page.waitForSelector('demo-space-panel');
// Sample content as the teacher, then every view.
await page.locator('demo-space-panel').getByRole('button', { name: /sample/i }).click();
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
  await page.screenshot({ path: join('screenshots', name), fullPage: true });
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
  console.log(`${name}: ${violations.length} axe violations${overflow ? ', horizontal overflow!' : ''}`);
  violations.forEach((v) => console.log('  ', v));
  problems += violations.length + (overflow ? 1 : 0);
}
await browser.close();
server.kill();
process.exit(problems ? 1 : 0);
