/**
 * One chaos run: two devices (two teachers of partner schools; the first device with two tabs)
 * write to a small pool of shared glossary entries while the network, the proxy and the server
 * fail; then everything heals, every tab syncs until nothing is pending, and the checker looks
 * for lost, duplicated or diverging records.
 */
import type { BrowserContext } from 'playwright-core';
import type { RawRecord } from '../../../adapter.js';
import { checkRun, fingerprint } from './chaos-check.js';
import type { EventEntry, Finding, Observed, WriteEntry, Written } from './chaos-log.js';
import { formatReport } from './chaos-report.js';
import { openTab, startHarness, type Harness, type Tab } from './chaos-harness.js';
import { planRun, type Step } from './op-plan.js';
import type { CouchLayout } from '../../couchdb/setup/couchdb-setup.js';

const TABS = [
  { name: 'A1', device: 'A' },
  { name: 'A2', device: 'A' },
  { name: 'B1', device: 'B' },
];
const USERS = {
  A: { id: 'teacher-lisbon', name: 'Ms Sousa', role: 'teacher' as const, school: 'Escola do Porto, Lisbon', password: 'lisbon-pw' },
  B: { id: 'teacher-tartu', name: 'Mr Tamm', role: 'teacher' as const, school: 'Tartu Kool', password: 'tartu-pw' },
};
const DELAYS = { minDelay: 50, maxDelay: 400, pollWait: 1000 };
/** Records edits and deletes choose from: few, so that writes collide. */
const POOL = 5;
const CALL_TIMEOUT = 15_000;
const SETTLE_TIMEOUT = 30_000;

export interface ChaosResult {
  seed: number;
  ops: number;
  ms: number;
  acknowledged: number;
  /** Writes acknowledged by kind, refused by the store, and skipped (the tab did not have the record). */
  summary: string;
  log: WriteEntry[];
  events: EventEntry[];
  observed: Observed;
  findings: Finding[];
  report: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A page call that cannot hang the run: after `CALL_TIMEOUT` it counts as not acknowledged. */
async function guarded<T>(work: Promise<T>): Promise<T | { ok: false; error: string }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<{ ok: false; error: string }>((resolve) => (timer = setTimeout(() => resolve({ ok: false, error: 'no answer from the page' }), CALL_TIMEOUT)));
  try {
    return await Promise.race([work, expired]);
  } catch (error) {
    return { ok: false, error: String((error as Error).message ?? error) };
  } finally {
    clearTimeout(timer);
  }
}

export interface ChaosOptions {
  seed: number;
  ops: number;
  /** How the server keeps the space; default one database per audience, as the setup's. */
  layout?: CouchLayout;
  /** `reference`: Twinkit's reference server, over the replication protocol (the layout does not apply). */
  server?: 'couchdb' | 'reference';
  progress?: (line: string) => void;
}

const members = () => Object.values(USERS).map(({ id, name, role, school, password }) => ({ id, name, role, school, password }));

export async function runChaos({ seed, ops, layout = 'audiences', server = 'couchdb', progress = () => {} }: ChaosOptions): Promise<ChaosResult> {
  const started = Date.now();
  const harness = await startHarness(server === 'reference' ? { kind: 'reference', space: spaceOf(seed), members: members() } : { kind: 'couchdb' });
  try {
    return await runOn(harness, { seed, ops, layout, server, progress }, started);
  } finally {
    await harness.stop();
  }
}

const spaceOf = (seed: number) => `chaos-${seed}`;

async function runOn(harness: Harness, { seed, ops, layout, progress }: Required<ChaosOptions>, started: number): Promise<ChaosResult> {
  const space = spaceOf(seed);
  const tag = seed.toString(36);
  await harness.setupSpace(space, members(), layout);
  const contexts: Record<string, BrowserContext> = { A: await harness.browser.newContext(), B: await harness.browser.newContext() };
  const tabs: Tab[] = [];
  for (const { name, device } of TABS) {
    const { password, ...user } = USERS[device as keyof typeof USERS];
    tabs.push(await openTab(harness, contexts[device], name, device, { space, user, password, databaseName: `chaos-${device}`, delays: DELAYS, server: { kind: harness.kind, path: harness.server.path } }));
  }
  const tabNamed = (name: string) => tabs.find((tab) => tab.name === name)!;

  const log: WriteEntry[] = [];
  const events: EventEntry[] = [];
  const at = () => Date.now() - started;
  const event = (index: number, text: string) => events.push({ index, event: text, at: at() });
  const created: string[] = [];
  const deleted = new Set<string>();
  const choose = (pick: number) => {
    const live = created.filter((id) => !deleted.has(id)).slice(-POOL);
    return live.length ? live[Math.floor(pick * live.length)] : undefined;
  };
  let serverDown = false;

  const plan = planRun({ seed, ops, tabs: TABS });
  for (const [index, step] of plan.entries()) {
    await runStep(step, index);
    if (index % 25 === 24) progress(`  step ${index + 1}/${plan.length}`);
  }

  async function runStep(step: Step, index: number) {
    switch (step.kind) {
      case 'create': {
        const tab = tabNamed(step.tab);
        const wrote: Written[] = [
          { path: 'tags', token: `${tag}-${index}-e` },
          { path: 'translations.en.term', token: `${tag}-${index}-t` },
        ];
        const outcome = await guarded(tab.call('create', { translations: { en: { term: wrote[1].token } }, tags: [wrote[0].token] }));
        const id = outcome.ok ? outcome.record!.id : '';
        if (outcome.ok) created.push(id);
        log.push({ index, tab: tab.name, device: tab.device, kind: 'create', id, ok: outcome.ok, ...(outcome.ok ? {} : { error: outcome.error }), wrote, entry: wrote[0].token, at: at() });
        return;
      }
      case 'edit':
      case 'delete': {
        const tab = tabNamed(step.tab);
        const id = choose(step.pick);
        if (!id) return event(index, `${step.kind} skipped: no record yet`);
        const set = step.kind === 'edit' ? Object.fromEntries(step.paths.map((path, n) => [path, `${tag}-${index}-${n}`])) : {};
        const outcome = await guarded(step.kind === 'edit' ? tab.call('edit', id, set, step.stale) : tab.call('remove', id));
        if (!outcome) return event(index, `${step.tab} ${step.kind} of ${id} skipped: the tab does not have it`);
        if (step.kind === 'delete' && outcome.ok) deleted.add(id);
        const base = 'base' in outcome ? (outcome.base as RawRecord | undefined) : undefined;
        const wrote = Object.entries(set).map(([path, token]) => ({ path, token }));
        log.push({ index, tab: tab.name, device: tab.device, kind: step.kind, id, ok: outcome.ok, ...(outcome.ok ? {} : { error: outcome.error }), base, wrote, at: at() });
        return;
      }
      case 'proxy':
        harness.faults.losePushAnswers = step.mode === 'lose-push-answers';
        harness.proxy.setMode(step.mode === 'lose-push-answers' ? 'pass' : step.mode);
        return event(index, `proxy ${step.mode}`);
      case 'cut':
        harness.proxy.cutAll();
        return event(index, 'feeds and requests in flight cut');
      case 'offline':
        await contexts[step.device].setOffline(step.offline);
        return event(index, `device ${step.device} ${step.offline ? 'offline' : 'online'}`);
      case 'kill':
        serverDown = true;
        await harness.server.kill();
        return event(index, 'server killed (SIGKILL)');
      case 'restart':
        serverDown = false;
        await harness.server.restart();
        return event(index, 'server restarted');
      case 'pause':
        await sleep(step.ms);
        return event(index, `pause ${step.ms} ms`);
    }
  }

  // Heal everything, then sync every tab until no device has anything pending and all agree with the server.
  harness.proxy.setMode('pass');
  harness.faults.losePushAnswers = false;
  if (serverDown) await harness.server.restart();
  for (const context of Object.values(contexts)) await context.setOffline(false);
  event(plan.length, 'faults off');
  progress(`  ${plan.length} steps done at ${at()} ms; settling`);
  const unsettled: Finding[] = [];
  const observe = async (): Promise<Observed> => ({
    server: await harness.serverRecords(space),
    devices: await Promise.all(
      Object.keys(contexts).map(async (device) => {
        const tab = tabs.find((each) => each.device === device)!;
        return { name: device, local: await tab.call('local'), conflicts: await tab.call('conflicts') };
      }),
    ),
    tabs: await Promise.all(tabs.map(async (tab) => ({ name: tab.name, device: tab.device, list: await tab.call('list') }))),
  });
  const agree = (observed: Observed) => {
    const server = JSON.stringify(observed.server.map(fingerprint).sort());
    return [...observed.devices.map((device) => device.local), ...observed.tabs.map((tab) => tab.list)].every((records) => JSON.stringify(records.map(fingerprint).sort()) === server);
  };
  const deadline = Date.now() + SETTLE_TIMEOUT;
  let observed: Observed;
  for (;;) {
    const answers = await Promise.all(tabs.map((tab) => guarded(tab.call('syncNow', 10_000))));
    const pending = await Promise.all(tabs.map(async (tab) => (await tab.call('status')).pending));
    observed = await observe();
    if (pending.every((count) => count === 0) && agree(observed)) break;
    if (Date.now() > deadline) {
      unsettled.push({ kind: 'diverged', id: '-', message: `not settled after ${SETTLE_TIMEOUT / 1000} s: pending ${tabs.map((tab, n) => `${tab.name}=${pending[n]}`).join(' ')}; syncNow ${answers.map((answer) => JSON.stringify(answer)).join(' ')}` });
      break;
    }
  }
  event(plan.length, `settled at ${at()} ms`);
  const findings = [...unsettled, ...checkRun(log, observed)];
  const acknowledged = log.filter((entry) => entry.ok);
  const count = (kind: string) => acknowledged.filter((entry) => entry.kind === kind).length;
  const summary =
    `${acknowledged.length} writes acknowledged (${count('create')} creates, ${count('edit')} edits, ${count('delete')} deletes), ` +
    `${log.length - acknowledged.length} refused by the store, ${events.filter((each) => each.event.includes('skipped')).length} skipped, ` +
    `${observed.devices.reduce((sum, device) => sum + device.conflicts.length, 0)} versions kept`;
  const result = { seed, ops, ms: Date.now() - started, acknowledged: acknowledged.length, summary, log, events, observed, findings };
  return { ...result, report: formatReport(result) };
}
