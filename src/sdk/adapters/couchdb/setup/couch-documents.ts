/**
 * Writing the setup's documents only where they differ: a design document, a database's
 * `_security`. Shared by the space's database and the audience layout's.
 */
import type { SecurityObject } from '../design/security.js';
import type { CouchRequest } from './couch-request.js';

export type SetupAction = 'created' | 'updated' | 'unchanged';

/** Puts `wanted` (a design document, by its `_id`) in the database at `db` (`/<encoded name>`) unless it is there as it is. */
export async function putDesign(request: CouchRequest, db: string, wanted: { _id: string } & object): Promise<SetupAction> {
  const path = `${db}/${wanted._id.split('/').map(encodeURIComponent).join('/')}`;
  const existing = await request<Record<string, unknown> & { _rev?: string }>('GET', path, { accept: [404] });
  if (existing.status === 404) {
    await request('PUT', path, { body: wanted });
    return 'created';
  }
  const current = existing.body;
  const differs = (Object.keys(wanted) as (keyof typeof wanted)[]).some((key) => !sameJson(current[key as string], wanted[key]));
  if (!differs) return 'unchanged';
  // Fields others added to the design document (say, a filter) are kept.
  await request('PUT', path, { body: { ...current, ...wanted, _rev: current._rev } });
  return 'updated';
}

/**
 * Puts `wanted` as the `_security` of `db`, keeping members the server's admins added by hand (a
 * replication account, say); database admins are removed (only server admins manage a space).
 * With `exact`, the members are exactly `wanted`'s.
 */
export async function putSecurity(request: CouchRequest, db: string, wanted: SecurityObject, { exact = false } = {}) {
  const { body: current = {} } = await request<Partial<SecurityObject>>('GET', `${db}/_security`);
  const members = exact
    ? wanted.members
    : {
        names: union(current.members?.names, wanted.members.names),
        roles: union(current.members?.roles, wanted.members.roles),
      };
  const removedAdmins = [...(current.admins?.names ?? []), ...(current.admins?.roles ?? []).map((role) => `role ${role}`)];
  const next: SecurityObject = { admins: wanted.admins, members };
  if (sameJson(current, next)) return { action: 'unchanged' as const, removedAdmins };
  await request('PUT', `${db}/_security`, { body: next });
  return { action: 'updated' as const, removedAdmins };
}

function union(existing: readonly string[] | undefined, wanted: readonly string[]): string[] {
  return [...new Set([...(existing ?? []), ...wanted])];
}

/** JSON equality whatever the order of keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, inner]) => inner !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
