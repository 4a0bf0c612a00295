import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PulledChange } from '../sdk/replication/protocol.js';
import { creates, PEOPLE, recordBy, revOf, startTestServer, updates, type Part, type TestServer } from './test-space.js';

/**
 * An attacker's view: each role pulls over plain HTTP, as devtools or curl would, and must receive
 * only what the policy lets them read. Every record carries a secret word; a reader who may not
 * read it must not find the word anywhere in the answer's bytes.
 */
const { teacher, pupil, classmate, moderator } = PEOPLE;
const secret = (id: string) => `secret-of-${id}`;
const MEMBERS: Part[] = ['admin', 'teacher', 'moderator', 'pupil', 'classmate', 'foreigner', 'observer'];

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

// Who may read each record (the rest receive a deletion without body).
const READERS: Record<string, Part[]> = {
  'journal/private': ['admin', 'teacher', 'pupil'],
  'journal/school': ['admin', 'teacher', 'moderator', 'pupil', 'classmate'],
  'journal/space': MEMBERS,
  'journal-note/to-pupil': ['admin', 'teacher', 'pupil'],
  'board/pending': ['admin', 'teacher', 'moderator', 'pupil'],
  'board/hidden': ['admin', 'teacher', 'moderator', 'classmate'],
  'board/published': MEMBERS,
  'journal-feedback/on-private': ['admin', 'teacher', 'pupil'],
  'journal-feedback/on-space': MEMBERS,
  'goal-rating/rating': ['admin', 'teacher', 'pupil'],
  'board-flag/flag': ['admin', 'teacher', 'moderator', 'classmate'],
};

describe('reference server: who reads what, over plain HTTP', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ moderation: 'pupils' });
    const entry = (id: string, visibility: string, fields: Record<string, unknown> = {}) =>
      creates(recordBy(pupil, 'journal', id, { visibility, body: secret(id), status: 'pending', ...fields }));
    // Journal entries are pending under `pupils` moderation; the teacher publishes them.
    for (const write of [
      entry('private', 'private', { media: [{ attachment: 'private-photo', kind: 'image', alt: 'x' }] }),
      entry('school', 'school'),
      entry('space', 'space'),
    ]) {
      const rev = revOf(await t.as('pupil').write(write));
      revOf(await t.as('teacher').write(updates({ ...write.record, status: 'published' }, rev)));
    }
    revOf(await t.as('teacher').write(creates(recordBy(teacher, 'journal-note', 'to-pupil', { pupil: pupil.id, body: secret('to-pupil') }))));
    revOf(await t.as('pupil').write(creates(recordBy(pupil, 'board', 'pending', { status: 'pending', body: secret('pending') }))));
    const hiddenRev = revOf(await t.as('moderator').write(creates(recordBy(moderator, 'board', 'published', { body: secret('published'), attachment: 'board-photo' }))));
    assert.ok(hiddenRev);
    const post = recordBy(classmate, 'board', 'hidden', { status: 'pending', body: secret('hidden') });
    const postRev = revOf(await t.as('classmate').write(creates(post)));
    revOf(await t.as('teacher').write(updates({ ...post, status: 'hidden' }, postRev)));
    revOf(await t.as('teacher').write(creates(recordBy(teacher, 'journal-feedback', 'on-private', { target: 'private', kind: 'comment', body: secret('on-private') }))));
    revOf(await t.as('moderator').write(creates(recordBy(moderator, 'journal-feedback', 'on-space', { target: 'space', kind: 'liked', body: secret('on-space') }))));
    revOf(await t.as('pupil').write(creates(recordBy(pupil, 'goal-rating', 'rating', { goal: 'g', level: 2, note: secret('rating') }))));
    revOf(await t.as('classmate').write(creates(recordBy(classmate, 'board-flag', 'flag', { target: 'published', reason: secret('flag') }))));
    assert.equal((await t.as('pupil').putFile('private-photo', PNG, 'image/png')).status, 204);
    assert.equal((await t.as('moderator').putFile('board-photo', PNG, 'image/png')).status, 204);
    assert.equal((await t.as('classmate').putFile('unused-photo', PNG, 'image/png')).status, 204);
  });
  after(() => t.stop());

  for (const part of MEMBERS) {
    it(`${part} (${PEOPLE[part].role}) receives exactly the records the policy lets them read`, async () => {
      const answer = await t.as(part).pull();
      assert.equal(answer.status, 200);
      const byKey = new Map<string, PulledChange>(answer.body.changes.map((change) => [`${change.collection}/${change.id}`, change]));
      for (const [key, readers] of Object.entries(READERS)) {
        const change = byKey.get(key);
        assert.ok(change, `${key} is in the feed (as a record or a deletion)`);
        const id = key.split('/')[1];
        if (readers.includes(part)) {
          assert.equal(change.deleted, undefined, `${part} reads ${key}`);
          assert.equal(change.record?.id, id);
        } else {
          assert.deepEqual(Object.keys(change).sort(), ['collection', 'deleted', 'id', 'rev'], `${part} gets ${key} as a bare deletion`);
          assert.ok(!answer.text.includes(secret(id)), `${part} must not receive the words of ${key}`);
        }
      }
    });
  }

  it('a non-member gets 403 and an anonymous caller 401, with no records', async () => {
    const outsider = await t.as('outsider').pull();
    assert.equal(outsider.status, 403);
    assert.ok(!outsider.text.includes('secret-of'));
    const anonymous = await t.as('anonymous').pull();
    assert.equal(anonymous.status, 401);
    assert.ok(!anonymous.text.includes('secret-of'));
  });

  it('files: the uploader, staff and readers of a record naming the file; 404 for everyone else', async () => {
    const expectations: [file: string, readers: Part[]][] = [
      ['private-photo', ['admin', 'teacher', 'pupil']],
      ['board-photo', MEMBERS],
      ['unused-photo', ['admin', 'teacher', 'classmate']],
    ];
    for (const [file, readers] of expectations) {
      for (const part of MEMBERS) {
        const answer = await t.as(part).getFile(file);
        assert.equal(answer.status, readers.includes(part) ? 200 : 404, `${part} GET ${file}`);
        if (answer.status === 200) {
          assert.equal(answer.headers.get('content-type'), 'image/png');
          assert.equal(answer.headers.get('content-security-policy'), 'sandbox');
        }
      }
      assert.equal((await t.as('outsider').getFile(file)).status, 403);
      assert.equal((await t.as('anonymous').getFile(file)).status, 401);
    }
    assert.equal((await t.as('teacher').getFile('never-uploaded')).status, 404);
  });

  it('an entry made private takes its feedback away from classmates; shared again, both come back', async () => {
    const { checkpoint } = await t.as('classmate').pullAll();
    const entry = (await t.as('pupil').pullAll()).changes.find((c) => c.id === 'space')!;
    // Under `pupils` moderation her edit waits for approval, as the store writes it.
    const madePrivate = revOf(await t.as('pupil').write(updates({ ...entry.record!, visibility: 'private', status: 'pending' }, entry.rev)));
    const gone = await t.as('classmate').pullAll(checkpoint);
    assert.deepEqual(
      gone.changes.map((c) => [c.id, c.deleted]),
      [['space', true], ['on-space', true]],
      'the entry and the feedback on it arrive as deletions',
    );
    assert.ok(!JSON.stringify(gone).includes(secret('on-space')));
    revOf(await t.as('teacher').write(updates({ ...entry.record!, visibility: 'space', status: 'published' }, madePrivate)));
    const back = await t.as('classmate').pullAll(gone.checkpoint);
    assert.deepEqual(back.changes.map((c) => [c.id, c.deleted, typeof c.record]), [['space', undefined, 'object'], ['on-space', undefined, 'object']]);
  });

  it('a post hidden by a moderator reaches other pupils as a deletion', async () => {
    const post = (await t.as('moderator').pullAll()).changes.find((c) => c.id === 'published')!;
    const { checkpoint } = await t.as('foreigner').pullAll();
    revOf(await t.as('teacher').write(updates({ ...post.record!, status: 'hidden' }, post.rev)));
    const page = await t.as('foreigner').pullAll(checkpoint);
    assert.deepEqual(page.changes.map((c) => [c.id, c.deleted, c.record]), [['published', true, undefined]]);
    assert.equal((await t.as('foreigner').getFile('board-photo')).status, 404, 'its photo goes with it');
  });
});
