/**
 * The sync engine's server for `adapter="couchdb"` when the page does not say how the space is
 * kept: the space's design document says (`twinkitLayout`, written by the setup), so a page works
 * before and after the server admin moves the space into one database per audience, and keeps
 * its local copy across the move.
 *
 * The layout is read again whenever the engine checks its source (at start and after every
 * failure). A move made while a device syncs shows in what the one-database server answers: a
 * record's tombstone naming where it went, or a refused write. The round then fails on purpose,
 * the engine checks its source, finds another identity (the reader's databases) and reads them
 * all: records the person may no longer read leave the device, writes not yet sent go to their
 * audience's database (space-sync.ts: reconcile).
 */
import type { SyncRemote } from '../synced/sync-remote.js';
import { withReplication, type CouchSyncSource } from './couch-replication.js';
import { createAudienceRemote, type AudienceRemoteOptions } from './audiences/audience-remote.js';
import { createCouchDBAdapter, type CouchDBAdapterOptions } from './couchdb-adapter.js';
import type { CouchClient } from './couch-http.js';
import { databaseName, DESIGN_DOC_ID, LAYOUT_FIELD, MOVED_TO_FIELD } from './couch-names.js';
import { TwinRemoteError } from './remote-error.js';

export type SpaceLayout = 'space' | 'audiences';

/**
 * How `space` is kept on the server: `audiences` when its design document says so, else `space`
 * (set up before the design document said). No design document: the space was never set up.
 */
export async function readSpaceLayout(client: CouchClient, space: string): Promise<SpaceLayout> {
  const database = databaseName(space);
  const { status, body } = await client.json<Record<string, unknown>>('GET', `/${encodeURIComponent(database)}/${DESIGN_DOC_ID}`, { accept: [404] });
  if (status === 404) {
    throw new TwinRemoteError('missing-database', `The server has no Twinkit space "${space}" (no database ${database} with its design document). Run: npx twinkit couchdb-setup --url <server> --space ${space}`, { status });
  }
  return body?.[LAYOUT_FIELD] === 'audiences' ? 'audiences' : 'space';
}

const moved = () => new TwinRemoteError('offline', "The space's records moved into one database per audience on the server: reading them again from there.");

export function createLayoutRemote(options: CouchDBAdapterOptions & AudienceRemoteOptions): SyncRemote {
  const oneDatabase = createCouchDBAdapter(options);
  const audiences = createAudienceRemote(options);
  const client = oneDatabase.client;
  const layouts = new Map<string, Promise<SpaceLayout>>();
  /** Spaces seen with one database per audience: going back would send every record to all. */
  const kept = new Set<string>();

  const layoutOf = (space: string, fresh = false) => {
    let layout = fresh ? undefined : layouts.get(space);
    if (!layout) {
      layout = readSpaceLayout(client, space).then((found) => {
        if (found === 'audiences') kept.add(space);
        else if (kept.has(space)) throw new TwinRemoteError('server', `The space "${space}" went back to one database on the server, where every member reads every record: this device does not send it anything until its admin sets it up again.`);
        return found;
      });
      layouts.set(space, layout);
      layout.catch(() => layouts.delete(space));
    }
    return layout;
  };
  const remoteOf = async (space: string): Promise<CouchSyncSource> => ((await layoutOf(space)) === 'audiences' ? audiences : oneDatabase);
  /** The one database's answer stands unless the space moved meanwhile: then the round fails, to be read again. */
  const unlessMoved = async (space: string, suspicious: boolean) => {
    if (suspicious && (await layoutOf(space, true)) === 'audiences') throw moved();
  };

  return withReplication({
    name: 'couchdb',
    client,

    async identity(space) {
      // The engine's check of its source: the moment a changed layout is taken up.
      await layoutOf(space, true);
      return (await remoteOf(space)).identity(space);
    },

    async readChanges(space, since, readOptions) {
      const remote = await remoteOf(space);
      const page = await remote.readChanges(space, since, readOptions);
      if (remote === oneDatabase) await unlessMoved(space, page.changes.some((change) => change.deleted && !!change.doc?.[MOVED_TO_FIELD]));
      return page;
    },

    async bulkWrite(space, operations, origin, writeIds) {
      const remote = await remoteOf(space);
      const outcomes = await remote.bulkWrite(space, operations, origin, writeIds);
      // Refused for naming no audience's database: the writes stay queued and go there instead.
      if (remote === oneDatabase) await unlessMoved(space, outcomes.some((outcome) => outcome.kind === 'refused'));
      return outcomes;
    },

    readDocuments: async (space, refs) => (await remoteOf(space)).readDocuments(space, refs),
    findLandedWrites: async (space, writes) => (await remoteOf(space)).findLandedWrites(space, writes),
    currentVersions: async (space, refs) => (await remoteOf(space)).currentVersions(space, refs),
    readBranches: async (space, collection, id) => (await remoteOf(space)).readBranches(space, collection, id),
    pruneBranch: async (space, collection, id, rev) => (await remoteOf(space)).pruneBranch(space, collection, id, rev),
    async readable(space, records) {
      const remote = await remoteOf(space);
      return remote.readable ? remote.readable(space, records) : records.map(() => true);
    },
    putAttachment: async (space, blob, putOptions) => (await remoteOf(space)).putAttachment(space, blob, putOptions),
    getAttachment: async (space, id) => (await remoteOf(space)).getAttachment(space, id),
    deleteAttachment: async (space, id) => (await remoteOf(space)).deleteAttachment(space, id),

    async close() {
      layouts.clear();
      await Promise.all([oneDatabase.close(), audiences.close()]);
    },
  });
}
