import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freePort, startCouchServer, type CouchServer } from '../../../../../scripts/couch/start-couch-server.mjs';
import type { Role } from '../../../policy/roles.js';
import { databaseName, DESIGN_DOC_ID } from '../couch-names.js';
import { basicAuth, couchRequest } from './couch-request.js';
import { currentMembers } from './current-members.js';
import { setupCouchSpace } from './couchdb-setup.js';
import type { SpaceMember } from './members.js';

/**
 * The setup against a real CouchDB-protocol server (pouchdb-server), then the server's rules seen
 * from outside: members writing with plain HTTP, as a pupil with devtools or curl would.
 */
const SPACE = 'coasts';
const DB = `/${databaseName(SPACE)}`;
const RIVERS = 'rivers';
const RIVERS_DB = `/${databaseName(RIVERS)}`;
const password = (id: string) => `secret-${id}`;
const member = (id: string, role: Role): SpaceMember => ({ id, name: `Name of ${id}`, role, password: password(id) });
const COASTS_MEMBERS = [member('tom', 'teacher'), member('mo', 'moderator'), member('pia', 'pupil'), member('kasia', 'pupil'), member('olga', 'observer')];
const RIVERS_MEMBERS = [member('pia', 'teacher'), member('pablo', 'pupil'), member('nina', 'pupil')];

let server: CouchServer;

before(async () => {
  server = await startCouchServer();
});
after(async () => {
  await server?.stop();
});

interface Answer {
  status: number;
  body: Record<string, unknown> & { reason?: string };
}
async function call(headers: Record<string, string>, method: string, path: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...headers, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}
const asUser = (id: string) => ({ authorization: basicAuth(id, password(id)) });
const asAdmin = () => server.adminHeaders;
const docPath = (db: string, id: string) => `${db}/${encodeURIComponent(id)}`;

const TIME = '2025-03-01T10:00:00.000Z';
let clock = 0;
const later = () => new Date(Date.parse(TIME) + ++clock * 1000).toISOString();
const person = (id: string) => ({ id, name: `Name of ${id}` });
function record(collection: string, id: string, author: string, fields: Record<string, unknown> = {}, space = SPACE) {
  return { _id: `${collection}:${id}`, id, space, collection, schemaVersion: 1, createdAt: TIME, updatedAt: TIME, author: person(author), status: 'published', twinkitOrigin: 'test', ...fields };
}
/** Writes as `user` on top of the stored version (what a store with the right revision would send). */
async function change(user: Record<string, string>, db: string, id: string, fields: Record<string, unknown>) {
  const current = await call(asAdmin(), 'GET', docPath(db, id));
  return call(user, 'PUT', docPath(db, id), { ...current.body, updatedAt: later(), ...fields });
}
function assertRefused(answer: Answer, words: RegExp) {
  assert.equal(answer.status, 403, JSON.stringify(answer.body));
  assert.match(String(answer.body.reason), words);
}

describe('setupCouchSpace against pouchdb-server', () => {
  it('sets up a space, and a second run changes nothing but the passwords it is given', async () => {
    const options = { url: server.url, admin: server.admin, space: SPACE, moderation: 'pupils' as const, members: COASTS_MEMBERS, layout: 'space' as const };
    const first = await setupCouchSpace(options);
    assert.equal(first.database, 'twinkit-coasts');
    assert.equal(first.databaseAction, 'created');
    assert.equal(first.designDocAction, 'created');
    assert.equal(first.securityAction, 'updated');
    assert.deepEqual(
      first.users.map(({ id, action }) => [id, action]),
      COASTS_MEMBERS.map(({ id }) => [id, 'created']),
    );
    const second = await setupCouchSpace(options);
    assert.equal(second.databaseAction, 'unchanged');
    assert.equal(second.designDocAction, 'unchanged');
    assert.equal(second.securityAction, 'unchanged');
    assert.ok(second.users.every(({ action, passwordSet }) => action === 'updated' && passwordSet));
    const withoutPasswords = await setupCouchSpace({ ...options, members: COASTS_MEMBERS.map(({ password: _omit, ...rest }) => rest) });
    assert.ok(withoutPasswords.users.every(({ action }) => action === 'unchanged'));
    assert.ok(second.summary.every((line) => /^[A-Z].*\.$/.test(line)), 'the summary is sentences');
  });

  it('writes the design document and a _security object that admits only the space\'s roles', async () => {
    const design = await call(asAdmin(), 'GET', `${DB}/${DESIGN_DOC_ID}`);
    assert.equal(design.body.language, 'javascript');
    assert.match(String(design.body.validate_doc_update), /var MODERATION = "pupils";/);
    const security = await call(asAdmin(), 'GET', `${DB}/_security`);
    assert.deepEqual(security.body, {
      admins: { names: [], roles: [] },
      members: { names: [], roles: ['admin', 'teacher', 'moderator', 'pupil', 'observer'].map((role) => `twinkit.${SPACE}.${role}`) },
    });
  });

  it('updates the design document when the moderation mode changes, and back', async () => {
    const options = { url: server.url, admin: server.admin, space: SPACE, layout: 'space' as const };
    assert.equal((await setupCouchSpace({ ...options, moderation: 'all' })).designDocAction, 'updated');
    assert.equal((await setupCouchSpace({ ...options, moderation: 'pupils' })).designDocAction, 'updated');
  });

  it('keeps a user\'s roles in other spaces', async () => {
    await setupCouchSpace({ url: server.url, admin: server.admin, space: RIVERS, moderation: 'off', members: RIVERS_MEMBERS, layout: 'space' });
    const session = await call(asUser('pia'), 'GET', '/_session');
    const roles = (session.body.userCtx as { roles: string[] }).roles;
    assert.deepEqual([...roles].sort(), ['twinkit.coasts.pupil', 'twinkit.rivers.teacher']);
  });

  it('names the problem when the admin password is wrong or the server is not there', async () => {
    await assert.rejects(setupCouchSpace({ url: server.url, admin: { name: 'admin', password: 'wrong' }, space: SPACE }), /did not accept the admin name or password/);
    const nothingThere = `http://127.0.0.1:${await freePort()}`;
    await assert.rejects(setupCouchSpace({ url: nothingThere, admin: server.admin, space: SPACE }), /Could not reach .*ECONNREFUSED.*Is the server running/);
    await assert.rejects(setupCouchSpace({ url: 'not a url', admin: server.admin, space: SPACE }), /is not a server address/);
    await assert.rejects(
      setupCouchSpace({ url: server.url, admin: server.admin, space: SPACE, fetch: async () => new Response('<html>Welcome</html>', { headers: { 'content-type': 'text/html' } }) }),
      /not JSON .*text\/html.*Is this the address of a CouchDB server\?/,
    );
  });
});

describe('the space\'s rules, seen over HTTP', () => {
  it('lets no one who is not a member read', async () => {
    const answer = await call(asUser('nina'), 'GET', `${DB}/_all_docs`);
    assert.ok(answer.status === 401 || answer.status === 403, `got ${answer.status}`);
    assert.equal((await call({}, 'GET', `${DB}/_all_docs`)).status, 401);
  });

  it('refuses an observer\'s write', async () => {
    assertRefused(await call(asUser('olga'), 'PUT', docPath(DB, 'board:o1'), record('board', 'o1', 'olga')), /Observers can read this space/);
  });

  it('takes the author from the signed-in user', async () => {
    assertRefused(await call(asUser('pia'), 'PUT', docPath(DB, 'board:fake'), record('board', 'fake', 'kasia', { status: 'pending' })), /only in your own name/);
    assert.equal((await call(asUser('pia'), 'PUT', docPath(DB, 'board:p1'), record('board', 'p1', 'pia', { status: 'pending', text: 'Harbour' }))).status, 201);
  });

  it('refuses a pupil\'s change to another pupil\'s record, and leaves it as it was', async () => {
    const before = await call(asAdmin(), 'GET', docPath(DB, 'board:p1'));
    assertRefused(await change(asUser('kasia'), DB, 'board:p1', { text: 'Kasia was here' }), /only your own records/);
    const deleted = await call(asUser('kasia'), 'DELETE', `${docPath(DB, 'board:p1')}?rev=${before.body._rev}`);
    assertRefused(deleted, /delete only your own records/);
    assert.deepEqual((await call(asAdmin(), 'GET', docPath(DB, 'board:p1'))).body, before.body);
  });

  it('keeps a pending entry from its author\'s publishing, and lets a teacher publish it', async () => {
    const entry = record('glossary', 'tide', 'pia', { status: 'pending', translations: { en: { term: 'tide' } } });
    assertRefused(await call(asUser('pia'), 'PUT', docPath(DB, 'glossary:tide'), { ...entry, status: 'published' }), /wait for approval/);
    assert.equal((await call(asUser('pia'), 'PUT', docPath(DB, 'glossary:tide'), entry)).status, 201);
    assertRefused(await change(asUser('pia'), DB, 'glossary:tide', { status: 'published' }), /a teacher or moderator publishes it, not its author/);
    const published = await change(asUser('tom'), DB, 'glossary:tide', { status: 'published', review: { note: 'Well found.', by: person('tom'), at: later() } });
    assert.equal(published.status, 201, JSON.stringify(published.body));
  });

  it('lets a moderator hide a pupil\'s post, but not rewrite it', async () => {
    assertRefused(await change(asUser('mo'), DB, 'board:p1', { status: 'hidden', text: 'Removed' }), /moderators can change only the status and the review note/);
    const hidden = await change(asUser('mo'), DB, 'board:p1', { status: 'hidden', review: { note: 'It names a classmate.', by: person('mo'), at: later() } });
    assert.equal(hidden.status, 201, JSON.stringify(hidden.body));
    assertRefused(await change(asUser('pia'), DB, 'board:p1', { text: 'Sorry' }), /can no longer change or delete it/);
  });

  it('lets a partner add a missing language signed by themselves, but not change another one', async () => {
    const entry = record('glossary', 'river', 'pia', { translations: { en: { term: 'river' } } }, RIVERS);
    assert.equal((await call(asUser('pia'), 'PUT', docPath(RIVERS_DB, 'glossary:river'), entry)).status, 201);
    const signedByOther = { en: { term: 'river' }, es: { term: 'río', addedBy: person('nina') } };
    assertRefused(await change(asUser('pablo'), RIVERS_DB, 'glossary:river', { translations: signedByOther }), /signed with your own user id/);
    const rewritten = { en: { term: 'stream' }, es: { term: 'río', addedBy: person('pablo') } };
    assertRefused(await change(asUser('pablo'), RIVERS_DB, 'glossary:river', { translations: rewritten }), /not change or remove the languages/);
    const added = await change(asUser('pablo'), RIVERS_DB, 'glossary:river', { translations: { en: { term: 'river' }, es: { term: 'río', addedBy: person('pablo') } } });
    assert.equal(added.status, 201, JSON.stringify(added.body));
  });

  it('lets only a file\'s owner (or staff) delete it, and only in one\'s own name upload it', async () => {
    const file = (owner: string) => ({ owner, _attachments: { file: { content_type: 'application/pdf', data: btoa('%PDF-1.4 tide tables') } } });
    assertRefused(await call(asUser('kasia'), 'PUT', docPath(DB, 'attachment:f1'), file('pia')), /uploaded in your own name/);
    const uploaded = await call(asUser('pia'), 'PUT', docPath(DB, 'attachment:f1'), file('pia'));
    assert.equal(uploaded.status, 201, JSON.stringify(uploaded.body));
    const path = `${docPath(DB, 'attachment:f1')}?rev=${uploaded.body.rev}`;
    assertRefused(await call(asUser('kasia'), 'DELETE', path), /Only the person who uploaded this file, or a teacher/);
    assert.equal((await call(asUser('pia'), 'DELETE', path)).status, 200);
  });

  it('works the same with a session cookie', async () => {
    const login = await fetch(`${server.url}/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'kasia', password: password('kasia') }),
    });
    const cookie = String(login.headers.get('set-cookie')).split(';')[0];
    assert.match(cookie, /^AuthSession=/);
    assertRefused(await change({ cookie }, DB, 'glossary:tide', { translations: { en: { term: 'wave' } } }), /only your own records|not change or remove/);
    assert.equal((await call({ cookie }, 'PUT', docPath(DB, 'board:k1'), record('board', 'k1', 'kasia', { status: 'pending' }))).status, 201);
  });
});

describe('twinkit couchdb-setup (the command)', () => {
  const root = fileURLToPath(new URL('../../../../../', import.meta.url));
  const cli = join(root, 'src/sdk/adapters/couchdb/setup/cli.ts');
  const dir = mkdtempSync(join(tmpdir(), 'twinkit-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  function run(args: string[], env: Record<string, string> = {}) {
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const { COUCHDB_USER: _user, COUCHDB_PASSWORD: _password, ...rest } = process.env;
      const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, env: { ...rest, ...env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('sets up a space with members and CORS, the admin taken from the environment', async () => {
    const members = join(dir, 'members.json');
    writeFileSync(members, JSON.stringify([{ id: 'tess', name: 'Tess Teacher', role: 'teacher', password: 'tess-secret' }]));
    const result = await run(['couchdb-setup', '--url', server.url, '--space', 'cli-space', '--moderation', 'all', '--members', members, '--cors-origin', 'https://school.example'], {
      COUCHDB_USER: server.admin.name,
      COUCHDB_PASSWORD: server.admin.password,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Database twinkit-cli-space: created\./);
    assert.match(result.stdout, /User tess \(teacher\): created, password set\./);
    assert.match(result.stdout, /CORS: pages on https:\/\/school\.example may call the server/);
    const origins = await call(asAdmin(), 'GET', '/_config/cors/origins');
    assert.equal(origins.body as unknown, 'https://school.example');
  });

  it('fails clearly, with a non-zero exit code, when the admin password is wrong', async () => {
    const result = await run(['couchdb-setup', '--url', server.url, '--space', 'cli-space', '--admin', 'admin:wrong']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^twinkit couchdb-setup: .* did not accept the admin name or password/);
    assert.doesNotMatch(result.stderr, /at .*\.ts:\d+/, 'no stack trace');
  });

  it('explains its arguments, and exits with 2 when they are wrong', async () => {
    const result = await run(['couchdb-setup', '--url', server.url, '--moderation', 'sometimes']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Give the space with --space/);
    assert.match(result.stderr, /Usage: twinkit couchdb-setup/);
  });
});

describe('the layout a setup gives a space', () => {
  const schoolMember = (id: string, role: Role, school: string): SpaceMember => ({ ...member(id, role), school });
  const HARBOURS = 'harbours';
  const HARBOURS_MEMBERS = [schoolMember('hana', 'teacher', 'Liceo Galilei'), schoolMember('hugo', 'pupil', 'Liceo Galilei'), schoolMember('hedda', 'pupil', 'Szkoła nr 5')];
  const layoutOf = async (space: string) => (await call(asAdmin(), 'GET', `/${databaseName(space)}/${DESIGN_DOC_ID}`)).body.twinkitLayout;

  it('is one database per audience unless asked otherwise, and says so in the space\'s design document', async () => {
    const report = await setupCouchSpace({ url: server.url, admin: server.admin, space: HARBOURS, moderation: 'pupils', members: HARBOURS_MEMBERS });
    assert.equal(report.layout, 'audiences');
    assert.equal(await layoutOf(HARBOURS), 'audiences');
    // A member reads their school's database, and not the other school's.
    assert.equal((await call(asUser('hugo'), 'GET', `/${databaseName(HARBOURS)}$school-liceo(20)galilei`)).status, 200);
    assert.ok([401, 403].includes((await call(asUser('hedda'), 'GET', `/${databaseName(HARBOURS)}$school-liceo(20)galilei`)).status));
    assert.equal(await layoutOf(SPACE), 'space', 'a space set up with --layout space says so too');
  });

  it('run again without the members, keeps them and their schools as the server has them', async () => {
    const rolesOf = async (id: string) => ((await call(asUser(id), 'GET', '/_session')).body.userCtx as { roles: string[] }).roles.sort();
    const before = await Promise.all(HARBOURS_MEMBERS.map(({ id }) => rolesOf(id)));
    const again = await setupCouchSpace({ url: server.url, admin: server.admin, space: HARBOURS, moderation: 'off' });
    assert.equal(again.layout, 'audiences');
    assert.equal(again.designDocAction, 'updated', 'the new moderation mode');
    assert.deepEqual(await Promise.all(HARBOURS_MEMBERS.map(({ id }) => rolesOf(id))), before);
    const rooms = again.audiences!.rooms;
    assert.ok(rooms.every(({ action }) => action === 'unchanged'), JSON.stringify(rooms.map(({ database, action }) => [database, action])));
    assert.ok(rooms.some(({ reader }) => reader === 'hugo') && rooms.some(({ reader }) => reader === 'hedda'));
    assert.ok(again.summary.some((line) => /Compaction of twinkit-harbours: done/.test(line)), 'compacted on every run');
  });

  it('takes a member\'s school from their roles, the user document giving only its spelling', async () => {
    // Hedda's user document names another school than her roles (planted at a sign-up, or left by a hand edit).
    const path = '/_users/org.couchdb.user%3Ahedda';
    const doc = (await call(asAdmin(), 'GET', path)).body;
    assert.equal((await call(asAdmin(), 'PUT', path, { ...doc, twinkitSchools: { [HARBOURS]: 'Liceo Galilei' } })).status, 201);
    const members = await currentMembers(couchRequest({ url: server.url, admin: server.admin }), HARBOURS);
    assert.equal(members.find(({ id }) => id === 'hedda')?.school, 'szkoła nr 5');
    assert.equal(members.find(({ id }) => id === 'hugo')?.school, 'Liceo Galilei');
    assert.equal(members.find(({ id }) => id === 'hana')?.school, 'Liceo Galilei', 'a teacher has no school role: the spelling is all there is');
  });

  it('does not take a space back to one database', async () => {
    await assert.rejects(setupCouchSpace({ url: server.url, admin: server.admin, space: HARBOURS, moderation: 'off', layout: 'space' }), /cannot go back to one database, where every member would read every record/);
    assert.equal(await layoutOf(HARBOURS), 'audiences');
  });

  it('does not move a space kept in one database without its members\' schools, and says what to do', async () => {
    await assert.rejects(setupCouchSpace({ url: server.url, admin: server.admin, space: RIVERS, moderation: 'off' }), /kept in one database .* give the members and their schools \(--members\); to keep it as it is, --layout space/);
    assert.equal(await layoutOf(RIVERS), 'space', 'nothing changed');
    assert.equal((await setupCouchSpace({ url: server.url, admin: server.admin, space: RIVERS, moderation: 'off', layout: 'space' })).layout, 'space');
  });
});
