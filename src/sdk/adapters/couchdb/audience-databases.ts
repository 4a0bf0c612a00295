/**
 * One CouchDB database per audience (see policy/audience.ts): a record is held only where every
 * member of the database may read it, so a member's HTTP reads (`_all_docs`, `_changes`, `_find`,
 * views, files) can hold no more than the store delivers to them. CouchDB's own means do the
 * guarding: each database's `_security` names its members by role or by user name.
 *
 * | audience | database | members |
 * |---|---|---|
 * | space | `twinkit-<space>` | the space's five roles |
 * | school S | `…$school-<S>` | staff, and the role `twinkit.<space>.school.<S>` of S's members (not observers) |
 * | moderators (+ P) | `…$moderators[-<P>]` | staff, moderators, and P by name |
 * | school-moderators S (+ P) | `…$school-<S>-moderators[-<P>]` | staff, the role `twinkit.<space>.school-moderator.<S>`, and P by name while a member of S |
 * | person P | `…$person-<P>` | staff, and P by name |
 * | staff | `…$staff` | staff |
 *
 * Names are made safe for CouchDB, which takes only lowercase letters, digits and `_$()+-/`: every
 * other character, capitals included, becomes `(<hex code>)`, so two ids never share a database.
 * A device follows the space's database and reading rooms the server fills from the others
 * (audiences/reading-rooms.ts).
 */
import type { Audience } from '../../policy/audience.js';
import { sameSchool, schoolKey } from '../../policy/read-rules.js';
import { canModerate, isMember, isStaff, ROLES, type Role } from '../../policy/roles.js';
import { databaseName, spaceRole } from './couch-names.js';
import { spaceSecurity, type SecurityObject } from './design/security.js';

/** A person's part in a space, as the setup knows it. */
export interface AudienceMember {
  /** The Twinkit user id, which is the CouchDB user name. */
  id: string;
  role: Role;
  school?: string;
}

/** A name part CouchDB accepts, one-to-one: `Anna Nowak` gives `(41)nna(20)(4e)owak`. */
export function safeName(value: string): string {
  return [...value.normalize('NFC')].map((char) => (/^[a-z0-9_+-]$/.test(char) ? char : `(${char.codePointAt(0)!.toString(16)})`)).join('');
}

/** A school as the store compares it (`schoolKey`: trimmed, spaces collapsed, case ignored), made safe. */
export const schoolName = (school: string) => safeName(schoolKey(school));

/** The database that holds the records of `audience` in `space`. */
export function audienceDatabase(space: string, audience: Audience): string {
  const root = databaseName(space);
  const person = (id: string | undefined) => (id === undefined ? '' : `-${safeName(id)}`);
  switch (audience.kind) {
    case 'space':
      return root;
    case 'school':
      return `${root}$school-${schoolName(audience.school)}`;
    case 'moderators':
      return `${root}$moderators${person(audience.person)}`;
    case 'school-moderators':
      return `${root}$school-${schoolName(audience.school)}-moderators${person(audience.person)}`;
    case 'person':
      return `${root}$person-${safeName(audience.person)}`;
    case 'staff':
      return `${root}$staff`;
  }
}

/** The CouchDB role of a school's members (observers excepted) in a space. */
export const schoolRole = (space: string, school: string) => `twinkit.${space}.school.${schoolName(school)}`;
/** The CouchDB role of a school's moderators in a space. */
export const schoolModeratorRole = (space: string, school: string) => `twinkit.${space}.school-moderator.${schoolName(school)}`;

/**
 * A member's CouchDB roles in a space: their role, and, with a school, the roles that let them
 * into their school's databases.
 */
export function memberRoles(space: string, member: AudienceMember): string[] {
  const roles = [spaceRole(space, member.role)];
  const school = member.school?.trim();
  if (school && isMember(member.role) && !isStaff(member.role)) {
    roles.push(schoolRole(space, school));
    if (canModerate(member.role)) roles.push(schoolModeratorRole(space, school));
  }
  return roles;
}

/**
 * The `_security` of an audience's database. `members` is the space's member list: a person named
 * in a school's moderators' database is a member of it only while they belong to that school.
 */
export function audienceSecurity(space: string, audience: Audience, members: readonly AudienceMember[] = []): SecurityObject {
  if (audience.kind === 'space') return spaceSecurity(space);
  const staff = [spaceRole(space, 'admin'), spaceRole(space, 'teacher')];
  const of = (roles: string[], names: (string | undefined)[] = []): SecurityObject => ({
    admins: { names: [], roles: [] },
    members: { names: names.filter((name): name is string => !!name), roles: [...staff, ...roles] },
  });
  switch (audience.kind) {
    case 'school':
      return of([schoolRole(space, audience.school)]);
    case 'moderators':
      return of([spaceRole(space, 'moderator')], [audience.person]);
    case 'school-moderators': {
      const inSchool = members.some((member) => member.id === audience.person && isMember(member.role) && sameSchool(member.school, audience.school));
      return of([schoolModeratorRole(space, audience.school)], [inSchool ? audience.person : undefined]);
    }
    case 'person':
      return of([], [audience.person]);
    case 'staff':
      return of([]);
  }
}

/** Undoes `safeName`: `(41)nna` is `Anna`. */
export const unsafeName = (safe: string) => safe.replace(/\(([0-9a-f]+)\)/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));

/** A user's part in `space` from their CouchDB roles (the inverse of `memberRoles`), or undefined when they have none there. */
export function memberFromRoles(space: string, name: string, roles: readonly string[]): AudienceMember | undefined {
  const role = ROLES.find((each) => roles.includes(spaceRole(space, each)));
  if (!role) return undefined;
  const schoolPrefix = `twinkit.${space}.school.`;
  const schoolRole = roles.find((each) => each.startsWith(schoolPrefix));
  return { id: name, role, ...(schoolRole ? { school: unsafeName(schoolRole.slice(schoolPrefix.length)) } : {}) };
}
