import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { localeLoaders, matchLocale } from './localization.js';
import { pluralRules } from './plural.js';
import { SAME_AS_ENGLISH } from './same-as-english.js';
import { pluralBases, sourceMessages, type SourceMessage } from './source-messages.js';

/**
 * Every UI language against the English of the source: every message there, none left over, the
 * same placeholders and markup, nothing left in English unless listed as meant, and each
 * language's terms written down. A count message (`plural()`) has in each language exactly the
 * forms its plural rules list. The length of each language against English is printed.
 */
const english = sourceMessages(new URL('..', import.meta.url).pathname);
const counts = pluralBases(english);
const pluralForms = (locale: string) => pluralRules(locale).resolvedOptions().pluralCategories;
/** The ids a language must have: each message, and each count message in the forms the language has. */
const idsFor = (locale: string) => [
  ...[...english.entries()].filter(([, message]) => !message.pluralOf).map(([id]) => id),
  ...[...counts.keys()].flatMap((base) => pluralForms(locale).map((form) => `${base}#${form}`)),
];
/** The English to hold a translation against: a form English lacks (Polish "few") against its "other". */
const sourceOf = (id: string) => english.get(id) ?? english.get(`${id.replace(/#[a-z]+$/, '')}#other`);
type Template = string | { strTag?: true; _$litType$?: number; strings: readonly string[]; values: unknown[] };

const kindOf = (template: Template): SourceMessage['kind'] => (typeof template === 'string' ? 'string' : template._$litType$ ? 'html' : 'str');
/** The text a reader sees, placeholders as `${i}`, markup left out. */
const textOf = (template: Template) =>
  typeof template === 'string' ? template : template.strings.map((part, i) => part + (i < template.values.length ? `\${${String(template.values[i])}}` : '')).join('').replace(/<[^>]+>/g, '');

const locales = await Promise.all(
  Object.entries(localeLoaders).map(async ([locale, load]) => ({ locale, templates: (await load()).templates as unknown as Record<string, Template> })),
);

describe('localization', () => {
  it('finds the messages of the source', () => {
    assert.ok(english.size >= 700, `only ${english.size} messages found`);
    assert.equal(english.get('status.no-space')?.kind, 'string');
    assert.equal(english.get('status.storage-error')?.placeholders, 1);
  });

  it('finds the count messages, each in the two English forms, each form showing the count', () => {
    assert.ok(counts.size >= 20, `only ${counts.size} count messages found`);
    assert.equal(english.get('board.comments.count#few'), undefined, 'English has no "few"');
    assert.equal(english.get('board.comments.count#one')?.plain, '${0} comment');
    assert.equal(english.get('glossary.editor.too-long#other')?.plain.startsWith('Too long: ${0} characters. The limit is ${1}.'), true);
    const wrong = [...counts].filter(([base, forms]) => forms.join() !== 'one,other' || forms.some((form) => !english.get(`${base}#${form}`)!.plain.includes('${0}')));
    assert.deepEqual(wrong, [], 'write { one: str`…${0}…`, other: str`…${0}…` }');
    assert.deepEqual([...counts.keys()].filter((base) => english.has(base)), [], 'a count message named like another message');
    assert.deepEqual(pluralForms('en'), ['one', 'other']);
  });

  it('ships the 24 official languages of the EU, Norwegian, Turkish and Ukrainian', () => {
    const official = ['bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv'];
    assert.deepEqual(['en', ...Object.keys(localeLoaders)].sort(), [...official, 'nb', 'tr', 'uk'].sort());
  });

  it('picks the nearest language a page asks for', () => {
    const picked = Object.fromEntries(['pt-BR', 'nn', 'no', 'nb-NO', 'de-AT', 'ga-IE', 'el', 'sr-Latn', 'zh', '', undefined].map((tag) => [String(tag), matchLocale(tag)]));
    assert.deepEqual(picked, { 'pt-BR': 'pt', nn: 'nb', no: 'nb', 'nb-NO': 'nb', 'de-AT': 'de', 'ga-IE': 'ga', el: 'el', 'sr-Latn': 'en', zh: 'en', '': 'en', undefined: 'en' });
  });

  for (const { locale, templates } of locales) {
    describe(locale, () => {
      it('has every message, and none left over; each count message in exactly the forms of its plural rules', () => {
        const ids = new Set(Object.keys(templates));
        const wanted = new Set(idsFor(locale));
        assert.deepEqual([...wanted].filter((id) => !ids.has(id)), [], `missing in ${locale} (its plural forms: ${pluralForms(locale).join(', ')})`);
        assert.deepEqual([...ids].filter((id) => !wanted.has(id)), [], `unused in ${locale}`);
      });

      it('keeps every placeholder and the markup of each message', () => {
        const wrong: string[] = [];
        for (const [id, template] of Object.entries(templates)) {
          const source = sourceOf(id);
          if (!source) continue;
          if (kindOf(template) !== source.kind) wrong.push(`${id}: ${kindOf(template)} where the English is ${source.kind}`);
          const used = typeof template === 'string' ? [] : [...new Set(template.values)].sort();
          const wanted = Array.from({ length: source.placeholders }, (_, i) => i);
          if (JSON.stringify(used) !== JSON.stringify(wanted)) wrong.push(`${id}: placeholders ${JSON.stringify(used)}, the English has ${JSON.stringify(wanted)}`);
          if (source.kind === 'html') {
            const tags = (text: string) => (text.match(/<\/?[a-z]+/g) ?? []).sort().join(' ');
            const translated = typeof template === 'string' ? '' : template.strings.join('');
            if (tags(translated) !== tags(source.plain)) wrong.push(`${id}: markup ${tags(translated)}, the English has ${tags(source.plain)}`);
          }
        }
        assert.deepEqual(wrong, []);
      });

      it('leaves nothing in English but what is meant to be', () => {
        const allowed = new Set([...(SAME_AS_ENGLISH['*'] ?? []), ...(SAME_AS_ENGLISH[locale] ?? [])]);
        const same = Object.entries(templates)
          .filter(([id, template]) => sourceOf(id) && !allowed.has(id) && textOf(template) === sourceOf(id)!.plain.replace(/<[^>]+>/g, ''))
          .map(([id]) => id);
        assert.deepEqual(same, [], `left in English in ${locale}: list them in same-as-english.ts if meant`);
      });

      it('writes down its UI terms', () => {
        const terms = new URL(`./terms/${locale}.md`, import.meta.url);
        assert.ok(existsSync(terms), `src/localization/terms/${locale}.md is missing`);
        const rows = readFileSync(terms, 'utf8').split('\n').filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line));
        assert.ok(rows.length >= 15, `${locale}: only ${rows.length - 1} terms`);
      });
    });
  }

  it('reports the length of each language against English', () => {
    const lines: string[] = [];
    for (const { locale, templates } of locales) {
      const ratios = Object.entries(templates)
        .filter(([id]) => english.has(id))
        .map(([id, template]) => ({ id, ratio: textOf(template).length / Math.max(1, english.get(id)!.plain.length) }))
        .sort((a, b) => a.ratio - b.ratio);
      const median = ratios[Math.floor(ratios.length / 2)].ratio;
      const total = ratios.reduce((sum, { id }) => sum + textOf(templates[id]).length, 0) / [...english.values()].reduce((sum, message) => sum + message.plain.length, 0);
      const longest = ratios.at(-1)!;
      lines.push(`${locale}: ${(total * 100).toFixed(0)}% of the English text, median message ${(median * 100).toFixed(0)}%, longest ${longest.id} ${(longest.ratio * 100).toFixed(0)}%`);
      assert.ok(total > 0.5 && total < 2, `${locale} is ${(total * 100).toFixed(0)}% as long as the English: a file in the wrong language?`);
    }
    console.log(lines.join('\n'));
  });
});
