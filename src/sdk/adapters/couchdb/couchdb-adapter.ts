import type { Change, ListQuery, RawRecord, StorageAdapter, WriteOperation, WriteResult } from '../../adapter.js';
import { randomId } from '../../revision.js';
import { assertWritable } from '../assert-writable.js';
import type { SyncRemote } from '../synced/sync-remote.js';
import { withReplication } from './couch-replication.js';
import { bulkWrite, currentVersions, type BulkOutcome, type ServerVersion } from './bulk-write.js';
import { pruneBranch, readBranches, type LosingBranch } from './conflict-branches.js';
import { databaseIdentity, type DatabaseIdentity } from './database-identity.js';
import { findLandedWrites, type UnansweredWrite } from './landed-writes.js';
import { currentCheckpoint, readChanges, readDocuments, type ChangesPage, type Checkpoint, type RemoteChange } from './changes-feed.js';
import * as attachments from './couch-attachments.js';
import { createCouchClient, type CouchClient, type CouchConnectionOptions } from './couch-http.js';
import { databaseName, DESIGN_DOC_ID, documentId } from './couch-names.js';
import { followChanges, type FeedMode } from './follow-changes.js';
import { VIEWS } from './design/views.js';
import { toRecord, type CouchDocument } from './record-document.js';
import { TwinRemoteError } from './remote-error.js';

export interface CouchDBAdapterOptions extends CouchConnectionOptions {
  /** The database of a space. Default `twinkit-<space>` (see databaseName). */
  database?: (space: string) => string;
  /** How live changes arrive: `longpoll` (default; works through every proxy) or `continuous` (one open response). */
  feed?: FeedMode;
  /**
   * Create a space's missing database, with the views only and no rules. Needs a server admin's
   * credentials: for development and tests. Real spaces are made by `npx twinkit couchdb-setup`.
   */
  ensureDatabase?: boolean;
}

/** The couchdb adapter, with what sync needs beyond the adapter contract. */
export interface CouchDBAdapter extends StorageAdapter {
  readonly client: CouchClient;
  databaseOf(space: string): string;
  /**
   * A batch with one outcome per operation, including those the server's rules refused;
   * `writeIds[i]` travels with the i-th write so that a lost answer can be asked about later.
   */
  bulkWrite(space: string, operations: WriteOperation[], origin: string, writeIds?: (string | undefined)[]): Promise<BulkOutcome[]>;
  /** Changes after a checkpoint (`0`: from the start), at once or waiting up to `wait` ms for one. */
  readChanges(space: string, since: Checkpoint, options?: { wait?: number; limit?: number; signal?: AbortSignal; bodies?: boolean }): Promise<ChangesPage>;
  /** The current documents of records, as changes (deleted ones too; missing ones left out). */
  readDocuments(space: string, refs: { collection: string; id: string }[]): Promise<RemoteChange[]>;
  /** Which database answers for the space now: a checkpoint belongs to one. */
  identity(space: string): Promise<DatabaseIdentity>;
  /** For writes whose answer was lost: the revision each landed as, or undefined. */
  findLandedWrites(space: string, writes: UnansweredWrite[]): Promise<(string | undefined)[]>;
  /** The server's versions of records: each revision (a deletion's too) and the record, if live. */
  currentVersions(space: string, refs: { collection: string; id: string }[]): Promise<ServerVersion[]>;
  /** A record's winning version and the losing branches replication left beside it. */
  readBranches(space: string, collection: string, id: string): Promise<{ winner: RawRecord | undefined; winnerRev: string | undefined; losers: LosingBranch[] }>;
  /** Ends a losing branch once a person decided. */
  pruneBranch(space: string, collection: string, id: string, rev: string): Promise<void>;
}

interface ViewRow {
  id: string;
  doc?: CouchDocument | null;
}

/** How many recently written revisions are remembered, so the feed's echo of our own write is not announced twice. */
const ECHO_MEMORY = 5000;

/**
 * Apache CouchDB (or any server speaking its HTTP API) through fetch alone. One database per space;
 * writes go through `_bulk_docs`, lists through the `_design/twinkit` views, live changes through
 * `_changes`. Create the database and its rules with `npx twinkit couchdb-setup` first.
 */
export function createCouchDBAdapter(options: CouchDBAdapterOptions): CouchDBAdapter & SyncRemote {
  const client = createCouchClient(options);
  const databaseOf = options.database ?? databaseName;
  const db = (space: string) => `/${encodeURIComponent(databaseOf(space))}`;
  const listeners = new Map<string, Set<(changes: Change[]) => void>>();
  const followers = new Map<string, { stop(): void }>();
  const announced = new Set<string>();

  /**
   * True the first time a revision is announced. The feed may show a revision twice (a reconnect),
   * or show our own write before `_bulk_docs` has answered it (a continuous feed): either way, once.
   */
  const firstAnnouncement = (key: string) => {
    if (announced.has(key)) return false;
    announced.add(key);
    if (announced.size > ECHO_MEMORY) announced.delete(announced.values().next().value!);
    return true;
  };

  const notify = (space: string, changes: Change[]) => {
    if (changes.length) listeners.get(space)?.forEach((listener) => listener(changes));
  };

  /** A 404 on a document is normal; on the database it means the space was never set up. */
  const missingDatabase = (space: string) =>
    new TwinRemoteError(
      'missing-database',
      `The server has no database "${databaseOf(space)}" for space "${space}", or no Twinkit design document in it. Run: npx twinkit couchdb-setup --url <server> --space ${space}`,
      { status: 404 },
    );
  const isDatabaseMissing = (body: unknown) => /database|no_db_file/i.test(String((body as { reason?: unknown }).reason ?? ''));

  const created = new Map<string, Promise<void>>();
  async function createDatabase(space: string) {
    const name = db(space);
    await client.json('PUT', name, { accept: [412] });
    await client.json('PUT', `${name}/${DESIGN_DOC_ID}`, { body: { views: VIEWS, language: 'javascript' }, accept: [409] });
  }

  /** Runs a request; with `ensureDatabase`, a missing database is created once and the request repeated. */
  async function inDatabase<T>(space: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (!options.ensureDatabase || !(error instanceof TwinRemoteError) || error.failure !== 'missing-database') throw error;
      if (!created.has(space)) created.set(space, createDatabase(space).catch((e: unknown) => (created.delete(space), Promise.reject(e))));
      await created.get(space);
      return request();
    }
  }

  function follow(space: string) {
    const follower = followChanges(client, databaseOf(space), space, {
      mode: options.feed ?? 'longpoll',
      start: () => inDatabase(space, () => currentCheckpoint(client, databaseOf(space))),
      onPage: ({ changes }) => {
        const fresh = changes.filter((change) => firstAnnouncement(`${space}/${documentId(change.collection, change.id)}@${change.rev}`));
        notify(
          space,
          fresh.map((change) => ({
            type: change.deleted ? 'delete' : 'put',
            space,
            collection: change.collection,
            id: change.id,
            rev: change.rev,
            ...(change.record ? { record: change.record } : {}),
            origin: change.origin,
          })),
        );
      },
      onError: (error) => console.warn(`couchdb adapter: the changes feed of ${databaseOf(space)} failed; retrying.`, error),
    });
    followers.set(space, follower);
  }

  async function getRecord(space: string, collection: string, id: string) {
    const { status, body } = await client.json<CouchDocument>('GET', `${db(space)}/${encodeURIComponent(documentId(collection, id))}`, { accept: [404] });
    if (status === 404) {
      if (isDatabaseMissing(body)) throw missingDatabase(space);
      return undefined;
    }
    return toRecord(body, space);
  }

  async function listRecords(space: string, collection: string, query: ListQuery = {}) {
    if (query.limit === 0) return [];
    const prefix = query.phase === undefined ? [collection] : [collection, query.phase];
    // `{}` sorts after every string: [c, t, {}] is just after every key at time t.
    const low = query.updatedAfter === undefined ? prefix : [...prefix, query.updatedAfter, {}];
    const high = [...prefix, {}];
    const descending = query.direction === 'desc';
    const view = query.phase === undefined ? 'by-updated' : 'by-phase';
    const { body } = await client.json<{ rows?: ViewRow[] }>('GET', `${db(space)}/${DESIGN_DOC_ID}/_view/${view}`, {
      query: {
        include_docs: true,
        startkey: JSON.stringify(descending ? high : low),
        endkey: JSON.stringify(descending ? low : high),
        descending,
        limit: query.limit,
        reduce: false,
      },
    });
    return (body.rows ?? []).map((row) => toRecord(row.doc, space)).filter((record): record is RawRecord => record !== undefined);
  }

  const adapter: CouchDBAdapter = {
    name: 'couchdb',
    capabilities: { sharedChanges: true, persistent: true },
    client,
    databaseOf,

    get: (space, collection, id) => inDatabase(space, () => getRecord(space, collection, id)),
    list: (space, collection, query) => inDatabase(space, () => listRecords(space, collection, query)),
    bulkWrite: (space, operations, origin, writeIds) => inDatabase(space, () => bulkWrite(client, databaseOf(space), space, operations, origin, writeIds)),
    readDocuments: (space, refs) => inDatabase(space, () => readDocuments(client, databaseOf(space), space, refs)),
    identity: (space) => inDatabase(space, () => databaseIdentity(client, databaseOf(space))),
    findLandedWrites: (space, writes) => inDatabase(space, () => findLandedWrites(client, databaseOf(space), writes)),
    currentVersions: (space, refs) =>
      refs.length ? inDatabase(space, () => currentVersions(client, databaseOf(space), space, refs.map((ref) => documentId(ref.collection, ref.id)))) : Promise.resolve([]),
    readBranches: (space, collection, id) => inDatabase(space, () => readBranches(client, databaseOf(space), space, collection, id)),
    pruneBranch: (space, collection, id, rev) => inDatabase(space, () => pruneBranch(client, databaseOf(space), collection, id, rev)),

    async write(space, operations, { origin }) {
      assertWritable(operations);
      const outcomes = await adapter.bulkWrite(space, operations, origin);
      const changes: Change[] = [];
      const results: WriteResult[] = outcomes.map((outcome, index) => {
        if (outcome.kind === 'ok') {
          const type = operations[index].type;
          if (firstAnnouncement(`${space}/${documentId(outcome.collection, outcome.id)}@${outcome.rev}`))
            changes.push({ type, space, collection: outcome.collection, id: outcome.id, rev: outcome.rev, ...(outcome.record ? { record: outcome.record } : {}), origin });
          return { ok: true, id: outcome.id, collection: outcome.collection, rev: outcome.rev, ...(outcome.record ? { record: outcome.record } : {}) };
        }
        if (outcome.kind === 'conflict') return { ok: false, id: outcome.id, collection: outcome.collection, reason: 'conflict', current: outcome.current };
        return { ok: false, id: outcome.id, collection: outcome.collection, reason: 'conflict', current: undefined };
      });
      notify(space, changes);
      const refused = outcomes.filter((outcome) => outcome.kind === 'refused');
      if (refused.length) {
        const applied = outcomes.length - refused.length;
        throw new TwinRemoteError(
          'forbidden',
          `The server refused ${refused.map((r) => `${r.collection} ${r.id}`).join(', ')}: ${refused[0].reason.replace(/\.+$/, '')}${applied ? ` (${applied} other change(s) of the batch were saved)` : ''}.`,
          { status: 403 },
        );
      }
      return results;
    },

    readChanges: (space, since, readOptions = {}) => inDatabase(space, () => readChanges(client, databaseOf(space), space, { since, ...readOptions })),

    subscribe(space, listener) {
      let set = listeners.get(space);
      if (!set) listeners.set(space, (set = new Set()));
      set.add(listener);
      if (!followers.has(space)) follow(space);
      return () => {
        set.delete(listener);
        if (set.size === 0) {
          listeners.delete(space);
          followers.get(space)?.stop();
          followers.delete(space);
        }
      };
    },

    putAttachment: (space, blob, { id = randomId() } = {}) => inDatabase(space, () => attachments.putAttachment(client, databaseOf(space), blob, id)),
    getAttachment: (space, id) => attachments.getAttachment(client, databaseOf(space), id),
    deleteAttachment: (space, id) => attachments.deleteAttachment(client, databaseOf(space), id),

    async close() {
      followers.forEach((follower) => follower.stop());
      followers.clear();
      listeners.clear();
    },
  };
  return withReplication(adapter);
}
