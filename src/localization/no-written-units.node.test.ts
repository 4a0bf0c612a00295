import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localeLoaders } from './localization.js';
import { sourceMessages } from './source-messages.js';

/**
 * No message, English or translated, writes a file-size unit after a number or a placeholder
 * ("5 MB", "${0} Mt", "20 Mo"): sizes reach messages whole, from formatFileSize, so each
 * language gets its own unit, decimal mark and spacing from Intl. The units looked for are those
 * Intl itself writes in the language (short, narrow and long), plus the usual English symbols.
 */
const SIZE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

function unitWords(locale: string): string[] {
  const words = new Set(['B', 'kB', 'KB', 'MB', 'GB', 'byte', 'bytes']);
  for (const unit of SIZE_UNITS) {
    for (const unitDisplay of ['short', 'narrow', 'long'] as const) {
      for (const value of [1, 2, 5, 2.5]) {
        const parts = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay }).formatToParts(value);
        for (const part of parts) if (part.type === 'unit') words.add(part.value.trim());
      }
    }
  }
  return [...words].filter(Boolean);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A number or a placeholder, an optional (no-break) space, one of the words, and no letter after it. */
const unitAfterNumber = (words: string[]) => new RegExp(`(?:\\d|\\$\\{\\d+\\})[\\s\\u00a0\\u202f]?(?:${words.map(escape).join('|')})(?!\\p{L})`, 'u');

type Template = string | { strings: readonly string[]; values: unknown[] };
const textOf = (template: Template) =>
  typeof template === 'string' ? template : template.strings.map((part, i) => part + (i < template.values.length ? `\${${String(template.values[i])}}` : '')).join('');

describe('file sizes in messages', () => {
  it('finds a unit written by hand, in English and in Finnish', () => {
    assert.match('Up to 25 MB.', unitAfterNumber(unitWords('en')));
    assert.match('Raja on ${1} Mt.', unitAfterNumber(unitWords('fi')));
    assert.match('jusqu’à 20\u00a0Mo', unitAfterNumber(unitWords('fr')));
    assert.doesNotMatch('Up to ${0}.', unitAfterNumber(unitWords('en')));
    assert.doesNotMatch('ó ${0} go ${1}', unitAfterNumber(unitWords('ga')), 'Irish "go" (to) is no unit');
  });

  it('leaves them out of the English', () => {
    const pattern = unitAfterNumber(unitWords('en'));
    const english = sourceMessages(new URL('..', import.meta.url).pathname);
    const written = [...english].filter(([, message]) => pattern.test(message.plain)).map(([id, message]) => `${id}: ${message.plain}`);
    assert.deepEqual(written, [], 'pass formatFileSize(bytes) as a placeholder');
  });

  for (const [locale, load] of Object.entries(localeLoaders)) {
    it(`leaves them out of ${locale}`, async () => {
      const pattern = unitAfterNumber(unitWords(locale));
      const templates = (await load()).templates as unknown as Record<string, Template>;
      const written = Object.entries(templates)
        .map(([id, template]) => [id, textOf(template)] as const)
        .filter(([, text]) => pattern.test(text))
        .map(([id, text]) => `${id}: ${text}`);
      assert.deepEqual(written, [], `${locale}: the size comes whole from formatFileSize`);
    });
  }
});
