import { expect, fixture, html } from '@open-wc/testing';
import type { GlossaryEntry } from '../../sdk/schemas/glossary.js';
import type { RecordStatus } from '../../sdk/schemas/envelope.js';
import { uiLocale } from '../../localization/localization.js';
import { foldText } from '../twin-glossary/search/fold-text.js';
import { foldTerm, foldWithMap, linkGlossaryTerms } from './link-glossary-terms.js';
import type { TwinGlossaryTerm } from './twin-glossary-term.component.js';
import './twin-glossary-links.js';

type Translations = Record<string, { term: string; definition?: string; aliases?: string[] }>;

/** A stored entry as the store hands it out (the linker reads only id, status and translations). */
function entry(id: string, translations: Translations, status: RecordStatus = 'published'): GlossaryEntry {
  return {
    id,
    space: 'test',
    collection: 'glossary',
    rev: '1-a',
    schemaVersion: 1,
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    author: { id: 'ana', name: 'Ana' },
    status,
    translations,
  };
}
const en = (id: string, term: string, aliases?: string[]) => entry(id, { en: { term, definition: `About ${term}.`, aliases } });

/** A page fragment, parsed by the test (the linker itself never parses HTML). */
const page = (markup: string, lang = 'en') => fixture<HTMLElement>(html`<article lang=${lang} .innerHTML=${markup}></article>`);
const linked = (root: Element) => [...root.querySelectorAll('twin-glossary-term')].map((term) => term.textContent);

describe('linkGlossaryTerms', () => {
  it('ignores case and accents, and wraps the text as written', async () => {
    const root = await page('<p>LA MAREE BASSE et la marée haute; Café, cafe\u0301.</p>', 'fr');
    const result = linkGlossaryTerms(root, {
      entries: [entry('maree', { fr: { term: 'marée', definition: 'Le niveau de la mer monte et descend.' } }), entry('cafe', { fr: { term: 'CAFÉ', definition: 'Une boisson.' } })],
    });
    expect(result.count).to.equal(2);
    expect(linked(root)).to.deep.equal(['MAREE', 'Café']);
    const other = await page('<p>Sous la marée.</p>', 'fr');
    linkGlossaryTerms(other, { entries: [entry('maree', { fr: { term: 'MAREE', definition: 'x' } })] });
    expect(linked(other)).to.deep.equal(['marée']);
    // A decomposed accent (e + U+0301) stays with its letter inside the term.
    const decomposed = await page('<p>Un cafe\u0301!</p>', 'fr');
    linkGlossaryTerms(decomposed, { entries: [entry('cafe', { fr: { term: 'café', definition: 'x' } })] });
    expect(linked(decomposed)).to.deep.equal(['cafe\u0301']);
  });

  it('folds like foldText, per character', () => {
    for (const sample of ['Marée  Haute', 'ﬁne ＡＢＣ', 'Straße', 'İstanbul', 'Ñandú\u00a0\t río', 'Ελλάδα']) {
      expect(foldWithMap(sample).s.trim()).to.equal(foldText(sample), sample);
      expect(foldTerm(` ${sample} `)).to.equal(foldWithMap(sample).s.trim(), sample);
    }
    // Final sigma: a whole-word lowercasing gives ς, one character at a time gives σ; both fold to σ.
    expect(foldWithMap('ΟΔΟΣ').s).to.equal(foldWithMap('οδος').s);
    const { s, at } = foldWithMap('ﬁ  é');
    expect(s).to.equal('fi e');
    expect(at).to.deep.equal([0, 0, 1, 3]);
  });

  it('matches whole words only, with Unicode letters and digits as word characters', async () => {
    const root = await page('<p>Sealing wax, unseal, seals. A café-au-lait; cafés. CO2 and CO22. The seal swims. Café!</p>');
    linkGlossaryTerms(root, { entries: [en('seal', 'seal'), en('cafe', 'café'), en('co2', 'CO₂')] });
    expect(linked(root)).to.deep.equal(['café', 'CO2', 'seal']);
    expect(root.querySelector('twin-glossary-term[entry=cafe]')!.nextSibling!.textContent).to.match(/^-au-lait/);
  });

  it('prefers the longest term, and links each entry and term once', async () => {
    const root = await page('<p>The sea level rises. The sea is warm; the sea level, the SEA.</p><p>Sea again, level.</p>');
    const result = linkGlossaryTerms(root, { entries: [en('sea', 'sea'), en('level', 'level'), en('sea-level', 'sea level')] });
    expect(linked(root)).to.deep.equal(['sea level', 'sea', 'level']);
    expect(result.count).to.equal(3);
    // Not "level" inside the second "sea level": the longest term there is already linked.
    expect(root.querySelector('[entry=level]')!.closest('p')!.textContent).to.equal('Sea again, level.');
    // Aliases count as the entry: the first of the term or an alias links, the rest do not.
    const aliases = await page('<p>SLR is rising. Sea level rise too.</p>');
    linkGlossaryTerms(aliases, { entries: [en('slr', 'sea level rise', ['SLR'])] });
    expect(linked(aliases)).to.deep.equal(['SLR']);
    // Two entries with the same term: the word links once, to the first entry.
    const twice = await page('<p>tide and tide</p>');
    linkGlossaryTerms(twice, { entries: [en('a', 'tide'), en('b', 'Tide')] });
    expect(linked(twice)).to.deep.equal(['tide']);
    expect(twice.querySelector('twin-glossary-term')!.getAttribute('entry')).to.equal('a');
  });

  it('matches a term across spacing differences, not across elements', async () => {
    const root = await page('<p>sea\n   level and sea <em>level</em></p>');
    linkGlossaryTerms(root, { entries: [en('sea-level', 'sea level')] });
    expect(linked(root)).to.deep.equal(['sea\n   level']);
  });

  it('leaves links, controls, code, editors, existing terms and data-twin-nolink alone', async () => {
    const skipped = [
      '<a href="#x">tide</a>',
      '<button>tide</button>',
      '<label>tide <input value="tide"></label>',
      '<textarea>tide</textarea>',
      '<select><option>tide</option></select>',
      '<code>tide</code>',
      '<pre>the tide</pre>',
      '<script>/* tide */</script>',
      '<style>/* tide */</style>',
      '<div contenteditable>tide</div>',
      '<div data-twin-nolink><p>deep <b>tide</b></p></div>',
      '<twin-glossary-term entry="other">tide</twin-glossary-term>',
      '<svg><text>tide</text></svg>',
    ].join('');
    const root = await page(`<div>${skipped}</div><p>Finally the <strong>tide</strong>.</p>`);
    const before = root.cloneNode(true) as HTMLElement;
    linkGlossaryTerms(root, { entries: [en('tide', 'tide')] });
    expect(root.firstElementChild!.isEqualNode(before.firstElementChild)).to.equal(true, 'skipped content unchanged');
    const term = root.querySelector('strong twin-glossary-term')!;
    expect(term.getAttribute('entry')).to.equal('tide');
    // Inside an editor the whole target is left alone.
    const editor = await page('<div contenteditable><p>tide</p></div>');
    expect(linkGlossaryTerms(editor.querySelector('p')!, { entries: [en('tide', 'tide')] }).count).to.equal(0);
  });

  it('shows hostile entry text as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const root = await page('<p>The tide turns.</p>');
    linkGlossaryTerms(root, {
      entries: [entry(`"><img src=x onerror=alert(1)>`, { en: { term: 'tide', definition: hostile }, es: { term: 'javascript:alert(1)' } })],
    });
    const term = root.querySelector<TwinGlossaryTerm>('twin-glossary-term')!;
    await term.updateComplete;
    expect(term.getAttribute('entry')).to.equal(`"><img src=x onerror=alert(1)>`);
    expect(term.shadowRoot!.querySelector('#definition')!.textContent).to.contain(hostile);
    expect(document.querySelectorAll('img').length).to.equal(0);
    expect(term.shadowRoot!.querySelectorAll('img, a').length).to.equal(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('links in the reader language: the nearest lang, a regional variant, or the option', async () => {
    const tide = entry('tide', {
      en: { term: 'tide', definition: 'The rise and fall of the sea.' },
      es: { term: 'marea', definition: 'La subida y bajada del mar.' },
    });
    const root = await page('<p>La marea sube; the tide rises.</p>', 'es');
    linkGlossaryTerms(root, { entries: [tide] });
    expect(linked(root)).to.deep.equal(['marea']);
    const term = root.querySelector<TwinGlossaryTerm>('twin-glossary-term')!;
    expect(term.lang).to.equal('es');
    await term.updateComplete;
    expect(term.shadowRoot!.querySelector('b')!.getAttribute('lang')).to.equal('es');
    expect(term.shadowRoot!.querySelector('b')!.textContent).to.equal('marea');
    const definition = term.shadowRoot!.querySelector('#definition [lang]')!;
    expect(definition.getAttribute('lang')).to.equal('es');
    expect(definition.textContent).to.equal('La subida y bajada del mar.');

    const mexico = await page('<section><p>La marea.</p></section>', 'es-MX');
    linkGlossaryTerms(mexico.querySelector('p')!, { entries: [tide] });
    expect(linked(mexico)).to.deep.equal(['marea']);
    const override = await page('<p>La marea; the tide.</p>', 'es');
    linkGlossaryTerms(override, { entries: [tide], lang: 'en-GB' });
    expect(linked(override)).to.deep.equal(['tide']);
  });

  it('labels a definition that only exists in another language', async () => {
    const harbour = entry('harbour', { en: { term: 'harbour', definition: 'A sheltered place for ships.' }, es: { term: 'puerto' } });
    const root = await page('<p>El puerto de Vigo.</p>', 'es');
    linkGlossaryTerms(root, { entries: [harbour] });
    const term = root.querySelector<TwinGlossaryTerm>('twin-glossary-term')!;
    await term.updateComplete;
    // The label is in the reader's language (the term's `lang`), whatever the page's UI language.
    const label = term.shadowRoot!.querySelector('i')!;
    expect(label.textContent).to.equal('Inglés:');
    expect(label.getAttribute('lang')).to.equal('es');
    expect(uiLocale()).to.equal('en', 'an inline term does not switch the page\'s UI language');
    const definition = term.shadowRoot!.querySelector('#definition span[lang]')!;
    expect(definition.getAttribute('lang')).to.equal('en');
    expect(definition.textContent).to.equal('A sheltered place for ships.');
  });

  it('links only published entries that have a definition', async () => {
    const root = await page('<p>tide, wave, storm, calm</p>');
    linkGlossaryTerms(root, {
      entries: [
        entry('tide', { en: { term: 'tide', definition: 'x' } }, 'pending'),
        entry('wave', { en: { term: 'wave', definition: 'x' } }, 'hidden'),
        entry('storm', { en: { term: 'storm' } }),
        entry('calm', { en: { term: 'calm', definition: 'x' } }),
      ],
    });
    expect(linked(root)).to.deep.equal(['calm']);
  });

  it('undo puts back the same text nodes with their text', async () => {
    const root = await page('<p>tide at the start, a sea level in the middle and the end: wave</p><ul><li>wave <i>tide</i></li></ul>');
    const before = root.cloneNode(true);
    const first = root.querySelector('p')!.firstChild;
    const result = linkGlossaryTerms(root, { entries: [en('tide', 'tide'), en('sea-level', 'sea level'), en('wave', 'wave')] });
    expect(result.count).to.equal(3);
    expect(root.isEqualNode(before)).to.equal(false);
    result.undo();
    expect(root.isEqualNode(before)).to.equal(true);
    expect(root.querySelector('p')!.firstChild).to.equal(first);
    expect(root.querySelector('p')!.childNodes.length).to.equal(1);
    result.undo(); // a second undo does nothing
    expect(root.isEqualNode(before)).to.equal(true);
  });

  it('links a 2,000-word post against 10,000 entries in 4 languages', async () => {
    const languages = ['en', 'es', 'de', 'fr'];
    const entries = Array.from({ length: 10_000 }, (_, i) =>
      entry(
        `e${i}`,
        Object.fromEntries(
          languages.map((lang) => [lang, { term: `${lang}word${i}`, definition: `Definition ${i}.`, aliases: [`${lang}word${i} extra`, `${lang}alias${i}`] }]),
        ),
      ),
    );
    // 2,000 words: every tenth a glossary term (some repeated), the rest filler.
    const words = Array.from({ length: 2000 }, (_, i) => (i % 10 ? `filler${i}` : `enword${(i * 7) % 10_000}`));
    const paragraphs = Array.from({ length: 20 }, (_, p) => `<p>${words.slice(p * 100, p * 100 + 100).join(' ')}.</p>`).join('');
    const root = await page(paragraphs);
    const start = performance.now();
    const result = linkGlossaryTerms(root, { entries });
    const time = performance.now() - start;
    console.log(`linkGlossaryTerms: 2,000 words, 10,000 entries × 4 languages: ${time.toFixed(1)} ms, ${result.count} terms`);
    const expected = new Set(words.filter((word) => word.startsWith('enword')));
    expect(result.count).to.equal(expected.size);
    expect(new Set(linked(root))).to.deep.equal(expected);
  });
});
