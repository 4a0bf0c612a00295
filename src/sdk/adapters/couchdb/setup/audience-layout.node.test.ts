import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { audienceIncludes, type Audience } from '../../../policy/audience.js';
import { ROLES, type Role } from '../../../policy/roles.js';
import { audienceDatabase, roomDatabase } from '../audience-databases.js';
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

  it('gives observers no database of their own and no room; staff share one room', () => {
    const observers = MEMBERS.filter(({ role }) => role === 'observer');
    const databases = names(layout.audiences);
    for (const { id } of observers) {
      assert.ok(!databases.includes(audienceDatabase(SPACE, { kind: 'person', person: id })), `no person database for ${id}`);
      assert.ok(!layout.rooms.some((room) => room.reader?.id === id), `no room for ${id}`);
    }
    const staffRooms = layout.rooms.filter((room) => !room.reader);
    assert.equal(staffRooms.length, 1);
    assert.equal(staffRooms[0].database, staffRoom(SPACE));
    assert.equal(staffRooms[0].database, roomDatabase(SPACE, { id: 'teacher-0', role: 'teacher' }));
    assert.deepEqual(staffRooms[0].sources, layout.audiences.filter((audience) => audience.kind !== 'space'));
    const own = MEMBERS.filter(({ role }) => role === 'pupil' || role === 'moderator');
    assert.deepEqual(
      layout.rooms.filter((room) => room.reader).map((room) => room.reader!.id),
      own.map(({ id }) => id),
    );
    for (const room of layout.rooms) assert.ok(!('password' in (room.reader ?? {})), 'a room does not carry a password');
    const rooms = layout.rooms.map(({ database }) => database);
    assert.equal(new Set([...rooms, ...databases]).size, rooms.length + databases.length, 'rooms and audiences never share a database');
  });

  it('fills each reader\'s room with exactly the audiences they may read (the space aside)', () => {
    const wrong: string[] = [];
    for (const reader of MEMBERS) {
      const room = layout.rooms.find((each) => each.database === roomDatabase(SPACE, reader));
      for (const audience of layout.audiences) {
        const reads = audience.kind === 'space' || (room !== undefined && names(room.sources).includes(audienceDatabase(SPACE, audience)));
        // Observers have no room: the space is all they read.
        const may = reader.role === 'observer' ? audience.kind === 'space' : audienceIncludes(audience, reader);
        if (reads !== may) wrong.push(`${reader.id} ${JSON.stringify(audience)}: reads ${reads}, may ${may}`);
        if (reader.role === 'observer' && audienceIncludes(audience, reader) !== (audience.kind === 'space')) wrong.push(`${reader.id} would read ${JSON.stringify(audience)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('holds for members drawn at random too', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const schools = ['North', 'north ', 'South', 'East'];
    for (let round = 0; round < 50; round++) {
      const members = Array.from({ length: 1 + random(12) }, (_, i) => {
        const school = random(5);
        return member(`m${i}`, ROLES[random(ROLES.length)], school === 4 ? undefined : schools[school]);
      });
      const { audiences, rooms } = layoutOf(SPACE, members);
      const databases = names(audiences);
      assert.equal(new Set(databases).size, databases.length);
      for (const reader of members) {
        const room = rooms.find((each) => each.database === roomDatabase(SPACE, reader));
        assert.equal(room === undefined, reader.role === 'observer');
        for (const audience of audiences) {
          if (audience.kind === 'space' || !room) continue;
          assert.equal(names(room.sources).includes(audienceDatabase(SPACE, audience)), audienceIncludes(audience, reader), `${JSON.stringify(reader)} ${JSON.stringify(audience)}`);
        }
      }
    }
  });

  it('refuses names that would share a database', () => {
    assert.throws(() => layoutOf(SPACE, [member('staff', 'pupil')]), /room of staff would share the database twinkit-coasts\$room-staff/);
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
    assert.throws(() => parseSetupArguments([...base, '--layout', 'audiences']), /--layout audiences needs --members/);
    assert.throws(() => parseSetupArguments([...base, '--replication-url', 'http://couch:5984']), /--replication-url is for --layout audiences/);
  });
});
