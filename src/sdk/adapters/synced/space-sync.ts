import type { Checkpoint } from '../../replication/protocol.js';
import { checkedPullPage } from '../../replication/protocol-answers.js';
import { pause } from '../couchdb/pause.js';
import { isRemoteError } from '../couchdb/remote-error.js';
import type { IndexedDBAdapter } from '../indexeddb/indexeddb-adapter.js';
import { applyRemote, recordKey, type PulledMeta, type PulledWriteOptions, type RemoteVersion } from './apply-remote.js';
import { forgetEndedBranches, pruneResolvedBranches, takeInBranches } from './branches.js';
import { headsNeedingBodies } from './change-heads.js';
import { checkSource, finishReconcile, remoteIdentity, restartFromBeginning, sourceId, type SourceCheck } from './check-source.js';
import { keepVersions } from './kept-versions.js';
import { pushOutbox, type PushContext } from './push-outbox.js';
import type { SyncRemote } from './sync-remote.js';
import type { SyncConflict, SyncStatus } from './sync-status.js';

/** One page of a pull, as the remote answers it (CouchDB's may carry heads without bodies). */
type Page = Awaited<ReturnType<SyncRemote['pull']>>;

export interface SpaceSyncOptions {
  local: IndexedDBAdapter;
  remote: SyncRemote;
  space: string;
  origin: string;
  /** Waits between attempts after a failure: from `minDelay`, doubling up to `maxDelay` (ms). */
  minDelay: number;
  maxDelay: number;
  /** How long one long poll of the changes feed waits. */
  pollWait: number;
  onStatus(status: Omit<SyncStatus, 'pending'>): void;
  /** Versions newly kept for a person. */
  onConflict(conflict: SyncConflict): void;
  /** Recount what waits and what is kept: after a push, a failed one, and kept branches forgotten. */
  onPushed(): void;
}

const PULL_BATCH = 1000;

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
  /** Resolves when the running push call ends (the pull waits for it: this device's own writes go first). */
  #pushEnded: () => void = () => {};
  #pullCaughtUp = false;
  /** The push's and the pull's last failure, apart: one loop's success must not hide the other's failure. */
  #errors: { push?: SyncStatus['error']; pull?: SyncStatus['error'] } = {};
  /** Ends the current wait between retries (the connection came back, or someone asked to sync now). */
  #cutWait = new AbortController();
  /** Counts retryNow calls: a loop whose attempt began before the last one retries without waiting. */
  #retries = 0;
  #lastSyncedAt: string | undefined;
  /** Set by syncNow: resolves once a push and a pull have both completed after the call. */
  #waiters: { pushed: boolean; pulled: boolean; rounds: { push: number; pull: number }; resolve(): void; reject(error: unknown): void }[] = [];
  /**
   * Counts the outbox pushes and the pull rounds started: only one started after syncNow was
   * called answers it (a push reads every entry there is when it starts, so one is enough even
   * while writes keep coming).
   */
  #rounds = { push: 0, pull: 0 };
  #pullAbort: AbortController | undefined;
  /** The server database this device is in step with; undefined until checked (the push waits for it). */
  #source: string | undefined;
  #sourceKnown: () => void = () => {};
  /** Set when the push saw signs of another database: the pull checks again before anything else. */
  #recheckSource = false;
  #applying: Promise<unknown> = Promise.resolve();

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
    this.#sourceKnown();
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
      this.#waiters.push({ pushed: false, pulled: false, rounds: { ...this.#rounds }, resolve, reject });
      // Someone asked: make sure the server's database is still the one the checkpoint came from.
      this.#recheckSource = true;
      this.retryNow(); // no waiting out a backoff, and the long poll ends so the pull reads at once
    });
  }

  #settleWaiters(part: 'pushed' | 'pulled', round: number) {
    for (const waiter of [...this.#waiters]) {
      if (round <= waiter.rounds[part === 'pushed' ? 'push' : 'pull']) continue; // began before the call
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
    // A failure that waiting will not mend (signed out, refused, no database, a local storage
    // error) answers whoever asked to sync now; an outage does not: they are answered once it is over.
    if (isRemoteError(error) && error.retryable) return;
    for (const waiter of this.#waiters.splice(0)) waiter.reject(error);
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
    return pause(ms, this.#controller.signal, cut);
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
        // Nothing is sent before the pull has checked which server database this is: revisions
        // of another one would be refused as conflicts.
        while (!this.#source && !signal.aborted) await new Promise<void>((resolve) => (this.#sourceKnown = resolve));
        if (signal.aborted) break;
        const context: PushContext = {
          ...this.#options,
          source: this.#source!,
          applyRemote: (versions) => this.#applyRemote(versions),
          keep: (conflicts) => this.#keep(conflicts),
          verifySource: () => this.#verifySource(),
        };
        // Independent of the outbox: ended beside it, so a fresh write goes out without waiting.
        const pruning = pruneResolvedBranches({ ...this.#options, keep: context.keep });
        pruning.catch(() => {}); // awaited below
        try {
          for (;;) {
            if (signal.aborted || !this.#source) break;
            const call = ++this.#rounds.push;
            const handled = await pushOutbox({ ...context, source: this.#source });
            this.#pushEnded(); // a pull waiting for this call goes now, before the next call
            this.#settleWaiters('pushed', call);
            if (handled === 0) break;
            this.#options.onPushed();
          }
          await pruning;
        } finally {
          await pruning.catch(() => {}); // a failed push still lets it finish before a retry
        }
        this.#options.onPushed();
        delay = this.#options.minDelay;
        this.#pushing = false;
        this.#pushEnded();
        this.#succeeded('push');
        this.#report();
      } catch (error) {
        this.#pushing = false;
        this.#pushEnded();
        if (signal.aborted) break;
        this.#options.onPushed(); // what was sent before the failure no longer waits
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
    let check: SourceCheck | undefined;
    let since: Checkpoint = 0;
    /** The next page, read while the current one is stored. */
    let ahead: { since: Checkpoint; page: Promise<Page> } | undefined;
    while (!signal.aborted) {
      this.#pullAbort = new AbortController();
      const attempt = this.#retries;
      const round = ++this.#rounds.pull;
      const stop = () => this.#pullAbort?.abort();
      signal.addEventListener('abort', stop, { once: true });
      try {
        if (!check || this.#recheckSource) {
          this.#recheckSource = false;
          // At start and after every failure: is this still the database the checkpoint came from?
          ahead = undefined;
          check = await checkSource(db, remote, space);
          since = check.since;
          this.#setSource(check.reconciling ? undefined : check.source);
        }
        // A push under way goes first: its requests and its local writes are not shared with the
        // pull. Only that one: a push started after it (more writes keep coming) waits its turn.
        const pushCall = this.#rounds.push;
        const aborted = this.#pullAbort.signal;
        while (this.#pushing && this.#rounds.push === pushCall && !check.reconciling && !signal.aborted && !aborted.aborted) {
          await new Promise<void>((resolve) => {
            this.#pushEnded = resolve;
            aborted.addEventListener('abort', () => resolve(), { once: true });
          });
        }
        // A long poll answers only when something changes: after a failure, read at once to know the server is back.
        const wait = this.#pullCaughtUp && !this.#errors.pull && !this.#waiters.some((w) => !w.pulled) ? this.#options.pollWait : 0;
        // While pushing, the feed mostly echoes this device's own writes: read it without documents.
        const bodies = !this.#pushing || check.reconciling;
        const asked = Date.now();
        const page = checkedPullPage<Page>(ahead?.since === since ? await ahead.page : await remote.pull(space, since === 0 ? null : since, { wait: wait / 1000, limit: PULL_BATCH, signal: this.#pullAbort.signal, bodies }));
        ahead = undefined;
        // A protocol server names its copy of the data in every answer: another one (restored, replaced) is read again from the start.
        if (!remote.identity && sourceId(check.source) !== page.source) {
          this.#recheckSource = true;
          continue;
        }
        if (page.more) {
          // More follows: the server reads the next page while this one is stored here.
          const next = remote.pull(space, page.checkpoint, { limit: PULL_BATCH, wait: 0, signal, bodies });
          next.catch(() => {}); // awaited by the next round, or dropped
          ahead = { since: page.checkpoint, page: next };
        }
        const changes = page.heads && remote.readBodies ? await remote.readBodies(space, await headsNeedingBodies(local, space, check.source, page.heads)) : page.changes;
        await this.#applyRemote(
          changes.map((change) => ({ collection: change.collection, id: change.id, remoteRev: change.rev, record: change.deleted ? undefined : change.record, origin: change.origin ?? '', write: change.writeId })),
          check.source,
        );
        const branchContext = { ...this.#options, keep: (conflicts: SyncConflict[]) => this.#keep(conflicts) };
        // Kept branches that ended elsewhere (someone decided on another device) leave the count.
        if (await forgetEndedBranches(branchContext, changes)) this.#options.onPushed();
        const branched = changes.filter((change) => change.conflicts?.length);
        if (branched.length) await takeInBranches(branchContext, branched);
        since = page.checkpoint;
        await db.put('sync-checkpoints', { space, since, source: check.source, ...(check.reconciling ? { reconciling: true, ...(check.fresh ? { fresh: true } : {}) } : {}) });
        delay = this.#options.minDelay;
        const caughtUp = !page.more;
        if (caughtUp && check.reconciling) {
          // Everything the server has is here now: send what it lacks, then the push may go.
          if (!check.fresh) await this.#dropUnreadable(check.source);
          await finishReconcile(db, space, check.source, since, check.fresh);
          check = { ...check, reconciling: false };
          this.#setSource(check.source);
          this.kick();
        }
        if (caughtUp !== this.#pullCaughtUp) {
          this.#pullCaughtUp = caughtUp;
          this.#report();
        }
        this.#succeeded('pull');
        if (caughtUp) this.#settleWaiters('pulled', round);
        // A server that does not hold a pull open answered at once with nothing: wait here instead of asking again and again.
        if (caughtUp && wait && !changes.length && Date.now() - asked < wait / 2) await this.#wait(wait - (Date.now() - asked), this.#retries);
      } catch (error) {
        ahead = undefined;
        if (signal.aborted) break;
        if (this.#pullAbort.signal.aborted) continue; // syncNow ended the long poll on purpose
        check = undefined;
        if (isRemoteError(error) && error.serverCode === 'bad-checkpoint') await restartFromBeginning(db, space).catch(() => {});
        this.#failed('pull', error);
        await this.#wait(delay, attempt);
        delay = attempt === this.#retries ? Math.min(delay * 2, this.#options.maxDelay) : this.#options.minDelay;
      } finally {
        signal.removeEventListener('abort', stop);
      }
    }
  }

  /** Local records the person may no longer read leave the device (the server would refuse them back). */
  async #dropUnreadable(source: string) {
    const { local, remote, space } = this.#options;
    if (!remote.readable) return;
    const db = await local.database();
    const records = await db.getAll('records', IDBKeyRange.bound([space], [space, []]));
    const readable = records.length ? await remote.readable(space, records) : [];
    const gone = records.filter((_, i) => !readable[i]);
    if (!gone.length) return;
    // Deleted here as the server's deletions are: nothing queued, nothing kept (they are not lost:
    // the server holds them for their readers). One changed here meanwhile stays, for the push.
    const pulled = new Map<string, PulledMeta>(gone.map((record) => [recordKey(record.collection, record.id), { remoteRev: '', source }]));
    const options: PulledWriteOptions = { origin: 'sync', pulled };
    await local.write(space, gone.map((record) => ({ type: 'delete', collection: record.collection, id: record.id, expectedRev: record.rev })), options);
  }

  /** Records the push expected are gone: make sure this is still the same database before deciding anything. */
  async #verifySource() {
    const { id } = await remoteIdentity(this.#options.remote, this.#options.space);
    if (id === sourceId(this.#source)) return;
    this.#setSource(undefined);
    this.#recheckSource = true;
    this.#pullAbort?.abort();
    throw new Error('The server\'s database for this space is not the one this device synced with; reading it again first.');
  }

  #setSource(source: string | undefined) {
    this.#source = source;
    if (source) this.#sourceKnown();
  }

  /**
   * One at a time: the push and the pull both bring server versions in, and two at once could
   * put an older version over a newer one, or lose a delete to the other's write.
   */
  #applyRemote(versions: RemoteVersion[], source = this.#source) {
    const { local, space } = this.#options;
    const run = this.#applying.then(() => applyRemote({ local, space, source, keep: (conflicts) => this.#keep(conflicts) }, versions));
    this.#applying = run.catch(() => {});
    return run;
  }

  async #keep(conflicts: SyncConflict[]) {
    const fresh = await keepVersions(await this.#options.local.database(), conflicts);
    fresh.forEach((conflict) => this.#options.onConflict(conflict));
  }
}
