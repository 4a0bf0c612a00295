import type { CouchDBAdapter } from '../couchdb/couchdb-adapter.js';
import type { Checkpoint } from '../couchdb/changes-feed.js';
import { isRemoteError } from '../couchdb/remote-error.js';
import type { IndexedDBAdapter } from '../indexeddb/indexeddb-adapter.js';
import { applyRemote } from './apply-remote.js';
import { pushOutbox, type PushContext } from './push-outbox.js';
import type { SyncConflict, SyncStatus } from './sync-status.js';

export interface SpaceSyncOptions {
  local: IndexedDBAdapter;
  remote: CouchDBAdapter;
  space: string;
  origin: string;
  /** Waits between attempts after a failure: from `minDelay`, doubling up to `maxDelay` (ms). */
  minDelay: number;
  maxDelay: number;
  /** How long one long poll of the changes feed waits. */
  pollWait: number;
  onStatus(status: Omit<SyncStatus, 'pending'>): void;
  onConflict(conflict: SyncConflict): void;
  /** Recount what waits, after a push. */
  onPushed(): void;
}

const PULL_BATCH = 500;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Sync of one space, run by one tab at a time: a push loop that empties the outbox whenever it is
 * woken (a local write, here or in another tab), and a pull loop that reads the server's changes
 * feed from the stored checkpoint, catching up in batches and then waiting on a long poll.
 */
export class SpaceSync {
  readonly #options: SpaceSyncOptions;
  readonly #controller = new AbortController();
  #wake: () => void = () => {};
  #woken = true;
  #pushing = false;
  #pullCaughtUp = false;
  #error: SyncStatus['error'];
  #lastSyncedAt: string | undefined;
  /** Set by syncNow: resolves once a push and a pull have both completed after the call. */
  #waiters: { pushed: boolean; pulled: boolean; resolve(): void; reject(error: unknown): void }[] = [];
  #pullAbort: AbortController | undefined;

  constructor(options: SpaceSyncOptions) {
    this.#options = options;
  }

  /** Runs until stopped. */
  async run(): Promise<void> {
    this.#report();
    await Promise.all([this.#pushLoop(), this.#pullLoop()]);
  }

  stop(): void {
    this.#controller.abort();
    this.#wake();
    for (const waiter of this.#waiters.splice(0)) waiter.reject(new Error('Sync stopped.'));
  }

  /** Something local changed: push soon. */
  kick(): void {
    this.#woken = true;
    this.#wake();
  }

  /** Push and pull now; resolves when both finished once. */
  syncNow(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#waiters.push({ pushed: false, pulled: false, resolve, reject });
      this.kick();
      this.#pullAbort?.abort(); // end the long poll, so the pull loop reads at once
    });
  }

  #settleWaiters(part: 'pushed' | 'pulled') {
    for (const waiter of [...this.#waiters]) {
      waiter[part] = true;
      if (waiter.pushed && waiter.pulled) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }

  #report() {
    // Every failure is retried with a growing wait; only an unreachable server counts as offline.
    const state = this.#error ? (this.#error.failure === 'offline' ? 'offline' : 'error') : this.#pushing || !this.#pullCaughtUp ? 'syncing' : 'online';
    if (state === 'online') this.#lastSyncedAt = new Date().toISOString();
    this.#options.onStatus({ state, ...(this.#error ? { error: this.#error } : {}), ...(this.#lastSyncedAt ? { lastSyncedAt: this.#lastSyncedAt } : {}) });
  }

  #failed(error: unknown) {
    this.#error = isRemoteError(error)
      ? { failure: error.failure, message: error.message }
      : { failure: 'unknown', message: error instanceof Error ? error.message : String(error) };
    this.#report();
  }

  #succeeded() {
    if (this.#error) {
      this.#error = undefined;
      this.#report();
    }
  }

  async #pushLoop() {
    const { signal } = this.#controller;
    let delay = this.#options.minDelay;
    while (!signal.aborted) {
      if (!this.#woken) await new Promise<void>((resolve) => (this.#wake = resolve));
      if (signal.aborted) break;
      this.#woken = false;
      this.#pushing = true;
      this.#report();
      try {
        const { local, space } = this.#options;
        const context: PushContext = {
          ...this.#options,
          applyRemote: (versions, origin) => applyRemote(local, space, versions.map((version) => ({ ...version, origin }))),
          keepConflict: (conflict) => this.#keepConflict(conflict),
        };
        while (!signal.aborted && (await pushOutbox(context)) > 0) {
          this.#options.onPushed();
        }
        this.#options.onPushed();
        delay = this.#options.minDelay;
        this.#pushing = false;
        this.#succeeded();
        this.#report();
        this.#settleWaiters('pushed');
      } catch (error) {
        this.#pushing = false;
        if (signal.aborted) break;
        this.#failed(error);
        this.#woken = true; // try again after the wait
        await sleep(delay, signal);
        delay = Math.min(delay * 2, this.#options.maxDelay);
      }
    }
  }

  async #pullLoop() {
    const { signal } = this.#controller;
    const { local, remote, space } = this.#options;
    let delay = this.#options.minDelay;
    const db = await local.database();
    let since: Checkpoint = (await db.get('sync-checkpoints', space))?.since ?? 0;
    while (!signal.aborted) {
      this.#pullAbort = new AbortController();
      const stop = () => this.#pullAbort?.abort();
      signal.addEventListener('abort', stop, { once: true });
      try {
        const wait = this.#pullCaughtUp && !this.#waiters.some((w) => !w.pulled) ? this.#options.pollWait : 0;
        const page = await remote.readChanges(space, since, { wait, limit: PULL_BATCH, signal: this.#pullAbort.signal });
        await applyRemote(local, space, page.changes.map((change) => ({ collection: change.collection, id: change.id, remoteRev: change.rev, record: change.record, origin: change.origin })));
        since = page.checkpoint;
        await db.put('sync-checkpoints', { space, since });
        delay = this.#options.minDelay;
        const caughtUp = page.changes.length < PULL_BATCH;
        if (caughtUp !== this.#pullCaughtUp) {
          this.#pullCaughtUp = caughtUp;
          this.#report();
        }
        this.#succeeded();
        if (caughtUp) this.#settleWaiters('pulled');
      } catch (error) {
        if (signal.aborted) break;
        if (this.#pullAbort.signal.aborted) continue; // syncNow ended the long poll on purpose
        this.#failed(error);
        await sleep(delay, signal);
        delay = Math.min(delay * 2, this.#options.maxDelay);
      } finally {
        signal.removeEventListener('abort', stop);
      }
    }
  }

  async #keepConflict(conflict: SyncConflict) {
    const db = await this.#options.local.database();
    await db.put('sync-conflicts', conflict);
    this.#options.onConflict(conflict);
  }
}
