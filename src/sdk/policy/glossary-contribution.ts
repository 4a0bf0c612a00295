/** Keys a contribution may differ in: the store's bookkeeping, and the translations checked below. */
const ALLOWED = new Set(['updatedAt', 'schemaVersion', 'translations']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A partner may add a language that a glossary entry lacks, signed with their own id, and change
 * nothing else: not the other languages, not the category, not the author's words.
 */
export function addsOwnTranslationsOnly(
  stored: Record<string, unknown>,
  next: Record<string, unknown>,
  user: { id: string; name: string; school?: string },
): boolean {
  // Signed as the user is: their id, name and school, no one else's.
  const signedByUser = (value: unknown) => {
    const by = value as { id?: unknown; name?: unknown; school?: unknown } | undefined;
    return !!by && by.id === user.id && by.name === user.name && (by.school ?? undefined) === (user.school || undefined);
  };
  for (const key of new Set([...Object.keys(stored), ...Object.keys(next)])) {
    if (!ALLOWED.has(key) && !same(stored[key], next[key])) return false;
  }
  const before = (stored.translations ?? {}) as Record<string, { addedBy?: unknown }>;
  const after = (next.translations ?? {}) as Record<string, { addedBy?: unknown }>;
  let added = 0;
  for (const lang of Object.keys(before)) if (!same(before[lang], after[lang])) return false;
  for (const lang of Object.keys(after)) {
    if (lang in before) continue;
    if (!signedByUser(after[lang].addedBy)) return false;
    added++;
  }
  return added > 0;
}
