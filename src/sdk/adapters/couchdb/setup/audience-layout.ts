/**
 * What one database per audience needs for a space (audience-databases.ts): which audiences get a
 * database, which reading rooms there are (audiences/reading-rooms.ts), and which audience
 * databases fill each room. Pure: the setup (audience-layout-setup.ts) applies it to a server.
 *
 * - Audiences: the space, staff, moderators; per school a member names, the school and its
 *   moderators; per member who is not an observer, their own (person), moderators and them, and,
 *   with a school, their school's moderators and them. One database each (schools compare as
 *   `schoolKey` does, so `Liceo Galilei` and ` liceo  galilei` are one).
 * - Rooms: the staff room; the moderators' room while the space has a moderator, and a school's
 *   moderators' room while the school has one (a room nobody reads would still cost the server a
 *   replication job per source); a room per pupil. Observers read the space only.
 */
import type { Audience } from '../../../policy/audience.js';
import { schoolKey } from '../../../policy/read-rules.js';
import { isMember } from '../../../policy/roles.js';
import { audienceDatabase } from '../audience-databases.js';
import { databaseName } from '../couch-names.js';
import { roomDatabase, roomsOf, roomSources, type ReadingRoom } from '../audiences/reading-rooms.js';
import type { SpaceMember } from './members.js';

export interface LayoutRoom {
  database: string;
  room: ReadingRoom;
  /** The pupil whose room it is; none for a shared room, read by role. */
  reader?: SpaceMember;
  /** The audiences whose databases fill it, in the layout's order; never the space. */
  sources: Audience[];
}

export interface AudienceLayout {
  /** Every audience that gets a database, the space first; one per database name. */
  audiences: Audience[];
  /** The staff room first, then the moderators' rooms, then one per pupil, in the members' order. */
  rooms: LayoutRoom[];
}

/** The staff room of `space`. */
export const staffRoom = (space: string) => roomDatabase(space, { kind: 'staff' });

/**
 * The databases and rooms of `space` for `members`. Throws when two different audiences (or a
 * room and an audience, or two rooms) would share a database name: a school named like another
 * school's moderators (`X-moderators`), a pupil whose id is `staff` or `moderators`. The
 * moderators' rooms count even while nobody reads them, so that a new moderator never clashes.
 */
export function layoutOf(space: string, members: readonly SpaceMember[]): AudienceLayout {
  const byName = new Map<string, { audience: Audience; key: string }>();
  const add = (audience: Audience) => {
    const database = audienceDatabase(space, audience);
    const key = audienceKey(audience);
    const found = byName.get(database);
    if (found && found.key !== key) throw new Error(`${describe(found.audience)} and ${describe(audience)} would share the database ${database}: rename one.`);
    if (!found) byName.set(database, { audience, key });
  };
  add({ kind: 'space' });
  add({ kind: 'staff' });
  add({ kind: 'moderators' });
  const schools = new Map<string, string>();
  for (const { school } of members) {
    if (!hasSchool(school)) continue;
    add({ kind: 'school', school });
    add({ kind: 'school-moderators', school });
    if (!schools.has(schoolKey(school))) schools.set(schoolKey(school), school);
  }
  for (const member of members) {
    if (!isMember(member.role)) continue;
    add({ kind: 'person', person: member.id });
    add({ kind: 'moderators', person: member.id });
    if (hasSchool(member.school)) add({ kind: 'school-moderators', school: member.school, person: member.id });
  }
  const audiences = [...byName.values()].map(({ audience }) => audience);

  // Shared rooms nobody reads yet count too (see above).
  const shared: ReadingRoom[] = [{ kind: 'staff' }, { kind: 'moderators' }, ...[...schools.values()].map((school): ReadingRoom => ({ kind: 'school-moderators', school }))];
  const pupils = members.flatMap((member) => roomsOf(member).flatMap((room) => (room.kind === 'pupil' ? [{ room, member }] : [])));
  const taken = new Map<string, { key: string; what: string }>([...byName].map(([database, { audience, key }]) => [database, { key, what: describe(audience) }]));
  for (const room of [...shared, ...pupils.map(({ room }) => room)]) {
    const database = roomDatabase(space, room);
    const found = taken.get(database);
    if (found && found.key !== roomKey(room)) throw new Error(`${describeRoom(room)} would share the database ${database} with ${found.what}: give the member another id, or rename the school.`);
    taken.set(database, { key: roomKey(room), what: describeRoom(room) });
  }

  const read = new Set(members.flatMap((member) => roomsOf(member).map((room) => roomDatabase(space, room))));
  const layoutRoom = (room: ReadingRoom, reader?: SpaceMember): LayoutRoom => ({ database: roomDatabase(space, room), room, ...(reader ? { reader } : {}), sources: roomSources(room, audiences) });
  const rooms = [
    ...shared.filter((room) => room.kind === 'staff' || read.has(roomDatabase(space, room))).map((room) => layoutRoom(room)),
    // The member as a room names them: no password.
    ...pupils.map(({ room, member: { password: _password, ...reader } }) => layoutRoom(room, reader)),
  ];
  return { audiences, rooms };
}

/** Is this database one of `space`'s (an audience's or a room)? By its name: `twinkit-<space>` or `twinkit-<space>$…`. */
export function isSpaceDatabase(space: string, database: string): boolean {
  const root = databaseName(space);
  return database === root || database.startsWith(`${root}$`);
}

const hasSchool = (school: string | undefined): school is string => schoolKey(school) !== '';

/** What an audience means, schools compared as the store compares them. */
function audienceKey(audience: Audience): string {
  const school = 'school' in audience ? schoolKey(audience.school) : undefined;
  const person = 'person' in audience ? audience.person : undefined;
  return JSON.stringify([audience.kind, school ?? null, person ?? null]);
}

function describe(audience: Audience): string {
  switch (audience.kind) {
    case 'space':
    case 'staff':
      return `the ${audience.kind}`;
    case 'school':
      return `the school "${audience.school}"`;
    case 'moderators':
      return audience.person === undefined ? 'the moderators' : `the moderators and ${audience.person}`;
    case 'school-moderators':
      return `the moderators of "${audience.school}"${audience.person === undefined ? '' : ` and ${audience.person}`}`;
    case 'person':
      return `${audience.person} alone`;
  }
}

/** What a room is for, schools compared as the store compares them. */
const roomKey = (room: ReadingRoom) => JSON.stringify(['room', room.kind, room.kind === 'school-moderators' ? schoolKey(room.school) : null, room.kind === 'pupil' ? room.person : null]);

function describeRoom(room: ReadingRoom): string {
  switch (room.kind) {
    case 'staff':
      return 'the staff room';
    case 'moderators':
      return "the moderators' room";
    case 'school-moderators':
      return `the room of the moderators of "${room.school}"`;
    case 'pupil':
      return `the room of ${room.person}`;
  }
}

const REPLICATION_PREFIX = 'twinkit-room:';
const FROM = ':from:';

/**
 * The id of the `_replicator` document that fills `room` from `source`: the same for the same
 * two databases on every run. Database names hold no `:` (only `a-z0-9_$()+-/`), so it reads back
 * unambiguously, and it does not begin with `_`.
 */
export function replicationId(source: string, room: string): string {
  return `${REPLICATION_PREFIX}${room}${FROM}${source}`;
}

/** The two databases of a `replicationId`, or undefined for another document. */
export function parseReplicationId(id: string): { source: string; room: string } | undefined {
  if (!id.startsWith(REPLICATION_PREFIX)) return undefined;
  const rest = id.slice(REPLICATION_PREFIX.length);
  const at = rest.indexOf(FROM);
  if (at <= 0 || at + FROM.length >= rest.length) return undefined;
  return { room: rest.slice(0, at), source: rest.slice(at + FROM.length) };
}

/** The first and last possible `replicationId` of a room of `space`, for `_all_docs?startkey=…&endkey=…`. */
export function replicationIdRange(space: string): [string, string] {
  const start = `${REPLICATION_PREFIX}${databaseName(space)}$room-`;
  return [start, `${start}\ufff0`];
}
