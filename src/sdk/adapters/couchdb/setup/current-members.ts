/**
 * The members a space has on the server now, read back from the roles the setup gave in `_users`:
 * their role, and their school from its role (`twinkit.<space>.school.<school>`). Lets the setup
 * run again without the members file (to change moderation, or to update the rules) and keep one
 * database per audience as it is. A school comes back as the members file named it (kept in the
 * user document, `twinkitSchools`), else from the school's role as the setup compared it
 * (`schoolKey`: lowercase, spaces collapsed), which names the same databases.
 */
import { isStaff } from '../../../policy/roles.js';
import { memberFromRoles, schoolName } from '../audience-databases.js';
import type { CouchRequest } from './couch-request.js';
import type { SpaceMember } from './members.js';

/** On a user document: their school in each space, by space id. */
export const SCHOOLS_FIELD = 'twinkitSchools';

interface UserRow {
  doc?: { _id: string; name?: unknown; roles?: unknown; displayName?: unknown; [SCHOOLS_FIELD]?: unknown };
}

export async function currentMembers(request: CouchRequest, space: string): Promise<SpaceMember[]> {
  const { body } = await request<{ rows: UserRow[] }>('GET', '/_users/_all_docs?include_docs=true');
  return body.rows.flatMap(({ doc }) => {
    if (!doc || !doc._id.startsWith('org.couchdb.user:') || typeof doc.name !== 'string' || !Array.isArray(doc.roles)) return [];
    const member = memberFromRoles(space, doc.name, doc.roles.filter((role): role is string => typeof role === 'string'));
    if (!member) return [];
    // The school's spelling from the user document only where it names the school of their roles
    // (staff have none): the roles are what the server goes by, and a sign-up could plant the field.
    const spelt = (doc[SCHOOLS_FIELD] as Record<string, unknown> | undefined)?.[space];
    const school = typeof spelt === 'string' && (member.school === undefined ? isStaff(member.role) : schoolName(spelt) === schoolName(member.school)) ? spelt : member.school;
    return [{ ...member, name: typeof doc.displayName === 'string' ? doc.displayName : doc.name, ...(school === undefined ? {} : { school }) }];
  });
}
