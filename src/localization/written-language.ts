import { languageTag } from '../sdk/schemas/text.js';
import { directionOf } from './localization.js';

/** Languages pupils of a partnership often write in (the UI's languages): the choice of a text's `language`. */
export const WRITTEN_LANGUAGES = ['en', 'es', 'pl', 'it', 'fr', 'de', 'pt', 'fi', 'nl', 'el', 'ro', 'sv', 'cs', 'hu', 'hr', 'lt', 'lv', 'et', 'sl', 'sk', 'bg', 'da', 'ga', 'mt', 'tr', 'nb', 'uk'];

const TAG = languageTag();

/**
 * The language a new text is taken to be written in: the writer's UI language, as the list has it
 * (`es-ES` is `es`), or as it is when the list lacks it; none when it is not a language code.
 */
export function writtenLanguageFor(uiLang: string): string | undefined {
  if (!TAG.safeParse(uiLang).success) return undefined;
  const lower = uiLang.toLowerCase();
  const base = lower.split('-')[0];
  return WRITTEN_LANGUAGES.find((code) => code === lower) ?? WRITTEN_LANGUAGES.find((code) => code === base) ?? uiLang;
}

/** The languages to offer: the list, and `current` too when it is not in it (a text written in `ar`). */
export function writtenLanguageChoices(current: string | undefined): string[] {
  return current && !WRITTEN_LANGUAGES.includes(current) ? [current, ...WRITTEN_LANGUAGES] : WRITTEN_LANGUAGES;
}

/**
 * `lang` and `dir` for the element holding what someone wrote, so it is read aloud in its language
 * and laid out in its direction. A text of no stated language gets neither: it reads as the page.
 */
export function writtenIn(record: { language?: unknown }): { lang: string; dir: 'ltr' | 'rtl' } | undefined {
  const lang = record.language;
  return typeof lang === 'string' && TAG.safeParse(lang).success ? { lang, dir: directionOf(lang) } : undefined;
}
