/**
 * POST /spaces/{space}/push: writes applied in order, each on its own, answered one result per
 * write. For each write, in this order:
 * 1. a writeId already applied is answered with the revision it made, and not applied again;
 * 2. a record the person may not read cannot be written (refused, `current: null`);
 * 3. revision check: `baseRev` must be the current revision (`null`: no live record);
 * 4. the record must be whole (record-envelope.ts) and the access rules allow it (write-rules.ts);
 * 5. it gets the next revision and is appended to the log, which is on disk before the answer.
 */
import type { RawRecord } from '../sdk/adapter.js';
import type { TwinUser } from '../sdk/policy/roles.js';
import type { CurrentVersion, PushResult, PushWrite } from '../sdk/replication/protocol.js';
import { nextRevision } from '../sdk/revision.js';
import { announceFollowers } from './feedback-followers.js';
import { badRequest, HttpError } from './http-answers.js';
import { mayRead } from './read-access.js';
import { envelopeProblem } from './record-envelope.js';
import type { Space } from './space.js';
import type { SpaceData, StoredVersion } from './space-data.js';
import type { LogLine, WriteLine } from './space-log.js';
import { writeRefusal } from './write-rules.js';

export const MAX_WRITES = 1000;
const REV = /^[1-9][0-9]*-[A-Za-z0-9._-]+$/;

export interface PushRequest {
  origin: string;
  writes: PushWrite[];
}

/** The request's fields, or a 400 naming the one that is wrong (413 for too many writes). */
export function parsePushRequest(body: Record<string, unknown>): PushRequest {
  const { origin, writes } = body;
  if (typeof origin !== 'string' || origin.length < 1 || origin.length > 128) throw badRequest('origin must be a string of 1 to 128 characters.');
  if (!Array.isArray(writes)) throw badRequest('writes must be an array.');
  if (writes.length > MAX_WRITES) throw new HttpError(413, 'too-large', `A push may carry at most ${MAX_WRITES} writes; this one has ${writes.length}.`);
  return { origin, writes: writes.map(parseWrite) };
}

function parseWrite(write: unknown, index: number): PushWrite {
  const field = (name: string) => `writes[${index}].${name}`;
  if (typeof write !== 'object' || write === null || Array.isArray(write)) throw badRequest(`writes[${index}] must be an object.`);
  const { writeId, collection, id, baseRev, record, deleted } = write as Record<string, unknown>;
  if (typeof writeId !== 'string' || writeId.length < 1 || writeId.length > 64) throw badRequest(`${field('writeId')} must be a string of 1 to 64 characters.`);
  for (const [name, value] of [['collection', collection], ['id', id]] as const) {
    if (typeof value !== 'string' || value.length < 1 || value.length > 128) throw badRequest(`${field(name)} must be a string of 1 to 128 characters.`);
  }
  if (baseRev !== null && !(typeof baseRev === 'string' && REV.test(baseRev))) throw badRequest(`${field('baseRev')} must be null or a revision like "3-a1b2c3".`);
  if (deleted !== undefined && deleted !== true) throw badRequest(`${field('deleted')} must be true when given.`);
  if ((record === undefined) === (deleted === undefined)) throw badRequest(`${field('record')}: a write carries either a record or deleted: true, not both and not neither.`);
  return { writeId, collection: collection as string, id: id as string, baseRev: baseRev as string | null, ...(deleted ? { deleted: true } : { record: record as RawRecord }) };
}

export function push(space: Space, user: TwinUser, request: PushRequest): Promise<{ results: PushResult[] }> {
  return space.exclusive(async (data) => {
    const lines: LogLine[] = [];
    const results = request.writes.map((write) => applyWrite(space, data, user, request.origin, write, lines));
    await space.commit(lines);
    return { results };
  });
}

function applyWrite(space: Space, data: SpaceData, user: TwinUser, origin: string, write: PushWrite, lines: LogLine[]): PushResult {
  const alreadyMade = data.revisionOfWrite(write.writeId);
  if (alreadyMade) return { status: 'ok', rev: alreadyMade };

  const find = (collection: string, id: string) => data.record(collection, id);
  const version = data.version(write.collection, write.id);
  const stored = version?.record;
  if (stored && !mayRead(user, stored, space.settings, find)) {
    return { status: 'refused', reason: 'You cannot read this record, so you cannot change it.', current: null };
  }
  const current = currentVersion(version);
  // `null` matches a record never written or deleted; so does the tombstone's own revision.
  const baseMatches = stored ? write.baseRev === version!.rev : write.baseRev === null || write.baseRev === version?.rev;
  if (!baseMatches) return { status: 'conflict', current };

  const next = write.record;
  const problem = next ? envelopeProblem(write, next) : undefined;
  const refusal = problem ?? writeRefusal({ user, settings: space.settings, collection: write.collection, stored, overTombstone: !!version && !stored, next, find });
  if (refusal) return { status: 'refused', reason: refusal, current };

  const rev = nextRevision(version?.rev);
  const line: WriteLine = {
    seq: data.lastSeq + 1,
    type: 'write',
    collection: write.collection,
    id: write.id,
    rev,
    ...(next ? { record: { ...next, space: space.name, rev } } : { deleted: true }),
    origin,
    writeId: write.writeId,
    by: user.id,
    at: new Date().toISOString(),
  };
  data.apply(line);
  lines.push(line, ...announceFollowers(data, write));
  return { status: 'ok', rev };
}

/** The server's version for a conflict or refusal: checked readable by the caller, a tombstone, or none. */
function currentVersion(version: StoredVersion | undefined): CurrentVersion | null {
  if (!version) return null;
  return version.record ? { rev: version.rev, record: version.record } : { rev: version.rev, deleted: true };
}
