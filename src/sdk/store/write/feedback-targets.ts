import { TwinPermissionError } from '../../errors.js';
import type { CollectionDefinition } from '../../schemas/collections.js';
import { mayAct } from '../read/read-rule.js';
import { checkStored } from '../read/validation-cache.js';
import { definitionOf, type StoreContext } from '../store-context.js';
import type { TwinRecord } from '../store-types.js';

type Feedback = NonNullable<CollectionDefinition['feedbackOn']>;

/** For each target id: may the user give this feedback on it (the target exists, reads, and allows the action)? */
export async function feedbackTargets(context: StoreContext, feedback: Feedback, ids: unknown[]): Promise<Map<string, boolean>> {
  const allowed = new Map<string, boolean>();
  const definition = definitionOf(context, feedback.collection);
  for (const id of new Set(ids.filter((value): value is string => typeof value === 'string'))) {
    const raw = await context.io.get(context.space, feedback.collection, id);
    const checked = raw ? checkStored<TwinRecord>(context, raw, definition) : undefined;
    allowed.set(id, !!checked?.ok && mayAct(context, feedback.action, checked.record));
  }
  return allowed;
}

/** Feedback on a target the user cannot read is refused the same way as on one that is gone. */
export function feedbackRefused(context: StoreContext, feedback: Feedback): TwinPermissionError {
  const { user } = context;
  return new TwinPermissionError(`${user.name} (${user.role}) may not ${feedback.action} on this record: it does not exist or cannot be read.`, feedback.action);
}
