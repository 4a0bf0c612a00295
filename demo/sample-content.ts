import { createStore, type TwinStore } from '../src/sdk/store/create-store.js';
import type { BatchResult, TwinRecord } from '../src/sdk/store/store-types.js';
import { DEMO_USERS } from './demo-users.js';
import { SAMPLE_COMMENTS, SAMPLE_GLOSSARY, SAMPLE_PENDING } from './sample-glossary.js';

/**
 * A project's first content, as the partner schools would write it before the mobility. Each
 * partner writes through their own store (same storage), so authors and schools are real.
 */
export async function seedSampleContent(store: TwinStore): Promise<void> {
  const opened: TwinStore[] = [];
  const open = (id: string, moderation: 'off' | 'pupils') => {
    const other = createStore({ adapter: store.adapter, space: store.space, user: DEMO_USERS.find((u) => u.id === id)!, settings: { moderation } });
    opened.push(other);
    return other;
  };
  try {
    await seed(store, open);
  } finally {
    await Promise.all(opened.map((other) => other.close()));
  }
}

async function seed(store: TwinStore, open: (id: string, moderation: 'off' | 'pupils') => TwinStore) {
  const as = (id: string) => (id === store.user.id ? store : open(id, 'off'));
  const check = (results: BatchResult<TwinRecord>[]) => {
    const failure = results.find((result) => !result.ok);
    if (failure && !failure.ok) throw failure.error;
    return results.map((result) => (result as { record: TwinRecord }).record);
  };
  check(
    await store.createMany('phase', [
      { name: 'Preparation', order: 1, startsOn: '2026-10-01', endsOn: '2027-02-28' },
      { name: 'Mobility in Gdynia', order: 2, startsOn: '2027-03-08', endsOn: '2027-03-14' },
      { name: 'Reflection', order: 3, startsOn: '2027-03-15', endsOn: '2027-04-30' },
      { name: 'Dissemination', order: 4, startsOn: '2027-05-01', endsOn: '2027-06-20' },
    ]),
  );
  const byTerm = new Map<string, TwinRecord>();
  for (const user of ['teacher-lucia', 'pupil-kasia', 'pupil-marco'] as const) {
    const mine = SAMPLE_GLOSSARY.filter((entry) => entry.by === user);
    // Seeded as published partners' work: written through a store without moderation.
    const author = open(user, 'off');
    const saved = check(await author.createMany('glossary', mine.map(({ category, translations }) => ({ category, translations, phase: 'preparation' }))));
    saved.forEach((record, i) => byTerm.set(mine[i].translations.en!.term, record));
  }
  for (const [term, user, body] of SAMPLE_COMMENTS) {
    await as(user).create('glossary-comment', { target: byTerm.get(term)!.id, body });
  }
  for (const [term, users] of [['harbour', ['pupil-kasia', 'pupil-marco']], ['tide', ['pupil-kasia']], ['amber', ['pupil-marco', 'teacher-lucia']]] as const) {
    for (const user of users) await as(user).create('glossary-reaction', { target: byTerm.get(term)!.id, kind: 'helpful' });
  }
  const pupil = open(SAMPLE_PENDING.by, 'pupils');
  await pupil.create('glossary', { category: SAMPLE_PENDING.category, translations: SAMPLE_PENDING.translations, phase: 'preparation' });
}
