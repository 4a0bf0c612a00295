/**
 * Turns a seed into a run plan: writes by tabs on a small pool of shared records (so they collide)
 * and faults between them, each fault healed a few steps later. The plan is the same for a seed;
 * which record a write hits is decided when it runs, from the records created so far.
 */
import { createRandom } from './prng.js';

/** The proxy's modes, and `lose-push-answers`: pushes land unanswered while reads pass. */
export type ProxyFault = 'lose-answers' | 'lose-push-answers' | 'status:500' | 'down';

export type Step =
  | { kind: 'create'; tab: string }
  /** `pick` in [0, 1) chooses among the pool; `paths` are the fields written (`translations.fr.term`). */
  | { kind: 'edit'; tab: string; pick: number; paths: string[]; stale: boolean }
  | { kind: 'delete'; tab: string; pick: number }
  | { kind: 'proxy'; mode: ProxyFault | 'pass' }
  /** Drops every request in flight (long polls, streamed feeds, pushes). */
  | { kind: 'cut' }
  | { kind: 'offline'; device: string; offline: boolean }
  | { kind: 'kill' }
  | { kind: 'restart' }
  /** Lets sync run for a while (part of the chaos, never a wait for a result). */
  | { kind: 'pause'; ms: number };

export interface PlanOptions {
  seed: number;
  ops: number;
  tabs: { name: string; device: string }[];
}

const LANGUAGES = ['en', 'fr', 'de'];
const FIELDS = ['term', 'definition', 'example'];
/** The field most edits fight over. */
const CONTESTED = 'translations.en.definition';

export function planRun({ seed, ops, tabs }: PlanOptions): Step[] {
  const random = createRandom(seed);
  const devices = [...new Set(tabs.map((tab) => tab.device))];
  const steps: Step[] = [];
  let proxy: ProxyFault | 'pass' = 'pass';
  let serverDown = false;
  const offline = new Set<string>();
  const path = () => `translations.${random.pick(LANGUAGES)}.${random.pick(FIELDS)}`;

  while (steps.length < ops) {
    // Heal what is broken after a few steps, so writes also travel in good times.
    if (proxy !== 'pass' && random.chance(0.2)) steps.push({ kind: 'proxy', mode: (proxy = 'pass') });
    if (serverDown && random.chance(0.25)) {
      serverDown = false;
      steps.push({ kind: 'restart' });
    }
    for (const device of [...offline]) {
      if (random.chance(0.2)) {
        offline.delete(device);
        steps.push({ kind: 'offline', device, offline: false });
      }
    }
    const kind = random.weighted({ create: 14, edit: 42, delete: 6, fault: 12, pause: 8 });
    const tab = random.pick(tabs).name;
    if (kind === 'create') steps.push({ kind: 'create', tab });
    if (kind === 'edit') {
      const shape = random.weighted({ contested: 4, language: 4, two: 2 });
      const paths = shape === 'contested' ? [CONTESTED] : shape === 'language' ? [path()] : [...new Set([path(), path()])];
      steps.push({ kind: 'edit', tab, pick: random.next(), paths, stale: random.chance(0.2) });
    }
    if (kind === 'delete') steps.push({ kind: 'delete', tab, pick: random.next() });
    if (kind === 'pause') steps.push({ kind: 'pause', ms: 50 + random.int(400) });
    if (kind === 'fault') {
      const fault = random.weighted({ proxy: 5, cut: 2, offline: 3, kill: 2 });
      if (fault === 'proxy' && proxy === 'pass') steps.push({ kind: 'proxy', mode: (proxy = random.pick(['lose-answers', 'lose-push-answers', 'status:500', 'down'] as const)) });
      if (fault === 'cut') steps.push({ kind: 'cut' });
      if (fault === 'kill' && !serverDown) {
        serverDown = true;
        steps.push({ kind: 'kill' });
      }
      if (fault === 'offline') {
        const device = random.pick(devices);
        if (!offline.has(device)) {
          offline.add(device);
          steps.push({ kind: 'offline', device, offline: true });
        }
      }
    }
  }
  return steps.slice(0, ops);
}
