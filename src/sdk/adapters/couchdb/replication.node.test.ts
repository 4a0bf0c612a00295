import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CouchServer } from '../../../../scripts/couch/start-couch-server.mjs';
import { startReplicatedPair, type ReplicatedPair } from '../../../../scripts/couch/start-replicated-pair.mjs';
import type { Role } from '../../policy/roles.js';
import { databaseName, DESIGN_DOC_ID } from './couch-names.js';
import { basicAuth } from './setup/couch-request.js';
import { setupCouchSpace } from './setup/couchdb-setup.js';

/**
 * A school's server and a central one (two pouchdb-servers) replicating a space's database both ways,
 * each set up by the project's setup with the real design document. Members write through the rules
 * on one server; the replicator carries the result to the other.
 */
const SPACE = 'coasts';
const DB = databaseName(SPACE);
const password = (id: string) => `secret-${id}`;
const MEMBERS = (['tom:teacher', 'pia:pupil'] as const).map((entry) => {
  const [id, role] = entry.split(':') as [string, Role];
  return { id, name: `Name of ${id}`, role, password: password(id) };
});
const WAIT_MS = 15_000;

let pair: ReplicatedPair;

before(async () => {
  // Replication starts in the conflict test, after each server has been written alone.
  pair = await startReplicatedPair({ databases: [DB], replicate: false });
  for (const server of [pair.a, pair.b]) await setupCouchSpace({ url: server.url, admin: server.admin, space: SPACE, moderation: 'off', members: MEMBERS, layout: 'space' });
});
after(async () => {
  await pair?.stop();
});

type Body = Record<string, unknown> & { _rev?: string; _conflicts?: string[]; rev?: string; reason?: string };
async function call(server: CouchServer, user: string | 'admin', method: string, path: string, body?: unknown) {
  const auth = user === 'admin' ? server.adminHeaders : { authorization: basicAuth(user, password(user)) };
  const response = await fetch(`${server.url}/${DB}${path}`, {
    method,
    headers: { ...auth, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Body };
}
const docPath = (id: string, query = '') => `/${encodeURIComponent(id)}${query}`;
async function write(server: CouchServer, user: string, doc: Record<string, unknown>) {
  const answer = await call(server, user, 'PUT', docPath(String(doc._id)), doc);
  assert.equal(answer.status, 201, `${user} writing ${String(doc._id)}: ${JSON.stringify(answer.body)}`);
  return String(answer.body.rev);
}
const read = (server: CouchServer, id: string, query = '?conflicts=true') => call(server, 'admin', 'GET', docPath(id, query));

/** Polls until `check` returns a value (not undefined), or fails after WAIT_MS saying what it waited for. */
async function until<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Waited ${WAIT_MS} ms for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
/** Waits until `server` has revision `rev` of `id` as its winner (a tombstone when `deleted`). */
function arrives(server: CouchServer, id: string, rev: string, deleted = false): Promise<Body> {
  return until(`${id} at ${rev} on ${server.url}`, async () => {
    const answer = await read(server, id);
    if (deleted) return answer.status === 404 && (await read(server, id, `?rev=${rev}`)).body._deleted === true ? answer.body : undefined;
    return answer.status === 200 && answer.body._rev === rev ? answer.body : undefined;
  });
}

const TIME = '2025-03-01T10:00:00.000Z';
let clock = 0;
const later = () => new Date(Date.parse(TIME) + ++clock * 1000).toISOString();
function record(id: string, author: string, fields: Record<string, unknown> = {}) {
  return {
    _id: `board:${id}`, id, space: SPACE, collection: 'board', schemaVersion: 1, createdAt: TIME, updatedAt: TIME,
    author: { id: author, name: `Name of ${author}` }, status: 'published', twinkitOrigin: 'store-test', twinkitWrite: `w-${id}-${clock}`, ...fields,
  };
}

describe('two servers replicating a space both ways', () => {
  it('are set up alike: the same design document, at the same revision, and no anonymous reads', async () => {
    const [onA, onB] = await Promise.all([read(pair.a, DESIGN_DOC_ID), read(pair.b, DESIGN_DOC_ID)]);
    assert.equal(onA.status, 200);
    assert.equal(onA.body._rev, onB.body._rev, 'identical design documents get the same revision, so replicating them changes nothing');
    // Replication below reads the other server's database, which only members and admins may: it sends the credentials in its URLs.
    const anonymous = await fetch(`${pair.a.url}/${DB}/_all_docs`);
    assert.equal(anonymous.status, 401);
  });

  it('keep two concurrent updates as one winner and a conflict, the same on both', async () => {
    const created = await write(pair.a, 'pia', record('both', 'pia', { text: 'Harbour' }));
    await pair.replicateOnce();
    await arrives(pair.b, 'board:both', created);
    // Written while the servers do not replicate: Pia on the school's server, Tom on the central one.
    const onA = await write(pair.a, 'pia', { ...record('both', 'pia', { text: 'Harbour at dawn', updatedAt: later() }), _rev: created });
    const onB = await write(pair.b, 'tom', { ...record('both', 'pia', { text: 'Harbour (spelling)', updatedAt: later() }), _rev: created });
    assert.notEqual(onA, onB);

    await pair.start();
    const seen = await Promise.all(
      [pair.a, pair.b].map((server) =>
        until(`a conflict on ${server.url}`, async () => {
          const answer = await read(server, 'board:both');
          return answer.body._conflicts?.length ? answer.body : undefined;
        }),
      ),
    );
    const winner = seen[0]._rev!;
    assert.ok([onA, onB].includes(winner));
    for (const doc of seen) {
      assert.equal(doc._rev, winner, 'both servers pick the same winner');
      assert.deepEqual(doc._conflicts, [winner === onA ? onB : onA], 'the other revision is kept, not lost');
    }
    const loser = await read(pair.b, 'board:both', `?rev=${winner === onA ? onB : onA}`);
    assert.equal(loser.body.text, winner === onA ? 'Harbour (spelling)' : 'Harbour at dawn');
    const design = await read(pair.b, DESIGN_DOC_ID);
    assert.equal(design.body._conflicts, undefined);
  });

  it('(why the pair pulls) pouchdb-server drops an update pushed with new_edits=false into a database with rules', async () => {
    // Not the rules: they let the server admin through. pouchdb-validation swaps the document's
    // `_revisions` for the stored version's, so the update looks already stored. If this starts
    // failing, pouchdb-server was fixed and pushing works too.
    const first = await write(pair.b, 'pia', record('pushed', 'pia'));
    const [, hash] = first.split('-');
    const update = { ...record('pushed', 'pia', { text: 'pushed' }), _rev: `2-${'f'.repeat(32)}`, _revisions: { start: 2, ids: ['f'.repeat(32), hash] } };
    const answer = await call(pair.b, 'admin', 'POST', '/_bulk_docs', { new_edits: false, docs: [update] });
    assert.deepEqual(answer.body, []);
    assert.equal((await read(pair.b, 'board:pushed')).body._rev, first);
  });

  for (const [from, to, name] of [['a', 'b', 'from A to B'], ['b', 'a', 'from B to A']] as const) {
    it(`carry a create, an update, a delete and a re-creation ${name}`, async () => {
      const source = pair[from];
      const target = pair[to];
      const id = `life-${from}`;
      const created = await write(source, 'pia', record(id, 'pia', { text: 'Tide pools' }));
      await arrives(target, `board:${id}`, created);

      const updated = await write(source, 'pia', { ...record(id, 'pia', { text: 'Tide pools at noon', updatedAt: later() }), _rev: created });
      assert.equal((await arrives(target, `board:${id}`, updated)).text, 'Tide pools at noon');

      // The client's delete: a tombstone carrying the write's origin and id.
      const tombstone = { _id: `board:${id}`, _rev: updated, _deleted: true, twinkitOrigin: 'store-test', twinkitWrite: `w-delete-${id}` };
      const deleted = await write(source, 'tom', tombstone);
      await arrives(target, `board:${id}`, deleted, true);
      assert.equal((await read(target, `board:${id}`, `?rev=${deleted}`)).body.twinkitWrite, `w-delete-${id}`);

      // The teacher brings Pia's record back over the tombstone.
      const recreated = await write(source, 'tom', { ...record(id, 'pia', { text: 'Tide pools, again', updatedAt: later() }), _rev: deleted });
      const back = await arrives(target, `board:${id}`, recreated);
      assert.deepEqual([back.text, (back.author as { id: string }).id, back._conflicts], ['Tide pools, again', 'pia', undefined]);
    });
  }
});
