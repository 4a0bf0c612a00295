import { createIndexedDBAdapter } from '../../sdk/adapters/indexeddb/indexeddb-adapter.js';
import type { StorageAdapter } from '../../sdk/adapter.js';
import { createStore, type TwinStore } from '../../sdk/store/create-store.js';
import { localUser } from './local-user.js';

let sharedAdapter: StorageAdapter | undefined;
const stores = new Map<string, TwinStore>();

/** The store of a widget used alone: in-browser IndexedDB, the local user. One per space, shared. */
export function defaultStore(space: string): TwinStore {
  let store = stores.get(space);
  if (!store) {
    sharedAdapter ??= createIndexedDBAdapter();
    store = createStore({ adapter: sharedAdapter, space, user: localUser() });
    stores.set(space, store);
  }
  return store;
}
