import { msg, str, type StrResult } from '@lit/localize';
import { uiLocale } from './localization.js';

/**
 * The English of a count message, written as a translation is: `${0}` is the count, `${1}`… the
 * further values given to `plural`. English has two forms; each language gives those its
 * `Intl.PluralRules` lists (Polish: one, few, many, other), as `<base>#<form>` in its files.
 */
export interface EnglishPlural {
  one: StrResult;
  other: StrResult;
}

/** The variety a language's translation is written in, where its plural rules differ: European Portuguese says "0 comentários". */
const VARIETY: Record<string, string> = { pt: 'pt-PT' };
const rules = new Map<string, Intl.PluralRules>();

/** The plural rules of a UI language; one rule set per language, as building one costs more than using it. */
export function pluralRules(locale: string): Intl.PluralRules {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(VARIETY[locale] ?? locale)));
  return rule;
}

// lit hands back the template it was given when an id has no translation: this one nobody writes.
const PROBE = str`\u2063plural-probe`;
const PROBE_TEXT = PROBE.strings[0];
const isTranslated = (id: string) => msg(PROBE, { id }) !== PROBE_TEXT;

/**
 * A count message in the UI language, its noun inflected for `count` ("1 komentarz", "2
 * komentarze", "5 komentarzy"). Call it with a literal base id and the English forms, so the
 * translation check finds them: `plural(n, 'board.comments.count', { one: str`${0} comment`, other: str`${0} comments` })`.
 * A form the language's file lacks (a browser whose plural rules know one more) falls back to its `other`.
 */
export function plural(count: number, base: string, english: EnglishPlural, ...values: unknown[]): string {
  const locale = uiLocale();
  const form = pluralRules(locale).select(count);
  const filled = [count.toLocaleString(locale), ...values];
  for (const id of [`${base}#${form}`, `${base}#other`]) {
    // A translation's ${i} picks filled[i], whatever the English wrote.
    if (isTranslated(id)) return msg(str(english.other.strings, ...filled), { id });
  }
  // English (or no translation at all): its own form, its ${i} read as indices into filled.
  const source = form === 'one' ? english.one : english.other;
  return msg(str(source.strings, ...source.values.map((index) => filled[index as number])), { id: `${base}#${form}` });
}
