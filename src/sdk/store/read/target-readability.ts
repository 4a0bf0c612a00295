import type { RawRecord } from '../../adapter.js';
import { isStaff } from '../../policy/roles.js';
import type { CollectionDefinition } from '../../schemas/collections.js';
import type { StoreContext } from '../store-context.js';
import type { TwinRecord } from '../store-types.js';
import { mayAct } from './read-rule.js';
import { checkStored } from './validation-cache.js';

/** Per operation: may the user read target `collection/id`? Looked up once per operation. */
export type TargetCache = Map<string, Promise<boolean>>;

/**
 * From this many distinct targets, feedback that follows its target reads the target collection
 * once instead of each target on its own.
 */
const TARGETS_LISTED_FROM = 8;

/** Is this feedback delivered only to readers of its target, and is the user not staff (who read every target)? */
export function followsTarget(context: StoreContext, definition: CollectionDefinition): boolean {
  return !!definition.feedbackOn?.visibleWithTarget && !isStaff(context.user.role);
}

/** May the user read the target of this feedback (raw or validated)? Looked up once per target in `targets`. */
export function targetAllows(context: StoreContext, record: Record<string, unknown>, definition: CollectionDefinition, targets: TargetCache): Promise<boolean> {
  const collection = definition.feedbackOn?.collection;
  const target = record.target;
  if (!collection || typeof target !== 'string') return Promise.resolve(false);
  const key = `${collection}\u0000${target}`;
  let known = targets.get(key);
  if (!known) {
    known = context.io.get(context.space, collection, target).then((raw) => targetReadable(context, collection, raw));
    targets.set(key, known);
  }
  return known;
}

/**
 * For a list of feedback on many targets: reads the target collection once and fills `targets`,
 * instead of one read per target. Fewer targets are read one by one, when needed.
 */
export function prefetchTargets(context: StoreContext, definition: CollectionDefinition, raws: RawRecord[], targets: TargetCache): void {
  const collection = definition.feedbackOn?.collection;
  if (!collection) return;
  const ids = new Set<string>();
  for (const raw of raws) if (typeof raw.target === 'string') ids.add(raw.target);
  if (ids.size < TARGETS_LISTED_FROM) return;
  const byId = context.io.list(context.space, collection).then((list) => new Map(list.map((raw) => [raw.id, raw])));
  for (const id of ids) targets.set(`${collection}\u0000${id}`, byId.then((found) => targetReadable(context, collection, found.get(id))));
}

/** Is this stored target (possibly gone) valid and readable for the user? A damaged target hides its feedback until repaired. */
function targetReadable(context: StoreContext, collection: string, raw: RawRecord | undefined): boolean {
  const definition = context.collections[collection];
  if (!raw || !definition) return false;
  const checked = checkStored<TwinRecord>(context, raw, definition);
  return checked.ok && mayAct(context, 'read', checked.record);
}
