import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import type { RawRecord } from '../adapter.js';
import { isTwinError, type TwinPermissionError, type TwinValidationError } from '../errors.js';
import type { SpaceSettings, TwinUser } from '../policy/roles.js';
import { BOARD_SETTINGS_ID } from '../schemas/board-settings.js';
import { rejectsWith, settle, storeWorld } from '../../test-support/store-world.js';
import type { TwinStore } from './create-store.js';
import type { RecordChange, TwinRecord } from './store-types.js';

const SPACE = 'erasmus-malta';
const T0 = '2027-02-01T09:00:00.000Z';

const admin: TwinUser = { id: 'admin-1', name: 'Alba', role: 'admin' };
const teacher: TwinUser = { id: 'teacher-1', name: 'Tomás', role: 'teacher', school: 'IES Cervantes' };
const ana: TwinUser = { id: 'pupil-ana', name: 'Ana', role: 'pupil', school: 'IES Cervantes' };
const bruno: TwinUser = { id: 'pupil-bruno', name: 'Bruno', role: 'pupil', school: 'Skola Valletta' };
const mateo: TwinUser = { id: 'mod-mateo', name: 'Mateo', role: 'moderator', school: 'IES Cervantes' };
const olga: TwinUser = { id: 'obs-olga', name: 'Olga', role: 'observer' };
const EVERYONE = [admin, teacher, ana, bruno, mateo, olga];
const ids = (users: TwinUser[]) => users.map((user) => user.id);

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
/** The first bytes of a .docx: a zip archive. */
const DOCX = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);

const textPost = (extra: Record<string, unknown> = {}) => ({ kind: 'text', section: 'day-1', position: 'a0', title: 'The harbour', ...extra });

/** One memory backing, with the teacher's two sections; each `open` is a tab with its own store. */
async function board(t: TestContext, settings?: Partial<SpaceSettings>) {
  const w = storeWorld(t, { space: SPACE, now: T0 });
  const teacherStore = w.open(teacher);
  await teacherStore.createAll([
    { collection: 'board-section', id: 'day-1', fields: { name: 'Day one', position: 'a0' } },
    { collection: 'board-section', id: 'day-2', fields: { name: 'Day two', position: 'a1' } },
  ]);
  const as = (user: TwinUser) => w.open(user, settings ? { settings: { moderation: 'off', ...settings } } : {});
  return { ...w, teacherStore, as };
}

function watch(store: TwinStore) {
  const changes: RecordChange[] = [];
  store.subscribe((batch) => changes.push(...batch));
  return changes;
}

/** Who reads, among `users`: ids of those whose store lists the record (and `get` agrees). */
async function readers(open: (user: TwinUser) => TwinStore, collection: string, id: string, users: TwinUser[]): Promise<string[]> {
  const seen: string[] = [];
  for (const user of users) {
    const store = open(user);
    const listed = (await store.list(collection)).records.some((record) => record.id === id);
    const got = await store.get(collection, id).then(
      () => true,
      (error) => {
        assert.ok(isTwinError(error) && error.code === 'not-found', `${user.name}: ${String(error)}`);
        return false;
      },
    );
    assert.equal(listed, got, `${user.name}: list and get agree`);
    if (listed) seen.push(user.id);
  }
  return seen;
}

describe('board rules: what each kind of post needs', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['an image without a description', { kind: 'image', attachment: 'att-1', title: undefined }, 'alt', /alt an image needs a description \(alt text\)/],
    ['an image with a blank description', { kind: 'image', attachment: 'att-1', alt: '  ' }, 'alt', /an image needs a description/],
    ['an image without a picture', { kind: 'image', alt: 'Boats' }, 'attachment', /an image needs a picture/],
    ['a link without a url', { kind: 'link' }, 'url', /a link needs a web address/],
    ['a video with neither clip nor link', { kind: 'video' }, 'attachment', /a video needs a clip \(attachment\) or a link \(url\)/],
    ['a file post without a file', { kind: 'file' }, 'attachment', /a file post needs a file/],
    ['a text with neither title nor text', { kind: 'text', title: ' ', body: '<p><br></p>' }, 'title', /a text post needs a title or some text/],
  ];
  for (const [name, fields, path, message] of cases) {
    it(`refuses ${name}, on the field to fill in, and writes nothing`, async (t) => {
      const { as, storedAll } = await board(t);
      const error = await rejectsWith<TwinValidationError>(as(ana).create('board', textPost(fields)), 'validation');
      assert.deepEqual(error.issues.map((issue) => issue.path), [path]);
      assert.match(error.message, message);
      assert.deepEqual(await storedAll('board'), []);
    });
  }

  it('accepts each kind with what it needs', async (t) => {
    const { as } = await board(t);
    const store = as(ana);
    const posts = [
      textPost({ title: undefined, body: '<p>Only <em>text</em></p>' }),
      textPost({ kind: 'link', url: 'https://example.org/malta' }),
      textPost({ kind: 'image', attachment: 'att-1', thumbnail: 'att-1s', alt: 'Boats', file: { name: 'boats.jpg', type: 'image/jpeg', size: 1200, width: 40, height: 30 } }),
      textPost({ kind: 'video', url: 'https://example.org/clip' }),
      textPost({ kind: 'video', attachment: 'clip-1' }),
      textPost({ kind: 'file', attachment: 'doc-1', file: { name: 'plan.docx', type: '', size: 10 }, tags: ['plan', 'week 1'], color: 'green' }),
    ];
    for (const fields of posts) assert.equal((await store.create('board', fields)).status, 'published', String(fields.kind));
  });
});

describe('board rules: hostile input', () => {
  it('refuses a body with code, and javascript: or data: links', async (t) => {
    const { as, storedAll } = await board(t);
    const store = as(ana);
    for (const body of ['<p>hi</p><script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="java\tscript:alert(1)">x</a>']) {
      const error = await rejectsWith<TwinValidationError>(store.create('board', textPost({ body })), 'validation');
      assert.deepEqual(error.issues, [{ path: 'body', message: 'contains code or unsafe links: only bold, italic, lists and http(s) links are kept', kind: 'unsafe-markup' }]);
    }
    for (const url of ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', ' JavaScript:alert(1)']) {
      const error = await rejectsWith<TwinValidationError>(store.create('board', textPost({ kind: 'link', url })), 'validation');
      assert.deepEqual(error.issues.map((issue) => [issue.path, issue.message]), [['url', 'must be an http(s) or mailto link']]);
    }
    const post = await store.create('board', textPost({ kind: 'link', url: 'https://example.org' }));
    await rejectsWith(store.update('board', post, { url: 'data:text/html,<b>x</b>' }), 'validation');
    assert.equal((await storedAll('board')).length, 1);
  });

  it('stores a title with markup as the plain text it is', async (t) => {
    const { as, stored } = await board(t);
    const title = '<b>Bold</b> <script>alert(1)</script>';
    const post = await as(ana).create('board', textPost({ title }));
    assert.equal((await stored('board', post.id))?.title, title);
  });

  it('refuses a tag with control characters, a ninth tag, and a colour that is not a label', async (t) => {
    const { as } = await board(t);
    const store = as(ana);
    await rejectsWith(store.create('board', textPost({ tags: ['a\u0000b'] })), 'validation');
    await rejectsWith(store.create('board', textPost({ tags: Array.from({ length: 9 }, (_, i) => `t${i}`) })), 'validation');
    const colour = await rejectsWith<TwinValidationError>(store.create('board', textPost({ color: 'red; background:url(x)' })), 'validation');
    assert.deepEqual(colour.issues.map((issue) => issue.path), ['color']);
  });
});

describe('board rules: sections and settings', () => {
  it('a post must name a section that exists, on create and when it moves', async (t) => {
    const { as, storedAll } = await board(t);
    const store = as(ana);
    const missing = await rejectsWith<TwinValidationError>(store.create('board', textPost({ section: 'day-9' })), 'validation');
    assert.equal(missing.message, 'The section "day-9" does not exist or was removed: choose another section.');
    assert.deepEqual(missing.issues.map((issue) => issue.path), ['section']);
    const post = await store.create('board', textPost());
    await rejectsWith(store.update('board', post, { section: 'day-9' }), 'validation');
    assert.equal((await store.update('board', post, { section: 'day-2', position: 'a5' })).section, 'day-2');
    assert.equal((await storedAll('board')).length, 1);
  });

  it('only teachers and admins add sections and the board settings', async (t) => {
    const { as, open, storedAll } = await board(t);
    for (const user of [ana, mateo]) {
      const section = await rejectsWith<TwinPermissionError>(as(user).create('board-section', { name: 'Mine', position: 'b0' }), 'permission');
      assert.match(section.message, new RegExp(`^Only teachers can add a board section to this space: ${user.name} is signed in as an? ${user.role}\\. Nothing was saved\\.$`));
      await rejectsWith(as(user).create('board-settings', { approval: false }, { id: BOARD_SETTINGS_ID }), 'permission');
      assert.equal(as(user).canCreate('board-section'), false);
    }
    await open(admin).create('board-settings', { layout: 'columns' }, { id: BOARD_SETTINGS_ID });
    const wrongId = await rejectsWith<TwinValidationError>(open(admin).create('board-settings', { layout: 'wall' }, { id: 'other' }), 'validation');
    assert.deepEqual(wrongId.issues.map((issue) => issue.path), ['id']);
    assert.equal((await storedAll('board-section')).length, 2);
    assert.equal((await storedAll('board-settings')).length, 1);
  });
});

describe('board rules: comments, reactions and flags', () => {
  it('need a post the user can read; reactions and flags are published at once, comments wait under moderation', async (t) => {
    const { as } = await board(t, { moderation: 'pupils' });
    const waiting = await as(ana).create('board', textPost());
    assert.equal(waiting.status, 'pending');
    const brunoStore = as(bruno);
    for (const [collection, fields] of [
      ['board-comment', { body: 'Nice!' }],
      ['board-reaction', { kind: 'clap' }],
      ['board-flag', {}],
    ] as const) {
      await rejectsWith(brunoStore.create(collection, { target: waiting.id, ...fields }), 'permission');
      await rejectsWith(brunoStore.create(collection, { target: 'no-such-post', ...fields }), 'permission');
    }
    const published = await as(teacher).setStatus('board', waiting, 'published');
    assert.equal((await brunoStore.create('board-reaction', { target: published.id, kind: 'idea' })).status, 'published');
    assert.equal((await brunoStore.create('board-flag', { target: published.id, reason: 'Names a classmate' })).status, 'published');
    assert.equal((await brunoStore.create('board-comment', { target: published.id, body: 'Nice!' })).status, 'pending');
    await rejectsWith(brunoStore.create('board-reaction', { target: published.id, kind: 'helpful' }), 'validation');
    await rejectsWith(as(olga).create('board-reaction', { target: published.id, kind: 'like' }), 'permission');
  });

  it('a flag is read only by its author and those who moderate', async (t) => {
    const { as, open } = await board(t);
    const post = await as(bruno).create('board', textPost({ title: 'Bruno\'s day' }));
    const flag = await as(ana).create('board-flag', { target: post.id, reason: 'Rude words' });
    assert.deepEqual(await readers(open, 'board-flag', flag.id, EVERYONE), ids([admin, teacher, ana, mateo]));
    assert.equal(open(bruno).can('read', flag), false);
    // Bruno, reported, is told nothing of a new flag: it reaches him as a deletion, if at all.
    const brunoView = watch(open(bruno));
    const mateoView = watch(open(mateo));
    const another = await as(ana).create('board-flag', { target: post.id });
    await settle();
    assert.deepEqual(brunoView.map((change) => [change.type, change.id, change.record]), [['delete', another.id, undefined]]);
    assert.deepEqual(mateoView.map((change) => [change.type, change.id]), [['put', another.id]]);
  });
});

describe('board rules: approval switch (board settings)', () => {
  it('makes a pupil\'s posts and comments wait with moderation off; staff\'s and moderators\' are published', async (t) => {
    const { as, teacherStore } = await board(t);
    const settings = await teacherStore.create('board-settings', { approval: true }, { id: BOARD_SETTINGS_ID });
    const post = await as(ana).create('board', textPost());
    assert.equal(post.status, 'pending');
    assert.equal((await as(mateo).create('board', textPost())).status, 'published');
    const teachers = await teacherStore.create('board', textPost());
    assert.equal(teachers.status, 'published');
    assert.equal((await as(ana).create('board-comment', { target: teachers.id, body: 'Great' })).status, 'pending');
    assert.equal((await as(ana).create('board-reaction', { target: teachers.id, kind: 'love' })).status, 'published');
    await teacherStore.update('board-settings', settings, { approval: false });
    assert.equal((await as(ana).create('board', textPost())).status, 'published');
  });
});

describe('board rules: moving keeps the status (arrangementFields)', () => {
  it('a published post moved under moderation stays published; any other change waits again', async (t) => {
    const { as, open } = await board(t);
    const post = await as(ana).create('board', textPost());
    const anaUnderModeration = open(ana, { settings: { moderation: 'pupils' } });
    assert.equal(post.status, 'published');
    const moved = await anaUnderModeration.update('board', post, { position: 'a0V', section: 'day-2' });
    assert.equal(moved.status, 'published');
    assert.deepEqual([moved.section, moved.position], ['day-2', 'a0V']);
    const renamed = await anaUnderModeration.update('board', moved, { title: 'Renamed', position: 'a1' });
    assert.equal(renamed.status, 'pending');
  });

  it('a pending post moved stays pending, also under the approval switch', async (t) => {
    const { as, teacherStore } = await board(t, { moderation: 'pupils' });
    const post = await as(ana).create('board', textPost());
    assert.equal(post.status, 'pending');
    assert.equal((await as(ana).update('board', post, { position: 'b0' })).status, 'pending');
    await teacherStore.create('board-settings', { approval: true }, { id: BOARD_SETTINGS_ID });
    const published = await teacherStore.setStatus('board', (await as(ana).get('board', post.id)) as TwinRecord, 'published');
    assert.equal((await as(ana).update('board', published, { section: 'day-2' })).status, 'published');
  });
});

describe('board rules: only moderators pin (moderatorFields)', () => {
  it('a pupil cannot pin, not even her own post, on create, update, createMany or createAll', async (t) => {
    const { as, stored, storedAll } = await board(t);
    const store = as(ana);
    const refused = await rejectsWith<TwinPermissionError>(store.create('board', textPost({ pinned: true })), 'permission');
    assert.equal(refused.message, 'Only teachers and moderators can set pinned on a board post: Ana is signed in as a pupil. Nothing was saved.');
    const [many] = await store.createMany('board', [textPost({ pinned: false })]);
    assert.equal(many.ok, false);
    await rejectsWith(store.createAll([{ collection: 'board', fields: textPost({ pinned: true }) }]), 'permission');
    const post = await store.create('board', textPost({ pinned: undefined }));
    const update = await rejectsWith<TwinPermissionError>(store.update('board', post, { pinned: true }), 'permission');
    assert.equal(update.message, 'Only teachers and moderators can change pinned on a board post: Ana is signed in as a pupil. Nothing was saved.');
    assert.equal((await stored('board', post.id))?.pinned, undefined);
    assert.equal((await storedAll('board')).length, 1);
  });

  it('a moderator pins a pupil\'s post, and nothing else of it; its status is kept', async (t) => {
    const { as, stored } = await board(t, { moderation: 'all' });
    const post = await as(teacher).create('board', textPost());
    const anas = await as(teacher).setStatus('board', await as(ana).create('board', textPost({ title: 'Ana\'s' })), 'published');
    const mateoStore = as(mateo);
    const pinned = await mateoStore.update('board', anas, { pinned: true });
    assert.deepEqual([pinned.pinned, pinned.status, pinned.title, pinned.author.id], [true, 'published', 'Ana\'s', ana.id]);
    await rejectsWith(mateoStore.update('board', pinned, { title: 'Changed by Mateo' }), 'permission');
    await rejectsWith(mateoStore.update('board', pinned, { pinned: false, title: 'Changed by Mateo' }), 'permission');
    await rejectsWith(mateoStore.update('board', pinned, { position: 'z0' }), 'permission');
    assert.equal((await stored('board', anas.id))?.title, 'Ana\'s');
    assert.equal((await mateoStore.update('board', pinned, { pinned: false })).pinned, false);
    // His own post, published: pinning it does not send it back for approval under moderation 'all'.
    const own = await as(teacher).setStatus('board', await mateoStore.create('board', textPost()), 'published');
    assert.equal((await mateoStore.update('board', own, { pinned: true })).status, 'published');
    assert.equal((await as(teacher).update('board', post, { pinned: true })).pinned, true);
  });
});

describe('board rules: posts written by version 1', () => {
  it('open with a rich-text body and without an unknown colour, and are saved as version 2', async (t) => {
    const { as, raw, stored } = await board(t);
    const v1 = {
      id: 'old-1',
      space: SPACE,
      collection: 'board',
      rev: '0-x',
      schemaVersion: 1,
      createdAt: T0,
      updatedAt: T0,
      author: { id: ana.id, name: ana.name },
      status: 'published',
      kind: 'text',
      section: 'day-1',
      position: 'a0',
      body: 'Boats < ships & <script>x</script>\nWindy.',
      color: 'light-blue',
      pinned: false,
    };
    await raw.write(SPACE, [{ type: 'put', record: v1 as unknown as RawRecord, expectedRev: null }], { origin: 'v1' });
    const opened = await as(bruno).get('board', 'old-1');
    assert.equal(opened.body, '<p>Boats &lt; ships &amp; &lt;script&gt;x&lt;/script&gt;<br>Windy.</p>');
    assert.equal('color' in opened, false);
    assert.deepEqual([opened.kind, opened.section, opened.position, opened.pinned], ['text', 'day-1', 'a0', false]);
    await as(ana).update('board', await as(ana).get('board', 'old-1'), { title: 'Day one' });
    const after = await stored('board', 'old-1');
    assert.deepEqual([after?.schemaVersion, after?.title, after?.color], [2, 'Day one', undefined]);
  });
});

describe('board rules: files', () => {
  it('takes office documents as zip archives, read from their content', async (t) => {
    const { as } = await board(t);
    const docx = new File([DOCX], 'plan.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const info = await as(ana).putAttachment(docx, { maxBytes: 1000, types: ['application/pdf', 'application/zip'] });
    assert.equal(info.type, 'application/zip');
  });

  it('an erasure removes a post\'s picture and its thumbnail', async (t) => {
    const { as, backing } = await board(t);
    const store = as(ana);
    const limits = { maxBytes: 1000, types: ['image/png'] };
    const picture = await store.putAttachment(new Blob([PNG]), limits);
    const thumbnail = await store.putAttachment(new Blob([PNG]), limits);
    await store.create('board', textPost({ kind: 'image', attachment: picture.id, thumbnail: thumbnail.id, alt: 'Boats' }));
    const result = await as(teacher).erasePerson(ana.id);
    assert.deepEqual([result.removed, result.files], [1, 2]);
    assert.equal(backing.attachments.size, 0);
  });
});
