import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';

// lit announces a language change on window; Node has none.
(globalThis as { window?: EventTarget }).window ??= new EventTarget();
const { setUiLocale } = await import('./localization.js');
const { formatFileSize } = await import('./file-size.js');

const MB = 1024 * 1024;
/** Intl puts a no-break space (or a narrow one) between number and unit: compare as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const sizes = (lang?: string) => [25 * MB, 2.5 * MB, 830_000, 12, 1234.5 * MB].map((bytes) => plain(formatFileSize(bytes, lang)));

describe('formatFileSize', () => {
  after(() => setUiLocale('en'));

  it('writes each language its own decimal mark, grouping and unit', () => {
    const written = Object.fromEntries(['en', 'de', 'fi', 'fr', 'uk', 'sv', 'hu'].map((lang) => [lang, sizes(lang)]));
    assert.deepEqual(written, {
      en: ['25 MB', '2.5 MB', '811 kB', '1 kB', '1,234.5 MB'],
      de: ['25 MB', '2,5 MB', '811 kB', '1 kB', '1.234,5 MB'],
      fi: ['25 Mt', '2,5 Mt', '811 kt', '1 kt', '1 234,5 Mt'],
      fr: ['25 Mo', '2,5 Mo', '811 ko', '1 ko', '1 234,5 Mo'],
      uk: ['25 МБ', '2,5 МБ', '811 кБ', '1 кБ', '1 234,5 МБ'],
      sv: ['25 MB', '2,5 MB', '811 kB', '1 kB', '1 234,5 MB'],
      hu: ['25 MB', '2,5 MB', '811 kB', '1 kB', '1234,5 MB'],
    });
  });

  it('counts binary megabytes, so a limit set as 25 × 1024 × 1024 reads as 25 MB', () => {
    assert.equal(plain(formatFileSize(25 * MB, 'en')), '25 MB');
    assert.equal(plain(formatFileSize(MB - 1, 'en')), '1,024 kB');
  });

  it('follows the UI language when given none', async () => {
    await setUiLocale('fi');
    assert.deepEqual(sizes(), sizes('fi'));
    await setUiLocale('fr');
    assert.equal(plain(formatFileSize(5 * MB)), '5 Mo');
  });

  it('falls back to English figures for a tag Intl refuses', () => {
    assert.equal(plain(formatFileSize(5 * MB, 'not a tag!')), '5 MB');
  });
});
