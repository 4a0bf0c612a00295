import type { StorageAdapter } from '../adapter.js';
import { TwinValidationError } from '../errors.js';
import type { SpaceSettings, TwinUser } from '../policy/roles.js';
import type { CollectionDefinition } from '../schemas/collections.js';
import type { ValidationCache } from './read/validation-cache.js';
import type { InvalidRecord, RecordChange } from './store-types.js';

/**
 * What every part of the store shares: who is signed in, in which space, with which collections,
 * storage and events. `createStore` builds one per store and hands it to each part, which are
 * plain functions of it.
 */
export interface StoreContext {
  readonly space: string;
  readonly user: TwinUser;
  readonly settings: SpaceSettings;
  /** Built-in and registered collections, by name. */
  readonly collections: Record<string, CollectionDefinition>;
  /** The adapter, with storage failures also reported as an `error` event. */
  readonly io: StorageAdapter;
  /** Tags this store's writes so that their echo from the adapter is skipped. */
  readonly origin: string;
  readonly now: () => Date;
  /** The phase new records take when none is given (`setDefaultPhase` changes it). */
  defaultPhase: string | undefined;
  readonly validated: ValidationCache;
  /** Tells subscribers (a `change` event) and keeps the validation cache in step. */
  emitChanges(changes: RecordChange[]): void;
  /** A stored record failed validation: an `invalid` event. */
  reportInvalid(report: InvalidRecord): void;
}

/** The definition of a collection the store knows; an unknown name is the caller's mistake. */
export function definitionOf(context: StoreContext, collection: string): CollectionDefinition {
  const definition = context.collections[collection];
  if (!definition) {
    throw new TwinValidationError(`"${collection}" is not a known collection. Known: ${Object.keys(context.collections).join(', ')}.`, [
      { path: 'collection', message: 'is not known' },
    ]);
  }
  return definition;
}
