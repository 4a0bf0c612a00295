import type { GlossaryEntry } from '../../../sdk/schemas/glossary.js';
import { foldText } from './fold-text.js';

/**
 * Entries that already have `term` (folded) as a term or alias in `lang`, other than `exceptId`:
 * warned about before saving, so partners build on one entry instead of writing two.
 */
export function findDuplicates(entries: readonly GlossaryEntry[], lang: string, term: string, exceptId?: string): GlossaryEntry[] {
  const wanted = foldText(term);
  if (!wanted) return [];
  return entries.filter((entry) => {
    if (entry.id === exceptId) return false;
    const translation = entry.translations[lang];
    if (!translation) return false;
    return foldText(translation.term) === wanted || (translation.aliases ?? []).some((alias) => foldText(alias) === wanted);
  });
}
