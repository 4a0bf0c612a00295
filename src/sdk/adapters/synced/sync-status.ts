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
}

/** A local change the server did not take: both versions, so the user decides and nothing is lost. */
export interface SyncConflict {
  space: string;
  collection: string;
  id: string;
  /** What was saved on this device. */
  mine: RawRecord | undefined;
  /** What the server has now (undefined: deleted there). This is what the device shows now. */
  theirs: RawRecord | undefined;
  /** `conflict`: someone else changed it first; `refused`: the server's rules refused the change. */
  kind: 'conflict' | 'refused';
  message: string;
  at: string;
}

export interface SyncController {
  status(): SyncStatus;
  /** Calls `listener` with every new status (also the ones another tab's sync reports). */
  subscribe(listener: (status: SyncStatus) => void): () => void;
  onConflict(listener: (conflict: SyncConflict) => void): () => void;
  /** Conflicts kept for a space, oldest first. */
  conflicts(space: string): Promise<SyncConflict[]>;
  /** Forgets a kept conflict once the user has decided. */
  dismissConflict(space: string, collection: string, id: string): Promise<void>;
  /** Sends what waits and reads what is new, now; resolves when both are done (or rejects with why not). */
  syncNow(space: string): Promise<void>;
}
