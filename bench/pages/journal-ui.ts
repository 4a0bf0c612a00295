/**
 * The reflection journal UI benchmark page (`npm run bench`, journal rows): `<twin-journal>`
 * inside `<twin-space adapter="indexeddb">`, signed in as a teacher, with the class roster in its
 * `pupils` attribute, on real IndexedDB holding 200 pupils' 6,000 entries, 6,000 pieces of peer
 * feedback, 5 prompt sets, 4 phases and the project settings (bench/pages/journal-data.ts).
 *
 * bench/run.mjs calls `seed()` once in a page of its own, then `run()` in a fresh page for every
 * repetition, so the element always loads its records from IndexedDB itself. Every figure is
 * measured here with performance.now(); node only computes medians.
 */
import { deleteDB, openDB } from 'idb';
import '../../src/components/twin-space/twin-space.js';
import '../../src/components/twin-journal/twin-journal.js';
import type { TwinJournal } from '../../src/components/twin-journal/twin-journal.component.js';
import { JOURNAL_IMAGE_LIMITS } from '../../src/components/twin-journal/journal-limits.js';
import { createIndexedDBAdapter } from '../../src/sdk/adapters/indexeddb/index.js';
import { PROJECT_RECORD_ID } from '../../src/sdk/schemas/project.js';
import { createStore, type TwinStore } from '../../src/sdk/store/create-store.js';
import type { CreateAllItem } from '../../src/sdk/store/store-types.js';
import {
  expectedOverview,
  JOURNAL_PHASES,
  JOURNAL_PROJECT,
  JOURNAL_PROMPT_SETS,
  JOURNAL_TODAY,
  makeJournalEntries,
  makeJournalFeedback,
  makeJournalPupils,
  makePhoto,
  rosterOf,
  type JournalBenchPupil,
} from './journal-data.js';
import { afterNextPaint, domSize, fail, frame, gc, shadow, sleep, storePrototype } from './ui-harness.js';

/** The same space, user and database as the markup below (the adapter's default database). */
export const SPACE = 'bench-journal';
const DATABASE = 'twinkit';
const TEACHER = { id: 't', name: 'Teacher', role: 'teacher' as const, school: 'IES Mar Menor' };
/** Every collection the journal lists (one StoreController each): "data loaded" is when all seven lists resolved. */
export const JOURNAL_COLLECTIONS = ['journal', 'journal-feedback', 'journal-prompt', 'journal-note', 'journal-settings', 'phase', 'project'] as const;

export interface JournalConfig {
  /** Seed of the generated data. */
  seed: number;
  pupils: number;
  entriesPerPupil: number;
  feedbackPerPupil: number;
  /** Pupils whose journal is opened per run (different pupils, spread over the roster). */
  pupilOpens: number;
  /** Entry dialogs opened per run (in the first of those pupils' journals). */
  entryOpens: number;
  /** Which repetition this is: the opened pupils shift with it. */
  rep: number;
  /** Wraps load, first render, each pupil opening and each entry opening in console.profile(). */
  profile?: boolean;
}

export interface UpdateTiming {
  at: number;
  ms: number;
}

export interface PupilOpen {
  pupil: string;
  entries: number;
  /** Click on the pupil's name -> `updateComplete` with their journal drawn (checked). */
  updateMs: number;
  /** The same, plus the style and layout it causes (forced by reading a size). */
  layoutMs: number;
  /** Click -> the first frame painted with their journal. */
  ms: number;
  /** Elements in the shadow root with the pupil's journal shown. */
  elements: number;
  /** Click on "Back to the overview" -> the overview painted again. */
  backMs: number;
}

export interface EntryOpen {
  pupil: string;
  /** Click on the entry's card -> `updateComplete` of the journal and of its `<twin-journal-entry>`, the entry drawn (checked). */
  updateMs: number;
  /** Click -> the first frame painted with the dialog and the entry. */
  ms: number;
  bodyChars: number;
  feedback: number;
  answers: number;
  withPhoto: boolean;
}

export interface JournalRun {
  /** The first store.list of the seven collections called -> the last one resolved. */
  loadMs: number;
  lists: Record<string, { ms: number; records: number; endedAt: number }>;
  lastList: string;
  /** Data loaded -> `updateComplete` of the update that drew the complete overview. */
  firstUpdateMs: number;
  /** Data loaded -> first frame painted with the complete overview. */
  firstRenderMs: number;
  /** Markup inserted -> the complete overview painted. */
  mountToPaintMs: number;
  /** The lists the overview is made of (`journal` and `journal-feedback`) both resolved -> the first frame painted with the complete overview (which may come before "data loaded"). */
  contentToPaintMs: number;
  /** The first update that drew the complete overview ended this long after "data loaded" (negative: before it). */
  overviewDrawnAfterDataMs: number;
  /** The element's updates from entries + feedback loaded to the one that drew the overview (included), and their time. */
  updatesToOverview: number;
  updatesToOverviewMs: number;
  /** Updates after the overview was drawn and before "data loaded" (a smaller list arriving re-renders the whole view), and their time. */
  rerendersBeforeData: number;
  rerendersBeforeDataMs: number;
  updatesBeforeData: number;
  updatesBeforeDataMs: number;
  updateAfterDataMs: number;
  /** Elements (nested shadow roots included) and all nodes in the element's shadow root, overview shown. */
  dom: { elements: number; nodes: number };
  overview: { rows: number; cellsWritten: number; written: number; feedback: number; nudges: number };
  pupilOpens: PupilOpen[];
  entryOpens: EntryOpen[];
}




const number = (text: string) => Number(text.replace(/[^\d]/g, ''));
const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const userOf = ({ habit: _habit, ...user }: JournalBenchPupil) => user;

function generate(config: JournalConfig) {
  const pupils = makeJournalPupils(config.pupils, config.seed);
  const entries = makeJournalEntries(pupils, config.entriesPerPupil, config.seed);
  const feedback = makeJournalFeedback(pupils, entries, config.feedbackPerPupil, config.seed);
  return { pupils, entries, feedback, expected: expectedOverview(pupils, entries, feedback) };
}

const markup = (pupils: readonly JournalBenchPupil[]) =>
  `<twin-space space="${SPACE}" adapter="indexeddb" user-id="t" user-name="Teacher" user-role="teacher">` +
  `<twin-journal today="${JOURNAL_TODAY}" pupils="${escapeAttribute(JSON.stringify(rosterOf(pupils)))}"></twin-journal></twin-space>`;

/** Runs `work` for every pupil, a few at a time (each with their own store). */
async function perPupil(pupils: readonly JournalBenchPupil[], work: (pupil: JournalBenchPupil, index: number) => Promise<void>) {
  const AT_ONCE = 4;
  for (let at = 0; at < pupils.length; at += AT_ONCE) await Promise.all(pupils.slice(at, at + AT_ONCE).map((pupil, i) => work(pupil, at + i)));
}

/**
 * Writes the journal through the stores, as the people would: the phases, the project settings and
 * the prompt sets by a teacher; each pupil's photo and entries by that pupil, then (once every
 * entry exists) each pupil's feedback by that pupil. Not timed by the runner.
 */
async function seed(config: JournalConfig) {
  await deleteDB(DATABASE);
  const adapter = createIndexedDBAdapter();
  const teacher = createStore({ adapter, space: SPACE, user: TEACHER });
  const items: CreateAllItem[] = [
    ...JOURNAL_PHASES.map(({ id, ...fields }) => ({ collection: 'phase', id, fields: { ...fields } })),
    { collection: 'project', id: PROJECT_RECORD_ID, fields: { ...JOURNAL_PROJECT } },
    ...JOURNAL_PROMPT_SETS.map((set) => ({ collection: 'journal-prompt', fields: structuredClone(set) as Record<string, unknown> })),
  ];
  let clock = performance.now();
  const plan = await teacher.createAll(items);
  const promptSetIds = plan.filter((record) => record.collection === 'journal-prompt').map((record) => record.id);
  const teacherMs = performance.now() - clock;
  await teacher.close();

  const { pupils, entries, feedback, expected } = generate(config);
  // Pass 1: each pupil's photo (if an entry of theirs has one) and entries, in one createAll.
  clock = performance.now();
  const entryIds: string[] = new Array(entries.length);
  const byPupil = pupils.map(() => [] as number[]);
  entries.forEach((entry, index) => byPupil[entry.pupil].push(index));
  let photos = 0;
  await perPupil(pupils, async (pupil, p) => {
    const store = createStore({ adapter, space: SPACE, user: userOf(pupil) });
    const mine = byPupil[p].map((index) => entries[index]);
    let photo: string | undefined;
    if (mine.some((entry) => entry.withPhoto)) {
      photo = (await store.putAttachment(await makePhoto(p), JOURNAL_IMAGE_LIMITS)).id;
      photos++;
    }
    const saved = await store.createAll(
      mine.map((entry) => {
        const fields: Record<string, unknown> = { ...entry.fields };
        if (entry.promptSetIndex !== undefined) fields.promptSet = promptSetIds[entry.promptSetIndex];
        if (entry.withPhoto) fields.media = [{ attachment: photo, kind: 'image', alt: `The coast near ${pupil.school}, photographed by ${pupil.name}` }];
        return entry.phase ? { collection: 'journal', phase: entry.phase, fields } : { collection: 'journal', fields };
      }),
    );
    saved.forEach((record, i) => (entryIds[byPupil[p][i]] = record.id));
    await store.close();
  });
  const entriesMs = performance.now() - clock;

  // Pass 2: each pupil's feedback on others' entries, in one createAll (the store checks each target is readable to them).
  clock = performance.now();
  const feedbackBy = pupils.map(() => [] as number[]);
  feedback.forEach((item, index) => feedbackBy[item.pupil].push(index));
  await perPupil(pupils, async (pupil, p) => {
    const store = createStore({ adapter, space: SPACE, user: userOf(pupil) });
    await store.createAll(feedbackBy[p].map((index) => ({ collection: 'journal-feedback', fields: { target: entryIds[feedback[index].target], ...feedback[index].fields } })));
    await store.close();
  });
  const feedbackMs = performance.now() - clock;
  await adapter.close();

  // What is stored, read back raw.
  const db = await openDB(DATABASE);
  const counts: Record<string, number> = {};
  const storedBytes: Record<string, number> = {};
  const encoder = new TextEncoder();
  const visibility: Record<string, number> = {};
  const bodyChars: number[] = [];
  const authors = new Set<string>();
  let withAnswers = 0;
  let withMedia = 0;
  const entryAuthor = new Map<string, string>();
  const entryVisibility = new Map<string, string>();
  const rawFeedback: { author: string; target: string; status: string }[] = [];
  for (const collection of JOURNAL_COLLECTIONS) {
    const records = await db.getAllFromIndex('records', 'by-updated', IDBKeyRange.bound([SPACE, collection], [SPACE, collection, []]));
    counts[collection] = records.length;
    storedBytes[collection] = records.reduce((sum, record) => sum + encoder.encode(JSON.stringify(record)).length, 0);
    for (const record of records) {
      if (collection === 'journal') {
        visibility[record.visibility] = (visibility[record.visibility] ?? 0) + 1;
        bodyChars.push(record.body.length);
        authors.add(record.author.id);
        entryAuthor.set(record.id, record.author.id);
        entryVisibility.set(record.id, record.visibility);
        if (record.answers) withAnswers++;
        if (record.media) withMedia++;
        if (record.status !== 'published') fail(`seed: entry ${record.id} is ${record.status}`);
      }
      if (collection === 'journal-feedback') rawFeedback.push({ author: record.author.id, target: record.target, status: record.status });
    }
  }
  const attachments = await db.count('attachments');
  db.close();
  for (const item of rawFeedback) {
    const author = entryAuthor.get(item.target) ?? fail(`seed: feedback on a missing entry ${item.target}`);
    if (author === item.author) fail('seed: a pupil gave feedback on their own entry');
    if (entryVisibility.get(item.target) === 'private') fail('seed: feedback on a private entry');
    if (item.status !== 'published') fail(`seed: feedback is ${item.status}`);
  }
  const want = { journal: entries.length, 'journal-feedback': feedback.length, 'journal-prompt': JOURNAL_PROMPT_SETS.length, 'journal-note': 0, 'journal-settings': 0, phase: JOURNAL_PHASES.length, project: 1 };
  for (const [collection, count] of Object.entries(want)) if (counts[collection] !== count) fail(`seed: ${counts[collection]} ${collection} records stored, expected ${count}`);
  if (authors.size !== config.pupils) fail(`seed: entries by ${authors.size} pupils, expected ${config.pupils}`);
  const dates = entries.map((entry) => entry.fields.date).sort();
  return {
    counts,
    records: Object.values(counts).reduce((a, b) => a + b, 0),
    storedBytes,
    storedMB: Object.values(storedBytes).reduce((a, b) => a + b, 0) / 1e6,
    attachments,
    photos,
    visibility,
    bodyChars: { min: Math.min(...bodyChars), max: Math.max(...bodyChars), avg: Math.round(bodyChars.reduce((a, b) => a + b, 0) / bodyChars.length) },
    withAnswers,
    withMedia,
    firstDate: dates[0],
    lastDate: dates.at(-1),
    habits: pupils.reduce<Record<string, number>>((sum, pupil) => ((sum[pupil.habit] = (sum[pupil.habit] ?? 0) + 1), sum), {}),
    overview: { weeks: expected.weeks, written: expected.writtenInWeeks, feedback: expected.feedbackInWeeks, nudges: expected.nudges, cellsWritten: expected.cellsWritten },
    seedMs: { teacher: teacherMs, entries: entriesMs, feedback: feedbackMs },
  };
}




/** Is the overview drawn whole? A cheap check (rows and the summary line), run between frames. Undefined when it is. */
function overviewMissing(el: TwinJournal, pupils: number, nudges: number): string | undefined {
  const root = shadow(el);
  const rows = root.querySelectorAll('table.overview tbody tr').length;
  if (rows !== pupils) return `${rows} of ${pupils} pupils' rows drawn`;
  const summary = root.querySelector('.overview-head p')?.textContent ?? '';
  if (!summary.includes(`${pupils} pupils, ${nudges} without`)) return `the summary says "${summary}"`;
  return undefined;
}

/** Every cell of the overview, counted: entries written, feedback received, pupils needing a nudge. */
function countOverview(el: TwinJournal) {
  const root = shadow(el);
  let written = 0;
  let feedback = 0;
  let cellsWritten = 0;
  for (const cell of root.querySelectorAll('table.overview td.wrote')) {
    cellsWritten++;
    const text = cell.textContent ?? '';
    written += number(/([\d,.]+) written/.exec(text)?.[1] ?? '0');
    feedback += number(/([\d,.]+) feedback/.exec(text)?.[1] ?? '0');
  }
  return {
    rows: root.querySelectorAll('table.overview tbody tr').length,
    cellsWritten,
    written,
    feedback,
    nudges: root.querySelectorAll('table.overview tbody tr.nudge').length,
  };
}

/** Lets observers and the updates they request run. */
async function settle(el: TwinJournal) {
  for (let i = 0; i < 4; i++) {
    await frame();
    await el.updateComplete;
  }
  await sleep(30);
  await el.updateComplete;
}

/** Waits (updates, then frames) until `missing()` returns undefined; fails after 30 s. */
async function until(el: TwinJournal, missing: () => string | undefined, what: string, children: () => (Element & { updateComplete?: Promise<unknown>; isUpdatePending?: boolean }) | null = () => null) {
  const deadline = performance.now() + 30_000;
  for (;;) {
    const child = children();
    if (el.isUpdatePending) await el.updateComplete;
    else if (child?.isUpdatePending) await child.updateComplete;
    if (!missing()) return;
    if (!el.isUpdatePending && !child?.isUpdatePending) await frame();
    if (!missing()) return;
    if (performance.now() > deadline) fail(`${what} is not complete after 30 s: ${missing()}`);
  }
}

async function run(config: JournalConfig): Promise<JournalRun> {
  const host = document.querySelector('#host') ?? fail('no #host');
  host.replaceChildren();
  gc();
  await sleep(0);
  gc();
  const { pupils, entries, feedback, expected } = generate(config);

  // Time the element's own lists: the store's prototype is shared with the <twin-space>'s store.
  // The first `.then` on a list's promise runs before the controller's `await` continues.
  const proto = storePrototype(TEACHER);
  const originalList = proto.list;
  const lists: JournalRun['lists'] = {};
  const started: Record<string, number> = {};
  let firstListAt = NaN;
  let dataLoadedAt = NaN;
  let lastList = '';
  let contentLoadedAt = NaN;
  let loaded!: () => void;
  const allLoaded = new Promise<void>((resolve) => (loaded = resolve));
  proto.list = function (this: TwinStore, collection: string, query?: Parameters<TwinStore['list']>[1]) {
    const start = performance.now();
    const result = originalList.call(this, collection, query);
    if (this.space === SPACE && (JOURNAL_COLLECTIONS as readonly string[]).includes(collection) && !(collection in started)) {
      started[collection] = start;
      if (Number.isNaN(firstListAt)) {
        firstListAt = start;
        if (config.profile) console.profile('load');
      }
      result.then(
        ({ records }) => {
          const end = performance.now();
          lists[collection] = { ms: end - start, records: records.length, endedAt: end };
          if ('journal' in lists && 'journal-feedback' in lists && Number.isNaN(contentLoadedAt)) {
            contentLoadedAt = end;
            if (config.profile) console.profile('overview');
          }
          if (Object.keys(lists).length === JOURNAL_COLLECTIONS.length) {
            if (config.profile) console.profileEnd('load');
            dataLoadedAt = end;
            lastList = collection;
            performance.mark('journal:data-loaded');
            if (config.profile) console.profile('first render');
            loaded();
          }
        },
        () => {},
      );
    }
    return result;
  } as TwinStore['list'];

  // Count and time the element's updates (willUpdate, render, commit), without touching src/.
  const JournalClass = customElements.get('twin-journal') ?? fail('<twin-journal> is not defined');
  const journalProto = JournalClass.prototype as { performUpdate(): void };
  const hadOwn = Object.prototype.hasOwnProperty.call(journalProto, 'performUpdate');
  const originalPerform = journalProto.performUpdate;
  const updates: UpdateTiming[] = [];
  // The first update that leaves the complete overview in the DOM, and the frame that paints it.
  let overviewDrawnAt = NaN;
  let overviewPainted: Promise<number> | undefined;
  journalProto.performUpdate = function (this: unknown) {
    const at = performance.now();
    try {
      return originalPerform.call(this);
    } finally {
      const end = performance.now();
      updates.push({ at, ms: end - at });
      if (!overviewPainted && this instanceof HTMLElement && this.shadowRoot && !overviewMissing(this as TwinJournal, pupils.length, expected.nudges)) {
        overviewDrawnAt = end;
        overviewPainted = afterNextPaint().then((at) => {
          if (config.profile) console.profileEnd('overview');
          return at;
        });
      }
    }
  };

  let el: TwinJournal;
  let updatedAt: number;
  let paintedAt: number;
  const mountStart = performance.now();
  try {
    host.innerHTML = markup(pupils);
    el = host.querySelector('twin-journal') ?? fail('no <twin-journal>');
    const timeout = sleep(60_000).then(() => fail(`the lists did not all resolve in 60 s: ${JOURNAL_COLLECTIONS.filter((c) => !(c in lists)).join(', ')} missing`));
    await Promise.race([allLoaded, timeout]);
    // The controller of the last list has stored its records and asked for an update by now.
    await until(el, () => overviewMissing(el, pupils.length, expected.nudges), 'the overview');
    updatedAt = performance.now();
    performance.mark('journal:updated');
    paintedAt = await afterNextPaint();
    performance.mark('journal:painted');
    if (config.profile) console.profileEnd('first render');
  } finally {
    proto.list = originalList;
    if (hadOwn) journalProto.performUpdate = originalPerform;
    else delete (journalProto as Partial<typeof journalProto>).performUpdate;
  }
  const want: Record<string, number> = { journal: entries.length, 'journal-feedback': feedback.length, 'journal-prompt': 5, phase: 4, project: 1 };
  for (const [collection, count] of Object.entries(want)) {
    if (lists[collection].records !== count) fail(`the element's list of ${collection} held ${lists[collection].records} records, expected ${count}`);
  }
  const overviewPaintedAt = await (overviewPainted ?? fail('no update drew the overview'));
  const before = updates.filter((update) => update.at < dataLoadedAt);
  const toOverview = updates.filter((update) => update.at >= contentLoadedAt && update.at + update.ms <= overviewDrawnAt);
  const rerenders = updates.filter((update) => update.at > overviewDrawnAt && update.at < dataLoadedAt);
  const after = updates.filter((update) => update.at >= dataLoadedAt && update.at < paintedAt);
  await settle(el);
  const dom = domSize(shadow(el));
  // The whole table, counted against the data (after the timing: the cheap check above decided "complete").
  const overview = countOverview(el);
  const counted = { rows: pupils.length, cellsWritten: expected.cellsWritten, written: expected.writtenInWeeks, feedback: expected.feedbackInWeeks, nudges: expected.nudges };
  for (const [key, value] of Object.entries(counted)) {
    if (overview[key as keyof typeof overview] !== value) fail(`the overview shows ${key} ${overview[key as keyof typeof overview]}, the data has ${value}`);
  }

  const { pupilOpens, entryOpens } = await openJournals(el, config, pupils, entries, expected.feedbackOn, expected.nudges);
  return {
    loadMs: dataLoadedAt - firstListAt,
    lists,
    lastList,
    firstUpdateMs: updatedAt - dataLoadedAt,
    firstRenderMs: paintedAt - dataLoadedAt,
    mountToPaintMs: paintedAt - mountStart,
    contentToPaintMs: overviewPaintedAt - contentLoadedAt,
    updatesToOverview: toOverview.length,
    updatesToOverviewMs: toOverview.reduce((sum, update) => sum + update.ms, 0),
    rerendersBeforeData: rerenders.length,
    rerendersBeforeDataMs: rerenders.reduce((sum, update) => sum + update.ms, 0),
    overviewDrawnAfterDataMs: overviewDrawnAt - dataLoadedAt,
    updatesBeforeData: before.length,
    updatesBeforeDataMs: before.reduce((sum, update) => sum + update.ms, 0),
    updateAfterDataMs: after.reduce((sum, update) => sum + update.ms, 0),
    dom,
    overview,
    pupilOpens,
    entryOpens,
  };
}

/**
 * From the painted overview: a click on a pupil's name, timed until their journal is drawn (their
 * heading and one card per entry of theirs) and painted; in the first `entryOpens` of them, a click
 * on one entry's card, timed until the dialog shows the entry (title, body, the feedback thread with
 * its count) and is painted, then the dialog closed; then "Back to the overview" (timed too).
 */
async function openJournals(el: TwinJournal, config: JournalConfig, pupils: ReturnType<typeof makeJournalPupils>, entries: ReturnType<typeof makeJournalEntries>, feedbackOn: number[], nudges: number) {
  const root = shadow(el);
  const pupilOpens: PupilOpen[] = [];
  const entryOpens: EntryOpen[] = [];
  const entriesOf = (p: number) => entries.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.pupil === p);
  for (let i = 0; i < config.pupilOpens; i++) {
    // Different pupils in each run, spread over the roster.
    const p = (Math.floor(((i + 0.5) * pupils.length) / config.pupilOpens) + config.rep * 3) % pupils.length;
    const pupil = pupils[p];
    const own = entriesOf(p);
    await afterNextPaint();
    const button = [...root.querySelectorAll<HTMLButtonElement>('table.overview tbody th button.link')].find((b) => b.textContent === pupil.name) ?? fail(`no button for ${pupil.name}`);
    const title = `Journal of ${pupil.name}`;
    const missing = () => {
      const heading = root.querySelector('.view h3')?.textContent;
      if (heading !== title) return `the heading is "${heading}"`;
      const cards = root.querySelectorAll('.view .entry-card').length;
      return cards === own.length ? undefined : `${cards} of ${own.length} entries drawn`;
    };
    if (config.profile) console.profile(`open pupil ${i + 1}`);
    performance.mark('journal:open-pupil');
    const start = performance.now();
    button.click();
    await until(el, missing, `${pupil.name}'s journal`);
    const updateMs = performance.now() - start;
    void (root.querySelector('.view') as HTMLElement).offsetHeight; // style and layout of the new view
    const layoutMs = performance.now() - start;
    const ms = (await afterNextPaint()) - start;
    if (config.profile) console.profileEnd(`open pupil ${i + 1}`);
    const elements = domSize(root).elements;

    if (i < config.entryOpens) entryOpens.push(await openEntry(el, config, i, pupil.name, own, feedbackOn));

    await afterNextPaint();
    const back = [...root.querySelectorAll<HTMLButtonElement>('.view .actions button')].find((b) => b.textContent === 'Back to the overview') ?? fail('no way back to the overview');
    const backStart = performance.now();
    back.click();
    await until(el, () => overviewMissing(el, pupils.length, nudges), 'the overview again');
    const backMs = (await afterNextPaint()) - backStart;
    pupilOpens.push({ pupil: pupil.id, entries: own.length, updateMs, layoutMs, ms, elements, backMs });
    await settle(el);
  }
  return { pupilOpens, entryOpens };
}

/** One entry of the pupil's journal opened in the dialog (a different card each time), then closed. */
async function openEntry(el: TwinJournal, config: JournalConfig, i: number, name: string, own: { entry: ReturnType<typeof makeJournalEntries>[number]; index: number }[], feedbackOn: number[]): Promise<EntryOpen> {
  const root = shadow(el);
  await settle(el);
  const cards = [...root.querySelectorAll<HTMLButtonElement>('.view .entry-card')];
  const titleOf = (button: Element) => button.querySelector('.entry-title')?.textContent ?? '';
  // The first entry opened is one with a photo when the pupil has one whose title is theirs alone (so its card is known); the others by position.
  const photoTitles = own.filter(({ entry }) => entry.withPhoto).map(({ entry }) => entry.fields.title);
  const uniqueTitle = (title: string) => own.filter(({ entry }) => entry.fields.title === title).length === 1;
  const photoCard = i === 0 ? cards.find((button) => photoTitles.includes(titleOf(button)) && uniqueTitle(titleOf(button))) : undefined;
  const card = photoCard ?? cards[(i * 7 + config.rep) % cards.length];
  const cardTitle = titleOf(card);
  const view = () => root.querySelector('dialog twin-journal-entry') as (HTMLElement & { entry?: { id: string; title: string; body?: string; answers?: object; media?: unknown[] }; feedback: unknown[]; updateComplete: Promise<unknown>; isUpdatePending: boolean }) | null;
  const missing = () => {
    if (!root.querySelector('dialog')?.open) return 'the dialog is not open';
    const entryView = view();
    const inner = entryView?.shadowRoot;
    if (!entryView?.entry || !inner) return 'no entry view';
    if (inner.querySelector('#entry-title')?.textContent !== cardTitle) return `the entry title is "${inner.querySelector('#entry-title')?.textContent}"`;
    if (entryView.entry.body && !inner.querySelector('.body')?.firstChild) return 'the body is not drawn';
    const head = inner.querySelector('.feedback h4')?.textContent ?? '';
    return head === `Feedback (${entryView.feedback.length})` ? undefined : `the feedback heading is "${head}"`;
  };
  await afterNextPaint();
  if (config.profile) console.profile(`open entry ${i + 1}`);
  performance.mark('journal:open-entry');
  const start = performance.now();
  card.click();
  await until(el, missing, `the entry "${cardTitle}" of ${name}`, view);
  const updateMs = performance.now() - start;
  const ms = (await afterNextPaint()) - start;
  if (config.profile) console.profileEnd(`open entry ${i + 1}`);

  // The entry shown is the pupil's, with every piece of feedback the data has for it.
  const entryView = view()!;
  const shown = entryView.entry!;
  const generated = own.find(({ entry }) => entry.fields.body === shown.body && entry.fields.title === shown.title) ?? fail(`the entry "${shown.title}" is not one of ${name}'s`);
  if (entryView.feedback.length !== feedbackOn[generated.index]) fail(`the entry "${shown.title}" shows ${entryView.feedback.length} feedback, the data has ${feedbackOn[generated.index]}`);
  const items = entryView.shadowRoot!.querySelectorAll('.feedback ul > li').length;
  if (items !== entryView.feedback.length) fail(`${items} feedback items drawn of ${entryView.feedback.length}`);
  const result: EntryOpen = {
    pupil: name,
    updateMs,
    ms,
    bodyChars: shown.body?.length ?? 0,
    feedback: entryView.feedback.length,
    answers: Object.keys(shown.answers ?? {}).length,
    withPhoto: !!shown.media?.length,
  };
  await settle(el);
  (root.querySelector('dialog .close') as HTMLButtonElement | null ?? fail('no close button')).click();
  await until(el, () => (root.querySelector('dialog twin-journal-entry') || root.querySelector('dialog')?.open ? 'the dialog is still open' : undefined), 'closing the dialog');
  await settle(el);
  return result;
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
(window as unknown as { journalBench: typeof api }).journalBench = api;
document.title = 'twinkit bench: journal ready';
