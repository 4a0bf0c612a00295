import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PushResult } from '../sdk/replication/protocol.js';
import { JOURNAL_SETTINGS_ID } from '../sdk/schemas/journal-settings.js';
import { creates, PEOPLE, recordBy, revOf, startTestServer, updates, type Part, type TestServer } from './test-space.js';

/**
 * An attacker's pushes: each role writes over plain HTTP what their device would never send, and
 * the server must refuse it with a sentence, writing nothing. Each refusal is paired with the
 * nearest write that is allowed, so a rule that refuses everything fails too.
 */
const { teacher, pupil, classmate, moderator, foreigner } = PEOPLE;
type Record_ = Record<string, unknown>;

const refused = (result: PushResult, reason?: RegExp) => {
  assert.equal(result.status, 'refused', JSON.stringify(result));
  if (reason && result.status === 'refused') assert.match(result.reason, reason);
};

describe('reference server: who writes what, over plain HTTP (moderation: pupils)', () => {
  let t: TestServer;
  /** Writes as `part` and returns the new revision (the write must succeed). */
  const ok = async (part: Part, write: Record_) => revOf(await t.as(part).write(write));
  /** The record as `part` may read it now, with its revision. */
  const current = async (part: Part, id: string) => {
    const change = (await t.as(part).pullAll()).changes.find((c) => c.id === id)!;
    return { record: change.record as Record_, rev: change.rev };
  };

  before(async () => (t = await startTestServer({ moderation: 'pupils' })));
  after(() => t.stop());

  it('nobody creates a record in someone else\'s name', async () => {
    refused(await t.as('classmate').write(creates(recordBy(pupil, 'glossary', 'forged', { status: 'pending' }))), /own name/);
    refused(await t.as('moderator').write(creates(recordBy(teacher, 'glossary', 'forged2'))), /own name/);
    await ok('classmate', creates(recordBy(classmate, 'glossary', 'own', { status: 'pending' })));
  });

  it('a pupil cannot publish their own record: not on create, not by editing its status', async () => {
    refused(await t.as('pupil').write(creates(recordBy(pupil, 'board', 'p-post'))), /wait for approval/);
    const rev = await ok('pupil', creates(recordBy(pupil, 'board', 'p-post', { status: 'pending', body: 'mine' })));
    refused(await t.as('pupil').write(updates(recordBy(pupil, 'board', 'p-post', { status: 'published', body: 'mine' }), rev)), /waiting for approval/);
    refused(await t.as('pupil').write(creates(recordBy(pupil, 'board', 'p-hidden', { status: 'hidden' }))), /cannot be hidden/);
    // Staff and moderators publish at once under `pupils`.
    await ok('moderator', creates(recordBy(moderator, 'board', 'm-post')));
  });

  it('a classmate cannot approve a pending post (he cannot even read it); a moderator can', async () => {
    const { record, rev } = await current('pupil', 'p-post');
    const byClassmate = await t.as('classmate').write(updates({ ...record, status: 'published' }, rev));
    refused(byClassmate, /cannot read/);
    assert.equal(byClassmate.status === 'refused' && byClassmate.current, null, 'current: null for what he may not read');
    await ok('moderator', updates({ ...record, status: 'published' }, rev));
  });

  it('nobody edits or deletes someone else\'s record but staff', async () => {
    const { record, rev } = await current('pupil', 'p-post');
    const edited = { ...record, body: 'defaced' };
    const byClassmate = await t.as('classmate').write(updates(edited, rev));
    refused(byClassmate, /only your own/);
    assert.equal(byClassmate.status === 'refused' && byClassmate.current?.rev, rev, 'a record he may read comes back as current');
    refused(await t.as('moderator').write(updates(edited, rev)), /only your own/);
    refused(await t.as('classmate').write({ collection: 'board', id: 'p-post', baseRev: rev, deleted: true }), /only your own/);
    refused(await t.as('moderator').write({ collection: 'board', id: 'p-post', baseRev: rev, deleted: true }), /only your own/);
    const teacherRev = await ok('teacher', updates({ ...record, body: 'fixed by the teacher' }, rev));
    await ok('admin', { collection: 'board', id: 'p-post', baseRev: teacherRev, deleted: true });
  });

  it('an author edits their own published post only back to pending, but may move it and stay published', async () => {
    const rev = await ok('teacher', creates(recordBy(teacher, 'board', 'approved', { status: 'pending' })));
    // A post of the pupil, approved by the teacher.
    const mine = recordBy(pupil, 'board', 'mine', { status: 'pending', body: 'v1', position: 1 });
    const pending = await ok('pupil', creates(mine));
    const published = await ok('teacher', updates({ ...mine, status: 'published' }, pending));
    refused(await t.as('pupil').write(updates({ ...mine, status: 'published', body: 'v2' }, published)), /changes wait for approval/);
    const moved = await ok('pupil', updates({ ...mine, status: 'published', position: 2 }, published));
    await ok('pupil', updates({ ...mine, status: 'pending', position: 2, body: 'v2' }, moved));
    assert.ok(rev);
  });

  it('only moderators and staff pin; a moderator may pin a pupil\'s post', async () => {
    refused(await t.as('pupil').write(creates(recordBy(pupil, 'board', 'pinned-by-me', { status: 'pending', pinned: true }))), /Only teachers and moderators can set pinned/);
    const { record, rev } = await current('moderator', 'mine');
    refused(await t.as('pupil').write(updates({ ...record, pinned: true }, rev)), /Only teachers and moderators can change pinned/);
    await ok('moderator', updates({ ...record, pinned: true }, rev));
  });

  it('a hidden record is locked for its author; only staff bring it back', async () => {
    const post = recordBy(classmate, 'board', 'to-hide', { status: 'pending', body: 'rude' });
    const rev = await ok('classmate', creates(post));
    const hidden = await ok('moderator', updates({ ...post, status: 'hidden' }, rev));
    refused(await t.as('classmate').write(updates({ ...post, status: 'pending' }, hidden)), /bring back/);
    refused(await t.as('classmate').write(updates({ ...post, status: 'hidden', body: 'softened' }, hidden)), /hid this record/);
    refused(await t.as('classmate').write({ collection: 'board', id: 'to-hide', baseRev: hidden, deleted: true }), /hid this record/);
    refused(await t.as('moderator').write(updates({ ...post, status: 'published' }, hidden)), /bring back/);
    await ok('teacher', updates({ ...post, status: 'published' }, hidden));
  });

  it('nobody changes who wrote a record or when, not even staff', async () => {
    const { record, rev } = await current('teacher', 'm-post');
    refused(await t.as('moderator').write(updates({ ...record, author: { id: moderator.id, name: 'Someone else' } }, rev)), /who wrote/);
    refused(await t.as('teacher').write(updates({ ...record, author: { id: teacher.id, name: teacher.name } }, rev)), /who wrote/);
    refused(await t.as('moderator').write(updates({ ...record, createdAt: '2020-01-01T00:00:00.000Z' }, rev)), /when a record was created/);
    await ok('moderator', updates({ ...record, body: 'edited by its author' }, rev));
  });

  it('a pupil cannot forge a review note; a moderator signs their own', async () => {
    const post = recordBy(pupil, 'board', 'reviewed', { status: 'pending' });
    const rev = await ok('pupil', creates(post));
    const review = (by: typeof moderator) => ({ note: 'looks good', by: { id: by.id, name: by.name }, at: '2025-03-02T10:00:00.000Z' });
    refused(await t.as('pupil').write(updates({ ...post, review: review(pupil) }, rev)), /review note/);
    refused(await t.as('moderator').write(updates({ ...post, status: 'published', review: review(teacher) }, rev)), /signed with your own/);
    await ok('moderator', updates({ ...post, status: 'published', review: review(moderator) }, rev));
  });

  it('a record one may not read cannot be written, not even blindly: refused with current null', async () => {
    const entry = recordBy(pupil, 'journal', 'diary', { visibility: 'private', status: 'pending', body: 'mine' });
    const rev = await ok('pupil', creates(entry));
    for (const part of ['classmate', 'moderator', 'foreigner'] as const) {
      const edit = await t.as(part).write(updates({ ...entry, body: 'overwritten' }, rev));
      refused(edit, /cannot read/);
      assert.equal(edit.status === 'refused' && edit.current, null);
      const blind = await t.as(part).write(creates({ ...entry, author: { id: PEOPLE[part].id, name: PEOPLE[part].name } }));
      assert.ok(blind.status !== 'ok', `${part} may not write over it with baseRev null`);
      refused(await t.as(part).write({ collection: 'journal', id: 'diary', baseRev: rev, deleted: true }), /cannot read/);
    }
    await ok('teacher', updates({ ...entry, status: 'published' }, rev));
  });

  it('a moderator decides on a school entry of their own school, not of another school', async () => {
    const ours = recordBy(classmate, 'journal', 'ours', { visibility: 'school', status: 'pending' });
    const theirs = recordBy(foreigner, 'journal', 'theirs', { visibility: 'school', status: 'pending' });
    const oursRev = await ok('classmate', creates(ours));
    const theirsRev = await ok('foreigner', creates(theirs));
    refused(await t.as('moderator').write(updates({ ...theirs, status: 'published' }, theirsRev)), /cannot read/);
    await ok('moderator', updates({ ...ours, status: 'published' }, oursRev));
  });

  it('feedback only on an entry one may read', async () => {
    const feedback = (by: typeof pupil, id: string, target: string) => recordBy(by, 'journal-feedback', id, { target, kind: 'comment', body: 'hi', status: 'pending' });
    refused(await t.as('classmate').write(creates(feedback(classmate, 'fb1', 'diary'))), /may not comment/);
    refused(await t.as('foreigner').write(creates(feedback(foreigner, 'fb2', 'ours'))), /may not comment/);
    refused(await t.as('classmate').write(creates(feedback(classmate, 'fb3', 'no-such-entry'))), /may not comment/);
    await ok('classmate', creates(feedback(classmate, 'fb4', 'ours')));
  });

  it('staff-only collections, notes and self-ratings stay with their owners', async () => {
    refused(await t.as('pupil').write(creates(recordBy(pupil, 'phase', 'my-phase'))), /Only teachers/);
    refused(await t.as('moderator').write(creates(recordBy(moderator, 'journal-note', 'my-note', { pupil: pupil.id }))), /Only teachers/);
    await ok('teacher', creates(recordBy(teacher, 'phase', 'phase-1')));
    const note = recordBy(teacher, 'journal-note', 'to-mia', { pupil: moderator.id, body: 'well done' });
    const noteRev = await ok('teacher', creates(note));
    refused(await t.as('moderator').write(updates({ ...note, status: 'hidden' }, noteRev)), /belongs to its author/);
    // A self-rating is published at once whatever the moderation, and nobody else touches it.
    const rating = recordBy(pupil, 'goal-rating', 'my-rating', { goal: 'g', level: 3 });
    const ratingRev = await ok('pupil', creates(rating));
    refused(await t.as('moderator').write(updates({ ...rating, status: 'hidden' }, ratingRev)), /cannot read/);
  });

  it('a partner adds a missing language to a published glossary entry, signed as themselves, and nothing else', async () => {
    // Under `pupils` moderation a pupil's contribution would bypass approval: a moderator contributes here.
    const entry = recordBy(teacher, 'glossary', 'tide', { translations: { en: { term: 'tide' } } });
    const rev = await ok('teacher', creates(entry));
    const signed = (by: typeof moderator) => ({ id: by.id, name: by.name, ...(by.school ? { school: by.school } : {}) });
    refused(await t.as('moderator').write(updates({ ...entry, translations: { en: { term: 'tide' }, pl: { term: 'pływ', addedBy: signed(pupil) } } }, rev)), /only your own/);
    refused(await t.as('moderator').write(updates({ ...entry, translations: { en: { term: 'TIDE' }, pl: { term: 'pływ', addedBy: signed(moderator) } } }, rev)), /only your own/);
    refused(await t.as('pupil').write(updates({ ...entry, translations: { en: { term: 'tide' }, pl: { term: 'pływ', addedBy: signed(pupil) } } }, rev)), /only your own/);
    await ok('moderator', updates({ ...entry, translations: { en: { term: 'tide' }, pl: { term: 'pływ', addedBy: signed(moderator) } } }, rev));
  });

  it('observers write nothing (403 for the whole push), non-members 403, anonymous 401', async () => {
    const write = { writeId: 'obs-1', ...creates(recordBy(PEOPLE.observer, 'glossary', 'obs')) };
    const observer = await t.as('observer').push([write]);
    assert.equal(observer.status, 403);
    assert.equal((observer.body as unknown as { error: string }).error, 'forbidden');
    assert.equal((await t.as('outsider').push([write])).status, 403);
    assert.equal((await t.as('anonymous').push([write])).status, 401);
    const feed = await t.as('teacher').pullAll();
    assert.ok(!feed.changes.some((c) => c.id === 'obs'), 'nothing was written');
  });

  it('files: observers upload nothing, nobody replaces or deletes someone else\'s file, only accepted types and sizes', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1]);
    assert.equal((await t.as('observer').putFile('obs-file', png, 'image/png')).status, 403);
    assert.equal((await t.as('pupil').putFile('pia-file', png, 'image/png')).status, 204);
    assert.equal((await t.as('pupil').putFile('pia-file', png, 'image/png')).status, 204, 'the uploader may send it again');
    assert.equal((await t.as('classmate').putFile('pia-file', new Uint8Array([1]), 'image/png')).status, 403);
    assert.equal((await t.as('classmate').deleteFile('pia-file')).status, 403);
    assert.equal((await t.as('moderator').deleteFile('pia-file')).status, 403);
    assert.equal((await t.as('observer').deleteFile('pia-file')).status, 403);
    assert.deepEqual(new Uint8Array(Buffer.from((await t.as('pupil').getFile('pia-file')).text, 'latin1')).length, png.length, 'still there');
    const svg = await t.as('pupil').putFile('drawing', new TextEncoder().encode('<svg onload="alert(1)"/>'), 'image/svg+xml');
    assert.equal(svg.status, 415);
    assert.equal((svg.body as { error: string }).error, 'unsupported-type');
    assert.equal((await t.as('pupil').putFile('huge', new Uint8Array(20 * 1024 * 1024 + 1), 'video/mp4')).status, 413);
    assert.equal((await t.as('pupil').putFile('..%2Fescape', png, 'image/png')).status, 400);
    assert.equal((await t.as('pupil').deleteFile('pia-file')).status, 204);
    assert.equal((await t.as('pupil').getFile('pia-file')).status, 404);
    assert.equal((await t.as('pupil').deleteFile('pia-file')).status, 204, 'a retried deletion succeeds');
  });
});

describe('reference server: the journal\'s approval switch (moderation: off)', () => {
  it('makes pupils\' feedback wait when the teachers turn it on', async () => {
    const t = await startTestServer({ moderation: 'off' });
    try {
      await revOf(await t.as('pupil').write(creates(recordBy(pupil, 'journal', 'entry', { visibility: 'space' }))));
      const feedback = (id: string, status: string) => creates(recordBy(classmate, 'journal-feedback', id, { target: 'entry', kind: 'liked', body: 'nice', status }));
      revOf(await t.as('classmate').write(feedback('before', 'published')));
      revOf(await t.as('teacher').write(creates(recordBy(teacher, 'journal-settings', JOURNAL_SETTINGS_ID, { feedbackApproval: true }))));
      refused(await t.as('classmate').write(feedback('after', 'published')), /wait for approval/);
      revOf(await t.as('classmate').write(feedback('after', 'pending')));
      revOf(await t.as('moderator').write(creates(recordBy(moderator, 'journal-feedback', 'by-moderator', { target: 'entry', kind: 'liked', body: 'ok' }))));
    } finally {
      await t.stop();
    }
  });
});
