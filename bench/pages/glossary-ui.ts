/**
 * The glossary UI benchmark page (`npm run bench`, glossary rows): `<twin-glossary>` inside
 * `<twin-space adapter="indexeddb">` with 10,000 entries in 4 languages on real IndexedDB.
 *
 * bench/run.mjs calls `seed()` once in a page of its own, then `run()` in a fresh page for every
 * repetition, so the element always loads its entries from IndexedDB itself. Every figure is
 * measured here with performance.now(); node only computes medians.
 */
import { deleteDB, openDB } from 'idb';
import '../../src/components/twin-space/twin-space.js';
import '../../src/components/twin-glossary/twin-glossary.js';
import type { TwinGlossary } from '../../src/components/twin-glossary/twin-glossary.component.js';
import { createIndexedDBAdapter } from '../../src/sdk/adapters/indexeddb/index.js';
import { createStore, type TwinStore } from '../../src/sdk/store/create-store.js';
import { makeGlossaryEntries } from './glossary-data.js';
import { afterNextPaint, fail, frame, gc, shadow, sleep, storePrototype } from './ui-harness.js';

/** The same space, user and database as the markup below (the adapter's default database). */
export const SPACE = 'bench-glossary';
const DATABASE = 'twinkit';
const USER = { id: 't', name: 'Teacher', role: 'teacher' as const };
const MARKUP =
  `<twin-space space="${SPACE}" adapter="indexeddb" user-id="t" user-name="Teacher" user-role="teacher">` +
  `<twin-glossary languages="en es fr it"></twin-glossary></twin-space>`;

export interface GlossaryConfig {
  /** Entries seeded (default 10,000). */
  entries: number;
  /** Seed of the generated data. */
  seed: number;
  /** Queries typed one character at a time, then deleted one character at a time. */
  queries: string[];
  /**
   * Wraps the load, the first render and the keystrokes in `console.profile()` / `console.profileEnd()`:
   * with the CDP Profiler domain enabled, the runner receives one CPU profile for each.
   */
  profile?: boolean;
}

export interface Keystroke {
  /** The search box's value after the key. */
  value: string;
  /** `input` event dispatched -> `updateComplete` resolved. */
  ms: number;
  /** The same, plus the style and layout it causes (forced by reading a size). */
  layoutMs: number;
  /** Rows the list holds after the key (`aria-setsize`), 0 when nothing matches. */
  matches: number;
  /** `li[data-row]` elements in the DOM after the key. */
  rows: number;
}

export interface GlossaryRun {
  /** `store.list('glossary')` inside the element: called -> resolved (database open, read, validation). */
  loadMs: number;
  /** Store list resolved -> `updateComplete` of the update that drew the first rows. */
  firstUpdateMs: number;
  /** Store list resolved -> first frame painted with rows (rAF, then a message after the frame). */
  firstRenderMs: number;
  /** Markup inserted -> first frame painted with rows. */
  mountToPaintMs: number;
  records: number;
  rowsAfterFirstRender: number;
  rowsAtBottom: number;
  lastRowDrawnAtBottom: boolean;
  keystrokes: Keystroke[];
  /** usedJSHeapSize after gc(): the element, its store and its data, rendered (before any search). */
  elementHeapBytes: number;
  /** The same after the search runs (its folded-text cache is built then). */
  afterSearchHeapBytes: number;
  heapBaselineBytes: number;
}

/** The baseline, in a fresh page of its own: raw idb reads the same records. */
export interface RawRun {
  /** Open the database + `getAllFromIndex('by-updated')` of the collection. */
  rawListMs: number;
  /** usedJSHeapSize after gc() with the records held by a plain array, minus before. */
  rawHeapBytes: number;
}

const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;


/** Collects garbage twice with a task in between (finalizers, weak maps), then reads the heap. */
async function settledHeap(): Promise<number> {
  gc();
  await sleep(0);
  gc();
  return heap();
}


const recordRange = () => IDBKeyRange.bound([SPACE, 'glossary'], [SPACE, 'glossary', []]);

/** Writes the entries through the store (batches of 1,000), as an import would. Not timed by the runner. */
async function seed(config: GlossaryConfig) {
  const entries = makeGlossaryEntries(config.entries, config.seed);
  await deleteDB(DATABASE);
  const adapter = createIndexedDBAdapter();
  const store = createStore({ adapter, space: SPACE, user: USER });
  for (let at = 0; at < entries.length; at += 1000) {
    const results = await store.createMany('glossary', entries.slice(at, at + 1000));
    const failed = results.find((result) => !result.ok);
    if (failed && !failed.ok) fail(`seed: ${failed.error.message}`);
  }
  await store.close();
  await adapter.close();
  const db = await openDB(DATABASE);
  const stored = await db.getAllFromIndex('records', 'by-updated', recordRange());
  db.close();
  if (stored.length !== config.entries) fail(`seed: ${stored.length} entries stored, expected ${config.entries}`);
  const fieldBytes = entries.map((entry) => new TextEncoder().encode(JSON.stringify(entry)).length);
  const storedBytes = stored.reduce((sum, record) => sum + new TextEncoder().encode(JSON.stringify(record)).length, 0);
  const languages = entries.reduce((sum, entry) => sum + Object.keys(entry.translations).length, 0);
  return {
    entries: stored.length,
    fieldsAvgBytes: Math.round(fieldBytes.reduce((a, b) => a + b, 0) / fieldBytes.length),
    fieldsMinBytes: Math.min(...fieldBytes),
    fieldsMaxBytes: Math.max(...fieldBytes),
    storedMB: storedBytes / 1e6,
    languagesPerEntry: languages / entries.length,
    allFourLanguages: entries.filter((entry) => Object.keys(entry.translations).length === 4).length,
    example: stored[0],
  };
}


const rowsIn = (el: Element) => shadow(el).querySelectorAll('li[data-row]');

/** Waits until the element has drawn rows; returns the time the update that drew them completed. */
async function untilRows(el: TwinGlossary, timeoutMs = 30_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (el.isUpdatePending) await el.updateComplete;
    else await frame();
    if (rowsIn(el).length) return performance.now();
    if (performance.now() > deadline) fail(`no rows after ${timeoutMs} ms: ${shadow(el).querySelector('.summary, .no-results')?.textContent ?? 'nothing drawn'}`);
  }
}

/** Lets scroll handlers, resize observers and the updates they request run. */
async function settle(el: TwinGlossary) {
  for (let i = 0; i < 4; i++) {
    await frame();
    await el.updateComplete;
  }
  await sleep(30);
  await el.updateComplete;
}

async function readRaw(): Promise<unknown[]> {
  const db = await openDB(DATABASE);
  try {
    return await db.getAllFromIndex('records', 'by-updated', recordRange());
  } finally {
    db.close();
  }
}

/**
 * The baseline, first thing in a fresh page as the element's load is: raw idb opens the database
 * and reads the same records (timed; only the count leaves), then reads them again to measure
 * the heap they take in a plain array.
 */
async function raw(config: GlossaryConfig): Promise<RawRun> {
  await settledHeap(); // as run() does before inserting the markup
  const start = performance.now();
  const count = (await readRaw()).length;
  const rawListMs = performance.now() - start;
  if (count !== config.entries) fail(`raw idb read ${count} entries, expected ${config.entries}`);
  const before = await settledHeap();
  const held = await readRaw();
  const rawHeapBytes = (await settledHeap()) - before;
  if (held.length !== config.entries) fail(`raw idb read ${held.length} entries, expected ${config.entries}`);
  return { rawListMs, rawHeapBytes };
}

async function run(config: GlossaryConfig): Promise<GlossaryRun> {
  const host = document.querySelector('#host') ?? fail('no #host');
  host.replaceChildren();
  const heapBaselineBytes = await settledHeap();

  // Time the element's own list: the store's prototype is shared with the <twin-space>'s store.
  // The first `.then` on the promise runs before the element's `await` continues.
  const proto = storePrototype(USER);
  const originalList = proto.list;
  let listStart = NaN;
  let listEnd = NaN;
  proto.list = function (this: TwinStore, collection: string, query?: Parameters<TwinStore['list']>[1]) {
    const start = performance.now();
    const result = originalList.call(this, collection, query);
    if (collection === 'glossary' && this.space === SPACE && Number.isNaN(listStart)) {
      listStart = start;
      if (config.profile) console.profile('load');
      result.then(() => {
        if (config.profile) console.profileEnd('load');
        listEnd = performance.now();
        performance.mark('glossary:list-resolved');
        if (config.profile) console.profile('first-render');
      }, () => {});
    }
    return result;
  } as TwinStore['list'];

  let el: TwinGlossary;
  let firstUpdateAt: number;
  let paintedAt: number;
  const mountStart = performance.now();
  try {
    host.innerHTML = MARKUP;
    el = host.querySelector('twin-glossary') ?? fail('no <twin-glossary>');
    firstUpdateAt = await untilRows(el);
    performance.mark('glossary:rows-updated');
    paintedAt = await afterNextPaint();
    performance.mark('glossary:rows-painted');
    if (config.profile) console.profileEnd('first-render');
  } finally {
    proto.list = originalList;
  }
  if (Number.isNaN(listEnd)) fail('the element did not call store.list("glossary")');
  const first = rowsIn(el)[0] as HTMLElement;
  const records = Number(first.getAttribute('aria-setsize'));
  if (records !== config.entries) fail(`the list holds ${records} entries, expected ${config.entries}`);
  await settle(el);
  const rowsAfterFirstRender = rowsIn(el).length;
  const elementHeapBytes = (await settledHeap()) - heapBaselineBytes;

  // Scroll to the bottom, then back to the top (as a reader would before searching).
  const list = shadow(el).querySelector<HTMLElement>('.list') ?? fail('no .list');
  list.scrollTop = list.scrollHeight;
  await settle(el);
  const rowsAtBottom = rowsIn(el).length;
  const lastRowDrawnAtBottom = !!shadow(el).querySelector(`li[data-index="${records - 1}"]`);
  list.scrollTop = 0;
  await settle(el);

  // Type each query one character at a time, then delete it one character at a time.
  const input = shadow(el).querySelector<HTMLInputElement>('#search') ?? fail('no #search');
  const values = config.queries.flatMap((query) => {
    const chars = [...query];
    const typed = chars.map((_, i) => chars.slice(0, i + 1).join(''));
    return [...typed, ...typed.slice(0, -1).reverse(), ''];
  });
  const keystrokes: Keystroke[] = [];
  performance.mark('glossary:keys-start');
  if (config.profile) console.profile('keystrokes');
  for (const value of values) {
    await afterNextPaint(); // every key starts from a painted screen, as with a person typing
    performance.mark('glossary:key');
    const start = performance.now();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    const updated = performance.now();
    void list.offsetHeight; // style and layout of what the update changed
    const laidOut = performance.now();
    if (el.isUpdatePending) fail(`an update is still pending after "${value}"`);
    const firstRow = rowsIn(el)[0];
    keystrokes.push({
      value,
      ms: updated - start,
      layoutMs: laidOut - start,
      matches: firstRow ? Number(firstRow.getAttribute('aria-setsize')) : 0,
      rows: rowsIn(el).length,
    });
  }
  if (config.profile) console.profileEnd('keystrokes');
  performance.mark('glossary:keys-end');
  // The search must have worked: every full query finds something, and an empty box shows all.
  for (const query of config.queries) {
    const found = keystrokes.find((key) => key.value === query)?.matches ?? 0;
    if (!found || found >= records) fail(`searching "${query}" showed ${found} of ${records} entries`);
  }
  if (keystrokes.at(-1)?.matches !== records) fail('the list did not come back whole once the search box was empty');
  await settle(el);
  const afterSearchHeapBytes = (await settledHeap()) - heapBaselineBytes;

  return {
    loadMs: listEnd - listStart,
    firstUpdateMs: firstUpdateAt - listEnd,
    firstRenderMs: paintedAt - listEnd,
    mountToPaintMs: paintedAt - mountStart,
    records,
    rowsAfterFirstRender,
    rowsAtBottom,
    lastRowDrawnAtBottom,
    keystrokes,
    elementHeapBytes,
    afterSearchHeapBytes,
    heapBaselineBytes,
  };
}

const api = {
  info: () => ({
    userAgent: navigator.userAgent,
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    preciseMemory: typeof heap() === 'number' && !Number.isNaN(heap()),
    viewport: { width: innerWidth, height: innerHeight },
  }),
  seed,
  run,
  raw,
};
(window as unknown as { glossaryBench: typeof api }).glossaryBench = api;
document.title = 'twinkit bench: glossary ready';
