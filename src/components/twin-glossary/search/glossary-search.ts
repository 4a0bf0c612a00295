import type { GlossaryEntry } from '../../../sdk/schemas/glossary.js';
import { foldCharacter, foldText } from './fold-text.js';

/** Folded text of every term, alias and definition of an entry, in all its languages. */
const haystacks = new WeakMap<GlossaryEntry, string>();

function haystackOf(entry: GlossaryEntry): string {
  let text = haystacks.get(entry);
  if (text === undefined) {
    const parts: string[] = [];
    for (const translation of Object.values(entry.translations)) {
      parts.push(translation.term, ...(translation.aliases ?? []), translation.definition ?? '');
    }
    // A separator no query contains, so a match never spans two fields.
    text = foldText(parts.join('\u0001')).replace(/\s*\u0001\s*/g, '\u0001');
    // Records are frozen and replaced on change: caching by identity is always current.
    haystacks.set(entry, text);
  }
  return text;
}

/**
 * Folds the entries' text for search while the browser is idle, a slice at a time, so the first
 * keystroke does not have to fold 10,000 entries at once. Returns a function that stops it.
 */
export function prepareSearchWhenIdle(entries: readonly GlossaryEntry[]): () => void {
  let next = 0;
  let handle: number | undefined;
  const idle = (callback: (deadline: { timeRemaining(): number }) => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(callback) : (setTimeout(() => callback({ timeRemaining: () => 8 }), 1) as unknown as number);
  const work = (deadline: { timeRemaining(): number }) => {
    while (next < entries.length && deadline.timeRemaining() > 1) {
      const end = Math.min(entries.length, next + 200);
      for (; next < end; next++) haystackOf(entries[next]);
    }
    if (next < entries.length) handle = idle(work);
  };
  handle = idle(work);
  return () => {
    if (handle === undefined) return;
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
    else clearTimeout(handle);
  };
}

/** The words of a query, folded; empty when the query is blank. */
export function queryWords(query: string): string[] {
  const folded = foldText(query);
  return folded ? folded.split(' ') : [];
}

/** True when every word of the query occurs in the entry's terms, aliases or definitions, in any language. */
export function matchesQuery(entry: GlossaryEntry, words: readonly string[]): boolean {
  if (!words.length) return true;
  const text = haystackOf(entry);
  return words.every((word) => text.includes(word));
}

export interface TextPart {
  text: string;
  match: boolean;
}

/**
 * Splits `text` into parts, marking where the query's words occur (case- and accent-insensitive),
 * mapped back onto the original characters so `Marée` is highlighted whole for `maree`.
 */
export function highlightParts(text: string, words: readonly string[]): TextPart[] {
  if (!words.length || !text) return [{ text, match: false }];
  // Fold character by character, remembering which original index each folded character came from.
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const piece = foldCharacter(char);
    for (let i = 0; i < piece.length; i++) origin.push(index);
    folded += piece;
    index += char.length;
  }
  const marked = new Uint8Array(text.length);
  for (const word of words) {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) {
      const start = origin[at];
      const endChar = origin[at + word.length - 1];
      const end = endChar + (text.codePointAt(endChar)! > 0xffff ? 2 : 1);
      marked.fill(1, start, end);
    }
  }
  const parts: TextPart[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marked[i] !== marked[start]) {
      parts.push({ text: text.slice(start, i), match: marked[start] === 1 });
      start = i;
    }
  }
  return parts;
}
