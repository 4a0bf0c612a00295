import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startCouchServer, type CouchServer } from '../../../../../scripts/couch/start-couch-server.mjs';
import { audienceIncludes, type Audience } from '../../../policy/audience.js';
import type { Role } from '../../../policy/roles.js';
import { audienceDatabase, schoolModeratorRole, schoolRole } from '../audience-databases.js';
import { readerOf } from '../audiences/reader.js';
import { roomDatabase } from '../audiences/reading-rooms.js';
import { databaseName, DESIGN_DOC_ID, HOME_FIELD } from '../couch-names.js';
import { ROOM_RULES } from '../design/room-design-doc.js';
import { layoutOf, replicationId, staffRoom } from './audience-layout.js';
import { ROOM_FILTER, ROOM_FILTER_DESIGN_DOC } from './audience-layout-setup.js';
import { basicAuth } from './couch-request.js';
import { setupCouchSpace, type CouchSpaceSetupReport } from './couchdb-setup.js';
import type { SpaceMember } from './members.js';
import { main } from './run-cli.js';

/**
 * One database per audience on a real server (pouchdb-server): the setup makes the databases and
 * the reading rooms, the server's _replicator fills each room from its sources, and each member's
 * feeds (read as them) gather exactly what they may read, and nobody opens another's room; then
 * members stop moderating, change school and leave.
 */
const SPACE = 'layout';
const [A, B] = ['Liceo Galilei, Roma', 'Szkoła nr 5, Kraków'];
const password = (id: string) => `secret-${id}`;
const member = (id: string, role: Role, school?: string): SpaceMember => ({ id, name: `Name of ${id}`, role, password: password(id), ...(school ? { school } : {}) });
const MEMBERS: SpaceMember[] = [
  member('tess', 'teacher', A),
  member('mo', 'moderator', A),
  member('max', 'moderator', A),
  member('pia', 'pupil', A),
  member('paul', 'pupil', A),
  member('tomasz', 'teacher', B),
  member('marta', 'moderator', B),
  member('mila', 'moderator', B),
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
/** Every room of the space for `members` and the databases that fill it. */
const roomsOf = (members: SpaceMember[]) => layoutOf(SPACE, members).rooms.map(({ database: room, sources }) => ({ room, sources: sources.map(database) }));
const schoolRoom = (school: string) => roomDatabase(SPACE, { kind: 'school-moderators', school });
const MODERATORS_ROOM = roomDatabase(SPACE, { kind: 'moderators' });
/** The databases a member's device follows, from the roles the server gives them. */
async function feedsOf(id: string): Promise<string[]> {
  const { name, roles } = (await call(as(id), 'GET', '/_session')).body.userCtx as { name: string; roles: string[] };
  return readerOf(SPACE, name, roles).feeds;
}

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
/** The records in a database (a room), by id, with their text: what a device following it gets. */
async function contents(room: string, headers = admin()): Promise<Map<string, unknown>> {
  const answer = await call(headers, 'GET', `${db(room)}/_all_docs?include_docs=true`);
  assert.equal(answer.status, 200, `${room}: ${JSON.stringify(answer.body)}`);
  return new Map(answer.body.rows!.filter(({ id }) => !id.startsWith('_design/')).map(({ id, doc }) => [id, doc?.text]));
}
/**
 * Polls (every 50 ms, for `timeoutMs`) until every room holds exactly the records `written` to its
 * sources, and every member's feeds, read as them, exactly those they may read (`audienceIncludes`,
 * among the databases of the audiences `members` have: one that left the layout fills no room);
 * how long it took.
 */
async function settle(written: [string, Audience, string][], members: SpaceMember[], timeoutMs = 5000): Promise<number> {
  const current = new Set(layoutOf(SPACE, members).audiences.map(database));
  const held = (keep: (audience: Audience) => boolean) => new Map(written.filter(([, audience]) => current.has(database(audience)) && keep(audience)).map(([label, , text]) => [`board:${label}`, text]));
  const differences = (who: string, have: Map<string, unknown>, want: Map<string, unknown>) => {
    const missing = [...want].filter(([id, text]) => have.get(id) !== text).map(([id]) => id);
    const extra = [...have.keys()].filter((id) => !want.has(id));
    return missing.length || extra.length ? [`${who}: missing ${missing.join(' ') || '-'}, extra ${extra.join(' ') || '-'}`] : [];
  };
  const started = Date.now();
  for (;;) {
    const wrong: string[] = [];
    for (const { room, sources } of roomsOf(members)) wrong.push(...differences(room, await contents(room), held((audience) => sources.includes(database(audience)))));
    for (const person of members) {
      const have = new Map<string, unknown>();
      for (const feed of await feedsOf(person.id)) for (const [id, text] of await contents(feed, as(person.id))) have.set(id, text);
      wrong.push(...differences(`${person.id}'s feeds`, have, held((audience) => audienceIncludes(audience, person))));
    }
    if (!wrong.length) return Date.now() - started;
    if (Date.now() - started > timeoutMs) assert.fail(`after ${timeoutMs} ms:\n${wrong.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const timings: string[] = [];

describe('one database per audience, on pouchdb-server', () => {
  const written: [string, Audience, string][] = WRITTEN.map(([label, audience]) => [label, audience, `for ${label}`]);
  /** Each room's action in a report, by database. */
  const actionsOf = (report: CouchSpaceSetupReport) => new Map(report.audiences!.rooms.map(({ database, action }) => [database, action]));
  const pupilRoom = (person: string) => roomDatabase(SPACE, { kind: 'pupil', person });
  const refused = async (id: string, database: string) => [401, 403].includes((await call(as(id), 'GET', `${db(database)}/_all_docs`)).status);

  it('makes every audience database and reading room, and one replication per source and room', async () => {
    const audiences = first.audiences!;
    assert.equal(first.layout, 'audiences');
    assert.equal(audiences.server, 'pouchdb-server');
    assert.ok(audiences.databases.every(({ action }) => action === 'created'));
    // staff, moderators, 2 schools and their moderators, and per member who writes: 3 (or 2 without a school).
    assert.equal(audiences.databases.length, 2 + 4 + readers(MEMBERS).length * 3);
    // Four moderators, and not one room of their own: they share the moderators' room and their school's.
    assert.deepEqual(
      audiences.rooms.map(({ database, action }) => [database, action]),
      [staffRoom(SPACE), MODERATORS_ROOM, schoolRoom(A), schoolRoom(B), ...['pia', 'paul', 'kasia', 'nina'].map(pupilRoom)].map((room) => [room, 'created']),
    );
    const sources = audiences.rooms.reduce((sum, room) => sum + room.sources.length, 0);
    assert.equal(audiences.replications.created.length, sources);
    assert.equal(audiences.rooms[0].sources.length, audiences.databases.length, 'the staff room: every audience but the space');
    assert.deepEqual(
      [...audiences.rooms.find(({ reader }) => reader === 'pia')!.sources].sort(),
      ([{ kind: 'school', school: A }, { kind: 'moderators', person: 'pia' }, { kind: 'school-moderators', school: A, person: 'pia' }, { kind: 'person', person: 'pia' }] as Audience[]).map(database).sort(),
    );
    const sourcesOf = (room: string) => audiences.rooms.find(({ database }) => database === room)!.sources.length;
    assert.equal(sourcesOf(MODERATORS_ROOM), 1 + readers(MEMBERS).length, 'the moderators, and the moderators and each member');
    assert.equal(sourcesOf(schoolRoom(A)), 2 + readers(MEMBERS).filter(({ school }) => school === A).length, 'the school, its moderators, and its moderators and each member of it');
    timings.push(`first setup ${firstMs} ms (${audiences.databases.length} audience databases, ${audiences.rooms.length} rooms, ${sources} replications)`);
    assert.ok(first.summary.every((line) => /^[A-Z].*\.$/.test(line)), `the summary is sentences:\n${first.summary.join('\n')}`);
    assert.ok(first.summary.includes(`Reading room ${schoolRoom(A)} (moderators of ${A}): created, filled from ${sourcesOf(schoolRoom(A))} sources.`), first.summary.join('\n'));

    const security = async (room: string) => (await call(admin(), 'GET', `${db(room)}/_security`)).body;
    const none = { names: [], roles: [] };
    const staff = [`twinkit.${SPACE}.admin`, `twinkit.${SPACE}.teacher`];
    assert.deepEqual(await security(pupilRoom('pia')), { admins: none, members: { names: ['pia'], roles: [] } });
    assert.deepEqual(await security(MODERATORS_ROOM), { admins: none, members: { names: [], roles: [...staff, `twinkit.${SPACE}.moderator`] } });
    assert.deepEqual(await security(schoolRoom(B)), { admins: none, members: { names: [], roles: [...staff, schoolModeratorRole(SPACE, B)] } });
    const design = (await call(admin(), 'GET', `${db(staffRoom(SPACE))}/${DESIGN_DOC_ID}`)).body;
    assert.equal(design.validate_doc_update, ROOM_RULES);
    const school = (await call(admin(), 'GET', `${db(database({ kind: 'school', school: A }))}/${DESIGN_DOC_ID}`)).body;
    assert.match(String(school.validate_doc_update), new RegExp(`var HOME = ${JSON.stringify(database({ kind: 'school', school: A })).replace(/[$()]/g, '\\$&')};`));
    const roles = (await call(as('mo'), 'GET', '/_session')).body.userCtx as { roles: string[] };
    assert.deepEqual([...roles.roles].sort(), [`twinkit.${SPACE}.moderator`, schoolModeratorRole(SPACE, A), schoolRole(SPACE, A)].sort());
  });

  it('fills each room from its sources, and each member\'s feeds with exactly what they may read: creates, updates and deletes', async () => {
    const revs = new Map<string, string>();
    const started = Date.now();
    for (const [label, audience] of written) revs.set(label, await write(label, audience));
    const writing = Date.now() - started;
    const filled = await settle(written, MEMBERS);
    timings.push(`${written.length} records written in ${writing} ms, in every room they belong to ${filled} ms later`);

    // An update (which pouchdb-server would drop if replicated over HTTP into a room) and a delete.
    const schoolA = database({ kind: 'school', school: A });
    const updated = await call(admin(), 'PUT', `${db(schoolA)}/board:school-a`, { ...record('school-a', { kind: 'school', school: A }), text: 'changed', _rev: revs.get('school-a') });
    assert.equal(updated.status, 201, JSON.stringify(updated.body));
    written.find(([label]) => label === 'school-a')![2] = 'changed';
    const removed = await call(admin(), 'DELETE', `${db(database({ kind: 'moderators' }))}/board:moderators?rev=${revs.get('moderators')}`);
    assert.equal(removed.status, 200);
    written.splice(written.findIndex(([label]) => label === 'moderators'), 1);
    const followed = await settle(written, MEMBERS);
    timings.push(`an update and a delete in every room ${followed} ms later`);

    // Each room has its own rules, not those of the databases it is filled from.
    for (const { room } of roomsOf(MEMBERS)) {
      assert.equal((await call(admin(), 'GET', `${db(room)}/${DESIGN_DOC_ID}`)).body.validate_doc_update, ROOM_RULES);
      assert.equal((await call(admin(), 'GET', `${db(room)}/${encodeURIComponent(ROOM_FILTER_DESIGN_DOC._id)}`)).status, 404);
    }
  });

  it('lets staff into every shared room, a moderator into the moderators\' and their school\'s, a pupil into hers; nobody writes in a room', async () => {
    const wrong: string[] = [];
    const rooms = roomsOf(MEMBERS);
    const opens = (person: SpaceMember, room: string) => {
      if (person.role === 'teacher' || person.role === 'admin') return [staffRoom(SPACE), MODERATORS_ROOM, schoolRoom(A), schoolRoom(B)].includes(room);
      if (person.role === 'moderator') return room === MODERATORS_ROOM || room === schoolRoom(person.school!);
      return room === pupilRoom(person.id) && person.role === 'pupil';
    };
    for (const person of MEMBERS) {
      for (const { room, sources } of rooms) {
        const open = opens(person, room);
        for (const path of ['/_all_docs', '/_changes', '/board:school-a']) {
          const { status } = await call(as(person.id), 'GET', `${db(room)}${path}`);
          const expected = open ? (path === '/board:school-a' && !sources.includes(database({ kind: 'school', school: A })) ? 404 : 200) : 'refused';
          if (expected === 'refused' ? ![401, 403].includes(status) : status !== expected) wrong.push(`${person.id} GET ${room}${path}: ${status}, expected ${expected}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
    for (const [id, room] of [['pia', pupilRoom('pia')], ['tess', staffRoom(SPACE)], ['mo', MODERATORS_ROOM], ['mo', schoolRoom(A)]]) {
      const forged = await call(as(id), 'PUT', `${db(room)}/board:forged`, record('forged', { kind: 'person', person: id }, id));
      assert.equal(forged.status, 403, `${id} writes in ${room}: ${JSON.stringify(forged.body)}`);
    }
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
    assert.ok(again.summary.some((line) => /^Reading rooms unchanged: 8\.$/.test(line)), again.summary.join('\n'));
  });

  it('removes the room each moderator had in earlier versions, and its replications', async () => {
    // As an earlier setup left it: marta's own room, filled from a moderators' database.
    const room = pupilRoom('marta');
    const source = database({ kind: 'moderators', person: 'pia' });
    assert.equal((await call(admin(), 'PUT', db(room))).status, 201);
    assert.equal((await call(admin(), 'PUT', `${db(room)}/_security`, { admins: { names: [], roles: [] }, members: { names: ['marta'], roles: [] } })).status, 200);
    assert.equal((await call(admin(), 'PUT', `${db(room)}/_local/twinkit-room`, { sources: [source] })).status, 201);
    const id = replicationId(source, room);
    const replication = { source: { url: `${server.url}${db(source)}`, headers: { Authorization: server.adminHeaders.authorization } }, target: room, continuous: true, filter: ROOM_FILTER };
    assert.equal((await call(admin(), 'PUT', `/_replicator/${encodeURIComponent(id)}`, replication)).status, 201);
    for (const deadline = Date.now() + 5000; !(await contents(room)).has('board:pia-and-moderators'); ) {
      assert.ok(Date.now() < deadline, 'the old room fills');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const report = await setup(MEMBERS);
    assert.equal(actionsOf(report).get(room), 'removed');
    assert.deepEqual([...actionsOf(report)].filter(([, action]) => action !== 'unchanged'), [[room, 'removed']]);
    assert.deepEqual(report.audiences!.replications.removed, [id]);
    assert.equal((await call(admin(), 'GET', db(room))).status, 404);
    assert.equal((await call(admin(), 'GET', `/_replicator/${encodeURIComponent(id)}`)).status, 404);
    assert.equal((await call(admin(), 'GET', '/')).status, 200, 'the server is still up');
  });

  it('keeps the shared rooms as they are when a moderator stops moderating: she loses them at once, by her roles', async () => {
    const pupilNow = MEMBERS.map((each) => (each.id === 'mo' ? { ...each, role: 'pupil' as const } : each));
    const report = await setup(pupilNow);
    const actions = actionsOf(report);
    // Her databases are the same: no room gains or loses a source, and the shared ones never name her.
    for (const room of [staffRoom(SPACE), MODERATORS_ROOM, schoolRoom(A), schoolRoom(B)]) assert.equal(actions.get(room), 'unchanged', room);
    assert.equal(actions.get(pupilRoom('mo')), 'created');
    assert.ok(await refused('mo', MODERATORS_ROOM));
    assert.ok(await refused('mo', schoolRoom(A)));
    assert.ok(await refused('mo', database({ kind: 'school-moderators', school: A })));
    assert.deepEqual(await feedsOf('mo'), [databaseName(SPACE), pupilRoom('mo')]);
    assert.equal((await call(as('max'), 'GET', `${db(schoolRoom(A))}/_all_docs`)).status, 200, 'the other moderator of her school still reads it');
    await settle(written, pupilNow);
    MEMBERS.splice(0, MEMBERS.length, ...pupilNow);
  });

  it('moves a moderator who changed school from one school\'s room to the other\'s at once, by her roles', async () => {
    const moved = MEMBERS.map((each) => (each.id === 'marta' ? { ...each, school: A } : each));
    const report = await setup(moved);
    const actions = actionsOf(report);
    assert.equal(actions.get(MODERATORS_ROOM), 'unchanged');
    assert.equal(actions.get(schoolRoom(A)), 'updated', 'filled from her school-moderators database too');
    // Her first school's moderators and her: kept, but no longer copied. CouchDB stops that one
    // replication and keeps the room; pouchdb-server can stop it only by deleting the room.
    assert.equal(actions.get(schoolRoom(B)), 'rebuilt');
    assert.ok(await refused('marta', schoolRoom(B)));
    assert.equal((await call(as('marta'), 'GET', `${db(schoolRoom(A))}/_all_docs`)).status, 200);
    assert.deepEqual(await feedsOf('marta'), [databaseName(SPACE), MODERATORS_ROOM, schoolRoom(A), database({ kind: 'person', person: 'marta' })]);
    await settle(written, moved);
    MEMBERS.splice(0, MEMBERS.length, ...moved);
  });

  it('rebuilds the room of a pupil who changed school: it no longer holds her first school\'s records', async () => {
    const moved = MEMBERS.map((each) => (each.id === 'pia' ? { ...each, school: B } : each));
    const started = Date.now();
    const report = await setup(moved);
    const took = Date.now() - started;
    const actions = actionsOf(report);
    assert.equal(actions.get(pupilRoom('pia')), 'rebuilt');
    assert.equal(actions.get(schoolRoom(B)), 'updated', 'her new school\'s moderators read one database more');
    assert.equal(actions.get(MODERATORS_ROOM), 'unchanged');
    assert.equal(actions.get(pupilRoom('paul')), 'unchanged');
    assert.ok(report.summary.some((line) => /Reading room .*\(pia\): made again/.test(line)), report.summary.join('\n'));

    // Her new school's records are in her room, her first school's are not, and a new one does not come.
    const refilled = await settle(written, moved);
    written.push(['school-a-later', { kind: 'school', school: A }, 'for school-a-later']);
    await write('school-a-later', { kind: 'school', school: A });
    const later = await settle(written, moved);
    timings.push(`a school changed: setup ${took} ms, rooms refilled ${refilled} ms later, a new record followed in ${later} ms`);
    const hers = await contents(pupilRoom('pia'));
    assert.ok(hers.has('board:school-b') && !hers.has('board:school-a') && !hers.has('board:school-a-later'));

    const roles = ((await call(as('pia'), 'GET', '/_session')).body.userCtx as { roles: string[] }).roles;
    assert.deepEqual([...roles].sort(), [`twinkit.${SPACE}.pupil`, schoolRole(SPACE, B)].sort());
    assert.ok(await refused('pia', database({ kind: 'school', school: A })));
    assert.equal((await call(as('pia'), 'GET', `${db(database({ kind: 'school', school: B }))}/_all_docs`)).status, 200);
    // Her first school's moderators' database with her name: kept, but no longer hers to read.
    const former = database({ kind: 'school-moderators', school: A, person: 'pia' });
    assert.deepEqual(report.audiences!.closedDatabases, [{ database: former, removedNames: ['pia'] }]);
    assert.ok(await refused('pia', former));
    MEMBERS.splice(0, MEMBERS.length, ...moved);
  });

  it('removes the room of a member who left, and her replications', async () => {
    const remaining = MEMBERS.filter(({ id }) => id !== 'nina');
    const room = pupilRoom('nina');
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
    assert.ok(await refused('nina', database({ kind: 'person', person: 'nina' })));
    assert.ok(await refused('nina', database({ kind: 'school', school: B })));
    // Her records stay in her databases, which fill no room any more.
    const refilled = await settle(written, remaining);
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
      const args = ['couchdb-setup', '--url', server.url, '--space', 'cli-layout', '--layout', 'audiences', '--replication-url', server.url, '--admin', `${server.admin.name}:${server.admin.password}`];
      const code = await main([...args, '--members', file], {}, { out: (line) => out.push(line), err: (line) => err.push(line) });
      assert.equal(code, 0, err.join('\n'));
      const text = out.join('\n');
      assert.match(text, /User pam \(pupil, North\): created, password set\./);
      assert.match(text, /Reading room twinkit-cli-layout\$room-pam \(pam\): created, filled from 4 sources\./);
      // Without --members: the members the server has.
      const again: string[] = [];
      assert.equal(await main(args, {}, { out: (line) => again.push(line), err: (line) => err.push(line) }), 0, err.join('\n'));
      assert.match(again.join('\n'), /Reading rooms unchanged: 2\./);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  after(() => {
    if (timings.length) console.log(timings.join('\n'));
  });
});
