import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SUPPORTED_LOCALES } from '../src/localization/localization.js';
import { DEMO_STRINGS, demoText } from './demo-strings.js';

describe('the demo page’s own texts', () => {
  it('are there in every UI language', () => {
    assert.deepEqual(Object.keys(DEMO_STRINGS).sort(), [...SUPPORTED_LOCALES].sort());
  });

  it('are translated: at most a word (“no”, “School”) the same as in English', () => {
    for (const [locale, texts] of Object.entries(DEMO_STRINGS)) {
      if (locale === 'en') continue;
      const same = Object.entries(texts).filter(([key, text]) => text === DEMO_STRINGS.en[key as keyof typeof texts]);
      assert.ok(same.length <= 1 && same.every(([, text]) => !text.includes(' ')), `${locale} left in English: ${same.map(([key]) => key).join(', ')}`);
    }
  });

  it('follow the page’s language, the nearest one, or English', () => {
    assert.equal(demoText('canTitle', 'pl'), 'Co możesz tu zrobić');
    assert.equal(demoText('canTitle', 'pt-BR'), 'O que podes fazer aqui');
    assert.equal(demoText('canTitle', 'nn'), 'Dette kan du gjøre her');
    assert.equal(demoText('canTitle', 'zh'), 'What you can do here');
  });
});
