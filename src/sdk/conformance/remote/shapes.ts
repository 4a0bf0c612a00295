import type { PulledChange, PullPage, PushResult, PushWrite } from '../../replication/protocol.js';
import { check, ConformanceFailure } from '../check.js';
import { describeAnswer, type Answer } from './http.js';

/** `<generation>-<token>`: a positive whole generation, then a token of letters, digits, `.`, `_`, `-`. */
export const REVISION_FORMAT = /^[1-9]\d*-[A-Za-z0-9._-]+$/;

export const generationOf = (rev: string) => Number.parseInt(rev, 10);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function checkRevision(rev: unknown, what: string): asserts rev is string {
  check(typeof rev === 'string' && REVISION_FORMAT.test(rev), `${what} is ${JSON.stringify(rev)}, not a revision like '3-a1b2c3' (<generation>-<token>)`);
}

/** Errors are JSON `{ error, reason }`: a code for programs, a sentence for people. */
export function checkErrorBody(answer: Answer, what: string): void {
  const body = answer.json;
  check(
    isObject(body) && typeof body.error === 'string' && body.error !== '' && typeof body.reason === 'string' && body.reason !== '',
    `${what} answered ${describeAnswer(answer)}: an error must be JSON { "error": code, "reason": sentence }`,
  );
}

/** The page of a pull answered 200, checked against the protocol: its shape, its revisions, no body for a deletion. */
export function checkPullPage(answer: Answer, space: string, limit: number, what: string): PullPage {
  check(answer.status === 200, `${what} answered ${describeAnswer(answer)}, not 200 with a page of changes`);
  const page = answer.json;
  check(isObject(page), `${what} answered 200 with ${describeAnswer(answer)}: a pull answers a JSON object { source, checkpoint, changes, more }`);
  check(typeof page.source === 'string' && page.source !== '', `${what}: "source" must be a non-empty string, got ${JSON.stringify(page.source)}`);
  check(typeof page.checkpoint === 'string' || typeof page.checkpoint === 'number', `${what}: "checkpoint" must be a string, got ${JSON.stringify(page.checkpoint)}`);
  check(typeof page.more === 'boolean', `${what}: "more" must be true or false, got ${JSON.stringify(page.more)}`);
  check(Array.isArray(page.changes), `${what}: "changes" must be a list, got ${JSON.stringify(page.changes)}`);
  check(page.changes.length <= limit, `${what} sent ${page.changes.length} changes for limit ${limit}: the server must respect the limit`);
  const seen = new Set<string>();
  for (const change of page.changes as unknown[]) {
    checkChange(change, space, what);
    const key = `${change.collection}/${change.id}`;
    check(!seen.has(key), `${what} sent ${key} twice in one page: a record appears at most once per page, at its latest revision`);
    seen.add(key);
  }
  return page as unknown as PullPage;
}

function checkChange(change: unknown, space: string, what: string): asserts change is PulledChange {
  check(isObject(change) && typeof change.collection === 'string' && typeof change.id === 'string', `${what} sent a change without "collection" and "id": ${JSON.stringify(change)}`);
  const name = `${change.collection}/${change.id}`;
  checkRevision(change.rev, `${what}: the rev of ${name}`);
  if (change.deleted === true) {
    check(change.record === undefined, `${what} sent ${name} as deleted but with its record: a deletion (or a record the person may not read) carries no body`);
    return;
  }
  check(change.deleted === undefined || change.deleted === false, `${what}: "deleted" of ${name} must be true or absent, got ${JSON.stringify(change.deleted)}`);
  const record = change.record;
  check(isObject(record), `${what} sent ${name} with neither a record nor deleted: true`);
  check(record.id === change.id && record.collection === change.collection, `${what} sent ${name} with the record of ${String(record.collection)}/${String(record.id)}`);
  check(record.space === space, `${what} sent ${name} stored with space ${JSON.stringify(record.space)}: the server stores each record with "space" set to the space of the URL ('${space}')`);
  check(record.rev === change.rev, `${what} sent ${name} whose record has rev ${JSON.stringify(record.rev)} in a change of rev '${change.rev}': the server stores the record with "rev" set to the revision it made`);
}

/** The results of a push answered 200: one per write, in order, each of the protocol's three kinds. */
export function checkPushResults(answer: Answer, writes: PushWrite[], what: string): PushResult[] {
  check(answer.status === 200, `${what} answered ${describeAnswer(answer)}, not 200 with one result per write`);
  const body = answer.json;
  check(isObject(body) && Array.isArray(body.results), `${what} answered 200 with ${describeAnswer(answer)}: a push answers { "results": [...] }`);
  const results = body.results as unknown[];
  check(results.length === writes.length, `${what} answered ${results.length} results for ${writes.length} writes: one result per write, in the same order`);
  results.forEach((result, i) => checkResult(result, `${what}, result ${i + 1} (${writes[i].collection}/${writes[i].id})`));
  return results as PushResult[];
}

function checkResult(result: unknown, what: string): void {
  if (!isObject(result)) throw new ConformanceFailure(`${what} is ${JSON.stringify(result)}, not an object`);
  switch (result.status) {
    case 'ok':
      checkRevision(result.rev, `${what}: the new rev`);
      return;
    case 'conflict':
      checkCurrent(result.current, what);
      return;
    case 'refused':
      check(typeof result.reason === 'string' && result.reason.trim() !== '', `${what} was refused without a "reason": the person needs a sentence saying why`);
      checkCurrent(result.current, what);
      return;
    default:
      throw new ConformanceFailure(`${what} has status ${JSON.stringify(result.status)}: it must be "ok", "conflict" or "refused"`);
  }
}

function checkCurrent(current: unknown, what: string): void {
  if (current === null) return;
  check(isObject(current), `${what}: "current" must be the server's version { rev, record | deleted } or null, got ${JSON.stringify(current)}`);
  checkRevision(current.rev, `${what}: current.rev`);
  if (current.deleted === true) check(current.record === undefined, `${what}: current is deleted but carries a record`);
}

/** A result in a few words: `ok (rev 2-abc)`, `conflict (current 2-abc)`, `refused ("Only teachers...")`. */
export function describeResult(result: PushResult): string {
  switch (result.status) {
    case 'ok':
      return `'ok' (rev ${result.rev})`;
    case 'conflict':
      return `'conflict' (current ${result.current ? result.current.rev + (result.current.deleted ? ', deleted' : '') : 'null'})`;
    case 'refused':
      return `'refused' (${JSON.stringify(result.reason)})`;
  }
}
