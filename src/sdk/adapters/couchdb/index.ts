export { createCouchDBAdapter, type CouchDBAdapter, type CouchDBAdapterOptions } from './couchdb-adapter.js';
export { TwinRemoteError, isRemoteError, type RemoteFailure } from './remote-error.js';
export { databaseName, documentId, spaceRole } from './couch-names.js';
export { parseCouchDBOptions } from './couchdb-options.js';
