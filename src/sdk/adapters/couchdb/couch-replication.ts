import type { RawRecord, WriteOperation } from '../../adapter.js';
import type { Checkpoint, CurrentVersion, PullOptions, PushResult, PushWrite } from '../../replication/protocol.js';
import type { SyncRemote, SyncedChange } from '../synced/sync-remote.js';
import type { BulkOutcome, ServerVersion } from './bulk-write.js';
import type { ChangesPage, RemoteChange } from './changes-feed.js';
import type { CouchDBAdapter } from './couchdb-adapter.js';

/** A CouchDB-shaped server as the engine reads it: its changes feed, `_bulk_docs`, files, and the extras. */
export type CouchSyncSource = Pick<CouchDBAdapter, 'name' | 'bulkWrite' | 'readChanges' | 'readDocuments' | 'identity' | 'findLandedWrites' | 'currentVersions' | 'readBranches' | 'pruneBranch' | 'putAttachment' | 'getAttachment' | 'deleteAttachment' | 'close'> &
  Pick<SyncRemote, 'client' | 'readable'>;

/** A feed change as the protocol pulls it (the write id under its protocol name). */
const pulled = ({ write, doc: _doc, leaves: _leaves, ...change }: RemoteChange): SyncedChange => ({ ...change, ...(write ? { writeId: write } : {}) });

const operationOf = (write: PushWrite): WriteOperation =>
  write.record ? { type: 'put', record: write.record, expectedRev: write.baseRev } : { type: 'delete', collection: write.collection, id: write.id, expectedRev: write.baseRev ?? '' };

const current = (version: ServerVersion | { rev: string; record: RawRecord | undefined } | undefined): CurrentVersion | null =>
  version?.rev ? { rev: version.rev, ...(version.record ? { record: version.record } : { deleted: true }) } : null;

/**
 * The replication protocol's client side over CouchDB: pull is the changes feed, push is
 * `_bulk_docs` with the write ids in the documents (a refused write is answered with the server's
 * current version, as the protocol's push does). The CouchDB-only extras stay beside it.
 */
export function withReplication<T extends CouchSyncSource>(source: T): T & SyncRemote {
  const results = async (space: string, outcomes: BulkOutcome[]): Promise<PushResult[]> => {
    const refused = outcomes.filter((outcome) => outcome.kind === 'refused');
    const versions = refused.length ? await source.currentVersions(space, refused) : [];
    return outcomes.map((outcome): PushResult => {
      if (outcome.kind === 'ok') return { status: 'ok', rev: outcome.rev };
      if (outcome.kind === 'conflict') return { status: 'conflict', current: current({ rev: outcome.currentRev, record: outcome.current }) };
      return { status: 'refused', reason: outcome.reason, current: current(versions[refused.indexOf(outcome)]) };
    });
  };
  const replication: Pick<SyncRemote, 'pull' | 'push' | 'readBodies' | 'files'> = {
    async pull(space: string, checkpoint: Checkpoint | null, options: PullOptions & { bodies?: boolean }) {
      const [page, identity]: [ChangesPage, { id: string }] = await Promise.all([
        source.readChanges(space, checkpoint ?? 0, { wait: options.wait * 1000, limit: options.limit, signal: options.signal, bodies: options.bodies }),
        // The engine checks the database's identity itself (identity()): asked here only for a pull from the start.
        checkpoint === null ? source.identity(space) : Promise.resolve({ id: '' }),
      ]);
      // Rows, not changes: design documents count towards a full page.
      return { source: identity.id, checkpoint: page.checkpoint, changes: page.changes.map(pulled), ...(page.heads ? { heads: page.heads } : {}), more: page.rows >= options.limit };
    },
    async push(space: string, writes: PushWrite[], { origin }: { origin: string }) {
      const outcomes = await source.bulkWrite(space, writes.map(operationOf), origin, writes.map((write) => write.writeId));
      return results(space, outcomes);
    },
    readBodies: async (space, refs) => (await source.readDocuments(space, refs)).map(pulled),
    files: {
      putFile: async (space, id, blob) => void (await source.putAttachment(space, blob, { id })),
      getFile: (space, id) => source.getAttachment(space, id),
      deleteFile: (space, id) => source.deleteAttachment(space, id),
    },
  };
  return Object.assign(source, replication) as T & SyncRemote;
}
