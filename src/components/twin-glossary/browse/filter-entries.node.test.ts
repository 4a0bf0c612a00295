import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GlossaryEntry } from '../../../sdk/schemas/glossary.js';
import { queryWords } from '../search/glossary-search.js';
import { activeFilterCount, filterChoices, filterEntries, NO_FILTERS } from './filter-entries.js';

const entry = (id: string, extra: Partial<GlossaryEntry>) =>
  ({ id, status: 'published', author: { id: 'a', name: 'Ana', school: 'IES Cervantes' }, translations: { en: { term: id } }, ...extra }) as GlossaryEntry;

describe('glossary filters', () => {
  const entries = [
    entry('tide', { category: 'Sea', phase: 'preparation', translations: { en: { term: 'Tide' }, fr: { term: 'Marée' } } }),
    entry('dune', { category: 'Coast', author: { id: 'b', name: 'Bruno', school: 'Escola do Porto' } }),
    entry('cliff', { status: 'pending', phase: 'mobility' }),
  ];

  it('narrows by category, school, author, phase, missing language and status, with the query', () => {
    const ids = (filters: Partial<typeof NO_FILTERS>, query = '') => filterEntries(entries, { ...NO_FILTERS, ...filters }, queryWords(query)).map((e) => e.id);
    assert.deepEqual(ids({}), ['tide', 'dune', 'cliff']);
    assert.deepEqual(ids({ category: 'Sea' }), ['tide']);
    assert.deepEqual(ids({ school: 'Escola do Porto' }), ['dune']);
    assert.deepEqual(ids({ author: 'a' }), ['tide', 'cliff']);
    assert.deepEqual(ids({ phase: 'mobility' }), ['cliff']);
    assert.deepEqual(ids({ missing: 'fr' }), ['dune', 'cliff']);
    assert.deepEqual(ids({ status: 'pending' }), ['cliff']);
    assert.deepEqual(ids({ missing: 'fr' }, 'DUNE'), ['dune']);
    assert.equal(activeFilterCount({ ...NO_FILTERS, school: 'x', missing: 'fr' }), 2);
  });

  it('offers the choices found in the entries, sorted', () => {
    const choices = filterChoices(entries, new Intl.Collator('en'));
    assert.deepEqual(choices.categories, ['Coast', 'Sea']);
    assert.deepEqual(choices.schools, ['Escola do Porto', 'IES Cervantes']);
    assert.deepEqual(choices.authors, [['a', 'Ana'], ['b', 'Bruno']]);
    assert.deepEqual(choices.phases, ['mobility', 'preparation']);
  });
});
