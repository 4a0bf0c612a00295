import { linkGlossaryTerms } from './src/components/twin-glossary-links/link-glossary-terms.ts';
const languages = ['en', 'es', 'de', 'fr'];
const entries: any[] = Array.from({ length: 10_000 }, (_, i) => ({ id: 'e' + i, status: 'published',
  translations: Object.fromEntries(languages.map((lang) => [lang, { term: `${lang}word${i}`, definition: `Definition ${i}.`, aliases: [`${lang}word${i} extra`, `${lang}alias${i}`] }])) }));
const target: any = { closest: () => true };
const out = [];
for (let k = 0; k < 4; k++) { const c = process.cpuUsage(); const t = performance.now(); linkGlossaryTerms(target, { entries, lang: 'en' }); const u = process.cpuUsage(c); out.push(`${((u.user + u.system) / 1000).toFixed(0)}cpu/${(performance.now() - t).toFixed(0)}wall`); }
console.log(out.join('  '));
