/**
 * Prepares a CouchDB server for one Twinkit space: its database, the design document (views and
 * the server's policy), the `_security` object, the members' user documents, the `_users` rules and
 * the size limits. Safe to run again: it changes only what differs, so it also updates a space to a
 * newer Twinkit or a new moderation mode.
 *
 * With `layout: 'audiences'` (the default), also one database per audience and each reader's
 * reading room, filled by the server's `_replicator` (audience-layout.ts, audience-layout-setup.ts);
 * members then get their school's roles as well (`memberRoles`). Run again without the members, it
 * keeps them as `_users` has them (current-members.ts).
 */
import type { ModerationMode, Role } from '../../../policy/roles.js';
import { memberRoles } from '../audience-databases.js';
import { databaseName, DESIGN_DOC_ID, LAYOUT_FIELD, spaceRole } from '../couch-names.js';
import { designDoc } from '../design/design-doc.js';
import { spaceSecurity } from '../design/security.js';
import { setupAudienceLayout, type AudienceLayoutReport } from './audience-layout-setup.js';
import { moveIntoAudiences, type MoveReport } from './move-into-audiences.js';
import { putDesign, putSecurity, sameJson, type SetupAction } from './couch-documents.js';
import { basicAuth, couchRequest, CouchSetupError, serverAddress, type CouchConnection, type CouchRequest } from './couch-request.js';
import { compactDatabase } from './compact.js';
import { currentMembers, SCHOOLS_FIELD } from './current-members.js';
import { removeFormerMembers } from './former-members.js';
import { withSpaceRoles, type SpaceMember } from './members.js';
import { protectUsers } from './protect-users.js';
import { findConfigPath } from './server-config.js';
import { setServerLimits } from './server-limits.js';

export type { SetupAction } from './couch-documents.js';

/**
 * `space`: one database for the space (every member reads all of it over HTTP; the store keeps
 * read rules). `audiences`: one database per audience, and reading rooms (see audience-databases.ts).
 */
export type CouchLayout = 'space' | 'audiences';

export interface CouchSpaceSetupOptions extends CouchConnection {
  space: string;
  /** Default `off`, as in the browser. The server refuses what this mode does not allow. */
  moderation?: ModerationMode;
  /**
   * The space's members, all of them: a user who has a role in the space and is not in the list
   * loses it. Leave out to change no one: the `audiences` layout then takes them from `_users`,
   * except when it moves a space out of one database (their schools are needed).
   */
  members?: SpaceMember[];
  /** Let anyone create a user (with no roles; an admin gives them). Server-wide; default false. */
  allowSignup?: boolean;
  /** Default `audiences`. */
  layout?: CouchLayout;
  /**
   * With the `audiences` layout: the server's address as the server itself reaches it, for its
   * `_replicator` (say `http://127.0.0.1:5984` behind a proxy). Default `url`.
   */
  replicationUrl?: string;
}

export interface CouchSpaceSetupReport {
  database: string;
  layout: CouchLayout;
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
  /** With the `audiences` layout: its databases, rooms and replications. */
  audiences?: AudienceLayoutReport;
  /** With the `audiences` layout: records and files moved out of the space's database into their audiences'. */
  moved?: MoveReport;
  /** One line per step, for people. */
  summary: string[];
}

export async function setupCouchSpace(options: CouchSpaceSetupOptions): Promise<CouchSpaceSetupReport> {
  if (!options.space) throw new CouchSetupError('Name the space to set up.');
  const layout = options.layout ?? 'audiences';
  if (layout !== 'space' && layout !== 'audiences') throw new CouchSetupError(`The layout must be space or audiences, not ${JSON.stringify(layout)}.`);
  const request = couchRequest(options);
  const moderation = options.moderation ?? 'off';
  const replication = layout === 'audiences' ? replicationAccess(options) : undefined;
  await requireServerAdmin(request, options.url);

  const database = databaseName(options.space);
  const db = `/${encodeURIComponent(database)}`;
  const before = await layoutOnServer(request, db);
  if (layout === 'audiences' && !options.members && before === 'space') {
    throw new CouchSetupError(
      `The space ${options.space} is kept in one database on ${options.url}. To move it into one database per audience, give the members and their schools (--members); to keep it as it is, --layout space.`,
    );
  }
  if (layout === 'space' && before === 'audiences') {
    // Devices would send everything back to the space's database, where every member reads it.
    throw new CouchSetupError(`The space ${options.space} has one database per audience on ${options.url}; it cannot go back to one database, where every member would read every record.`);
  }
  const created = await request('PUT', db, { accept: [412] });
  const databaseAction = created.status === 412 ? 'unchanged' : 'created';
  const designDocAction = await putDesign(request, db, designDoc({ space: options.space, moderation, ...(layout === 'audiences' ? { audience: { kind: 'space' } } : {}) }));
  const security = await putSecurity(request, db, spaceSecurity(options.space));
  const configPath = await findConfigPath(request);
  const usersRules = await protectUsers(request, { configPath, allowSignup: options.allowSignup === true });
  const limits = await setServerLimits(request, configPath);
  const users = [];
  let removedMembers: string[] = [];
  if (options.members) {
    // Roles first: whoever no longer reads a database stops at once, before the rooms change.
    for (const member of options.members) {
      const roles = layout === 'audiences' ? memberRoles(options.space, member) : [spaceRole(options.space, member.role)];
      users.push(await putUser(request, options.space, member, roles));
    }
    removedMembers = await removeFormerMembers(request, options.space, new Set(options.members.map(({ id }) => id)));
  }
  const layoutMembers = replication ? (options.members ?? (await currentMembers(request, options.space))) : [];
  const audiences = replication ? await setupAudienceLayout(request, { space: options.space, moderation, members: layoutMembers, ...replication }) : undefined;
  // Records kept in the space's database before it had one database per audience go to theirs.
  const moved = audiences ? await moveIntoAudiences(request, { space: options.space, moderation, members: layoutMembers }) : undefined;
  // Earlier versions of what moved out stay readable by revision (`?rev=`) until the space's
  // database is compacted: done on every run, so a move an earlier run left uncompacted is too.
  const compaction = audiences ? await compactDatabase(request, db) : undefined;

  const summary = [
    `Database ${database}: ${databaseAction === 'created' ? 'created' : 'already there'}.`,
    `Design document ${DESIGN_DOC_ID} (moderation: ${moderation}): ${designDocAction}.`,
    `Security: members are the space's roles (twinkit.${options.space}.<role>); ${security.action}.`,
    ...(security.removedAdmins.length ? [`Removed database admins ${security.removedAdmins.join(', ')}: only server admins manage a space.`] : []),
    ...users.map(({ id, role, school, action, passwordSet }) => `User ${id} (${role}${school && layout === 'audiences' ? `, ${school}` : ''}): ${action}${passwordSet ? ', password set' : ''}.`),
    ...(removedMembers.length ? [`No longer members (their roles in this space removed): ${removedMembers.join(', ')}.`] : []),
    usersRules.summary,
    limits.summary,
    ...(audiences?.summary ?? []),
    ...(moved && (moved.records || moved.files) ? [`Moved out of ${database} into their audiences' databases: ${moved.records} record(s), ${moved.files} file(s).`] : []),
    ...(compaction ? [`Compaction of ${database}: ${compaction === 'done' ? 'done, earlier versions of moved records gone' : 'still running'}.`] : []),
  ];
  return {
    database,
    layout,
    databaseAction,
    designDocAction,
    securityAction: security.action,
    removedAdmins: security.removedAdmins,
    users: users.map(({ school: _school, ...user }) => user),
    removedMembers,
    usersRulesAction: usersRules.action,
    limitsAction: limits.changed ? 'set' : 'unchanged',
    ...(audiences ? { audiences } : {}),
    ...(moved ? { moved } : {}),
    summary,
  };
}

/**
 * What the server's `_replicator` needs for the `audiences` layout, checked before anything
 * changes: the members, the server's own address, and a server admin's credentials to send.
 */
function replicationAccess(options: CouchSpaceSetupOptions): { replicationUrl: string; authorization: string } {
  const given = Object.entries(options.adminHeaders ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  const authorization = options.admin ? basicAuth(options.admin.name, options.admin.password) : given;
  if (!authorization) {
    throw new CouchSetupError("The audiences layout needs a server admin's name and password (--admin, or COUCHDB_USER and COUCHDB_PASSWORD): the server's replicator signs in with them to fill the reading rooms.");
  }
  return { replicationUrl: serverAddress(options.replicationUrl ?? options.url), authorization };
}

/** How an existing space is kept: `space` for one set up before the design document said (or by hand), none for a new one. */
async function layoutOnServer(request: CouchRequest, db: string): Promise<CouchLayout | undefined> {
  const info = await request('GET', db, { accept: [404] });
  if (info.status === 404) return undefined;
  const design = await request<Record<string, unknown>>('GET', `${db}/${DESIGN_DOC_ID}`, { accept: [404] });
  return design.status !== 404 && design.body?.[LAYOUT_FIELD] === 'audiences' ? 'audiences' : 'space';
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

async function putUser(request: CouchRequest, space: string, member: SpaceMember, spaceRoles: string[]) {
  const path = `/_users/${encodeURIComponent(`org.couchdb.user:${member.id}`)}`;
  const existing = await request<UserDoc>('GET', path, { accept: [404] });
  const current = existing.status === 404 ? undefined : existing.body;
  const roles = withSpaceRoles(current?.roles ?? [], space, spaceRoles);
  const schools = withSchool(current?.[SCHOOLS_FIELD], space, member.school);
  const passwordSet = member.password !== undefined;
  const report = { id: member.id, role: member.role, school: member.school, passwordSet };
  const same = current && sameJson(current.roles, roles) && current.displayName === member.name && sameJson(current[SCHOOLS_FIELD] ?? {}, schools);
  if (same && !passwordSet) return { ...report, action: 'unchanged' as const };
  // CouchDB hashes `password` itself and keeps the hash when a document comes back without one.
  const next: UserDoc = {
    ...current,
    _id: `org.couchdb.user:${member.id}`,
    name: member.id,
    type: 'user',
    roles,
    displayName: member.name,
    [SCHOOLS_FIELD]: schools,
    ...(passwordSet ? { password: member.password } : {}),
  };
  await request('PUT', path, { body: next });
  return { ...report, action: current ? ('updated' as const) : ('created' as const) };
}

/** A user's school in each space, as the members file names it (teachers' too, who have no school role). */
function withSchool(current: unknown, space: string, school: string | undefined): Record<string, string> {
  const { [space]: _old, ...others } = current && typeof current === 'object' ? (current as Record<string, string>) : {};
  return school?.trim() ? { ...others, [space]: school } : others;
}
