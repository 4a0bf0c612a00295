/**
 * The `_security` object of a space's database. Members (who may read and, as the design document
 * allows, write) are the space's five roles; no database admins, so only server admins change the
 * design document and this object.
 */
import { ROLES } from '../../../policy/roles.js';
import { spaceRole } from '../couch-names.js';

export interface SecurityObject {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

export function spaceSecurity(space: string): SecurityObject {
  return {
    admins: { names: [], roles: [] },
    members: { names: [], roles: ROLES.map((role) => spaceRole(space, role)) },
  };
}
