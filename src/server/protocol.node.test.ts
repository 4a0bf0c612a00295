import assert from 'node:assert/strict';
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { creates, nextWriteId, PEOPLE, recordBy, revOf, SPACE, startTestServer, updates, type TestServer } from './test-space.js';

const { teacher, pupil } = PEOPLE;
const glossary = (id: string, term = id) => recordBy(teacher, 'glossary', id, { translations: { en: { term } } });
const generation = (rev: string) => Number(rev.split('-')[0]);

describe('reference server: the protocol', () => {
  let t: TestServer;
  before(async () => (t = await startTestServer()));
  after(() => t.stop());

  it('stores a new record with the URL space and a generation-1 revision, and sends it in pull', async () => {
    const rev = revOf(await t.as('teacher').write({ ...creates({ ...glossary('p1'), space: 'forged-space', rev: '9-forged' }) }));
    assert.match(rev, /^1-[A-Za-z0-9._-]+$/);
    const page = await t.as('pupil').pullAll();
    const change = page.changes.find((c) => c.id === 'p1');
    assert.equal(change?.rev, rev);
    assert.equal(change?.record?.space, SPACE, 'the server sets space');
    assert.equal(change?.record?.rev, rev, 'the server sets rev');
    assert.equal(change?.origin, 'test-device');
  });

  it('checks the revision: a stale or missing baseRev is a conflict with the current version, and nothing is written', async () => {
    const as = t.as('teacher');
    const first = revOf(await as.write(creates(glossary('p2', 'one'))));
    const second = revOf(await as.write(updates(glossary('p2', 'two'), first)));
    assert.equal(generation(second), 2);
    const stale = await as.write(updates(glossary('p2', 'stale'), first));
    assert.equal(stale.status, 'conflict');
    assert.equal(stale.status === 'conflict' && stale.current?.rev, second);
    assert.deepEqual(stale.status === 'conflict' && stale.current?.record?.translations, { en: { term: 'two' } });
    const blind = await as.write(creates(glossary('p2', 'blind')));
    assert.equal(blind.status, 'conflict', 'baseRev null on an existing record');
    const page = await as.pullAll();
    assert.equal(page.changes.find((c) => c.id === 'p2')?.rev, second);
  });

  it('gives a deletion its own revision (a tombstone) that pull reports without a body; null or the tombstone revision brings it back', async () => {
    const as = t.as('teacher');
    const one = revOf(await as.write(creates(glossary('p3'))));
    const gone = revOf(await as.write({ collection: 'glossary', id: 'p3', baseRev: one, deleted: true }));
    assert.equal(generation(gone), 2);
    const tombstone = (await t.as('pupil').pullAll()).changes.find((c) => c.id === 'p3');
    assert.deepEqual({ ...tombstone, writeId: undefined }, { collection: 'glossary', id: 'p3', rev: gone, deleted: true, origin: 'test-device', writeId: undefined });
    const editGone = await as.write(updates(glossary('p3'), one));
    assert.equal(editGone.status, 'conflict');
    assert.deepEqual(editGone.status === 'conflict' && editGone.current, { rev: gone, deleted: true });
    const back = revOf(await as.write(creates(glossary('p3'))));
    assert.equal(generation(back), 3, 'a record written over its tombstone continues its generations');
  });

  it('applies a writeId once: sent again it answers the revision it made, whatever happened since', async () => {
    const as = t.as('teacher');
    const writeId = nextWriteId();
    const first = await as.push([{ writeId, ...creates(glossary('p4')) }]);
    const rev = revOf(first.body.results[0]);
    const { checkpoint } = await as.pullAll();
    revOf(await as.write(updates(glossary('p4', 'changed'), rev)));
    const again = await as.push([{ writeId, ...creates(glossary('p4')) }]);
    assert.deepEqual(again.body.results, [{ status: 'ok', rev }]);
    const after = await as.pullAll(checkpoint);
    assert.equal(after.changes.length, 1, 'only the edit is new: the repeated write was not applied');
    assert.notEqual(after.changes[0].rev, rev);
  });

  it('applies writes in order, each on its own: a conflict does not stop the next ones', async () => {
    const as = t.as('teacher');
    const answer = await as.push([
      { writeId: nextWriteId(), ...creates(glossary('p5a')) },
      { writeId: nextWriteId(), ...updates(glossary('p5a', 'wrong base'), '7-nope') },
      { writeId: nextWriteId(), ...creates(glossary('p5b')) },
    ]);
    assert.deepEqual(answer.body.results.map((r) => r.status), ['ok', 'conflict', 'ok']);
  });

  it('pages by limit with more: true, each record once per page at its latest revision, and checkpoints continue', async () => {
    const fresh = await startTestServer();
    try {
      const as = fresh.as('teacher');
      const revs = new Map<string, string>();
      for (const id of ['a', 'b', 'c', 'd', 'e']) revs.set(id, revOf(await as.write(creates(glossary(id)))));
      // `a` written again: it moves to the end of the feed, once, at its new revision.
      revs.set('a', revOf(await as.write(updates(glossary('a', 'again'), revs.get('a')!))));
      const pages = [];
      let checkpoint: string | null = null;
      for (;;) {
        const page = await fresh.as('pupil').pull(checkpoint, { limit: 2 });
        assert.equal(page.status, 200);
        pages.push(page.body);
        checkpoint = page.body.checkpoint;
        if (!page.body.more) break;
      }
      assert.deepEqual(pages.map((page) => page.changes.map((c) => c.id)), [['b', 'c'], ['d', 'e'], ['a']]);
      assert.deepEqual(pages.map((page) => page.more), [true, true, false]);
      assert.equal(pages[2].changes[0].rev, revs.get('a'));
      const nothing = await fresh.as('pupil').pull(checkpoint);
      assert.deepEqual(nothing.body.changes, []);
      assert.equal(nothing.body.checkpoint, checkpoint, 'nothing new: the same checkpoint');
      revOf(await as.write(creates(glossary('f'))));
      assert.deepEqual((await fresh.as('pupil').pull(checkpoint)).body.changes.map((c) => c.id), ['f']);
    } finally {
      await fresh.stop();
    }
  });

  it('refuses a checkpoint it did not issue with 400 bad-checkpoint', async () => {
    const { checkpoint } = await t.as('pupil').pullAll();
    for (const bad of ['garbage', '12', `${checkpoint.split(':')[0]}:999999`]) {
      const answer = await t.as('pupil').pull(bad);
      assert.equal(answer.status, 400, bad);
      assert.equal((answer.body as unknown as { error: string }).error, 'bad-checkpoint');
    }
  });

  it('long poll: holds an empty pull and answers as soon as something changes', async () => {
    const { checkpoint } = await t.as('pupil').pullAll();
    const started = Date.now();
    const waiting = t.as('pupil').pull(checkpoint, { wait: 20 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    revOf(await t.as('teacher').write(creates(glossary('live'))));
    const answer = await waiting;
    const took = Date.now() - started;
    assert.deepEqual(answer.body.changes.map((c) => c.id), ['live']);
    assert.ok(took >= 250 && took < 5000, `answered after ${took} ms`);
  });

  it('long poll: answers empty after `wait` seconds when nothing changes; wait 0 answers at once', async () => {
    const { checkpoint } = await t.as('pupil').pullAll();
    let started = Date.now();
    const held = await t.as('pupil').pull(checkpoint, { wait: 1 });
    const heldFor = Date.now() - started;
    assert.deepEqual(held.body.changes, []);
    assert.ok(heldFor >= 900 && heldFor < 3000, `held ${heldFor} ms`);
    started = Date.now();
    await t.as('pupil').pull(checkpoint, { wait: 0 });
    assert.ok(Date.now() - started < 500);
  });

  it('answers malformed requests with 400 naming the field, too many writes with 413', async () => {
    const as = t.as('teacher');
    const cases: [unknown, RegExp][] = [
      [{ checkpoint: null, limit: 0, wait: 0 }, /limit/],
      [{ checkpoint: null, limit: 10, wait: 61 }, /wait/],
      [{ checkpoint: {}, limit: 10, wait: 0 }, /checkpoint/],
    ];
    for (const [body, field] of cases) {
      const answer = await as.request<{ error: string; reason: string }>('POST', `/spaces/${SPACE}/pull`, body);
      assert.equal(answer.status, 400);
      assert.equal(answer.body.error, 'bad-request');
      assert.match(answer.body.reason, field);
    }
    const pushes: [unknown, RegExp][] = [
      [{ writes: [] }, /origin/],
      [{ origin: 'o', writes: {} }, /writes/],
      [{ origin: 'o', writes: [{ ...creates(glossary('x')) }] }, /writes\[0\]\.writeId/],
      [{ origin: 'o', writes: [{ writeId: 'w', ...creates(glossary('x')), baseRev: 'abc' }] }, /writes\[0\]\.baseRev/],
      [{ origin: 'o', writes: [{ writeId: 'w', ...creates(glossary('x')), deleted: true }] }, /writes\[0\]\.record/],
      [{ origin: 'o', writes: [{ writeId: 'w', collection: 'glossary', id: 'x', baseRev: null }] }, /writes\[0\]\.record/],
    ];
    for (const [body, field] of pushes) {
      const answer = await as.request<{ error: string; reason: string }>('POST', `/spaces/${SPACE}/push`, body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.match(answer.body.reason, field);
    }
    const notJson = await as.request<{ error: string }>('POST', `/spaces/${SPACE}/push`, '{oops');
    assert.equal(notJson.status, 400);
    const many = Array.from({ length: 1001 }, (_, i) => ({ writeId: `m${i}`, collection: 'glossary', id: `m${i}`, baseRev: null, deleted: true }));
    const tooMany = await as.push(many);
    assert.equal(tooMany.status, 413);
    assert.equal((tooMany.body as unknown as { error: string }).error, 'too-large');
  });

  it('refuses records without their envelope, with the wrong ids, or over 1 MiB, one result each', async () => {
    const as = t.as('teacher');
    const { author: _author, ...noAuthor } = glossary('e1');
    const answer = await as.push([
      { writeId: nextWriteId(), ...creates(noAuthor) },
      { writeId: nextWriteId(), collection: 'glossary', id: 'e2', baseRev: null, record: glossary('not-e2') },
      { writeId: nextWriteId(), ...creates({ ...glossary('e3'), status: 'approved' }) },
      { writeId: nextWriteId(), ...creates({ ...glossary('e4'), createdAt: 'yesterday' }) },
      { writeId: nextWriteId(), ...creates({ ...glossary('e5'), padding: 'x'.repeat(1024 * 1024) }) },
    ]);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.results.map((r) => r.status), ['refused', 'refused', 'refused', 'refused', 'refused']);
    const reasons = answer.body.results.map((r) => (r.status === 'refused' ? r.reason : ''));
    assert.match(reasons[0], /author/);
    assert.match(reasons[1], /id and collection/);
    assert.match(reasons[2], /status/);
    assert.match(reasons[3], /createdAt/);
    assert.match(reasons[4], /too large/);
  });

  it('answers 401 without WWW-Authenticate, 404 for an unknown space or path, 403 for a non-member, 405 for a wrong method', async () => {
    const anonymous = await t.as('anonymous').pull();
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('www-authenticate'), null, 'no browser sign-in dialog');
    assert.deepEqual(Object.keys(anonymous.body as object).sort(), ['error', 'reason']);
    assert.equal((await t.as('pupil', { password: 'wrong' }).pull()).status, 401);
    assert.equal((await t.as('pupil').pull(null, { space: 'no-such-space' })).status, 404);
    assert.equal((await t.as('pupil').request('POST', '/elsewhere/pull', {})).status, 404);
    const outsider = await t.as('outsider').pull();
    assert.equal(outsider.status, 403);
    assert.equal((outsider.body as unknown as { error: string }).error, 'forbidden');
    assert.equal((await t.as('outsider').pull(null, { space: 'elsewhere' })).status, 200, 'a member there');
    assert.equal((await t.as('pupil').request('GET', `/spaces/${SPACE}/pull`)).status, 405);
  });
});

describe('reference server: CORS', () => {
  it('lets only listed origins call with credentials', async () => {
    const t = await startTestServer({ allowedOrigins: ['https://school.example'] });
    try {
      const listed = await t.as('pupil').pull(null, {});
      assert.equal(listed.headers.get('access-control-allow-origin'), null, 'no Origin, no CORS headers');
      const fromSchool = await t.as('pupil').request('OPTIONS', `/spaces/${SPACE}/pull`, undefined, { origin: 'https://school.example', 'access-control-request-method': 'POST' });
      assert.equal(fromSchool.status, 204);
      assert.equal(fromSchool.headers.get('access-control-allow-origin'), 'https://school.example');
      assert.equal(fromSchool.headers.get('access-control-allow-credentials'), 'true');
      const elsewhere = await t.as('pupil').request('POST', `/spaces/${SPACE}/pull`, { checkpoint: null, limit: 1, wait: 0 }, { origin: 'https://evil.example' });
      assert.equal(elsewhere.headers.get('access-control-allow-origin'), null);
    } finally {
      await t.stop();
    }
  });
});

describe('reference server: data on files', () => {
  it('keeps records, revisions, write ids and source across a restart; checkpoints stay valid', async () => {
    const t = await startTestServer();
    try {
      const writeId = nextWriteId();
      const rev = revOf((await t.as('teacher').push([{ writeId, ...creates(glossary('kept')) }])).body.results[0]);
      const before = await t.as('pupil').pullAll();
      await t.server.restart();
      const afterRestart = await t.as('pupil').pullAll();
      assert.equal(afterRestart.source, before.source);
      assert.equal(afterRestart.changes.find((c) => c.id === 'kept')?.rev, rev);
      const again = await t.as('teacher').push([{ writeId, ...creates(glossary('kept')) }]);
      assert.deepEqual(again.body.results, [{ status: 'ok', rev }], 'the write id survived the restart');
      const fromCheckpoint = await t.as('pupil').pull(before.checkpoint);
      assert.equal(fromCheckpoint.status, 200);
      assert.deepEqual(fromCheckpoint.body.changes, []);
    } finally {
      await t.stop();
    }
  });

  it('drops a last log line cut short by a crash, and goes on appending after it', async () => {
    const t = await startTestServer();
    try {
      revOf(await t.as('teacher').write(creates(glossary('whole'))));
      await t.server.close();
      const log = join(t.dataDir, 'spaces', SPACE, 'log.jsonl');
      await appendFile(log, '{"seq":2,"type":"write","collection":"glossary","id":"torn"');
      await t.server.restart();
      assert.deepEqual((await t.as('pupil').pullAll()).changes.map((c) => c.id), ['whole']);
      revOf(await t.as('teacher').write(creates(glossary('next'))));
      const lines = (await readFile(log, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { id: string });
      assert.deepEqual(lines.map((line) => line.id), ['whole', 'next']);
    } finally {
      await t.stop();
    }
  });

  it('a restore gives a new source: old checkpoints start from the beginning, lost writes apply again', async () => {
    const t = await startTestServer();
    try {
      const as = t.as('teacher');
      revOf(await as.write(creates(glossary('before-backup'))));
      const writeId = nextWriteId();
      revOf((await as.push([{ writeId, ...creates(glossary('lost')) }])).body.results[0]);
      const old = await t.as('pupil').pullAll();
      await t.server.restore(SPACE, { keep: 1 });
      const page = await t.as('pupil').pull(old.checkpoint);
      assert.equal(page.status, 200);
      assert.notEqual(page.body.source, old.source);
      assert.deepEqual(page.body.changes.map((c) => c.id), ['before-backup'], 'from the beginning of the restored data');
      const resent = await as.push([{ writeId, ...creates(glossary('lost')) }]);
      assert.equal(resent.body.results[0].status, 'ok');
      assert.deepEqual((await t.as('pupil').pull(page.body.checkpoint)).body.changes.map((c) => c.id), ['lost'], 'applied again, not remembered');
      await t.server.restart();
      assert.equal((await t.as('pupil').pullAll()).source, page.body.source, 'the new source is kept');
    } finally {
      await t.stop();
    }
  });

  it('a pupil pushes as the space member the password names', async () => {
    const t = await startTestServer();
    try {
      const forged = await t.as('pupil').write(creates(recordBy(teacher, 'glossary', 'as-teacher')));
      assert.equal(forged.status, 'refused');
      assert.equal((await t.as('pupil').write(creates(recordBy(pupil, 'glossary', 'own')))).status, 'ok');
    } finally {
      await t.stop();
    }
  });
});
