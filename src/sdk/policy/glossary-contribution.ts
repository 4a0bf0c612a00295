/** Keys that change on every write, whoever makes it. */
const BOOKKEEPING = new Set(['updatedAt', 'schemaVersion', 'translations']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A partner may add a language that a glossary entry lacks, signed with their own id, and change
 * nothing else: not the other languages, not the category, not the author's words.
 */
export function addsOwnTranslationsOnly(stored: Record<string, unknown>, next: Record<string, unknown>, user: { id: string }): boolean {
  for (const key of new Set([...Object.keys(stored), ...Object.keys(next)])) {
    if (!BOOKKEEPING.has(key) && !same(stored[key], next[key])) return false;
  }
  const before = (stored.translations ?? {}) as Record<string, { addedBy?: { id: string } }>;
  const after = (next.translations ?? {}) as Record<string, { addedBy?: { id: string } }>;
  let added = 0;
  for (const lang of Object.keys(before)) if (!same(before[lang], after[lang])) return false;
  for (const lang of Object.keys(after)) {
    if (lang in before) continue;
    if (after[lang].addedBy?.id !== user.id) return false;
    added++;
  }
  return added > 0;
}
