import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import * as z from 'zod/mini';
import type { RawRecord, StorageAdapter } from '../adapter.js';
import { createMemoryAdapter, MemoryBacking } from '../adapters/memory/index.js';
import {
  isTwinError,
  TwinConflictError,
  TwinPermissionError,
  TwinValidationError,
} from '../errors.js';
import type { SpaceSettings, TwinUser } from '../policy/roles.js';
import type { CollectionDefinition } from '../schemas/collections.js';
import { envelopeShape } from '../schemas/envelope.js';
import type { GlossaryEntry } from '../schemas/glossary.js';
import { LIMITS } from '../schemas/limits.js';
import { rejectsWith, settle } from '../../test-support/store-world.js';
import { createStore, type TwinStore } from './create-store.js';
import type { InvalidRecord, RecordChange, StoreOptions, TwinRecord } from './store-types.js';

const SPACE = 'erasmus-porto';
const T0 = '2026-03-01T10:00:00.000Z';

const admin: TwinUser = { id: 'admin-1', name: 'Alba', role: 'admin', school: 'IES Cervantes' };
const teacher: TwinUser = { id: 'teacher-1', name: 'Tomás', role: 'teacher', school: 'IES Cervantes' };
const moderator: TwinUser = { id: 'mod-1', name: 'Maya', role: 'moderator', school: 'Escola do Porto' };
const pupil: TwinUser = { id: 'pupil-1', name: 'Ana', role: 'pupil', school: 'IES Cervantes' };
const otherPupil: TwinUser = { id: 'pupil-2', name: 'Bruno', role: 'pupil' };
const observer: TwinUser = { id: 'obs-1', name: 'Olga', role: 'observer' };

/**
 * One shared backing (one browser profile), on which each `open` makes a store with its own adapter
 * (a tab). Everything opened is closed after the test.
 */
function world(t: TestContext, shared: Partial<StoreOptions> = {}) {
  const backing = new MemoryBacking();
  const stores: TwinStore[] = [];
  const adapters: StorageAdapter[] = [];
  t.after(async () => {
    for (const store of stores) await store.close();
    for (const adapter of adapters) await adapter.close();
  });
  const rawAdapter = () => {
    const adapter = createMemoryAdapter({ backing });
    adapters.push(adapter);
    return adapter;
  };
  const open = (user: TwinUser, options: Partial<StoreOptions> = {}) => {
    const store = createStore({ adapter: rawAdapter(), space: SPACE, user, now: () => new Date(T0), ...shared, ...options });
    stores.push(store);
    return store;
  };
  /** What storage holds, bypassing the store (as another program would see it). */
  const raw = rawAdapter();
  const stored = (collection: string, id: string) => raw.get(SPACE, collection, id);
  const storedAll = (collection: string) => raw.list(SPACE, collection);
  /** Writes raw JSON as an older version, another program or a damaged disk would. */
  const writeRaw = async (record: Record<string, unknown>) => {
    const [result] = await raw.write(SPACE, [{ type: 'put', record: record as RawRecord, expectedRev: null }], { origin: 'outside' });
    assert.ok(result.ok, 'the raw write succeeds');
    return result.rev;
  };
  return { backing, open, stored, storedAll, writeRaw };
}

/** Records every change batch and 'invalid' event a store emits. */
function watch(store: TwinStore) {
  const changes: RecordChange[] = [];
  const invalid: InvalidRecord[] = [];
  store.subscribe((batch) => changes.push(...batch));
  store.addEventListener('invalid', (event) => invalid.push((event as CustomEvent<InvalidRecord>).detail));
  return { changes, invalid };
}

const entry = (term = 'Tide', extra: Record<string, unknown> = {}) => ({
  translations: { en: { term, definition: 'The rise and fall of the sea.' }, es: { term: 'Marea' } },
  ...extra,
});

/** A complete, valid stored glossary record, for writing raw. */
const rawGlossary = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id,
  space: SPACE,
  collection: 'glossary',
  rev: '0-new',
  schemaVersion: 1,
  createdAt: T0,
  updatedAt: T0,
  author: { id: pupil.id, name: pupil.name },
  status: 'published',
  ...entry(`Term ${id}`),
  ...extra,
});

const isoLater = (a: string, b: string) => Date.parse(a) > Date.parse(b);

describe('store: create, get and list', () => {
  it('round-trips a glossary entry and fills the envelope', async (t) => {
    const { open, stored } = world(t);
    const store = open(teacher, { defaultPhase: 'preparation' });
    const created = await store.create('glossary', entry());
    assert.equal(typeof created.id, 'string');
    assert.ok(created.id.length > 0);
    assert.equal(created.space, SPACE);
    assert.equal(created.collection, 'glossary');
    assert.match(created.rev, /^1-/);
    assert.equal(created.schemaVersion, 1);
    assert.equal(created.createdAt, T0);
    assert.equal(created.updatedAt, T0);
    assert.deepEqual(created.author, { id: teacher.id, name: teacher.name, school: teacher.school });
    assert.equal(created.status, 'published');
    assert.equal(created.phase, 'preparation');
    assert.deepEqual(created.translations, entry().translations);

    assert.deepEqual(await store.get('glossary', created.id), created);
    assert.deepEqual(await store.list('glossary'), { records: [created], invalid: [] });
    assert.deepEqual(await stored('glossary', created.id), created, 'storage holds exactly what create returned');
  });

  it('takes the phase from the options, then the fields, then the default phase, else none', async (t) => {
    const { open } = world(t);
    const withDefault = open(pupil, { defaultPhase: 'mobility' });
    assert.equal((await withDefault.create('glossary', entry(), { phase: 'reflection' })).phase, 'reflection');
    assert.equal((await withDefault.create('glossary', entry('Sea', { phase: 'dissemination' }))).phase, 'dissemination');
    assert.equal((await withDefault.create('glossary', entry('Sand'))).phase, 'mobility');
    const noDefault = await open(pupil).create('glossary', entry('Wave'));
    assert.equal('phase' in noDefault, false);
    const mobility = await withDefault.list('glossary', { phase: 'mobility' });
    assert.deepEqual(mobility.records.map((r) => r.translations), [entry('Sand').translations]);
  });

  it('uses a chosen id, and refuses to overwrite an existing one', async (t) => {
    const { open, stored } = world(t);
    const store = open(pupil);
    const first = await store.create('glossary', entry('First'), { id: 'tide' });
    assert.equal(first.id, 'tide');
    const error = await rejectsWith<TwinConflictError>(store.create('glossary', entry('Second'), { id: 'tide' }), 'conflict');
    assert.equal((error.theirs as TwinRecord).rev, first.rev);
    assert.deepEqual((await stored('glossary', 'tide'))?.translations, entry('First').translations);
  });

  it('stores an author without a school as id and name only', async (t) => {
    const { open } = world(t);
    const created = await open(otherPupil).create('glossary', entry());
    assert.deepEqual(created.author, { id: otherPupil.id, name: otherPupil.name });
  });

  it('sets the status from the moderation mode', async (t) => {
    const cases: [TwinUser, SpaceSettings['moderation'], string][] = [
      [pupil, 'off', 'published'],
      [pupil, 'pupils', 'pending'],
      [pupil, 'all', 'pending'],
      [moderator, 'pupils', 'published'],
      [moderator, 'all', 'pending'],
      [teacher, 'all', 'published'],
      [admin, 'all', 'published'],
    ];
    const { open } = world(t);
    for (const [user, moderation, status] of cases) {
      const created = await open(user, { settings: { moderation } }).create('glossary', entry());
      assert.equal(created.status, status, `${user.role} with moderation ${moderation}`);
    }
  });

  it('keeps unknown future fields through read and update', async (t) => {
    const { open, stored, writeRaw } = world(t);
    await writeRaw(
      rawGlossary('future', {
        futureField: { votes: 3 },
        translations: { en: { term: 'Tide', pronunciation: 'taɪd' } },
        author: { id: pupil.id, name: pupil.name, avatar: 'whale' },
      }),
    );
    const store = open(teacher);
    const read = await store.get('glossary', 'future');
    assert.deepEqual(read.futureField, { votes: 3 });
    assert.equal((read.translations as { en: Record<string, unknown> }).en.pronunciation, 'taɪd');
    assert.equal((read.author as Record<string, unknown>).avatar, 'whale');

    const updated = await store.update('glossary', read, { category: 'Nature' });
    assert.equal(updated.category, 'Nature');
    const raw = await stored('glossary', 'future');
    assert.deepEqual(raw?.futureField, { votes: 3 });
    assert.equal((raw?.translations as { en: Record<string, unknown> }).en.pronunciation, 'taɪd');
    assert.equal((raw?.author as Record<string, unknown>).avatar, 'whale');

    const created = await store.create('glossary', entry('Wave', { fromPlugin: [1, 2] }));
    assert.deepEqual((await store.get('glossary', created.id)).fromPlugin, [1, 2]);
  });

  it('removes a field when an update sets it to undefined', async (t) => {
    const { open, stored } = world(t);
    const store = open(pupil);
    const created = await store.create('glossary', entry('Tide', { category: 'Nature' }));
    const updated = await store.update('glossary', created, { category: undefined });
    assert.equal('category' in updated, false);
    assert.equal('category' in (await stored('glossary', created.id))!, false);
  });

  it('refuses an unknown collection with a validation error naming the known ones', async (t) => {
    const { open } = world(t);
    const error = await rejectsWith(open(teacher).create('recipes', { name: 'x' }), 'validation');
    assert.match(error.message, /"recipes" is not a known collection/);
    assert.match(error.message, /glossary/);
  });
});

describe('store: invalid stored records', () => {
  it('reports an invalid record in list().invalid and by an event, and still lists the valid ones', async (t) => {
    const { open, writeRaw } = world(t);
    const store = open(teacher);
    const { invalid: events } = watch(store);
    const a = await store.create('glossary', entry('Alpha'));
    await writeRaw(rawGlossary('broken', { translations: {} }));
    await writeRaw(rawGlossary('bad-status', { status: 'deleted', updatedAt: '2026-03-01T11:00:00.000Z' }));
    const b = await store.create('glossary', entry('Beta'));
    await settle();
    // The open store already saw the bad writes arrive as changes; count only what list reports.
    assert.deepEqual(events.map((e) => e.id).sort(), ['bad-status', 'broken']);
    events.length = 0;

    const { records, invalid } = await store.list('glossary');
    assert.deepEqual(records.map((r) => r.id).sort(), [a.id, b.id].sort());
    assert.deepEqual(invalid.map((r) => r.id).sort(), ['bad-status', 'broken']);
    const broken = invalid.find((r) => r.id === 'broken')!;
    assert.equal(broken.collection, 'glossary');
    assert.deepEqual(broken.issues.map((issue) => issue.path), ['translations']);
    assert.equal((broken.raw as Record<string, unknown>).id, 'broken', 'the raw record is kept for the marker');
    assert.deepEqual(invalid.find((r) => r.id === 'bad-status')!.issues.map((issue) => issue.path), ['status']);
    assert.deepEqual(events.map((e) => e.id).sort(), ['bad-status', 'broken']);
  });

  it('get of an invalid record throws a validation error (and reports it), not a crash', async (t) => {
    const { open, writeRaw } = world(t);
    await writeRaw(rawGlossary('broken', { translations: { en: { term: '' } } }));
    const store = open(teacher);
    const { invalid: events } = watch(store);
    const error = await rejectsWith<TwinValidationError>(store.get('glossary', 'broken'), 'validation');
    assert.ok(error instanceof TwinValidationError);
    assert.match(error.message, /translations\.en\.term must not be empty/);
    assert.deepEqual(error.issues.map((issue) => issue.path), ['translations.en.term']);
    assert.deepEqual(events.map((e) => e.id), ['broken']);
  });

  it('get of a missing record throws not-found', async (t) => {
    const { open } = world(t);
    await rejectsWith(open(teacher).get('glossary', 'nothing'), 'not-found');
  });
});

describe('store: validation on write', () => {
  const board = (extra: Record<string, unknown>) => ({ kind: 'link', section: 'links', position: 'a0', ...extra });
  const cases: { name: string; collection: string; fields: Record<string, unknown>; paths: string[]; message: RegExp }[] = [
    {
      name: 'a term over the short-text limit',
      collection: 'glossary',
      fields: entry('x'.repeat(LIMITS.shortText + 1)),
      paths: ['translations.en.term'],
      message: /translations\.en\.term is too long: at most 300 characters/,
    },
    {
      name: 'a definition over the long-text limit',
      collection: 'glossary',
      fields: { translations: { en: { term: 'Tide', definition: 'x'.repeat(LIMITS.longText + 1) } } },
      paths: ['translations.en.definition'],
      message: /translations\.en\.definition is too long: at most 20,000 characters/,
    },
    {
      name: 'a javascript: link on a board post',
      collection: 'board',
      fields: board({ url: 'javascript:alert(document.cookie)' }),
      paths: ['url'],
      message: /url must be an http\(s\) or mailto link/,
    },
    {
      name: 'control characters in a term',
      collection: 'glossary',
      fields: entry('Ti\u0000de'),
      paths: ['translations.en.term'],
      message: /translations\.en\.term contains invisible control characters/,
    },
    {
      name: 'an empty term',
      collection: 'glossary',
      fields: entry(''),
      paths: ['translations.en.term'],
      message: /translations\.en\.term must not be empty/,
    },
    {
      name: 'a status set in the fields',
      collection: 'glossary',
      fields: entry('Tide', { status: 'published' }),
      paths: ['status'],
      message: /status is managed by Twinkit/,
    },
    {
      name: 'an author set in the fields',
      collection: 'glossary',
      fields: entry('Tide', { author: { id: 'teacher-1', name: 'Tomás' } }),
      paths: ['author'],
      message: /author is managed by Twinkit/,
    },
    {
      name: 'several envelope keys set in the fields',
      collection: 'glossary',
      fields: entry('Tide', { rev: '9-x', createdAt: T0, space: 'elsewhere' }),
      paths: ['space', 'rev', 'createdAt'],
      message: /space, rev, createdAt are managed by Twinkit/,
    },
  ];

  for (const { name, collection, fields, paths, message } of cases) {
    it(`refuses ${name} with a readable validation error, and writes nothing`, async (t) => {
      const { open, storedAll } = world(t);
      const store = open(pupil);
      const { changes } = watch(store);
      const error = await rejectsWith<TwinValidationError>(store.create(collection, fields), 'validation');
      assert.ok(error instanceof TwinValidationError);
      assert.match(error.message, message);
      assert.match(error.message, /was not saved/);
      assert.deepEqual(error.issues.map((issue) => issue.path).sort(), [...paths].sort());
      for (const issue of error.issues) assert.ok(issue.message.length > 0);
      await settle();
      assert.deepEqual(await storedAll(collection), []);
      assert.deepEqual(changes, []);
    });
  }

  it('refuses an invalid update and a reserved key in an update, keeping the stored version', async (t) => {
    const { open, stored } = world(t);
    const store = open(pupil);
    await open(teacher).create('board-section', { name: 'Links', position: 'a0' }, { id: 'links' });
    const created = await store.create('board', board({ url: 'https://example.org' }));
    const badUrl = await rejectsWith<TwinValidationError>(store.update('board', created, { url: 'data:text/html,<b>x</b>' }), 'validation');
    assert.deepEqual(badUrl.issues.map((issue) => issue.path), ['url']);
    const reserved = await rejectsWith<TwinValidationError>(store.update('board', created, { status: 'published' }), 'validation');
    assert.deepEqual(reserved.issues.map((issue) => issue.path), ['status']);
    const raw = await stored('board', created.id);
    assert.equal(raw?.url, 'https://example.org');
    assert.equal(raw?.rev, created.rev);
  });
});

describe('store: permissions', () => {
  it('an observer may not create, and nothing is written', async (t) => {
    const { open, storedAll } = world(t);
    const store = open(observer);
    const error = await rejectsWith<TwinPermissionError>(store.create('glossary', entry()), 'permission');
    assert.ok(error instanceof TwinPermissionError);
    assert.equal(error.action, 'create');
    assert.match(error.message, /Olga \(observer\) may not create a glossary entry/);
    await rejectsWith(store.createMany('glossary', [entry()]), 'permission');
    assert.deepEqual(await storedAll('glossary'), []);
    assert.equal(store.can('create'), false);
  });

  it('a pupil may not edit or delete another pupil\'s record', async (t) => {
    const { open, stored } = world(t);
    const created = await open(otherPupil).create('glossary', entry());
    const store = open(pupil);
    const record = await store.get('glossary', created.id);
    assert.equal(store.can('edit', record), false);
    const edit = await rejectsWith<TwinPermissionError>(store.update('glossary', record, { category: 'Mine now' }), 'permission');
    assert.equal(edit.action, 'edit');
    const del = await rejectsWith<TwinPermissionError>(store.remove('glossary', record), 'permission');
    assert.equal(del.action, 'delete');
    assert.deepEqual(await stored('glossary', created.id), created, 'nothing was written');
  });

  it('a pupil may not approve, not even their own record', async (t) => {
    const { open, stored } = world(t, { settings: { moderation: 'pupils' } });
    const store = open(pupil);
    const created = await store.create('glossary', entry());
    assert.equal(created.status, 'pending');
    const error = await rejectsWith<TwinPermissionError>(store.setStatus('glossary', created, 'published'), 'permission');
    assert.equal(error.action, 'approve');
    await rejectsWith(store.setStatus('glossary', created, 'hidden'), 'permission');
    assert.equal((await stored('glossary', created.id))?.status, 'pending');
    assert.equal((await stored('glossary', created.id))?.rev, created.rev);
  });

  it('a moderator may not approve their own record, but may approve a pupil\'s', async (t) => {
    const { open, stored } = world(t, { settings: { moderation: 'all' } });
    const mod = open(moderator);
    const own = await mod.create('glossary', entry('Own'));
    assert.equal(own.status, 'pending');
    await rejectsWith(mod.setStatus('glossary', own, 'published'), 'permission');
    assert.equal((await stored('glossary', own.id))?.status, 'pending');

    const pupils = await open(pupil).create('glossary', entry('Theirs'));
    const approved = await mod.setStatus('glossary', await mod.get('glossary', pupils.id), 'published');
    assert.equal(approved.status, 'published');
    assert.equal((await stored('glossary', pupils.id))?.status, 'published');
  });

  it('an observer may not store attachments', async (t) => {
    const { open, backing } = world(t);
    await rejectsWith(open(observer).putAttachment(new Blob([PNG]), { maxBytes: 1000, types: ['image/png'] }), 'permission');
    assert.equal(backing.attachments.size, 0);
  });
});

describe('store: moderation and visibility', () => {
  it('a pending record is visible to its author, moderators and teachers, not to another pupil or an observer', async (t) => {
    const { open } = world(t, { settings: { moderation: 'pupils' } });
    const author = open(pupil);
    const pending = await author.create('glossary', entry('Pending'));
    const published = await open(teacher).create('glossary', entry('Published'));
    assert.equal(pending.status, 'pending');

    for (const [user, sees] of [
      [pupil, true],
      [moderator, true],
      [teacher, true],
      [admin, true],
      [otherPupil, false],
      [observer, false],
    ] as const) {
      const store = open(user);
      const ids = (await store.list('glossary')).records.map((r) => r.id);
      assert.equal(ids.includes(published.id), true, `${user.role} sees the published record`);
      assert.equal(ids.includes(pending.id), sees, `${user.id} ${sees ? 'sees' : 'does not see'} the pending record in the list`);
      if (sees) assert.equal((await store.get('glossary', pending.id)).id, pending.id);
      else await rejectsWith(store.get('glossary', pending.id), 'not-found');
    }

    // Once approved, everyone sees it.
    const mod = open(moderator);
    await mod.setStatus('glossary', await mod.get('glossary', pending.id), 'published');
    assert.equal((await open(otherPupil).get('glossary', pending.id)).status, 'published');
  });

  it('a pupil\'s edit of their published record goes back for approval', async (t) => {
    const { open } = world(t);
    const created = await open(pupil).create('glossary', entry());
    assert.equal(created.status, 'published');
    const moderated = open(pupil, { settings: { moderation: 'pupils' } });
    const edited = await moderated.update('glossary', created, { category: 'Nature' });
    assert.equal(edited.status, 'pending');
    // A teacher's edit of the same record leaves its status alone.
    const teacherStore = open(teacher, { settings: { moderation: 'pupils' } });
    const byTeacher = await teacherStore.update('glossary', edited, { category: 'Sea' });
    assert.equal(byTeacher.status, 'pending');
  });

  it('sending back with a note tells the author why; approving clears the note', async (t) => {
    const { open } = world(t, { settings: { moderation: 'pupils' } });
    const author = open(pupil);
    const pending = await author.create('glossary', entry('Maré'));
    const mod = open(moderator);
    const sentBack = await mod.setStatus('glossary', await mod.get('glossary', pending.id), 'pending', { note: '  Please add a definition.  ' });
    assert.equal(sentBack.status, 'pending');
    assert.equal(sentBack.review?.note, 'Please add a definition.');
    assert.equal(sentBack.review?.by.id, moderator.id);
    const seen = await author.get('glossary', pending.id);
    assert.equal(seen.review?.note, 'Please add a definition.', 'the author reads the note');
    // The author cannot forge or erase the note through an edit.
    await rejectsWith(author.update('glossary', seen, { review: undefined }), 'validation');
    const approved = await open(teacher).setStatus('glossary', seen, 'published');
    assert.equal(approved.review, undefined);
  });

  it('comments and reactions are records of their own that any member may add to a readable entry', async (t) => {
    const { open } = world(t);
    const created = await open(teacher).create('glossary', entry('Estuary'));
    const comment = await open(pupil).create('glossary-comment', { target: created.id, body: 'We saw one in Porto!' });
    assert.equal(comment.author.id, pupil.id);
    const reaction = await open(otherPupil).create('glossary-reaction', { target: created.id, kind: 'helpful' });
    assert.equal(reaction.kind, 'helpful');
    await rejectsWith(open(observer).create('glossary-comment', { target: created.id, body: 'Hello' }), 'permission');
    await rejectsWith(open(pupil).create('glossary-reaction', { target: created.id, kind: 'angry' }), 'validation');
    // Not on a record the user cannot read (another pupil's pending entry), nor on one that does not exist.
    const moderated = { settings: { moderation: 'pupils' as const } };
    const pending = await open(otherPupil, moderated).create('glossary', entry('Secret'));
    await rejectsWith(open(pupil, moderated).create('glossary-comment', { target: pending.id, body: 'Found it!' }), 'permission');
    await rejectsWith(open(pupil).create('glossary-reaction', { target: 'no-such-entry', kind: 'helpful' }), 'permission');
    // A reaction needs no approval, even where pupils' content waits for it; a comment does.
    assert.equal((await open(pupil, moderated).create('glossary-reaction', { target: created.id, kind: 'helpful' })).status, 'published');
    assert.equal((await open(pupil, moderated).create('glossary-comment', { target: created.id, body: 'Nice' })).status, 'pending');
    await rejectsWith(open(pupil).create('glossary-comment', { target: created.id, body: 'x'.repeat(2_001) }), 'validation');
  });

  it('a partner may add a missing language to another\'s entry, signed, and change nothing else', async (t) => {
    const { open } = world(t);
    const created = await open(pupil).create<GlossaryEntry>('glossary', entry('Tide', { category: 'Sea' }));
    const partner = open(otherPupil);
    const french = { term: 'Marée', addedBy: { id: otherPupil.id, name: otherPupil.name } };
    const translated = await partner.update('glossary', created, { translations: { ...created.translations, fr: french } });
    assert.equal(translated.translations.fr?.term, 'Marée');
    assert.equal(translated.author.id, pupil.id, 'the entry stays its author\'s');
    // Not another language's words, not a signature in someone else's name, not other fields.
    const changedEnglish = { ...translated.translations, en: { term: 'Tides' } };
    await rejectsWith(partner.update('glossary', translated, { translations: changedEnglish }), 'permission');
    const forged = { ...translated.translations, it: { term: 'Marea', addedBy: { id: pupil.id, name: pupil.name } } };
    await rejectsWith(partner.update('glossary', translated, { translations: forged }), 'permission');
    const wrongName = { ...translated.translations, it: { term: 'Marea', addedBy: { id: otherPupil.id, name: 'The Ministry' } } };
    await rejectsWith(partner.update('glossary', translated, { translations: wrongName }), 'permission');
    const withCategory = { ...translated.translations, it: { term: 'Marea', addedBy: { id: otherPupil.id, name: 'Bruno' } } };
    await rejectsWith(partner.update('glossary', translated, { translations: withCategory, category: 'Moon' }), 'permission');
    // An observer, and a pupil whose content waits for approval, may not contribute.
    await rejectsWith(open(observer).update('glossary', translated, { translations: withCategory }), 'permission');
    const moderated = open(otherPupil, { settings: { moderation: 'pupils' } });
    await rejectsWith(moderated.update('glossary', translated, { translations: withCategory }), 'permission');
  });

  it('a hidden record stays visible to its author and staff only', async (t) => {
    const { open } = world(t);
    const created = await open(pupil).create('glossary', entry());
    const teacherStore = open(teacher);
    await teacherStore.setStatus('glossary', created, 'hidden');
    assert.equal((await open(pupil).get('glossary', created.id)).status, 'hidden');
    assert.equal((await open(moderator).get('glossary', created.id)).status, 'hidden');
    await rejectsWith(open(otherPupil).get('glossary', created.id), 'not-found');
    assert.deepEqual((await open(observer).list('glossary')).records, []);
  });
});

describe('store: conflicts', () => {
  it('writes only what the user changed: fields they did not touch keep the stored value', async (t) => {
    const { open } = world(t);
    const created = await open(teacher).create<GlossaryEntry>('glossary', entry('Tide', { category: 'Sea' }));
    const fixed = await open(admin).update<GlossaryEntry>('glossary', created, { category: 'Ocean', tags: ['moon'] });
    // A form that sends every field, from the older version, changing only the definition.
    const saved = await open(teacher).update<GlossaryEntry>('glossary', created, {
      translations: { en: { term: 'Tide', definition: 'Rise and fall of the sea.' } },
      category: 'Sea',
    });
    assert.equal(saved.category, 'Ocean', 'the other change survives');
    assert.deepEqual(saved.tags, ['moon']);
    assert.equal(saved.translations.en?.definition, 'Rise and fall of the sea.');
    assert.notEqual(saved.rev, fixed.rev);
  });

  it('merges two partners adding different languages; the same language changed twice is a conflict', async (t) => {
    const { open } = world(t);
    const created = await open(pupil).create<GlossaryEntry>('glossary', entry('Tide'));
    const sign = (user: TwinUser) => ({ id: user.id, name: user.name, ...(user.school ? { school: user.school } : {}) });
    await open(otherPupil).update('glossary', created, { translations: { ...created.translations, fr: { term: 'Marée', addedBy: sign(otherPupil) } } });
    const both = await open(moderator).update<GlossaryEntry>('glossary', created, { translations: { ...created.translations, it: { term: 'Marea', addedBy: sign(moderator) } } });
    assert.deepEqual(Object.keys(both.translations).sort(), [...Object.keys(created.translations), 'fr', 'it'].sort());
    const error = await rejectsWith<TwinConflictError>(
      open(pupil).update('glossary', created, { translations: { en: { term: 'Tides' }, fr: { term: 'Marées' } } }),
      'conflict',
    );
    assert.deepEqual(error.fields, ['translations.fr.term']);
  });

  it('merges a stale update when the other side changed different fields', async (t) => {
    const { open, stored } = world(t);
    const author = open(pupil);
    const created = await author.create('glossary', entry('Tide', { category: 'Nature', tags: ['sea'] }));
    const teacherStore = open(teacher);
    await teacherStore.update('glossary', await teacherStore.get('glossary', created.id), { tags: ['sea', 'moon'] });

    // The pupil still edits the version they opened before the teacher's change.
    const merged = await author.update('glossary', created, { category: 'Ocean' });
    assert.equal(merged.category, 'Ocean');
    assert.deepEqual(merged.tags, ['sea', 'moon']);
    assert.match(merged.rev, /^3-/);
    const raw = await stored('glossary', created.id);
    assert.equal(raw?.category, 'Ocean');
    assert.deepEqual(raw?.tags, ['sea', 'moon']);
    assert.equal(raw?.rev, merged.rev);
  });

  it('a stale update of the same field is a conflict carrying both versions, and storage keeps theirs', async (t) => {
    const { open, stored } = world(t);
    const author = open(pupil);
    const created = await author.create('glossary', entry('Tide', { category: 'Nature', tags: ['sea'] }));
    const teacherStore = open(teacher);
    const theirs = await teacherStore.update('glossary', await teacherStore.get('glossary', created.id), { category: 'Geography' });

    const error = await rejectsWith<TwinConflictError<TwinRecord>>(
      author.update('glossary', created, { category: 'Ocean', tags: ['sea', 'waves'] }),
      'conflict',
    );
    assert.ok(error instanceof TwinConflictError);
    assert.deepEqual(error.fields, ['category']);
    assert.match(error.message, /category/);
    assert.equal(error.mine.category, 'Ocean', 'my version is in the error');
    assert.deepEqual(error.mine.tags, ['sea', 'waves'], 'all of my changes are in the error');
    assert.equal(error.theirs?.category, 'Geography');
    assert.equal(error.theirs?.rev, theirs.rev);
    const raw = await stored('glossary', created.id);
    assert.equal(raw?.category, 'Geography', 'the stored version is theirs');
    assert.deepEqual(raw?.tags, ['sea']);
    assert.equal(raw?.rev, theirs.rev);
  });

  it('both sides making the same change is not a conflict', async (t) => {
    const { open } = world(t);
    const author = open(pupil);
    const created = await author.create('glossary', entry('Tide', { category: 'Nature' }));
    const teacherStore = open(teacher);
    await teacherStore.update('glossary', created, { category: 'Ocean' });
    const saved = await author.update('glossary', created, { category: 'Ocean' });
    assert.equal(saved.category, 'Ocean');
  });

  it('updating a record deleted meanwhile is a conflict with no theirs, and mine is kept', async (t) => {
    const { open, stored } = world(t);
    const author = open(pupil);
    const created = await author.create('glossary', entry());
    await open(teacher).remove('glossary', created);
    const error = await rejectsWith<TwinConflictError<TwinRecord>>(author.update('glossary', created, { category: 'Nature' }), 'conflict');
    assert.equal(error.theirs, undefined);
    assert.deepEqual(error.fields, []);
    assert.equal(error.mine.category, 'Nature');
    assert.deepEqual(error.mine.translations, entry().translations);
    assert.match(error.message, /deleted/);
    assert.equal(await stored('glossary', created.id), undefined, 'nothing was re-created behind the user\'s back');
  });

  it('removing with a stale revision is a conflict and the record is kept', async (t) => {
    const { open, stored } = world(t);
    const author = open(pupil);
    const created = await author.create('glossary', entry());
    const teacherStore = open(teacher);
    const changed = await teacherStore.update('glossary', created, { category: 'Checked by teacher' });
    const error = await rejectsWith<TwinConflictError<TwinRecord>>(author.remove('glossary', created), 'conflict');
    assert.equal(error.theirs?.rev, changed.rev);
    assert.equal(error.mine.rev, created.rev);
    const raw = await stored('glossary', created.id);
    assert.equal(raw?.category, 'Checked by teacher');
    // With the current version the author may delete it.
    await author.remove('glossary', await author.get('glossary', created.id));
    assert.equal(await stored('glossary', created.id), undefined);
  });

  it('a decision on a stale version is a conflict, and the stored version is untouched', async (t) => {
    const { open, stored } = world(t, { settings: { moderation: 'pupils' } });
    const author = open(pupil);
    const created = await author.create('glossary', entry());
    const mod = open(moderator);
    const seen = await mod.get('glossary', created.id);
    const edited = await author.update('glossary', created, { category: 'Changed after the moderator looked' });
    await rejectsWith(mod.setStatus('glossary', seen, 'published'), 'conflict');
    const raw = await stored('glossary', created.id);
    assert.equal(raw?.status, 'pending');
    assert.equal(raw?.rev, edited.rev);
  });
});

describe('store: change events', () => {
  it('a store\'s own writes arrive once with local: true; another tab gets them with local: false', async (t) => {
    const { open } = world(t);
    const tab1 = open(pupil);
    const tab2 = open(pupil);
    const seen1 = watch(tab1);
    const seen2 = watch(tab2);

    const created = await tab1.create('glossary', entry());
    await settle();
    assert.equal(seen1.changes.length, 1, 'the echo of the store\'s own write is skipped');
    assert.deepEqual(seen1.changes[0], { type: 'put', collection: 'glossary', id: created.id, record: created, local: true });
    assert.equal(seen2.changes.length, 1);
    assert.deepEqual(seen2.changes[0], { type: 'put', collection: 'glossary', id: created.id, record: created, local: false });

    const updated = await tab1.update('glossary', created, { category: 'Nature' });
    await tab1.remove('glossary', updated);
    await settle();
    assert.deepEqual(
      seen1.changes.map((c) => [c.type, c.id, c.local, c.record?.rev]),
      [
        ['put', created.id, true, created.rev],
        ['put', created.id, true, updated.rev],
        ['delete', created.id, true, undefined],
      ],
    );
    assert.deepEqual(
      seen2.changes.map((c) => [c.type, c.id, c.local, c.record?.rev]),
      [
        ['put', created.id, false, created.rev],
        ['put', created.id, false, updated.rev],
        ['delete', created.id, false, undefined],
      ],
    );
    assert.equal(seen2.changes[1].record?.category, 'Nature');
  });

  it('a record hidden by a teacher arrives as a delete for a pupil who is not its author', async (t) => {
    const { open } = world(t);
    const authorStore = open(pupil);
    const otherStore = open(otherPupil);
    const teacherStore = open(teacher);
    const created = await authorStore.create('glossary', entry());
    await settle();
    const author = watch(authorStore);
    const other = watch(otherStore);
    await teacherStore.setStatus('glossary', created, 'hidden');
    await settle();
    assert.deepEqual(other.changes, [{ type: 'delete', collection: 'glossary', id: created.id, local: false }]);
    assert.equal(author.changes.length, 1);
    assert.equal(author.changes[0].type, 'put');
    assert.equal(author.changes[0].record?.status, 'hidden', 'the author still sees it, as hidden');
  });

  it('a pending record reaches moderators but not other pupils', async (t) => {
    const { open } = world(t, { settings: { moderation: 'pupils' } });
    const authorStore = open(pupil);
    const mod = watch(open(moderator));
    const other = watch(open(otherPupil));
    const created = await authorStore.create('glossary', entry());
    await settle();
    assert.deepEqual(mod.changes.map((c) => [c.type, c.record?.status]), [['put', 'pending']]);
    assert.deepEqual(other.changes.map((c) => [c.type, c.id, c.record]), [['delete', created.id, undefined]]);
  });

  it('an invalid record written by someone else is reported, not emitted as a change', async (t) => {
    const { open, writeRaw } = world(t);
    const store = open(teacher);
    const seen = watch(store);
    await writeRaw(rawGlossary('broken', { author: { id: '', name: 'Nobody' } }));
    await writeRaw(rawGlossary('fine'));
    await settle();
    assert.deepEqual(seen.invalid.map((r) => [r.id, r.issues.map((issue) => issue.path)]), [['broken', ['author.id']]]);
    assert.deepEqual(seen.changes.map((c) => [c.type, c.id, c.local]), [['put', 'fine', false]]);
  });

  it('unsubscribing and closing stop the changes', async (t) => {
    const { open } = world(t);
    const writer = open(pupil);
    const reader = open(pupil);
    const closed = open(pupil);
    const calls: RecordChange[][] = [];
    const stop = reader.subscribe((batch) => calls.push(batch));
    const closedSeen = watch(closed);
    await closed.close();
    await writer.create('glossary', entry('One'));
    await settle();
    assert.equal(calls.length, 1);
    stop();
    await writer.create('glossary', entry('Two'));
    await settle();
    assert.equal(calls.length, 1);
    assert.deepEqual(closedSeen.changes, []);
  });
});

describe('store: migrations', () => {
  const notesSchema = z.looseObject({ ...envelopeShape, text: z.string(), words: z.number() });
  const rawNote = (id: string, extra: Record<string, unknown>) => ({
    id,
    space: SPACE,
    collection: 'notes',
    rev: '0-new',
    createdAt: T0,
    updatedAt: T0,
    author: { id: pupil.id, name: pupil.name },
    status: 'published',
    ...extra,
  });

  it('upgrades a version-1 record to version 3 on read, and writes version 3 back', async (t) => {
    const calls: number[] = [];
    const notes: CollectionDefinition = {
      name: 'notes',
      schema: notesSchema,
      version: 3,
      migrations: {
        1: ({ body, ...rest }) => (calls.push(1), { ...rest, text: body }),
        2: (record) => (calls.push(2), { ...record, words: String(record.text).split(' ').length }),
      },
    };
    const { open, writeRaw, stored } = world(t, { collections: { notes } });
    await writeRaw(rawNote('old', { schemaVersion: 1, body: 'written long ago', keep: 'me' }));
    await writeRaw(rawNote('current', { schemaVersion: 3, text: 'new', words: 1 }));
    const store = open(pupil);

    const old = await store.get('notes', 'old');
    assert.equal(old.schemaVersion, 3);
    assert.equal(old.text, 'written long ago');
    assert.equal(old.words, 3);
    assert.equal('body' in old, false);
    assert.equal(old.keep, 'me', 'unknown fields survive migrations');
    assert.deepEqual(calls, [1, 2]);

    const listed = await store.list('notes');
    assert.deepEqual(listed.invalid, []);
    assert.deepEqual(listed.records.map((r) => [r.id, r.schemaVersion]).sort(), [['current', 3], ['old', 3]]);
    assert.deepEqual(calls, [1, 2], 'an unchanged record this store validated is not migrated or parsed again');
    await open(pupil).list('notes');
    assert.deepEqual(calls, [1, 2, 1, 2], 'a new store migrates the old record again, and not the current one');

    await store.update('notes', old, { text: 'edited now' });
    const raw = await stored('notes', 'old');
    assert.equal(raw?.schemaVersion, 3);
    assert.equal(raw?.text, 'edited now');
    assert.equal('body' in raw!, false);
  });

  it('reports a record with no migration path (or a failing migration) as invalid', async (t) => {
    const gap: CollectionDefinition = { name: 'gap', schema: notesSchema, version: 3, migrations: { 2: (record) => record } };
    const failing: CollectionDefinition = {
      name: 'failing',
      schema: notesSchema,
      version: 2,
      migrations: {
        1: () => {
          throw new Error('cannot read this');
        },
      },
    };
    const { open, writeRaw } = world(t, { collections: { gap, failing } });
    await writeRaw({ ...rawNote('stuck', { schemaVersion: 1, text: 'x', words: 1 }), collection: 'gap' });
    await writeRaw({ ...rawNote('also-stuck', { schemaVersion: 1, text: 'x', words: 1 }), collection: 'failing' });
    const store = open(teacher);
    const seen = watch(store);

    const { records, invalid } = await store.list('gap');
    assert.deepEqual(records, []);
    assert.equal(invalid.length, 1);
    assert.deepEqual(invalid[0].issues, [{ path: 'schemaVersion', message: 'has no migration from version 1' }]);
    const error = await rejectsWith<TwinValidationError>(store.get('gap', 'stuck'), 'validation');
    assert.match(error.message, /no migration from version 1/);

    const failed = await store.list('failing');
    assert.equal(failed.invalid[0].issues[0].path, 'schemaVersion');
    assert.match(failed.invalid[0].issues[0].message, /migration from version 1 failed: Error: cannot read this/);
    assert.deepEqual(seen.invalid.map((r) => r.id), ['stuck', 'stuck', 'also-stuck']);
  });

  it('custom collections sit beside the built-in ones', async (t) => {
    const notes: CollectionDefinition = { name: 'notes', schema: notesSchema, version: 1 };
    const { open } = world(t, { collections: { notes } });
    const store = open(pupil);
    const note = await store.create('notes', { text: 'hello', words: 1 });
    assert.equal(note.schemaVersion, 1);
    assert.equal((await store.create('glossary', entry())).collection, 'glossary');
    const error = await rejectsWith<TwinValidationError>(store.create('notes', { text: 'no count' }), 'validation');
    assert.match(error.message, /notes record was not saved/);
  });
});

describe('store: updatedAt never goes backwards', () => {
  it('when this device\'s clock is behind the stored record', async (t) => {
    const { open, writeRaw } = world(t);
    const future = '2030-01-01T00:00:00.000Z';
    await writeRaw(rawGlossary('ahead', { updatedAt: future }));
    const store = open(teacher, { now: () => new Date('2026-03-01T10:00:00.000Z') });
    const read = await store.get('glossary', 'ahead');
    const updated = await store.update('glossary', read, { category: 'Nature' });
    assert.ok(isoLater(updated.updatedAt, future), `${updated.updatedAt} must be after ${future}`);
    assert.equal(updated.createdAt, T0, 'createdAt is not touched');
    const hidden = await store.setStatus('glossary', updated, 'hidden');
    assert.ok(isoLater(hidden.updatedAt, updated.updatedAt), `${hidden.updatedAt} must be after ${updated.updatedAt}`);
  });

  it('when the stored time was written with a time-zone offset', async (t) => {
    const { open, writeRaw } = world(t);
    // 09:00 in UTC-5 is 14:00 UTC: later than this device's 12:00 UTC, although "09" < "12" as text.
    const stored = '2026-05-01T09:00:00-05:00';
    await writeRaw(rawGlossary('offset', { updatedAt: stored }));
    const store = open(teacher, { now: () => new Date('2026-05-01T12:00:00.000Z') });
    const updated = await store.update('glossary', await store.get('glossary', 'offset'), { category: 'Nature' });
    assert.ok(isoLater(updated.updatedAt, stored), `${updated.updatedAt} must be after ${stored}`);
  });

  it('uses the clock when it is ahead', async (t) => {
    const { open } = world(t);
    const created = await open(pupil).create('glossary', entry());
    const later = '2026-03-02T08:30:00.000Z';
    const updated = await open(pupil, { now: () => new Date(later) }).update('glossary', created, { category: 'Nature' });
    assert.equal(updated.updatedAt, later);
    assert.equal(updated.createdAt, T0);
  });
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

describe('store: attachments', () => {
  const images = { maxBytes: 1024, types: ['image/png', 'image/jpeg'] } as const;

  it('refuses a blob over the size limit, and stores nothing', async (t) => {
    const { open, backing } = world(t);
    const big = new Blob([PNG, new Uint8Array(2000)], { type: 'image/png' });
    const error = await rejectsWith<TwinValidationError>(open(pupil).putAttachment(big, images), 'validation');
    assert.deepEqual(error.issues.map((issue) => issue.path), ['size']);
    assert.match(error.message, /too large/);
    assert.equal(backing.attachments.size, 0);
  });

  it('accepts a blob of exactly the size limit', async (t) => {
    const { open } = world(t);
    const exact = new Blob([PNG, new Uint8Array(images.maxBytes - PNG.length)]);
    assert.equal((await open(pupil).putAttachment(exact, images)).size, images.maxBytes);
  });

  it('refuses a file named and typed as PNG whose content is text', async (t) => {
    const { open, backing } = world(t);
    const fake = new File(['<script>alert(1)</script>'], 'photo.png', { type: 'image/png' });
    const error = await rejectsWith<TwinValidationError>(open(pupil).putAttachment(fake, images), 'validation');
    assert.deepEqual(error.issues, [{ path: 'type', message: 'content is unknown', kind: 'file-type' }]);
    assert.match(error.message, /not one of the accepted types \(image\/png, image\/jpeg\)/);
    // A real PDF is recognised, but is not an accepted type here.
    const pdf = new Blob([new TextEncoder().encode('%PDF-1.7\n')], { type: 'image/png' });
    const notAccepted = await rejectsWith<TwinValidationError>(open(pupil).putAttachment(pdf, images), 'validation');
    assert.deepEqual(notAccepted.issues, [{ path: 'type', message: 'content is application/pdf', kind: 'file-type' }]);
    assert.equal(backing.attachments.size, 0);
  });

  it('accepts a real PNG (whatever its declared type) and gives it back', async (t) => {
    const { open } = world(t);
    const store = open(pupil);
    const info = await store.putAttachment(new File([PNG], 'photo.bin', { type: 'application/octet-stream' }), images);
    assert.equal(info.type, 'image/png', 'the type comes from the content');
    assert.equal(info.size, PNG.length);
    const blob = await store.getAttachment(info.id);
    assert.equal(blob.type, 'image/png');
    assert.deepEqual(new Uint8Array(await blob.arrayBuffer()), PNG);
    // Another tab on the same data reads it too.
    assert.equal((await open(teacher).getAttachment(info.id)).size, PNG.length);
  });

  it('getAttachment of a missing id throws not-found, also after removal', async (t) => {
    const { open } = world(t);
    const store = open(pupil);
    await rejectsWith(store.getAttachment('nothing-here'), 'not-found');
    const info = await store.putAttachment(new Blob([PNG], { type: 'image/png' }), images);
    await open(teacher).create('board-section', { name: 'Day 1', position: 'a0' }, { id: 'day-1' });
    const post = await store.create('board', { kind: 'image', section: 'day-1', position: 'a0', attachment: info.id, alt: 'The harbour' });
    await store.removeAttachment(info.id, 'board', post);
    await rejectsWith(store.getAttachment(info.id), 'not-found');
  });

  it('lets only those who may edit the record that uses a file delete it', async (t) => {
    const { open } = world(t);
    const author = open(pupil);
    const info = await author.putAttachment(new Blob([PNG], { type: 'image/png' }), images);
    await open(teacher).create('board-section', { name: 'Day 1', position: 'a0' }, { id: 'day-1' });
    const post = await author.create('board', { kind: 'image', section: 'day-1', position: 'a0', attachment: info.id, alt: 'Boats' });
    const other = await author.create('board', { kind: 'text', section: 'day-1', position: 'a1', body: 'no file here' });
    await rejectsWith(open(otherPupil).removeAttachment(info.id, 'board', post), 'permission');
    await rejectsWith(author.removeAttachment(info.id, 'board', other), 'permission');
    assert.equal((await author.getAttachment(info.id)).size, PNG.length, 'the file is still stored');
    await open(teacher).removeAttachment(info.id, 'board', post);
    await rejectsWith(author.getAttachment(info.id), 'not-found');
  });
});

describe('store: createMany', () => {
  it('keeps an id given in the fields (a restored backup keeps its links), and refuses a taken one', async (t) => {
    const { open } = world(t);
    const store = open(teacher);
    const [first] = await store.createMany('glossary', [{ ...entry('Tide'), id: 'tide-1' }]);
    assert.ok(first.ok && first.record.id === 'tide-1');
    const [again] = await store.createMany('glossary', [{ ...entry('Tide again'), id: 'tide-1' }]);
    assert.equal(again.ok, false);
    assert.equal((await store.get('glossary', 'tide-1')).translations && true, true);
  });

  it('returns one result per item; an invalid item fails alone', async (t) => {
    const { open, storedAll } = world(t);
    const store = open(pupil, { defaultPhase: 'preparation' });
    const seen = watch(store);
    const results = await store.createMany('glossary', [entry('One'), entry(''), entry('Three'), entry('Four', { status: 'published' })]);
    assert.deepEqual(results.map((r) => r.ok), [true, false, true, false]);
    const [one, empty, three, reserved] = results;
    assert.ok(one.ok && three.ok && !empty.ok && !reserved.ok);
    assert.ok(isTwinError(empty.error) && empty.error.code === 'validation');
    assert.deepEqual((empty.error as TwinValidationError).issues.map((issue) => issue.path), ['translations.en.term']);
    assert.ok(isTwinError(reserved.error) && reserved.error.code === 'validation');
    assert.equal(one.record.phase, 'preparation');
    assert.equal(one.record.author.id, pupil.id);

    const stored = await storedAll('glossary');
    assert.deepEqual(stored.map((r) => r.id).sort(), [one.record.id, three.record.id].sort());
    await settle();
    assert.deepEqual(seen.changes.map((c) => [c.type, c.id, c.local]).sort(), [
      ['put', one.record.id, true],
      ['put', three.record.id, true],
    ].sort());
  });

  it('an empty batch writes nothing', async (t) => {
    const { open, storedAll } = world(t);
    assert.deepEqual(await open(pupil).createMany('glossary', []), []);
    assert.deepEqual(await storedAll('glossary'), []);
  });
});

describe('store: decisions are made on the stored record, not on the caller\'s copy', () => {
  it('does not let a pupil take over another pupil\'s record by passing an edited author', async (t) => {
    const { open, stored } = world(t);
    const bruno = await open(otherPupil).create('glossary', entry('Harbour'));
    const ana = open(pupil);
    const forged = { ...bruno, author: { id: pupil.id, name: pupil.name } };
    await rejectsWith(ana.update('glossary', forged, { category: 'mine now' }), 'permission');
    const raw = await stored('glossary', bruno.id);
    assert.equal((raw?.author as { id: string }).id, otherPupil.id);
    assert.equal(raw?.category, undefined);
  });

  it('keeps the stored author, status and creation time when an edit passes others', async (t) => {
    const { open } = world(t, { settings: { moderation: 'off' } });
    const teacherStore = open(teacher);
    const ana = open(pupil);
    const own = await ana.create('glossary', entry('Quay'));
    const hidden = await teacherStore.setStatus('glossary', own, 'hidden');
    // The author may not edit a hidden record, however the copy is dressed up.
    await rejectsWith(ana.update('glossary', { ...hidden, status: 'published' }, { category: 'x' }), 'permission');
    const edited = await teacherStore.update('glossary', { ...hidden, author: { id: 'someone', name: 'Forged' }, createdAt: '2000-01-01T00:00:00.000Z' }, { category: 'Coast' });
    assert.equal(edited.author.id, pupil.id);
    assert.equal(edited.createdAt, own.createdAt);
    assert.equal(edited.status, 'hidden');
  });

  it('writes only the status on approval, even from an edited copy', async (t) => {
    const { open } = world(t, { settings: { moderation: 'pupils' } });
    const pending = await open(pupil).create('glossary', entry('Buoy'));
    const approved = await open(moderator).setStatus('glossary', { ...pending, category: 'smuggled' }, 'published');
    assert.equal(approved.status, 'published');
    assert.equal(approved.category, undefined);
  });

  it('does not let a moderator bring back a hidden record by passing it as pending', async (t) => {
    const { open } = world(t, { settings: { moderation: 'pupils' } });
    const post = await open(pupil).create('glossary', entry('Wreck'));
    const hidden = await open(teacher).setStatus('glossary', post, 'hidden');
    await rejectsWith(open(moderator).setStatus('glossary', { ...hidden, status: 'pending' }, 'published'), 'permission');
  });

  it('never puts a record the user may not read into a conflict error', async (t) => {
    const { open } = world(t, { settings: { moderation: 'pupils' } });
    const pending = await open(otherPupil).create('glossary', entry('Secret'));
    const error = await rejectsWith<TwinConflictError>(open(pupil).create('glossary', entry('Guess'), { id: pending.id }), 'conflict');
    assert.equal(error.theirs, undefined);
  });

  it('hands out frozen records, so no view can change what others see', async (t) => {
    const { open } = world(t);
    const store = open(teacher);
    const created = await store.create('glossary', entry('Pier'));
    const { records } = await store.list('glossary');
    assert.throws(() => {
      (records[0].translations as Record<string, { term: string }>).en.term = 'changed in place';
    }, TypeError);
    assert.equal(Object.isFrozen(created), true);
  });
});
