/** A key of the stores keyed by `[space, collection, id]` (records, outbox, sync-meta). */
export type RecordKey = [string, string, string];

interface Keyed {
  space: string;
  collection: string;
  id: string;
}

interface ReadableStore<T> {
  get(key: RecordKey): Promise<T | undefined>;
  getAll(query: IDBKeyRange, count?: number): Promise<T[]>;
}

export interface ReadMany<T> {
  /** The value of each key asked for (undefined: none), in the order asked. */
  values: (T | undefined)[];
  /** Every value stored between the lowest and the highest key, when the span was read whole. */
  span?: { range: IDBKeyRange; values: T[] };
}

// IndexedDB orders strings by code unit, as `<` does: no need for indexedDB.cmp.
const compare = (a: RecordKey, b: RecordKey) => {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
};
const flat = (space: string, collection: string, id: string) => `${space}\u0000${collection}\u0000${id}`;

/**
 * Reads many keys in one request where it can: a getAll over the keys' span, capped at twice as
 * many values as keys (a batch's keys are often neighbours), then single gets for keys past what
 * that covered. Each request to IndexedDB costs far more than a record's bytes.
 */
export async function readMany<T extends Keyed>(store: ReadableStore<T>, keys: RecordKey[]): Promise<ReadMany<T>> {
  if (!keys.length) return { values: [] };
  let low = keys[0];
  let high = keys[0];
  for (const key of keys) {
    if (compare(key, low) < 0) low = key;
    if (compare(key, high) > 0) high = key;
  }
  const cap = keys.length * 2;
  const range = IDBKeyRange.bound(low, high);
  const found = await store.getAll(range, cap);
  const whole = found.length < cap;
  const last = found[found.length - 1];
  const coveredTo: RecordKey = whole || !last ? high : [last.space, last.collection, last.id];
  const byKey = new Map(found.map((value) => [flat(value.space, value.collection, value.id), value]));
  const values = await Promise.all(keys.map((key) => byKey.get(flat(...key)) ?? (compare(key, coveredTo) <= 0 ? undefined : store.get(key))));
  return { values, ...(whole ? { span: { range, values: found } } : {}) };
}
