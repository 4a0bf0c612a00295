import type { IDBPTransaction, StoreNames } from 'idb';
import type { AttachmentInfo, Change, ListQuery, RawRecord, StorageAdapter, WriteOperation, WriteOptions, WriteResult } from '../../adapter.js';
import { toStorageError, TwinStorageError } from '../../errors.js';
import { randomId } from '../../revision.js';
import { assertWritable } from '../assert-writable.js';
import { applyBatch } from './apply-batch.js';
import { openTwinDatabase, type TwinDB, type TwinDBSchema } from './database.js';

/** The adapter, and its open database for what composes it (sync's outbox and checkpoints). */
export interface IndexedDBAdapter extends StorageAdapter {
  database(): Promise<TwinDB>;
}

export type WriteTransaction = IDBPTransaction<TwinDBSchema, StoreNames<TwinDBSchema>[], 'readwrite'>;

export interface IndexedDBAdapterOptions {
  /** IndexedDB database name; one database holds every space. Default `twinkit`. */
  databaseName?: string;
  /**
   * Runs inside every write's transaction, after the batch applied and before it commits, so that
   * what it writes (sync's outbox) is stored together with the records or not at all. `before`
   * holds what was stored before the batch, by `beforeKey(collection, id)`.
   */
  journal?: (tx: WriteTransaction, space: string, changes: Change[], options: WriteOptions, before: Map<string, RawRecord | undefined>) => void;
}

/** Batches larger than this are broadcast to other tabs without record bodies; they read what they need. */
const BROADCAST_BODY_LIMIT = 100;

/** Request errors also abort the transaction; they are reported once, through `tx.done`. */
const ignore = () => {};

interface ChannelMessage {
  space: string;
  changes: Change[];
}

/**
 * The embedded default: IndexedDB through `idb`, with changes shared across tabs by BroadcastChannel.
 * A write is one transaction, so a quota error leaves nothing half-written.
 */
export function createIndexedDBAdapter(options: IndexedDBAdapterOptions = {}): IndexedDBAdapter {
  const databaseName = options.databaseName ?? 'twinkit';
  const listeners = new Set<(space: string, changes: Change[]) => void>();
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`twinkit:${databaseName}`) : undefined;
  let database: Promise<TwinDB> | undefined;

  const db = () => {
    database ??= openTwinDatabase(databaseName, () => {
      void database?.then((opened) => opened.close());
      database = undefined;
    }).catch((error: unknown) => {
      database = undefined;
      throw toStorageError(error);
    });
    return database;
  };

  const notify = (space: string, changes: Change[]) => listeners.forEach((listener) => listener(space, changes));

  if (channel) {
    channel.onmessage = (event: MessageEvent<ChannelMessage>) => notify(event.data.space, event.data.changes);
  }

  const adapter: IndexedDBAdapter = {
    database: db,
    name: 'indexeddb',
    capabilities: { sharedChanges: true, persistent: true },

    async get(space, collection, id) {
      try {
        return await (await db()).get('records', [space, collection, id]);
      } catch (error) {
        throw toStorageError(error);
      }
    },

    async list(space, collection, query: ListQuery = {}) {
      try {
        const tx = (await db()).transaction('records');
        // Arrays sort after strings in IndexedDB keys, so `[]` closes a key prefix from above.
        const prefix = query.phase === undefined ? [space, collection] : [space, collection, query.phase];
        const lower = query.updatedAfter === undefined ? prefix : [...prefix, query.updatedAfter, []];
        const range = IDBKeyRange.bound(lower, [...prefix, []]);
        const index = tx.store.index(query.phase === undefined ? 'by-updated' : 'by-phase');
        if (query.limit === 0) return []; // getAll reads 0 as "no limit"
        if (query.direction !== 'desc') return await index.getAll(range, query.limit);
        const out: RawRecord[] = [];
        for (let cursor = await index.openCursor(range, 'prev'); cursor; cursor = await cursor.continue()) {
          out.push(cursor.value);
          if (query.limit !== undefined && out.length >= query.limit) break;
        }
        return out;
      } catch (error) {
        throw toStorageError(error);
      }
    },

    async write(space, operations: WriteOperation[], writeOptions) {
      const { origin } = writeOptions;
      assertWritable(operations);
      let results: WriteResult[];
      const changes: Change[] = [];
      let tx: WriteTransaction | undefined;
      try {
        const stores: StoreNames<TwinDBSchema>[] = options.journal ? ['records', 'outbox', 'sync-meta'] : ['records'];
        tx = (await db()).transaction(stores, 'readwrite');
        const applied = applyBatch(tx.objectStore('records'), space, operations, origin);
        const done = tx.done;
        done.catch(ignore); // Awaited below; this only keeps an early abort from being reported twice.
        results = await applied.results;
        options.journal?.(tx, space, applied.changes, writeOptions, applied.before);
        await done;
        changes.push(...applied.changes);
      } catch (error) {
        // Whatever failed mid-batch, the transaction must not commit the part already queued.
        try {
          tx?.abort();
        } catch {
          // Already aborted by the browser (a quota error does that): nothing was written.
        }
        await tx?.done.catch(ignore);
        // A quota abort shows on the transaction; the request only says it was aborted.
        throw toStorageError(tx?.error ?? error);
      }
      if (changes.length) {
        notify(space, changes);
        const shared = changes.length > BROADCAST_BODY_LIMIT ? changes.map(({ record: _omit, ...rest }) => rest) : changes;
        channel?.postMessage({ space, changes: shared } satisfies ChannelMessage);
      }
      return results;
    },

    subscribe(space, listener) {
      const wrapped = (changedSpace: string, changes: Change[]) => {
        if (changedSpace === space) listener(changes);
      };
      listeners.add(wrapped);
      return () => listeners.delete(wrapped);
    },

    async putAttachment(space, blob, { id = randomId() } = {}): Promise<AttachmentInfo> {
      try {
        await (await db()).put('attachments', { space, id, blob });
      } catch (error) {
        throw toStorageError(error);
      }
      return { id, type: blob.type, size: blob.size };
    },

    async getAttachment(space, id) {
      try {
        return (await (await db()).get('attachments', [space, id]))?.blob;
      } catch (error) {
        throw toStorageError(error);
      }
    },

    async deleteAttachment(space, id) {
      try {
        await (await db()).delete('attachments', [space, id]);
      } catch (error) {
        throw toStorageError(error);
      }
    },

    async close() {
      listeners.clear();
      channel?.close();
      const opened = database;
      database = Promise.reject(new TwinStorageError('storage-unavailable', 'This storage was closed.'));
      database.catch(() => {});
      (await opened?.catch(() => undefined))?.close();
    },
  };
  return adapter;
}
