/**
 * The TwinBoard UI benchmark page (`npm run bench`, board rows): `<twin-board>` inside
 * `<twin-space adapter="indexeddb">`, signed in as a teacher, on real IndexedDB holding a board of
 * 20 sections, 1,000 posts (text, links, photos with stored thumbnails, video links, files),
 * 2,500 comments, 2,500 reactions and 12 reports (bench/pages/board-data.ts).
 *
 * bench/run.mjs calls `seed()` once in a page of its own, then `run()` in a fresh page for every
 * repetition, so the element always loads its records from IndexedDB itself; `raw()` is the
 * baseline, in a fresh page too. Every figure is measured here with performance.now(); node only
 * computes medians.
 */
import { deleteDB, openDB } from 'idb';
import '../../src/components/twin-space/twin-space.js';
import '../../src/components/twin-board/twin-board.js';
import type { TwinBoard } from '../../src/components/twin-board/twin-board.component.js';
import { BOARD_FILE_LIMITS, BOARD_IMAGE_LIMITS } from '../../src/components/twin-board/media/board-media-limits.js';
import type { TwinSpace } from '../../src/components/twin-space/twin-space.component.js';
import { createIndexedDBAdapter } from '../../src/sdk/adapters/indexeddb/index.js';
import { createStore, type TwinStore } from '../../src/sdk/store/create-store.js';
import type { CreateAllItem, TwinRecord } from '../../src/sdk/store/store-types.js';
import { expectedOrder, expectedSocial, makeBoardData, makePdf, makePhotoPair, type BoardBenchConfig, type BoardBenchData, type BoardBenchUser } from './board-data.js';
import { makeId, prng } from './data.js';
import { domSize, fail, frame, gc, shadow, sleep, storePrototype } from './ui-harness.js';

/** The same space, user and database as the markup below (the adapter's default database). */
export const SPACE = 'bench-board';
const DATABASE = 'twinkit';
const TEACHER = { id: 't', name: 'Teacher', role: 'teacher' as const, school: 'IES Mar Menor' };
const MARKUP =
  `<twin-space space="${SPACE}" adapter="indexeddb" user-id="t" user-name="Teacher" user-role="teacher" school="IES Mar Menor">` +
  `<twin-board></twin-board></twin-space>`;
/** Every collection the board lists (one StoreController each): "data loaded" is when all eight lists resolved. */
export const BOARD_COLLECTIONS = ['board', 'board-section', 'board-comment', 'board-reaction', 'board-flag', 'board-settings', 'phase', 'project'] as const;
/** What the cards show (posts in their sections, comment and reaction counts): "content loaded" is when these four resolved. */
const CONTENT_COLLECTIONS = ['board', 'board-section', 'board-comment', 'board-reaction'] as const;
/** What the board needs to draw cards at all (it shows "Loading the board…" until both resolved). */
const POST_COLLECTIONS = ['board', 'board-section'] as const;
/** The element's FIRST_POSTS: cards drawn in the first frame, the rest a frame and a task later. */
const FIRST_SCREEN = 60;
const KEY_NAMES = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' } as const;
type ArrowKey = keyof typeof KEY_NAMES;

export interface BoardConfig extends BoardBenchConfig {
  /** Posts picked up per run; each then takes `keys` steps and is dropped. */
  moves: number;
  /** Which repetition this is: the moved posts shift with it. */
  rep: number;
  /** Wraps the load, data loaded -> first screen, markup inserted -> all cards, each step and each drop in console.profile(). */
  profile?: boolean;
}

/**
 * How a step or a drop is timed.
 * - `frame`: the key (or click) is dispatched at the start of a frame, in a requestAnimationFrame
 *   callback, and timed to the end of that frame's paint (a message posted from it): the whole
 *   work of the step, scripts + style + layout + paint, with no wait for the display. At most
 *   16 ms means the post is at its new place in the frame that follows the key, whenever it comes.
 * - `after-paint`: dispatched right after a frame was painted (as glossary and journal clicks are),
 *   timed to the next frame painted with the post at its new place: includes the wait for the next
 *   display refresh (up to 16.7 ms at 60 Hz) even when the work is instant.
 */
export type TimingMode = 'frame' | 'after-paint';

export interface MoveTiming {
  mode: TimingMode;
  key: string;
  /** Moved to another section (a new card element) or within its own. */
  across: boolean;
  /** Dispatch -> `updateComplete` with the post at its new place (checked). */
  updateMs: number;
  /** The same, plus the style and layout it causes (forced by reading a size). */
  layoutMs: number;
  /** Dispatch -> the frame with the post at its new place painted. */
  ms: number;
  /** Frames that began between the dispatch and that paint (1: the next frame). */
  frames: number;
}

export interface DropTiming {
  mode: TimingMode;
  updateMs: number;
  layoutMs: number;
  ms: number;
  frames: number;
  /** store.update called (in the click's handler) -> resolved (not waited for by the view). */
  writeMs: number;
  /** store.update calls the drop made (one). */
  writes: number;
}

export interface UpdateTiming {
  at: number;
  ms: number;
}

export interface BoardRun {
  /** The first store.list of the eight collections called -> the last one resolved. */
  loadMs: number;
  lists: Record<string, { ms: number; records: number; endedAt: number }>;
  lastList: string;
  /** Data loaded -> `updateComplete` of the update that drew the first screen complete. */
  firstUpdateMs: number;
  /** Data loaded -> first frame painted with the first screen complete (the first 60 cards, with their counts). */
  firstRenderMs: number;
  /** Posts, sections, comments, reactions and reports loaded -> the first screen complete painted (it may come before "data loaded"). */
  contentToPaintMs: number;
  /** Data loaded -> the frame painted after the update that drew all 1,000 cards with their counts (negative: before). */
  allCardsMs: number;
  /** Content loaded -> the same frame. */
  contentToAllCardsMs: number;
  /** Posts and sections loaded (the board stops showing "Loading the board…") -> the first frame painted with cards (counts or not), and how many. */
  postsToFirstCardsMs: number;
  firstCards: number;
  /** Posts and sections loaded -> comments and reactions loaded -> data loaded (the order the lists resolve in). */
  postsLoadedMs: number;
  contentLoadedMs: number;
  /** First screen painted -> all cards painted. */
  firstToAllMs: number;
  /** The update that drew all the cards (its own time). */
  allCardsUpdateMs: number;
  /** Markup inserted -> first screen painted / all cards painted. */
  mountToPaintMs: number;
  mountToAllMs: number;
  /** The longest main-thread task between content loaded and all cards painted (PerformanceObserver longtask), and the sum of those over 50 ms. */
  longestTaskMs: number;
  longTasksMs: number;
  /** The element's updates from content loaded to all cards painted, and their time. */
  updatesToAll: number;
  updatesToAllMs: number;
  /** Updates after all cards were painted until the thumbnails were all shown (one per file arriving), and their time. */
  updatesForFiles: number;
  updatesForFilesMs: number;
  /** Cards in the DOM when the first screen was painted. */
  firstScreenCards: number;
  dom: { elements: number; nodes: number };
  pickUps: { updateMs: number; ms: number }[];
  steps: MoveTiming[];
  drops: DropTiming[];
  /** The element's updates of each step, after the key (the live region's announcement 50 ms later is one more). */
  updatesPerStep: number;
}

export interface RawRun {
  /** Open the database + `getAllFromIndex('by-updated')` of the same eight collections, at once. */
  rawListMs: number;
  records: number;
}

const idsOf = (data: BoardBenchData, seed: number) => {
  const random = prng(seed * 7919 + 3);
  return { sections: data.sections.map(() => makeId(random)), posts: data.posts.map(() => makeId(random)) };
};

function generate(config: BoardBenchConfig) {
  const data = makeBoardData(config);
  const ids = idsOf(data, config.seed);
  const order = expectedOrder(data, ids.posts);
  const social = expectedSocial(data);
  const indexOf = new Map(ids.posts.map((id, i) => [id, i]));
  return { data, ids, order, social, indexOf, flat: order.flat() };
}

const userOf = (user: BoardBenchUser) => user;

/** Runs `work` for every user, a few at a time (each with their own store). */
async function perUser(users: readonly BoardBenchUser[], work: (user: BoardBenchUser, index: number) => Promise<void>) {
  const AT_ONCE = 4;
  for (let at = 0; at < users.length; at += AT_ONCE) await Promise.all(users.slice(at, at + AT_ONCE).map((user, i) => work(user, at + i)));
}

const recordRange = (collection: string) => IDBKeyRange.bound([SPACE, collection], [SPACE, collection, []]);

/**
 * Writes the board through the stores, as the people would: the sections by the teacher; each
 * author's photos and files (`putAttachment`, checked by their first bytes) and posts (one
 * `createAll` by their own store); then, once every post exists, each member's comments,
 * reactions (id `${post}~${kind}~${user}`) and reports. Not timed by the runner.
 */
async function seed(config: BoardBenchConfig) {
  await deleteDB(DATABASE);
  const { data, ids } = generate(config);
  const adapter = createIndexedDBAdapter();
  let clock = performance.now();
  const teacher = createStore({ adapter, space: SPACE, user: TEACHER });
  await teacher.createAll(data.sections.map((section, i) => ({ collection: 'board-section', id: ids.sections[i], fields: { ...section } })));
  await teacher.close();
  const sectionsMs = performance.now() - clock;

  clock = performance.now();
  const postsBy = data.users.map(() => [] as number[]);
  data.posts.forEach((post, i) => postsBy[post.author].push(i));
  let fileBytes = 0;
  await perUser(data.users, async (user, u) => {
    if (!postsBy[u].length) return;
    const store = createStore({ adapter, space: SPACE, user: userOf(user) });
    const items: CreateAllItem[] = [];
    for (const i of postsBy[u]) {
      const post = data.posts[i];
      const fields: Record<string, unknown> = structuredClone(post.fields);
      fields.section = ids.sections[post.section];
      if (post.kind === 'image') {
        const { picture, thumbnail } = await makePhotoPair(i);
        fields.attachment = (await store.putAttachment(picture, BOARD_IMAGE_LIMITS)).id;
        fields.thumbnail = (await store.putAttachment(thumbnail, BOARD_IMAGE_LIMITS)).id;
        fields.file = { ...(fields.file as object), size: picture.size };
        fileBytes += picture.size + thumbnail.size;
      }
      if (post.kind === 'file') {
        const pdf = makePdf(i);
        fields.attachment = (await store.putAttachment(pdf, BOARD_FILE_LIMITS)).id;
        fields.file = { ...(fields.file as object), size: pdf.size };
        fileBytes += pdf.size;
      }
      items.push({ collection: 'board', id: ids.posts[i], fields });
    }
    await store.createAll(items);
    await store.close();
  });
  const postsMs = performance.now() - clock;

  clock = performance.now();
  await perUser(data.users, async (user, u) => {
    const items: CreateAllItem[] = [
      ...data.comments.filter((comment) => comment.author === u).map((comment) => ({ collection: 'board-comment', fields: { target: ids.posts[comment.target], body: comment.body } })),
      ...data.reactions
        .filter((reaction) => reaction.author === u)
        .map((reaction) => ({ collection: 'board-reaction', id: `${ids.posts[reaction.target]}~${reaction.kind}~${user.id}`, fields: { target: ids.posts[reaction.target], kind: reaction.kind } })),
      ...data.flags.filter((flag) => flag.author === u).map((flag) => ({ collection: 'board-flag', fields: { target: ids.posts[flag.target], reason: flag.reason } })),
    ];
    if (!items.length) return;
    const store = createStore({ adapter, space: SPACE, user: userOf(user) });
    for (let at = 0; at < items.length; at += 500) await store.createAll(items.slice(at, at + 500));
    await store.close();
  });
  const feedbackMs = performance.now() - clock;
  await adapter.close();

  // What is stored, read back raw.
  const db = await openDB(DATABASE);
  const counts: Record<string, number> = {};
  const storedBytes: Record<string, number> = {};
  const encoder = new TextEncoder();
  const kinds: Record<string, number> = {};
  const bodyChars: number[] = [];
  let pinned = 0;
  for (const collection of BOARD_COLLECTIONS) {
    const records = await db.getAllFromIndex('records', 'by-updated', recordRange(collection));
    counts[collection] = records.length;
    storedBytes[collection] = records.reduce((sum, record) => sum + encoder.encode(JSON.stringify(record)).length, 0);
    for (const record of records) {
      if (record.status !== 'published') fail(`seed: ${collection} ${record.id} is ${record.status}`);
      if (collection === 'board') {
        kinds[record.kind] = (kinds[record.kind] ?? 0) + 1;
        if (record.body) bodyChars.push(record.body.length);
        if (record.pinned) pinned++;
      }
    }
  }
  const attachments = await db.count('attachments');
  db.close();
  const want = { board: config.posts, 'board-section': config.sections, 'board-comment': config.comments, 'board-reaction': config.reactions, 'board-flag': data.flags.length };
  for (const [collection, count] of Object.entries(want)) if (counts[collection] !== count) fail(`seed: ${counts[collection]} ${collection} records stored, expected ${count}`);
  const sizes = expectedOrder(data, ids.posts).map((list) => list.length);
  const social = expectedSocial(data);
  return {
    counts,
    records: Object.values(counts).reduce((a, b) => a + b, 0),
    storedMB: Object.values(storedBytes).reduce((a, b) => a + b, 0) / 1e6,
    storedBytes,
    attachments,
    fileMB: fileBytes / 1e6,
    kinds,
    pinned,
    authors: new Set(data.posts.map((post) => post.author)).size,
    sectionSizes: { min: Math.min(...sizes), max: Math.max(...sizes) },
    bodyChars: { min: Math.min(...bodyChars), max: Math.max(...bodyChars), avg: Math.round(bodyChars.reduce((a, b) => a + b, 0) / bodyChars.length), withBody: bodyChars.length },
    commentsPerPost: { max: Math.max(...social.comments), none: social.comments.filter((n) => n === 0).length },
    reactionsPerPost: { max: Math.max(...social.reactions.map((r) => r.like + r.love + r.clap + r.idea)), none: social.reactions.filter((r) => r.like + r.love + r.clap + r.idea === 0).length },
    seedMs: { sections: sectionsMs, posts: postsMs, feedback: feedbackMs },
  };
}

// ---- checks on the DOM --------------------------------------------------------------------------

const cardsIn = (root: ShadowRoot) => root.querySelectorAll<HTMLElement>('article.post');
const commentsText = (n: number) => (n === 1 ? '1 comment' : `${n} comments`);

/** Is the first screen drawn whole (the first 60 cards in order, each with its comment and reaction counts)? A cheap check, run after each update. Undefined when it is. */
function firstScreenMissing(root: ShadowRoot, g: ReturnType<typeof generate>): string | undefined {
  const cards = cardsIn(root);
  const want = Math.min(FIRST_SCREEN, g.flat.length);
  if (cards.length < want) return `${cards.length} of ${want} cards drawn`;
  for (let i = 0; i < want; i++) {
    const id = cards[i].dataset.id!;
    if (id !== g.flat[i]) return `card ${i + 1} is ${id}, expected ${g.flat[i]}`;
    const text = cards[i].querySelector('button.comments')?.textContent ?? '';
    const n = g.social.comments[g.indexOf.get(id)!];
    if (!text.includes(commentsText(n))) return `card ${i + 1} says "${text.trim()}", expected ${n} comments`;
    const r = g.social.reactions[g.indexOf.get(id)!];
    const spans = cards[i].querySelectorAll('button.reaction span');
    if (spans.length !== 4) return `card ${i + 1} has ${spans.length} reaction buttons`;
    if ((spans[0].textContent || '0') !== String(r.like) || (spans[1].textContent || '0') !== String(r.love) || (spans[2].textContent || '0') !== String(r.clap) || (spans[3].textContent || '0') !== String(r.idea)) {
      return `card ${i + 1} shows other reaction counts than the data`;
    }
  }
  return undefined;
}

/** Every card, against the data: sections in order, cards in order, comment and reaction counts. */
function checkWholeBoard(root: ShadowRoot, g: ReturnType<typeof generate>) {
  const sections = [...root.querySelectorAll<HTMLElement>('ul.posts[data-section]')];
  const sectionIds = sections.map((ul) => ul.dataset.section);
  if (sectionIds.join() !== g.ids.sections.join()) fail(`the sections are drawn in another order, or some are missing (${sectionIds.length} of ${g.ids.sections.length})`);
  sections.forEach((ul, s) => {
    const ids = [...ul.querySelectorAll<HTMLElement>(':scope > li.slot')].map((li) => li.dataset.id);
    if (ids.join() !== g.order[s].join()) fail(`section ${s + 1} shows ${ids.length} posts in another order than the data (${g.order[s].length})`);
  });
  for (const card of cardsIn(root)) {
    const i = g.indexOf.get(card.dataset.id!)!;
    const text = card.querySelector('button.comments')?.textContent ?? '';
    if (!text.includes(commentsText(g.social.comments[i]))) fail(`post ${card.dataset.id} shows "${text.trim()}", the data has ${g.social.comments[i]} comments`);
    const counts = [...card.querySelectorAll('button.reaction span')].map((span) => Number(span.textContent || 0));
    const r = g.social.reactions[i];
    if (counts.join() !== [r.like, r.love, r.clap, r.idea].join()) fail(`post ${card.dataset.id} shows reactions ${counts.join()}, the data has ${[r.like, r.love, r.clap, r.idea].join()}`);
  }
}

/**
 * The posts of each section (ids), in section order, as they are, or would be once the carried
 * post is dropped: while a post is carried the board draws a marker where it would land (the post
 * stays where it was), so the carried post counts at its marker.
 */
function drawnOrder(root: ShadowRoot): { section: string; ids: string[] }[] {
  const carried = root.querySelector<HTMLElement>('article.post.moving')?.dataset.id;
  const marked = !!root.querySelector('li.drop-marker');
  return [...root.querySelectorAll<HTMLElement>('ul.posts[data-section]')].map((ul) => {
    const ids: string[] = [];
    for (const li of ul.children as HTMLCollectionOf<HTMLElement>) {
      if (li.classList.contains('drop-marker') && carried) ids.push(carried);
      else if (li.classList.contains('slot') && !(marked && li.dataset.id === carried)) ids.push(li.dataset.id!);
    }
    return { section: ul.dataset.section!, ids };
  });
}

/** Where the post is (or, carried, would land): its section and index, or undefined. */
function placeOf(root: ShadowRoot, id: string): { section: string; index: number } | undefined {
  for (const group of drawnOrder(root)) {
    const index = group.ids.indexOf(id);
    if (index >= 0) return { section: group.section, index };
  }
  return undefined;
}

/**
 * Where a key takes the carried post, from the board as drawn (the documented behaviour, not the
 * element's code): up and down within its section, stopping at its ends; left and right to the
 * neighbouring section, at the same index when it has that many posts, else at its end.
 */
function expectedStep(drawn: { section: string; ids: string[] }[], id: string, key: ArrowKey) {
  const at = drawn.findIndex((group) => group.ids.includes(id));
  const index = drawn[at].ids.indexOf(id);
  const others = drawn[at].ids.length - 1;
  switch (KEY_NAMES[key]) {
    case 'up':
      return { section: drawn[at].section, index: Math.max(0, index - 1) };
    case 'down':
      return { section: drawn[at].section, index: Math.min(others, index + 1) };
    default: {
      const target = drawn[at + (key === 'ArrowLeft' ? -1 : 1)] ?? fail(`no section ${key === 'ArrowLeft' ? 'before' : 'after'} section ${at + 1}`);
      return { section: target.section, index: Math.min(index, target.ids.length) };
    }
  }
}

// ---- timing -----------------------------------------------------------------------------------

/**
 * Runs `work` in a task of its own right after the current one: `scheduler.postTask` at
 * `user-blocking` priority, which the browser runs ahead of ordinary tasks already queued (a stored
 * file arriving, the board's own timer for the rest of the cards), else a MessageChannel message.
 * Posted from a frame's callbacks, it runs once that frame is painted.
 */
function soon(work: () => void) {
  const scheduler = (globalThis as { scheduler?: { postTask(callback: () => void, options: { priority: string }): Promise<unknown> } }).scheduler;
  if (scheduler?.postTask) {
    void scheduler.postTask(work, { priority: 'user-blocking' });
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => work();
  channel.port2.postMessage(0);
}

/**
 * Resolves (with its time) after the next frame has been painted: a task posted from rAF runs after
 * paint. As ui-harness.ts's, but posted with `soon`, so that the board's tasks queued meanwhile (a
 * thumbnail arriving is an update of the whole board) do not delay the reading past the paint.
 */
const afterNextPaint = () => new Promise<number>((resolve) => requestAnimationFrame(() => soon(() => resolve(performance.now()))));

/** Resolves inside the next requestAnimationFrame callback (its microtasks run before that frame's style, layout and paint). */
const frameStart = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
/** Resolves after the frame being produced now is painted: a task posted from inside a frame's callbacks runs after its paint. */
const afterThisFrame = () => new Promise<number>((resolve) => soon(() => resolve(performance.now())));

/** Counts frames (rAF callbacks) while it runs. */
function frameCounter() {
  let frames = 0;
  let on = true;
  const tick = () => {
    if (!on) return;
    frames++;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => ((on = false), frames);
}

/** Lets observers, timers (the live region's announcement, 50 ms after a step) and the updates they request run. */
async function settle(el: TwinBoard) {
  for (let i = 0; i < 3; i++) {
    await frame();
    await el.updateComplete;
  }
  await sleep(70);
  await el.updateComplete;
  await frame();
  await el.updateComplete;
}

/** Waits (updates, then frames) until `missing()` returns undefined; fails after 30 s. */
async function until(el: TwinBoard, missing: () => string | undefined, what: string) {
  const deadline = performance.now() + 30_000;
  for (;;) {
    if (el.isUpdatePending) await el.updateComplete;
    if (!missing()) return;
    if (!el.isUpdatePending) await frame();
    if (!missing()) return;
    if (performance.now() > deadline) fail(`${what} is not complete after 30 s: ${missing()}`);
  }
}

/**
 * Times `act` (a key or a click) until `missing()` says the view shows its result, in one of the
 * two modes (see TimingMode).
 */
async function timed(el: TwinBoard, mode: TimingMode, act: () => void, missing: () => string | undefined, what: string) {
  await afterNextPaint();
  if (mode === 'frame') await frameStart();
  const counted = frameCounter();
  const start = performance.now();
  act();
  await until(el, missing, what);
  const updated = performance.now();
  void (shadow(el).querySelector('.groups') as HTMLElement | null)?.offsetHeight; // style and layout of what the update changed
  const laidOut = performance.now();
  // In `frame` mode, still inside the frame's callbacks unless the update took frames: the paint of this frame.
  const painted = mode === 'frame' ? await afterThisFrame() : await afterNextPaint();
  // `frame` mode: the frame the key was dispatched in counts as the first.
  const frames = counted() + (mode === 'frame' ? 1 : 0);
  return { updateMs: updated - start, layoutMs: laidOut - start, ms: painted - start, frames };
}

// ---- the run ----------------------------------------------------------------------------------

async function run(config: BoardConfig): Promise<BoardRun> {
  const host = document.querySelector('#host') ?? fail('no #host');
  host.replaceChildren();
  gc();
  await sleep(0);
  gc();
  const g = generate(config);
  const imagePosts = g.data.posts.filter((post) => post.kind === 'image').length;

  // Time the element's own lists: the store's prototype is shared with the <twin-space>'s store.
  // The first `.then` on a list's promise runs before the controller's `await` continues.
  const proto = storePrototype(TEACHER);
  const originalList = proto.list;
  const lists: BoardRun['lists'] = {};
  const started: Record<string, number> = {};
  let firstListAt = NaN;
  let dataLoadedAt = NaN;
  let contentLoadedAt = NaN;
  let postsLoadedAt = NaN;
  let lastList = '';
  let loaded!: () => void;
  const allLoaded = new Promise<void>((resolve) => (loaded = resolve));
  proto.list = function (this: TwinStore, collection: string, query?: Parameters<TwinStore['list']>[1]) {
    const start = performance.now();
    const result = originalList.call(this, collection, query);
    if (this.space === SPACE && (BOARD_COLLECTIONS as readonly string[]).includes(collection) && !(collection in started)) {
      started[collection] = start;
      if (Number.isNaN(firstListAt)) {
        firstListAt = start;
        if (config.profile) console.profile('load');
      }
      result.then(
        ({ records }) => {
          const end = performance.now();
          lists[collection] = { ms: end - start, records: records.length, endedAt: end };
          if (POST_COLLECTIONS.every((name) => name in lists) && Number.isNaN(postsLoadedAt)) {
            postsLoadedAt = end;
            performance.mark('board:posts-loaded');
          }
          if (CONTENT_COLLECTIONS.every((name) => name in lists) && Number.isNaN(contentLoadedAt)) {
            contentLoadedAt = end;
            performance.mark('board:content-loaded');
          }
          if (Object.keys(lists).length === BOARD_COLLECTIONS.length) {
            if (config.profile) console.profileEnd('load');
            dataLoadedAt = end;
            lastList = collection;
            performance.mark('board:data-loaded');
            if (config.profile) console.profile('first render');
            loaded();
          }
        },
        () => {},
      );
    }
    return result;
  } as TwinStore['list'];

  // Long tasks on the main thread (for the summary: how long the page could not answer a key).
  const longTasks: { start: number; ms: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, ms: entry.duration });
  });
  observer.observe({ type: 'longtask', buffered: false });

  // Count and time the element's updates, and find the first that drew the first screen whole and
  // the first that drew every card, without touching src/.
  const BoardClass = customElements.get('twin-board') ?? fail('<twin-board> is not defined');
  const boardProto = BoardClass.prototype as { performUpdate(): void };
  const hadOwn = Object.prototype.hasOwnProperty.call(boardProto, 'performUpdate');
  const originalPerform = boardProto.performUpdate;
  const updates: UpdateTiming[] = [];
  let firstScreenPainted: Promise<number> | undefined;
  let firstCards: { cards: number; painted: Promise<number> } | undefined;
  let allDrawn: { at: number; ms: number } | undefined;
  let allPainted: Promise<number> | undefined;
  boardProto.performUpdate = function (this: unknown) {
    const at = performance.now();
    try {
      return originalPerform.call(this);
    } finally {
      const end = performance.now();
      updates.push({ at, ms: end - at });
      const root = this instanceof HTMLElement ? this.shadowRoot : null;
      if (root && !firstCards && cardsIn(root).length) firstCards = { cards: cardsIn(root).length, painted: afterNextPaint() };
      if (root && !firstScreenPainted && !firstScreenMissing(root, g)) firstScreenPainted = afterNextPaint();
      if (root && firstScreenPainted && !allPainted && cardsIn(root).length === g.flat.length) {
        allDrawn = { at, ms: end - at };
        allPainted = afterNextPaint().then((paintedAt) => {
          if (config.profile) console.profileEnd('mount to all cards');
          return paintedAt;
        });
      }
    }
  };

  let el: TwinBoard;
  let updatedAt: number;
  let paintedAt: number;
  let allPaintedAt: number;
  let firstScreenCards: number;
  const mountStart = performance.now();
  try {
    if (config.profile) console.profile('mount to all cards');
    host.innerHTML = MARKUP;
    el = host.querySelector('twin-board') ?? fail('no <twin-board>');
    const root = shadow(el);
    const timeout = sleep(60_000).then(() => fail(`the lists did not all resolve in 60 s: ${BOARD_COLLECTIONS.filter((c) => !(c in lists)).join(', ')} missing`));
    await Promise.race([allLoaded, timeout]);
    // The controller of the last list has stored its records and asked for an update by now.
    await until(el, () => firstScreenMissing(root, g), 'the first screen');
    updatedAt = performance.now();
    performance.mark('board:updated');
    firstScreenCards = cardsIn(root).length;
    paintedAt = await afterNextPaint();
    performance.mark('board:painted');
    if (config.profile) console.profileEnd('first render');
    await until(el, () => (allPainted ? undefined : `${cardsIn(root).length} of ${g.flat.length} cards drawn`), 'all cards');
    allPaintedAt = await allPainted!;
    performance.mark('board:all-painted');
  } finally {
    proto.list = originalList;
    if (hadOwn) boardProto.performUpdate = originalPerform;
    else delete (boardProto as Partial<typeof boardProto>).performUpdate;
  }
  const want: Record<string, number> = { board: config.posts, 'board-section': config.sections, 'board-comment': config.comments, 'board-reaction': config.reactions, 'board-flag': g.data.flags.length };
  for (const [collection, count] of Object.entries(want)) {
    if (lists[collection].records !== count) fail(`the element's list of ${collection} held ${lists[collection].records} records, expected ${count}`);
  }
  const firstPaintedAt = await (firstScreenPainted ?? fail('no update drew the first screen'));
  const firstCardsAt = await (firstCards ?? fail('no update drew a card')).painted;
  const root = shadow(el);
  // Every thumbnail shown (each file arriving is an update of the board), then quiet.
  const filesFrom = performance.now();
  await until(el, () => {
    const shown = root.querySelectorAll('article.post figure.picture img').length;
    return shown === imagePosts ? undefined : `${shown} of ${imagePosts} thumbnails shown`;
  }, 'the thumbnails');
  await settle(el);
  observer.disconnect();
  const toAll = updates.filter((update) => update.at >= contentLoadedAt && update.at <= allDrawn!.at);
  const forFiles = updates.filter((update) => update.at > allDrawn!.at && update.at >= filesFrom - 1000);
  const tasks = longTasks.filter((task) => task.start >= contentLoadedAt - 1 && task.start <= allPaintedAt);
  checkWholeBoard(root, g);
  const dom = domSize(root);

  const moved = await moves(el, config, g);
  const updatesPerStep = moved.updatesPerStep;
  await restore(el, g, moved.movedIds);
  return {
    loadMs: dataLoadedAt - firstListAt,
    lists,
    lastList,
    firstUpdateMs: updatedAt - dataLoadedAt,
    firstRenderMs: paintedAt - dataLoadedAt,
    contentToPaintMs: firstPaintedAt - contentLoadedAt,
    allCardsMs: allPaintedAt - dataLoadedAt,
    contentToAllCardsMs: allPaintedAt - contentLoadedAt,
    postsToFirstCardsMs: firstCardsAt - postsLoadedAt,
    firstCards: firstCards!.cards,
    postsLoadedMs: postsLoadedAt - firstListAt,
    contentLoadedMs: contentLoadedAt - firstListAt,
    firstToAllMs: allPaintedAt - firstPaintedAt,
    allCardsUpdateMs: allDrawn!.ms,
    mountToPaintMs: firstPaintedAt - mountStart,
    mountToAllMs: allPaintedAt - mountStart,
    longestTaskMs: Math.max(0, ...tasks.map((task) => task.ms)),
    longTasksMs: tasks.reduce((sum, task) => sum + task.ms, 0),
    updatesToAll: toAll.length,
    updatesToAllMs: toAll.reduce((sum, update) => sum + update.ms, 0),
    updatesForFiles: forFiles.length,
    updatesForFilesMs: forFiles.reduce((sum, update) => sum + update.ms, 0),
    firstScreenCards,
    dom,
    pickUps: moved.pickUps,
    steps: moved.steps,
    drops: moved.drops,
    updatesPerStep,
  };
}

/**
 * Keyboard moves from the settled board: `config.moves` posts, each an unpinned post from the
 * middle of a section (2nd to 17th, a different one each time, shifted each run), picked up with
 * a click on its "Move" button (the post is then drawn as carried), moved with three arrow keys
 * dispatched on that button (two within the section, one to the neighbouring section), then
 * dropped with a click on the same button (the view moves the post at once; one store.update is
 * written behind it). Half the moves are timed in each TimingMode, alternating in pairs.
 */
async function moves(el: TwinBoard, config: BoardConfig, g: ReturnType<typeof generate>) {
  const root = shadow(el);
  const store = (el.closest('twin-space') as TwinSpace | null)?.store ?? fail('no store in <twin-space>');
  const pinned = new Set(g.data.posts.flatMap((post, i) => (post.fields.pinned ? [g.ids.posts[i]] : [])));
  const proto = Object.getPrototypeOf(store) as TwinStore;
  const originalUpdate = proto.update;
  const writes: { collection: string; id: string; at: number; done: Promise<number> }[] = [];
  proto.update = function (this: TwinStore, collection: string, base: TwinRecord, changes: Record<string, unknown>) {
    const result = originalUpdate.call(this, collection, base, changes) as Promise<never>;
    writes.push({ collection, id: base.id, at: performance.now(), done: result.then(() => performance.now()) });
    return result;
  } as TwinStore['update'];

  // Count the element's updates during one step (after the key, before the next).
  const BoardClass = customElements.get('twin-board')!;
  const boardProto = BoardClass.prototype as { performUpdate(): void };
  const originalPerform = boardProto.performUpdate;
  let updateCount = 0;
  boardProto.performUpdate = function (this: unknown) {
    updateCount++;
    return originalPerform.call(this);
  };

  const pickUps: { updateMs: number; ms: number }[] = [];
  const steps: MoveTiming[] = [];
  const drops: DropTiming[] = [];
  const movedIds: string[] = [];
  const stepUpdates: number[] = [];
  const button = (id: string) => root.querySelector<HTMLButtonElement>(`article.post[data-id="${CSS.escape(id)}"] button.move`) ?? fail(`no move button on post ${id}`);
  // The sections' lists, kept between checks so that a check inside a timing costs next to nothing
  // (a selector over the whole board would add milliseconds); looked up again if one was replaced.
  const lists = new Map<string, HTMLElement>();
  const listOf = (section: string) => {
    let ul = lists.get(section);
    if (!ul?.isConnected) {
      ul = root.querySelector<HTMLElement>(`ul.posts[data-section="${CSS.escape(section)}"]`) ?? fail(`no list for section ${section}`);
      lists.set(section, ul);
    }
    return ul;
  };
  /**
   * Undefined when the post is shown at `place`, else what is wrong. Carried: its marker is there
   * (or, back at its own place, no marker and the post itself). Dropped: the post itself is there,
   * not carried. Cheap: it looks at one list.
   */
  const shownAt = (id: string, place: { section: string; index: number }, carried: boolean) => {
    const list = listOf(place.section);
    const card = root.querySelector<HTMLElement>(`li.slot[data-id="${CSS.escape(id)}"] > article`);
    if (!card) return 'the post is not drawn';
    if (card.classList.contains('moving') !== carried) return carried ? 'the post is not carried' : 'the post is still carried';
    const marker = root.querySelector('li.drop-marker');
    if (carried && marker) {
      const ids: (string | undefined)[] = [];
      for (const li of list.children as HTMLCollectionOf<HTMLElement>) {
        if (li === marker) ids.push(id);
        else if (li.classList.contains('slot') && li.dataset.id !== id) ids.push(li.dataset.id);
      }
      if (ids[place.index] === id) return undefined;
    } else if ((list.children[place.index] as HTMLElement | undefined)?.dataset.id === id) {
      return undefined;
    }
    const at = placeOf(root, id);
    return at ? `the post is at ${at.index + 1} of section ${at.section}, expected ${place.index + 1} of ${place.section}` : 'the post is not drawn';
  };
  try {
    for (let m = 0; m < config.moves; m++) {
      const mode: TimingMode = m % 4 < 2 ? 'frame' : 'after-paint';
      const keys: ArrowKey[] = m % 2 === 0 ? ['ArrowDown', 'ArrowDown', 'ArrowRight'] : ['ArrowUp', 'ArrowUp', 'ArrowLeft'];
      const drawn = drawnOrder(root);
      const s = 2 + ((m * 5 + config.rep * 3) % Math.max(1, Math.min(16, drawn.length - 3)));
      const candidates = drawn[s].ids.filter((id) => !pinned.has(id) && !movedIds.includes(id));
      const id = candidates[Math.floor(candidates.length / 2)] ?? fail(`no post to move in section ${s + 1}`);
      movedIds.push(id);

      // Pick it up.
      const from0 = placeOf(root, id) ?? fail(`post ${id} is not drawn`);
      // Each button is looked up before the timing starts (a selector over the whole board costs milliseconds).
      const pickButton = button(id);
      const { updateMs: pickUpdateMs, ms: pickMs } = await timed(el, 'after-paint', () => pickButton.click(), () => shownAt(id, from0, true), 'picking the post up');
      pickUps.push({ updateMs: pickUpdateMs, ms: pickMs });
      await settle(el);

      for (const [k, key] of keys.entries()) {
        const before = drawnOrder(root);
        const from = placeOf(root, id)!;
        const to = expectedStep(before, id, key);
        if (to.section === from.section && to.index === from.index) fail(`step ${k + 1} of move ${m + 1} would not move the post`);
        listOf(to.section);
        const missing = () => shownAt(id, to, true);
        const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true });
        if (config.profile) console.profile(`step ${steps.length + 1}`);
        performance.mark('board:step');
        const countFrom = updateCount;
        const keyButton = button(id);
        const timing = await timed(el, mode, () => keyButton.dispatchEvent(event), missing, `step ${k + 1} of move ${m + 1} (${key})`);
        performance.mark('board:step-end');
        if (config.profile) console.profileEnd(`step ${steps.length + 1}`);
        if (!event.defaultPrevented) fail(`the board did not handle ${key} on the carried post's move button`);
        steps.push({ mode, key, across: to.section !== from.section, ...timing });
        await settle(el);
        stepUpdates.push(updateCount - countFrom);
        if (writes.length) fail(`a step wrote to the store (${writes.length} writes)`);
      }

      // Drop it: where it lands (a post that is not pinned goes below the pinned ones).
      const drawn2 = drawnOrder(root);
      const place = placeOf(root, id)!;
      const group = drawn2.find((item) => item.section === place.section)!;
      const others = group.ids.filter((other) => other !== id);
      const pinnedCount = others.filter((other) => pinned.has(other)).length;
      const landing = { section: place.section, index: Math.min(Math.max(place.index, pinnedCount), others.length) };
      listOf(landing.section);
      const missing = () => shownAt(id, landing, false);
      if (config.profile) console.profile(`drop ${drops.length + 1}`);
      performance.mark('board:drop');
      const writesBefore = writes.length;
      const dropButton = button(id);
      const timing = await timed(el, mode, () => dropButton.click(), missing, `dropping move ${m + 1}`);
      performance.mark('board:drop-end');
      if (config.profile) console.profileEnd(`drop ${drops.length + 1}`);
      const made = writes.slice(writesBefore);
      if (made.length !== 1 || made[0].collection !== 'board' || made[0].id !== id) fail(`the drop made ${made.length} store writes, expected one update of the post`);
      // From the call, made inside the click's handler, to the promise resolved.
      const writeMs = (await made[0].done) - made[0].at;
      await settle(el);
      // The store's copy came back through its change event: the post stays where it was dropped.
      const settledMissing = missing();
      if (settledMissing) fail(`after the write, ${settledMissing}`);
      const stored = await store.get<TwinRecord & { section: string }>('board', id);
      if (stored.section !== landing.section) fail(`the stored post is in section ${stored.section}, expected ${landing.section}`);
      drops.push({ mode, ...timing, writeMs, writes: made.length });
      writes.length = 0;
    }
  } finally {
    proto.update = originalUpdate;
    boardProto.performUpdate = originalPerform;
  }
  return { pickUps, steps, drops, movedIds, updatesPerStep: stepUpdates.length ? stepUpdates.sort((a, b) => a - b)[stepUpdates.length >> 1] : 0 };
}

/** Puts the moved posts back where the data has them (through the store, not timed), so every run starts from the seeded board. */
async function restore(el: TwinBoard, g: ReturnType<typeof generate>, ids: string[]) {
  const store = (el.closest('twin-space') as TwinSpace | null)?.store ?? fail('no store in <twin-space>');
  for (const id of ids) {
    const i = g.indexOf.get(id)!;
    const current = await store.get<TwinRecord & { section: string; position: string }>('board', id);
    await store.update('board', current, { section: g.ids.sections[g.data.posts[i].section], position: g.data.posts[i].fields.position });
  }
  await settle(el);
  checkWholeBoard(shadow(el), g);
}

/**
 * The baseline, first thing in a fresh page as the element's load is: raw idb opens the database
 * and reads the same eight collections (all at once, as the element's eight lists are), timed;
 * only the count leaves.
 */
async function raw(config: BoardBenchConfig): Promise<RawRun> {
  gc();
  await sleep(0);
  gc();
  const start = performance.now();
  const db = await openDB(DATABASE);
  let records = 0;
  try {
    const all = await Promise.all(BOARD_COLLECTIONS.map((collection) => db.getAllFromIndex('records', 'by-updated', recordRange(collection))));
    records = all.reduce((sum, list) => sum + list.length, 0);
  } finally {
    db.close();
  }
  const rawListMs = performance.now() - start;
  const want = config.posts + config.sections + config.comments + config.reactions;
  if (records < want) fail(`raw idb read ${records} records, expected at least ${want}`);
  return { rawListMs, records };
}

const api = {
  info: () => ({
    userAgent: navigator.userAgent,
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    viewport: { width: innerWidth, height: innerHeight },
  }),
  seed,
  run,
  raw,
};
(window as unknown as { boardBench: typeof api }).boardBench = api;
document.title = 'twinkit bench: board ready';
