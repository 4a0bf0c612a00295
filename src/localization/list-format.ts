import { uiLocale } from './localization.js';

const formats = new Map<string, Intl.ListFormat>();

/**
 * Items as one phrase of the language, "A, B and C", "A, B und C", "A, B ja C": each language
 * has its own conjunction and its own comma before it (English "A, B, and C", Maltese "A, B, u C").
 */
export function formatList(items: readonly string[], lang: string = uiLocale()): string {
  let format = formats.get(lang);
  if (!format) {
    try {
      format = new Intl.ListFormat(lang, { type: 'conjunction' });
    } catch {
      format = new Intl.ListFormat('en', { type: 'conjunction' });
    }
    formats.set(lang, format);
  }
  return format.format(items);
}
