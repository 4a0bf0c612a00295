import type { GlossaryEntry } from '../../sdk/schemas/glossary.js';

export interface LinkGlossaryOptions {
  entries: readonly GlossaryEntry[];
  /** The reader's language; default: the nearest `lang` up from the target, then the document's. */
  lang?: string;
  /** The element that wraps a term; default `twin-glossary-term`. */
  tag?: string;
}

export interface GlossaryLinks {
  /** How many terms were wrapped. */
  count: number;
  /** Puts back the original text nodes (the same node objects, with their original text). */
  undo(): void;
}

interface Candidate {
  /** The folded term or alias. */
  f: string;
  entry: GlossaryEntry;
  /** The translation's own language key, e.g. `es-MX`. */
  lang: string;
}

const MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const WORD_AT = /[\p{L}\p{N}]/uy;
/** Text a reader cannot click into or that is not prose: links, controls, code, editors. */
const SKIP = 'a,button,input,textarea,select,label,summary,script,style,code,pre,svg,math,[contenteditable],[data-twin-nolink]';

/** The primary language subtag: `es-MX` gives `es`. */
export const baseLang = (tag: string | null | undefined) => (tag ?? '').toLowerCase().split(/[-_]/)[0];

/**
 * `foldText` (search/fold-text.ts) one character at a time, so that each folded character knows
 * where it came from: a match in the folded text is then wrapped in the original text. `at[i]` is
 * the original index of folded character `i`. Terms are folded the same way, so both sides agree.
 * Final ς folds to σ: a whole-string `toLowerCase` picks σ or ς by position, one character cannot.
 */
export function foldWithMap(text: string): { s: string; at: number[] } {
  let s = '';
  let space = false;
  const at: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const char = String.fromCodePoint(code);
    let f = code < 128 ? char.toLowerCase() : char.normalize('NFKD').replace(MARKS, '').toLowerCase().replace('ς', 'σ');
    // Runs of spaces fold to one, as in foldText.
    const isSpace = code < 128 ? code == 32 || (code > 8 && code < 14) : /^\s+$/.test(f);
    if (isSpace) f = space ? '' : ' ';
    if (f) space = isSpace; // a dropped accent between spaces keeps them one run
    for (let k = 0; k < f.length; k++) at.push(i);
    s += f;
    i += char.length;
  }
  return { s, at };
}

/** Does a letter or digit start at `i`? (Sticky and Unicode-aware: an astral letter is one character.) */
function wordAt(s: string, i: number): boolean {
  WORD_AT.lastIndex = i;
  return WORD_AT.test(s);
}

/** The language of `target` as a reader sees it (mirrors TwinElement's inherited `lang`). */
const langOf = (target: Element) =>
  target.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || navigator.language || 'en';

/**
 * Wraps the first occurrence of each published glossary term (or alias) in the reader's language
 * inside `target` in a `<twin-glossary-term>`. Case, accents and spacing are ignored; only whole
 * words match; a longer term wins over a shorter one at the same place. Text is split with DOM
 * methods only, never re-parsed as HTML.
 */
export function linkGlossaryTerms(target: Element, options: LinkGlossaryOptions): GlossaryLinks {
  const tag = options.tag ?? 'twin-glossary-term';
  const reader = baseLang(options.lang || langOf(target));
  // One index per call: folded first word → candidates, longest first. Looking up each word of
  // the text is then a Map hit, whatever the glossary's size.
  const index = new Map<string, Candidate[]>();
  for (const entry of options.entries) {
    if (entry.status !== 'published') continue;
    const translations = Object.entries(entry.translations);
    // Nothing to show in a tooltip: not worth a link.
    if (!translations.some(([, t]) => t.definition?.trim())) continue;
    for (const [lang, t] of translations) {
      if (baseLang(lang) !== reader) continue;
      for (const term of [t.term, ...(t.aliases ?? [])]) {
        const f = foldWithMap(term).s.trim();
        const first = f.match(/^[\p{L}\p{N}]+/u)?.[0];
        if (!first) continue;
        const list = index.get(first) ?? [];
        list.push({ f, entry, lang });
        index.set(first, list);
      }
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.f.length - a.f.length);

  const changed: { node: Text; data: string; added: Node[] }[] = [];
  const skip = `${SKIP},${tag}`;
  if (!index.size || target.closest(skip)) return { count: 0, undo() {} };
  const walker = document.createTreeWalker(target, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, (node) =>
    node instanceof Element ? (node.matches(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP) : NodeFilter.FILTER_ACCEPT,
  );
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);

  // An entry, and a term already linked for another entry, link once.
  const done = new Set<unknown>();
  let count = 0;
  for (const node of texts) {
    const { s, at } = foldWithMap(node.data);
    const found: [number, number, Candidate][] = [];
    WORD.lastIndex = 0;
    for (let word; (word = WORD.exec(s)); ) {
      const start = word.index;
      const hit = index.get(word[0])?.find((c) => !done.has(c.entry) && !done.has(c.f) && s.startsWith(c.f, start) && !wordAt(s, start + c.f.length));
      if (!hit) continue;
      done.add(hit.entry).add(hit.f);
      const end = start + hit.f.length;
      found.push([at[start], end < s.length ? at[end] : node.data.length, hit]);
      WORD.lastIndex = end;
    }
    if (!found.length) continue;
    const record = { node, data: node.data, added: [] as Node[] };
    changed.push(record);
    // From the last match back, so that earlier offsets stay valid in the shrinking first node.
    for (const [start, end, { entry, lang }] of found.reverse()) {
      const rest = node.splitText(end);
      const text = node.splitText(start);
      const element = document.createElement(tag) as HTMLElement & { entry?: GlossaryEntry };
      element.setAttribute('entry', entry.id);
      element.setAttribute('lang', lang);
      element.entry = entry;
      text.before(element);
      element.append(text);
      record.added.push(rest, element);
      count++;
    }
  }

  return {
    count,
    undo() {
      for (const { node, data, added } of changed.splice(0)) {
        node.data = data;
        for (const added_ of added) (added_ as ChildNode).remove();
      }
    },
  };
}
