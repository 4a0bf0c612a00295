import { expect } from '@open-wc/testing';
import { setUiLocale } from '../../localization/localization.js';
import { expectAccessible } from '../../test-support/axe.js';
import { glossaryEntry, glossaryWith, openEntry, pupil, root, rowTexts, teacher } from '../../test-support/glossary-fixture.js';
import { until } from '../../test-support/record-list.js';

const coast = [
  glossaryEntry(
    { en: { term: 'Tide', definition: 'The daily rise and fall of the sea.', aliases: ['tides'] }, es: { term: 'Marea', definition: 'Subida y bajada diaria del mar.' }, fr: { term: 'Marée' } },
    { category: 'Sea' },
  ),
  glossaryEntry({ en: { term: 'Lighthouse' }, es: { term: 'Faro' }, it: { term: 'Faro' } }, { category: 'Coast' }),
  glossaryEntry({ en: { term: 'Nudibranch' }, es: { term: 'Ñudibranquio' } }, { category: 'Sea' }),
  glossaryEntry({ en: { term: 'Net' }, es: { term: 'Nasa' } }, { category: 'Fishing' }),
];

async function seeded(options: Parameters<typeof glossaryWith>[0] & { entries?: ReturnType<typeof glossaryEntry>[] }) {
  const world = await glossaryWith(options);
  const results = await world.storeFor(teacher).createMany('glossary', options.entries ?? coast);
  expect(results.every((result) => result.ok)).to.equal(true);
  await until(() => rowTexts(world.glossary).length === (options.entries ?? coast).length, 'the rows');
  return world;
}

const search = async (glossary: HTMLElement, text: string) => {
  const input = root(glossary).querySelector<HTMLInputElement>('#search')!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await (glossary as unknown as { updateComplete: Promise<unknown> }).updateComplete;
};

const select = async (glossary: HTMLElement, label: string, value: string) => {
  const labelElement = [...root(glossary).querySelectorAll('label')].find((l) => l.querySelector('span')?.textContent?.trim() === label);
  if (!labelElement) throw new Error(`No select "${label}"`);
  const element = labelElement.querySelector('select')!;
  element.value = value;
  element.dispatchEvent(new Event('change'));
  await (glossary as unknown as { updateComplete: Promise<unknown> }).updateComplete;
};

describe('<twin-glossary>: reading and browsing', () => {
  afterEach(() => setUiLocale('en'));

  it('is accessible when empty and when filled, for a pupil and a teacher', async () => {
    const empty = await glossaryWith({ user: pupil });
    expect(root(empty.glossary).textContent).to.include('The glossary is empty');
    await expectAccessible(empty.glossary);
    const { glossary } = await seeded({ user: teacher });
    await expectAccessible(glossary);
    await openEntry(glossary, 'Tide');
    await expectAccessible(glossary);
  });

  it('shows two languages side by side, one, or all, and every text carries its lang', async () => {
    const { glossary } = await seeded({ user: pupil });
    expect(rowTexts(glossary)[0]).to.match(/^Lighthouse Faro/);
    const spanish = root(glossary).querySelector('li[data-row] [lang="es"]');
    expect(spanish?.textContent).to.equal('Faro');
    await select(glossary, 'Show', 'one');
    expect(root(glossary).querySelectorAll('li[data-row="" ] [lang="es"], li[data-row] [lang="es"]').length).to.equal(0);
    await select(glossary, 'Show', 'all');
    const tideRow = rowTexts(glossary).find((row) => row.startsWith('Tide'))!;
    expect(tideRow).to.include('Marée').and.include('Help wanted in Italian');
    // Every term and definition in the list is marked with its language: 10 terms (Tide in en, es, fr;
    // Lighthouse in en, es, it; Nudibranch and Net in en, es) and Tide's 2 definitions.
    const texts = [...root(glossary).querySelectorAll('.cell:not(.missing) .term, .cell .definition')];
    expect(texts.length, 'terms and definitions shown').to.equal(12);
    for (const element of texts) expect(element.getAttribute('lang')).to.match(/^(en|es|fr|it)$/);
  });

  it('sorts A to Z with the chosen language\'s rules and jumps to a letter', async () => {
    const { glossary } = await seeded({ user: pupil });
    await select(glossary, 'Language', 'es');
    const firstWords = rowTexts(glossary).map((row) => row.split(' ')[0]);
    expect(firstWords).to.deep.equal(['Faro', 'Marea', 'Nasa', 'Ñudibranquio']);
  });

  it('searches every language, ignoring case and accents, highlights matches and announces the count', async () => {
    const { glossary } = await seeded({ user: pupil });
    await search(glossary, 'MAREE');
    expect(rowTexts(glossary).length).to.equal(1);
    expect(rowTexts(glossary)[0]).to.include('Tide');
    await search(glossary, 'tides');
    expect(rowTexts(glossary).length, 'aliases are searched').to.equal(1);
    await search(glossary, 'bajada');
    expect(rowTexts(glossary).length, 'definitions are searched').to.equal(1);
    const mark = root(glossary).querySelector('li[data-row] mark');
    expect(mark?.textContent).to.equal('bajada');
    await until(() => root(glossary).querySelector('[role=status]')?.textContent?.includes('1 entry found'), 'the announcement');
    await search(glossary, 'volcano');
    expect(root(glossary).textContent).to.include('Nothing matches');
    await until(() => root(glossary).querySelector('[role=status]')?.textContent?.includes('No entries found'), 'no results announced');
  });

  it('narrows as the query grows and widens again as it shrinks', async () => {
    const { glossary } = await seeded({ user: pupil });
    const firstWords = () => rowTexts(glossary).map((row) => row.split(' ')[0]);
    for (const [query, expected] of [
      ['n', ['Net', 'Nudibranch', 'Tide']],
      ['nu', ['Nudibranch']],
      ['nud', ['Nudibranch']],
      ['nux', []],
      ['n', ['Net', 'Nudibranch', 'Tide']],
      ['', ['Lighthouse', 'Net', 'Nudibranch', 'Tide']],
      ['ma', ['Tide']],
      ['ma ti', ['Tide']],
      ['ma x', []],
    ] as const) {
      await search(glossary, query);
      expect(firstWords(), `"${query}"`).to.deep.equal(expected);
    }
  });

  it('filters by category, school, author and missing translation ("help wanted")', async () => {
    const world = await seeded({ user: pupil });
    const { glossary } = world;
    await world.storeFor(pupil).create('glossary', glossaryEntry({ en: { term: 'Dune' } }, { category: 'Coast' }));
    await until(() => rowTexts(glossary).length === 5, 'the pupil\'s entry');
    root(glossary).querySelector<HTMLDetailsElement>('details.filters')!.open = true;
    await select(glossary, 'Help wanted in', 'fr');
    expect(rowTexts(glossary).map((row) => row.split(' ')[0])).to.deep.equal(['Dune', 'Lighthouse', 'Net', 'Nudibranch']);
    await select(glossary, 'Category', 'Coast');
    expect(rowTexts(glossary).map((row) => row.split(' ')[0])).to.deep.equal(['Dune', 'Lighthouse']);
    await select(glossary, 'School', 'Szkoła Gdynia');
    expect(rowTexts(glossary).map((row) => row.split(' ')[0])).to.deep.equal(['Dune']);
    await select(glossary, 'School', '');
    await select(glossary, 'Author', teacher.id);
    expect(rowTexts(glossary).map((row) => row.split(' ')[0])).to.deep.equal(['Lighthouse']);
    expect(root(glossary).querySelector('.summary')?.textContent).to.include('1 of 5 entries');
  });

  it('shows the entry in every language, with missing ones as an invitation', async () => {
    const { glossary } = await seeded({ user: pupil });
    const view = await openEntry(glossary, 'Tide');
    const text = root(view).textContent!;
    expect(text).to.include('The daily rise and fall of the sea.');
    expect(text).to.include('Help wanted: no Italian version yet.');
    expect(root(view).querySelector('.definition[lang="es"]')?.textContent).to.equal('Subida y bajada diaria del mar.');
    expect(root(view).querySelector('h2')?.getAttribute('lang')).to.equal('en');
    expect(root(glossary).querySelector('dialog')?.getAttribute('aria-label'), 'the dialog is named by its term').to.equal('Glossary entry: Tide');
  });

  it('speaks Spanish when the page does, and names languages in Spanish', async () => {
    document.documentElement.lang = 'es';
    try {
      const { glossary } = await seeded({ user: pupil });
      await until(() => root(glossary).textContent!.includes('Buscar en todos los idiomas'), 'Spanish UI');
      expect(rowTexts(glossary)[0]).to.match(/^Faro/, 'Spanish first for a Spanish reader');
      await expectAccessible(glossary);
    } finally {
      document.documentElement.lang = 'en';
    }
  });

  it('reports wrong attribute values and falls back to sensible ones', async () => {
    const { glossary } = await seeded({ user: pupil, languages: 'en es!! <b> es fr' });
    expect(root(glossary).querySelector('.note')?.textContent).to.include('es!!');
    glossary.view = 'sideways';
    await glossary.updateComplete;
    expect(root(glossary).querySelector('li[data-row] [lang="es"]'), 'an unknown view shows two languages').to.exist;
  });
});
