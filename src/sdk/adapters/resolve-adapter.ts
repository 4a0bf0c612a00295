import type { StorageAdapter } from '../adapter.js';
import { TwinError } from '../errors.js';
import { createIndexedDBAdapter } from './indexeddb/indexeddb-adapter.js';
import { createMemoryAdapter } from './memory/memory-adapter.js';
import { getAdapterFactory, registeredAdapterNames } from './registry.js';

const BUILT_IN: Record<string, (options?: Record<string, unknown>) => StorageAdapter | Promise<StorageAdapter>> = {
  indexeddb: () => createIndexedDBAdapter(),
  memory: () => createMemoryAdapter(),
  // Loaded when first used: pages on the embedded default never download sync.
  couchdb: async (options) => (await import('./synced/create-synced-couchdb.js')).createSyncedCouchDB(options),
  // Any server speaking Twinkit's replication protocol (docs/replication-protocol.md).
  remote: async (options) => (await import('./synced/create-synced-remote.js')).createSyncedRemote(options),
};

/** No adapter has this name: most often a typo, or a registerAdapter() call that runs too late. */
export class TwinUnknownAdapterError extends TwinError {
  readonly adapterName: string;
  /** The names that would have worked. */
  readonly known: string[];
  constructor(adapterName: string, known: string[]) {
    super(
      'storage-unavailable',
      `No storage adapter is registered as "${adapterName}". Known adapters: ${known.join(', ')}. Call registerAdapter("${adapterName}", factory) before the page uses it.`,
    );
    this.name = 'TwinUnknownAdapterError';
    this.adapterName = adapterName;
    this.known = known;
  }
}

/** Names `resolveAdapter` accepts: registered adapters and the built-in ones. */
export function knownAdapterNames(): string[] {
  return [...new Set([...registeredAdapterNames(), ...Object.keys(BUILT_IN)])];
}

/** The adapter for `<twin-space adapter="name">`: a registered one first, then the built-ins. */
export async function resolveAdapter(name: string, space: string, options?: Record<string, unknown>): Promise<StorageAdapter> {
  const factory = getAdapterFactory(name);
  if (factory) return factory({ space, options });
  const builtIn = BUILT_IN[name];
  if (builtIn) return builtIn(options);
  throw new TwinUnknownAdapterError(name, knownAdapterNames());
}
