import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startCouchServer, type CouchServer } from '../../../../../scripts/couch/start-couch-server.mjs';
import type { Role } from '../../../policy/roles.js';
import { databaseName } from '../couch-names.js';
import { MAX_FILE_BYTES } from '../design/file-rules.js';
import { basicAuth } from './couch-request.js';
import { setupCouchSpace } from './couchdb-setup.js';
import type { SpaceMember } from './members.js';

/**
 * What the setup locks down beyond the space's database, tried over plain HTTP on pouchdb-server
 * (which, unlike Apache CouchDB, lets a user edit their own roles until the setup has run).
 */
const SPACE = 'locks';
const DB = `/${databaseName(SPACE)}`;
const member = (id: string, role: Role): SpaceMember => ({ id, name: `Name of ${id}`, role, password: `secret-${id}` });
const MEMBERS = [member('tom', 'teacher'), member('pia', 'pupil'), member('kasia', 'pupil')];

let server: CouchServer;
const setup = (extra: { members?: SpaceMember[]; allowSignup?: boolean } = {}) => setupCouchSpace({ url: server.url, admin: server.admin, space: SPACE, members: MEMBERS, layout: 'space', ...extra });
before(async () => {
  server = await startCouchServer();
  await setup();
});
after(async () => {
  await server?.stop();
});

interface Answer {
  status: number;
  body: Record<string, unknown>;
}
async function call(headers: Record<string, string>, method: string, path: string, body?: unknown, type = 'application/json'): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...headers, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': type }) },
    body: body === undefined ? undefined : typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}
const as = (id: string, password = `secret-${id}`) => ({ authorization: basicAuth(id, password) });
const admin = () => server.adminHeaders;
const userPath = (id: string) => `/_users/${encodeURIComponent(`org.couchdb.user:${id}`)}`;
const rolesOf = async (id: string) => (await call(admin(), 'GET', userPath(id))).body.roles;

describe('_users after the setup', () => {
  it('refuses replicated and bulk writes to _users, through which a user could replace its rules', async () => {
    // pouchdb-server counts a request to one's own user document as a server admin's; with
    // new_edits=false it would store any document, design documents included (no rule runs on those).
    const rules = (await call(admin(), 'GET', '/_users/_design/twinkit-users')).body;
    const forged = { _id: '_design/twinkit-users', _rev: '99-forged', validate_doc_update: 'function () {}' };
    const replicated = await call(as('pia'), 'PUT', `${userPath('pia')}?new_edits=false`, forged);
    assert.equal(replicated.status, 403, JSON.stringify(replicated.body));
    const bulk = await call(as('pia'), 'POST', '/_users/_bulk_docs', { docs: [forged], new_edits: false });
    assert.equal(bulk.status, 403, JSON.stringify(bulk.body));
    assert.deepEqual((await call(admin(), 'GET', '/_users/_design/twinkit-users')).body, rules);
    // Her own password she still changes.
    const own = (await call(as('pia'), 'GET', userPath('pia'))).body;
    assert.equal((await call(as('pia'), 'PUT', userPath('pia'), { ...own, password: 'secret-pia' })).status, 201);
  });

  it('refuses a pupil who adds a role to herself, and stores nothing', async () => {
    const own = (await call(as('pia'), 'GET', userPath('pia'))).body;
    const answer = await call(as('pia'), 'PUT', userPath('pia'), { ...own, roles: ['twinkit.locks.pupil', 'twinkit.locks.teacher'] });
    assert.equal(answer.status, 403, JSON.stringify(answer.body));
    assert.match(String(answer.body.reason), /only your password/);
    assert.deepEqual(await rolesOf('pia'), ['twinkit.locks.pupil']);
    const session = await call(as('pia'), 'GET', '/_session');
    assert.deepEqual((session.body.userCtx as { roles: string[] }).roles, ['twinkit.locks.pupil']);
  });

  it('refuses a rename, and a user made through her own document\'s address', async () => {
    const own = (await call(as('pia'), 'GET', userPath('pia'))).body;
    assert.equal((await call(as('pia'), 'PUT', userPath('pia'), { ...own, name: 'tom' })).status, 403);
    // pouchdb-server takes the body's _id over the address's, with the user counted as an admin.
    const eve = { _id: 'org.couchdb.user:eve', name: 'eve', type: 'user', roles: ['twinkit.locks.admin'], password: 'eve' };
    assert.equal((await call(as('pia'), 'PUT', userPath('pia'), eve)).status, 403);
    assert.equal((await call(admin(), 'GET', userPath('eve'))).status, 404);
    assert.equal((await rolesOf('pia') as string[]).length, 1);
  });

  it('lets a pupil change her password and sign in with the new one', async () => {
    const own = (await call(as('pia'), 'GET', userPath('pia'))).body;
    const changed = await call(as('pia'), 'PUT', userPath('pia'), { ...own, password: 'new-secret' });
    assert.equal(changed.status, 201, JSON.stringify(changed.body));
    const login = await call({}, 'POST', '/_session', { name: 'pia', password: 'new-secret' });
    assert.equal(login.status, 200);
    assert.equal((await call(as('pia'), 'GET', `${DB}/_all_docs`)).status, 401, 'the old password no longer works');
    assert.deepEqual(await rolesOf('pia'), ['twinkit.locks.pupil']);
    await setup(); // the members file sets the old password again
  });

  it('refuses anonymous sign-up by default, and allows it without roles when asked', async () => {
    const newcomer = (roles: string[]) => ({ _id: 'org.couchdb.user:nel', name: 'nel', type: 'user', roles, password: 'nel' });
    const closed = await call({}, 'PUT', userPath('nel'), newcomer([]));
    assert.equal(closed.status, 403);
    assert.match(String(closed.body.reason), /Sign-up is closed/);
    assert.equal((await setup({ allowSignup: true })).usersRulesAction, 'updated');
    assert.equal((await call({}, 'PUT', userPath('stranger'), { ...newcomer(['twinkit.locks.admin']), _id: 'org.couchdb.user:stranger', name: 'stranger' })).status, 403);
    assert.equal((await call({}, 'PUT', userPath('nel'), newcomer([]))).status, 201);
    // Signed up, she is no member, and cannot make herself one.
    assert.equal((await call(as('nel', 'nel'), 'GET', `${DB}/_all_docs`)).status, 401);
    const own = (await call(as('nel', 'nel'), 'GET', userPath('nel'))).body;
    assert.equal((await call(as('nel', 'nel'), 'PUT', userPath('nel'), { ...own, roles: ['twinkit.locks.admin'] })).status, 403);
    assert.equal((await setup()).usersRulesAction, 'updated', 'closed again when the option is left out');
  });

  it('takes a removed member\'s role at once, her open session included', async () => {
    const login = await fetch(`${server.url}/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'kasia', password: 'secret-kasia' }) });
    const cookie = String(login.headers.get('set-cookie')).split(';')[0];
    assert.equal((await call({ cookie }, 'GET', `${DB}/_all_docs`)).status, 200);
    const report = await setup({ members: MEMBERS.filter(({ id }) => id !== 'kasia') });
    assert.deepEqual(report.removedMembers, ['kasia']);
    assert.ok(report.summary.some((line) => /No longer members .*kasia/.test(line)));
    assert.deepEqual(await rolesOf('kasia'), []);
    const after = await call({ cookie }, 'GET', `${DB}/_all_docs`);
    assert.ok(after.status === 401 || after.status === 403, `got ${after.status}`);
    assert.equal((await call({ cookie }, 'PUT', `${DB}/board:k9`, { x: 1 })).status >= 400, true);
    await setup();
  });
});

describe('sizes and types after the setup', () => {
  it('sets the server\'s size limits', async () => {
    const config = (key: string) => call(admin(), 'GET', `/_config/couchdb/${key}`);
    assert.equal((await config('max_attachment_size')).body as unknown, String(MAX_FILE_BYTES));
    assert.ok(Number((await config('max_document_size')).body) < 30 * 1024 * 1024);
    assert.equal((await setup()).limitsAction, 'unchanged');
  });

  const record = (id: string, text: string) => ({ id, space: SPACE, collection: 'board', schemaVersion: 1, createdAt: '2025-03-01T10:00:00.000Z', updatedAt: '2025-03-01T10:00:00.000Z', author: { id: 'pia', name: 'Pia' }, status: 'published', text });
  it('refuses a 10 MB document', async () => {
    const answer = await call(as('pia'), 'PUT', `${DB}/board:big`, record('big', 'x'.repeat(10 * 1024 * 1024)));
    assert.equal(answer.status, 403, JSON.stringify(answer.body).slice(0, 200));
    assert.match(String(answer.body.reason), /too large/);
    assert.equal((await call(admin(), 'GET', `${DB}/board:big`)).status, 404);
  });

  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const upload = (type: string, bytes: Uint8Array) => ({ owner: 'pia', _attachments: { file: { content_type: type, data: Buffer.from(bytes).toString('base64') } } });
  it('refuses a file over 20 MB, inline or on its own', async () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set(png);
    const inline = await call(as('pia'), 'PUT', `${DB}/attachment:big`, upload('video/mp4', big));
    assert.ok(inline.status === 403 || inline.status === 413, `got ${inline.status}`);
    assert.equal((await call(admin(), 'GET', `${DB}/attachment:big`)).status, 404);
    const alone = await call(as('pia'), 'PUT', `${DB}/attachment:big2/file`, big, 'video/mp4');
    assert.ok(alone.status === 403 || alone.status === 413, `got ${alone.status}`);
    assert.equal((await call(admin(), 'GET', `${DB}/attachment:big2`)).status, 404);
  });

  it('accepts a picture, and refuses HTML, SVG and script however they come', async () => {
    assert.equal((await call(as('pia'), 'PUT', `${DB}/attachment:pic`, upload('image/png', png))).status, 201);
    const html = new TextEncoder().encode('<script>alert(1)</script>');
    for (const type of ['text/html', 'image/svg+xml', 'application/javascript', 'text/xml']) {
      const answer = await call(as('pia'), 'PUT', `${DB}/attachment:bad`, upload(type, html));
      assert.equal(answer.status, 403, `${type}: ${answer.status}`);
      assert.match(String(answer.body.reason), /not accepted/);
      assert.equal((await call(as('pia'), 'PUT', `${DB}/attachment:bad2/file`, html, type)).status, 403, `${type} on its own`);
    }
    const { _rev } = (await call(as('pia'), 'GET', `${DB}/attachment:pic`)).body;
    assert.equal((await call(as('pia'), 'PUT', `${DB}/attachment:pic/page.html?rev=${_rev}`, html, 'text/html')).status, 403);
    assert.equal((await call(as('pia'), 'PUT', `${DB}/attachment:pic/file?rev=${_rev}`, html, 'text/html')).status, 403);
    const record_ = { ...record('att', 'hi'), _attachments: { file: { content_type: 'text/html', data: Buffer.from(html).toString('base64') } } };
    assert.equal((await call(as('pia'), 'PUT', `${DB}/board:att`, record_)).status, 403);
  });
});
