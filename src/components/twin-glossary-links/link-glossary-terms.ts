import type { GlossaryEntry } from '../../sdk/schemas/glossary.js';
import { foldCharacter, foldText } from '../twin-glossary/search/fold-text.js';

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

/** A folded term or alias, its entry, and its translation's own language key (`es-MX`). */
type Candidate = [folded: string, entry: GlossaryEntry, lang: string];

const WORD = /[\p{L}\p{N}]+/gu;
/** The same, sticky: a word starting exactly at `lastIndex`. */
const WORD_AT = /[\p{L}\p{N}]+/uy;
/**
 * Not prose, or interactive already (a focusable term inside a link or a label would nest
 * controls), or where an HTML element would not render (SVG, MathML).
 */
const SKIP = 'a,button,input,textarea,select,label,summary,script,style,code,pre,svg,math,[contenteditable],[data-twin-nolink]';

/** The primary language subtag: `es-MX` gives `es`. */
export const baseLang = (tag: string | null | undefined) => (tag ?? '').toLowerCase().split(/[-_]/)[0];

/** Folded characters, memoised: `normalize` per character would dominate the time. */
const FOLDED = new Map<number, string>();

function foldChar(code: number): string {
  let f = FOLDED.get(code);
  if (f == null) {
    f = foldCharacter(String.fromCodePoint(code)).replace('ς', 'σ');
    FOLDED.set(code, (f = /^\s+$/.test(f) ? ' ' : f));
  }
  return f;
}

/**
 * `foldText` (search/fold-text.ts) one character at a time, so that each folded character knows
 * where it came from: a match in the folded text is then wrapped in the original text. `at[i]` is
 * the original index of folded character `i`. Final ς folds to σ: a whole-string `toLowerCase`
 * picks σ or ς by position, one character cannot, so terms fold to σ too (see `foldTerm`).
 */
export function foldWithMap(text: string): { s: string; at: number[] } {
  let s = '';
  let space = false;
  const at: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    let f = foldChar(code);
    // Runs of spaces fold to one, as in foldText; a dropped accent between spaces keeps them one run.
    if (f == ' ') f = space ? '' : ((space = true), f);
    else if (f) space = false;
    for (let k = 0; k < f.length; k++) at.push(i);
    s += f;
    i += code > 0xffff ? 2 : 1;
  }
  return { s, at };
}

/** The same fold for a whole term at once (no positions needed): what `foldWithMap(term).s.trim()` gives. */
export const foldTerm = (term: string) => foldText(term).replace(/ς/g, 'σ');

/**
 * A number for the ASCII word at the start of `s` (lowercased), computed without allocating; NaN
 * when there is none or it is not plain ASCII. It rules most of a big glossary's terms out before
 * any is folded.
 */
function asciiKey(s: string): number {
  let key = 0;
  let i = 0;
  for (let c; i < s.length; i++) {
    c = s.charCodeAt(i);
    if (c > 64 && c < 91) c += 32;
    if ((c > 47 && c < 58) || (c > 96 && c < 123)) key = (key * 31 + c) | 0;
    else if (c < 128) break;
    else return NaN;
  }
  return i ? key : NaN;
}

/** Does a word (letters and digits, any script) start at `i`? */
function wordAt(s: string, i: number): boolean {
  WORD_AT.lastIndex = i;
  return WORD_AT.test(s);
}

/** The language of `target` as a reader sees it: the nearest `lang`, else the document's. */
const langOf = (target: Element) =>
  target.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';

/**
 * Wraps the first occurrence of each published glossary term (or alias) in the reader's language
 * inside `target` in a `<twin-glossary-term>`. Case, accents and spacing are ignored; only whole
 * words match; a longer term wins over a shorter one at the same place. Text is split with DOM
 * methods only, never re-parsed as HTML.
 */
export function linkGlossaryTerms(target: Element, options: LinkGlossaryOptions): GlossaryLinks {
  const tag = options.tag ?? 'twin-glossary-term';
  const skip = `${SKIP},${tag}`;
  const reader = baseLang(options.lang || langOf(target));

  // The text first: its folded words bound the index below to the terms that can match at all.
  const texts: { node: Text; s: string; at: number[] }[] = [];
  /** The text's folded words, and their ASCII keys. */
  const words = new Set<string | number>();
  if (!target.closest(skip)) {
    // 5: elements and text; a skipped element is rejected with its whole subtree (2), others are walked through (3).
    const walker = document.createTreeWalker(target, 5, (node) => (node instanceof Element ? (node.matches(skip) ? 2 : 3) : 1));
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const folded = foldWithMap(node.data);
      texts.push({ node, ...folded });
      for (const [word] of folded.s.matchAll(WORD)) words.add(word).add(asciiKey(word));
    }
  }

  // One index per call: folded first word → candidates, longest first. Each word of the text is
  // then one Map lookup, whatever the glossary's size.
  const index = new Map<string, Candidate[]>();
  /** Translation key → is it the reader's language? Asked 40,000 times for a big glossary. */
  const readable = new Map<string, boolean>();
  const add = (term: string, entry: GlossaryEntry, lang: string) => {
    const key = asciiKey(term);
    if (key == key && !words.has(key)) return; // a plain ASCII first word that the text does not have
    const folded = foldTerm(term);
    const first = wordAt(folded, 0) ? folded.slice(0, WORD_AT.lastIndex) : '';
    // With no definition in any language there is nothing to show (checked only for the few hits).
    if (!words.has(first) || !Object.values(entry.translations).some((t) => t.definition?.trim())) return;
    (index.get(first) ?? index.set(first, []).get(first)!).push([folded, entry, lang]);
  };
  for (const entry of words.size ? options.entries : []) {
    // Pending and hidden entries are not for every reader.
    if (entry.status != 'published') continue;
    for (const lang in entry.translations) {
      if (!(readable.get(lang) ?? readable.set(lang, baseLang(lang) == reader).get(lang))) continue;
      const t = entry.translations[lang];
      add(t.term, entry, lang);
      t.aliases?.forEach((alias) => add(alias, entry, lang));
    }
  }
  for (const list of index.values()) list.sort((a, b) => b[0].length - a[0].length);

  /** Entries linked already: each links at its first occurrence only. */
  const done = new Set<GlossaryEntry>();
  const undo: (() => void)[] = [];
  let count = 0;
  for (const { node, s, at } of texts) {
    if (!index.size) break;
    const found: [start: number, end: number, Candidate][] = [];
    WORD.lastIndex = 0;
    for (let word; (word = WORD.exec(s)); ) {
      const start = word.index;
      const hit = index.get(word[0])?.find(([f]) => s.startsWith(f, start) && !wordAt(s, start + f.length));
      if (!hit) continue;
      // The longest term here wins even when its entry is linked already: a later "sea level"
      // does not link "sea" or "level" inside it.
      const end = (WORD.lastIndex = start + hit[0].length);
      if (done.has(hit[1])) continue;
      done.add(hit[1]);
      found.push([at[start], end < s.length ? at[end] : node.data.length, hit]);
    }
    if (!found.length) continue;
    const data = node.data;
    const added: ChildNode[] = [];
    // From the last match back, so that earlier offsets stay valid in the shrinking first node.
    for (const [start, end, [, entry, lang]] of found.reverse()) {
      const rest = node.splitText(end);
      const text = node.splitText(start);
      const element = document.createElement(tag) as HTMLElement & { entry?: GlossaryEntry };
      element.setAttribute('entry', entry.id);
      element.setAttribute('lang', lang);
      element.entry = entry;
      text.before(element);
      element.append(text);
      added.push(rest, element);
      count++;
    }
    // The original node keeps its identity: it gets its text back and the pieces go.
    undo.push(() => {
      node.data = data;
      for (const piece of added) piece.remove();
    });
  }
  return { count, undo: () => undo.splice(0).forEach((step) => step()) };
}
