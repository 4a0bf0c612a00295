import type { RawRecord } from '../../adapter.js';
import type { PushResult } from '../../replication/protocol.js';
import { check, ConformanceFailure } from '../check.js';
import type { Actor } from './actor.js';
import { edited } from './records.js';
import { describeResult } from './shapes.js';
import type { RemoteTestContext } from './suite-context.js';

/** The new revision of a write that must succeed. */
export function expectOk(result: PushResult, what: string): string {
  if (result.status !== 'ok') throw new ConformanceFailure(`${what}: push answered ${describeResult(result)}, expected 'ok'`);
  return result.rev;
}

/** A write the access rules forbid: refused with a reason, nothing written. */
export function expectRefused(result: PushResult, what: string, why: string): void {
  check(result.status === 'refused', `push answered ${describeResult(result)} for ${what}, expected 'refused': ${why}`);
}

/** A result that must not show the record to someone who may not read it. */
export function expectNoBody(result: PushResult, what: string): void {
  const current = result.status === 'ok' ? null : result.current;
  check(!current?.record, `push answered a ${result.status} carrying the record to ${what}: "current" must be null for a record the person may not read`);
}

/**
 * Writes a new record of `author` and makes it published, as in use: staff approve it when the
 * space's moderation made it wait. Returns the record as stored and its revision.
 */
export async function publish(ctx: RemoteTestContext, author: Actor, record: RawRecord): Promise<{ record: RawRecord; rev: string }> {
  const rev = expectOk(await author.pushOne(ctx.create(record)), `${author.label} writing a new ${record.collection} record`);
  if (record.status !== 'pending') return { record: { ...record, space: ctx.space, rev }, rev };
  return setStatus(ctx, ctx.as('staff'), { ...record, rev }, rev, 'published');
}

/** A moderator's decision: the same record with another status (approve, hide). */
export async function setStatus(ctx: RemoteTestContext, by: Actor, record: RawRecord, rev: string, status: 'published' | 'hidden'): Promise<{ record: RawRecord; rev: string }> {
  const next = edited(record, rev, { status });
  const newRev = expectOk(await by.pushOne(ctx.update(next, rev)), `${by.label} setting a ${record.collection} record's status to ${status}`);
  return { record: { ...next, rev: newRev }, rev: newRev };
}
