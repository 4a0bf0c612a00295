import type { GlossaryEntry } from '../../../sdk/schemas/glossary.js';
import { foldText } from './fold-text.js';

/**
 * Entries that already have a term (folded) as a term or alias in a language, other than the one
 * being edited: warned about before saving, so partners build on one entry instead of writing two.
 * Built once for a list of entries (folded terms and aliases by language), so the editor can ask
 * on every keystroke.
 */
export function duplicateIndex(entries: readonly GlossaryEntry[]) {
  const byLang = new Map<string, Map<string, GlossaryEntry[]>>();
  for (const entry of entries) {
    for (const [lang, t] of Object.entries(entry.translations)) {
      let terms = byLang.get(lang);
      if (!terms) byLang.set(lang, (terms = new Map()));
      for (const word of new Set([t.term, ...(t.aliases ?? [])].map(foldText))) {
        const list = terms.get(word);
        if (list) list.push(entry);
        else terms.set(word, [entry]);
      }
    }
  }
  return (lang: string, term: string, exceptId?: string): GlossaryEntry[] =>
    (byLang.get(lang)?.get(foldText(term)) ?? []).filter((entry) => entry.id !== exceptId);
}
