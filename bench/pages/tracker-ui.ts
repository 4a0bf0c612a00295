/**
 * The phase tracker UI benchmark page (`npm run bench`, tracker rows): `<twin-phase-tracker>`
 * inside `<twin-space adapter="indexeddb">`, signed in as a teacher, on real IndexedDB holding a
 * project of 8 phases, 300 activities, 12 goals, 200 pupils' self-ratings before and after
 * (4,800 records), the project settings and 300 glossary entries (bench/pages/tracker-data.ts).
 *
 * bench/run.mjs calls `seed()` once in a page of its own, then `run()` in a fresh page for every
 * view and repetition, so the element always loads its records from IndexedDB itself. Every
 * figure is measured here with performance.now(); node only computes medians.
 */
import { deleteDB, openDB } from 'idb';
import '../../src/components/twin-space/twin-space.js';
import '../../src/components/twin-phase-tracker/twin-phase-tracker.js';
import type { TwinPhaseTracker } from '../../src/components/twin-phase-tracker/twin-phase-tracker.component.js';
import { createIndexedDBAdapter } from '../../src/sdk/adapters/indexeddb/index.js';
import { ratingId } from '../../src/sdk/schemas/goal-rating.js';
import { PROJECT_RECORD_ID } from '../../src/sdk/schemas/project.js';
import { createStore, type TwinStore } from '../../src/sdk/store/create-store.js';
import type { CreateAllItem } from '../../src/sdk/store/store-types.js';
import { makePupilRatings, makeTrackerGlossary, makeTrackerPlan, makeTrackerPupils, TRACKER_TODAY } from './tracker-data.js';
import { afterNextPaint, domSize, fail, frame, gc, shadow, sleep, storePrototype } from './ui-harness.js';

/** The same space, user and database as the markup below (the adapter's default database). */
export const SPACE = 'bench-tracker';
const DATABASE = 'twinkit';
const TEACHER = { id: 't', name: 'Teacher', role: 'teacher' as const, school: 'IES Mar Menor' };
/** Every collection the tracker lists (one StoreController each): "data loaded" is when all eight lists resolved. */
export const TRACKER_COLLECTIONS = ['phase', 'activity', 'goal', 'goal-rating', 'project', 'glossary', 'board', 'journal'] as const;
export const TRACKER_VIEWS = ['timeline', 'checklist', 'goals'] as const;
export type View = (typeof TRACKER_VIEWS)[number];
/** Order of the view buttons in the toolbar (the component's VIEWS). */
const VIEW_BUTTON: Record<View, number> = { timeline: 0, checklist: 1, goals: 2 };

const markup = (view: View) =>
  `<twin-space space="${SPACE}" adapter="indexeddb" user-id="t" user-name="Teacher" user-role="teacher">` +
  `<twin-phase-tracker today="${TRACKER_TODAY}"${view === 'timeline' ? '' : ` view="${view}"`}></twin-phase-tracker></twin-space>`;

export interface TrackerConfig {
  /** Seed of the generated data. */
  seed: number;
  pupils: number;
  glossary: number;
  /** The view the element opens with (`timeline` is the default: no attribute). */
  view: View;
  /** Timeline pages: timeline -> goals -> timeline switches, each direction timed. */
  switches: number;
  /** Checklist pages: status changes (half of them there, half back again). */
  statusChanges: number;
  /** Wraps load, first render, switches and status changes in console.profile() (see the glossary page). */
  profile?: boolean;
}

export interface UpdateTiming {
  /** performance.now() when the update started, and its duration (willUpdate, render, commit). */
  at: number;
  ms: number;
}

export interface TrackerRun {
  view: View;
  /** The first store.list of the eight collections called -> the last one resolved. */
  loadMs: number;
  /** Per collection: list called -> resolved, and the records it held. */
  lists: Record<string, { ms: number; records: number; endedAt: number }>;
  /** The collection whose list resolved last ("data loaded"). */
  lastList: string;
  /** Data loaded -> `updateComplete` of the update that drew the complete view. */
  firstUpdateMs: number;
  /** Data loaded -> first frame painted with the complete view. */
  firstRenderMs: number;
  /** Markup inserted -> the complete view painted. */
  mountToPaintMs: number;
  /** Updates the element ran before the data was all loaded (it draws what it has), and their time. */
  updatesBeforeData: number;
  updatesBeforeDataMs: number;
  /** The element's own update time (willUpdate + render + commit) of the updates after data loaded, up to the paint. */
  updateAfterDataMs: number;
  /** Elements (nested shadow roots included) and all nodes (text and Lit's comment markers too) in the element's shadow root. */
  dom: { elements: number; nodes: number };
  /** Timeline pages: click on "Learning goals" -> updateComplete with the goals drawn, and back. */
  switches?: { toGoalsMs: number; toGoalsLayoutMs: number; backMs: number }[];
  /** Checklist pages: `change` on an activity's status select -> the phase's "N of M done" shows the new count. */
  statusChanges?: { activity: string; from: string; to: string; ms: number }[];
}




const number = (text: string) => Number(text.replace(/[^\d]/g, ''));

/** Writes the project through the stores, as the people would: the plan and the glossary by a teacher, each pupil's ratings by that pupil. Not timed by the runner. */
async function seed(config: TrackerConfig) {
  await deleteDB(DATABASE);
  const adapter = createIndexedDBAdapter();
  const teacher = createStore({ adapter, space: SPACE, user: TEACHER });
  const plan = makeTrackerPlan(config.seed);
  const items: CreateAllItem[] = [
    ...plan.phases.map(({ id, ...fields }) => ({ collection: 'phase', id, fields: { ...fields } })),
    ...plan.goals.map(({ id, ...fields }) => ({ collection: 'goal', id, fields: { ...fields } })),
    ...plan.activities.map(({ phase, fields }) => ({ collection: 'activity', phase, fields: { ...fields } })),
    { collection: 'project', id: PROJECT_RECORD_ID, fields: { ...plan.project } },
  ];
  let clock = performance.now();
  await teacher.createAll(items); // one all-or-nothing batch, as the template does
  const planMs = performance.now() - clock;

  clock = performance.now();
  const glossary = makeTrackerGlossary(config.glossary, config.seed);
  const made = await teacher.createMany('glossary', glossary);
  const refused = made.find((result) => !result.ok);
  if (refused && !refused.ok) fail(`seed: glossary: ${refused.error.message}`);
  const glossaryMs = performance.now() - clock;
  await teacher.close();

  // Each pupil rates themself through their own store (self-ratings are personal: author and staff only).
  clock = performance.now();
  const pupils = makeTrackerPupils(config.pupils);
  const AT_ONCE = 4;
  for (let at = 0; at < pupils.length; at += AT_ONCE) {
    await Promise.all(
      pupils.slice(at, at + AT_ONCE).map(async (pupil, i) => {
        const store = createStore({ adapter, space: SPACE, user: pupil });
        const ratings = makePupilRatings(at + i, config.seed);
        await store.createAll(ratings.map((rating) => ({ collection: 'goal-rating', id: ratingId(rating.goal, rating.moment, pupil.id), fields: rating })));
        await store.close();
      }),
    );
  }
  const ratingsMs = performance.now() - clock;
  await adapter.close();

  // What is stored, read back raw.
  const db = await openDB(DATABASE);
  const counts: Record<string, number> = {};
  const storedBytes: Record<string, number> = {};
  const encoder = new TextEncoder();
  let lateActivities = 0;
  const progress: Record<string, number> = {};
  const authors = new Set<string>();
  for (const collection of TRACKER_COLLECTIONS) {
    const records = await db.getAllFromIndex('records', 'by-updated', IDBKeyRange.bound([SPACE, collection], [SPACE, collection, []]));
    counts[collection] = records.length;
    storedBytes[collection] = records.reduce((sum, record) => sum + encoder.encode(JSON.stringify(record)).length, 0);
    for (const record of records) {
      if (collection === 'activity') {
        progress[record.progress] = (progress[record.progress] ?? 0) + 1;
        if (record.progress !== 'done' && record.dueOn < TRACKER_TODAY) lateActivities++;
      }
      if (collection === 'goal-rating') {
        authors.add(record.author.id);
        if (record.id !== ratingId(record.goal, record.moment, record.author.id)) fail(`seed: rating ${record.id} is not its author's`);
      }
    }
  }
  db.close();
  const expected = { phase: 8, activity: plan.activities.length, goal: plan.goals.length, 'goal-rating': config.pupils * plan.goals.length * 2, project: 1, glossary: config.glossary };
  for (const [collection, count] of Object.entries(expected)) if (counts[collection] !== count) fail(`seed: ${counts[collection]} ${collection} records stored, expected ${count}`);
  if (authors.size !== config.pupils) fail(`seed: ratings by ${authors.size} pupils, expected ${config.pupils}`);
  return {
    counts,
    records: Object.values(counts).reduce((a, b) => a + b, 0),
    storedBytes,
    storedMB: Object.values(storedBytes).reduce((a, b) => a + b, 0) / 1e6,
    activityProgress: progress,
    lateActivities,
    ratingAuthors: authors.size,
    seedMs: { plan: planMs, glossary: glossaryMs, ratings: ratingsMs },
  };
}




interface Expected {
  phases: number;
  activities: number;
  goals: number;
  pupils: number;
  glossary: number;
}

/** Is the view drawn whole, with every record counted? Undefined when it is, else what is missing. */
function missing(el: TwinPhaseTracker, view: View, expected: Expected): string | undefined {
  const root = shadow(el);
  if (view === 'timeline') {
    const phases = root.querySelectorAll('.timeline > li').length;
    if (phases !== expected.phases) return `${phases} of ${expected.phases} phases drawn`;
    let total = 0;
    for (const line of root.querySelectorAll('.timeline .progress-line span')) total += number(/of ([\d,.\s]+)/.exec(line.textContent ?? '')?.[1] ?? '0');
    if (total !== expected.activities) return `progress lines count ${total} of ${expected.activities} activities`;
    let words = 0;
    for (const button of root.querySelectorAll('.timeline .contributions button')) words += number(/Glossary: ([\d,.\s]+)/.exec(button.textContent ?? '')?.[1] ?? '0');
    if (words !== expected.glossary) return `contributions count ${words} of ${expected.glossary} glossary entries`;
    return undefined;
  }
  if (view === 'checklist') {
    const activities = root.querySelectorAll('.checklist li.activity').length;
    if (activities !== expected.activities) return `${activities} of ${expected.activities} activities drawn`;
    if (root.querySelectorAll('.checklist li.activity select').length !== expected.activities) return 'not every activity has its status select';
    return undefined;
  }
  const rows = root.querySelectorAll('.chart .chart-row').length;
  if (rows !== expected.goals) return `${rows} of ${expected.goals} chart rows drawn`;
  const cells = [...root.querySelectorAll('.results table tbody tr')].map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? ''));
  if (cells.length !== expected.goals) return `${cells.length} of ${expected.goals} table rows drawn`;
  const counted = cells.every((row) => row[0]?.includes(`(${expected.pupils})`) && row[1]?.includes(`(${expected.pupils})`) && row[2]?.includes(`(${expected.pupils})`));
  if (!counted) return `the table does not count ${expected.pupils} pupils before, after and paired on every goal: ${JSON.stringify(cells[0])}`;
  if (root.querySelectorAll('.goals > li.goal').length !== expected.goals) return 'the goal list is not drawn';
  return undefined;
}

/** Lets observers and the updates they request run. */
async function settle(el: TwinPhaseTracker) {
  for (let i = 0; i < 4; i++) {
    await frame();
    await el.updateComplete;
  }
  await sleep(30);
  await el.updateComplete;
}

/** Resolves with performance.now() as soon as `read()` returns `expected` (a MutationObserver on the shadow root: no polling delay). */
function whenText(root: ShadowRoot, read: () => string | undefined, expected: string, timeoutMs = 10_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (read() !== expected) return;
      const at = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      resolve(at);
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: false });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`"${expected}" not shown after ${timeoutMs} ms (shows "${read()}")`));
    }, timeoutMs);
  });
}

async function run(config: TrackerConfig): Promise<TrackerRun> {
  const { view } = config;
  const host = document.querySelector('#host') ?? fail('no #host');
  host.replaceChildren();
  gc();
  await sleep(0);
  gc();
  const plan = makeTrackerPlan(config.seed);
  const expected: Expected = { phases: plan.phases.length, activities: plan.activities.length, goals: plan.goals.length, pupils: config.pupils, glossary: config.glossary };

  // Time the element's own lists: the store's prototype is shared with the <twin-space>'s store.
  // The first `.then` on a list's promise runs before the controller's `await` continues.
  const proto = storePrototype(TEACHER);
  const originalList = proto.list;
  const lists: TrackerRun['lists'] = {};
  const started: Record<string, number> = {};
  let firstListAt = NaN;
  let dataLoadedAt = NaN;
  let lastList = '';
  let loaded!: () => void;
  const allLoaded = new Promise<void>((resolve) => (loaded = resolve));
  proto.list = function (this: TwinStore, collection: string, query?: Parameters<TwinStore['list']>[1]) {
    const start = performance.now();
    const result = originalList.call(this, collection, query);
    if (this.space === SPACE && (TRACKER_COLLECTIONS as readonly string[]).includes(collection) && !(collection in started)) {
      started[collection] = start;
      if (Number.isNaN(firstListAt)) {
        firstListAt = start;
        if (config.profile) console.profile(`load (${view})`);
      }
      result.then(
        ({ records }) => {
          const end = performance.now();
          lists[collection] = { ms: end - start, records: records.length, endedAt: end };
          if (Object.keys(lists).length === TRACKER_COLLECTIONS.length) {
            if (config.profile) console.profileEnd(`load (${view})`);
            dataLoadedAt = end;
            lastList = collection;
            performance.mark('tracker:data-loaded');
            if (config.profile) console.profile(`first render (${view})`);
            loaded();
          }
        },
        () => {},
      );
    }
    return result;
  } as TwinStore['list'];

  // Count and time the element's updates (willUpdate, render, commit), without touching src/.
  const TrackerClass = customElements.get('twin-phase-tracker') ?? fail('<twin-phase-tracker> is not defined');
  const trackerProto = TrackerClass.prototype as { performUpdate(): void };
  const hadOwn = Object.prototype.hasOwnProperty.call(trackerProto, 'performUpdate');
  const originalPerform = trackerProto.performUpdate;
  const updates: UpdateTiming[] = [];
  trackerProto.performUpdate = function (this: unknown) {
    const at = performance.now();
    try {
      return originalPerform.call(this);
    } finally {
      updates.push({ at, ms: performance.now() - at });
    }
  };

  let el: TwinPhaseTracker;
  let updatedAt: number;
  let paintedAt: number;
  const mountStart = performance.now();
  try {
    host.innerHTML = markup(view);
    el = host.querySelector('twin-phase-tracker') ?? fail('no <twin-phase-tracker>');
    const timeout = sleep(60_000).then(() => fail(`the lists did not all resolve in 60 s: ${TRACKER_COLLECTIONS.filter((c) => !(c in lists)).join(', ')} missing`));
    await Promise.race([allLoaded, timeout]);
    // The controller of the last list has stored its records and asked for an update by now.
    const deadline = performance.now() + 30_000;
    for (;;) {
      if (el.isUpdatePending) await el.updateComplete;
      else await frame();
      if (!missing(el, view, expected)) break;
      if (performance.now() > deadline) fail(`the ${view} view is not complete 30 s after the data loaded: ${missing(el, view, expected)}`);
    }
    updatedAt = performance.now();
    performance.mark('tracker:updated');
    paintedAt = await afterNextPaint();
    performance.mark('tracker:painted');
    if (config.profile) console.profileEnd(`first render (${view})`);
  } finally {
    proto.list = originalList;
    if (hadOwn) trackerProto.performUpdate = originalPerform;
    else delete (trackerProto as Partial<typeof trackerProto>).performUpdate;
  }
  for (const collection of TRACKER_COLLECTIONS) {
    const want = collection === 'goal-rating' ? config.pupils * expected.goals * 2 : collection === 'activity' ? expected.activities : collection === 'glossary' ? expected.glossary : undefined;
    if (want !== undefined && lists[collection].records !== want) fail(`the element's list of ${collection} held ${lists[collection].records} records, expected ${want}`);
  }
  const before = updates.filter((update) => update.at < dataLoadedAt);
  const after = updates.filter((update) => update.at >= dataLoadedAt && update.at < paintedAt);
  await settle(el);
  const dom = domSize(shadow(el));

  const result: TrackerRun = {
    view,
    loadMs: dataLoadedAt - firstListAt,
    lists,
    lastList,
    firstUpdateMs: updatedAt - dataLoadedAt,
    firstRenderMs: paintedAt - dataLoadedAt,
    mountToPaintMs: paintedAt - mountStart,
    updatesBeforeData: before.length,
    updatesBeforeDataMs: before.reduce((sum, update) => sum + update.ms, 0),
    updateAfterDataMs: after.reduce((sum, update) => sum + update.ms, 0),
    dom,
  };
  if (view === 'timeline' && config.switches) result.switches = await switchViews(el, config, expected);
  if (view === 'checklist' && config.statusChanges) result.statusChanges = await changeStatuses(el, config);
  return result;
}

/** Timeline -> goals (timed: click -> updateComplete with the goals drawn), then back (timed too), each from a painted screen. */
async function switchViews(el: TwinPhaseTracker, config: TrackerConfig, expected: Expected) {
  const root = shadow(el);
  const button = (view: View) => root.querySelectorAll<HTMLButtonElement>('.views button')[VIEW_BUTTON[view]] ?? fail(`no ${view} button`);
  const switches: NonNullable<TrackerRun['switches']> = [];
  if (config.profile) console.profile('view switches');
  for (let i = 0; i < config.switches; i++) {
    await afterNextPaint();
    performance.mark('tracker:switch');
    let start = performance.now();
    button('goals').click();
    await el.updateComplete;
    const toGoalsMs = performance.now() - start;
    void (root.querySelector('.view') as HTMLElement).offsetHeight; // style and layout of the new view
    const toGoalsLayoutMs = performance.now() - start;
    const problem = missing(el, 'goals', expected);
    if (problem) fail(`after switch ${i + 1} to the goals: ${problem}`);
    await afterNextPaint();
    start = performance.now();
    button('timeline').click();
    await el.updateComplete;
    const backMs = performance.now() - start;
    const back = missing(el, 'timeline', expected);
    if (back) fail(`after switch ${i + 1} back to the timeline: ${back}`);
    switches.push({ toGoalsMs, toGoalsLayoutMs, backMs });
  }
  if (config.profile) console.profileEnd('view switches');
  await settle(el);
  return switches;
}

/**
 * In the checklist (where an activity's status select is), one activity per phase that is not
 * done: its select set to "done" (timed: `change` dispatched -> the phase's "N of M done" shows
 * one more), then back to what it was (timed too: one fewer). The store writes each change to
 * IndexedDB; the data ends as it began.
 */
async function changeStatuses(el: TwinPhaseTracker, config: TrackerConfig) {
  const root = shadow(el);
  const sections = [...root.querySelectorAll<HTMLElement>('.checklist section.check-phase')];
  const targets: { section: HTMLElement; index: number; from: string; title: string }[] = [];
  for (let s = 0; targets.length < config.statusChanges / 2 && s < sections.length * 4; s++) {
    const section = sections[s % sections.length];
    const open = [...section.querySelectorAll('li.activity')].map((item, index) => ({ item, index })).filter(({ item }) => item.querySelector('select')!.value !== 'done');
    const pick = open[Math.floor(s / sections.length)];
    if (pick) targets.push({ section, index: pick.index, from: pick.item.querySelector('select')!.value, title: pick.item.querySelector('.activity-title span:not(.mark)')?.textContent ?? '' });
  }
  if (targets.length < config.statusChanges / 2) fail(`only ${targets.length} activities not done to change`);
  const changes: NonNullable<TrackerRun['statusChanges']> = [];
  const count = (section: HTMLElement) => section.querySelector('h3 .count')?.textContent?.trim() ?? '';
  const doneOf = (text: string) => /^([\d,.]+) of ([\d,.]+) done$/.exec(text) ?? fail(`unexpected count "${text}"`);
  if (config.profile) console.profile('status changes');
  for (const target of targets) {
    for (const to of ['done', target.from]) {
      await afterNextPaint();
      const item = target.section.querySelectorAll('li.activity')[target.index] ?? fail('the activity left the checklist');
      const select = item.querySelector('select') ?? fail('no status select');
      const [, done, total] = doneOf(count(target.section));
      const next = `${number(done) + (to === 'done' ? 1 : -1)} of ${total} done`;
      const from = select.value;
      performance.mark('tracker:status');
      const start = performance.now();
      const shown = whenText(root, () => count(target.section), next);
      select.value = to;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      const end = await shown;
      changes.push({ activity: target.title, from, to, ms: end - start });
      await settle(el); // the write's own end (busy flag) and the announcement
    }
  }
  if (config.profile) console.profileEnd('status changes');
  return changes;
}

const api = {
  info: () => ({
    userAgent: navigator.userAgent,
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    viewport: { width: innerWidth, height: innerHeight },
  }),
  seed,
  run,
};
(window as unknown as { trackerBench: typeof api }).trackerBench = api;
document.title = 'twinkit bench: tracker ready';
