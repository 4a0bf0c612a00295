import { LIMITS } from './limits.js';
import { refusal } from './refusal.js';
import { longText } from './text.js';

/**
 * The rich text of a body (a journal entry's, a board post's): HTML of the subset p, br, b, strong,
 * i, em, ul, ol, li and a (http, https or mailto links). Written by an editor through DOMPurify;
 * the schema refuses code and unsafe links, and every view sanitises again before showing it.
 */

/** The message of a body refused by `hasUnsafeMarkup`. */
export const UNSAFE_BODY_MESSAGE = 'contains code or unsafe links: only bold, italic, lists and http(s) links are kept';

const SCRIPT_TAG = /<script/i;
/** An event handler attribute inside a tag: `<img src=x onerror=...>`, `<svg/onload=...>`. Prose such as "money=5" is not a tag. */
const EVENT_ATTRIBUTE = /<[^>]*[\s/"']on[a-z]+\s*=/i;
/** Whitespace and control characters, which browsers ignore inside a URL scheme (`java\tscript:`). */
const IGNORED_IN_SCHEME = /[\u0000-\u0020]+/g;

/**
 * True when rich text holds what the subset never does: a script tag, an event handler attribute,
 * or a `javascript:` link (also with spaces or tabs inside). A guard on every read and write, not
 * the sanitiser: the editor cleans pupils' text with DOMPurify before saving, and every view and
 * print sanitises again before showing it.
 */
export function hasUnsafeMarkup(html: string): boolean {
  return SCRIPT_TAG.test(html) || EVENT_ATTRIBUTE.test(html) || /javascript:/i.test(html.replace(IGNORED_IN_SCHEME, ''));
}

/** A rich-text body field: long text that `hasUnsafeMarkup` does not refuse. */
export const richTextBody = () => longText().check(refusal((body: string) => !hasUnsafeMarkup(body), 'unsafe-markup', UNSAFE_BODY_MESSAGE));

/** True when rich text shows some words: `<p> </p>` and `<br>` alone count as empty. */
export function hasVisibleText(html: string): boolean {
  return /\S/.test(html.replace(/<[^>]*>/g, '').replace(/&nbsp;/gi, ' '));
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Plain text as rich text: a blank line starts a paragraph, a line break stays one, every
 * character is text. `javascript:` in prose keeps its look but is written `javascript&#58;`, so an
 * old record that mentions it is not mistaken for a link by `hasUnsafeMarkup`.
 */
export function plainTextToJournalHtml(text: string): string {
  const escape = (part: string) => part.replace(/[&<>"]/g, (char) => TEXT_ESCAPES[char]).replace(/(javascript):/gi, '$1&#58;');
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .filter((paragraph) => /\S/.test(paragraph))
    .map((paragraph) => `<p>${escape(paragraph.replace(/^\n+|\n+$/g, '')).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/**
 * For a migration: a record's `body` written as plain text, now rich text (so "a < b" still reads
 * "a < b"). A body that would no longer fit the length limit once escaped stays as it was: the
 * record still opens (views sanitise it as rich text), rather than becoming a damaged record. An
 * empty body is removed. Returns the record with its body converted (a copy, when it changes).
 */
export function withPlainBodyAsRichText(record: Record<string, unknown>): Record<string, unknown> {
  if (typeof record.body !== 'string') return record;
  const html = plainTextToJournalHtml(record.body);
  if (html === '') {
    const { body: _empty, ...rest } = record;
    return rest;
  }
  return html.length <= LIMITS.longText ? { ...record, body: html } : record;
}
