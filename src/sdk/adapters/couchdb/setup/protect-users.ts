/**
 * Installs the `_users` rules (a user changes only their password; sign-up closed unless asked).
 * Server-wide: the last setup run decides whether sign-up is open.
 */
import { USERS_DESIGN_DOC_ID, usersDesignDoc } from '../design/users-design-doc.js';
import type { CouchRequest } from './couch-request.js';

export interface UsersProtection {
  action: 'created' | 'updated' | 'unchanged';
  summary: string;
}

export async function protectUsers(request: CouchRequest, options: { configPath: string; allowSignup: boolean }): Promise<UsersProtection> {
  // A CouchDB 3 server set up by hand may not have the users database yet.
  await request('PUT', '/_users', { accept: [412] });
  // pouchdb-server counts every user as `_admin` on their own user document: trust its admins by name.
  const adminNames = options.configPath === '/_config' ? Object.keys((await request<Record<string, string>>('GET', '/_config/admins')).body ?? {}).sort() : undefined;
  const wanted = usersDesignDoc({ allowSignup: options.allowSignup, ...(adminNames ? { adminNames } : {}) });
  const path = `/_users/${USERS_DESIGN_DOC_ID}`;
  const existing = await request<Record<string, unknown> & { _rev?: string }>('GET', path, { accept: [404] });
  const current = existing.status === 404 ? undefined : existing.body;
  const signup = options.allowSignup ? 'open (new users have no roles)' : 'closed';
  let action: UsersProtection['action'] = 'unchanged';
  if (!current || current.validate_doc_update !== wanted.validate_doc_update || current.language !== wanted.language) {
    await request('PUT', path, { body: current ? { ...current, ...wanted, _rev: current._rev } : wanted });
    action = current ? 'updated' : 'created';
  }
  return { action, summary: `Users: each changes only their own password; sign-up ${signup} (${USERS_DESIGN_DOC_ID}: ${action}).` };
}
