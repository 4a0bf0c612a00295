import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import { startFaultProxy } from '../../../../scripts/couch/fault-proxy.mjs';
import { freePort, startCouchServer } from '../../../../scripts/couch/start-couch-server.mjs';
import type { RawRecord, WriteOperation } from '../../adapter.js';
import type { TwinErrorCode } from '../../errors.js';
import { createTestDatabase } from '../../../test-support/couch-site.js';
import { databaseName } from './couch-names.js';
import { createCouchDBAdapter, type CouchDBAdapter, type CouchDBAdapterOptions } from './couchdb-adapter.js';
import { TwinRemoteError, type RemoteFailure } from './remote-error.js';
import { setupCouchSpace } from './setup/couchdb-setup.js';

/**
 * The couchdb adapter when things go wrong, against a real CouchDB-protocol server (pouchdb-server)
 * and a proxy in front of it that fails on purpose. Every failure is a TwinRemoteError that a
 * program sorts by `failure`, `retryable` and `code`, and a teacher can read; nothing written is
 * lost or delivered twice.
 */
const server = await startCouchServer();
after(() => server.stop());

const SPACE = 'harbours';

// ---------------------------------------------------------------- helpers

/** Polls `condition` every 10 ms until it holds; fails naming `what` after `timeout` ms. */
async function until(condition: () => boolean, what: string, timeout = 5000) {
  const deadline = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`${what}: not within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface ExpectedError {
  failure: RemoteFailure;
  retryable: boolean;
  code: TwinErrorCode;
  status: number | undefined;
  message: RegExp;
}

async function assertRemoteError(promise: Promise<unknown>, expected: ExpectedError): Promise<void> {
  const error = await promise.then(
    (value) => assert.fail(`expected a TwinRemoteError, but it resolved with ${JSON.stringify(value)}`),
    (reason: unknown) => reason,
  );
  assert.ok(error instanceof TwinRemoteError, `expected a TwinRemoteError, got ${String(error)}`);
  const { message, ...fields } = expected;
  assert.deepEqual({ failure: error.failure, retryable: error.retryable, code: error.code, status: error.status }, fields);
  assert.match(error.message, message);
}

const literally = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const offline = (url: string): ExpectedError => ({
  failure: 'offline',
  retryable: true,
  code: 'storage-unavailable',
  status: undefined,
  message: new RegExp(`^${literally(`The server at ${url} cannot be reached`).source} .*Changes are kept and sent when it is back\\.$`),
});

interface Sent {
  method: string;
  path: string;
  status?: number;
  cookie?: string;
}

/** A fetch that notes each request the adapter sends, and the status that came back. */
function recordingFetch() {
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request: Sent = { method: init?.method ?? 'GET', path: new URL(String(input)).pathname, cookie: new Headers(init?.headers).get('cookie') ?? undefined };
    sent.push(request);
    const response = await globalThis.fetch(input, init);
    request.status = response.status;
    return response;
  };
  return { fetch, sent };
}

/** Waits until the adapter's follower has its checkpoint and reads the feed: what is written later is a change to it. */
const following = (sent: Sent[]) => until(() => sent.some((request) => request.path.endsWith('/_changes')), 'the subscriber following the changes feed');

/** Subscribes; the array fills with the ids of the changes that arrive, in order of arrival. */
function arrivals(adapter: CouchDBAdapter, space = SPACE): string[] {
  const ids: string[] = [];
  adapter.subscribe(space, (changes) => ids.push(...changes.map((change) => change.id)));
  return ids;
}

let tick = 0;
/** A record of the `notes` collection, each one a second after the one before. */
function note(id: string, fields: Partial<RawRecord> = {}): RawRecord {
  return { id, space: SPACE, collection: 'notes', rev: '', updatedAt: new Date(Date.UTC(2026, 2, 1) + ++tick * 1000).toISOString(), ...fields };
}
const create = (record: RawRecord): WriteOperation => ({ type: 'put', record, expectedRev: null });
const update = (record: RawRecord, expectedRev: string): WriteOperation => ({ type: 'put', record, expectedRev });
const named = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
const ids = (records: RawRecord[]) => records.map((record) => record.id);
const sorted = (list: string[]) => [...list].sort();

/** Creates the records in one batch, checks that each was saved, and returns their revisions. */
async function save(adapter: CouchDBAdapter, records: RawRecord[], space = SPACE): Promise<string[]> {
  const results = await adapter.write(space, records.map(create), { origin: 'test' });
  return results.map((result) => {
    assert.ok(result.ok, `${result.id} was saved`);
    return result.rev;
  });
}

function open(t: TestContext, options: CouchDBAdapterOptions): CouchDBAdapter {
  const adapter = createCouchDBAdapter(options);
  t.after(() => adapter.close());
  return adapter;
}

/**
 * A fresh database and the fault proxy in front of the server, with two admin adapters on it:
 * `direct` talks to the server, `proxied` through the proxy (and records what it sends).
 */
async function site(t: TestContext, options: Partial<CouchDBAdapterOptions> = {}) {
  const database = await createTestDatabase(server);
  const { proxy, url, stop } = await startFaultProxy(server.url);
  const { fetch, sent } = recordingFetch();
  const common = { headers: server.adminHeaders, database: () => database.name };
  const direct = createCouchDBAdapter({ url: server.url, ...common });
  const proxied = createCouchDBAdapter({ url, ...common, fetch, ...options });
  t.after(async () => {
    await proxied.close();
    await direct.close();
    await stop();
    await database.destroy();
  });
  return { proxy, url, direct, proxied, sent };
}

async function assertEveryCallFails(adapter: CouchDBAdapter, expected: ExpectedError) {
  await assertRemoteError(adapter.get(SPACE, 'notes', 'n1'), expected);
  await assertRemoteError(adapter.list(SPACE, 'notes'), expected);
  await assertRemoteError(adapter.write(SPACE, [create(note('n1'))], { origin: 'test' }), expected);
}

// ---------------------------------------------------------------- no answer

describe('couchdb faults: no server at the address', () => {
  it('is offline, naming the address, when nothing listens on the port', async (t) => {
    const url = `http://127.0.0.1:${await freePort()}`;
    await assertEveryCallFails(open(t, { url, headers: server.adminHeaders }), offline(url));
  });

  it('is offline, not unauthorized, when the host name does not resolve (even when signing in)', async (t) => {
    const url = 'http://twinkit.invalid';
    await assertEveryCallFails(open(t, { url, credentials: { name: 'pia', password: 'secret-pia' } }), offline(url));
  });

  it('is offline for get, list and write while the server is down, and the same adapter works once it is back', async (t) => {
    const { proxy, url, direct, proxied } = await site(t);
    const [keptRev] = await save(proxied, [note('kept')]);
    proxy.setMode('down');
    await assertRemoteError(proxied.get(SPACE, 'notes', 'kept'), offline(url));
    await assertRemoteError(proxied.list(SPACE, 'notes'), offline(url));
    const late = note('late');
    await assertRemoteError(proxied.write(SPACE, [create(late)], { origin: 'test' }), offline(url));
    assert.equal(await direct.get(SPACE, 'notes', 'late'), undefined, 'nothing of the failed write reached the server');

    proxy.setMode('pass');
    assert.equal((await proxied.get(SPACE, 'notes', 'kept'))?.rev, keptRev);
    await save(proxied, [late]);
    assert.deepEqual(ids(await proxied.list(SPACE, 'notes')), ['kept', 'late'], 'each record once');
  });
});

// ---------------------------------------------------------------- answers that are not CouchDB's

describe('couchdb faults: answers that are not what CouchDB says', () => {
  it('is a retryable server failure on a 503, and stores nothing', async (t) => {
    const { proxy, direct, proxied } = await site(t);
    proxy.setMode('status:503');
    await assertEveryCallFails(proxied, {
      failure: 'server',
      retryable: true,
      code: 'storage-unavailable',
      status: 503,
      message: /^The server had a problem \(503: Injected 503 from the test proxy\)\. Changes are kept and sent again later\.$/,
    });
    assert.equal(await direct.get(SPACE, 'notes', 'n1'), undefined, 'nothing was stored');
    proxy.setMode('pass');
    await save(proxied, [note('n1')]);
  });

  it('is a bad response when the answer is not JSON (a network sign-in page), and stores nothing', async (t) => {
    const { proxy, url, direct, proxied } = await site(t);
    proxy.setMode('not-json');
    await assertEveryCallFails(proxied, {
      failure: 'bad-response',
      retryable: true,
      code: 'storage-unavailable',
      status: 200,
      message: new RegExp(`^${literally(`The server at ${url} answered with something that is not JSON`).source}.*Check the address, or sign in to the network first\\.$`),
    });
    assert.equal(await direct.get(SPACE, 'notes', 'n1'), undefined, 'nothing was stored');
  });
});

// ---------------------------------------------------------------- a space with rules

describe('couchdb faults: a space set up with rules and members', () => {
  const space = `faults-${Date.now().toString(36)}`;
  const db = databaseName(space);
  const password = (id: string) => `secret-${id}`;
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, { method, headers: { ...server.adminHeaders, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  before(() =>
    setupCouchSpace({
      url: server.url,
      admin: server.admin,
      space,
      layout: 'space',
      members: [
        { id: 'pia', name: 'Pia', role: 'pupil', password: password('pia') },
        { id: 'kasia', name: 'Kasia', role: 'pupil', password: password('kasia') },
        { id: 'tom', name: 'Tom', role: 'teacher', password: password('tom') },
      ],
    }),
  );
  after(() => admin('DELETE', `/${db}`));

  const member = (t: TestContext, id: string, options: Partial<CouchDBAdapterOptions> = {}) =>
    open(t, { url: server.url, credentials: { name: id, password: password(id) }, ...options });
  const post = (id: string, author: string, fields: Record<string, unknown> = {}): RawRecord => ({
    ...note(id),
    space,
    collection: 'board',
    createdAt: '2026-03-01T10:00:00.000Z',
    author: { id: author, name: `Name of ${author}` },
    status: 'published',
    ...fields,
  });

  it('is unauthorized, naming the user, when the password is wrong; and asks to sign in when no one is signed in', async (t) => {
    const wrong = open(t, { url: server.url, credentials: { name: 'pia', password: 'not-her-password' } });
    await assertRemoteError(wrong.get(space, 'board', 'b1'), {
      failure: 'unauthorized',
      retryable: false,
      code: 'permission',
      status: 401,
      message: /^The server refused the name or password of "pia"\. Check them and sign in again\.$/,
    });
    const nobody = open(t, { url: server.url });
    await assertRemoteError(nobody.list(space, 'board'), {
      failure: 'unauthorized',
      retryable: false,
      code: 'permission',
      status: 401,
      message: /^Not signed in to the server, or the session expired \(401: You are not authorized to access this db\)\. Sign in again\.$/,
    });
  });

  it('signs in again, once, when the server has ended the session, and the request then succeeds', async (t) => {
    const { fetch: recording, sent } = recordingFetch();
    const pia = member(t, 'pia', { fetch: recording });
    const signIns = () => sent.filter((request) => request.method === 'POST' && request.path === '/_session').length;
    await save(pia, [post('s1', 'pia')], space);
    assert.equal(signIns(), 1);
    const cookie = sent.at(-1)?.cookie;
    assert.match(String(cookie), /^AuthSession=/);

    // A new server secret ends every session at once (as an admin signing everyone out does).
    assert.equal((await admin('PUT', '/_config/couch_httpd_auth/secret', `rotated-${Date.now()}`)).status, 200);
    assert.equal((await fetch(`${server.url}/${db}`, { headers: { cookie: String(cookie) } })).status, 401, 'the old session no longer works');

    const before = sent.length;
    assert.deepEqual(ids(await pia.list(space, 'board')), ['s1']);
    const view = `/${db}/_design/twinkit/_view/by-updated`;
    assert.deepEqual(
      sent.slice(before).map(({ method, path, status }) => `${method} ${path} ${status}`),
      [`GET ${view} 401`, 'POST /_session 200', `GET ${view} 200`],
      'one refused request, one sign-in, the same request again',
    );
    await save(pia, [post('s2', 'pia')], space);
    assert.equal(signIns(), 2, 'the new session is kept');
  });

  it('refuses, as forbidden with the server\'s reason, a pupil\'s change to another pupil\'s record, and leaves it as it was', async (t) => {
    const pia = member(t, 'pia');
    const kasia = member(t, 'kasia');
    await save(pia, [post('p1', 'pia', { text: 'Harbour' })], space);
    const stored = await kasia.get(space, 'board', 'p1');
    assert.ok(stored);
    await assertRemoteError(kasia.write(space, [update({ ...stored, text: 'Kasia was here' }, stored.rev)], { origin: 'kasia' }), {
      failure: 'forbidden',
      retryable: false,
      code: 'permission',
      status: 403,
      message: /^The server refused board p1: You can change only your own records\.$/,
    });
    assert.deepEqual(await pia.get(space, 'board', 'p1'), stored);
  });

  it('saves the rest of a batch when the server refuses part of it, and says so', async (t) => {
    const pia = member(t, 'pia');
    const kasia = member(t, 'kasia');
    await save(pia, [post('p2', 'pia', { text: 'Lighthouse' })], space);
    const stored = await kasia.get(space, 'board', 'p2');
    assert.ok(stored);
    const operations = [create(post('k1', 'kasia', { text: 'Mine' })), update({ ...stored, text: 'Not mine' }, stored.rev)];
    await assertRemoteError(kasia.write(space, operations, { origin: 'kasia' }), {
      failure: 'forbidden',
      retryable: false,
      code: 'permission',
      status: 403,
      message: /^The server refused board p2: You can change only your own records \(1 other change\(s\) of the batch were saved\)\.$/,
    });
    assert.equal((await kasia.get(space, 'board', 'k1'))?.text, 'Mine');
    assert.deepEqual(await pia.get(space, 'board', 'p2'), stored);
  });

  it('answers a write on an old revision with a conflict carrying the server\'s current record (two members, two adapters)', async (t) => {
    const pia = member(t, 'pia');
    const tom = member(t, 'tom');
    const [rev1] = await save(pia, [post('p3', 'pia', { text: 'Harbour' })], space);
    const piasCopy = await pia.get(space, 'board', 'p3');
    const tomsCopy = await tom.get(space, 'board', 'p3');
    assert.ok(piasCopy && tomsCopy);
    const [teacher] = await tom.write(space, [update({ ...tomsCopy, text: 'Harbour (spelling checked)' }, rev1)], { origin: 'tom' });
    assert.ok(teacher.ok);

    const [pupil] = await pia.write(space, [update({ ...piasCopy, text: 'Harbour at dusk' }, rev1)], { origin: 'pia' });
    assert.ok(!pupil.ok);
    assert.equal(pupil.reason, 'conflict');
    assert.equal(pupil.current?.rev, teacher.rev);
    assert.deepEqual(pupil.current, await tom.get(space, 'board', 'p3'), 'the conflict carries what the server holds');
    assert.equal(pupil.current?.text, 'Harbour (spelling checked)');

    // Nothing is lost: the pupil's text goes on top of the teacher's version.
    const [retry] = await pia.write(space, [update({ ...pupil.current!, text: 'Harbour at dusk' }, teacher.rev)], { origin: 'pia' });
    assert.ok(retry.ok);
    assert.equal((await tom.get(space, 'board', 'p3'))?.text, 'Harbour at dusk');
  });
});

// ---------------------------------------------------------------- the changes feed

for (const feed of ['longpoll', 'continuous'] as const) {
  describe(`couchdb faults: a ${feed} changes feed`, () => {
    it('reconnects after the feed is cut mid-stream, and every later change arrives exactly once', async (t) => {
      const warn = t.mock.method(console, 'warn', () => {});
      const { proxy, direct, proxied, sent } = await site(t, { feed });
      const seen = arrivals(proxied);
      await following(sent);
      const before = named('before', 5);
      await save(direct, before.map((id) => note(id)));
      await until(() => before.every((id) => seen.includes(id)), 'the changes before the cut');

      // Cut what is in flight until the subscriber notices (a long poll may be between two requests).
      await until(() => (proxy.setMode('cut'), warn.mock.callCount() > 0), 'the subscriber noticing the cut');
      assert.match(String(warn.mock.calls[0].arguments[0]), /changes feed of .* failed; retrying/);
      const afterCut = named('after', 5);
      await save(direct, afterCut.map((id) => note(id))); // while it waits to reconnect
      await until(() => afterCut.every((id) => seen.includes(id)), 'the changes after the cut');
      assert.deepEqual(sorted(seen), sorted([...before, ...afterCut]), 'every change once, none missing');
    });

    it('delivers exactly once, when the server is back, what was written while it was away', async (t) => {
      const warn = t.mock.method(console, 'warn', () => {});
      const { proxy, direct, proxied, sent } = await site(t, { feed });
      const seen = arrivals(proxied);
      await following(sent);
      await save(direct, [note('before')]);
      await until(() => seen.includes('before'), 'the change before the restart');

      proxy.setMode('down');
      const whileDown = named('while-down', 5);
      await save(direct, whileDown.map((id) => note(id))); // straight to the server, not through the proxy
      // Away until the subscriber has tried to reconnect in vain (its first retry comes after 1 s).
      await until(() => warn.mock.callCount() >= 2, 'a reconnect failing while the server is away');
      assert.deepEqual(seen, ['before'], 'nothing arrives while the server is away');

      proxy.setMode('pass');
      await until(() => whileDown.every((id) => seen.includes(id)), 'the changes made while the server was away', 8000);
      assert.deepEqual(sorted(seen), sorted(['before', ...whileDown]), 'every change once, none missing');
    });
  });
}

// ---------------------------------------------------------------- a wrong clock

describe('couchdb faults: a client whose clock is wrong', () => {
  it('stores, lists and delivers records dated a year ahead or a year behind: the feed goes by sequence, not time', async (t) => {
    const { direct, proxied, sent } = await site(t);
    const seen = arrivals(proxied);
    await following(sent);
    const now = Date.now();
    const year = 365 * 24 * 60 * 60 * 1000;
    const at = (ms: number) => new Date(ms).toISOString();
    const records = [note('ahead', { updatedAt: at(now + year) }), note('behind', { updatedAt: at(now - year) }), note('on-time', { updatedAt: at(now) })];
    for (const record of records) await save(direct, [record]); // one after another: sequence order is not time order

    await until(() => seen.includes('on-time'), 'the last change');
    assert.deepEqual(seen, ['ahead', 'behind', 'on-time'], 'the feed delivers each once, in the order written');
    assert.deepEqual(ids(await proxied.list(SPACE, 'notes')), ['behind', 'on-time', 'ahead'], 'the list goes by updatedAt');
    assert.deepEqual(ids(await proxied.list(SPACE, 'notes', { updatedAfter: at(now - 1000) })), ['on-time', 'ahead']);
    for (const record of records) assert.equal((await proxied.get(SPACE, 'notes', record.id))?.updatedAt, record.updatedAt);
  });
});
