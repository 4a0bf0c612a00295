/**
 * Who may read what: the store's read decisions (src/sdk/store/read/record-visibility.ts), made on
 * the server so that nobody receives what their device would hide. Three checks:
 * 1. the collection's read rule (a private journal entry, a note to one pupil, a self-rating);
 * 2. the status (pending and hidden records: their author and those who moderate), by `can`;
 * 3. feedback that follows its target (journal feedback): only for who may read the entry.
 * A collection this server does not know has no read rule: the status alone decides.
 */
import type { RawRecord } from '../sdk/adapter.js';
import { can, type PolicyRecord } from '../sdk/policy/can.js';
import { authorIdOf, readRuleAllows } from '../sdk/policy/read-rules.js';
import { isStaff, type SpaceSettings, type TwinUser } from '../sdk/policy/roles.js';
import { builtInCollections } from '../sdk/schemas/collections.js';

/** Finds a live record of the space (a feedback's target), or undefined. */
export type FindRecord = (collection: string, id: string) => RawRecord | undefined;

export function mayRead(user: TwinUser, record: RawRecord, settings: SpaceSettings, find: FindRecord): boolean {
  if (!ruleAndStatusAllow(user, record, settings)) return false;
  const feedback = builtInCollections[record.collection]?.feedbackOn;
  // Staff read every target, so they read all feedback.
  if (!feedback?.visibleWithTarget || isStaff(user.role)) return true;
  const target = typeof record.target === 'string' ? find(feedback.collection, record.target) : undefined;
  return target !== undefined && ruleAndStatusAllow(user, target, settings);
}

/** The collection's read rule, then the status rules of `can`. */
function ruleAndStatusAllow(user: TwinUser, record: RawRecord, settings: SpaceSettings): boolean {
  const definition = builtInCollections[record.collection];
  if (!readRuleAllows(definition?.readableBy, record, user, definition?.addressee)) return false;
  return can(user, 'read', asPolicyRecord(record), settings);
}

/** What `can` reads of a record. Records are checked on write, so a missing author is only a safe default. */
export function asPolicyRecord(record: Record<string, unknown>): PolicyRecord {
  return { author: { id: authorIdOf(record) ?? '' }, status: record.status as PolicyRecord['status'] };
}

/**
 * Collections whose feedback follows them (journal entries): when one of their records changes,
 * who may read its feedback may change too.
 */
export const FOLLOWED_COLLECTIONS: ReadonlyMap<string, string[]> = (() => {
  const followed = new Map<string, string[]>();
  for (const definition of Object.values(builtInCollections)) {
    const target = definition.feedbackOn?.visibleWithTarget ? definition.feedbackOn.collection : undefined;
    if (target) followed.set(target, [...(followed.get(target) ?? []), definition.name]);
  }
  return followed;
})();
