import * as z from 'zod/mini';
import type { GlossaryEntry } from '../../sdk/schemas/glossary.js';
import { languageTag } from '../../sdk/schemas/text.js';

export { languageName } from '../../localization/language-name.js';

const TAG = languageTag();

/** The `languages` attribute: valid BCP 47 codes kept in order (once each), the rest reported. */
export function parseLanguages(value: string | null | undefined): { languages: string[]; rejected: string[] } {
  const languages: string[] = [];
  const rejected: string[] = [];
  for (const code of (value ?? '').split(/[\s,]+/).filter(Boolean)) {
    if (!z.safeParse(TAG, code).success) rejected.push(code);
    else if (!languages.includes(code)) languages.push(code);
  }
  return { languages, rejected };
}

/** The space language closest to `preferred` (`es-MX` picks `es`), else the first. */
export function closestLanguage(languages: readonly string[], preferred: string): string | undefined {
  const base = preferred.toLowerCase().split('-')[0];
  return languages.find((code) => code.toLowerCase() === preferred.toLowerCase()) ?? languages.find((code) => code.toLowerCase().split('-')[0] === base) ?? languages[0];
}

/** The term to show for an entry: in the first of `languages` it has, else in its first language. */
export function shownTerm(entry: GlossaryEntry, languages: readonly string[]): { lang: string; term: string } {
  const lang = languages.find((code) => entry.translations[code]) ?? Object.keys(entry.translations)[0];
  return { lang, term: entry.translations[lang]?.term ?? '' };
}
