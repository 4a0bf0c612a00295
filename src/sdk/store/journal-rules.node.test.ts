import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import type { RawRecord, StorageAdapter } from '../adapter.js';
import { isTwinError, type TwinConflictError, type TwinValidationError } from '../errors.js';
import type { TwinUser } from '../policy/roles.js';
import type { CollectionDefinition } from '../schemas/collections.js';
import { commentSchema } from '../schemas/feedback.js';
import { JOURNAL_SETTINGS_ID } from '../schemas/journal-settings.js';
import { rejectsWith, settle, storeWorld } from '../../test-support/store-world.js';
import type { TwinStore } from './create-store.js';
import type { RecordChange, TwinRecord } from './store-types.js';

const SPACE = 'erasmus-porto';
const T0 = '2027-01-10T10:00:00.000Z';

const admin: TwinUser = { id: 'admin-1', name: 'Alba', role: 'admin', school: 'IES Cervantes' };
const teacher: TwinUser = { id: 'teacher-1', name: 'Tomás', role: 'teacher', school: 'IES Cervantes' };
const partnerTeacher: TwinUser = { id: 'teacher-2', name: 'Tadeusz', role: 'teacher', school: 'Szkoła nr 12' };
const ana: TwinUser = { id: 'pupil-ana', name: 'Ana', role: 'pupil', school: 'IES Cervantes' };
/** Same school as Ana, typed differently. */
const carla: TwinUser = { id: 'pupil-carla', name: 'Carla', role: 'pupil', school: '  ies  CERVANTES ' };
const bruno: TwinUser = { id: 'pupil-bruno', name: 'Bruno', role: 'pupil', school: 'Szkoła nr 12' };
const dani: TwinUser = { id: 'pupil-dani', name: 'Dani', role: 'pupil' };
/** A pupil moderator of Ana's school, and one of the partner school. */
const mateo: TwinUser = { id: 'mod-mateo', name: 'Mateo', role: 'moderator', school: 'IES Cervantes' };
const maya: TwinUser = { id: 'mod-maya', name: 'Maya', role: 'moderator', school: 'Szkoła nr 12' };
const olga: TwinUser = { id: 'obs-olga', name: 'Olga', role: 'observer', school: 'IES Cervantes' };

/** One memory backing; each `open` is a tab with its own store. Counts adapter writes and gets. */
const world = (t: TestContext, adapterFor?: (raw: StorageAdapter) => StorageAdapter) => storeWorld(t, { space: SPACE, now: T0, adapterFor });

function watch(store: TwinStore) {
  const changes: RecordChange[] = [];
  store.subscribe((batch) => changes.push(...batch));
  return changes;
}

const entry = (visibility: string, extra: Record<string, unknown> = {}) => ({
  date: '2027-01-11',
  title: `A ${visibility} day`,
  body: '<p>We walked to the <strong>river</strong>.</p>',
  visibility,
  ...extra,
});
const feedback = (target: string, extra: Record<string, unknown> = {}) => ({ target, kind: 'liked', body: 'I liked your photo of the bridge.', ...extra });

/** Who reads, among everyone: ids of the users whose store lists the record. */
async function readers(open: (user: TwinUser) => TwinStore, collection: string, id: string, users: TwinUser[]): Promise<string[]> {
  const seen: string[] = [];
  for (const user of users) {
    const store = open(user);
    const listed = (await store.list(collection)).records.some((record) => record.id === id);
    let got = false;
    try {
      await store.get(collection, id);
      got = true;
    } catch (error) {
      assert.ok(isTwinError(error) && error.code === 'not-found', `${user.name}: ${String(error)}`);
    }
    assert.equal(listed, got, `${user.name}: list and get agree`);
    if (listed) seen.push(user.id);
  }
  return seen;
}

const EVERYONE = [admin, teacher, partnerTeacher, ana, carla, bruno, dani, mateo, maya, olga];
const ids = (users: TwinUser[]) => users.map((user) => user.id);

describe('journal rules: who reads an entry (visibility)', () => {
  it('a private entry: its author and staff only', async (t) => {
    const { open } = world(t);
    const saved = await open(ana).create('journal', entry('private'));
    assert.deepEqual(await readers(open, 'journal', saved.id, EVERYONE), ids([admin, teacher, partnerTeacher, ana]));
    assert.equal(open(carla).can('read', saved), false);
    assert.equal(open(carla).can('comment', saved), false);
  });

  it('a school entry: also the members of the author\'s school, compared trimmed and case-insensitively; not a user without school, not observers', async (t) => {
    const { open } = world(t);
    const saved = await open(ana).create('journal', entry('school'));
    assert.deepEqual(await readers(open, 'journal', saved.id, EVERYONE), ids([admin, teacher, partnerTeacher, ana, carla, mateo]));
  });

  it('a school entry of an author without a school: author and staff only', async (t) => {
    const { open } = world(t);
    const saved = await open(dani).create('journal', entry('school'));
    assert.deepEqual(await readers(open, 'journal', saved.id, [teacher, ana, dani, bruno]), ids([teacher, dani]));
  });

  it('a space entry: every member and observer; while pending, its author, moderators who may read it and staff', async (t) => {
    const { open } = world(t);
    const saved = await open(ana).create('journal', entry('space'));
    assert.deepEqual(await readers(open, 'journal', saved.id, EVERYONE), ids(EVERYONE));
    const waiting = await open(ana, { settings: { moderation: 'pupils' } }).create('journal', entry('space'));
    assert.equal(waiting.status, 'pending');
    assert.deepEqual(await readers(open, 'journal', waiting.id, EVERYONE), ids([admin, teacher, partnerTeacher, ana, mateo, maya]));
    // Pending and school-only: a moderator of another school does not see it.
    const schoolWaiting = await open(ana, { settings: { moderation: 'pupils' } }).create('journal', entry('school'));
    assert.deepEqual(await readers(open, 'journal', schoolWaiting.id, [ana, carla, mateo, maya, teacher]), ids([ana, mateo, teacher]));
  });

  it('changes of visibility reach others as puts and deletes', async (t) => {
    const { open } = world(t);
    const anaStore = open(ana);
    const saved = await anaStore.create('journal', entry('space'));
    const views = new Map([bruno, carla, teacher, olga].map((user) => [user.id, watch(open(user))]));
    const privately = await anaStore.update('journal', saved, { visibility: 'private' });
    await settle();
    const types = (user: TwinUser) => views.get(user.id)!.map((change) => [change.type, change.record?.visibility]);
    assert.deepEqual(types(bruno), [['delete', undefined]]);
    assert.deepEqual(types(olga), [['delete', undefined]]);
    assert.deepEqual(types(teacher), [['put', 'private']]);
    await anaStore.update('journal', privately, { visibility: 'school' });
    await settle();
    assert.deepEqual(types(carla), [['delete', undefined], ['put', 'school']]);
    assert.deepEqual(types(bruno), [['delete', undefined], ['delete', undefined]]);
  });

  it('does not report a damaged private entry, with its content, to other pupils', async (t) => {
    const { open, raw } = world(t);
    const saved = await open(ana).create('journal', entry('private', { title: 'My secret worries' }));
    await raw.write(SPACE, [{ type: 'put', record: { ...saved, confidence: 9 } as unknown as RawRecord, expectedRev: saved.rev }], { origin: 'disk' });
    for (const [user, told] of [
      [ana, true],
      [teacher, true],
      [carla, false],
      [bruno, false],
    ] as const) {
      const store = open(user);
      const reports: unknown[] = [];
      store.addEventListener('invalid', (event) => reports.push((event as CustomEvent).detail));
      const { invalid } = await store.list('journal');
      assert.equal(invalid.length, told ? 1 : 0, `${user.name} is told: ${told}`);
      await rejectsWith(store.get('journal', saved.id), told ? 'validation' : 'not-found');
      assert.equal(reports.length > 0, told);
    }
  });

  it('a conflict never hands over an entry the user may not read', async (t) => {
    const { open } = world(t);
    const secret = await open(ana).create('journal', entry('private', { title: 'My secret worries' }));
    const brunoStore = open(bruno);
    const taken = await rejectsWith<TwinConflictError>(brunoStore.create('journal', entry('space'), { id: secret.id }), 'conflict');
    assert.equal(taken.theirs, undefined);
    const batch = await rejectsWith<TwinConflictError>(brunoStore.createAll([{ collection: 'journal', id: secret.id, fields: entry('space') }]), 'conflict');
    assert.equal(batch.theirs, undefined);
    // The teacher, who may read it, is shown what is stored.
    const teacherTaken = await rejectsWith<TwinConflictError>(open(teacher).create('journal', entry('space'), { id: secret.id }), 'conflict');
    assert.equal((teacherTaken.theirs as TwinRecord | undefined)?.title, 'My secret worries');
  });

  it('lets a collection have its own read rule, as a function', async (t) => {
    const teamNotes: CollectionDefinition = {
      name: 'team-note',
      schema: commentSchema,
      version: 1,
      readableBy: (record, user) => user.role === 'admin' || (typeof record.body === 'string' && record.body.startsWith(`@${user.name}`)),
    };
    const { open } = world(t);
    const options = { collections: { 'team-note': teamNotes } };
    const note = await open(teacher, options).create('team-note', { target: 'x', body: '@Bruno bring the map' });
    const seen = [];
    for (const user of [admin, teacher, bruno, ana]) if ((await open(user, options).list('team-note')).records.some((r) => r.id === note.id)) seen.push(user.id);
    assert.deepEqual(seen, ids([admin, bruno]), 'the function decides, for staff too');
  });
});

describe('journal rules: feedback follows its entry', () => {
  it('is delivered only to those who can read the entry, in list, get and change events', async (t) => {
    const { open } = world(t);
    const anaStore = open(ana);
    const schoolEntry = await anaStore.create('journal', entry('school'));
    const note = await open(carla).create('journal-feedback', feedback(schoolEntry.id));
    assert.deepEqual(await readers(open, 'journal-feedback', note.id, [admin, partnerTeacher, ana, carla, bruno, maya, mateo, olga]), ids([admin, partnerTeacher, ana, carla, mateo]));
    const brunoView = watch(open(bruno));
    const mateoView = watch(open(mateo));
    const another = await open(carla).create('journal-feedback', feedback(schoolEntry.id, { kind: 'wonder', body: 'I wonder how cold it was.' }));
    await settle();
    assert.deepEqual(brunoView.map((change) => [change.type, change.id, change.record]), [['delete', another.id, undefined]]);
    assert.deepEqual(mateoView.map((change) => [change.type, change.id]), [['put', another.id]]);
  });

  it('leaves the view of a reader when its entry becomes private; staff still read it', async (t) => {
    const { open } = world(t);
    const anaStore = open(ana);
    const spaceEntry = await anaStore.create('journal', entry('space'));
    const note = await open(bruno).create('journal-feedback', feedback(spaceEntry.id));
    assert.equal((await open(olga).list('journal-feedback')).records.length, 1);
    await anaStore.update('journal', spaceEntry, { visibility: 'private' });
    assert.deepEqual(await readers(open, 'journal-feedback', note.id, [teacher, ana, bruno, carla, olga]), ids([teacher, ana]));
  });

  it('is not handed over in a conflict, nor edited, once its entry cannot be read', async (t) => {
    const { open } = world(t);
    const anaStore = open(ana);
    const spaceEntry = await anaStore.create('journal', entry('space'));
    const brunoStore = open(bruno);
    const mine = await brunoStore.create('journal-feedback', feedback(spaceEntry.id));
    const other = await anaStore.create('journal', entry('space', { title: 'Another day' }));
    await anaStore.update('journal', spaceEntry, { visibility: 'private' });
    // Carla writes on an entry she reads, with the id of Bruno's feedback on the now private one.
    const taken = await rejectsWith<TwinConflictError>(open(carla).create('journal-feedback', feedback(other.id), { id: mine.id }), 'conflict');
    assert.equal(taken.theirs, undefined);
    const edit = await rejectsWith<TwinConflictError>(brunoStore.update('journal-feedback', mine, { body: 'Changed my mind' }), 'conflict');
    assert.equal(edit.theirs, undefined);
    assert.match(edit.message, /^Someone deleted this feedback while you were editing it/);
    const teacherTaken = await rejectsWith<TwinConflictError>(open(teacher).create('journal-feedback', feedback(spaceEntry.id), { id: mine.id }), 'conflict');
    assert.equal((teacherTaken.theirs as TwinRecord | undefined)?.id, mine.id);
  });

  it('hides feedback whose entry is gone from everyone but staff', async (t) => {
    const { open } = world(t);
    const anaStore = open(ana);
    const spaceEntry = await anaStore.create('journal', entry('space'));
    const note = await open(carla).create('journal-feedback', feedback(spaceEntry.id));
    await anaStore.remove('journal', spaceEntry);
    assert.deepEqual(await readers(open, 'journal-feedback', note.id, [teacher, ana, carla]), ids([teacher]));
  });

  it('looks each entry up once per list, and reads the entries once when there are many', async (t) => {
    const { open, counter } = world(t);
    const anaStore = open(ana);
    const spaceEntry = await anaStore.create('journal', entry('space'));
    const privateEntry = await anaStore.create('journal', entry('private'));
    const teacherStore = open(teacher);
    for (let i = 0; i < 5; i++) await teacherStore.create('journal-feedback', feedback(i % 2 ? spaceEntry.id : privateEntry.id, { body: `Note ${i}` }));
    const brunoStore = open(bruno);
    counter.gets = 0;
    const few = await brunoStore.list('journal-feedback');
    assert.equal(few.records.length, 2, 'the feedback on the space entry');
    assert.equal(counter.gets, 2, 'one read per entry');
    // Many entries: one list of the journal instead of a read per entry.
    const many = await anaStore.createMany('journal', Array.from({ length: 10 }, (_, i) => entry(i % 2 ? 'space' : 'private', { title: `Day ${i}` })));
    await teacherStore.createMany('journal-feedback', many.map((result) => feedback((result as { record: TwinRecord }).record.id)));
    counter.gets = 0;
    const listed = await brunoStore.list('journal-feedback');
    assert.equal(counter.gets, 0);
    assert.equal(listed.records.length, 2 + 5);
  });

  it('cannot be given on an entry the user cannot read, by create, createMany or createAll', async (t) => {
    const { open, storedAll } = world(t);
    const anaStore = open(ana);
    const privateEntry = await anaStore.create('journal', entry('private'));
    const schoolEntry = await anaStore.create('journal', entry('school'));
    const brunoStore = open(bruno);
    const refused = await rejectsWith(brunoStore.create('journal-feedback', feedback(privateEntry.id)), 'permission');
    assert.equal(refused.message, 'Bruno (pupil) may not comment on this record: it does not exist or cannot be read.');
    await rejectsWith(brunoStore.create('journal-feedback', feedback(schoolEntry.id)), 'permission');
    const [result] = await brunoStore.createMany('journal-feedback', [feedback(schoolEntry.id)]);
    assert.equal(result.ok, false);
    await rejectsWith(brunoStore.createAll([{ collection: 'journal-feedback', fields: feedback(privateEntry.id) }]), 'permission');
    await rejectsWith(open(olga).create('journal-feedback', feedback(schoolEntry.id)), 'permission');
    assert.deepEqual(await storedAll('journal-feedback'), []);
    // Carla, of Ana's school, may.
    assert.equal((await open(carla).create('journal-feedback', feedback(schoolEntry.id))).status, 'published');
  });
});

describe('journal rules: peer feedback approval (journal settings)', () => {
  async function approving(t: TestContext, feedbackApproval: boolean | 'damaged') {
    const w = world(t);
    const teacherStore = w.open(teacher);
    const settings = await teacherStore.create('journal-settings', { feedbackApproval: feedbackApproval === true }, { id: JOURNAL_SETTINGS_ID });
    if (feedbackApproval === 'damaged') {
      await w.raw.write(SPACE, [{ type: 'put', record: { ...settings, feedbackApproval: 'maybe' } as unknown as RawRecord, expectedRev: settings.rev }], { origin: 'disk' });
    }
    const anaStore = w.open(ana);
    const spaceEntry = await anaStore.create('journal', entry('space'));
    return { ...w, teacherStore, anaStore, spaceEntry };
  }

  it('makes a pupil\'s new feedback wait, with moderation off; staff\'s and moderators\' are published', async (t) => {
    const { open, teacherStore, spaceEntry } = await approving(t, true);
    const bruno1 = await open(bruno).create('journal-feedback', feedback(spaceEntry.id));
    assert.equal(bruno1.status, 'pending');
    const [many] = await open(bruno).createMany('journal-feedback', [feedback(spaceEntry.id)]);
    assert.equal(many.ok && many.record.status, 'pending');
    const [all] = await open(carla).createAll([{ collection: 'journal-feedback', fields: feedback(spaceEntry.id) }]);
    assert.equal(all.status, 'pending');
    assert.equal((await teacherStore.create('journal-feedback', feedback(spaceEntry.id))).status, 'published');
    assert.equal((await open(maya).create('journal-feedback', feedback(spaceEntry.id))).status, 'published');
    // Other collections are not concerned: a glossary comment is published.
    const term = await open(ana).create('glossary', { translations: { en: { term: 'Tide' } } });
    assert.equal((await open(bruno).create('glossary-comment', { target: term.id, body: 'Nice' })).status, 'published');
  });

  it('keeps pending feedback from the entry\'s author until a teacher approves it', async (t) => {
    const { open, teacherStore, anaStore, spaceEntry } = await approving(t, true);
    const waiting = await open(bruno).create('journal-feedback', feedback(spaceEntry.id));
    assert.deepEqual(await readers(open, 'journal-feedback', waiting.id, [ana, bruno, carla, maya, teacher]), ids([bruno, maya, teacher]));
    const anaView = watch(anaStore);
    await teacherStore.setStatus('journal-feedback', await teacherStore.get('journal-feedback', waiting.id), 'published');
    await settle();
    assert.deepEqual(anaView.map((change) => [change.type, change.record?.status]), [['put', 'published']]);
    assert.equal((await anaStore.list('journal-feedback')).records.length, 1);
  });

  it('sends a pupil\'s edited published feedback back for approval', async (t) => {
    const { open, teacherStore, spaceEntry } = await approving(t, false);
    const brunoStore = open(bruno);
    const published = await brunoStore.create('journal-feedback', feedback(spaceEntry.id));
    assert.equal(published.status, 'published');
    const settings = await teacherStore.get('journal-settings', JOURNAL_SETTINGS_ID);
    await teacherStore.update('journal-settings', settings, { feedbackApproval: true });
    const edited = await brunoStore.update('journal-feedback', published, { body: 'I liked the bridge, and the boats.' });
    assert.equal(edited.status, 'pending');
  });

  it('publishes at once without the setting, or with it off', async (t) => {
    const { open, spaceEntry } = await approving(t, false);
    assert.equal((await open(bruno).create('journal-feedback', feedback(spaceEntry.id))).status, 'published');
    const w = world(t);
    const first = await w.open(ana).create('journal', entry('space'));
    assert.equal((await w.open(bruno).create('journal-feedback', feedback(first.id))).status, 'published', 'no settings record');
  });

  it('fails safe: a damaged settings record makes pupils\' feedback wait', async (t) => {
    const { open, spaceEntry } = await approving(t, 'damaged');
    assert.equal((await open(bruno).create('journal-feedback', feedback(spaceEntry.id))).status, 'pending');
  });

  it('lets only staff change the journal settings, kept in one record', async (t) => {
    const { open } = world(t);
    const refused = await rejectsWith(open(ana).create('journal-settings', { feedbackApproval: false }, { id: JOURNAL_SETTINGS_ID }), 'permission');
    assert.match(refused.message, /^Only teachers can add the journal settings to this space: Ana is signed in as a pupil\. Nothing was saved\.$/);
    const wrongId = await rejectsWith(open(teacher).create('journal-settings', { feedbackApproval: true }, { id: 'other' }), 'validation');
    assert.match(wrongId.message, /was not saved: id must be "settings": a space keeps its journal settings in one record\.$/);
  });
});

describe('journal rules: teachers\' notes to a pupil', () => {
  it('are read by staff and the pupil named only, and written by staff only', async (t) => {
    const { open } = world(t);
    const note = await open(teacher).create('journal-note', { pupil: ana.id, body: 'Great photos this week!', week: '2027-01-11' });
    assert.equal(note.phase, undefined, 'a note takes no default phase');
    assert.deepEqual(await readers(open, 'journal-note', note.id, EVERYONE), ids([admin, teacher, partnerTeacher, ana]));
    const refused = await rejectsWith(open(mateo).create('journal-note', { pupil: ana.id, body: 'Hi' }), 'permission');
    assert.match(refused.message, /^Only teachers can add a note to this space: Mateo is signed in as a moderator\./);
    const brunoView = watch(open(bruno));
    const anaView = watch(open(ana));
    await open(teacher).create('journal-note', { pupil: ana.id, body: 'And the map.' });
    await settle();
    assert.equal(brunoView[0]?.type, 'delete');
    assert.equal(anaView[0]?.type, 'put');
    // Ana reads it but cannot change it.
    assert.equal(open(ana).can('edit', note), false);
    await rejectsWith(open(ana).update('journal-note', note, { body: 'Changed' }), 'permission');
  });

  it('may name an entry, which must exist', async (t) => {
    const { open } = world(t);
    const mine = await open(ana).create('journal', entry('private'));
    const teacherStore = open(teacher);
    assert.equal((await teacherStore.create('journal-note', { pupil: ana.id, body: 'About this one', entry: mine.id })).entry, mine.id);
    const missing = await rejectsWith<TwinValidationError>(teacherStore.create('journal-note', { pupil: ana.id, body: 'x', entry: 'gone' }), 'validation');
    assert.equal(missing.message, 'The journal entry "gone" does not exist or was removed: choose another journal entry.');
  });
});

describe('journal rules: prompt sets', () => {
  async function phases(store: TwinStore) {
    return store.createAll([
      { collection: 'phase', id: 'preparation', fields: { name: 'Preparation', order: 1 } },
      { collection: 'phase', id: 'mobility', fields: { name: 'Mobility', order: 2, startsOn: '2027-03-08', endsOn: '2027-03-14' } },
    ]);
  }
  const set = (schedule: Record<string, unknown>) => ({ title: 'Week one', prompts: [{ id: 'q1', text: 'What surprised you?' }], schedule, order: 1 });

  it('are written by staff only', async (t) => {
    const { open } = world(t);
    const refused = await rejectsWith(open(ana).create('journal-prompt', set({ from: '2027-01-11' })), 'permission');
    assert.match(refused.message, /^Only teachers can add a prompt set to this space: Ana is signed in as a pupil\. Nothing was saved\.$/);
    const saved = await open(teacher, { defaultPhase: 'mobility' }).create('journal-prompt', set({ from: '2027-01-11', to: '2027-01-15' }));
    assert.equal(saved.phase, undefined, 'a prompt set takes no default phase');
  });

  it('must name a phase that exists and is not archived (schedule.phase), checked again only when it changes', async (t) => {
    const { open } = world(t);
    const teacherStore = open(teacher);
    const [preparation] = await phases(teacherStore);
    const missing = await rejectsWith<TwinValidationError>(teacherStore.create('journal-prompt', set({ phase: 'reflection' })), 'validation');
    assert.equal(missing.message, 'The phase "reflection" does not exist or was removed: choose another phase.');
    assert.deepEqual(missing.issues.map((issue) => issue.path), ['schedule.phase']);
    const saved = await teacherStore.create('journal-prompt', set({ phase: 'preparation' }));
    await teacherStore.update('phase', preparation, { archived: true });
    await rejectsWith(teacherStore.create('journal-prompt', set({ phase: 'preparation' })), 'validation');
    const renamed = await teacherStore.update('journal-prompt', saved, { title: 'Before we travel' });
    assert.equal(renamed.title, 'Before we travel', 'the unchanged phase is not checked again');
    await rejectsWith(teacherStore.update('journal-prompt', renamed, { schedule: { phase: 'nowhere' } }), 'validation');
    const moved = await teacherStore.update('journal-prompt', renamed, { schedule: { phase: 'mobility' } });
    assert.deepEqual(moved.schedule, { phase: 'mobility' });
    const batch = await rejectsWith(teacherStore.createAll([{ collection: 'journal-prompt', fields: set({ phase: 'later' }) }]), 'validation');
    assert.match(batch.message, /^Prompt set 1 \("Week one"\): the phase "later" does not exist or was removed/);
  });
});

describe('journal rules: entries written by version 1', () => {
  it('open through the store with confidence and a rich-text body, and are saved as version 2', async (t) => {
    const { open, raw, stored } = world(t);
    const v1 = {
      id: 'old-1',
      space: SPACE,
      collection: 'journal',
      rev: '0-x',
      schemaVersion: 1,
      createdAt: T0,
      updatedAt: T0,
      author: { id: ana.id, name: ana.name, school: ana.school },
      status: 'published',
      date: '2026-05-04',
      title: 'Day one in Porto',
      body: 'Boats < ships.\nWindy.',
      visibility: 'space',
      rating: 4,
    };
    await raw.write(SPACE, [{ type: 'put', record: v1 as unknown as RawRecord, expectedRev: null }], { origin: 'v1' });
    const anaStore = open(ana);
    const opened = await anaStore.get('journal', 'old-1');
    assert.equal(opened.confidence, 4);
    assert.equal(opened.rating, undefined);
    assert.equal(opened.body, '<p>Boats &lt; ships.<br>Windy.</p>');
    assert.equal((await open(bruno).list('journal')).records[0]?.confidence, 4);
    const edited = await anaStore.update('journal', opened, { learned: 'Obrigado' });
    const after = await stored('journal', 'old-1');
    assert.equal(after?.schemaVersion, 2);
    assert.equal(after?.confidence, 4);
    assert.equal('rating' in (after ?? {}), false);
    assert.equal(edited.learned, 'Obrigado');
  });
});

describe('store.exportPerson', () => {
  async function lived(t: TestContext) {
    const w = world(t);
    const anaStore = w.open(ana);
    const brunoStore = w.open(bruno);
    const teacherStore = w.open(teacher);
    const mine = await anaStore.create('journal', entry('private', { media: [{ attachment: 'file-ana', kind: 'image', alt: 'Bridge' }] }));
    const shared = await anaStore.create('journal', entry('space'));
    const term = await anaStore.create('glossary', { translations: { en: { term: 'Tide' } } });
    const brunos = await brunoStore.create('journal', entry('space', { title: 'Bruno\'s day' }));
    const onBrunos = await anaStore.create('journal-feedback', feedback(brunos.id));
    const onAnas = await brunoStore.create('journal-feedback', feedback(shared.id));
    const brunoOnOwn = await brunoStore.create('journal-feedback', feedback(brunos.id, { kind: 'next' }));
    const noteToAna = await teacherStore.create('journal-note', { pupil: ana.id, body: 'Well done' });
    const noteToBruno = await teacherStore.create('journal-note', { pupil: bruno.id, body: 'Keep going' });
    const hiddenOne = await anaStore.create('journal', entry('space', { title: 'Rude words' }));
    await teacherStore.setStatus('journal', hiddenOne, 'hidden');
    return { ...w, anaStore, brunoStore, teacherStore, mine, shared, term, brunos, onBrunos, onAnas, brunoOnOwn, noteToAna, noteToBruno, hiddenOne };
  }

  it('gives a person everything they wrote, whatever its status, and the notes to them; nothing of others', async (t) => {
    const { anaStore, raw, mine, shared, term, onBrunos, noteToAna, hiddenOne } = await lived(t);
    // A damaged record of hers is in it too, raw.
    await raw.write(SPACE, [{ type: 'put', record: { id: 'broken', space: SPACE, collection: 'board', rev: '0', updatedAt: T0, author: { id: ana.id, name: 'Ana' } } as RawRecord, expectedRev: null }], { origin: 'disk' });
    const data = await anaStore.exportPerson(ana.id);
    assert.equal(data.person, ana.id);
    assert.equal(data.exportedAt, T0);
    const idsOf = (collection: string) => data.records[collection].map((record) => record.id).sort();
    assert.deepEqual(idsOf('journal'), [mine.id, shared.id, hiddenOne.id].sort());
    assert.deepEqual(idsOf('glossary'), [term.id]);
    assert.deepEqual(idsOf('journal-feedback'), [onBrunos.id], 'not the feedback others gave her');
    assert.deepEqual(idsOf('journal-note'), [noteToAna.id]);
    assert.deepEqual(idsOf('board'), []);
    assert.deepEqual(data.invalid.map((report) => [report.collection, report.id]), [['board', 'broken']]);
    for (const collection of ['phase', 'goal-rating', 'journal-prompt', 'journal-settings']) assert.deepEqual(data.records[collection], [], `${collection} is listed, empty`);
    assert.deepEqual(JSON.parse(JSON.stringify(data)).records.journal.length, 3, 'plain JSON');
  });

  it('is for the person themself and staff only', async (t) => {
    const { open, brunoStore } = await lived(t);
    const refused = await rejectsWith(brunoStore.exportPerson(ana.id), 'permission');
    assert.equal(refused.message, "Only teachers, or the person themself, can export a person's data: Bruno (pupil) asked for someone else's. Nothing was exported.");
    await rejectsWith(open(mateo).exportPerson(ana.id), 'permission');
    await rejectsWith(open(olga).exportPerson(ana.id), 'permission');
    assert.equal((await open(admin).exportPerson(ana.id)).records.journal.length, 3);
    const bad = await rejectsWith(open(admin).exportPerson(''), 'validation');
    assert.match(bad.message, /^To export a person's data, name them by their user id/);
  });
});

describe('store.erasePerson', () => {
  async function lived(t: TestContext, adapterFor?: (raw: StorageAdapter) => StorageAdapter) {
    const w = world(t, adapterFor);
    const anaStore = w.open(ana);
    const brunoStore = w.open(bruno);
    const teacherStore = w.open(teacher);
    const put = async (store: TwinStore) => (await store.putAttachment(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2])], { type: 'image/png' }), { maxBytes: 1000, types: ['image/png'] })).id;
    const anaFile = await put(anaStore);
    const sharedFile = await put(anaStore);
    const brunoFile = await put(brunoStore);
    const mine = await anaStore.create('journal', entry('space', { media: [{ attachment: anaFile, kind: 'image', alt: 'Bridge' }, { attachment: sharedFile, kind: 'image', alt: 'Us' }] }));
    await teacherStore.create('board-section', { name: 'Our trip', position: 'a0' }, { id: 'trip' });
    const post = await anaStore.create('board', { kind: 'image', section: 'trip', position: 'a0', attachment: anaFile, alt: 'Bridge' });
    const brunos = await brunoStore.create('journal', entry('space', { title: 'Bruno\'s day', media: [{ attachment: brunoFile, kind: 'image', alt: 'Map' }, { attachment: sharedFile, kind: 'image', alt: 'Us' }] }));
    const anaOnBrunos = await anaStore.create('journal-feedback', feedback(brunos.id));
    const brunoOnAnas = await brunoStore.create('journal-feedback', feedback(mine.id));
    const brunoOnOwn = await brunoStore.create('journal-feedback', feedback(brunos.id, { kind: 'next' }));
    const term = await anaStore.create('glossary', { translations: { en: { term: 'Tide' } } });
    const commentOnTerm = await brunoStore.create('glossary-comment', { target: term.id, body: 'Nice word' });
    const noteToAna = await teacherStore.create('journal-note', { pupil: ana.id, body: 'Well done' });
    const noteToBruno = await teacherStore.create('journal-note', { pupil: bruno.id, body: 'Keep going' });
    const hiddenOne = await anaStore.create('journal', entry('space', { title: 'Rude words' }));
    await teacherStore.setStatus('journal', hiddenOne, 'hidden');
    return { ...w, anaStore, brunoStore, teacherStore, anaFile, sharedFile, brunoFile, mine, post, brunos, anaOnBrunos, brunoOnAnas, brunoOnOwn, term, commentOnTerm, noteToAna, noteToBruno, hiddenOne };
  }
  const allIds = async (storedAll: (collection: string) => Promise<RawRecord[]>) => {
    const out: string[] = [];
    for (const collection of ['journal', 'board', 'journal-feedback', 'glossary', 'glossary-comment', 'journal-note']) out.push(...(await storedAll(collection)).map((record) => `${collection}/${record.id}`));
    return out.sort();
  };

  it('by a teacher: removes all the person wrote, the notes to them, feedback on their records and their files, in one write', async (t) => {
    const w = await lived(t);
    const { teacherStore, storedAll, counter, raw } = w;
    const teacherView = watch(teacherStore);
    counter.writes = 0;
    const result = await teacherStore.erasePerson(ana.id);
    assert.equal(counter.writes, 1, 'one adapter write');
    assert.deepEqual(await allIds(storedAll), [`journal/${w.brunos.id}`, `journal-feedback/${w.brunoOnOwn.id}`, `journal-note/${w.noteToBruno.id}`].sort());
    assert.deepEqual(
      { removed: result.removed, kept: result.kept, files: result.files, filesKept: result.filesKept },
      { removed: 8, kept: 0, files: 1, filesKept: 0 },
    );
    assert.equal(await raw.getAttachment(SPACE, w.anaFile), undefined, 'her file is deleted');
    assert.ok(await raw.getAttachment(SPACE, w.sharedFile), 'a file Bruno\'s entry also shows stays');
    assert.ok(await raw.getAttachment(SPACE, w.brunoFile));
    await settle();
    assert.equal(teacherView.filter((change) => change.type === 'delete' && change.local).length, 8);
  });

  it('by the pupil themself: her own records go; hidden ones, notes to her and others\' feedback stay for a teacher', async (t) => {
    const w = await lived(t);
    const { anaStore, storedAll } = w;
    const result = await anaStore.erasePerson(ana.id);
    assert.deepEqual(
      result.keptRecords.map(({ collection, id, reason }) => [collection, id, reason]).sort(),
      [
        ['journal', w.hiddenOne.id, 'hidden'],
        ['journal-note', w.noteToAna.id, 'not-yours'],
        ['journal-feedback', w.brunoOnAnas.id, 'not-yours'],
        ['glossary-comment', w.commentOnTerm.id, 'not-yours'],
      ].sort(),
    );
    assert.equal(result.kept, 4);
    assert.equal(result.removed, 4);
    assert.equal(result.files, 1, 'her own file; the one Bruno\'s entry shows stays');
    assert.deepEqual(
      await allIds(storedAll),
      [
        `journal/${w.brunos.id}`,
        `journal/${w.hiddenOne.id}`,
        `journal-feedback/${w.brunoOnOwn.id}`,
        `journal-feedback/${w.brunoOnAnas.id}`,
        `glossary-comment/${w.commentOnTerm.id}`,
        `journal-note/${w.noteToAna.id}`,
        `journal-note/${w.noteToBruno.id}`,
      ].sort(),
    );
    // A teacher finishes it: the hidden entry and the note. Feedback on entries already gone can no
    // longer be traced to her (it is invisible to pupils, whose entry is gone): it stays.
    const rest = await w.teacherStore.erasePerson(ana.id);
    assert.deepEqual([rest.removed, rest.kept], [2, 0]);
    assert.deepEqual((await storedAll('journal-feedback')).map((record) => record.id).sort(), [w.brunoOnOwn.id, w.brunoOnAnas.id].sort());
    assert.deepEqual(await w.open(carla).list('journal-feedback').then((list) => list.records.map((record) => record.id)), [w.brunoOnOwn.id]);
  });

  it('is refused to anyone else, and erases nothing', async (t) => {
    const w = await lived(t);
    const before = await allIds(w.storedAll);
    const refused = await rejectsWith(w.brunoStore.erasePerson(ana.id), 'permission');
    assert.equal(refused.message, "Only teachers, or the person themself, can erase a person's data: Bruno (pupil) asked for someone else's. Nothing was erased.");
    await rejectsWith(w.open(mateo).erasePerson(ana.id), 'permission');
    assert.deepEqual(await allIds(w.storedAll), before);
  });

  it('tries again when someone changes a record during the erasure', async (t) => {
    let race: (() => Promise<void>) | undefined;
    const racing = (inner: StorageAdapter): StorageAdapter => ({
      ...inner,
      async write(space, operations, options) {
        if (race && operations.some((op) => op.type === 'delete')) {
          const run = race;
          race = undefined;
          await run();
        }
        return inner.write(space, operations, options);
      },
    });
    const w = await lived(t, racing);
    const { anaStore, teacherStore, storedAll, counter } = w;
    race = async () => {
      await anaStore.update('journal', w.mine, { title: 'Changed at the last moment' });
    };
    counter.writes = 0;
    const result = await teacherStore.erasePerson(ana.id);
    assert.equal(result.kept, 0);
    assert.equal(counter.writes, 3, 'the erasure, the racing edit, the retry');
    assert.deepEqual((await storedAll('journal')).map((record) => record.id), [w.brunos.id]);
  });

  it('of someone with nothing stored removes nothing and writes nothing', async (t) => {
    const { open, counter } = world(t);
    counter.writes = 0;
    const result = await open(teacher).erasePerson('nobody');
    assert.deepEqual(result, { removed: 0, kept: 0, files: 0, filesKept: 0, keptRecords: [] });
    assert.equal(counter.writes, 0);
  });
});

describe('journal rules: names in messages', () => {
  it('calls feedback feedback, without an article', async (t) => {
    const { open } = world(t);
    const spaceEntry = await open(ana).create('journal', entry('space'));
    const brunoStore = open(bruno);
    const first = await brunoStore.create('journal-feedback', feedback(spaceEntry.id));
    const again = await rejectsWith(brunoStore.create('journal-feedback', feedback(spaceEntry.id), { id: first.id }), 'conflict');
    assert.equal(again.message, 'Feedback with this id already exists. Nothing was overwritten.');
    const invalid = await rejectsWith(brunoStore.create('journal-feedback', feedback(spaceEntry.id, { kind: 'love' })), 'validation');
    assert.equal(invalid.message, 'This feedback was not saved: kind must be one of: liked, wonder, next, comment.');
  });
});
