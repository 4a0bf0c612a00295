/**
 * POST /spaces/{space}/pull: the changes after a checkpoint, in feed order, each record once at its
 * latest revision; a record the person may not read arrives as a deletion without its body. With
 * `wait`, an empty answer is held until something changes in the space (long poll).
 */
import type { TwinUser } from '../sdk/policy/roles.js';
import type { PulledChange, PullPage } from '../sdk/replication/protocol.js';
import { badRequest, HttpError } from './http-answers.js';
import { mayRead } from './read-access.js';
import type { Space } from './space.js';
import type { SpaceData, StoredVersion } from './space-data.js';

export interface PullRequest {
  checkpoint: string | null;
  limit: number;
  wait: number;
}

/** The request's fields, or a 400 naming the one that is wrong. */
export function parsePullRequest(body: Record<string, unknown>): PullRequest {
  const { checkpoint, limit, wait } = body;
  // A number is accepted too: the TypeScript client's Checkpoint type allows one.
  if (checkpoint !== null && typeof checkpoint !== 'string' && typeof checkpoint !== 'number') throw badRequest('checkpoint must be a string (from an earlier pull) or null.');
  if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > 1000) throw badRequest('limit must be a whole number from 1 to 1000.');
  if (!Number.isInteger(wait) || (wait as number) < 0 || (wait as number) > 60) throw badRequest('wait must be a whole number of seconds from 0 to 60.');
  return { checkpoint: checkpoint === null ? null : String(checkpoint), limit: limit as number, wait: wait as number };
}

export async function pull(space: Space, user: TwinUser, request: PullRequest, signal: AbortSignal): Promise<PullPage> {
  const deadline = Date.now() + request.wait * 1000;
  for (;;) {
    const { page, changed } = await space.exclusive((data) => {
      const page = pageAfter(data, request, user, space);
      const waitFor = deadline - Date.now();
      // Waiting starts inside the space's turn, so a change committed right after is not missed.
      return { page, changed: page.changes.length || waitFor <= 0 || signal.aborted ? undefined : space.waitForChange(waitFor, signal) };
    });
    if (!changed) return page;
    await changed;
    if (signal.aborted) return page;
  }
}

function pageAfter(data: SpaceData, request: PullRequest, user: TwinUser, space: Space): PullPage {
  const since = sequenceOf(request.checkpoint, data);
  const changes: PulledChange[] = [];
  let checkpoint = data.lastSeq;
  let more = false;
  for (const version of data.changesAfter(since)) {
    if (changes.length === request.limit) {
      more = true;
      break;
    }
    changes.push(changeFor(version, user, space, data));
    checkpoint = version.seq;
  }
  if (!more) checkpoint = data.lastSeq;
  return { source: data.source, checkpoint: `${data.source}:${checkpoint}`, changes, more };
}

/**
 * The log position a checkpoint names. Checkpoints read `<source>:<position>`. One of an earlier
 * copy of the data (before a restore) starts from the beginning: the new `source` tells the
 * device to read everything again anyway. Anything else this server did not issue is a 400.
 */
function sequenceOf(checkpoint: string | null, data: SpaceData): number {
  if (checkpoint === null) return 0;
  const match = /^(.+):(\d{1,15})$/.exec(checkpoint);
  if (match && match[1] !== data.source) return 0;
  const seq = match ? Number(match[2]) : Number.NaN;
  if (!(seq <= data.lastSeq)) throw new HttpError(400, 'bad-checkpoint', `This server did not issue the checkpoint "${checkpoint.slice(0, 80)}": pull from null.`);
  return seq;
}

/** The change as this person may see it: the record, or a deletion without it. */
function changeFor(version: StoredVersion, user: TwinUser, space: Space, data: SpaceData): PulledChange {
  const { collection, id, rev } = version;
  if (version.record && !mayRead(user, version.record, space.settings, (c, i) => data.record(c, i))) return { collection, id, rev, deleted: true };
  const written = { origin: version.origin, writeId: version.writeId };
  return version.record ? { collection, id, rev, record: version.record, ...written } : { collection, id, rev, deleted: true, ...written };
}
