/**
 * The audience a record is written for, as the server's rules compute it (policy/audience.ts):
 * by its collection's read rule and status, and, for feedback delivered only with what it is on,
 * by the audience of that record too.
 */
import type { RawRecord } from '../../../adapter.js';
import { audienceOf, type Audience, type AudienceRules } from '../../../policy/audience.js';
import { builtInCollections } from '../../../schemas/collections.js';

const definitions: Record<string, (typeof builtInCollections)[keyof typeof builtInCollections] | undefined> = builtInCollections;

/** The collection's rules; a collection this version does not know has no read rule (everyone in the space). */
export function rulesOf(collection: string): AudienceRules & { target?: { collection: string } } {
  const definition = definitions[collection];
  if (!definition) return {};
  const followsTarget = !!definition.feedbackOn?.visibleWithTarget;
  return {
    ...(definition.readableBy ? { readableBy: definition.readableBy } : {}),
    ...(definition.addressee ? { addressee: definition.addressee } : {}),
    ...(followsTarget ? { followsTarget, target: { collection: definition.feedbackOn!.collection } } : {}),
  };
}

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
