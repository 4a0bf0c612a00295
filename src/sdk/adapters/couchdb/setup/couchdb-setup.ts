/**
 * Prepares a CouchDB server for one Twinkit space: its database, the design document (views and
 * the server's policy), the `_security` object, the members' user documents, the `_users` rules and
 * the size limits. Safe to run again: it changes only what differs, so it also updates a space to a
 * newer Twinkit or a new moderation mode.
 */
import type { ModerationMode, Role } from '../../../policy/roles.js';
import { databaseName, DESIGN_DOC_ID } from '../couch-names.js';
import { designDoc } from '../design/design-doc.js';
import { spaceSecurity, type SecurityObject } from '../design/security.js';
import { couchRequest, CouchSetupError, type CouchConnection, type CouchRequest } from './couch-request.js';
import { removeFormerMembers } from './former-members.js';
import { withSpaceRole, type SpaceMember } from './members.js';
import { protectUsers } from './protect-users.js';
import { findConfigPath } from './server-config.js';
import { setServerLimits } from './server-limits.js';

export interface CouchSpaceSetupOptions extends CouchConnection {
  space: string;
  /** Default `off`, as in the browser. The server refuses what this mode does not allow. */
  moderation?: ModerationMode;
  /**
   * The space's members, all of them: a user who has a role in the space and is not in the list
   * loses it. Leave out to change no one.
   */
  members?: SpaceMember[];
  /** Let anyone create a user (with no roles; an admin gives them). Server-wide; default false. */
  allowSignup?: boolean;
}

export type SetupAction = 'created' | 'updated' | 'unchanged';

export interface CouchSpaceSetupReport {
  database: string;
  databaseAction: 'created' | 'unchanged';
  designDocAction: SetupAction;
  securityAction: 'updated' | 'unchanged';
  /** Database admins found in `_security` and removed: only server admins manage a space. */
  removedAdmins: string[];
  users: { id: string; role: Role; action: SetupAction; passwordSet: boolean }[];
  /** Users who had a role in the space and are no longer in the members list. */
  removedMembers: string[];
  usersRulesAction: SetupAction;
  limitsAction: 'set' | 'unchanged';
  /** One line per step, for people. */
  summary: string[];
}

export async function setupCouchSpace(options: CouchSpaceSetupOptions): Promise<CouchSpaceSetupReport> {
  if (!options.space) throw new CouchSetupError('Name the space to set up.');
  const request = couchRequest(options);
  const moderation = options.moderation ?? 'off';
  await requireServerAdmin(request, options.url);

  const database = databaseName(options.space);
  const db = `/${encodeURIComponent(database)}`;
  const created = await request('PUT', db, { accept: [412] });
  const databaseAction = created.status === 412 ? 'unchanged' : 'created';
  const designDocAction = await putDesignDoc(request, db, options.space, moderation);
  const security = await putSecurity(request, db, spaceSecurity(options.space));
  const configPath = await findConfigPath(request);
  const usersRules = await protectUsers(request, { configPath, allowSignup: options.allowSignup === true });
  const limits = await setServerLimits(request, configPath);
  const users = [];
  let removedMembers: string[] = [];
  if (options.members) {
    for (const member of options.members) users.push(await putUser(request, options.space, member));
    removedMembers = await removeFormerMembers(request, options.space, new Set(options.members.map(({ id }) => id)));
  }

  const summary = [
    `Database ${database}: ${databaseAction === 'created' ? 'created' : 'already there'}.`,
    `Design document ${DESIGN_DOC_ID} (moderation: ${moderation}): ${designDocAction}.`,
    `Security: members are the space's roles (twinkit.${options.space}.<role>); ${security.action}.`,
    ...(security.removedAdmins.length ? [`Removed database admins ${security.removedAdmins.join(', ')}: only server admins manage a space.`] : []),
    ...users.map(({ id, role, action, passwordSet }) => `User ${id} (${role}): ${action}${passwordSet ? ', password set' : ''}.`),
    ...(removedMembers.length ? [`No longer members (their role in this space removed): ${removedMembers.join(', ')}.`] : []),
    usersRules.summary,
    limits.summary,
  ];
  return {
    database,
    databaseAction,
    designDocAction,
    securityAction: security.action,
    removedAdmins: security.removedAdmins,
    users,
    removedMembers,
    usersRulesAction: usersRules.action,
    limitsAction: limits.changed ? 'set' : 'unchanged',
    summary,
  };
}

async function requireServerAdmin(request: CouchRequest, url: string) {
  const { body } = await request<{ userCtx?: { name?: string | null; roles?: string[] } }>('GET', '/_session');
  const user = body?.userCtx;
  if (!user?.name && !user?.roles?.includes('_admin')) {
    throw new CouchSetupError(`No admin credentials reached ${url}. Give them with --admin name:password or COUCHDB_USER and COUCHDB_PASSWORD.`);
  }
  if (!user.roles?.includes('_admin')) {
    throw new CouchSetupError(`${user.name} signed in to ${url} but is not a server admin; setting up a space needs one.`);
  }
}

async function putDesignDoc(request: CouchRequest, db: string, space: string, moderation: ModerationMode): Promise<SetupAction> {
  const wanted = designDoc({ space, moderation });
  const path = `${db}/${DESIGN_DOC_ID}`;
  const existing = await request<Record<string, unknown> & { _rev?: string }>('GET', path, { accept: [404] });
  if (existing.status === 404) {
    await request('PUT', path, { body: wanted });
    return 'created';
  }
  const current = existing.body;
  const differs = (Object.keys(wanted) as (keyof typeof wanted)[]).some((key) => !sameJson(current[key], wanted[key]));
  if (!differs) return 'unchanged';
  // Fields others added to the design document (say, a filter) are kept.
  await request('PUT', path, { body: { ...current, ...wanted, _rev: current._rev } });
  return 'updated';
}

async function putSecurity(request: CouchRequest, db: string, wanted: SecurityObject) {
  const { body: current = {} } = await request<Partial<SecurityObject>>('GET', `${db}/_security`);
  // Members the server's admins added by hand (a replication account, say) are kept.
  const members = {
    names: union(current.members?.names, wanted.members.names),
    roles: union(current.members?.roles, wanted.members.roles),
  };
  const removedAdmins = [...(current.admins?.names ?? []), ...(current.admins?.roles ?? []).map((role) => `role ${role}`)];
  const next: SecurityObject = { admins: wanted.admins, members };
  if (sameJson(current, next)) return { action: 'unchanged' as const, removedAdmins };
  await request('PUT', `${db}/_security`, { body: next });
  return { action: 'updated' as const, removedAdmins };
}

interface UserDoc {
  _id: string;
  _rev?: string;
  name: string;
  type: 'user';
  roles: string[];
  displayName?: string;
  password?: string;
  [key: string]: unknown;
}

async function putUser(request: CouchRequest, space: string, member: SpaceMember) {
  const path = `/_users/${encodeURIComponent(`org.couchdb.user:${member.id}`)}`;
  const existing = await request<UserDoc>('GET', path, { accept: [404] });
  const current = existing.status === 404 ? undefined : existing.body;
  const roles = withSpaceRole(current?.roles ?? [], space, member.role);
  const passwordSet = member.password !== undefined;
  const report = { id: member.id, role: member.role, passwordSet };
  if (current && sameJson(current.roles, roles) && current.displayName === member.name && !passwordSet) return { ...report, action: 'unchanged' as const };
  // CouchDB hashes `password` itself and keeps the hash when a document comes back without one.
  const next: UserDoc = {
    ...current,
    _id: `org.couchdb.user:${member.id}`,
    name: member.id,
    type: 'user',
    roles,
    displayName: member.name,
    ...(passwordSet ? { password: member.password } : {}),
  };
  await request('PUT', path, { body: next });
  return { ...report, action: current ? ('updated' as const) : ('created' as const) };
}

function union(existing: readonly string[] | undefined, wanted: readonly string[]): string[] {
  return [...new Set([...(existing ?? []), ...wanted])];
}

/** JSON equality whatever the order of keys. */
function sameJson(a: unknown, b: unknown): boolean {
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
