import type { StorageAdapter } from '../src/sdk/adapter.js';
import type { TwinUser } from '../src/sdk/policy/roles.js';
import { createStore, type TwinStore } from '../src/sdk/store/create-store.js';
import type { BatchResult, TwinRecord } from '../src/sdk/store/store-types.js';
import { seedSamplePlan, seedSampleRatings } from '../src/test-support/sample-plan.js';
import { DEMO_USERS } from './demo-users.js';
import { seedSampleBoard } from './sample-board.js';
import { seedSampleJournal } from './sample-journal.js';
import { SAMPLE_COMMENTS, SAMPLE_GLOSSARY, SAMPLE_PENDING } from './sample-glossary.js';

export interface SeedOptions {
  /**
   * The storage each partner writes through. Default: the given store's (one browser's storage).
   * A server that checks who writes (CouchDB) needs each partner signed in as themselves.
   */
  adapterFor?: (user: TwinUser) => StorageAdapter;
  /**
   * The moderation the storage itself enforces. Default `off`: partners' work is written as
   * published at once. Under `pupils` (a CouchDB space's rules) pupils' entries and comments are
   * written as pending, as the server demands, and the given store's user, a teacher, approves them.
   */
  enforced?: 'off' | 'pupils';
}

/**
 * A project's first content, as the partner schools would write it before the mobility. Each
 * partner writes through their own store (same storage), so authors and schools are real.
 */
export async function seedSampleContent(store: TwinStore, options: SeedOptions = {}): Promise<void> {
  const opened: TwinStore[] = [];
  const open = (id: string, moderation: 'off' | 'pupils', now?: () => Date) => {
    const user = DEMO_USERS.find((u) => u.id === id)!;
    const adapter = options.adapterFor?.(user) ?? store.adapter;
    const other = createStore({ adapter, space: store.space, user, settings: { moderation }, now });
    opened.push(other);
    return other;
  };
  try {
    await seed(store, open, options.enforced ?? 'off');
  } finally {
    await Promise.all(opened.map((other) => other.close()));
  }
}

async function seed(store: TwinStore, open: (id: string, moderation: 'off' | 'pupils', now?: () => Date) => TwinStore, enforced: 'off' | 'pupils') {
  const authors = new Map<string, TwinStore>();
  // Seeded as published partners' work: written through a store without moderation, unless the
  // storage enforces it; then the teacher approves what waits.
  const as = (id: string) => {
    if (id === store.user.id) return store;
    if (!authors.has(id)) authors.set(id, open(id, enforced));
    return authors.get(id)!;
  };
  const published = async <T extends TwinRecord>(collection: string, record: T) =>
    record.status === 'pending' ? store.setStatus(collection, record, 'published') : record;
  const check = (results: BatchResult<TwinRecord>[]) => {
    const failure = results.find((result) => !result.ok);
    if (failure && !failure.ok) throw failure.error;
    return results.map((result) => (result as { record: TwinRecord }).record);
  };
  // The plan first (teachers' work), so the glossary's phases name real phases.
  await seedSamplePlan(store);
  const byTerm = new Map<string, TwinRecord>();
  for (const user of ['teacher-lucia', 'pupil-kasia', 'pupil-marco'] as const) {
    const mine = SAMPLE_GLOSSARY.filter((entry) => entry.by === user);
    // Words from the trip itself were added during the mobility week.
    const saved = check(await as(user).createMany('glossary', mine.map(({ category, translations, phase }) => ({ category, translations, phase: phase ?? 'preparation' }))));
    for (const [i, record] of saved.entries()) byTerm.set(mine[i].translations.en!.term, await published('glossary', record));
  }
  for (const [term, user, body] of SAMPLE_COMMENTS) {
    await published('glossary-comment', await as(user).create('glossary-comment', { target: byTerm.get(term)!.id, body }));
  }
  for (const [term, users] of [['harbour', ['pupil-kasia', 'pupil-marco']], ['tide', ['pupil-kasia']], ['amber', ['pupil-marco', 'teacher-lucia']]] as const) {
    for (const user of users) await as(user).create('glossary-reaction', { target: byTerm.get(term)!.id, kind: 'helpful' });
  }
  // The pupils' self-ratings before the trip; each pupil writes their own.
  await seedSampleRatings((user) => as(user.id), [DEMO_USERS[1], DEMO_USERS[2]]);
  await seedSampleJournal(as, published);
  // The board: posts, photos and files, and one post of Marco's left waiting for approval. Its
  // authors write on a clock set to each post's day, so the timeline and the exhibition show the
  // days of the project (the mobility's days in Gdynia), not the day the sample was added.
  let boardTime: Date | undefined;
  const boardClock = () => boardTime ?? new Date();
  const boardAuthors = new Map<string, TwinStore>();
  const boardAs = (id: string) => {
    if (!boardAuthors.has(id)) boardAuthors.set(id, open(id, enforced, boardClock));
    return boardAuthors.get(id)!;
  };
  await seedSampleBoard(boardAs, published, (id) => open(id, 'pupils', boardClock), (time) => (boardTime = time));
  const pupil = open(SAMPLE_PENDING.by, 'pupils');
  await pupil.create('glossary', { category: SAMPLE_PENDING.category, translations: SAMPLE_PENDING.translations, phase: 'preparation' });
}
