/**
 * The reading rooms of a space kept in one database per audience (audience-databases.ts):
 * read-only databases that the server's `_replicator` fills from the audience databases, so that a
 * device follows a few feeds, not hundreds of databases. Readers who may read the same share a
 * room, which lets them in by role; only a pupil's room is one person's:
 *
 * | room | database | members | filled from |
 * |---|---|---|---|
 * | staff | `…$room-staff` | staff | every audience but the space |
 * | moderators | `…$room-moderators` | staff, moderators | moderators, and moderators + each member |
 * | school S's moderators | `…$room-school-<S>-moderators` | staff, S's moderators | school S, its moderators, and its moderators + each member of S |
 * | pupil P | `…$room-<P>` | P by name | exactly what P may read |
 *
 * A room per moderator would copy every member's moderators' databases once per moderator: the
 * server's replication jobs would grow as moderators × members. Shared, they grow with members.
 */
import { audienceIncludes, type Audience } from '../../../policy/audience.js';
import { schoolKey } from '../../../policy/read-rules.js';
import { canModerate, isMember, isStaff, type Role } from '../../../policy/roles.js';
import { audienceDatabase, safeName, schoolModeratorRole, schoolName } from '../audience-databases.js';
import { databaseName, spaceRole } from '../couch-names.js';
import type { SecurityObject } from '../design/security.js';

export type ReadingRoom = { kind: 'staff' } | { kind: 'moderators' } | { kind: 'school-moderators'; school: string } | { kind: 'pupil'; person: string; school?: string };

/** Whoever reads rooms: a member of the space, as their roles tell. */
export interface RoomReader {
  id: string;
  role: Role;
  school?: string;
}

export function roomDatabase(space: string, room: ReadingRoom): string {
  const prefix = `${databaseName(space)}$room-`;
  switch (room.kind) {
    case 'staff':
    case 'moderators':
      return `${prefix}${room.kind}`;
    case 'school-moderators':
      return `${prefix}school-${schoolName(room.school)}-moderators`;
    case 'pupil':
      return `${prefix}${safeName(room.person)}`;
  }
}

/** Is this database one of `space`'s reading rooms? */
export function isRoomDatabase(space: string, database: string): boolean {
  return database.startsWith(`${databaseName(space)}$room-`);
}

/** A moderator (not staff) reads the shared moderators' rooms, and their own database beside them. */
const moderatesOnly = (role: Role) => canModerate(role) && !isStaff(role);
const hasSchool = (school: string | undefined): school is string => schoolKey(school) !== '';

/** The rooms `reader` reads; observers read the space only. */
export function roomsOf(reader: RoomReader): ReadingRoom[] {
  if (isStaff(reader.role)) return [{ kind: 'staff' }];
  if (!isMember(reader.role)) return [];
  if (!moderatesOnly(reader.role)) return [{ kind: 'pupil', person: reader.id, ...(hasSchool(reader.school) ? { school: reader.school } : {}) }];
  return [{ kind: 'moderators' }, ...(hasSchool(reader.school) ? [{ kind: 'school-moderators' as const, school: reader.school }] : [])];
}

/**
 * The databases a device of `reader` follows: the space's, their rooms, and for a moderator their
 * own database (`person`), which no room they share may hold.
 */
export function feedsOf(space: string, reader: RoomReader): string[] {
  const own = moderatesOnly(reader.role) ? [audienceDatabase(space, { kind: 'person', person: reader.id })] : [];
  return [databaseName(space), ...roomsOf(reader).map((room) => roomDatabase(space, room)), ...own];
}

/**
 * Which of `audiences` fill `room` (never the space's, which every device reads directly). A shared
 * room holds what every one of its readers may read, whoever they are: it asks `audienceIncludes`
 * about a reader nobody is (no id), of the room's school.
 */
export function roomSources(room: ReadingRoom, audiences: readonly Audience[]): Audience[] {
  const readBy = (id: string, role: Role, school?: string) => audiences.filter((audience) => audience.kind !== 'space' && audienceIncludes(audience, { id, name: '', role, ...(school === undefined ? {} : { school }) }));
  switch (room.kind) {
    case 'staff':
      return readBy('', 'teacher');
    case 'moderators':
      return readBy('', 'moderator');
    case 'school-moderators': {
      // What the moderators' room does not hold already.
      const shared = new Set(readBy('', 'moderator'));
      return readBy('', 'moderator', room.school).filter((audience) => !shared.has(audience));
    }
    case 'pupil':
      return readBy(room.person, 'pupil', room.school);
  }
}

/** A room's members: a pupil by name; a shared room by the roles of those who share it. */
export function roomSecurity(space: string, room: ReadingRoom): SecurityObject {
  const staff = [spaceRole(space, 'admin'), spaceRole(space, 'teacher')];
  const members = (roles: string[], names: string[] = []) => ({ admins: { names: [], roles: [] }, members: { names, roles } });
  switch (room.kind) {
    case 'staff':
      return members(staff);
    case 'moderators':
      return members([...staff, spaceRole(space, 'moderator')]);
    case 'school-moderators':
      return members([...staff, schoolModeratorRole(space, room.school)]);
    case 'pupil':
      return members([], [room.person]);
  }
}
