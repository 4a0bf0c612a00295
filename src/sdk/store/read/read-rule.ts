import { can, type Action } from '../../policy/can.js';
import { readRuleAllows } from '../../policy/read-rules.js';
import type { CollectionDefinition } from '../../schemas/collections.js';
import type { StoreContext } from '../store-context.js';
import type { TwinRecord } from '../store-types.js';

/**
 * What the signed-in user may do with a record: the store's `can`. A record its collection's read
 * rule keeps from the user (a pupil's self-rating, a private journal entry, a note to another
 * pupil) is, for them, not there. Feedback that follows its target is also checked against the
 * target where the store delivers records (not here).
 */
export function mayAct(context: StoreContext, action: Action, record?: TwinRecord): boolean {
  if (record && !ruleAllows(context, record, context.collections[record.collection])) return false;
  return can(context.user, action, record, context.settings);
}

/** Does the collection's read rule (`readableBy`) let the user read this record, raw or validated? */
export function ruleAllows(context: StoreContext, record: Record<string, unknown>, definition: CollectionDefinition | undefined): boolean {
  if (!definition?.readableBy) return true;
  return readRuleAllows(definition.readableBy, record, context.user, definition.addressee);
}
