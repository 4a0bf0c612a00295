export { createIndexedDBAdapter, type IndexedDBAdapterOptions } from './indexeddb-adapter.js';
export { DATABASE_VERSION } from './database.js';
