// End to end: `npm run start:couch` and `npm run start:remote` serve the demo on a shared server
// (CouchDB's protocol, and Twinkit's replication protocol on the reference server), and two browsers
// signed in as two demo users see each other's changes live, keep working offline, and are told
// when a change made offline lost to someone else's. The same story on both: one engine.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from '../scripts/chromium.mjs';
import { freePort } from '../scripts/couch/start-couch-server.mjs';
import type { SyncConflict, SyncStatus } from '../src/sdk/adapters/synced/sync-status.js';
import { DEMO_COUCH_PATH, demoPassword } from './demo-couch.js';

const teacherSignIn = { authorization: `Basic ${Buffer.from(`teacher-lucia:${demoPassword('teacher-lucia')}`).toString('base64')}` };

const executablePath = findChromium();
const SPACE = 'coasts-we-share';
/** Whether a URL leaves the page at all (blob: and data: URLs are read from the page's memory). */
const isNetworkRequest = (address: string) => !/^(blob|data):/.test(address);

type StoredEntry = { id?: string; _id?: string; collection?: string; author: { id: string }; status: string; translations?: Record<string, { term: string; definition?: string }> };

/** The two ways the demo shares its space: how to start it, and how the teacher reads a glossary entry straight from the server. */
const SERVERS = [
  {
    name: 'CouchDB (npm run start:couch)',
    script: 'start:couch',
    adapter: 'couchdb',
    env: {},
    /** In the space's database, or (waiting for approval) in the staff's room, through the page's own /couch. */
    async read(url: string): Promise<StoredEntry[]> {
      const entries: StoredEntry[] = [];
      for (const database of [`twinkit-${SPACE}`, `twinkit-${SPACE}$room-staff`]) {
        const response = await fetch(`${url}${DEMO_COUCH_PATH.slice(1)}/${encodeURIComponent(database)}/_all_docs?include_docs=true`, { headers: teacherSignIn });
        const { rows } = (await response.json()) as { rows: { doc: StoredEntry }[] };
        entries.push(...rows.map((row) => ({ ...row.doc, id: row.doc._id?.replace(/^glossary:/, '') })));
      }
      return entries;
    },
  },
  {
    name: 'the reference server (npm run start:remote)',
    script: 'start:remote',
    adapter: 'remote',
    env: { TWINKIT_REMOTE_DATA: mkdtempSync(join(tmpdir(), 'twinkit-demo-e2e-')) },
    /** A pull from the beginning as the teacher, through the page's own /remote. */
    async read(url: string): Promise<StoredEntry[]> {
      const response = await fetch(`${url}remote/spaces/${SPACE}/pull`, { method: 'POST', headers: { ...teacherSignIn, 'content-type': 'application/json' }, body: JSON.stringify({ checkpoint: null, limit: 1000, wait: 0 }) });
      const { changes } = (await response.json()) as { changes: { record?: StoredEntry }[] };
      return changes.flatMap((change) => (change.record ? [change.record] : []));
    },
  },
] as const;

interface UserWindow {
  context: BrowserContext;
  page: Page;
}

for (const shared of SERVERS) describe(`the demo page on ${shared.name}: two users, live`, () => {
  let server: ChildProcess;
  let browser: Browser;
  let url: string;
  let teacher: UserWindow; // Lucía, on the school's Wi-Fi
  let pupil: UserWindow; // Kasia, on the ferry to Gdynia
  /** Requests that left the page's origin: none, the server is mounted on it. */
  const foreign: string[] = [];

  /** A browser window of its own (cookies, IndexedDB), signed in as `userId` from the first load. */
  async function open(userId: string): Promise<UserWindow> {
    const context = await browser.newContext();
    await context.addInitScript((id) => localStorage.setItem('twinkit-demo:user', id), userId);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.log(`  [${userId}] page error: ${error.message}`));
    // blob: and data: URLs are the page's own memory (a stored photo shown), not a request to a site.
    page.on('request', (request) => isNetworkRequest(request.url()) && !request.url().startsWith(url) && foreign.push(request.url()));
    await page.goto(url);
    return { context, page };
  }

  /** Waits until the space's sync status has this state and this many writes waiting, and returns it. */
  const statusWhen = async ({ page }: UserWindow, wanted: Pick<SyncStatus, 'state' | 'pending'>, timeout = 15_000): Promise<SyncStatus> => {
    const handle = await page.waitForFunction(
      ({ state, pending }) => {
        const status = (document.querySelector('twin-space') as unknown as { syncStatus?: SyncStatus }).syncStatus;
        return status?.state === state && status.pending === pending ? status : undefined;
      },
      wanted,
      { timeout },
    );
    return (await handle.jsonValue()) as SyncStatus;
  };

  /** Opens an entry from the list and saves a new English definition through the editor. */
  async function editDefinition({ page }: UserWindow, term: string, definition: string) {
    const glossary = page.locator('twin-glossary');
    await glossary.locator('li[data-row] button', { hasText: term }).first().click();
    await glossary.getByRole('button', { name: 'Edit', exact: true }).click();
    await glossary.getByRole('group', { name: 'English' }).getByLabel('Definition').fill(definition);
    await glossary.getByRole('button', { name: 'Save' }).click();
    await glossary.locator('twin-glossary-entry').getByText(definition).waitFor();
    await page.keyboard.press('Escape');
  }

  /** The glossary entry with this English term as the server has it, read as the teacher. */
  async function onServer(term: string): Promise<StoredEntry | undefined> {
    return (await shared.read(url)).find((doc) => doc.collection === 'glossary' && doc.translations?.en?.term === term);
  }

  /** Asks again every 100 ms until `probe` answers, for at most `timeout` ms. */
  async function until<T>(probe: () => Promise<T | undefined>, what: string, timeout = 15_000): Promise<T> {
    for (const deadline = Date.now() + timeout; ; ) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}.`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  before(async () => {
    assert.ok(executablePath, CHROMIUM_INSTALL_HINT);
    const port = await freePort();
    server = spawn('npm', ['run', shared.script, '--silent'], { env: { ...process.env, ...shared.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    let output = '';
    url = await new Promise<string>((resolve, reject) => {
      server.stdout!.on('data', (data) => {
        output += String(data);
        const match = output.match(/http:\/\/127\.0\.0\.1:\d+\//);
        if (match) resolve(match[0]);
      });
      server.on('exit', (code) => reject(new Error(`npm run ${shared.script} exited with ${code}:\n${output}`)));
    });
    assert.match(output, /demo password/i, 'the console says the passwords are demo ones');
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    [teacher, pupil] = await Promise.all([open('teacher-lucia'), open('pupil-kasia')]);
  });

  after(async () => {
    await browser?.close();
    // npm starts the server as its child: stop the whole process group, and let go of the pipe.
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
    server?.stdout?.destroy();
  });

  it('signs each window in to the server as its own user, with the sample content there once', async () => {
    for (const [user, name] of [[teacher, 'Lucía Martínez'], [pupil, 'Kasia Nowak']] as const) {
      await user.page.locator('demo-space-panel').getByText(name).first().waitFor();
      await statusWhen(user, { state: 'online', pending: 0 });
      // 12 published entries and Kasia's one waiting for approval: the teacher and its author see it.
      await user.page.locator('twin-glossary').getByText('13 entries').waitFor();
      const adapter = await user.page.evaluate(() => (document.querySelector('twin-space') as unknown as { store: { adapter: { name: string } } }).store.adapter.name);
      // The adapter is named after its server: CouchDB's, or the protocol server's address.
      assert.equal(adapter, shared.adapter === 'couchdb' ? 'couchdb' : new URL(url).host);
    }
    // Seeded from the server side, not by the pages: the panel offers no sample-content button.
    assert.equal(await teacher.page.locator('demo-space-panel').getByRole('button', { name: /sample/i }).count(), 0);
    assert.match(await teacher.page.locator('.site-footer').innerText(), /kept on the school’s server, with a copy in your browser/);
    assert.deepEqual(foreign, [], 'same origin only: no CORS, no third party');
  });

  it('shows an entry the teacher adds in the pupil\'s window, without a reload', async () => {
    const glossary = teacher.page.locator('twin-glossary');
    await glossary.getByRole('button', { name: 'Add an entry' }).click();
    await glossary.getByRole('group', { name: 'English' }).getByLabel('Term').fill('rock pool');
    await glossary.getByRole('group', { name: 'English' }).getByLabel('Definition').fill('Sea water left among the rocks at low tide.');
    await glossary.getByRole('button', { name: 'Save' }).click();
    await glossary.locator('twin-glossary-entry').getByText('rock pool').first().waitFor();
    await teacher.page.keyboard.press('Escape');
    const started = Date.now();
    await pupil.page.locator('twin-glossary li[data-row]', { hasText: 'rock pool' }).waitFor({ timeout: 15_000 });
    await pupil.page.locator('twin-glossary').getByText('14 entries').waitFor();
    await pupil.page.locator('demo-space-panel').getByText(/Lucía Martínez: rock pool.*another tab or person/).waitFor();
    console.log(`  the entry reached the other window in ${Date.now() - started} ms`);
  });

  it('keeps the pupil working offline, shows what waits, then surfaces the conflict with both versions', async () => {
    await pupil.page.evaluate(() => {
      const seen: SyncConflict[] = ((window as unknown as { conflicts: SyncConflict[] }).conflicts = []);
      document.querySelector('twin-space')!.addEventListener('twin-sync-conflict', (event) => seen.push(event.detail.conflict));
    });
    await teacher.page.evaluate(() => {
      const seen: SyncConflict[] = ((window as unknown as { conflicts: SyncConflict[] }).conflicts = []);
      document.querySelector('twin-space')!.addEventListener('twin-sync-conflict', (event) => seen.push(event.detail.conflict));
    });

    // The ferry leaves the harbour: Kasia loses the connection, and improves her own entry.
    await pupil.context.setOffline(true);
    await editDefinition(pupil, 'lighthouse', 'A tall tower by the sea whose light guides ships at night (Kasia, offline).');
    // Saved on her device, waiting to be sent; her window says so.
    await statusWhen(pupil, { state: 'offline', pending: 1 });
    await pupil.page.locator('twin-glossary twin-sync-indicator').getByText('Offline · 1 waiting').waitFor();
    await pupil.page.locator('twin-space').getByRole('status').getByText('Offline: 1 change is saved on this device').waitFor();
    // Meanwhile Lucía, online, corrects the same definition; hers reaches the server first.
    await editDefinition(teacher, 'lighthouse', 'A tower with a bright light that guides ships at night (corrected by Lucía).');
    await until(async () => ((await onServer('lighthouse'))?.translations?.en.definition?.includes('Lucía') ? true : undefined), 'Lucía\'s version on the server');

    // Back in range: Kasia's change reaches the server after Lucía's, so it loses, and she is told.
    await pupil.context.setOffline(false);
    const handle = await pupil.page.waitForFunction(() => (window as unknown as { conflicts: SyncConflict[] }).conflicts[0], undefined, { timeout: 40_000 });
    const conflict = (await handle.jsonValue()) as SyncConflict;
    const definition = (record: unknown) => (record as { translations: Record<string, { definition?: string }> }).translations.en.definition;
    assert.equal(conflict.kind, 'conflict');
    assert.equal(conflict.collection, 'glossary');
    assert.match(definition(conflict.mine)!, /Kasia, offline/, 'the losing version is in the event, not lost');
    assert.match(definition(conflict.theirs)!, /corrected by Lucía/);
    await pupil.page.locator('twin-space').getByRole('status').getByText('1 change needs your decision').waitFor();
    await statusWhen(pupil, { state: 'online', pending: 0 });

    // The server kept Lucía's version; Kasia's window now shows it; Lucía's window had no conflict.
    // Her status change merged in (it waits for approval again), so it is with the moderators now.
    const stored = await until(() => onServer('lighthouse'), 'the lighthouse on the server');
    assert.equal(stored?.id, conflict.id);
    assert.match(stored.translations!.en.definition!, /corrected by Lucía/);
    const glossary = pupil.page.locator('twin-glossary');
    await glossary.locator('li[data-row] button', { hasText: 'lighthouse' }).first().click();
    await glossary.locator('twin-glossary-entry').getByText(/corrected by Lucía/).waitFor();
    await pupil.page.keyboard.press('Escape');
    assert.deepEqual(await teacher.page.evaluate(() => (window as unknown as { conflicts: SyncConflict[] }).conflicts.length), 0);

    // The glossary lists what waits for her decision; she keeps her own version, and it reaches the server.
    const review = glossary.locator('twin-sync-conflicts');
    await review.getByText('1 change needs your decision').waitFor();
    await review.getByRole('button', { name: 'Review' }).click();
    const dialog = review.getByRole('dialog');
    await dialog.getByText(/Kasia, offline/).first().waitFor();
    await dialog.getByText(/corrected by Lucía/).first().waitFor();
    await dialog.getByRole('button', { name: 'Keep mine' }).click();
    const kept = await until(async () => {
      const entry = await onServer('lighthouse');
      return entry?.translations?.en.definition?.includes('Kasia, offline') ? entry : undefined;
    }, 'Kasia\'s chosen version on the server');
    // Her own published entry, changed by her: it waits for approval again (moderation "pupils").
    assert.equal(kept.status, 'pending');
    await review.getByText('1 change needs your decision').waitFor({ state: 'detached' });
    await statusWhen(pupil, { state: 'online', pending: 0 });
  });

  it('signs in to the server as whoever the visitor switches to', async () => {
    await teacher.page.selectOption('#demo-user', 'pupil-marco');
    await teacher.page.locator('demo-space-panel').getByText('Marco Rossi').first().waitFor();
    await statusWhen(teacher, { state: 'online', pending: 0 });
    // Marco sees what is published (Kasia's entries waiting for approval are not his to see: her
    // pending one, and the lighthouse she changed again).
    await teacher.page.locator('twin-glossary').getByText('12 entries').waitFor();
    const glossary = teacher.page.locator('twin-glossary');
    await glossary.getByRole('button', { name: 'Add an entry' }).click();
    await glossary.getByRole('group', { name: 'English' }).getByLabel('Term').fill('breakwater');
    await glossary.getByRole('button', { name: 'Save' }).click();
    await glossary.getByText('Waiting for approval').first().waitFor();
    await teacher.page.keyboard.press('Escape');
    // The server took it as Marco's (its rules refuse a record in someone else's name).
    const stored = await until(() => onServer('breakwater'), 'Marco\'s entry on the server');
    assert.deepEqual([stored.author.id, stored.status], ['pupil-marco', 'pending']);
    await statusWhen(teacher, { state: 'online', pending: 0 });
    assert.deepEqual(await teacher.page.evaluate(() => (window as unknown as { conflicts: SyncConflict[] }).conflicts.length), 0);
    assert.deepEqual(foreign, []);
  });
});
