/**
 * What one database per audience needs for a space (audience-databases.ts): which audiences get a
 * database, which reading rooms there are, and which audience databases fill each room. Pure: the
 * setup (audience-layout-setup.ts) applies it to a server.
 *
 * - Audiences: the space, staff, moderators; per school a member names, the school and its
 *   moderators; per member who is not an observer, their own (person), moderators and them, and,
 *   with a school, their school's moderators and them. One database each (schools compare as
 *   `schoolKey` does, so `Liceo Galilei` and ` liceo  galilei` are one).
 * - Rooms: staff share one, filled from every audience but the space's; every pupil and
 *   moderator has their own, filled from exactly the audiences `audienceIncludes` lets them read
 *   (the space's aside: every device reads it directly). Observers read the space only.
 */
import { audienceIncludes, type Audience } from '../../../policy/audience.js';
import { schoolKey } from '../../../policy/read-rules.js';
import { isMember, isStaff, type Role } from '../../../policy/roles.js';
import { audienceDatabase, roomDatabase } from '../audience-databases.js';
import { databaseName } from '../couch-names.js';
import type { SpaceMember } from './members.js';

export interface LayoutRoom {
  database: string;
  /** Whose room; none for the staff room, which every teacher and admin reads. */
  reader?: SpaceMember;
  /** The audiences whose databases fill it, in the layout's order; never the space. */
  sources: Audience[];
}

export interface AudienceLayout {
  /** Every audience that gets a database, the space first; one per database name. */
  audiences: Audience[];
  /** The staff room first, then one per pupil and moderator, in the members' order. */
  rooms: LayoutRoom[];
}

/** The staff room's stand-in reader: `roomDatabase` names a room by its reader's role. */
const STAFF_READER = { id: '', role: 'teacher' as Role };

/** The staff room of `space`. */
export const staffRoom = (space: string) => roomDatabase(space, STAFF_READER)!;

/**
 * The databases and rooms of `space` for `members`. Throws when two different audiences (or a
 * room and an audience, or two rooms) would share a database name: a school named like another
 * school's moderators (`X-moderators`), a pupil whose id is `staff`.
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
  for (const { school } of members) {
    if (!hasSchool(school)) continue;
    add({ kind: 'school', school });
    add({ kind: 'school-moderators', school });
  }
  for (const member of members) {
    if (!isMember(member.role)) continue;
    add({ kind: 'person', person: member.id });
    add({ kind: 'moderators', person: member.id });
    if (hasSchool(member.school)) add({ kind: 'school-moderators', school: member.school, person: member.id });
  }
  const audiences = [...byName.values()].map(({ audience }) => audience);
  const readable = audiences.filter((audience) => audience.kind !== 'space');

  const rooms: LayoutRoom[] = [{ database: staffRoom(space), sources: readable }];
  for (const member of members) {
    if (isStaff(member.role) || !isMember(member.role)) continue;
    // The member as a room names them: no password.
    const { password: _password, ...reader } = member;
    rooms.push({ database: roomDatabase(space, member)!, reader, sources: readable.filter((audience) => audienceIncludes(audience, reader)) });
  }
  const taken = new Set<string>(byName.keys());
  for (const room of rooms) {
    if (taken.has(room.database)) {
      const whose = room.reader ? `the room of ${room.reader.id}` : 'the staff room';
      throw new Error(`${whose} would share the database ${room.database} with ${byName.has(room.database) ? describe(byName.get(room.database)!.audience) : 'another room'}: give the member another id.`);
    }
    taken.add(room.database);
  }
  return { audiences, rooms };
}

/** Is this database one of `space`'s (an audience's or a room)? By its name: `twinkit-<space>` or `twinkit-<space>$…`. */
export function isSpaceDatabase(space: string, database: string): boolean {
  const root = databaseName(space);
  return database === root || database.startsWith(`${root}$`);
}

/** Is this database one of `space`'s reading rooms? */
export function isRoomDatabase(space: string, database: string): boolean {
  return database.startsWith(`${databaseName(space)}$room-`);
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
