/**
 * The members the setup command signs up: who they are, their role in the space (and their
 * school), and how their CouchDB roles change (this space's roles replaced; roles in other spaces
 * are kept).
 */
import { ROLES, type Role } from '../../../policy/roles.js';
import { spaceRole } from '../couch-names.js';
import { CouchSetupError } from './couch-request.js';

export interface SpaceMember {
  /** The Twinkit user id, which is the CouchDB user name. */
  id: string;
  /** Display name, kept in the user document for the people who run the server. */
  name: string;
  role: Role;
  /** Omit for members who sign in through a portal (session cookie or proxy authentication). */
  password?: string;
  /**
   * Their school, as the space's pages name it (`TwinUser.school`): with one database per
   * audience, it lets them into their school's databases. Compared as `schoolKey` does.
   */
  school?: string;
}

/** Checks a members list (e.g. from members.json) and says exactly which entry is wrong. */
export function parseMembers(value: unknown): SpaceMember[] {
  if (!Array.isArray(value)) throw new CouchSetupError('The members list must be a JSON array of { "id", "name", "role", "password"?, "school"? } objects.');
  const seen = new Set<string>();
  return value.map((item: unknown, index) => {
    const where = `Member ${index + 1}`;
    const entry = (item ?? {}) as Record<string, unknown>;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new CouchSetupError(`${where} is not an object with "id", "name" and "role".`);
    const { id, name, role, password, school } = entry;
    if (typeof id !== 'string' || !id) throw new CouchSetupError(`${where} has no "id" (the user's id, which is also their CouchDB user name).`);
    // CouchDB refuses user names starting with "_"; HTTP Basic authentication cannot carry a ":" in a name.
    if (id.startsWith('_') || id.includes(':')) throw new CouchSetupError(`${where}: the id "${id}" cannot be a CouchDB user name (no leading "_", no ":").`);
    if (seen.has(id)) throw new CouchSetupError(`${where}: the id "${id}" appears twice.`);
    seen.add(id);
    if (typeof name !== 'string' || !name.trim()) throw new CouchSetupError(`${where} ("${id}") has no "name".`);
    if (!ROLES.includes(role as Role)) throw new CouchSetupError(`${where} ("${id}"): the role must be one of ${ROLES.join(', ')}, not ${JSON.stringify(role)}.`);
    if (password !== undefined && (typeof password !== 'string' || !password)) throw new CouchSetupError(`${where} ("${id}"): the password must be a non-empty string, or left out.`);
    // A blank school would match nobody's (sameSchool): name one, or leave it out.
    if (school !== undefined && (typeof school !== 'string' || !school.trim())) throw new CouchSetupError(`${where} ("${id}"): the school must be a non-empty string, or left out.`);
    return {
      id,
      name,
      role: role as Role,
      ...(password === undefined ? {} : { password: password as string }),
      ...(school === undefined ? {} : { school: school as string }),
    };
  });
}

/**
 * Is `role` one of this space's CouchDB roles: `twinkit.<space>.<role>`, or a school's role
 * (`twinkit.<space>.school.<S>`, `twinkit.<space>.school-moderator.<S>`, see audience-databases.ts)?
 * A school's part is a safe name (no dots), so roles of a space whose id continues with a dot
 * (`twinkit.<space>.b.admin`) are not taken for this space's.
 */
export function isSpaceRole(role: string, space: string): boolean {
  if (ROLES.some((each) => role === spaceRole(space, each))) return true;
  const prefix = `twinkit.${space}.`;
  if (!role.startsWith(prefix)) return false;
  return /^school(-moderator)?\.[a-z0-9_+()-]+$/.test(role.slice(prefix.length));
}

/** The user's CouchDB roles with `wanted` as their roles in `space`; roles elsewhere are kept. */
export function withSpaceRoles(roles: readonly string[], space: string, wanted: readonly string[]): string[] {
  return [...roles.filter((existing) => !isSpaceRole(existing, space)), ...wanted];
}

