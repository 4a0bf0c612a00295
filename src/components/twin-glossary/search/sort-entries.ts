import type { GlossaryEntry } from '../../../sdk/schemas/glossary.js';

const collators = new Map<string, Intl.Collator>();

/** One collator per language: `ñ` sorts after `n` in Spanish, `ä` with `a` in German. */
export function collatorFor(lang: string): Intl.Collator {
  let collator = collators.get(lang);
  if (!collator) {
    collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true, ignorePunctuation: true });
    collators.set(lang, collator);
  }
  return collator;
}

/** The term an entry is filed under in `lang`; entries without one fall back to their first language. */
export function termIn(entry: GlossaryEntry, lang: string): string | undefined {
  return entry.translations[lang]?.term;
}

/**
 * A to Z in `lang` with that language's rules. Entries with no term in `lang` come last (sorted by
 * their first term): they are the ones waiting for a translation.
 */
export function sortEntries(entries: readonly GlossaryEntry[], lang: string): GlossaryEntry[] {
  const collator = collatorFor(lang);
  const keyed = entries.map((entry) => {
    const own = termIn(entry, lang);
    return { entry, missing: own === undefined, key: own ?? Object.values(entry.translations)[0]?.term ?? '' };
  });
  keyed.sort((a, b) => Number(a.missing) - Number(b.missing) || collator.compare(a.key, b.key) || (a.entry.id < b.entry.id ? -1 : 1));
  return keyed.map((item) => item.entry);
}

/** The letter an entry is filed under: its first letter, upper-cased as `lang` does. */
export function letterOf(term: string, lang: string): string {
  const first = term.trimStart().codePointAt(0);
  if (first === undefined) return '#';
  const char = String.fromCodePoint(first);
  return /\p{L}/u.test(char) ? char.toLocaleUpperCase(lang) : '#';
}

/**
 * Letters of a sorted list with the index of the first entry under each. Letters the collator
 * counts as equal share one heading (`É` files under `E` in English, `Ñ` keeps its own in Spanish).
 */
export function letterIndex(sorted: readonly GlossaryEntry[], lang: string): { letter: string; index: number }[] {
  const collator = collatorFor(lang);
  const letters: { letter: string; index: number }[] = [];
  let previous = '';
  sorted.forEach((entry, index) => {
    const term = termIn(entry, lang);
    if (term === undefined) return;
    const letter = letterOf(term, lang);
    // Most neighbours share their first letter: compare strings first, the collator only on a change.
    if (letter === previous) return;
    previous = letter;
    const last = letters[letters.length - 1];
    if (!last || collator.compare(last.letter, letter) !== 0) letters.push({ letter: letter.normalize('NFC'), index });
  });
  return letters;
}
