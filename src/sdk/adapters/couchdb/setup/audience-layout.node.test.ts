import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Audience } from '../../../policy/audience.js';
import { sameSchool } from '../../../policy/read-rules.js';
import { ROLES, type Role } from '../../../policy/roles.js';
import { audienceDatabase } from '../audience-databases.js';
import { roomDatabase } from '../audiences/reading-rooms.js';
import { layoutOf, parseReplicationId, replicationId, replicationIdRange, staffRoom } from './audience-layout.js';
import { parseSetupArguments } from './cli-args.js';
import { parseMembers, type SpaceMember } from './members.js';

/** The layout of a space's databases and reading rooms, without a server. */
const SPACE = 'Coasts';
const SCHOOLS = ['Liceo Galilei, Roma', 'Szkoła nr 5, Kraków'];
const member = (id: string, role: Role, school?: string): SpaceMember => ({ id, name: `Name of ${id}`, role, ...(school === undefined ? {} : { school }) });
/** Every role in two schools, a member without a school, and one school typed another way. */
const MEMBERS: SpaceMember[] = [
  ...SCHOOLS.flatMap((school, s) => ROLES.map((role) => member(`${role}-${s}`, role, school))),
  member('pupil-nowhere', 'pupil'),
  member('moderator-nowhere', 'moderator'),
  member('Pupil Again', 'pupil', '  liceo   galilei, ROMA '),
];
const names = (audiences: Audience[]) => audiences.map((audience) => audienceDatabase(SPACE, audience));

describe('layoutOf', () => {
  const layout = layoutOf(SPACE, MEMBERS);

  it('gives every audience one database: the space, staff, moderators, each school and each member who writes', () => {
    const databases = names(layout.audiences);
    assert.equal(new Set(databases).size, databases.length, 'one audience per database');
    assert.deepEqual(layout.audiences.slice(0, 3), [{ kind: 'space' }, { kind: 'staff' }, { kind: 'moderators' }]);
    const writers = MEMBERS.filter(({ role }) => role !== 'observer');
    const expected: Audience[] = [
      { kind: 'space' },
      { kind: 'staff' },
      { kind: 'moderators' },
      ...SCHOOLS.flatMap((school): Audience[] => [
        { kind: 'school', school },
        { kind: 'school-moderators', school },
      ]),
      ...writers.flatMap(({ id, school }): Audience[] => [
        { kind: 'person', person: id },
        { kind: 'moderators', person: id },
        ...(school ? [{ kind: 'school-moderators' as const, school, person: id }] : []),
      ]),
    ];
    assert.deepEqual([...databases].sort(), [...new Set(names(expected))].sort());
  });

  it('counts a school typed differently as one school', () => {
    const schools = layout.audiences.filter((audience) => audience.kind === 'school');
    assert.equal(schools.length, 2);
    const again = MEMBERS.at(-1)!;
    assert.equal(audienceDatabase(SPACE, { kind: 'school-moderators', school: again.school!, person: again.id }), audienceDatabase(SPACE, { kind: 'school-moderators', school: SCHOOLS[0], person: again.id }));
    const room = layout.rooms.find((each) => each.reader?.id === again.id)!;
    assert.ok(names(room.sources).includes(audienceDatabase(SPACE, { kind: 'school', school: SCHOOLS[0] })), 'she reads her school, however it is typed');
  });

  it('gives observers no room; staff, moderators and each school\'s moderators share one; each pupil has her own', () => {
    const observers = MEMBERS.filter(({ role }) => role === 'observer');
    const databases = names(layout.audiences);
    for (const { id } of observers) {
      assert.ok(!databases.includes(audienceDatabase(SPACE, { kind: 'person', person: id })), `no person database for ${id}`);
      assert.ok(!layout.rooms.some((room) => room.reader?.id === id), `no room for ${id}`);
    }
    const pupils = MEMBERS.filter(({ role }) => role === 'pupil');
    assert.deepEqual(
      layout.rooms.map(({ database }) => database),
      [
        staffRoom(SPACE),
        'twinkit-coasts$room-moderators',
        ...SCHOOLS.map((school) => roomDatabase(SPACE, { kind: 'school-moderators', school })),
        ...pupils.map(({ id }) => roomDatabase(SPACE, { kind: 'pupil', person: id })),
      ],
    );
    assert.deepEqual(
      layout.rooms.filter((room) => room.reader).map((room) => room.reader!.id),
      pupils.map(({ id }) => id),
    );
    const sourcesOf = (database: string) => layout.rooms.find((room) => room.database === database)!.sources;
    assert.deepEqual(sourcesOf(staffRoom(SPACE)), layout.audiences.filter((audience) => audience.kind !== 'space'));
    assert.deepEqual(sourcesOf('twinkit-coasts$room-moderators'), layout.audiences.filter((audience) => audience.kind === 'moderators'));
    for (const school of SCHOOLS) {
      const ofSchool = (audience: Audience) => (audience.kind === 'school' || audience.kind === 'school-moderators') && sameSchool(audience.school, school);
      assert.deepEqual(sourcesOf(roomDatabase(SPACE, { kind: 'school-moderators', school })), layout.audiences.filter(ofSchool));
    }
    for (const room of layout.rooms) assert.ok(!('password' in (room.reader ?? {})), 'a room does not carry a password');
    const rooms = layout.rooms.map(({ database }) => database);
    assert.equal(new Set([...rooms, ...databases]).size, rooms.length + databases.length, 'rooms and audiences never share a database');
  });

  it('makes the moderators\' rooms only while someone reads them: a room nobody reads would still cost replication jobs', () => {
    const rooms = (members: SpaceMember[]) => layoutOf(SPACE, members).rooms.map(({ database }) => database);
    const pupils = roomDatabase(SPACE, { kind: 'pupil', person: 'p' });
    assert.deepEqual(rooms([member('t', 'teacher', 'North'), member('p', 'pupil', 'North'), member('o', 'observer', 'South')]), [staffRoom(SPACE), pupils]);
    assert.deepEqual(rooms([member('m', 'moderator'), member('p', 'pupil', 'North')]), [staffRoom(SPACE), 'twinkit-coasts$room-moderators', pupils]);
    assert.deepEqual(rooms([member('m', 'moderator', ' north'), member('p', 'pupil', 'North')]), [staffRoom(SPACE), 'twinkit-coasts$room-moderators', 'twinkit-coasts$room-school-north-moderators', pupils]);
  });

  it('needs replication jobs in proportion to the members, not to moderators × members (the example of docs/couchdb.md)', () => {
    /** 200 pupils in 4 schools of 50, one teacher each; the first `moderators` pupils of each school moderate. */
    const space = (moderators: number) =>
      [0, 1, 2, 3].flatMap((s) => [member(`t${s}`, 'teacher', `School ${s}`), ...Array.from({ length: 50 }, (_, p) => member(`p${s}-${p}`, p < moderators ? 'moderator' : 'pupil', `School ${s}`))]);
    const counts = (moderators: number) => {
      const { audiences, rooms } = layoutOf(SPACE, space(moderators));
      const sources = (kind: string) => [...new Set(rooms.filter(({ room }) => room.kind === kind).map(({ sources }) => sources.length))];
      const jobs = rooms.reduce((sum, { sources }) => sum + sources.length, 0);
      return { databases: [audiences.length, rooms.length], staff: sources('staff'), pupil: sources('pupil'), moderators: sources('moderators'), school: sources('school-moderators'), jobs };
    };
    assert.deepEqual(counts(0), { databases: [623, 201], staff: [622], pupil: [4], moderators: [], school: [], jobs: 1422 });
    assert.deepEqual(counts(2), { databases: [623, 198], staff: [622], pupil: [4], moderators: [205], school: [53], jobs: 1807 });
  });

  it('refuses names that would share a database', () => {
    assert.throws(() => layoutOf(SPACE, [member('staff', 'pupil')]), /room of staff would share the database twinkit-coasts\$room-staff with the staff room/);
    // The moderators' rooms are kept free even while nobody moderates.
    assert.throws(() => layoutOf(SPACE, [member('moderators', 'pupil')]), /room of moderators would share the database twinkit-coasts\$room-moderators with the moderators' room/);
    assert.throws(
      () => layoutOf(SPACE, [member('a', 'moderator', 'North'), member('school-north-moderators', 'pupil')]),
      /room of school-north-moderators would share the database twinkit-coasts\$room-school-north-moderators with the room of the moderators of "North"/,
    );
    assert.throws(() => layoutOf(SPACE, [member('a', 'pupil', 'North'), member('school-north-moderators', 'pupil', 'South')]), /room of school-north-moderators would share/);
    assert.doesNotThrow(() => layoutOf(SPACE, [member('moderators', 'moderator', 'North'), member('school-north-moderators', 'moderator', 'North')]), 'a moderator has no room of their own');
    assert.throws(() => layoutOf(SPACE, [member('a', 'pupil', 'North'), member('b', 'pupil', 'North-moderators')]), /the school "North-moderators" .*would share the database/);
  });

  it('names each replication by its two databases, and reads it back', () => {
    const room = staffRoom(SPACE);
    const source = audienceDatabase(SPACE, { kind: 'school-moderators', school: SCHOOLS[1], person: 'Pupil Again' });
    const id = replicationId(source, room);
    assert.ok(!id.startsWith('_'));
    assert.deepEqual(parseReplicationId(id), { source, room });
    assert.equal(parseReplicationId('something-else'), undefined);
    const [start, end] = replicationIdRange(SPACE);
    assert.ok(start <= id && id < end);
    assert.ok(!(start <= replicationId(source, 'twinkit-coastal$room-staff') && replicationId(source, 'twinkit-coastal$room-staff') < end), 'not another space\'s');
  });
});

describe('members with schools', () => {
  it('reads a school, and says when it is not a name', () => {
    assert.deepEqual(parseMembers([{ id: 'p1', name: 'Kasia', role: 'pupil', school: 'Szkoła nr 5' }]), [{ id: 'p1', name: 'Kasia', role: 'pupil', school: 'Szkoła nr 5' }]);
    assert.throws(() => parseMembers([{ id: 'p1', name: 'Kasia', role: 'pupil', school: '' }]), /Member 1 \("p1"\): the school must be a non-empty string/);
    assert.throws(() => parseMembers([{ id: 'p1', name: 'Kasia', role: 'pupil', school: '   ' }]), /the school must be a non-empty string/);
    assert.throws(() => parseMembers([{ id: 'p1', name: 'Kasia', role: 'pupil', school: 5 }]), /the school must be a non-empty string/);
  });
});

describe('twinkit couchdb-setup --layout', () => {
  it('reads --layout and --replication-url, and names the mistake', () => {
    const base = ['--url', 'http://127.0.0.1:5984', '--space', 's'];
    assert.deepEqual(parseSetupArguments([...base, '--members', 'm.json', '--layout', 'audiences', '--replication-url', 'http://couch:5984']), {
      url: 'http://127.0.0.1:5984',
      space: 's',
      moderation: 'off',
      allowSignup: false,
      layout: 'audiences',
      replicationUrl: 'http://couch:5984',
      membersFile: 'm.json',
    });
    assert.equal((parseSetupArguments([...base, '--layout=space']) as { layout?: string }).layout, 'space');
    assert.equal((parseSetupArguments(base) as { layout?: string }).layout, undefined, 'the setup\'s default');
    assert.throws(() => parseSetupArguments([...base, '--layout', 'rooms']), /--layout must be one of space, audiences, not "rooms"/);
    assert.equal((parseSetupArguments([...base, '--layout', 'audiences']) as { membersFile?: string }).membersFile, undefined, 'the members the server has');
    assert.throws(() => parseSetupArguments([...base, '--layout', 'space', '--replication-url', 'http://couch:5984']), /--replication-url is for the audiences layout/);
  });
});
