import { fixture, html } from '@open-wc/testing';
import { linkGlossaryTerms } from './link-glossary-terms.js';
import './twin-glossary-links.js';
it('prof', async () => {
  const languages = ['en', 'es', 'de', 'fr'];
  const entries: any[] = Array.from({ length: 10_000 }, (_, i) => ({ id: 'e' + i, status: 'published',
    translations: Object.fromEntries(languages.map((lang) => [lang, { term: `${lang}word${i}`, definition: `Definition ${i}.`, aliases: [`${lang}word${i} extra`, `${lang}alias${i}`] }])) }));
  const words = Array.from({ length: 2000 }, (_, i) => (i % 10 ? `filler${i}` : `enword${(i * 7) % 10_000}`));
  const markup = Array.from({ length: 20 }, (_, p) => `<p>${words.slice(p * 100, p * 100 + 100).join(' ')}.</p>`).join('');
  const empty = document.createElement('p');
  const r: Record<string, number[]> = { build: [], span: [], term: [] };
  for (let k = 0; k < 12; k++) {
    let t = performance.now();
    linkGlossaryTerms(empty, { entries, lang: 'en' });
    r.build.push(performance.now() - t);
    const root = await fixture<HTMLElement>(html`<article lang="en" .innerHTML=${markup}></article>`);
    const tag = k % 2 ? 'span' : 'twin-glossary-term';
    t = performance.now();
    linkGlossaryTerms(root, { entries, tag });
    r[k % 2 ? 'span' : 'term'].push(performance.now() - t);
    await new Promise((res) => setTimeout(res, 50));
  }
  for (const [k, v] of Object.entries(r)) console.log(k, v.map((x) => x.toFixed(0)).join(' '));
});
