/** Keys the store changes on every write; they never count as a user's change. */
const BOOKKEEPING = new Set(['rev', 'updatedAt', 'schemaVersion']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changedKeys(base: Record<string, unknown>, next: Record<string, unknown>): Set<string> {
  const keys = new Set<string>();
  for (const key of new Set([...Object.keys(base), ...Object.keys(next)])) {
    if (!BOOKKEEPING.has(key) && !same(base[key], next[key])) keys.add(key);
  }
  return keys;
}

export type MergeOutcome = { ok: true } | { ok: false; fields: string[] };

/**
 * Can my changes (made on `base`) be applied on top of `theirs` without losing anything?
 * Yes when no top-level field was changed by both sides to different values.
 */
export function canMergeSafely(
  base: Record<string, unknown>,
  mine: Record<string, unknown>,
  theirs: Record<string, unknown>,
): MergeOutcome {
  const ours = changedKeys(base, mine);
  const clashes = [...changedKeys(base, theirs)].filter((key) => ours.has(key) && !same(mine[key], theirs[key]));
  return clashes.length ? { ok: false, fields: clashes } : { ok: true };
}
