/**
 * A device follows a few changes feeds (reading-rooms.ts `feedsOf`: the space's database and the
 * reader's rooms, two for most, four for a moderator), one connection each, as one: one checkpoint
 * holds every position (led by their sum, which tells a database that went back in time, as one
 * feed's sequence does), and a read returns as soon as any has something.
 */
import type { CouchClient } from '../couch-http.js';
import { readChanges, type ChangesPage, type Checkpoint, type RemoteChange } from '../changes-feed.js';
import { sequenceNumber } from '../database-identity.js';

/** Each feed's position, by database. */
export type Positions = Record<string, Checkpoint>;

export function parsePositions(since: Checkpoint): Positions {
  if (typeof since !== 'string') return {};
  const json = since.slice(since.indexOf('~') + 1);
  try {
    const parsed = JSON.parse(json) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Positions) : {};
  } catch {
    return {};
  }
}

export function joinPositions(positions: Positions): Checkpoint {
  const sum = Object.values(positions).reduce<number>((total, seq) => total + sequenceNumber(seq), 0);
  return `${sum}~${JSON.stringify(positions)}`;
}

export interface FeedsPage {
  /** Each change with the database whose feed gave it. */
  changes: { change: RemoteChange; feed: string }[];
  rows: number;
  checkpoint: Checkpoint;
}

/**
 * Reads every feed at once. With `wait`, a long poll on each: the first to answer with changes
 * ends the others (their positions stay where they were). `limit` holds for each feed.
 */
export async function readFeeds(
  client: CouchClient,
  feeds: string[],
  space: string,
  since: Checkpoint,
  options: { wait?: number; limit?: number; signal?: AbortSignal },
): Promise<FeedsPage> {
  const positions = parsePositions(since);
  const inner = new AbortController();
  const stop = () => inner.abort(options.signal?.reason);
  if (options.signal?.aborted) stop();
  else options.signal?.addEventListener('abort', stop, { once: true });
  /** Set when one feed answered with changes and so ended the others' long polls. */
  let answered = false;
  let failure: unknown;
  try {
    const settled = await Promise.allSettled(
      feeds.map(async (feed) => {
        try {
          const page = await readChanges(client, feed, space, { since: positions[feed] ?? 0, wait: options.wait, limit: options.limit, signal: inner.signal, bodies: true });
          // A long poll's answer ends the others' waits: it goes now. A read at once waits for
          // all (one cut short would pass for caught up).
          if (page.rows && options.wait && !answered) {
            answered = true;
            inner.abort();
          }
          return page;
        } catch (error) {
          // The first failure is the one to report: the other reads are then cut short by it.
          if (!answered && !inner.signal.aborted) failure ??= error;
          if (!answered) inner.abort();
          throw error;
        }
      }),
    );
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
    const next: Positions = { ...positions };
    const changes: FeedsPage['changes'] = [];
    let rows = 0;
    settled.forEach((result, i) => {
      if (result.status === 'rejected') {
        // Ended on purpose by another feed's answer, or by the first failure (kept above).
        if (!answered) failure ??= result.reason;
        return;
      }
      const page: ChangesPage = result.value;
      next[feeds[i]] = page.checkpoint;
      rows = Math.max(rows, page.rows);
      for (const change of page.changes) changes.push({ change, feed: feeds[i] });
    });
    if (failure !== undefined) throw failure;
    return { changes, rows, checkpoint: joinPositions(next) };
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
}
