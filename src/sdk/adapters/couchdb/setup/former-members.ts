/**
 * Takes every role in the space (the school's roles too) from users who are no longer in the
 * members list. Roles are read from `_users` on every request, so they lose access at once, an
 * open session included.
 */
import type { CouchRequest } from './couch-request.js';
import { isSpaceRole } from './members.js';

interface UserRow {
  id: string;
  doc?: { _id: string; _rev: string; name?: string; roles?: unknown; [key: string]: unknown };
}

export async function removeFormerMembers(request: CouchRequest, space: string, keep: ReadonlySet<string>): Promise<string[]> {
  const { body } = await request<{ rows: UserRow[] }>('GET', '/_users/_all_docs?include_docs=true');
  const removed: string[] = [];
  for (const { doc } of body.rows) {
    if (!doc || !doc._id.startsWith('org.couchdb.user:') || !Array.isArray(doc.roles) || keep.has(String(doc.name))) continue;
    const roles = doc.roles.filter((role) => typeof role !== 'string' || !isSpaceRole(role, space));
    if (roles.length === doc.roles.length) continue;
    await request('PUT', `/_users/${encodeURIComponent(doc._id)}`, { body: { ...doc, roles } });
    removed.push(String(doc.name));
  }
  return removed;
}
