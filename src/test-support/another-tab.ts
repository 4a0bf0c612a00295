import { createIndexedDBAdapter } from '../sdk/adapters/indexeddb/index.js';
import type { StorageAdapter } from '../sdk/adapter.js';

/** What a test reaches in this page through `window.open`: adapters that live here, in a real second tab. */
export interface AnotherTab {
  openIndexedDBAdapter(databaseName: string): StorageAdapter;
}

(window as unknown as { anotherTab: AnotherTab }).anotherTab = {
  openIndexedDBAdapter: (databaseName) => createIndexedDBAdapter({ databaseName }),
};
