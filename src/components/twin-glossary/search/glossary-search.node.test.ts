import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GlossaryEntry } from '../../../sdk/schemas/glossary.js';
import { duplicateIndex } from './find-duplicates.js';
import { foldText } from './fold-text.js';
import { highlightParts, matchesQuery, queryWords } from './glossary-search.js';
import { letterIndex, sortEntries } from './sort-entries.js';

const entry = (id: string, translations: GlossaryEntry['translations']) => ({ id, translations }) as GlossaryEntry;

describe('glossary search', () => {
  const tide = entry('tide', {
    en: { term: 'Tide', definition: 'The daily rise and fall of the sea.', aliases: ['tides'] },
    fr: { term: 'Marée', definition: 'Montée et descente de la mer.' },
  });
  const estuary = entry('estuary', { en: { term: 'Estuary', definition: 'Where a river meets the sea.' } });

  it('folds case, accents and compatibility forms', () => {
    assert.equal(foldText('  MARÉE  haute '), 'maree haute');
    assert.equal(foldText('ﬁord'), 'fiord');
    assert.equal(foldText('Ｓea'), 'sea');
  });

  it('matches every word in any language, over terms, aliases and definitions', () => {
    assert.equal(matchesQuery(tide, queryWords('maree')), true);
    assert.equal(matchesQuery(tide, queryWords('TIDES')), true);
    assert.equal(matchesQuery(tide, queryWords('river')), false);
    assert.equal(matchesQuery(estuary, queryWords('river sea')), true);
    assert.equal(matchesQuery(estuary, queryWords('river moon')), false);
    assert.equal(matchesQuery(estuary, queryWords('   ')), true, 'a blank query matches all');
  });

  it('highlights the original characters of an accent-insensitive match', () => {
    assert.deepEqual(highlightParts('La Marée monte', queryWords('maree')), [
      { text: 'La ', match: false },
      { text: 'Marée', match: true },
      { text: ' monte', match: false },
    ]);
    // Decomposed input (e + combining accent) keeps its accent inside the mark.
    const decomposed = 'Mare\u0301e';
    assert.deepEqual(highlightParts(decomposed, queryWords('maree')), [{ text: decomposed, match: true }]);
    assert.deepEqual(highlightParts('No match', queryWords('tide')), [{ text: 'No match', match: false }]);
    assert.deepEqual(highlightParts('🌊 wave', queryWords('wave')), [{ text: '🌊 ', match: false }, { text: 'wave', match: true }]);
  });

  it('sorts with the language\'s rules and files missing translations last', () => {
    const words = ['nube', 'ñandú', 'oso', 'Árbol'].map((term, i) => entry(String(i), { es: { term } }));
    const untranslated = entry('x', { en: { term: 'Aardvark' } });
    const sorted = sortEntries([...words, untranslated], 'es').map((e) => e.translations.es?.term ?? 'missing');
    assert.deepEqual(sorted, ['Árbol', 'nube', 'ñandú', 'oso', 'missing']);
    const letters = letterIndex(sortEntries(words, 'es'), 'es').map((l) => l.letter);
    assert.deepEqual(letters, ['Á', 'N', 'Ñ', 'O']);
    const english = letterIndex(sortEntries([entry('1', { en: { term: 'éclair' } }), entry('2', { en: { term: 'egg' } })], 'en'), 'en');
    assert.equal(english.length, 1, 'É and E share a heading in English');
  });

  it('finds an existing term or alias in the same language, folded', () => {
    const index = duplicateIndex([tide, estuary]);
    assert.deepEqual(index('fr', ' MAREE ').map((e) => e.id), ['tide']);
    assert.deepEqual(index('en', 'tides').map((e) => e.id), ['tide']);
    assert.deepEqual(index('en', 'Marée'), [], 'another language is not a duplicate');
    assert.deepEqual(duplicateIndex([tide])('en', 'Tide', 'tide'), [], 'the entry being edited is not its own duplicate');
  });
});
