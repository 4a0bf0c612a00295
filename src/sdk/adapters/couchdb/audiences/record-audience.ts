/**
 * The audience a record is written for, as the server's rules compute it (policy/audience.ts):
 * by its collection's read rule and status, and, for feedback delivered only with what it is on,
 * by the audience of that record too.
 */
import type { RawRecord } from '../../../adapter.js';
import { audienceOf, type Audience } from '../../../policy/audience.js';
import { authorIdOf } from '../../../policy/read-rules.js';
import { TARGET_AUTHOR_FIELD } from '../couch-names.js';
import { COLLECTION_READ_RULES, type CollectionReadRules } from './collection-read-rules.js';

/** The collection's rules; a collection without any (or one this version does not know) is for everyone in the space. */
export const rulesOf = (collection: string): CollectionReadRules => COLLECTION_READ_RULES[collection] ?? {};

/**
 * `targetOf`: the record feedback is on, as this device holds it (undefined when it does not:
 * then staff only, never wider).
 */
export async function recordAudience(record: RawRecord, targetOf: (collection: string, id: string) => Promise<RawRecord | undefined>): Promise<Audience> {
  const rules = rulesOf(record.collection);
  if (!rules.followsTarget || !rules.target) return audienceOf(record, rules);
  const targetId = (record as { target?: unknown }).target;
  const target = typeof targetId === 'string' ? await targetOf(rules.target.collection, targetId) : undefined;
  return audienceOf(record, rules, target ? audienceOf(target, rulesOf(target.collection)) : undefined);
}

/** The author of the record feedback is on, as its document carries it (`twinkitTargetAuthor`), when this device holds that record. */
export async function followFields(record: RawRecord, targetOf: (collection: string, id: string) => Promise<RawRecord | undefined>): Promise<Record<string, unknown>> {
  const rules = rulesOf(record.collection);
  const targetId = (record as { target?: unknown }).target;
  if (!rules.followsTarget || !rules.target || typeof targetId !== 'string') return {};
  const target = await targetOf(rules.target.collection, targetId);
  const author = target && authorIdOf(target);
  return typeof author === 'string' ? { [TARGET_AUTHOR_FIELD]: author } : {};
}
