import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startCouchServer, type CouchServer } from '../../../../../scripts/couch/start-couch-server.mjs';
import { audienceIncludes, type Audience } from '../../../policy/audience.js';
import type { Role } from '../../../policy/roles.js';
import { audienceDatabase, roomDatabase, schoolModeratorRole, schoolRole } from '../audience-databases.js';
import { DESIGN_DOC_ID, HOME_FIELD } from '../couch-names.js';
import { ROOM_RULES } from '../design/room-design-doc.js';
import { layoutOf, staffRoom } from './audience-layout.js';
import { ROOM_FILTER_DESIGN_DOC } from './audience-layout-setup.js';
import { basicAuth } from './couch-request.js';
import { setupCouchSpace, type CouchSpaceSetupReport } from './couchdb-setup.js';
import type { SpaceMember } from './members.js';
import { main } from './run-cli.js';

/**
 * One database per audience on a real server (pouchdb-server): the setup makes the databases and
 * the reading rooms, the server's _replicator fills each room with exactly what its reader may
 * read, each member reads their own room and nobody else's; then members change school and leave.
 */
const SPACE = 'layout';
const [A, B] = ['Liceo Galilei, Roma', 'Szkoła nr 5, Kraków'];
const password = (id: string) => `secret-${id}`;
const member = (id: string, role: Role, school?: string): SpaceMember => ({ id, name: `Name of ${id}`, role, password: password(id), ...(school ? { school } : {}) });
const MEMBERS: SpaceMember[] = [
  member('tess', 'teacher', A),
  member('mo', 'moderator', A),
  member('pia', 'pupil', A),
  member('paul', 'pupil', A),
  member('tomasz', 'teacher', B),
  member('marta', 'moderator', B),
  member('kasia', 'pupil', B),
  member('nina', 'pupil', B),
  member('olga', 'observer', A),
];
/** A record written to each of these audiences' databases. */
const WRITTEN: [string, Audience][] = [
  ['space', { kind: 'space' }],
  ['staff', { kind: 'staff' }],
  ['moderators', { kind: 'moderators' }],
  ['school-a', { kind: 'school', school: A }],
  ['school-b', { kind: 'school', school: B }],
  ['school-a-moderators', { kind: 'school-moderators', school: A }],
  ['school-b-moderators', { kind: 'school-moderators', school: B }],
  ['pia', { kind: 'person', person: 'pia' }],
  ['pia-and-moderators', { kind: 'moderators', person: 'pia' }],
  ['pia-and-school-a-moderators', { kind: 'school-moderators', school: A, person: 'pia' }],
  ['nina', { kind: 'person', person: 'nina' }],
];

let server: CouchServer;
const setup = (members: SpaceMember[]) => setupCouchSpace({ url: server.url, admin: server.admin, space: SPACE, moderation: 'pupils', members, layout: 'audiences' });
let first: CouchSpaceSetupReport;
let firstMs = 0;

before(async () => {
  server = await startCouchServer();
  const started = Date.now();
  first = await setup(MEMBERS);
  firstMs = Date.now() - started;
});
after(async () => {
  await server?.stop();
});

async function call(headers: Record<string, string>, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...headers, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> & { rows?: { id: string; doc?: Record<string, unknown> }[] } };
}
const admin = () => server.adminHeaders;
const as = (id: string) => ({ authorization: basicAuth(id, password(id)) });
const db = (name: string) => `/${encodeURIComponent(name)}`;
const database = (audience: Audience) => audienceDatabase(SPACE, audience);
const readers = (members: SpaceMember[]) => members.filter(({ role }) => role !== 'observer');
/** Every room of the space and whose it is: the staff room, then each pupil's and moderator's. */
const roomsOf = (members: SpaceMember[]) => [
  { room: staffRoom(SPACE), reader: undefined as SpaceMember | undefined },
  ...members.filter(({ role }) => role === 'pupil' || role === 'moderator').map((reader) => ({ room: roomDatabase(SPACE, reader)!, reader })),
];
/** May the reader of `room` read `audience`'s records there? (Staff read all; the space is never in a room.) */
const belongs = (audience: Audience, reader: SpaceMember | undefined) => audience.kind !== 'space' && (reader === undefined || audienceIncludes(audience, reader));

const TIME = '2025-03-01T10:00:00.000Z';
function record(label: string, audience: Audience, author = 'tess') {
  return {
    _id: `board:${label}`,
    id: label,
    space: SPACE,
    collection: 'board',
    schemaVersion: 1,
    createdAt: TIME,
    updatedAt: TIME,
    author: { id: author, name: `Name of ${author}` },
    status: 'published',
    text: `for ${label}`,
    twinkitOrigin: 'test',
    [HOME_FIELD]: database(audience),
  };
}
async function write(label: string, audience: Audience) {
  const answer = await call(admin(), 'PUT', `${db(database(audience))}/board:${label}`, record(label, audience));
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  return String(answer.body.rev);
}
/** The records in a room, by id, with their text: what its reader's device would get. */
async function contents(room: string): Promise<Map<string, unknown>> {
  const answer = await call(admin(), 'GET', `${db(room)}/_all_docs?include_docs=true`);
  assert.equal(answer.status, 200, `${room}: ${JSON.stringify(answer.body)}`);
  return new Map(answer.body.rows!.filter(({ id }) => !id.startsWith('_design/')).map(({ id, doc }) => [id, doc?.text]));
}
/** Polls (every 50 ms, for `timeoutMs`) until every room holds exactly `expected(room)`; how long it took. */
async function settle(rooms: { room: string; reader?: SpaceMember }[], expected: (room: { room: string; reader?: SpaceMember }) => Map<string, unknown>, timeoutMs = 5000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const wrong: string[] = [];
    for (const each of rooms) {
      const have = await contents(each.room);
      const want = expected(each);
      const missing = [...want].filter(([id, text]) => have.get(id) !== text).map(([id]) => id);
      const extra = [...have.keys()].filter((id) => !want.has(id));
      if (missing.length || extra.length) wrong.push(`${each.reader?.id ?? 'staff'}: missing ${missing.join(' ') || '-'}, extra ${extra.join(' ') || '-'}`);
    }
    if (!wrong.length) return Date.now() - started;
    if (Date.now() - started > timeoutMs) assert.fail(`after ${timeoutMs} ms:\n${wrong.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
/**
 * What each room should hold of `written` (label, audience, text) for `members`: what its reader
 * may read, from the databases of the audiences `members` have (one that left the layout fills no room).
 */
const expectation = (written: [string, Audience, string][], members: SpaceMember[]) => {
  const current = new Set(layoutOf(SPACE, members).audiences.map(database));
  return (each: { reader?: SpaceMember }) =>
    new Map(written.filter(([, audience]) => current.has(database(audience)) && belongs(audience, each.reader)).map(([label, , text]) => [`board:${label}`, text]));
};
const timings: string[] = [];

describe('one database per audience, on pouchdb-server', () => {
  const written: [string, Audience, string][] = WRITTEN.map(([label, audience]) => [label, audience, `for ${label}`]);

  it('makes every audience database and reading room, and one replication per source and room', async () => {
    const audiences = first.audiences!;
    assert.equal(first.layout, 'audiences');
    assert.equal(audiences.server, 'pouchdb-server');
    assert.ok(audiences.databases.every(({ action }) => action === 'created'));
    // staff, moderators, 2 schools and their moderators, and per member who writes: 3 (or 2 without a school).
    assert.equal(audiences.databases.length, 2 + 4 + readers(MEMBERS).length * 3);
    assert.deepEqual(
      audiences.rooms.map(({ database, action }) => [database, action]),
      roomsOf(MEMBERS).map(({ room }) => [room, 'created']),
    );
    const sources = audiences.rooms.reduce((sum, room) => sum + room.sources.length, 0);
    assert.equal(audiences.replications.created.length, sources);
    assert.equal(audiences.rooms[0].sources.length, audiences.databases.length, 'the staff room: every audience but the space');
    assert.deepEqual(
      [...audiences.rooms.find(({ reader }) => reader === 'pia')!.sources].sort(),
      ([{ kind: 'school', school: A }, { kind: 'moderators', person: 'pia' }, { kind: 'school-moderators', school: A, person: 'pia' }, { kind: 'person', person: 'pia' }] as Audience[]).map(database).sort(),
    );
    timings.push(`first setup ${firstMs} ms (${audiences.databases.length} audience databases, ${audiences.rooms.length} rooms, ${sources} replications)`);
    assert.ok(first.summary.every((line) => /^[A-Z].*\.$/.test(line)), `the summary is sentences:\n${first.summary.join('\n')}`);

    const room = (await call(admin(), 'GET', `${db(roomDatabase(SPACE, MEMBERS[2])!)}/_security`)).body;
    assert.deepEqual(room, { admins: { names: [], roles: [] }, members: { names: ['pia'], roles: [] } });
    const design = (await call(admin(), 'GET', `${db(staffRoom(SPACE))}/${DESIGN_DOC_ID}`)).body;
    assert.equal(design.validate_doc_update, ROOM_RULES);
    const school = (await call(admin(), 'GET', `${db(database({ kind: 'school', school: A }))}/${DESIGN_DOC_ID}`)).body;
    assert.match(String(school.validate_doc_update), new RegExp(`var HOME = ${JSON.stringify(database({ kind: 'school', school: A })).replace(/[$()]/g, '\\$&')};`));
    const roles = (await call(as('mo'), 'GET', '/_session')).body.userCtx as { roles: string[] };
    assert.deepEqual([...roles.roles].sort(), [`twinkit.${SPACE}.moderator`, schoolModeratorRole(SPACE, A), schoolRole(SPACE, A)].sort());
  });

  it('fills each room with exactly what its reader may read: creates, updates and deletes', async () => {
    const revs = new Map<string, string>();
    const started = Date.now();
    for (const [label, audience] of written) revs.set(label, await write(label, audience));
    const writing = Date.now() - started;
    const filled = await settle(roomsOf(MEMBERS), expectation(written, MEMBERS));
    timings.push(`${written.length} records written in ${writing} ms, in every room they belong to ${filled} ms later`);

    // An update (which pouchdb-server would drop if replicated over HTTP into a room) and a delete.
    const schoolA = database({ kind: 'school', school: A });
    const updated = await call(admin(), 'PUT', `${db(schoolA)}/board:school-a`, { ...record('school-a', { kind: 'school', school: A }), text: 'changed', _rev: revs.get('school-a') });
    assert.equal(updated.status, 201, JSON.stringify(updated.body));
    written.find(([label]) => label === 'school-a')![2] = 'changed';
    const removed = await call(admin(), 'DELETE', `${db(database({ kind: 'moderators' }))}/board:moderators?rev=${revs.get('moderators')}`);
    assert.equal(removed.status, 200);
    written.splice(written.findIndex(([label]) => label === 'moderators'), 1);
    const followed = await settle(roomsOf(MEMBERS), expectation(written, MEMBERS));
    timings.push(`an update and a delete in every room ${followed} ms later`);

    // Each room has its own rules, not those of the databases it is filled from.
    for (const { room } of roomsOf(MEMBERS)) {
      assert.equal((await call(admin(), 'GET', `${db(room)}/${DESIGN_DOC_ID}`)).body.validate_doc_update, ROOM_RULES);
      assert.equal((await call(admin(), 'GET', `${db(room)}/${encodeURIComponent(ROOM_FILTER_DESIGN_DOC._id)}`)).status, 404);
    }
  });

  it('lets each member read their own room, and nobody else\'s; nobody writes in a room', async () => {
    const wrong: string[] = [];
    const rooms = roomsOf(MEMBERS);
    for (const person of MEMBERS) {
      for (const { room, reader } of rooms) {
        const own = reader ? reader.id === person.id : person.role === 'teacher' || person.role === 'admin';
        for (const path of ['/_all_docs', '/_changes', '/board:school-a']) {
          const { status } = await call(as(person.id), 'GET', `${db(room)}${path}`);
          const expected = own ? (path === '/board:school-a' && !belongs({ kind: 'school', school: A }, reader) ? 404 : 200) : 'refused';
          if (expected === 'refused' ? ![401, 403].includes(status) : status !== expected) wrong.push(`${person.id} GET ${room}${path}: ${status}, expected ${expected}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
    const pias = roomDatabase(SPACE, MEMBERS[2])!;
    const forged = await call(as('pia'), 'PUT', `${db(pias)}/board:forged`, record('forged', { kind: 'person', person: 'pia' }, 'pia'));
    assert.equal(forged.status, 403, JSON.stringify(forged.body));
    const staffWrite = await call(as('tess'), 'PUT', `${db(staffRoom(SPACE))}/board:forged`, record('forged', { kind: 'staff' }));
    assert.equal(staffWrite.status, 403, JSON.stringify(staffWrite.body));
  });

  it('changes nothing when run again', async () => {
    const started = Date.now();
    const again = await setup(MEMBERS.map(({ password: _omit, ...rest }) => rest));
    timings.push(`second setup ${Date.now() - started} ms`);
    const audiences = again.audiences!;
    assert.ok(again.users.every(({ action }) => action === 'unchanged'));
    assert.deepEqual(audiences.databases.filter(({ action }) => action !== 'unchanged'), []);
    assert.deepEqual(audiences.rooms.filter(({ action }) => action !== 'unchanged'), []);
    assert.deepEqual(audiences.closedDatabases, []);
    assert.deepEqual(audiences.replications.created, []);
    assert.deepEqual(audiences.replications.removed, []);
    assert.equal(audiences.replications.unchanged.length, first.audiences!.replications.created.length);
    assert.ok(again.summary.some((line) => /Replications into the reading rooms .*: 0 created, 0 removed, \d+ unchanged\./.test(line)), again.summary.join('\n'));
    assert.ok(again.summary.some((line) => /^Reading rooms unchanged: 7\.$/.test(line)), again.summary.join('\n'));
  });

  it('rebuilds the room of a pupil who changed school: it no longer holds her first school\'s records', async () => {
    const moved = MEMBERS.map((each) => (each.id === 'pia' ? { ...each, school: B } : each));
    const pia = moved.find(({ id }) => id === 'pia')!;
    const started = Date.now();
    const report = await setup(moved);
    const took = Date.now() - started;
    const actions = new Map(report.audiences!.rooms.map(({ reader, action }) => [reader ?? 'staff', action]));
    assert.equal(actions.get('pia'), 'rebuilt');
    assert.equal(actions.get('mo'), 'rebuilt', 'her first school\'s moderator no longer reads her school-moderators database');
    assert.equal(actions.get('staff'), 'rebuilt');
    assert.equal(actions.get('marta'), 'updated', 'her new school\'s moderator reads one database more');
    assert.equal(actions.get('paul'), 'unchanged');
    assert.ok(report.summary.some((line) => /Reading room .*\(pia\): made again/.test(line)), report.summary.join('\n'));

    // Her new school's records are in her room, her first school's are not, and a new one does not come.
    const refilled = await settle(roomsOf(moved), expectation(written, moved));
    written.push(['school-a-later', { kind: 'school', school: A }, 'for school-a-later']);
    await write('school-a-later', { kind: 'school', school: A });
    const later = await settle(roomsOf(moved), expectation(written, moved));
    timings.push(`a school changed: setup ${took} ms, rooms refilled ${refilled} ms later, a new record followed in ${later} ms`);
    const hers = await contents(roomDatabase(SPACE, pia)!);
    assert.ok(hers.has('board:school-b') && !hers.has('board:school-a') && !hers.has('board:school-a-later'));

    const roles = ((await call(as('pia'), 'GET', '/_session')).body.userCtx as { roles: string[] }).roles;
    assert.deepEqual([...roles].sort(), [`twinkit.${SPACE}.pupil`, schoolRole(SPACE, B)].sort());
    assert.ok([401, 403].includes((await call(as('pia'), 'GET', `${db(database({ kind: 'school', school: A }))}/_all_docs`)).status));
    assert.equal((await call(as('pia'), 'GET', `${db(database({ kind: 'school', school: B }))}/_all_docs`)).status, 200);
    // Her first school's moderators' database with her name: kept, but no longer hers to read.
    const former = database({ kind: 'school-moderators', school: A, person: 'pia' });
    assert.deepEqual(report.audiences!.closedDatabases, [{ database: former, removedNames: ['pia'] }]);
    assert.ok([401, 403].includes((await call(as('pia'), 'GET', `${db(former)}/_all_docs`)).status));
    MEMBERS.splice(0, MEMBERS.length, ...moved);
  });

  it('removes the room of a member who left, and her replications', async () => {
    const remaining = MEMBERS.filter(({ id }) => id !== 'nina');
    const room = roomDatabase(SPACE, { id: 'nina', role: 'pupil' })!;
    const report = await setup(remaining);
    assert.deepEqual(report.removedMembers, ['nina']);
    assert.deepEqual(
      report.audiences!.rooms.filter(({ action }) => action === 'removed').map(({ database }) => database),
      [room],
    );
    assert.equal((await call(admin(), 'GET', db(room))).status, 404);
    const replications = (await call(admin(), 'GET', '/_replicator/_all_docs')).body.rows!.map(({ id }) => id);
    assert.deepEqual(replications.filter((id) => id.includes(room)), []);
    assert.equal(replications.filter((id) => id.startsWith('twinkit-room:')).length, report.audiences!.replications.created.length + report.audiences!.replications.unchanged.length);
    assert.ok([401, 403].includes((await call(as('nina'), 'GET', `${db(database({ kind: 'person', person: 'nina' }))}/_all_docs`)).status));
    assert.ok([401, 403].includes((await call(as('nina'), 'GET', `${db(database({ kind: 'school', school: B }))}/_all_docs`)).status));
    // Her records stay in her databases, which fill no room any more.
    const refilled = await settle(roomsOf(remaining), expectation(written, remaining));
    timings.push(`a member left: rooms refilled ${refilled} ms after the setup`);
    assert.equal((await call(admin(), 'GET', '/')).status, 200, 'the server is still up');
  });

  it('is what twinkit couchdb-setup --layout audiences does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'twinkit-layout-'));
    try {
      const file = join(dir, 'members.json');
      writeFileSync(file, JSON.stringify([{ id: 'ted', name: 'Ted', role: 'teacher', password: 'ted-secret' }, { id: 'pam', name: 'Pam', role: 'pupil', password: 'pam-secret', school: 'North' }]));
      const out: string[] = [];
      const err: string[] = [];
      const args = ['couchdb-setup', '--url', server.url, '--space', 'cli-layout', '--members', file, '--layout', 'audiences', '--replication-url', server.url];
      const code = await main([...args, '--admin', `${server.admin.name}:${server.admin.password}`], {}, { out: (line) => out.push(line), err: (line) => err.push(line) });
      assert.equal(code, 0, err.join('\n'));
      const text = out.join('\n');
      assert.match(text, /User pam \(pupil, North\): created, password set\./);
      assert.match(text, /Reading room twinkit-cli-layout\$room-pam \(pam\): created, filled from 4 sources\./);
      const noMembers = await main(['couchdb-setup', '--url', server.url, '--space', 'cli-layout', '--layout', 'audiences'], {}, { out: () => {}, err: (line) => err.push(line) });
      assert.equal(noMembers, 2);
      assert.match(err.at(-1)!, /--layout audiences needs --members/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  after(() => {
    if (timings.length) console.log(timings.join('\n'));
  });
});
