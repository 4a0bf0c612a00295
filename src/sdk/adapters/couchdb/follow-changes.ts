import { pause } from './pause.js';
import type { CouchClient } from './couch-http.js';
import { TwinRemoteError } from './remote-error.js';
import { currentCheckpoint, readChanges, streamChanges, type ChangesPage, type Checkpoint } from './changes-feed.js';

export type FeedMode = 'longpoll' | 'continuous';

export interface FollowOptions {
  mode: FeedMode;
  /** Start after this sequence; default: now (`start()`, or the database's update_seq). */
  since?: Checkpoint;
  start?: () => Promise<Checkpoint>;
  onPage(page: ChangesPage): void;
  /** A read failed; the loop waits (doubling from 1 s to 30 s) and reconnects from its last checkpoint. */
  onError?(error: unknown): void;
  /** How long one long poll waits for a change before asking again. */
  pollWait?: number;
}

/** Follows a database's changes until stopped, surviving cut connections and server restarts. */
export function followChanges(client: CouchClient, database: string, space: string, options: FollowOptions): { stop(): void; started: Promise<void> } {
  const controller = new AbortController();
  const { signal } = controller;
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => (markStarted = resolve));

  void (async () => {
    let since = options.since;
    let delay = 1000;
    while (!signal.aborted) {
      try {
        since ??= await (options.start ? options.start() : currentCheckpoint(client, database, signal)).catch((error: unknown) => {
          // No database yet: everything written once it exists is new to this subscriber.
          if (error instanceof TwinRemoteError && error.failure === 'missing-database') return 0;
          throw error;
        });
        markStarted();
        if (options.mode === 'continuous') {
          await streamChanges(client, database, space, {
            since,
            signal,
            onPage: (page) => {
              since = page.checkpoint;
              delay = 1000;
              if (page.changes.length) options.onPage(page);
            },
          });
        } else {
          const page = await readChanges(client, database, space, { since, wait: options.pollWait ?? 25_000, signal });
          since = page.checkpoint;
          delay = 1000;
          if (page.changes.length) options.onPage(page);
        }
      } catch (error) {
        if (signal.aborted) break;
        options.onError?.(error);
        await pause(delay, signal);
        delay = Math.min(delay * 2, 30_000);
      }
    }
    markStarted();
  })();

  return { stop: () => controller.abort(), started };
}
