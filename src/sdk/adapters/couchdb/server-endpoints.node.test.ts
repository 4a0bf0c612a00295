import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startCouchServer, type CouchServer } from '../../../../scripts/couch/start-couch-server.mjs';
import { audienceDatabase, audienceSecurity } from './audience-databases.js';
import { databaseName, DESIGN_DOC_ID } from './couch-names.js';
import { designDoc } from './design/design-doc.js';
import { basicAuth } from './setup/couch-request.js';
import { setupCouchSpace } from './setup/couchdb-setup.js';
import type { SpaceMember } from './setup/members.js';

/**
 * Every endpoint pouchdb-server 4.2 registers for a database, a document and the server, tried over
 * plain HTTP as a member, as a member of the space who is not a member of that database, as a user
 * of another space, as a user let into another database by name only, and as someone not signed
 * in. Nobody but a server admin reads or writes a database they are not a member of, changes
 * `_security` or a design document, writes what the rules refuse, or reaches the server's
 * configuration; members keep every read and write Twinkit uses. The holes closed here are listed
 * in scripts/couch/pouchdb-server-guards.cjs.
 */
const SPACE = 'endpoints';
const member = (id: string, role: SpaceMember['role']): SpaceMember => ({ id, name: `Name of ${id}`, role, password: `secret-${id}` });
const MEMBERS = [member('tess', 'teacher'), member('pia', 'pupil'), member('paul', 'pupil')];
/** The space's database (members: the space's roles) and pia's own (members: pia by name, and staff). */
const SPACE_DB = databaseName(SPACE);
const PIA_DB = audienceDatabase(SPACE, { kind: 'person', person: 'pia' });
/** Nina's database: she is in its `_security.members.names`, and has no role anywhere. */
const NINA_DB = audienceDatabase(SPACE, { kind: 'person', person: 'nina' });
const path = (db: string) => `/${encodeURIComponent(db)}`;
const password = (id: string) => `secret-${id}`;

type Headers = Record<string, string>;
interface Caller {
  who: string;
  headers: Headers;
}
const as = (id: string): Caller => ({ who: id, headers: { authorization: basicAuth(id, password(id)) } });
const PIA = as('pia');
const PAUL = as('paul');
const OTTO = as('otto'); // a teacher of another space
const NINA = as('nina');
const ANONYMOUS: Caller = { who: 'not signed in', headers: {} };

let server: CouchServer;
interface Answer {
  status: number;
  text: string;
}
/** A JSON body, or a string sent as is (with `type`). */
async function call(method: string, url: string, headers: Headers, body?: unknown, type = 'application/json'): Promise<Answer> {
  const raw = typeof body === 'string';
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': type }), ...headers },
    body: body === undefined ? undefined : raw ? (body as string) : JSON.stringify(body),
    redirect: 'manual',
    signal: AbortSignal.timeout(20_000),
  });
  return { status: response.status, text: await response.text() };
}
const admin = (method: string, url: string, body?: unknown, type?: string) => call(method, url, server.adminHeaders, body, type);
async function adminJson<T = Record<string, unknown>>(method: string, url: string, body?: unknown): Promise<T> {
  const answer = await admin(method, url, body);
  assert.ok(answer.status < 300, `${method} ${url}: ${answer.status} ${answer.text}`);
  return JSON.parse(answer.text) as T;
}
async function assertAlive() {
  const answer = await call('GET', '/', {});
  assert.equal(answer.status, 200, 'the server still answers');
}

/** What a leak would carry: the documents' texts and files, and password hashes. */
const LEAKS = /SECRET|FILE-BODY|derived_key|pbkdf2|"secret"/;
const record = (id: string, author: string, text: string) => ({
  _id: `board:${id}`,
  id,
  space: SPACE,
  collection: 'board',
  schemaVersion: 1,
  createdAt: '2025-03-01T10:00:00.000Z',
  updatedAt: '2025-03-01T10:00:00.000Z',
  author: { id: author, name: `Name of ${author}` },
  status: 'published',
  text,
});
const file = (owner: string, body: string) => ({ owner, _attachments: { file: { content_type: 'image/png', data: Buffer.from(body).toString('base64') } } });
/** A second design document with every kind of function a request can run. */
const EXTRA_DESIGN = {
  shows: { s: 'function (doc, req) { return JSON.stringify(doc); }' },
  lists: { l: 'function (head, req) { var row, out = []; while ((row = getRow())) out.push(row); return JSON.stringify(out); }' },
  updates: { u: 'function (doc, req) { return [null, JSON.stringify(doc)]; }' },
  filters: { f: 'function (doc) { return true; }' },
  views: { all: { map: 'function (doc) { emit(doc._id, doc.text); }' } },
  rewrites: [{ from: '/x', to: '../../board:secret' }],
};

interface Fixture {
  db: string;
  url: string;
  rev: string;
  fileRev: string;
}
const fixtures = new Map<string, Fixture>();
async function fill(db: string, marker: string): Promise<Fixture> {
  const url = path(db);
  const rev = (await adminJson<{ rev: string }>('PUT', `${url}/board:secret`, record('secret', 'tess', `SECRET-${marker}`))).rev;
  const fileRev = (await adminJson<{ rev: string }>('PUT', `${url}/attachment:secret`, file('tess', `FILE-BODY-${marker}`))).rev;
  await adminJson('PUT', `${url}/_design/extra`, EXTRA_DESIGN);
  await adminJson('PUT', `${url}/_local/twinkit-database`, { id: `SECRET-identity-${marker}` });
  const fixture = { db, url, rev, fileRev };
  fixtures.set(db, fixture);
  return fixture;
}

/** What the database holds, as the admin sees it: any write by a non-member would change it. */
async function snapshot(url: string) {
  const info = await adminJson<{ update_seq: unknown; doc_count: number }>('GET', url);
  const security = await adminJson('GET', `${url}/_security`);
  const docs = await adminJson<{ rows: { id: string; value: { rev: string } }[] }>('GET', `${url}/_all_docs`);
  return { seq: info.update_seq, count: info.doc_count, security, docs: docs.rows.map((row) => `${row.id}@${row.value.rev}`) };
}

/** Every way of reading or writing a database and its documents, for someone who is not a member. */
function databaseRequests(fixture: Fixture, who: string): [string, string, unknown?, string?][] {
  const { url, rev, fileRev } = fixture;
  const tag = who.replace(/\W/g, '');
  const openRevs = encodeURIComponent(JSON.stringify([rev]));
  const mine = record(`by-${tag}`, who, 'written by a non-member');
  return [
    ['GET', url],
    ['HEAD', url],
    ['GET', `${url}/board:secret`],
    ['HEAD', `${url}/board:secret`],
    ['GET', `${url}/board:secret?rev=${rev}`],
    ['GET', `${url}/board:secret?revs=true&revs_info=true`],
    ['GET', `${url}/board:secret?open_revs=all&revs=true`],
    ['GET', `${url}/board:secret?open_revs=${openRevs}`],
    ['GET', `${url}/board:secret?conflicts=true&attachments=true&att_encoding_info=true&local_seq=true&meta=true`],
    ['GET', `${url}/attachment:secret?attachments=true`],
    ['GET', `${url}/attachment:secret/file`],
    ['HEAD', `${url}/attachment:secret/file`],
    ['GET', `${url}/_all_docs?include_docs=true`],
    ['POST', `${url}/_all_docs`, { keys: ['board:secret'], include_docs: true }],
    ['GET', `${url}/_design_docs`],
    ['GET', `${url}/_local_docs`],
    ['GET', `${url}/_local/twinkit-database`],
    ['GET', `${url}/_local/_security`],
    ['POST', `${url}/_bulk_get`, { docs: [{ id: 'board:secret' }, { id: 'attachment:secret' }] }],
    ['POST', `${url}/_bulk_get?revs=true&attachments=true`, { docs: [{ id: 'board:secret', rev }], userCtx: { name: null, roles: ['_admin'] } }],
    ['POST', `${url}/_revs_diff`, { 'board:secret': [rev, '9-unknown'] }],
    ['POST', `${url}/_missing_revs`, { 'board:secret': [rev] }],
    ['GET', `${url}/_changes?include_docs=true&style=all_docs&conflicts=true`],
    ['GET', `${url}/_changes?include_docs=true&attachments=true`],
    ['GET', `${url}/_changes?feed=longpoll&include_docs=true&timeout=500`],
    ['GET', `${url}/_changes?feed=continuous&include_docs=true&timeout=500`],
    ['POST', `${url}/_changes?filter=_doc_ids&include_docs=true`, { doc_ids: ['board:secret'] }],
    ['GET', `${url}/_changes?filter=_doc_ids&include_docs=true&doc_ids=${encodeURIComponent('["board:secret"]')}`],
    ['POST', `${url}/_changes?filter=_selector&include_docs=true`, { selector: {} }],
    ['GET', `${url}/_changes?filter=_view&view=extra/all&include_docs=true`],
    ['GET', `${url}/_changes?filter=extra/f&include_docs=true`],
    ['GET', `${url}/${DESIGN_DOC_ID}`],
    ['GET', `${url}/${DESIGN_DOC_ID}/_view/by-updated?include_docs=true`],
    ['POST', `${url}/${DESIGN_DOC_ID}/_view/by-updated`, { include_docs: true }],
    ['GET', `${url}/_design/extra/_view/all`],
    ['GET', `${url}/${DESIGN_DOC_ID}/_info`],
    ['GET', `${url}/_design/extra/_show/s/board:secret`],
    ['GET', `${url}/_design/extra/_list/l/all`],
    ['POST', `${url}/_design/extra/_update/u/board:secret`, {}],
    ['GET', `${url}/_design/extra/_rewrite/x`],
    ['POST', `${url}/_temp_view`, { map: 'function (doc) { emit(doc._id, doc.text); }' }],
    ['GET', `${url}/_security`],
    ['GET', `${url}/_revs_limit`],
    ['GET', `${url}/_shards`],
    ['POST', `${url}/_find`, { selector: {} }],
    ['POST', `${url}/_explain`, { selector: {} }],
    ['GET', `${url}/_index`],
    // Writes.
    ['PUT', `${url}/${mine._id}`, mine],
    ['PUT', `${url}/${mine._id}-replicated?new_edits=false`, { ...mine, _id: `${mine._id}-replicated`, _rev: '1-abc' }],
    ['POST', url, { ...mine, _id: `${mine._id}-posted` }],
    ['POST', `${url}/_bulk_docs`, { docs: [{ ...mine, _id: `${mine._id}-bulk` }] }],
    ['POST', `${url}/_bulk_docs`, { docs: [{ ...mine, _id: `${mine._id}-bulk-replicated`, _rev: '1-abc' }], new_edits: false }],
    ['PUT', `${url}/_local/by-${tag}`, { x: 1 }],
    ['PUT', `${url}/_local/_security`, { _rev: '0-1', security: { members: { names: [who], roles: [] } } }],
    ['DELETE', `${url}/_local/_security?rev=0-1`],
    ['PUT', `${url}/board:secret?rev=${rev}`, { ...record('secret', 'tess', 'overwritten'), _rev: rev }],
    ['DELETE', `${url}/board:secret?rev=${rev}`],
    ['PUT', `${url}/attachment:secret/file?rev=${fileRev}`, 'replaced', 'image/png'],
    ['DELETE', `${url}/attachment:secret/file?rev=${fileRev}`],
    ['COPY', `${url}/board:secret`],
    ['PUT', `${url}/_design/evil`, { views: {} }],
    ['PUT', `${url}/_design/evil/file`, 'x', 'text/plain'],
    ['PUT', `${url}/_security`, { admins: { names: [who], roles: [] }, members: { names: [who], roles: [] } }],
    ['PUT', `${url}/_revs_limit`, '5'],
    ['POST', `${url}/_purge`, { 'board:secret': [rev] }],
    ['POST', `${url}/_compact`, {}],
    ['POST', `${url}/_view_cleanup`, {}],
    ['POST', `${url}/_ensure_full_commit`, {}],
    ['POST', `${url}/_index`, { index: { fields: ['text'] } }],
    ['DELETE', url],
  ];
}

describe('every endpoint of pouchdb-server, as members, non-members and no one', () => {
  before(async () => {
    server = await startCouchServer();
    await setupCouchSpace({ url: server.url, admin: server.admin, space: SPACE, members: MEMBERS, layout: 'space' });
    for (const [id, roles] of [['otto', ['twinkit.elsewhere.teacher']], ['nina', []]] as const) {
      await adminJson('PUT', `/_users/${encodeURIComponent(`org.couchdb.user:${id}`)}`, { _id: `org.couchdb.user:${id}`, name: id, type: 'user', roles, password: password(id) });
    }
    for (const person of ['pia', 'nina']) {
      const url = path(audienceDatabase(SPACE, { kind: 'person', person }));
      await adminJson('PUT', url);
      await adminJson('PUT', `${url}/_security`, audienceSecurity(SPACE, { kind: 'person', person }, MEMBERS));
      await adminJson('PUT', `${url}/${DESIGN_DOC_ID}`, designDoc({ space: SPACE, moderation: 'off' }));
    }
    assert.deepEqual((await adminJson<{ members: { names: string[] } }>('GET', `${path(NINA_DB)}/_security`)).members.names, ['nina']);
    await fill(SPACE_DB, 'SPACE');
    await fill(PIA_DB, 'PIA');
    await adminJson('PUT', `${path(NINA_DB)}/board:nina`, record('nina', 'nina', 'nina can read this'));
  });
  after(async () => {
    await server?.stop();
  });

  const targets: [string, Caller[]][] = [
    [SPACE_DB, [OTTO, NINA, ANONYMOUS]],
    [PIA_DB, [PAUL, OTTO, NINA, ANONYMOUS]],
  ];
  for (const [db, outsiders] of targets) {
    it(`${db}: refuses every endpoint to ${outsiders.map(({ who }) => who).join(', ')}, and stores nothing they send`, async () => {
      const fixture = fixtures.get(db)!;
      const before = await snapshot(fixture.url);
      const wrong: string[] = [];
      for (const { who, headers } of outsiders) {
        for (const [method, url, body, type] of databaseRequests(fixture, who)) {
          const extra: Headers = method === 'COPY' ? { destination: `board:copied-${who.replace(/\W/g, '')}` } : {};
          const { status, text } = await call(method, url, { ...headers, ...extra }, body, type);
          if (![401, 403].includes(status)) wrong.push(`${who} ${method} ${url}: ${status} ${text.slice(0, 100)}`);
          if (LEAKS.test(text)) wrong.push(`${who} ${method} ${url}: answered with the database's content ${text.slice(0, 100)}`);
        }
      }
      assert.deepEqual(wrong, []);
      assert.deepEqual(await snapshot(fixture.url), before, 'nothing written, _security unchanged');
      for (const { who } of outsiders) assert.equal((await admin('GET', `${fixture.url}/_local/by-${who.replace(/\W/g, '')}`)).status, 404);
      await assertAlive();
    });
  }

  it('answers members every read and write Twinkit uses, in the space database and their own', async () => {
    for (const db of [SPACE_DB, PIA_DB]) {
      const { url, rev } = fixtures.get(db)!;
      const ok = async (method: string, target: string, body?: unknown, expected = 200) => {
        const answer = await call(method, target, PIA.headers, body);
        assert.equal(answer.status, expected, `${db}: ${method} ${target}: ${answer.text.slice(0, 200)}`);
        return answer.text;
      };
      assert.match(await ok('GET', url), /doc_count/);
      assert.match(await ok('GET', `${url}/board:secret`), /SECRET/);
      assert.match(await ok('GET', `${url}/board:secret?open_revs=all&revs=true`), /SECRET/);
      assert.match(await ok('GET', `${url}/attachment:secret/file`), /FILE-BODY/);
      assert.match(await ok('POST', `${url}/_all_docs`, { keys: ['board:secret'], include_docs: true, conflicts: true }), /SECRET/);
      assert.match(await ok('GET', `${url}/_changes?style=all_docs&conflicts=true&include_docs=true&since=0`), /SECRET/);
      assert.match(await ok('GET', `${url}/_changes?feed=longpoll&style=all_docs&conflicts=true&include_docs=true&since=0&timeout=1000`), /SECRET/);
      assert.match(await ok('POST', `${url}/_bulk_get?revs=true`, { docs: [{ id: 'board:secret', rev }] }), /SECRET/);
      assert.match(await ok('POST', `${url}/_revs_diff`, { 'board:secret': [rev, '9-unknown'] }), /9-unknown/);
      assert.match(await ok('GET', `${url}/${DESIGN_DOC_ID}/_view/by-updated?reduce=false&include_docs=true`), /SECRET/);
      assert.match(await ok('GET', `${url}/_local/twinkit-database`), /identity/);
      assert.match(await ok('GET', `${url}/_security`), /members/);
      const written = JSON.parse(await ok('POST', `${url}/_bulk_docs`, { docs: [record('by-pia', 'pia', 'mine')] }, 201)) as { ok?: boolean }[];
      assert.equal(written[0]?.ok, true, JSON.stringify(written));
      await ok('PUT', `${url}/attachment:by-pia`, file('pia', 'a picture'), 201);
      await ok('PUT', `${url}/_local/twinkit-probe`, { id: 'x' }, 201);
      await ok('POST', `${url}/_changes?filter=_doc_ids&include_docs=true`, { doc_ids: ['board:by-pia'] });
    }
    assert.match((await call('GET', '/_session', PIA.headers)).text, /"name":"pia"/);
    assert.match((await call('GET', `${path(NINA_DB)}/board:nina`, NINA.headers)).text, /nina can read this/);
  });

  it('lets no member change _security, a design document or the database, however the write comes', async () => {
    const { url } = fixtures.get(SPACE_DB)!;
    const before = await snapshot(url);
    const security = JSON.parse((await call('GET', `${url}/_local/_security`, PIA.headers)).text) as { _rev: string };
    const takeOver = { _id: '_local/_security', _rev: security._rev, security: { admins: { names: ['pia'], roles: [] }, members: { names: [], roles: [] } } };
    const wrong: string[] = [];
    const attempts: [string, string, unknown?, Headers?][] = [
      ['PUT', `${url}/_local/_security`, takeOver],
      ['DELETE', `${url}/_local/_security?rev=${security._rev}`],
      ['POST', `${url}/_bulk_docs`, { docs: [takeOver] }],
      ['POST', url, takeOver],
      ['PUT', `${url}/board:carrier`, takeOver],
      ['COPY', `${url}/board:secret`, undefined, { destination: `_local/_security?rev=${security._rev}` }],
      ['PUT', `${url}/_security`, takeOver.security],
      ['PUT', `${url}/_design/evil`, { validate_doc_update: 'function () {}' }],
      ['PUT', `${url}/board:carrier`, { _id: '_design/evil', validate_doc_update: 'function () {}' }],
      ['POST', `${url}/_bulk_docs`, { docs: [{ _id: '_design/evil', validate_doc_update: 'function () {}' }] }],
      ['POST', `${url}/_bulk_docs`, { docs: [{ _id: '_design/evil', _rev: '1-abc', validate_doc_update: 'function () {}' }], new_edits: false }],
      ['COPY', `${url}/board:secret`, undefined, { destination: '_design/evil' }],
      ['PUT', `${url}/${DESIGN_DOC_ID}/evil.js`, 'x'],
      ['POST', `${url}/_compact`, {}],
      ['POST', `${url}/_view_cleanup`, {}],
      ['POST', `${url}/_temp_view`, { map: 'function (doc) { emit(doc._id, null); }' }],
      ['POST', `${url}/_find`, { selector: {} }],
      ['DELETE', url],
    ];
    for (const [method, target, body, headers] of attempts) {
      const { status, text } = await call(method, target, { ...PIA.headers, ...headers }, body);
      const refusedInBulk = status === 201 && /^\[\{"id":"[^"]+","error":"(unauthorized|forbidden)"/.test(text);
      if (![401, 403].includes(status) && !refusedInBulk) wrong.push(`${method} ${target}: ${status} ${text.slice(0, 120)}`);
    }
    assert.deepEqual(wrong, []);
    assert.deepEqual(await snapshot(url), before);
    assert.equal((await call('GET', `${url}/board:secret`, OTTO.headers)).status, 401, 'still closed to others');
    await assertAlive();
  });

  it('lets no member write what the rules refuse, by any way of writing', async () => {
    const { url, rev } = fixtures.get(SPACE_DB)!;
    const forged = record('forged', 'tess', 'in the teacher\'s name');
    const attempts: [string, string, unknown?, Headers?][] = [
      ['PUT', `${url}/board:forged`, forged],
      ['POST', url, forged],
      ['POST', `${url}/_bulk_docs`, { docs: [forged] }],
      ['POST', `${url}/_bulk_docs`, { docs: [{ ...forged, _rev: '1-abc' }], new_edits: false }],
      ['PUT', `${url}/board:forged?new_edits=false`, { ...forged, _rev: '1-abc' }],
      ['COPY', `${url}/board:secret`, undefined, { destination: 'board:forged' }],
      ['PUT', `${url}/board:secret?rev=${rev}`, { ...record('secret', 'tess', 'changed by pia'), _rev: rev }],
      ['PUT', `${url}/board:secret/file?rev=${rev}`, 'a file on a record'],
    ];
    for (const [method, target, body, headers] of attempts) {
      const { status, text } = await call(method, target, { ...PIA.headers, ...headers }, body);
      assert.ok(status >= 400 || /"error":"forbidden"/.test(text), `${method} ${target}: ${status} ${text.slice(0, 200)}`);
    }
    assert.equal((await admin('GET', `${url}/board:forged`)).status, 404);
    assert.match((await admin('GET', `${url}/board:secret`)).text, /SECRET-SPACE/);
  });

  it('copies no database into another through /_replicate or _replicator, for anyone but a server admin', async () => {
    const pia = fixtures.get(PIA_DB)!;
    const before = await snapshot(pia.url);
    const copies: [Caller, unknown][] = [
      [PAUL, { source: SPACE_DB, target: PIA_DB }],
      [PIA, { source: PIA_DB, target: SPACE_DB }],
      [NINA, { source: NINA_DB, target: PIA_DB }],
      [NINA, { source: `${server.url}${path(NINA_DB)}`.replace('://', `://nina:${password('nina')}@`), target: PIA_DB }],
      [ANONYMOUS, { source: SPACE_DB, target: NINA_DB }],
    ];
    for (const [{ who, headers }, body] of copies) {
      const answer = await call('POST', '/_replicate', headers, body);
      assert.ok([401, 403].includes(answer.status), `${who} /_replicate: ${answer.status} ${answer.text}`);
      const doc = await call('PUT', `/_replicator/copy-${who.replace(/\W/g, '')}`, headers, { ...(body as object), user_ctx: { name: who, roles: [] } });
      assert.ok([401, 403].includes(doc.status), `${who} _replicator: ${doc.status} ${doc.text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(await snapshot(pia.url), before);
    assert.equal((await admin('GET', `${path(NINA_DB)}/board:secret`)).status, 404);
    assert.equal((await admin('GET', `${path(SPACE_DB)}/board:nina`)).status, 404);
    await assertAlive();
  });

  it('keeps the server\'s configuration, logs and list of databases to server admins, under every address', async () => {
    const wrong: string[] = [];
    const node = '/_node/node1@127.0.0.1';
    for (const { who, headers } of [PIA, PAUL, OTTO, NINA, ANONYMOUS]) {
      const tag = who.replace(/\W/g, '');
      const requests: [string, string, unknown?][] = [
        ['GET', '/_config'],
        ['GET', '/_config/admins'],
        ['GET', '/_config/couch_httpd_auth/secret'],
        ['PUT', `/_config/admins/evil-${tag}`, 'evil'],
        ['GET', `${node}/_config`],
        ['GET', `${node}/_config/admins`],
        ['GET', `${node}/_config/couch_httpd_auth`],
        ['PUT', `${node}/_config/admins/evil-${tag}`, 'evil'],
        ['PUT', `${node}/_config/httpd/authentication_handlers`, 'special_test_authentication_handler'],
        ['DELETE', `${node}/_config/admins/admin`],
        ['GET', '/_log'],
        ['GET', `${node}/_log`],
        ['GET', '/_active_tasks'],
        ['GET', `${node}/_active_tasks`],
        ['GET', '/_db_updates'],
        ['GET', '/_all_dbs'],
        ['GET', `${node}/_all_dbs`],
        ['GET', '/_replicator/_all_docs?include_docs=true'],
        ['PUT', `/new-database-${tag}`],
        ['DELETE', path(NINA_DB)],
        ['DELETE', path(SPACE_DB)],
      ];
      for (const [method, url, body] of requests) {
        const { status, text } = await call(method, url, headers, body === undefined ? undefined : JSON.stringify(body));
        if (![401, 403].includes(status)) wrong.push(`${who} ${method} ${url}: ${status} ${text.slice(0, 100)}`);
        if (LEAKS.test(text) || /twinkit-endpoints/.test(text)) wrong.push(`${who} ${method} ${url}: leaked ${text.slice(0, 100)}`);
      }
      // Not endpoints of pouchdb-server: answered as a missing database.
      for (const [method, url] of [['GET', '/_dbs_info'], ['POST', '/_dbs_info']]) {
        const { status } = await call(method, url, headers, method === 'POST' ? { keys: [SPACE_DB] } : undefined);
        if (![401, 403, 404].includes(status)) wrong.push(`${who} ${method} ${url}: ${status}`);
      }
      assert.equal((await call('GET', '/_session', headers)).status, 200);
    }
    assert.deepEqual(wrong, []);
    assert.deepEqual(Object.keys(await adminJson('GET', '/_config/admins')), ['admin']);
    assert.doesNotMatch((await admin('GET', '/_config/httpd/authentication_handlers')).text, /special_test/);
    const dbs = await adminJson<string[]>('GET', '/_all_dbs');
    assert.ok(dbs.includes(SPACE_DB) && dbs.includes(NINA_DB), 'the admin lists the databases, none deleted');
    assert.ok(!dbs.some((name) => name.startsWith('new-database')), 'none created');
    assert.equal((await call('GET', '/_session', { authorization: basicAuth('evil-pia', 'evil') })).status, 401);
    await assertAlive();
  });

  it('lets a user read and write only her own user document, by its address, as herself', async () => {
    const own = `/_users/${encodeURIComponent('org.couchdb.user:pia')}`;
    const usersBefore = (await adminJson<{ rows: { id: string }[] }>('GET', '/_users/_all_docs')).rows.map(({ id }) => id);
    const designBefore = await admin('GET', '/_users/_design/twinkit-users');
    const mine = JSON.parse((await call('GET', own, PIA.headers)).text) as Record<string, unknown>;
    assert.equal(mine.name, 'pia');
    const wrong: string[] = [];
    const evilDesign = { _id: '_design/evil', updates: { u: 'function (doc) { return [null, JSON.stringify(doc)]; }' }, validate_doc_update: 'function () {}' };
    const attempts: [string, string, unknown?, Headers?, string?][] = [
      ['PUT', own, evilDesign],
      ['PUT', own, { ...mine, _id: 'org.couchdb.user:eve', name: 'eve', roles: [`twinkit.${SPACE}.admin`], password: 'eve' }],
      ['PUT', own, { _id: '_local/_security', security: { members: { names: ['nobody'], roles: [] } } }],
      ['PUT', `${own}?id=${encodeURIComponent('org.couchdb.user:eve')}`, { name: 'eve', type: 'user', roles: [], password: 'eve' }],
      ['COPY', own, undefined, { destination: '_design/evil' }],
      ['COPY', own, undefined, { destination: 'org.couchdb.user:eve' }],
      ['PUT', `${own}/file?rev=${String(mine._rev)}`, 'x', {}, 'text/plain'],
      ['PUT', own, `--b\r\ncontent-type: application/json\r\n\r\n${JSON.stringify(evilDesign)}\r\n--b--`, {}, 'multipart/related; boundary=b'],
      ['POST', own, '--b\r\ncontent-disposition: form-data; name="_rev"\r\n\r\nx\r\n--b--', {}, 'multipart/form-data; boundary=b'],
    ];
    for (const [method, url, body, headers, type] of attempts) {
      const { status, text } = await call(method, url, { ...PIA.headers, ...headers }, body, type);
      if (![401, 403].includes(status)) wrong.push(`pia ${method} ${url}: ${status} ${text.slice(0, 100)}`);
    }
    for (const { who, headers } of [PIA, OTTO, NINA, ANONYMOUS]) {
      const reads: [string, string, unknown?][] = [
        ['GET', '/_users'],
        ['GET', '/_users/_all_docs?include_docs=true'],
        ['GET', '/_users/_changes?include_docs=true'],
        ['POST', '/_users/_bulk_get', { docs: [{ id: 'org.couchdb.user:tess' }] }],
        ['POST', '/_users/_all_docs', { keys: ['org.couchdb.user:tess'], include_docs: true }],
        ['GET', '/_users/_design/twinkit-users'],
        ['POST', '/_users/_design/_auth/_update/u/org.couchdb.user:tess', {}],
        ['GET', '/_users/_security'],
        ['PUT', '/_users/_local/x', { x: 1 }],
        ['POST', '/_users', { _id: 'org.couchdb.user:eve', name: 'eve', type: 'user', roles: [], password: 'eve' }],
      ];
      for (const [method, url, body] of reads) {
        const { status, text } = await call(method, url, headers, body);
        if (![401, 403].includes(status)) wrong.push(`${who} ${method} ${url}: ${status} ${text.slice(0, 100)}`);
        if (LEAKS.test(text)) wrong.push(`${who} ${method} ${url}: leaked ${text.slice(0, 100)}`);
      }
      const other = await call('GET', `/_users/${encodeURIComponent('org.couchdb.user:tess')}`, headers);
      if (other.status < 400 || LEAKS.test(other.text)) wrong.push(`${who} read tess's user document: ${other.status} ${other.text.slice(0, 100)}`);
    }
    assert.deepEqual(wrong, []);
    assert.deepEqual((await adminJson<{ rows: { id: string }[] }>('GET', '/_users/_all_docs')).rows.map(({ id }) => id), usersBefore);
    assert.deepEqual(await admin('GET', '/_users/_design/twinkit-users'), designBefore);
    // Her own document she still reads and changes (her password), as Twinkit's setup documents.
    const put = await call('PUT', own, PIA.headers, { ...mine, password: password('pia') });
    assert.equal(put.status, 201, put.text);
    assert.equal((await call('GET', `${path(SPACE_DB)}/board:secret`, PIA.headers)).status, 200);
    await assertAlive();
  });

  it('answers a changes filter the database does not have, and stays up', async () => {
    const { url } = fixtures.get(SPACE_DB)!;
    for (const query of ['filter=_selector', 'filter=_doc_ids', 'filter=_design', 'filter=nothing/here', 'filter=extra/nothing', 'filter=_view&view=nothing/here', 'filter=_view&view=extra/nothing']) {
      const { status } = await call('GET', `${url}/_changes?${query}`, PIA.headers);
      assert.ok(status === 400 || status === 404, `${query}: ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await assertAlive();
    }
    assert.equal((await call('GET', `${url}/_changes?filter=extra/f`, PIA.headers)).status, 200);
    assert.equal((await call('GET', `${url}/_changes?filter=_view&view=extra/all`, PIA.headers)).status, 200);
  });

  it('leaves server admins everything', async () => {
    const scratch = '/endpoints-scratch';
    assert.equal((await admin('PUT', scratch)).status, 201);
    assert.equal((await admin('PUT', `${scratch}/_security`, { admins: { names: [], roles: [] }, members: { names: ['nobody'], roles: [] } })).status, 200);
    assert.equal((await admin('PUT', `${scratch}/_design/x`, { views: { all: { map: 'function (doc) { emit(doc._id, null); }' } } })).status, 201);
    const replicated = await admin('POST', '/_replicate', { source: NINA_DB, target: 'endpoints-scratch' });
    assert.equal(replicated.status, 200, replicated.text);
    assert.match((await admin('GET', `${scratch}/board:nina`)).text, /nina can read this/);
    assert.match((await admin('POST', '/_users/_bulk_get', { docs: [{ id: 'org.couchdb.user:tess' }] })).text, /derived_key/);
    assert.match((await admin('POST', `${path(SPACE_DB)}/_bulk_get`, { docs: [{ id: 'board:secret' }] })).text, /SECRET-SPACE/);
    assert.equal((await admin('GET', '/_all_dbs')).status, 200);
    assert.equal((await admin('GET', '/_node/node1@127.0.0.1/_config/admins')).status, 200);
    assert.equal((await admin('GET', `${path(SPACE_DB)}/_changes?filter=_doc_ids&doc_ids=${encodeURIComponent('["board:secret"]')}`)).status, 200);
    assert.equal((await admin('DELETE', scratch)).status, 200);
  });
});

describe('pouchdb-server as the project starts it: CORS', () => {
  let server: CouchServer;
  before(async () => {
    server = await startCouchServer();
  });
  after(async () => {
    await server?.stop();
  });

  it('lets no other web page read with the user\'s session until the setup names the school\'s origin', async () => {
    const response = await fetch(`${server.url}/_session`, { headers: { origin: 'https://evil.example', ...server.adminHeaders } });
    await response.text();
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
  });
});
