import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import type { RawRecord, StorageAdapter } from '../adapter.js';
import { createIndexedDBAdapter } from '../adapters/indexeddb/index.js';
import { TwinConflictError, TwinPermissionError, TwinValidationError } from '../errors.js';
import type { TwinUser } from '../policy/roles.js';
import { ratingId } from '../schemas/goal-rating.js';
import { PROJECT_RECORD_ID } from '../schemas/project.js';
import { rejectsWith, settle, storeWorld } from '../../test-support/store-world.js';
import { createStore, type TwinStore } from './create-store.js';
import type { CreateAllItem, RecordChange, TwinRecord } from './store-types.js';

const SPACE = 'erasmus-gdynia';
const T0 = '2027-01-10T10:00:00.000Z';

const admin: TwinUser = { id: 'admin-1', name: 'Alba', role: 'admin', school: 'IES Cervantes' };
const teacher: TwinUser = { id: 'teacher-1', name: 'Tomás', role: 'teacher', school: 'IES Cervantes' };
const moderator: TwinUser = { id: 'mod-1', name: 'Maya', role: 'moderator', school: 'Szkoła nr 12' };
const pupil: TwinUser = { id: 'pupil-1', name: 'Ana', role: 'pupil', school: 'IES Cervantes' };
const otherPupil: TwinUser = { id: 'pupil-2', name: 'Bruno', role: 'pupil', school: 'Szkoła nr 12' };
const observer: TwinUser = { id: 'obs-1', name: 'Olga', role: 'observer' };

const PLAN_COLLECTIONS = ['phase', 'project', 'activity', 'goal', 'goal-rating', 'glossary'];

/** One memory backing (one browser profile); each `open` is a tab with its own store. */
function world(t: TestContext, adapterFor?: (raw: StorageAdapter) => StorageAdapter) {
  const w = storeWorld(t, { space: SPACE, now: T0, adapterFor });
  const storedCount = async () => (await Promise.all(PLAN_COLLECTIONS.map(w.storedAll))).reduce((sum, list) => sum + list.length, 0);
  return { ...w, storedCount };
}

function watch(store: TwinStore) {
  const changes: RecordChange[] = [];
  const batches: RecordChange[][] = [];
  store.subscribe((batch) => {
    batches.push(batch);
    changes.push(...batch);
  });
  return { changes, batches };
}

const phaseItems = (): CreateAllItem[] => [
  { collection: 'phase', id: 'preparation', fields: { name: 'Preparation', order: 1 } },
  { collection: 'phase', id: 'mobility', fields: { name: 'Mobility', order: 2, startsOn: '2027-03-08', endsOn: '2027-03-14' } },
];
const goalItems = (): CreateAllItem[] => [
  { collection: 'goal', id: 'goal-words', fields: { title: 'Use words of the partners', competence: 'multilingual', order: 1 } },
  { collection: 'goal', id: 'goal-maps', fields: { title: 'Map the coast', competence: 'digital', order: 2 } },
];
const activity = (title: string, extra: Record<string, unknown> = {}) => ({ title, progress: 'planned', order: 1, ...extra });

/** A teacher's plan: two phases and two goals. */
async function plan(store: TwinStore) {
  return store.createAll([...phaseItems(), ...goalItems()]);
}

describe('rules: only staff create the plan (createdBy)', () => {
  it('refuses phases, project settings, activities and goals from a pupil, a moderator and an observer, and writes nothing', async (t) => {
    const { open, storedCount } = world(t);
    await plan(open(teacher));
    const before = await storedCount();
    const attempts: [string, Record<string, unknown>, { id?: string; phase?: string }][] = [
      ['phase', { name: 'Fieldwork', order: 3 }, {}],
      ['project', { title: 'Ours' }, { id: PROJECT_RECORD_ID }],
      ['activity', activity('Sneaky'), { phase: 'mobility' }],
      ['goal', { title: 'Mine', competence: 'project', order: 3 }, {}],
    ];
    for (const user of [pupil, moderator, observer]) {
      const store = open(user);
      assert.equal(store.canCreate('phase'), false);
      for (const [collection, fields, options] of attempts) {
        const error = await rejectsWith<TwinPermissionError>(store.create(collection, fields, options), 'permission');
        assert.ok(error instanceof TwinPermissionError);
        if (user !== observer) {
          assert.match(error.message, new RegExp(`^Only teachers can add (a|an|the) [a-z ]+ to this space: ${user.name} is signed in as an? ${user.role}\\. Nothing was saved\\.$`));
        }
        await rejectsWith(store.createMany(collection, [fields]), 'permission');
        await rejectsWith(store.createAll([{ collection, fields, ...options }]), 'permission');
      }
    }
    assert.equal(await storedCount(), before, 'nothing was written');
  });

  it('says which record a pupil may not add, with the right article', async (t) => {
    const { open } = world(t);
    const store = open(pupil);
    const messages = await Promise.all(
      ['phase', 'activity', 'goal', 'project'].map(async (collection) => (await rejectsWith(store.create(collection, {}), 'permission')).message),
    );
    assert.match(messages[0], /^Only teachers can add a phase to this space: Ana is signed in as a pupil\./);
    assert.match(messages[1], /^Only teachers can add an activity /);
    assert.match(messages[2], /^Only teachers can add a learning goal /);
    assert.match(messages[3], /^Only teachers can add the project settings /);
  });

  it('lets teachers and admins create them, and pupils create self-ratings and glossary entries', async (t) => {
    const { open } = world(t);
    for (const [index, user] of [teacher, admin].entries()) {
      const store = open(user);
      assert.equal(store.canCreate('phase'), true);
      const phase = await store.create('phase', { name: `Phase ${index}`, order: index }, { id: `phase-${index}` });
      assert.equal(phase.author.id, user.id);
    }
    const teacherStore = open(teacher);
    await teacherStore.create('goal', { title: 'Speak', competence: 'multilingual', order: 1 }, { id: 'goal-1' });
    const store = open(pupil);
    assert.equal(store.canCreate('goal-rating'), true);
    assert.equal(store.canCreate('glossary'), true);
    assert.equal(store.canCreate('nope'), false);
    assert.equal(open(observer).canCreate('goal-rating'), false);
    await store.create('goal-rating', { goal: 'goal-1', moment: 'before', value: 3 }, { id: ratingId('goal-1', 'before', pupil.id) });
    await store.create('glossary', { translations: { en: { term: 'Tide' } } });
  });
});

describe('rules: self-ratings are read by their author and staff only (readableBy)', () => {
  async function rated(t: TestContext) {
    const w = world(t);
    await plan(w.open(teacher));
    const ana = w.open(pupil);
    const rating = await ana.create('goal-rating', { goal: 'goal-words', moment: 'before', value: 2 }, { id: ratingId('goal-words', 'before', pupil.id) });
    return { ...w, ana, rating };
  }

  it('lists and gets a rating for its author, teachers and admins; for others it is not there', async (t) => {
    const { open, ana, rating } = await rated(t);
    for (const [user, sees] of [
      [pupil, true],
      [teacher, true],
      [admin, true],
      [otherPupil, false],
      [moderator, false],
      [observer, false],
    ] as const) {
      const store = user === pupil ? ana : open(user);
      const { records } = await store.list('goal-rating');
      assert.deepEqual(
        records.map((record) => record.id),
        sees ? [rating.id] : [],
        `${user.name} lists it: ${sees}`,
      );
      if (sees) assert.equal((await store.get('goal-rating', rating.id)).value, 2);
      else await rejectsWith(store.get('goal-rating', rating.id), 'not-found');
      assert.equal(store.can('read', rating), sees);
    }
  });

  it('delivers a new or changed rating to its author and staff, and as a delete to other members', async (t) => {
    const { open, rating, ana } = await rated(t);
    const anaTab = watch(open(pupil));
    const teacherView = watch(open(teacher));
    const brunoView = watch(open(otherPupil));
    const mayaView = watch(open(moderator));
    await ana.update('goal-rating', rating, { value: 4 });
    await settle();
    assert.deepEqual(anaTab.changes.map((c) => [c.type, c.record?.value]), [['put', 4]]);
    assert.deepEqual(teacherView.changes.map((c) => [c.type, c.record?.value]), [['put', 4]]);
    for (const view of [brunoView, mayaView]) {
      assert.deepEqual(view.changes.map((c) => [c.type, c.id, c.record]), [['delete', rating.id, undefined]]);
    }
  });

  it('does not let another member change, hide or delete a rating they cannot read, even holding a copy', async (t) => {
    const { open, stored, rating } = await rated(t);
    const copy = (await open(teacher).get('goal-rating', rating.id)) as TwinRecord;
    const maya = open(moderator);
    await maya.list('goal-rating'); // the store has now seen (and validated) the record, without showing it
    await rejectsWith(maya.setStatus('goal-rating', copy, 'hidden'), 'not-found');
    await rejectsWith(open(otherPupil).update('goal-rating', copy, { value: 1 }), 'conflict');
    await open(otherPupil).remove('goal-rating', copy);
    const kept = await stored('goal-rating', rating.id);
    assert.equal(kept?.value, 2);
    assert.equal(kept?.status, 'published');
  });

  it('does not report someone else\'s damaged rating (with its content) to other members', async (t) => {
    const { open, raw, rating } = await rated(t);
    const damaged = { ...rating, value: 9 } as unknown as RawRecord;
    await raw.write(SPACE, [{ type: 'put', record: damaged, expectedRev: rating.rev }], { origin: 'disk' });
    const reports = new Map<string, unknown[]>();
    const stores = new Map([pupil, otherPupil, teacher].map((user) => {
      const store = open(user);
      const seen: unknown[] = [];
      store.addEventListener('invalid', (event) => seen.push((event as CustomEvent).detail));
      reports.set(user.id, seen);
      return [user.id, store] as const;
    }));
    for (const [id, store] of stores) {
      const { invalid } = await store.list('goal-rating');
      assert.equal(invalid.length, id === otherPupil.id ? 0 : 1, `${id} is told of the damage: ${id !== otherPupil.id}`);
    }
    await rejectsWith(stores.get(otherPupil.id)!.get('goal-rating', rating.id), 'not-found');
    await rejectsWith(stores.get(pupil.id)!.get('goal-rating', rating.id), 'validation');
    assert.equal(reports.get(otherPupil.id)!.length, 0);
    assert.equal(reports.get(teacher.id)!.length, 1, 'the teacher is told once, by the one list');
  });

  it('a teacher may correct a pupil\'s rating; the pupil sees the change', async (t) => {
    const { open, ana, rating } = await rated(t);
    const anaView = watch(ana);
    await open(teacher).update('goal-rating', rating, { value: 3 });
    await settle();
    assert.equal(anaView.changes.at(-1)?.record?.value, 3);
  });

  it('needs no approval under moderation: a self-rating is published at once, and stays so when changed', async (t) => {
    const w = world(t);
    await plan(w.open(teacher));
    const ana = w.open(pupil, { settings: { moderation: 'all' } });
    const rating = await ana.create('goal-rating', { goal: 'goal-words', moment: 'before', value: 2 }, { id: ratingId('goal-words', 'before', pupil.id) });
    assert.equal(rating.status, 'published');
    const changed = await ana.update('goal-rating', rating, { value: 4 });
    assert.equal(changed.status, 'published');
    // Her glossary entry in the same space still waits for approval.
    assert.equal((await ana.create('glossary', { translations: { en: { term: 'tide' } } })).status, 'pending');
  });
});

describe('rules: references to other records', () => {
  it('refuses an activity in a phase that does not exist, with a sentence naming it, and writes nothing', async (t) => {
    const { open, storedAll } = world(t);
    const store = open(teacher);
    await plan(store);
    const error = await rejectsWith<TwinValidationError>(store.create('activity', activity('Icebreaking'), { phase: 'xyz' }), 'validation');
    assert.equal(error.message, 'The phase "xyz" does not exist or was removed: choose another phase.');
    assert.deepEqual(error.issues.map((issue) => issue.path), ['phase']);
    assert.deepEqual(await storedAll('activity'), []);
  });

  it('refuses an activity in an archived phase, and a learning goal that does not exist', async (t) => {
    const { open } = world(t);
    const store = open(teacher);
    const [preparation] = await plan(store);
    await store.update('phase', preparation, { archived: true });
    const archived = await rejectsWith(store.create('activity', activity('Meet'), { phase: 'preparation' }), 'validation');
    assert.equal(archived.message, 'The phase "preparation" does not exist or was removed: choose another phase.');
    const goal = await rejectsWith<TwinValidationError>(store.create('activity', activity('Meet', { goals: ['goal-words', 'goal-gone'] }), { phase: 'mobility' }), 'validation');
    assert.equal(goal.message, 'The learning goal "goal-gone" does not exist or was removed: choose another learning goal.');
    assert.deepEqual(goal.issues.map((issue) => issue.path), ['goals']);
  });

  it('accepts an activity whose phase and goals exist, also when the phase comes from the default phase', async (t) => {
    const { open } = world(t);
    const store = open(teacher, { defaultPhase: 'mobility' });
    await plan(store);
    const saved = await store.create('activity', activity('Fieldwork', { goals: ['goal-words', 'goal-maps'] }));
    assert.equal(saved.phase, 'mobility');
    store.setDefaultPhase('reflection');
    await rejectsWith(store.create('activity', activity('Later')), 'validation');
    store.setDefaultPhase(undefined);
    const none = await rejectsWith(store.create('activity', activity('Nowhere')), 'validation');
    assert.match(none.message, /phase an activity must belong to a phase/);
  });

  it('a self-rating must name a learning goal that exists and that the pupil can read', async (t) => {
    const { open } = world(t);
    const teacherStore = open(teacher);
    await plan(teacherStore);
    const ana = open(pupil);
    const missing = await rejectsWith<TwinValidationError>(
      ana.create('goal-rating', { goal: 'goal-nope', moment: 'before', value: 3 }, { id: ratingId('goal-nope', 'before', pupil.id) }),
      'validation',
    );
    assert.equal(missing.message, 'The learning goal "goal-nope" does not exist or was removed: choose another learning goal.');
    assert.deepEqual(missing.issues.map((issue) => issue.path), ['goal']);
    const ok = await ana.create('goal-rating', { goal: 'goal-maps', moment: 'after', value: 5 }, { id: ratingId('goal-maps', 'after', pupil.id) });
    assert.equal(ok.value, 5);
    // A goal a teacher hid is, for a pupil, not there.
    await teacherStore.setStatus('goal', await teacherStore.get('goal', 'goal-words'), 'hidden');
    await rejectsWith(ana.create('goal-rating', { goal: 'goal-words', moment: 'before', value: 3 }, { id: ratingId('goal-words', 'before', pupil.id) }), 'validation');
  });

  it('on update, checks only what changed: an activity left in a removed phase can still be edited', async (t) => {
    const { open, stored } = world(t);
    const store = open(teacher);
    const [preparation] = await plan(store);
    const meet = await store.create('activity', activity('Meet', { goals: ['goal-words'] }), { phase: 'preparation' });
    await store.update('phase', preparation, { archived: true });
    const goal = await store.get('goal', 'goal-words');
    await store.remove('goal', goal);
    // Same phase, same (now deleted) goal: other fields can change.
    const renamed = await store.update('activity', meet, { title: 'Meet online', phase: 'preparation', goals: ['goal-words'] });
    assert.equal(renamed.title, 'Meet online');
    // Adding another goal is checked for the new one only.
    const more = await store.update('activity', renamed, { goals: ['goal-words', 'goal-maps'] });
    assert.deepEqual(more.goals, ['goal-words', 'goal-maps']);
    const gone = await rejectsWith(store.update('activity', more, { goals: ['goal-words', 'goal-maps', 'goal-x'] }), 'validation');
    assert.match(gone.message, /learning goal "goal-x" does not exist/);
    // Moving it to a removed or unknown phase is refused; to an existing one, allowed.
    await rejectsWith(store.update('activity', more, { phase: 'nowhere' }), 'validation');
    const moved = await store.update('activity', more, { phase: 'mobility' });
    await rejectsWith(store.update('activity', moved, { phase: 'preparation' }), 'validation');
    assert.equal((await stored('activity', meet.id))?.phase, 'mobility');
  });

  it('checks the current phase of the project settings', async (t) => {
    const { open } = world(t);
    const store = open(teacher);
    await plan(store);
    await rejectsWith(store.create('project', { currentPhase: 'nope' }, { id: PROJECT_RECORD_ID }), 'validation');
    const project = await store.create('project', { currentPhase: 'mobility', travelOut: '2027-03-08' }, { id: PROJECT_RECORD_ID });
    const refused = await rejectsWith(store.update('project', project, { travelBack: '2027-03-01' }), 'validation');
    assert.match(refused.message, /travelBack travel back is before travel out/);
  });

  it('does not check the phase of records of other widgets (a glossary entry\'s phase is free)', async (t) => {
    const { open } = world(t);
    const entry = await open(pupil).create('glossary', { translations: { en: { term: 'Tide' } } }, { phase: 'no-such-phase' });
    assert.equal(entry.phase, 'no-such-phase');
  });

  it('createMany: an activity with a missing phase fails alone', async (t) => {
    const { open } = world(t);
    const store = open(teacher, { defaultPhase: 'mobility' });
    await plan(store);
    const results = await store.createMany('activity', [activity('One'), { ...activity('Two'), phase: 'gone' }, activity('Three')]);
    assert.deepEqual(
      results.map((result) => result.ok),
      [true, false, true],
    );
    assert.match((results[1] as { error: Error }).error.message, /The phase "gone" does not exist or was removed/);
  });
});

describe('store.createAll: all or nothing', () => {
  it('writes phases, goals, activities and project settings of a plan in one adapter write, in order', async (t) => {
    const { open, storedAll, counter } = world(t);
    const store = open(teacher, { defaultPhase: 'preparation' });
    const seen = watch(store);
    const other = watch(open(otherPupil));
    counter.writes = 0;
    const items: CreateAllItem[] = [
      // An activity may name a phase later in the same batch.
      { collection: 'activity', phase: 'mobility', fields: activity('Fieldwork', { goals: ['goal-maps'], widgets: ['board'] }) },
      ...phaseItems(),
      ...goalItems(),
      { collection: 'activity', fields: activity('Meet', { order: 2 }) },
      { collection: 'project', id: PROJECT_RECORD_ID, fields: { title: 'Coasts', currentPhase: 'mobility' } },
    ];
    const saved = await store.createAll(items);
    assert.equal(counter.writes, 1, 'one adapter write');
    assert.deepEqual(
      saved.map((record) => record.collection),
      items.map((item) => item.collection),
    );
    assert.equal(saved[0].phase, 'mobility');
    assert.equal(saved[5].phase, 'preparation', 'the default phase');
    assert.equal(saved[1].phase, undefined, 'a phase does not take the default phase');
    assert.equal(saved[3].phase, undefined, 'nor does a goal');
    assert.equal(saved[6].phase, undefined, 'nor the project settings');
    assert.deepEqual(
      saved.slice(1, 3).map((record) => record.id),
      ['preparation', 'mobility'],
    );
    assert.ok(saved.every((record) => Object.isFrozen(record) && /^\d+-/.test(record.rev) && record.author.id === teacher.id));
    assert.equal((await storedAll('activity')).length, 2);
    assert.equal((await storedAll('phase')).length, 2);
    await settle();
    assert.equal(seen.batches.length, 1, 'one change event for the batch');
    assert.deepEqual(
      seen.changes.map((change) => [change.type, change.collection, change.local]),
      items.map((item) => ['put', item.collection, true]),
    );
    assert.equal(other.changes.length, items.length, 'another tab sees every record');
  });

  it('an empty batch writes nothing', async (t) => {
    const { open, counter } = world(t);
    const store = open(teacher);
    counter.writes = 0;
    assert.deepEqual(await store.createAll([]), []);
    assert.equal(counter.writes, 0);
  });

  it('throws the first invalid item, named by its kind, number and title, and writes nothing', async (t) => {
    const { open, storedCount, counter } = world(t);
    const store = open(teacher);
    counter.writes = 0;
    const error = await rejectsWith<TwinValidationError>(
      store.createAll([
        ...phaseItems(),
        { collection: 'activity', phase: 'mobility', fields: activity('Meet') },
        { collection: 'activity', phase: 'mobility', fields: activity('Share words') },
        { collection: 'activity', phase: 'mobility', fields: activity('Icebreaking', { dueOn: '2027-02-30' }) },
        { collection: 'activity', phase: 'mobility', fields: activity('') },
      ]),
      'validation',
    );
    assert.equal(error.message, 'Activity 3 ("Icebreaking"): dueOn is not a real date. Nothing was saved.');
    assert.deepEqual(error.issues.map((issue) => issue.path), ['dueOn']);
    assert.equal(counter.writes, 0);
    assert.equal(await storedCount(), 0);
  });

  it('names an item without a title by its number, and an unknown collection by its place', async (t) => {
    const { open } = world(t);
    const store = open(teacher);
    const untitled = await rejectsWith(store.createAll([...phaseItems(), { collection: 'activity', phase: 'mobility', fields: { progress: 'planned', order: 1 } }]), 'validation');
    assert.equal(untitled.message, 'Activity 1: title is missing. Nothing was saved.');
    const unknown = await rejectsWith(store.createAll([...phaseItems(), { collection: 'nope', fields: {} }]), 'validation');
    assert.match(unknown.message, /^Item 3: "nope" is not a known collection \(known: .*phase.*\)\. Nothing was saved\.$/);
    const reserved = await rejectsWith(store.createAll([{ collection: 'phase', fields: { name: 'Mobility', order: 1, status: 'published' } }]), 'validation');
    assert.equal(reserved.message, 'Phase 1 ("Mobility"): status is managed by Twinkit. Nothing was saved.');
  });

  it('refuses a reference to a record neither stored nor in the batch, or archived in the batch', async (t) => {
    const { open, storedCount } = world(t);
    const store = open(teacher);
    const missing = await rejectsWith<TwinValidationError>(
      store.createAll([...phaseItems(), { collection: 'activity', phase: 'reflection', fields: activity('Look back') }]),
      'validation',
    );
    assert.equal(missing.message, 'Activity 1 ("Look back"): the phase "reflection" does not exist or was removed: choose another phase. Nothing was saved.');
    assert.deepEqual(missing.issues.map((issue) => issue.path), ['phase']);
    const archived = await rejectsWith(
      store.createAll([
        { collection: 'phase', id: 'old', fields: { name: 'Old', order: 1, archived: true } },
        { collection: 'activity', phase: 'old', fields: activity('Stale') },
      ]),
      'validation',
    );
    assert.match(archived.message, /^Activity 1 \("Stale"\): the phase "old" does not exist or was removed/);
    const goal = await rejectsWith(
      store.createAll([...phaseItems(), { collection: 'activity', phase: 'mobility', fields: activity('Map', { goals: ['goal-maps'] }) }]),
      'validation',
    );
    assert.match(goal.message, /the learning goal "goal-maps" does not exist/);
    assert.equal(await storedCount(), 0);
  });

  it('refuses an id used twice in the batch', async (t) => {
    const { open, storedCount } = world(t);
    const error = await rejectsWith(
      open(teacher).createAll([...phaseItems(), { collection: 'phase', id: 'mobility', fields: { name: 'Mobility again', order: 3 } }]),
      'validation',
    );
    assert.equal(error.message, 'Phase 3 ("Mobility again"): it has the same id ("mobility") as another phase of this batch. Nothing was saved.');
    assert.equal(await storedCount(), 0);
  });

  it('refuses the whole batch for a pupil with one staff-only record in it', async (t) => {
    const { open, storedCount } = world(t);
    await plan(open(teacher));
    const before = await storedCount();
    const ana = open(pupil);
    await rejectsWith(
      ana.createAll([
        { collection: 'glossary', fields: { translations: { en: { term: 'Tide' } } } },
        { collection: 'goal', fields: { title: 'Mine', competence: 'project', order: 9 } },
      ]),
      'permission',
    );
    assert.equal(await storedCount(), before);
    // A pupil's own mixed batch is fine.
    const saved = await ana.createAll([
      { collection: 'glossary', fields: { translations: { en: { term: 'Tide' } } } },
      { collection: 'goal-rating', id: ratingId('goal-words', 'before', pupil.id), fields: { goal: 'goal-words', moment: 'before', value: 4 } },
    ]);
    assert.deepEqual(
      saved.map((record) => record.collection),
      ['glossary', 'goal-rating'],
    );
  });

  it('checks feedback targets like create does', async (t) => {
    const { open, storedAll } = world(t);
    const store = open(pupil);
    await rejectsWith(store.createAll([{ collection: 'glossary-comment', fields: { target: 'no-entry', body: 'Nice' } }]), 'permission');
    assert.deepEqual(await storedAll('glossary-comment'), []);
  });

  it('refuses a batch with an id already stored, writing none of it', async (t) => {
    const { open, storedCount, stored } = world(t);
    const store = open(teacher);
    await store.create('phase', { name: 'Mobility (ours)', order: 5 }, { id: 'mobility' });
    const error = await rejectsWith<TwinConflictError>(store.createAll([...goalItems(), ...phaseItems()]), 'conflict');
    assert.equal(error.message, 'Phase 2 ("Mobility"): a phase with the id "mobility" already exists. Nothing was saved.');
    assert.equal((error.theirs as TwinRecord | undefined)?.name, 'Mobility (ours)');
    assert.equal(await storedCount(), 1);
    assert.equal((await stored('phase', 'mobility'))?.name, 'Mobility (ours)');
  });

  it('takes back what it wrote when the adapter reports an id taken in between', async (t) => {
    let intruder = false;
    // Someone creates "mobility" after the store looked for it and before its write lands.
    const racing = (inner: StorageAdapter): StorageAdapter => ({
      ...inner,
      async write(space, operations, options) {
        if (intruder && operations.some((op) => op.type === 'put' && op.record.id === 'mobility')) {
          intruder = false;
          const theirs = { id: 'mobility', space, collection: 'phase', rev: '0-x', schemaVersion: 1, createdAt: T0, updatedAt: T0, author: { id: admin.id, name: admin.name }, status: 'published', name: 'Their mobility', order: 7 };
          await inner.write(space, [{ type: 'put', record: theirs as RawRecord, expectedRev: null }], { origin: 'someone-else' });
        }
        return inner.write(space, operations, options);
      },
    });
    const { open, storedAll } = world(t, racing);
    const store = open(teacher);
    const seen = watch(store);
    intruder = true;
    const error = await rejectsWith<TwinConflictError>(store.createAll([...goalItems(), ...phaseItems()]), 'conflict');
    assert.equal(error.message, 'Phase 2 ("Mobility"): a phase with the id "mobility" was created by someone else a moment ago. Nothing was saved.');
    assert.deepEqual(await storedAll('goal'), [], 'the goals written are taken back');
    assert.deepEqual(
      (await storedAll('phase')).map((record) => [record.id, record.name]),
      [['mobility', 'Their mobility']],
    );
    await settle();
    assert.ok(seen.changes.every((change) => !change.local), 'no local put of a record taken back');
  });

  it('with fake-indexeddb in Node, a storage failure during the one transaction leaves nothing written (real IndexedDB: create-all.indexeddb.test.ts)', async (t) => {
    const databaseName = `create-all-${Date.now()}`;
    const failing = createIndexedDBAdapter({
      databaseName,
      journal: () => {
        throw new Error('disk full');
      },
    });
    const reader = createIndexedDBAdapter({ databaseName });
    const store = createStore({ adapter: failing, space: SPACE, user: teacher, now: () => new Date(T0) });
    t.after(async () => {
      await store.close();
      await failing.close();
      await reader.close();
    });
    await rejectsWith(store.createAll([...phaseItems(), ...goalItems()]), 'storage-unavailable');
    assert.deepEqual(await reader.list(SPACE, 'phase'), []);
    assert.deepEqual(await reader.list(SPACE, 'goal'), []);
  });

  it('with fake-indexeddb in Node, a plan is written and read back', async (t) => {
    const adapter = createIndexedDBAdapter({ databaseName: `create-all-ok-${Date.now()}` });
    const store = createStore({ adapter, space: SPACE, user: teacher, now: () => new Date(T0) });
    t.after(async () => {
      await store.close();
      await adapter.close();
    });
    await store.createAll([...phaseItems(), ...goalItems(), { collection: 'activity', phase: 'mobility', fields: activity('Map', { goals: ['goal-maps'] }) }]);
    assert.deepEqual((await store.list('phase')).records.map((record) => record.id).sort(), ['mobility', 'preparation']);
    assert.equal((await store.list('activity')).records[0].title, 'Map');
  });
});

describe('store: the default phase', () => {
  it('starts from the options, can be changed and cleared, and is taken by new records of the widgets', async (t) => {
    const { open } = world(t);
    const store = open(pupil, { defaultPhase: 'preparation' });
    assert.equal(store.defaultPhase, 'preparation');
    assert.equal((await store.create('glossary', { translations: { en: { term: 'Tide' } } })).phase, 'preparation');
    store.setDefaultPhase('mobility');
    assert.equal(store.defaultPhase, 'mobility');
    assert.equal((await store.create('glossary', { translations: { en: { term: 'Harbour' } } })).phase, 'mobility');
    assert.equal((await store.create('glossary', { translations: { en: { term: 'Amber' } } }, { phase: 'reflection' })).phase, 'reflection', 'a given phase wins');
    store.setDefaultPhase(undefined);
    assert.equal(store.defaultPhase, undefined);
    assert.equal((await store.create('glossary', { translations: { en: { term: 'Dune' } } })).phase, undefined);
  });

  it('refuses an empty or too long phase id', async (t) => {
    const { open } = world(t);
    const store = open(teacher, { defaultPhase: 'mobility' });
    assert.throws(() => store.setDefaultPhase(''), TwinValidationError);
    assert.throws(() => store.setDefaultPhase('p'.repeat(129)), /default phase must be a phase id/);
    assert.equal(store.defaultPhase, 'mobility', 'unchanged after a refusal');
  });

  it('is not given to phases, goals, the project settings or self-ratings', async (t) => {
    const { open } = world(t);
    const store = open(teacher, { defaultPhase: 'preparation' });
    const [preparation, , goal] = await plan(store);
    assert.equal(preparation.phase, undefined);
    assert.equal(goal.phase, undefined);
    const project = await store.create('project', { title: 'Coasts' }, { id: PROJECT_RECORD_ID });
    assert.equal(project.phase, undefined);
    const rating = await open(pupil, { defaultPhase: 'preparation' }).create(
      'goal-rating',
      { goal: 'goal-words', moment: 'before', value: 3 },
      { id: ratingId('goal-words', 'before', pupil.id) },
    );
    assert.equal(rating.phase, undefined);
  });
});
