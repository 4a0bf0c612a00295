/**
 * The members the setup command signs up: who they are, their role in the space, and how their
 * CouchDB roles change (one role for this space; roles in other spaces are kept).
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
}

/** Checks a members list (e.g. from members.json) and says exactly which entry is wrong. */
export function parseMembers(value: unknown): SpaceMember[] {
  if (!Array.isArray(value)) throw new CouchSetupError('The members list must be a JSON array of { "id", "name", "role", "password" } objects.');
  const seen = new Set<string>();
  return value.map((item: unknown, index) => {
    const where = `Member ${index + 1}`;
    const entry = (item ?? {}) as Record<string, unknown>;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new CouchSetupError(`${where} is not an object with "id", "name" and "role".`);
    const { id, name, role, password } = entry;
    if (typeof id !== 'string' || !id) throw new CouchSetupError(`${where} has no "id" (the user's id, which is also their CouchDB user name).`);
    // CouchDB refuses user names starting with "_"; HTTP Basic authentication cannot carry a ":" in a name.
    if (id.startsWith('_') || id.includes(':')) throw new CouchSetupError(`${where}: the id "${id}" cannot be a CouchDB user name (no leading "_", no ":").`);
    if (seen.has(id)) throw new CouchSetupError(`${where}: the id "${id}" appears twice.`);
    seen.add(id);
    if (typeof name !== 'string' || !name.trim()) throw new CouchSetupError(`${where} ("${id}") has no "name".`);
    if (!ROLES.includes(role as Role)) throw new CouchSetupError(`${where} ("${id}"): the role must be one of ${ROLES.join(', ')}, not ${JSON.stringify(role)}.`);
    if (password !== undefined && (typeof password !== 'string' || !password)) throw new CouchSetupError(`${where} ("${id}"): the password must be a non-empty string, or left out.`);
    return password === undefined ? { id, name, role: role as Role } : { id, name, role: role as Role, password };
  });
}

/** The user's CouchDB roles with `role` as their one role in `space`; roles elsewhere are kept. */
export function withSpaceRole(roles: readonly string[], space: string, role: Role): string[] {
  const thisSpace = new Set(ROLES.map((each) => spaceRole(space, each)));
  return [...roles.filter((existing) => !thisSpace.has(existing)), spaceRole(space, role)];
}
