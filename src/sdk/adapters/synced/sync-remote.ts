import type { RawRecord } from '../../adapter.js';
import type { CouchDBAdapter } from '../couchdb/couchdb-adapter.js';

/**
 * What the offline-first engine needs from a server: the CouchDB adapter is one. Pull (changes
 * after a checkpoint), push (writes with the revision they are based on and a write id, answered
 * one outcome each), asking whether unanswered writes landed, the database's identity, the
 * losing branches of a record, and files.
 */
export type SyncRemote = Pick<
  CouchDBAdapter,
  | 'name'
  | 'bulkWrite'
  | 'readChanges'
  | 'readDocuments'
  | 'identity'
  | 'findLandedWrites'
  | 'currentVersions'
  | 'readBranches'
  | 'pruneBranch'
  | 'putAttachment'
  | 'getAttachment'
  | 'deleteAttachment'
  | 'close'
> & {
  readonly client?: { readonly url: string };
  /**
   * Which of these records the signed-in person may still read on this server, when it can tell
   * (one database per audience). After a full read (a rebuilt reading room, another database),
   * a record the server did not send is otherwise taken for one it lost and sent again; one the
   * person may no longer read (they changed school, stopped moderating) leaves the device instead.
   */
  readable?(space: string, records: RawRecord[]): Promise<boolean[]>;
};
