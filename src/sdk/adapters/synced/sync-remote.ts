import type { RawRecord } from '../../adapter.js';
import type { Checkpoint, PullOptions, PullPage, PulledChange, ReplicationRemote } from '../../replication/protocol.js';
import type { ChangeHead } from '../couchdb/changes-feed.js';
import type { LosingBranch } from '../couchdb/conflict-branches.js';
import type { UnansweredWrite } from '../couchdb/landed-writes.js';

/** A pulled change, with what a server that keeps branches adds: the revisions of losing branches. */
export type SyncedChange = PulledChange & { conflicts?: string[] };

/**
 * What the offline-first engine syncs with: any implementation of the replication protocol's
 * client side (pull and push, files optional), such as `createHttpRemote`. The CouchDB remotes
 * implement it too, with optional extras the engine uses when they are there: cheaper identity
 * checks, pulls without bodies, asking whether unanswered writes landed, losing branches, and
 * which records the person may still read.
 */
export interface SyncRemote extends ReplicationRemote {
  pull(space: string, checkpoint: Checkpoint | null, options: PullOptions & { bodies?: boolean }): Promise<PullPage & { changes: SyncedChange[]; heads?: ChangeHead[] }>;
  /** The server's address, for naming the local copy. */
  readonly client?: { readonly url: string };
  /**
   * Which copy of the data answers (without pulling), and how far its feed is: a feed behind a
   * stored checkpoint means a restored copy. Without it, the engine asks a pull of no changes.
   */
  identity?(space: string): Promise<{ id: string; updateSeq: Checkpoint }>;
  /** The current records of changes pulled without bodies (`bodies: false`). */
  readBodies?(space: string, refs: { collection: string; id: string }[]): Promise<SyncedChange[]>;
  /**
   * For writes whose answer was lost: the revision each landed as, or undefined. Without it, the
   * engine sends such writes again under the same write ids (the server applies each id once).
   */
  findLandedWrites?(space: string, writes: UnansweredWrite[]): Promise<(string | undefined)[]>;
  /** The server's versions of records ('' and no record: it has none). Used with findLandedWrites. */
  currentVersions?(space: string, refs: { collection: string; id: string }[]): Promise<{ rev: string; record: RawRecord | undefined }[]>;
  /** A record's winning version and the losing branches replication left beside it. */
  readBranches?(space: string, collection: string, id: string): Promise<{ winner: RawRecord | undefined; winnerRev: string | undefined; losers: LosingBranch[] }>;
  /** Ends a losing branch once a person decided. */
  pruneBranch?(space: string, collection: string, id: string, rev: string): Promise<void>;
  /**
   * Which of these records the signed-in person may still read on this server, when it can tell
   * (one database per audience). After a full read (a rebuilt reading room, another database),
   * a record the server did not send is otherwise taken for one it lost and sent again; one the
   * person may no longer read (they changed school, stopped moderating) leaves the device instead.
   */
  readable?(space: string, records: RawRecord[]): Promise<boolean[]>;
}
