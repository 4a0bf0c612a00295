/** Keys the store changes on every write; they never count as a user's change. */
const BOOKKEEPING = new Set(['rev', 'updatedAt', 'schemaVersion']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The keys whose values differ between two versions of a record, bookkeeping aside. */
export function changedKeys(base: Record<string, unknown>, next: Record<string, unknown>): Set<string> {
  const keys = new Set<string>();
  for (const key of new Set([...Object.keys(base), ...Object.keys(next)])) {
    if (!BOOKKEEPING.has(key) && !same(base[key], next[key])) keys.add(key);
  }
  return keys;
}

export type MergeOutcome = { ok: true } | { ok: false; fields: string[] };

/** What to write on top of `theirs`: the user's changed fields (merged), and the fields they removed. */
export type MergeResult = { ok: true; set: Record<string, unknown>; removed: string[] } | { ok: false; fields: string[] };

/**
 * Applies only what the user changed (from `base` to `mine`) on top of `theirs`, the stored version.
 * Fields the user did not touch keep their stored value, whoever changed them meanwhile. A field both
 * changed differently is a clash, except objects (a glossary's translations), which merge key by key:
 * two partners adding different languages, or changing different fields of one language, do not clash.
 */
export function mergeOnto(base: Record<string, unknown>, mine: Record<string, unknown>, theirs: Record<string, unknown>): MergeResult {
  const set: Record<string, unknown> = {};
  const removed: string[] = [];
  const clashes: string[] = [];
  for (const key of changedKeys(base, mine)) {
    const theirsChanged = !same(base[key], theirs[key]);
    if (!theirsChanged || same(mine[key], theirs[key])) {
      if (mine[key] === undefined) removed.push(key);
      else set[key] = mine[key];
      continue;
    }
    const [b, m, t] = [base[key] ?? {}, mine[key], theirs[key]];
    if (isPlainObject(b) && isPlainObject(m) && isPlainObject(t)) {
      const inner = mergeOnto(b, m, t);
      if (inner.ok) {
        const merged: Record<string, unknown> = { ...t, ...inner.set };
        for (const sub of inner.removed) delete merged[sub];
        set[key] = merged;
        continue;
      }
      clashes.push(...inner.fields.map((sub) => `${key}.${sub}`));
      continue;
    }
    clashes.push(key);
  }
  return clashes.length ? { ok: false, fields: clashes } : { ok: true, set, removed };
}

/** Can my changes (made on `base`) be applied on top of `theirs` without losing anything? */
export function canMergeSafely(base: Record<string, unknown>, mine: Record<string, unknown>, theirs: Record<string, unknown>): MergeOutcome {
  const result = mergeOnto(base, mine, theirs);
  return result.ok ? { ok: true } : result;
}
