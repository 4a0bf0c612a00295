import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';

// lit announces a language change on window; Node has none.
(globalThis as { window?: EventTarget }).window ??= new EventTarget();
const { setUiLocale } = await import('./localization.js');
const { formatList } = await import('./list-format.js');

const three = ['A', 'B', 'C'];

describe('formatList', () => {
  after(() => setUiLocale('en'));

  it('joins with each language its own conjunction and commas', () => {
    const joined = Object.fromEntries(['en', 'de', 'fi', 'hu', 'mt', 'el', 'uk'].map((lang) => [lang, formatList(three, lang)]));
    assert.deepEqual(joined, { en: 'A, B, and C', de: 'A, B und C', fi: 'A, B ja C', hu: 'A, B és C', mt: 'A, B, u C', el: 'A, B και C', uk: 'A, B і C' });
  });

  it('leaves one item alone and joins two without a comma', () => {
    assert.equal(formatList(['A'], 'de'), 'A');
    assert.equal(formatList(['A', 'B'], 'fi'), 'A ja B');
    assert.equal(formatList([], 'fi'), '');
  });

  it('follows the UI language when given none', async () => {
    await setUiLocale('pl');
    assert.equal(formatList(three), 'A, B i C');
  });
});
