import type { GlossaryEntry } from '../../../sdk/schemas/glossary.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Pupils' text becomes text in the booklet, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

export interface BookletOptions {
  title: string;
  /** Languages printed side by side, in this order. */
  languages: readonly string[];
  /** The UI language of the booklet's own words. */
  lang: string;
  languageName: (code: string) => string;
  labels: { example: string; alsoCalled: string; category: string; by: string };
}

/**
 * A self-contained printable booklet: one block per entry, a column per language, each text in
 * its own `lang` so screen readers and hyphenation use the right language. No scripts, no requests.
 */
export function bookletHtml(entries: readonly GlossaryEntry[], options: BookletOptions): string {
  const { languages, labels } = options;
  const e = escapeHtml;
  const blocks = entries.map((entry) => {
    const columns = languages
      .map((lang) => {
        const t = entry.translations[lang];
        if (!t) return `<div class="lang missing"><p class="code">${e(options.languageName(lang))}</p><p>—</p></div>`;
        return `<div class="lang" lang="${e(lang)}"><p class="code" lang="${e(options.lang)}">${e(options.languageName(lang))}</p>
<h2>${e(t.term)}</h2>${t.definition ? `<p>${e(t.definition)}</p>` : ''}${t.example ? `<p class="example"><span lang="${e(options.lang)}">${e(labels.example)}:</span> <q>${e(t.example)}</q></p>` : ''}${t.aliases?.length ? `<p class="aliases"><span lang="${e(options.lang)}">${e(labels.alsoCalled)}:</span> ${e(t.aliases.join(', '))}</p>` : ''}</div>`;
      })
      .join('');
    const meta = [entry.category && `${labels.category}: ${entry.category}`, `${labels.by} ${entry.author.name}${entry.author.school ? ` (${entry.author.school})` : ''}`].filter(Boolean).join(' · ');
    return `<article>${columns}<p class="meta">${e(meta)}</p></article>`;
  });
  return `<!doctype html><html lang="${e(options.lang)}"><head><meta charset="utf-8"><title>${e(options.title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
body{font:11pt/1.4 system-ui,sans-serif;margin:1.5cm;color:#000}
h1{font-size:20pt;margin:0 0 1em}
article{display:grid;grid-template-columns:repeat(${languages.length},1fr);gap:0 1.5em;break-inside:avoid;border-top:1px solid #999;padding:.6em 0}
h2{font-size:13pt;margin:0 0 .2em}
p{margin:0 0 .3em}
.code{font-size:8pt;text-transform:uppercase;letter-spacing:.05em;color:#444}
.example,.aliases,.meta{font-size:9.5pt;color:#333}
.meta{grid-column:1/-1}
.missing{color:#666}
@page{margin:1.5cm}
</style></head><body><h1>${e(options.title)}</h1>${blocks.join('\n')}</body></html>`;
}
