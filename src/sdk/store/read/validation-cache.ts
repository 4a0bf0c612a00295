import type { RawRecord } from '../../adapter.js';
import type { CollectionDefinition } from '../../schemas/collections.js';
import type { StoreContext } from '../store-context.js';
import type { RecordChange, TwinRecord } from '../store-types.js';
import { checkRecord } from '../validate-record.js';

/** Records already validated, by collection/id, with their revision: an unchanged record is not parsed again. */
export type ValidationCache = Map<string, { rev: string; record: TwinRecord }>;

/** Validates a stored record, or reuses the result for a revision already validated. */
export function checkStored<T>(context: StoreContext, raw: RawRecord, definition: CollectionDefinition): ReturnType<typeof checkRecord<T>> {
  const key = `${raw.collection}\u0000${raw.id}`;
  const known = context.validated.get(key);
  if (known && known.rev === raw.rev && typeof raw.rev === 'string') return { ok: true, record: known.record as T };
  const checked = checkRecord<T>(raw, definition);
  // Frozen: one object is shared by every view of this revision, so none may change it in place.
  if (checked.ok) context.validated.set(key, { rev: raw.rev, record: deepFreeze(checked.record as TwinRecord) });
  else context.validated.delete(key);
  return checked;
}

/** What the store itself wrote or saw deleted is known to be valid (or gone): no need to parse it again. */
export function rememberChanges(cache: ValidationCache, changes: RecordChange[]): void {
  for (const change of changes) {
    const key = `${change.collection}\u0000${change.id}`;
    if (change.record) cache.set(key, { rev: change.record.rev, record: change.record });
    else if (change.type === 'delete') cache.delete(key);
  }
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
