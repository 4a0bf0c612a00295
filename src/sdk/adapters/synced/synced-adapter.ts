import type { StorageAdapter } from '../../adapter.js';
import { randomId } from '../../revision.js';
import { ATTACHMENT_COLLECTION, firstEntryVersion } from '../indexeddb/database.js';
import { createIndexedDBAdapter, type IndexedDBAdapter } from '../indexeddb/indexeddb-adapter.js';
import { dismissKept, keptVersions } from './kept-versions.js';
import { SpaceSync } from './space-sync.js';
import type { SyncRemote } from './sync-remote.js';
import { syncJournal } from './sync-journal.js';
import type { SyncConflict, SyncController, SyncStatus } from './sync-status.js';

export interface SyncedAdapterOptions {
  /**
   * The server side: `createCouchDBAdapter(...)`, or any other implementation of SyncRemote; or
   * a function making it from the local copy (a server that asks what the device holds).
   */
  remote: SyncRemote | ((local: IndexedDBAdapter) => SyncRemote);
  /** The local IndexedDB database. Default: one per server URL, so two servers never mix. */
  databaseName?: string;
  /** Waits after a failure, doubling from `minDelay` to `maxDelay` ms. Defaults 1,000 and 30,000. */
  minDelay?: number;
  maxDelay?: number;
  /** How long one long poll of the server's changes waits (ms). Default 25,000. */
  pollWait?: number;
}

export interface SyncedAdapter extends StorageAdapter {
  readonly sync: SyncController;
}

type Message =
  | { type: 'status'; space: string; status: Omit<SyncStatus, 'pending'> }
  | { type: 'conflict'; conflict: SyncConflict }
  | { type: 'outbox' }
  /** Kept versions were added or decided on, in some tab. */
  | { type: 'kept' }
  /** A tab that does not sync asks the one that does to sync now, and hears back when it is done. */
  | { type: 'sync-now'; space: string; id: string }
  | { type: 'synced'; id: string; error?: string }
  /** A tab took over syncing a space: questions the tab before it took along are asked again. */
  | { type: 'leader'; space: string };

/**
 * Offline first: widgets read and write the local IndexedDB copy at once; an outbox sends the
 * writes to the server when it can, and the server's changes come back through its changes feed.
 * In one browser only one tab talks to the server (a Web Lock per space); the others share the
 * same IndexedDB, see its changes by BroadcastChannel, and show the syncing tab's status.
 */
export function createSyncedAdapter(options: SyncedAdapterOptions): SyncedAdapter {
  const given = options.remote;
  const named = typeof given === 'function' ? undefined : (given.client?.url ?? given.name);
  const databaseName = options.databaseName ?? `twinkit-sync-${(named ?? 'server').replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
  const local = createIndexedDBAdapter({ databaseName, journal: syncJournal });
  const remote = typeof given === 'function' ? given(local) : given;
  const origin = `device-${randomId(12)}`;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`twinkit-sync:${databaseName}`) : undefined;
  const engines = new Map<string, { sync?: SpaceSync; stop(): void; syncNow(): Promise<void> }>();
  const statusListeners = new Set<(status: SyncStatus) => void>();
  const conflictListeners = new Set<(conflict: SyncConflict) => void>();
  let status: SyncStatus = { state: 'syncing', pending: 0 };
  let closed = false;
  /** Spaces this tab syncs (it holds their lock). */
  const syncedHere = new Set<string>();
  /** This tab's questions to the syncing tab, by id, until answered. */
  const replies = new Map<string, { space: string; resolve(): void; reject(error: Error): void }>();

  const setStatus = (next: SyncStatus) => {
    status = next;
    statusListeners.forEach((listener) => listener(status));
  };

  const recount = async () => {
    if (closed) return;
    try {
      const db = await local.database();
      const pending = await db.count('outbox');
      const conflicts = await db.count('sync-kept');
      if (pending !== status.pending || conflicts !== (status.conflicts ?? 0)) setStatus({ ...status, pending, conflicts });
    } catch {
      // Storage closed or gone: the count stays as it was; the failure shows where it matters (writes).
    }
  };

  // A listener that throws must not undo the keeping it is told about (the engine would keep it again).
  const announceConflict = (conflict: SyncConflict) =>
    conflictListeners.forEach((listener) => {
      try {
        listener(conflict);
      } catch (error) {
        console.error('Twinkit: a sync.onConflict listener failed.', error);
      }
    });

  // The connection is back: retry at once instead of waiting out the backoff.
  const onOnline = () => engines.forEach((entry) => entry.sync?.retryNow());
  if (typeof window !== 'undefined') window.addEventListener('online', onOnline);

  if (channel) {
    channel.onmessage = ({ data }: MessageEvent<Message>) => {
      if (data.type === 'status') setStatus({ ...data.status, pending: status.pending, conflicts: status.conflicts });
      if (data.type === 'conflict') announceConflict(data.conflict);
      if (data.type === 'sync-now' && syncedHere.has(data.space)) {
        const reply = (error?: unknown) =>
          channel.postMessage({ type: 'synced', id: data.id, ...(error ? { error: String((error as Error).message ?? error) } : {}) } satisfies Message);
        engines.get(data.space)?.syncNow().then(() => reply(), reply);
      }
      if (data.type === 'leader') {
        for (const [id, waiting] of replies) if (waiting.space === data.space) channel.postMessage({ type: 'sync-now', space: data.space, id } satisfies Message);
      }
      if (data.type === 'synced') {
        const waiting = replies.get(data.id);
        replies.delete(data.id);
        if (data.error) waiting?.reject(new Error(data.error));
        else waiting?.resolve();
      }
      void recount();
    };
  }

  /** Starts syncing a space: in this tab if it gets the space's lock, otherwise when the tab holding it closes. */
  function engine(space: string) {
    let existing = engines.get(space);
    if (existing) return existing;
    const controller = new AbortController();
    const sync = new SpaceSync({
      local,
      remote,
      space,
      origin,
      minDelay: options.minDelay ?? 1000,
      maxDelay: options.maxDelay ?? 30_000,
      pollWait: options.pollWait ?? 25_000,
      onStatus: (next) => {
        setStatus({ ...next, pending: status.pending, conflicts: status.conflicts });
        channel?.postMessage({ type: 'status', space, status: next } satisfies Message);
      },
      onConflict: (conflict) => {
        announceConflict(conflict);
        channel?.postMessage({ type: 'conflict', conflict } satisfies Message);
        void recount();
      },
      onPushed: () => void recount(),
    });
    const stopLocal = local.subscribe(space, () => {
      sync.kick();
      void recount();
    });
    const run = async () => {
      syncedHere.add(space);
      // Asked to sync before this tab took over: this tab's questions are answered from here now,
      // and other tabs ask again (their questions went to the tab before).
      for (const [id, waiting] of replies) {
        if (waiting.space !== space) continue;
        replies.delete(id);
        void sync.syncNow().then(waiting.resolve, waiting.reject);
      }
      channel?.postMessage({ type: 'leader', space } satisfies Message);
      try {
        await sync.run();
      } finally {
        syncedHere.delete(space);
      }
    };
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    let leading: Promise<void> | undefined;
    if (locks) leading = locks.request(`twinkit-sync:${databaseName}:${space}`, { signal: controller.signal }, run).catch(() => {});
    else leading = run();
    existing = {
      sync,
      stop() {
        controller.abort();
        sync.stop();
        stopLocal();
        void leading;
      },
      syncNow() {
        if (syncedHere.has(space) || !channel) return sync.syncNow();
        // Another tab syncs this space: ask it, and wait for its answer (or for this tab to take over).
        const id = randomId();
        return new Promise<void>((resolve, reject) => {
          replies.set(id, { space, resolve, reject });
          channel.postMessage({ type: 'sync-now', space, id } satisfies Message);
        });
      },
    };
    engines.set(space, existing);
    void recount();
    return existing;
  }

  async function queueAttachment(space: string, id: string, action: 'put' | 'delete') {
    const db = await local.database();
    const tx = db.transaction('outbox', 'readwrite');
    const key: [string, string, string] = [space, ATTACHMENT_COLLECTION, id];
    const existing = await tx.store.get(key);
    await tx.store.put({ space, collection: ATTACHMENT_COLLECTION, id, action, version: existing ? existing.version + 1 : firstEntryVersion(), queuedAt: new Date().toISOString() });
    await tx.done;
    engine(space).sync?.kick();
    channel?.postMessage({ type: 'outbox' } satisfies Message);
    void recount();
  }

  const adapter: SyncedAdapter = {
    name: remote.name,
    capabilities: { sharedChanges: true, persistent: true },

    get(space, collection, id) {
      engine(space);
      return local.get(space, collection, id);
    },
    list(space, collection, query) {
      engine(space);
      return local.list(space, collection, query);
    },
    write(space, operations, writeOptions) {
      engine(space);
      return local.write(space, operations, writeOptions);
    },
    subscribe(space, listener) {
      engine(space);
      return local.subscribe(space, listener);
    },

    async putAttachment(space, blob, attachmentOptions) {
      const info = await local.putAttachment(space, blob, attachmentOptions);
      await queueAttachment(space, info.id, 'put');
      return info;
    },
    async getAttachment(space, id) {
      const stored = await local.getAttachment(space, id);
      if (stored) return stored;
      const waiting = await (await local.database()).get('outbox', [space, ATTACHMENT_COLLECTION, id]);
      if (waiting?.action === 'delete') return undefined; // deleted here; the server hears of it soon
      // Not here yet (made on another device): fetch it once and keep it.
      const fetched = await remote.files?.getFile(space, id).catch(() => undefined);
      if (fetched) await local.putAttachment(space, fetched, { id });
      return fetched;
    },
    async deleteAttachment(space, id) {
      await local.deleteAttachment(space, id);
      await queueAttachment(space, id, 'delete');
    },

    sync: {
      status: () => status,
      subscribe(listener) {
        statusListeners.add(listener);
        return () => statusListeners.delete(listener);
      },
      onConflict(listener) {
        conflictListeners.add(listener);
        return () => conflictListeners.delete(listener);
      },
      async conflicts(space) {
        return keptVersions(await local.database(), space);
      },
      async dismissConflict(space, key) {
        // A losing branch is ended on the server too: the syncing tab does that.
        if (await dismissKept(await local.database(), space, key)) engine(space).sync?.kick();
        channel?.postMessage({ type: 'kept' } satisfies Message);
        await recount();
      },
      syncNow: (space) => engine(space).syncNow(),
    },

    async close() {
      closed = true;
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
      engines.forEach((entry) => entry.stop());
      engines.clear();
      statusListeners.clear();
      conflictListeners.clear();
      channel?.close();
      await local.close();
      await remote.close?.();
    },
  };
  return adapter;
}
