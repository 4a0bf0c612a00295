import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { str } from '@lit/localize';

// lit announces a language change on window; Node has none.
(globalThis as { window?: EventTarget }).window ??= new EventTarget();
const { setUiLocale } = await import('./localization.js');
const { plural, pluralRules } = await import('./plural.js');

const comments = (count: number) => plural(count, 'board.comments.count', { one: str`${0} comment`, other: str`${0} comments` });
/** The form each count picks, and the comment count as the language writes it. */
async function inLanguage(locale: string, counts: number[]) {
  await setUiLocale(locale);
  return counts.map((count) => `${pluralRules(locale).select(count)}: ${comments(count)}`);
}

describe('plural', () => {
  after(() => setUiLocale('en'));

  it('inflects Polish for 1, 2, 5, 22 and 25', async () => {
    assert.deepEqual(await inLanguage('pl', [1, 2, 5, 22, 25]), ['one: 1 komentarz', 'few: 2 komentarze', 'many: 5 komentarzy', 'few: 22 komentarze', 'many: 25 komentarzy']);
  });

  it('gives English its two forms, the count formatted', async () => {
    assert.deepEqual(await inLanguage('en', [1, 2, 1000]), ['one: 1 comment', 'other: 2 comments', 'other: 1,000 comments']);
  });

  it('gives Irish its five forms: 1, 2, 3 to 6, 7 to 10, 11 and more', async () => {
    assert.deepEqual(await inLanguage('ga', [1, 2, 3, 7, 11]), ['one: 1 trácht', 'two: 2 thrácht', 'few: 3 thrácht', 'many: 7 dtrácht', 'other: 11 trácht']);
  });

  it('treats 0 as singular in French, and millions with "de"', async () => {
    assert.deepEqual(await inLanguage('fr', [0, 1, 2, 1_000_000]), ['one: 0 commentaire', 'one: 1 commentaire', 'other: 2 commentaires', 'many: 1\u202f000\u202f000 de commentaires']);
  });

  it('follows European Portuguese, the variety of its translation: 0 is plural', async () => {
    assert.deepEqual(await inLanguage('pt', [0, 1, 2]), ['other: 0 comentários', 'one: 1 comentário', 'other: 2 comentários']);
  });

  it('passes further values as ${1}…, where each language places them', async () => {
    await setUiLocale('pl');
    const erased = (count: number) => plural(count, 'journal.erase.count', { one: str`Erased: ${0} record of ${1}.`, other: str`Erased: ${0} records of ${1}.` }, 'Ola');
    assert.deepEqual([1, 3, 5].map(erased), ['Wymazano 1 element (Ola).', 'Wymazano 3 elementy (Ola).', 'Wymazano 5 elementów (Ola).']);
  });

  it("falls back to the language's other form when a form is missing, and to English when the message is", async () => {
    await setUiLocale('pl');
    const { templates } = (await import('./locales/pl.js')) as unknown as { templates: Record<string, unknown> };
    const many = templates['board.comments.count#many'];
    delete templates['board.comments.count#many'];
    try {
      assert.equal(comments(5), '5 komentarza', 'the Polish other form');
    } finally {
      templates['board.comments.count#many'] = many;
    }
    assert.equal(comments(5), '5 komentarzy');
    assert.equal(plural(5, 'no.such-message', { one: str`${0} thing`, other: str`${1}: ${0} things` }, 'Ola'), 'Ola: 5 things');
  });
});
