import { TwinRemoteError } from '../adapters/couchdb/remote-error.js';
import type { PullPage, PushResult } from './protocol.js';

// The generation is what the engine reads; the token is the server's (CouchDB's audience layout adds `@<database>`).
const REVISION = /^\d+-\S+$/;

/** Checks one field: returns what is wrong with it, or nothing. Hand-written: zod would double the sync file. */
type Rule = (value: unknown) => string | undefined;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text: Rule = (value) => (typeof value === 'string' ? undefined : 'must be text');
const optional = (rule: Rule): Rule => (value) => (value === undefined ? undefined : rule(value));
const revision: Rule = (value) => (typeof value === 'string' && REVISION.test(value) ? undefined : 'must be a revision like 3-a1b2c3');
const record: Rule = (value) => (isObject(value) && typeof value.id === 'string' && typeof value.collection === 'string' ? undefined : 'must be a record with its id and collection');
const flag: Rule = (value) => (typeof value === 'boolean' ? undefined : 'must be true or false');
const current: Rule = (value) => (value === null ? undefined : fields(value, { rev: revision, deleted: optional(flag), record: optional(record) }));

function fields(value: unknown, rules: Record<string, Rule>): string | undefined {
  if (!isObject(value)) return 'must be an object';
  for (const [name, rule] of Object.entries(rules)) {
    const wrong = rule(value[name]);
    if (wrong) return wrong.startsWith('.') ? `.${name}${wrong}` : `.${name} ${wrong}`;
  }
  return undefined;
}

const change = (value: unknown) =>
  fields(value, { collection: text, id: text, rev: revision, deleted: optional(flag), record: optional(record), origin: optional(text), writeId: optional(text) });

const RESULTS: Record<string, Record<string, Rule>> = {
  ok: { rev: revision },
  conflict: { current },
  refused: { reason: text, current: optional(current) },
};

function fail(what: string, wrong: string): never {
  const where = wrong.startsWith('.') ? wrong.slice(1) : `the answer ${wrong}`;
  throw new TwinRemoteError('bad-response', `${what} does not follow the replication protocol: ${where}.`);
}

/**
 * A remote's answers are checked before anything is stored: a server that answers something else
 * (a proxy's error page, a bug) stops the sync with the place it went wrong, instead of a record
 * without a revision reaching the device.
 */
export function checkedPullPage<T extends PullPage>(page: unknown): T {
  const what = "The server's pull answer";
  // Required by the protocol; CouchDB's feed leaves `source` empty (the engine asks its identity instead).
  const wrong = fields(page, { source: text, more: flag, checkpoint: (value) => (typeof value === 'string' || typeof value === 'number' ? undefined : 'must be a checkpoint') });
  if (wrong) fail(what, wrong);
  const changes = (page as Record<string, unknown>).changes;
  if (!Array.isArray(changes)) fail(what, '.changes must be a list');
  changes.forEach((each, i) => {
    const problem = change(each);
    if (problem) fail(what, `.changes.${i}${problem}`);
  });
  return page as T;
}

export function checkedPushResults(results: unknown, writes: number): PushResult[] {
  const what = "The server's push answer";
  if (!Array.isArray(results)) fail(what, 'must be a list of results');
  if (results.length !== writes) throw new TwinRemoteError('bad-response', `${what} has ${results.length} results for ${writes} writes: the protocol answers each write, in order.`);
  results.forEach((result, i) => {
    const rules = isObject(result) && typeof result.status === 'string' ? RESULTS[result.status] : undefined;
    const problem = rules ? fields(result, rules) : '.status must be "ok", "conflict" or "refused"';
    if (problem) fail(`${what} (result ${i + 1})`, problem);
  });
  return results as PushResult[];
}
