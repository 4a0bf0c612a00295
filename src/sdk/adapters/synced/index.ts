export { createSyncedAdapter, type SyncedAdapter, type SyncedAdapterOptions } from './synced-adapter.js';
export { createSyncedCouchDB } from './create-synced-couchdb.js';
export type { SyncConflict, SyncController, SyncState, SyncStatus } from './sync-status.js';
