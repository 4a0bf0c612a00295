import type { RawRecord } from '../../adapter.js';
import type { RemoteFailure } from '../couchdb/remote-error.js';

/**
 * `online`: connected and nothing waiting; `syncing`: sending or receiving; `offline`: the server
 * cannot be reached (writes wait in the outbox); `error`: the server refuses to sync until someone
 * acts (signed out, the space's database missing).
 */
export type SyncState = 'online' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
  state: SyncState;
  /** Local changes not yet on the server. */
  pending: number;
  /** Why the state is `offline` or `error`. */
  error?: { failure: RemoteFailure | 'unknown'; message: string };
  /** When everything last was in step with the server (ISO time). */
  lastSyncedAt?: string;
  /** Versions kept for a person to decide on (see SyncController.conflicts). */
  conflicts?: number;
}

/**
 * A version of a record that did not win, kept on the device until a person decides: nothing that
 * was saved is ever dropped. A record may collect several (each has its own `key`).
 */
export interface SyncConflict {
  space: string;
  collection: string;
  id: string;
  /** Tells this kept version apart from the record's others. */
  key: string;
  /**
   * The version that did not win: saved on this device (`conflict`, `refused`), or a revision that
   * replication between servers left on a losing branch (`branch`). Undefined: it was a delete.
   */
  mine: RawRecord | undefined;
  /** What the server had when this was kept (undefined: deleted there). The device shows the current one. */
  theirs: RawRecord | undefined;
  /** The version both sides started from, when known. */
  base?: RawRecord;
  /**
   * Both sides' changes together, where they touched different fields; on a field both changed,
   * the server's value. Undefined when there is nothing to merge (a delete, or no base).
   */
  merged?: RawRecord;
  /** The fields both sides changed, differently (`translations.fr.term`): what a person decides. */
  fields: string[];
  /**
   * `conflict`: someone else changed the same fields first; `refused`: the server's rules refused
   * the change; `branch`: two servers (or a cluster's nodes) took different versions.
   */
  kind: 'conflict' | 'refused' | 'branch';
  message: string;
  at: string;
}

/** What a person chose for a kept version. */
export type ConflictChoice = 'mine' | 'theirs' | 'merged';

export interface SyncController {
  status(): SyncStatus;
  /** Calls `listener` with every new status (also the ones another tab's sync reports). */
  subscribe(listener: (status: SyncStatus) => void): () => void;
  /** Calls `listener` with each newly kept version (from any tab of this browser). */
  onConflict(listener: (conflict: SyncConflict) => void): () => void;
  /** Versions kept for a space, oldest first: this page view's and earlier ones'. */
  conflicts(space: string): Promise<SyncConflict[]>;
  /**
   * Forgets a kept version once a person has decided (the widget has written what they chose
   * through the store first). For a `branch`, the losing revision is removed from the server too.
   */
  dismissConflict(space: string, key: string): Promise<void>;
  /** Sends what waits and reads what is new, now; resolves when both are done (or rejects with why not). */
  syncNow(space: string): Promise<void>;
}
