import { pause } from '../couchdb/pause.js';
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
  /** The push's and the pull's last failure, apart: one loop's success must not hide the other's failure. */
  #errors: { push?: SyncStatus['error']; pull?: SyncStatus['error'] } = {};
  /** Ends the current wait between retries (the connection came back, or someone asked to sync now). */
  #cutWait = new AbortController();
  /** Counts retryNow calls: a loop whose attempt began before the last one retries without waiting. */
  #retries = 0;
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
      this.retryNow(); // no waiting out a backoff, and the long poll ends so the pull reads at once
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
    const error = this.#errors.push ?? this.#errors.pull;
    const state = error ? (error.failure === 'offline' ? 'offline' : 'error') : this.#pushing || !this.#pullCaughtUp ? 'syncing' : 'online';
    if (state === 'online') this.#lastSyncedAt = new Date().toISOString();
    this.#options.onStatus({ state, ...(error ? { error } : {}), ...(this.#lastSyncedAt ? { lastSyncedAt: this.#lastSyncedAt } : {}) });
  }

  #failed(loop: 'push' | 'pull', error: unknown) {
    this.#errors[loop] = isRemoteError(error)
      ? { failure: error.failure, message: error.message }
      : { failure: 'unknown', message: error instanceof Error ? error.message : String(error) };
    this.#report();
  }

  #succeeded(loop: 'push' | 'pull') {
    if (this.#errors[loop]) {
      this.#errors[loop] = undefined;
      this.#report();
    }
  }

  /** Waits before a retry, unless retryNow was called since the attempt began (`attempt`) or during the wait. */
  #wait(ms: number, attempt: number) {
    if (attempt !== this.#retries) return Promise.resolve();
    const cut = this.#cutWait.signal;
    const both = AbortSignal.any([this.#controller.signal, cut]);
    return pause(ms, both);
  }

  /** Retries at once: the connection is back, or the user asked to sync. */
  retryNow(): void {
    this.#retries++;
    this.#cutWait.abort();
    this.#cutWait = new AbortController();
    this.kick();
    this.#pullAbort?.abort();
  }

  async #pushLoop() {
    const { signal } = this.#controller;
    let delay = this.#options.minDelay;
    while (!signal.aborted) {
      if (!this.#woken) await new Promise<void>((resolve) => (this.#wake = resolve));
      if (signal.aborted) break;
      this.#woken = false;
      const attempt = this.#retries;
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
        this.#succeeded('push');
        this.#report();
        this.#settleWaiters('pushed');
      } catch (error) {
        this.#pushing = false;
        if (signal.aborted) break;
        this.#failed('push', error);
        this.#woken = true; // try again after the wait
        await this.#wait(delay, attempt);
        delay = attempt === this.#retries ? Math.min(delay * 2, this.#options.maxDelay) : this.#options.minDelay;
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
      const attempt = this.#retries;
      const stop = () => this.#pullAbort?.abort();
      signal.addEventListener('abort', stop, { once: true });
      try {
        // A long poll answers only when something changes: after a failure, read at once to know the server is back.
        const wait = this.#pullCaughtUp && !this.#errors.pull && !this.#waiters.some((w) => !w.pulled) ? this.#options.pollWait : 0;
        const page = await remote.readChanges(space, since, { wait, limit: PULL_BATCH, signal: this.#pullAbort.signal });
        await applyRemote(local, space, page.changes.map((change) => ({ collection: change.collection, id: change.id, remoteRev: change.rev, record: change.record, origin: change.origin })));
        since = page.checkpoint;
        await db.put('sync-checkpoints', { space, since });
        delay = this.#options.minDelay;
        const caughtUp = page.rows < PULL_BATCH; // rows, not changes: design documents count towards a full page
        if (caughtUp !== this.#pullCaughtUp) {
          this.#pullCaughtUp = caughtUp;
          this.#report();
        }
        this.#succeeded('pull');
        if (caughtUp) this.#settleWaiters('pulled');
      } catch (error) {
        if (signal.aborted) break;
        if (this.#pullAbort.signal.aborted) continue; // syncNow ended the long poll on purpose
        this.#failed('pull', error);
        await this.#wait(delay, attempt);
        delay = attempt === this.#retries ? Math.min(delay * 2, this.#options.maxDelay) : this.#options.minDelay;
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
