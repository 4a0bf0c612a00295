import { msg, str } from '@lit/localize';
import type { GlossaryEntry } from '../../../sdk/schemas/glossary.js';
import { languagesOf } from './csv.js';
import { ExchangeRefusal, type ImportRow, type ParsedFile } from './import-plan.js';

type Translation = { term: string; definition?: string; example?: string; aliases?: string[] };

/** Escapes text for XML and HTML alike (quotes too: it also goes into attributes). */
const esc = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const tag = (name: string, content: string) => `<${name}>${content}</${name}>`;
const lines = (text: string) => esc(text).replace(/\r?\n/g, '<br>');

/**
 * One language's block, readable in Moodle and read back exactly by `readBlock`: the term in
 * `<strong>`, the definition as text, the example in `<em>`, the aliases as `<i>` in a `<small>`,
 * joined by `<br>`. No nested span: the multilang filter's regex stops at the first `</span>`.
 */
function block(lang: string, t: Translation): string {
  const parts = [tag('strong', esc(t.term))];
  if (t.definition) parts.push(lines(t.definition));
  if (t.example) parts.push(tag('em', lines(t.example)));
  if (t.aliases?.length) parts.push(tag('small', `= ${t.aliases.map((alias) => tag('i', esc(alias))).join(', ')}`));
  return `<span lang="${esc(lang)}" class="multilang">${parts.join('<br>')}</span>`;
}

/**
 * Moodle's "Import entries" format. Moodle entries are monolingual, so: CONCEPT is the term of the
 * first language that has one; ALIASES add the other languages' terms, so auto-linking finds the
 * concept in every language; DEFINITION holds every language in multilang spans.
 */
export function writeMoodleXml(entries: readonly GlossaryEntry[], languages: readonly string[], name: string): string {
  const langs = languagesOf(entries, languages);
  const out = entries.map((entry) => {
    const translations = entry.translations as Record<string, Translation>;
    const present = langs.filter((lang) => translations[lang]);
    const first = translations[present[0]];
    const aliases = new Set([...(first.aliases ?? []), ...present.map((lang) => translations[lang].term)]);
    aliases.delete(first.term);
    return tag(
      'ENTRY',
      tag('CONCEPT', esc(first.term)) +
        tag('DEFINITION', esc(present.map((lang) => block(lang, translations[lang])).join(''))) +
        // Auto-linking on, whole words only: a short term of one language must not link inside another's words.
        '<FORMAT>1</FORMAT><USEDYNALINK>1</USEDYNALINK><CASESENSITIVE>0</CASESENSITIVE><FULLMATCH>1</FULLMATCH><TEACHERENTRY>1</TEACHERENTRY>' +
        (aliases.size ? tag('ALIASES', [...aliases].map((alias) => tag('ALIAS', tag('NAME', esc(alias)))).join('')) : '') +
        (entry.category ? tag('CATEGORIES', tag('CATEGORY', `${tag('NAME', esc(entry.category))}<USEDYNALINK>0</USEDYNALINK>`)) : '') +
        (entry.tags?.length ? tag('TAGS', entry.tags.map((name) => tag('TAG', esc(name))).join('')) : ''),
    );
  });
  // The INFO fields Moodle reads without a default when it imports into a new glossary.
  return `<?xml version="1.0" encoding="UTF-8"?>\n<GLOSSARY><INFO>${tag('NAME', esc(name))}<INTRO></INTRO><GLOBALGLOSSARY>0</GLOBALGLOSSARY><SHOWSPECIAL>1</SHOWSPECIAL><SHOWALPHABET>1</SHOWALPHABET><SHOWALL>1</SHOWALL><USEDYNALINK>1</USEDYNALINK>\n<ENTRIES>\n${out.join('\n')}\n</ENTRIES></INFO></GLOSSARY>\n`;
}

const BLOCKS = /^(P|DIV|LI|H\d|TR|UL|OL|PRE|BLOCKQUOTE|TABLE)$/;

/**
 * Text of HTML nodes: `<br>` is a newline. `exact` keeps every character (our own blocks);
 * otherwise HTML's whitespace is collapsed and blocks (paragraphs, list items) are set apart by blank lines.
 */
function textOf(nodes: Iterable<Node>, exact: boolean): string {
  let out = '';
  for (const node of nodes) {
    const name = node.nodeName;
    if (node.nodeType === Node.TEXT_NODE) out += exact ? node.nodeValue : node.nodeValue!.replace(/\s+/g, ' ');
    else if (name === 'BR') out += '\n';
    else if (!/^(SCRIPT|STYLE|TEMPLATE)$/.test(name)) {
      const inner = textOf(node.childNodes, exact);
      out += BLOCKS.test(name) ? `\n\n${inner}\n\n` : inner;
    }
  }
  return out;
}

const plainText = (node: Node) =>
  textOf(node.childNodes, false)
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** Reads one of our multilang blocks back (it starts with the term in bold). */
function readBlock(span: Element): Translation {
  const [head, ...nodes] = span.childNodes;
  const t: Translation = { term: head.textContent! };
  if (nodes[0]?.nodeName === 'BR') nodes.shift();
  let end = nodes.findIndex((node) => node.nodeName === 'EM' || node.nodeName === 'SMALL');
  if (end < 0) end = nodes.length;
  else if (nodes[end - 1]?.nodeName === 'BR') end--;
  withText(t, 'definition', textOf(nodes.slice(0, end), true));
  for (const node of nodes.slice(end)) {
    if (node.nodeName === 'EM') withText(t, 'example', textOf(node.childNodes, true));
    if (node.nodeName === 'SMALL') t.aliases = [...(node as Element).querySelectorAll('i')].map((i) => i.textContent!);
  }
  return t;
}

function withText(t: Translation, key: 'definition' | 'example', value: string): Translation {
  if (value) t[key] = value;
  return t;
}

/**
 * Reads a Moodle glossary export. Entries written by `writeMoodleXml` come back in every language;
 * a plain Moodle entry becomes one translation in `fallbackLang`. HTML is parsed in an inert
 * document and only its text is kept: nothing from the file reaches the live page.
 */
export function parseMoodleXml(text: string, fallbackLang: string): ParsedFile {
  const xml = new DOMParser().parseFromString(text, 'application/xml');
  const error = xml.querySelector('parsererror');
  if (error) {
    const line = /line (\d+)/.exec(error.textContent ?? '')?.[1] ?? '?';
    throw new ExchangeRefusal(msg(str`This file is not valid XML (error on line ${line}). Nothing was imported.`, { id: 'glossary-exchange.bad-xml' }));
  }
  const entries = xml.querySelector('GLOSSARY ENTRIES');
  if (xml.documentElement.nodeName !== 'GLOSSARY' || !entries) {
    throw new ExchangeRefusal(
      msg('Not a Moodle glossary export (no <GLOSSARY> with <ENTRIES>). Nothing was imported.', { id: 'glossary-exchange.not-moodle' }),
    );
  }
  let usesFallbackLang = false;
  const texts = (element: Element, selector: string) => [...element.querySelectorAll(selector)].map((node) => node.textContent!.trim());
  const rows: ImportRow[] = [...entries.children].map((entry, index) => {
    const concept = texts(entry, 'CONCEPT')[0] ?? '';
    const html = new DOMParser().parseFromString(entry.querySelector('DEFINITION')?.textContent ?? '', 'text/html').body;
    const spans = [...html.querySelectorAll('span.multilang[lang]')];
    const translations: Record<string, Translation> = {};
    const ours = spans.length > 0 && spans.every((span) => span.firstChild?.nodeName === 'STRONG');
    if (ours) for (const span of spans) translations[span.getAttribute('lang')!.replace(/_/g, '-')] = readBlock(span);
    else if (spans.length) {
      // Written by hand in Moodle: the concept is a term in one language only (the one the user
      // picks); the other languages' texts stay in its definition, labelled, so nothing is lost.
      usesFallbackLang = true;
      const lang = (span: Element) => span.getAttribute('lang')!.replace(/_/g, '-');
      const own = spans.find((span) => lang(span).split('-')[0] === fallbackLang.split('-')[0]);
      const others = spans.filter((span) => span !== own).map((span) => `(${lang(span)}) ${plainText(span)}`);
      const aliases = texts(entry, 'ALIAS > NAME');
      const definition = [own ? plainText(own) : '', ...others].filter(Boolean).join('\n\n');
      translations[fallbackLang] = withText({ term: concept, ...(aliases.length ? { aliases } : {}) }, 'definition', definition);
    }
    if (!spans.length) {
      usesFallbackLang = true;
      const aliases = texts(entry, 'ALIAS > NAME');
      translations[fallbackLang] = withText({ term: concept, ...(aliases.length ? { aliases } : {}) }, 'definition', plainText(html));
    }
    const [category] = texts(entry, 'CATEGORY > NAME');
    const tags = texts(entry, 'TAGS > TAG');
    return { row: index + 1, fields: { translations, ...(category ? { category } : {}), ...(tags.length ? { tags } : {}) } };
  });
  return { rows, usesFallbackLang };
}
