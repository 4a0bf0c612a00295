export { createSyncedAdapter, type SyncedAdapter, type SyncedAdapterOptions } from './synced-adapter.js';
export { createSyncedCouchDB } from './create-synced-couchdb.js';
export { createSyncedRemote } from './create-synced-remote.js';
export type { SyncRemote } from './sync-remote.js';
export type { SyncConflict, SyncController, SyncState, SyncStatus } from './sync-status.js';
// The replication protocol's client side: what a remote implements, and the one over HTTP.
export { createHttpRemote, type HttpRemoteOptions } from '../../replication/http-remote.js';
export { failureOf, unreachable } from '../../replication/remote-failure.js';
export { TwinRemoteError, type RemoteFailure } from '../couchdb/remote-error.js';
export type { Checkpoint, CurrentVersion, PullOptions, PullPage, PulledChange, PushResult, PushWrite, RemoteFiles, ReplicationRemote } from '../../replication/protocol.js';
