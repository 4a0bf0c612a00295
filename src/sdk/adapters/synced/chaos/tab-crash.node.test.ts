// A tab that dies while it holds the sync lock loses nothing: the device's other tab takes over
// and sends every waiting write, each exactly once, whether the tab crashed before sending or was
// closed after the server took a push whose answer never came back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { openTab, startHarness, until, type Harness, type Tab } from './chaos-harness.js';

const teacher = { id: 'teacher-lisbon', name: 'Ms Sousa', role: 'teacher' as const };
const password = 'lisbon-pw';
const WRITES = 30;
const delays = { minDelay: 50, maxDelay: 400, pollWait: 1000 };

describe('a tab that dies holding the sync lock', { concurrency: 1 }, () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness();
  });
  after(() => harness?.stop());

  /** Two tabs of one device on a fresh space; the first holds the lock once it has synced. */
  async function device(space: string): Promise<{ context: BrowserContext; holder: Tab; other: Tab }> {
    await harness.setupSpace(space, [{ ...teacher, password }]);
    const context = await harness.browser.newContext();
    const options = { space, user: teacher, password, databaseName: 'lock-device', delays, server: { kind: harness.kind, path: harness.server.path } };
    const holder = await openTab(harness, context, 'holder', 'A', options);
    assert.equal(await holder.call('syncNow', 10_000), 'ok');
    const other = await openTab(harness, context, 'other', 'A', options);
    // The lock is the holder's: the other tab waits for it.
    const locks = await holder.page.evaluate(() => navigator.locks.query());
    assert.equal(locks.held?.length, 1, 'one tab holds the sync lock');
    assert.equal(locks.pending?.length, 1, 'the other tab waits for it');
    return { context, holder, other };
  }

  async function writeWaiting(tab: Tab, label: string): Promise<string[]> {
    const terms: string[] = [];
    for (let i = 0; i < WRITES; i++) {
      const term = `${label}-${i}`;
      const outcome = await tab.call('create', { translations: { en: { term } }, tags: [term] });
      assert.equal(outcome.ok, true, `write ${term} acknowledged`);
      terms.push(term);
    }
    await until(async () => ((await tab.call('status')).pending === WRITES ? true : undefined), `${WRITES} writes waiting`);
    return terms;
  }

  /** The other tab sends the rest; the server ends with each write's record exactly once. */
  async function takesOver(space: string, other: Tab, terms: string[]) {
    await until(async () => ((await other.call('syncNow', 5_000)) === 'ok' && (await other.call('status')).pending === 0 ? true : undefined), 'the other tab emptying the outbox', 30_000);
    const server = await harness.serverRecords(space);
    for (const term of terms) {
      const copies = server.filter((record) => (record.tags as string[] | undefined)?.[0] === term);
      assert.equal(copies.length, 1, `${term} is on the server exactly once (found ${copies.length})`);
    }
    assert.equal(server.length, terms.length, 'nothing else on the server');
    const rewritten = server.filter((record) => !record.rev.startsWith('1-'));
    assert.deepEqual(rewritten.map((record) => `${record.tags} ${record.rev}`), [], 'each record written once, not sent again on top of itself');
    assert.deepEqual(await other.call('conflicts'), [], 'a re-sent write is no conflict with itself');
    assert.deepEqual((await other.call('local')).map((record) => record.id).sort(), server.map((record) => record.id).sort(), 'the device shows the server\'s records');
  }

  it('crashes (renderer gone) with writes waiting while the server is down', { timeout: 90_000 }, async () => {
    const space = 'lock-crash';
    const { context, holder, other } = await device(space);
    harness.proxy.setMode('down');
    const terms = await writeWaiting(holder, 'crash');
    const cdp = await context.newCDPSession(holder.page);
    const crashed = new Promise((resolve) => holder.page.once('crash', resolve));
    void cdp.send('Page.crash').catch(() => {}); // never answers: the renderer is gone
    await Promise.race([crashed, new Promise((_, reject) => setTimeout(() => reject(new Error('the tab did not crash within 10 s')), 10_000))]);
    harness.proxy.setMode('pass');
    await takesOver(space, other, terms);
    await context.close();
  });

  it('is closed after its push landed but the answers were lost', { timeout: 90_000 }, async () => {
    const space = 'lock-lost-answers';
    const { context, holder, other } = await device(space);
    harness.proxy.setMode('down');
    const terms = await writeWaiting(other, 'lost');
    harness.faults.losePushAnswers = true;
    harness.proxy.setMode('pass'); // the holder's push lands, it never hears back...
    // An engine may stop sending after the first unanswered batch: some landed is enough to be mid-push.
    const landed = await until(async () => ((await harness.serverRecords(space)).length || undefined), 'the push landing on the server', 30_000);
    await holder.page.close({ runBeforeUnload: false }); // ...and its tab goes before it could clear the outbox
    console.log(`${landed} of ${WRITES} writes had landed when the syncing tab closed`);
    harness.faults.losePushAnswers = false;
    await takesOver(space, other, terms);
    await context.close();
  });
});
