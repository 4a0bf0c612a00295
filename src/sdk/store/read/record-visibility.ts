import type { RawRecord } from '../../adapter.js';
import type { CollectionDefinition } from '../../schemas/collections.js';
import type { StoreContext } from '../store-context.js';
import type { TwinRecord } from '../store-types.js';
import { mayAct, ruleAllows } from './read-rule.js';
import { followsTarget, targetAllows, type TargetCache } from './target-readability.js';

/**
 * May the user see this stored record at all, even damaged (an invalid record is reported with its
 * raw content)? Not a record its collection's read rule keeps from them (someone else's
 * self-rating, a private journal entry, feedback on an entry they cannot read): its damage is
 * not theirs to see either.
 */
export async function mayInspect(context: StoreContext, raw: RawRecord, definition: CollectionDefinition, targets: TargetCache): Promise<boolean> {
  if (!ruleAllows(context, raw, definition)) return false;
  return !followsTarget(context, definition) || targetAllows(context, raw, definition, targets);
}

/**
 * May the user read this validated record: its collection's read rule, its status (`can`), and
 * for feedback that follows its target (`visibleWithTarget`), the target too.
 */
export async function isReadable(context: StoreContext, record: TwinRecord, definition: CollectionDefinition, targets: TargetCache = new Map()): Promise<boolean> {
  if (!mayAct(context, 'read', record)) return false;
  return !followsTarget(context, definition) || targetAllows(context, record, definition, targets);
}
