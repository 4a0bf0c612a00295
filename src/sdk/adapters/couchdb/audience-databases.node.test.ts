import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startCouchServer, type CouchServer } from '../../../../scripts/couch/start-couch-server.mjs';
import { audienceIncludes, type Audience } from '../../policy/audience.js';
import { ROLES, type TwinUser } from '../../policy/roles.js';
import { audienceDatabase, audienceSecurity, memberRoles, safeName, type AudienceMember } from './audience-databases.js';
import { basicAuth } from './setup/couch-request.js';

/**
 * Each audience's database, with the `_security` made for it, tried over plain HTTP on
 * pouchdb-server as every role of two schools, someone of another space and someone not signed
 * in: every way of reading (a document, `_all_docs`, `_changes`, a view, a file) answers exactly
 * the people the audience includes. Queries (`_find`), which pouchdb-server answers past
 * `_security`, are closed to all but server admins by scripts/couch/pouchdb-server-guards.cjs.
 */
const SPACE = 'Coasts';
const SCHOOLS = ['Liceo Galilei, Roma', 'Szkoła nr 5, Kraków'];
const members: (AudienceMember & TwinUser)[] = SCHOOLS.flatMap((school, s) => ROLES.map((role) => ({ id: `${role}-${s}`, name: `${role} ${s}`, role, school })));
const outsider = { id: 'someone-else', roles: ['twinkit.other-space.teacher'] };
const AUDIENCES: Audience[] = [
  { kind: 'space' },
  { kind: 'school', school: SCHOOLS[0] },
  { kind: 'moderators' },
  { kind: 'moderators', person: 'pupil-0' },
  { kind: 'school-moderators', school: SCHOOLS[0] },
  { kind: 'school-moderators', school: '  liceo galilei, ROMA', person: 'pupil-0' },
  // Named, but not of that school: the name does not let her in.
  { kind: 'school-moderators', school: SCHOOLS[1], person: 'pupil-0' },
  { kind: 'person', person: 'pupil-0' },
  { kind: 'staff' },
];

let server: CouchServer;
const password = (id: string) => `secret-${id}`;
async function call(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { accept: 'application/json', ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text };
}
async function asAdmin(method: string, path: string, body?: unknown) {
  const answer = await call(method, path, server.adminHeaders, body);
  assert.ok(answer.status < 300, `${method} ${path}: ${answer.status} ${answer.text}`);
}



const READS: [string, string, unknown?][] = [
  ['GET', '/journal:e1'],
  ['GET', '/journal:e1/file'],
  ['GET', '/_all_docs?include_docs=true'],
  ['GET', '/_changes?include_docs=true'],
  ['GET', '/_design/t/_view/all'],
];

describe('audience databases: who reads each over HTTP', () => {
  before(async () => {
    server = await startCouchServer();
    for (const { id, roles } of [...members.map((member) => ({ id: member.id, roles: memberRoles(SPACE, member) })), outsider]) {
      await asAdmin('PUT', `/_users/${encodeURIComponent(`org.couchdb.user:${id}`)}`, { _id: `org.couchdb.user:${id}`, name: id, type: 'user', roles, password: password(id) });
    }
    for (const audience of AUDIENCES) {
      const db = `/${encodeURIComponent(audienceDatabase(SPACE, audience))}`;
      await asAdmin('PUT', db);
      await asAdmin('PUT', `${db}/_security`, audienceSecurity(SPACE, audience, members));
      await asAdmin('PUT', `${db}/_design/t`, { views: { all: { map: 'function (doc) { emit(doc._id, null); }' } } });
      await asAdmin('PUT', `${db}/journal:e1`, { text: `held for ${JSON.stringify(audience)}`, _attachments: { file: { content_type: 'text/plain', data: Buffer.from('a file').toString('base64') } } });
    }
  });
  after(async () => {
    await server?.stop();
  });

  it('names each database one-to-one, in characters CouchDB accepts', () => {
    const names = AUDIENCES.map((audience) => audienceDatabase(SPACE, audience));
    for (const name of names) assert.match(name, /^[a-z][a-z0-9_$()+/-]*$/);
    assert.equal(new Set(names).size, names.length);
    assert.equal(audienceDatabase(SPACE, { kind: 'school', school: '  liceo galilei,   ROMA ' }), audienceDatabase(SPACE, { kind: 'school', school: SCHOOLS[0] }), 'one school, however it is typed');
    assert.notEqual(safeName('Anna'), safeName('anna'));
  });

  it('answers queries (_find, _explain, _index) to server admins only: pouchdb-server would skip _security there', async () => {
      const db = `/${encodeURIComponent(audienceDatabase(SPACE, { kind: 'person', person: 'pupil-0' }))}`;
      const wrong: string[] = [];
      const everyone: [string, Record<string, string>][] = [
        ...members.map((member): [string, Record<string, string>] => [member.id, { authorization: basicAuth(member.id, password(member.id)) }]),
        ['not signed in', {}],
      ];
      for (const [who, headers] of everyone) {
        for (const [method, path, body] of [['POST', '/_find', { selector: {} }], ['POST', '/_explain', { selector: {} }], ['GET', '/_index'], ['POST', '/_index', { index: { fields: ['text'] } }]] as const) {
          const { status, text } = await call(method, `${db}${path}`, headers, body);
          if (![401, 403].includes(status)) wrong.push(`${who} ${method} ${path}: ${status} ${text.slice(0, 80)}`);
        }
      }
      assert.deepEqual(wrong, []);
      const found = await call('POST', `${db}/_find`, server.adminHeaders, { selector: {} });
      assert.equal(found.status, 200, found.text);
      assert.match(found.text, /held for/);
    });

  for (const audience of AUDIENCES) {
    it(`${JSON.stringify(audience)}: exactly its audience, by every way of reading`, async () => {
      const db = `/${encodeURIComponent(audienceDatabase(SPACE, audience))}`;
      const wrong: string[] = [];
      const readers: [string, Record<string, string>, boolean][] = [
        ...members.map((member): [string, Record<string, string>, boolean] => [member.id, { authorization: basicAuth(member.id, password(member.id)) }, audienceIncludes(audience, member)]),
        [outsider.id, { authorization: basicAuth(outsider.id, password(outsider.id)) }, false],
        ['not signed in', {}, false],
      ];
      for (const [who, headers, expected] of readers) {
        for (const [method, path, body] of READS) {
          const { status, text } = await call(method, `${db}${path}`, headers, body);
          const read = status === 200;
          if (read !== expected) wrong.push(`${who} ${method} ${path}: ${status} ${text.slice(0, 80)}`);
          if (!read && ![401, 403].includes(status)) wrong.push(`${who} ${method} ${path}: refused with ${status}, not 401 or 403`);
        }
      }
      assert.deepEqual(wrong, []);
    });
  }
});
