import type { ValidationIssue } from '../../errors.js';
import type { CollectionDefinition } from '../../schemas/collections.js';
import { mayAct } from '../read/read-rule.js';
import { checkStored } from '../read/validation-cache.js';
import { withArticle } from '../record-names.js';
import type { StoreContext } from '../store-context.js';
import type { TwinRecord } from '../store-types.js';
import { valueAt } from './value-at.js';

/** A reference that does not hold: which field, which id, named how. */
export interface ReferenceProblem {
  field: string;
  id: string;
  label: string;
}

export const referenceSentence = ({ id, label }: ReferenceProblem) => `the ${label} "${id}" does not exist or was removed: choose another ${label}.`;

export const referenceIssue = (problem: ReferenceProblem): ValidationIssue => ({
  path: problem.field,
  message: `names ${withArticle(problem.label)} that does not exist or was removed`,

  kind: 'removed',
});

/**
 * The first reference of `record` that does not hold: a named record that is missing, unreadable
 * for the user, or archived. Ids that `before` (the stored version) already named are not checked
 * again. `inBatch`: records being created together with this one, which count as existing.
 */
export async function referenceProblem(
  context: StoreContext,
  record: Record<string, unknown>,
  definition: CollectionDefinition,
  before: Record<string, unknown> | undefined,
  lookups: Map<string, Promise<boolean>> = new Map(),
  inBatch?: Map<string, Record<string, unknown>>,
): Promise<ReferenceProblem | undefined> {
  for (const reference of definition.references ?? []) {
    const known = new Set(before ? referencedIds(valueAt(before, reference.field), reference.many) : []);
    for (const id of referencedIds(valueAt(record, reference.field), reference.many)) {
      if (known.has(id)) continue;
      const key = `${reference.collection}\u0000${id}`;
      const batched = inBatch?.get(key);
      if (batched) {
        if (batched.archived === true) return { field: reference.field, id, label: reference.label };
        continue;
      }
      if (!lookups.has(key)) lookups.set(key, referable(context, reference.collection, id));
      if (!(await lookups.get(key))) return { field: reference.field, id, label: reference.label };
    }
  }
  return undefined;
}

/** The ids a reference field names: none, one, or (for `many`) each string of an array. */
function referencedIds(value: unknown, many: boolean | undefined): string[] {
  if (many) return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  return typeof value === 'string' ? [value] : [];
}

/** Is there a valid, readable, not archived record `id` in `collection`? */
async function referable(context: StoreContext, collection: string, id: string): Promise<boolean> {
  const definition = context.collections[collection];
  if (!definition) return false;
  const raw = await context.io.get(context.space, collection, id);
  if (!raw) return false;
  const checked = checkStored<TwinRecord>(context, raw, definition);
  return checked.ok && mayAct(context, 'read', checked.record) && checked.record.archived !== true;
}
