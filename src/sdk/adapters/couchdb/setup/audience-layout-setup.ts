/**
 * Applies a space's audience layout (audience-layout.ts) to a server: every audience's database
 * with its `_security` and design document, every reading room (read-only; a pupil's lets in her
 * alone, a shared one its readers' roles: audiences/reading-rooms.ts), and the server's
 * `_replicator` documents that fill each room, continuously, from the audience databases its
 * readers may read. Safe to run again: it changes only what differs.
 *
 * A pupil's room that lost a source (she changed school, someone left) still holds what she may no
 * longer read: it is deleted and made again, and filled afresh; a shared room only stops copying
 * that source (room-rebuild.ts). A room nobody reads any more is deleted, the room of each
 * moderator that earlier versions made among them. The databases of audiences the layout no
 * longer has keep their records (moving them is the store's business) but no longer let in the
 * person they are named after.
 *
 * Two faults of pouchdb-server 4.2 (tried on it, see audience-layout-setup.node.test.ts) shape how
 * rooms are filled there:
 * - an update replicated over HTTP into a database that has a `validate_doc_update` (every room
 *   has: it is read-only) is answered as stored and dropped (pouchdb-validation, as noted in
 *   scripts/couch/start-replicated-pair.mjs): there, the replication writes to the room by its local
 *   name, as pouchdb-server's replicator can (Apache CouchDB 3 takes only URLs, and has no such fault);
 * - deleting the `_replicator` document of a running replication stops the whole server (the
 *   replicator records the end of the replication in a document that is gone, and nothing
 *   catches the failure); deleting the room first ends the replication cleanly, so a room is
 *   always deleted before its replications, and those once their end is recorded.
 * On CouchDB the replications are stopped first, then the room is deleted, so that no replication
 * still running writes into the room made again.
 */
import type { Audience } from '../../../policy/audience.js';
import type { ModerationMode } from '../../../policy/roles.js';
import { audienceDatabase, audienceSecurity, safeName } from '../audience-databases.js';
import { isRoomDatabase, roomSecurity, type ReadingRoom } from '../audiences/reading-rooms.js';
import { databaseName } from '../couch-names.js';
import { designDoc } from '../design/design-doc.js';
import { roomDesignDoc } from '../design/room-design-doc.js';
import type { SecurityObject } from '../design/security.js';
import { isSpaceDatabase, layoutOf, parseReplicationId, replicationId, replicationIdRange, type AudienceLayout } from './audience-layout.js';
import { putDesign, putSecurity, sameJson, type SetupAction } from './couch-documents.js';
import { CouchSetupError, type CouchRequest } from './couch-request.js';
import type { SpaceMember } from './members.js';
import { mustRebuild } from './room-rebuild.js';

export interface AudienceLayoutOptions {
  space: string;
  moderation: ModerationMode;
  /** All the space's members, with their schools. */
  members: readonly SpaceMember[];
  /** The server's address as the server itself reaches it, for its `_replicator` (no trailing slash). */
  replicationUrl: string;
  /** The `Authorization` header the server's replicator sends (a server admin's Basic credentials). */
  authorization: string;
  /** How long to wait for a replication to stop before its room is made again; default 10 s. */
  stopTimeoutMs?: number;
}

export type ServerKind = 'couchdb' | 'pouchdb-server';

export type RoomAction = 'created' | 'rebuilt' | 'updated' | 'unchanged' | 'removed';

export interface AudienceLayoutReport {
  server: ServerKind;
  /** Every audience's database but the space's (the caller's), in the layout's order. */
  databases: { database: string; audience: Audience; action: SetupAction }[];
  /** Database admins found in the audience databases' `_security` and removed. */
  removedAdmins: { database: string; admins: string[] }[];
  /**
   * Databases of this space's audiences that the layout no longer has (a member left or changed
   * school): their records are kept; the people they were named after are no longer let in.
   */
  closedDatabases: { database: string; removedNames: string[] }[];
  /** Every room of the layout (`reader`: a pupil's), then the rooms removed (no `room`). */
  rooms: { database: string; room?: ReadingRoom; reader?: string; sources: string[]; action: RoomAction }[];
  /** `_replicator` document ids. */
  replications: { created: string[]; removed: string[]; unchanged: string[] };
  /** One line per step, for people. */
  summary: string[];
}

/** The design document of every audience database but the space's: what a room's replication takes. */
export const ROOM_FILTER_DESIGN_DOC = {
  _id: '_design/twinkit-rooms',
  language: 'javascript',
  // Design documents stay where they are: each database (rooms too) has its own rules.
  filters: { records: 'function (doc) { return doc._id.indexOf("_design/") !== 0; }' },
} as const;
export const ROOM_FILTER = 'twinkit-rooms/records';

/** Where a room notes the databases it was filled from: a room that lost one is made again. */
const ROOM_RECORD = '_local/twinkit-room';

interface ReplicationDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  source?: unknown;
  target?: unknown;
  continuous?: boolean;
  filter?: string;
  _replication_state?: string;
  [key: string]: unknown;
}

const path = (database: string) => `/${encodeURIComponent(database)}`;
const replicatorPath = (id: string) => `/_replicator/${encodeURIComponent(id)}`;

export async function setupAudienceLayout(request: CouchRequest, options: AudienceLayoutOptions): Promise<AudienceLayoutReport> {
  const { space, moderation, members } = options;
  let layout: AudienceLayout;
  try {
    layout = layoutOf(space, members);
  } catch (error) {
    throw new CouchSetupError(`The members list cannot be laid out in databases: ${(error as Error).message}`);
  }
  const server = await serverKind(request);
  await request('PUT', '/_replicator', { accept: [412] });
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;

  // The audiences' databases (the space's is the caller's).
  const databases: AudienceLayoutReport['databases'] = [];
  const removedAdmins: AudienceLayoutReport['removedAdmins'] = [];
  for (const audience of layout.audiences) {
    if (audience.kind === 'space') continue;
    const database = audienceDatabase(space, audience);
    const db = path(database);
    const created = (await request('PUT', db, { accept: [412] })).status !== 412;
    const security = await putSecurity(request, db, audienceSecurity(space, audience, members));
    const design = await putDesign(request, db, designDoc({ space, moderation, audience }));
    const filter = await putDesign(request, db, ROOM_FILTER_DESIGN_DOC);
    if (security.removedAdmins.length) removedAdmins.push({ database, admins: security.removedAdmins });
    const changed = security.action !== 'unchanged' || design !== 'unchanged' || filter !== 'unchanged';
    databases.push({ database, audience, action: created ? 'created' : changed ? 'updated' : 'unchanged' });
  }

  const existingDatabases = (await request<string[]>('GET', '/_all_dbs')).body.filter((name) => isSpaceDatabase(space, name));
  const closedDatabases = await closeFormerAudiences(request, space, layout, existingDatabases);

  // The replications there are, by room.
  const [start, end] = replicationIdRange(space);
  const listed = await request<{ rows: { id: string; doc?: ReplicationDoc }[] }>(
    'GET',
    `/_replicator/_all_docs?include_docs=true&startkey=${encodeURIComponent(JSON.stringify(start))}&endkey=${encodeURIComponent(JSON.stringify(end))}`,
  );
  const byRoom = new Map<string, ReplicationDoc[]>();
  for (const { id, doc } of listed.body.rows) {
    const parsed = parseReplicationId(id);
    if (!doc || doc._deleted || !parsed || !isRoomDatabase(space, parsed.room)) continue;
    byRoom.set(parsed.room, [...(byRoom.get(parsed.room) ?? []), doc]);
  }

  const replications: AudienceLayoutReport['replications'] = { created: [], removed: [], unchanged: [] };
  const stop = async (room: string, docs: ReplicationDoc[]) => {
    await stopRoom(request, server, room, docs, stopTimeoutMs);
    replications.removed.push(...docs.map(({ _id }) => _id));
  };

  // Rooms nobody reads any more (their reader left, became staff or an observer).
  const rooms: AudienceLayoutReport['rooms'] = [];
  const wantedRooms = new Set(layout.rooms.map(({ database }) => database));
  const formerRooms = new Set([...existingDatabases.filter((name) => isRoomDatabase(space, name)), ...byRoom.keys()].filter((room) => !wantedRooms.has(room)));
  for (const room of formerRooms) {
    await stop(room, byRoom.get(room) ?? []);
    rooms.push({ database: room, sources: [], action: 'removed' });
  }

  const endpoint = (database: string) => ({ url: `${options.replicationUrl}${path(database)}`, headers: { Authorization: options.authorization } });
  for (const room of layout.rooms) {
    const sources = room.sources.map((audience) => audienceDatabase(space, audience));
    const wanted = new Map(
      sources.map((source) => [
        replicationId(source, room.database),
        // pouchdb-server: to the room by its local name (see above).
        { source: endpoint(source), target: server === 'pouchdb-server' ? room.database : endpoint(room.database), continuous: true, filter: ROOM_FILTER },
      ]),
    );
    let existing = byRoom.get(room.database) ?? [];
    const db = path(room.database);
    const there = (await request('GET', db, { accept: [404] })).status !== 404;
    const noted = there ? await request<{ _rev?: string; sources?: unknown }>('GET', `${db}/${ROOM_RECORD}`, { accept: [404] }) : undefined;
    const readers = roomSecurity(space, room.room);
    const readersBefore = there ? (await request<Partial<SecurityObject>>('GET', `${db}/_security`)).body?.members : undefined;
    const obsolete = existing.filter((doc) => !wanted.has(doc._id));
    const rebuild =
      there &&
      mustRebuild({
        server,
        byRole: room.room.kind !== 'pupil',
        sameReaders: sameJson(readersBefore, readers.members),
        notedSources: noted?.status === 200 && Array.isArray(noted.body.sources) ? (noted.body.sources as unknown[]) : undefined,
        sources,
        obsolete: obsolete.length,
        changed: existing.some((doc) => wanted.has(doc._id) && !sameReplication(doc, wanted.get(doc._id)!)),
      });
    if (rebuild || (!there && existing.length)) {
      await stop(room.database, existing);
      existing = [];
    } else if (obsolete.length) {
      // A shared room on CouchDB: those replications stop, the room stays (room-rebuild.ts).
      await stopReplications(request, obsolete, stopTimeoutMs);
      replications.removed.push(...obsolete.map(({ _id }) => _id));
      existing = existing.filter((doc) => wanted.has(doc._id));
    }
    if (!there || rebuild) await request('PUT', db, { accept: [412] });
    const security = await putSecurity(request, db, readers, { exact: true });
    const design = await putDesign(request, db, roomDesignDoc());
    const kept = new Set(existing.map(({ _id }) => _id));
    let added = 0;
    for (const [id, doc] of wanted) {
      if (kept.has(id)) {
        replications.unchanged.push(id);
        continue;
      }
      await request('PUT', replicatorPath(id), { body: { _id: id, ...doc } });
      replications.created.push(id);
      added++;
    }
    const note = { sources: [...sources].sort() };
    const current = there && !rebuild && noted?.status === 200 ? noted.body : undefined;
    const noteChanged = !current || !sameJson(current.sources, note.sources);
    if (noteChanged) await request('PUT', `${db}/${ROOM_RECORD}`, { body: { ...note, ...(current?._rev ? { _rev: current._rev } : {}) } });
    const updated = added || obsolete.length || noteChanged || security.action !== 'unchanged' || design !== 'unchanged';
    const action: RoomAction = !there ? 'created' : rebuild ? 'rebuilt' : updated ? 'updated' : 'unchanged';
    rooms.push({ database: room.database, room: room.room, ...(room.reader ? { reader: room.reader.id } : {}), sources, action });
  }

  return {
    server,
    databases,
    removedAdmins,
    closedDatabases,
    rooms,
    replications,
    summary: summarize(options.replicationUrl, server, databases, removedAdmins, closedDatabases, rooms, replications),
  };
}

/** Apache CouchDB, or pouchdb-server (whose welcome names express-pouchdb). */
export async function serverKind(request: CouchRequest): Promise<ServerKind> {
  const { body } = await request<Record<string, unknown>>('GET', '/');
  return body && 'express-pouchdb' in body ? 'pouchdb-server' : 'couchdb';
}

/**
 * Is `doc` the replication `wanted` describes? Other fields are the server's (CouchDB adds `owner`,
 * pouchdb-server `_replication_*`) or narrow what is copied (`doc_ids`, `selector`), never widen it.
 */
function sameReplication(doc: ReplicationDoc, wanted: Record<string, unknown>): boolean {
  return Object.keys(wanted).every((key) => sameJson(doc[key], wanted[key]));
}

/** Deletes `room` and the replications `docs` that fill it, in the order that is safe on `server`. */
async function stopRoom(request: CouchRequest, server: ServerKind, room: string, docs: ReplicationDoc[], timeoutMs: number) {
  if (server === 'pouchdb-server') {
    await request('DELETE', path(room), { accept: [404] });
    // Deleting the room ended each replication; the replicator then records it in the document.
    // One still marked running after `timeoutMs` is not the replicator's any more (deleting the room
    // would have ended it): its document is deleted all the same.
    for (const doc of docs) await until(timeoutMs, async () => (await currentReplication(request, doc._id))?._replication_state !== 'triggered');
    for (const doc of docs) await deleteReplication(request, doc._id);
    return;
  }
  await stopReplications(request, docs, timeoutMs);
  await request('DELETE', path(room), { accept: [404] });
}

/** On CouchDB: deletes the replications `docs`, and waits until no job of theirs writes any more. */
async function stopReplications(request: CouchRequest, docs: ReplicationDoc[], timeoutMs: number) {
  for (const doc of docs) await deleteReplication(request, doc._id);
  // Gone from the scheduler (404 too where there is no scheduler).
  for (const doc of docs) {
    await until(timeoutMs, async () => (await request('GET', `/_scheduler/docs/_replicator/${encodeURIComponent(doc._id)}`, { accept: [400, 404] })).status !== 200);
  }
}

async function currentReplication(request: CouchRequest, id: string): Promise<ReplicationDoc | undefined> {
  const answer = await request<ReplicationDoc>('GET', replicatorPath(id), { accept: [404] });
  return answer.status === 404 ? undefined : answer.body;
}

async function deleteReplication(request: CouchRequest, id: string) {
  // The replicator writes its state in the document too: on a conflict, read it again.
  for (let attempt = 0; attempt < 5; attempt++) {
    const doc = await currentReplication(request, id);
    if (!doc) return;
    const answer = await request('DELETE', `${replicatorPath(id)}?rev=${encodeURIComponent(doc._rev!)}`, { accept: [404, 409] });
    if (answer.status !== 409) return;
  }
  throw new CouchSetupError(`Could not delete the replication ${id}: the server's replicator kept changing it. Run the setup again.`);
}

/** Waits until `done` (checked every 50 ms), or `timeoutMs`. */
async function until(timeoutMs: number, done: () => Promise<boolean>) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * The databases of this space's audiences that the layout no longer has: the person a database is
 * named after (`…$person-<P>`, `…moderators-<P>`) is no longer let in; others named by hand stay.
 */
async function closeFormerAudiences(request: CouchRequest, space: string, layout: AudienceLayout, existing: readonly string[]) {
  const current = new Set(layout.audiences.map((audience) => audienceDatabase(space, audience)));
  const closed: AudienceLayoutReport['closedDatabases'] = [];
  for (const database of existing) {
    if (current.has(database) || isRoomDatabase(space, database) || database === databaseName(space)) continue;
    const { body: security = {} } = await request<Partial<SecurityObject>>('GET', `${path(database)}/_security`);
    const names = security.members?.names ?? [];
    const removedNames = names.filter((name) => database.endsWith(`-${safeName(name)}`));
    if (!removedNames.length) continue;
    const members = { names: names.filter((name) => !removedNames.includes(name)), roles: security.members?.roles ?? [] };
    await request('PUT', `${path(database)}/_security`, { body: { admins: security.admins ?? { names: [], roles: [] }, members } });
    closed.push({ database, removedNames });
  }
  return closed;
}

function summarize(
  replicationUrl: string,
  server: ServerKind,
  databases: AudienceLayoutReport['databases'],
  removedAdmins: AudienceLayoutReport['removedAdmins'],
  closed: AudienceLayoutReport['closedDatabases'],
  rooms: AudienceLayoutReport['rooms'],
  replications: AudienceLayoutReport['replications'],
): string[] {
  const count = (action: string) => databases.filter((database) => database.action === action).length;
  const named = (action: SetupAction) => {
    const names = databases.filter((database) => database.action === action).map(({ database }) => database);
    return names.length ? `: ${names.join(', ')}` : '';
  };
  const readers = ({ room, reader }: AudienceLayoutReport['rooms'][number]) =>
    room?.kind === 'school-moderators' ? `moderators of ${room.school}` : (reader ?? room?.kind);
  const whose = (room: AudienceLayoutReport['rooms'][number]) => `Reading room ${room.database} (${readers(room)})`;
  const roomLine = (room: AudienceLayoutReport['rooms'][number]) => {
    const sources = `${room.sources.length} source${room.sources.length === 1 ? '' : 's'}`;
    switch (room.action) {
      case 'created':
        return `${whose(room)}: created, filled from ${sources}.`;
      case 'rebuilt':
        return `${whose(room)}: made again and filled afresh from ${sources}, since it held copies its readers may no longer read, or was filled otherwise.`;
      case 'updated':
        return `${whose(room)}: updated, filled from ${sources}.`;
      case 'removed':
        return `Reading room ${room.database}: removed, as nobody in the space reads it any more.`;
      default:
        return undefined;
    }
  };
  const unchangedRooms = rooms.filter((room) => room.action === 'unchanged').length;
  return [
    `Audience databases: ${count('created')} created${named('created')}; ${count('updated')} updated${named('updated')}; ${count('unchanged')} unchanged.`,
    ...removedAdmins.map(({ database, admins }) => `Removed database admins ${admins.join(', ')} from ${database}: only server admins manage a space.`),
    ...closed.map(({ database, removedNames }) => `Database ${database} is no longer one of the space's audiences: its records are kept, and ${removedNames.join(', ')} no longer read it.`),
    ...rooms.map(roomLine).filter((line): line is string => line !== undefined),
    ...(unchangedRooms ? [`Reading rooms unchanged: ${unchangedRooms}.`] : []),
    `Replications into the reading rooms (continuous, by the server's _replicator from ${replicationUrl}${server === 'pouchdb-server' ? ', to each room by its local name on pouchdb-server' : ''}): ${replications.created.length} created, ${replications.removed.length} removed, ${replications.unchanged.length} unchanged.`,
  ];
}
