import { RichTextTooLongError } from './rich-text-limits.js';
import { sanitizeRichTextToFragment } from './sanitize-rich-text.js';

const LINE_BLOCKS = new Set(['p', 'li', 'ul', 'ol']);

/**
 * The text a reader sees, for search and character counts: one line per paragraph and list item,
 * `<br>` as a line break, runs of spaces collapsed as the browser shows them. Markup that is not
 * in the subset counts for nothing (it is sanitized first).
 *
 * @throws RichTextTooLongError for input over 100,000 characters.
 */
export function richTextToPlain(html: string): string {
  return fragmentToPlain(sanitizeRichTextToFragment(html));
}

/** @internal The plain text of a sanitized fragment. */
export function fragmentToPlain(fragment: DocumentFragment): string {
  let text = '';
  const endLine = () => {
    if (text && !text.endsWith('\n')) text += '\n';
  };
  const walk = (parent: Node) => {
    for (const node of parent.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) text += (node as Text).data.replace(/[ \t\n\r\f]+/g, ' ');
      else if (node.nodeType !== Node.ELEMENT_NODE) continue;
      else if ((node as Element).localName === 'br') text += '\n';
      else if (LINE_BLOCKS.has((node as Element).localName)) {
        endLine();
        walk(node);
        endLine();
      } else walk(node);
    }
  };
  walk(fragment);
  return text
    .split('\n')
    .map((line) => line.replace(/^ +| +$/g, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

/**
 * True when there is nothing to read: no text, or only spaces and empty paragraphs. Input over
 * the size limit counts as not empty (it is certainly something; saving it then fails clearly).
 */
export function isRichTextEmpty(html: string): boolean {
  try {
    return !/\S/.test(richTextToPlain(html));
  } catch (error) {
    if (error instanceof RichTextTooLongError) return false;
    throw error;
  }
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Plain text (a paste, an old plain-text entry) as rich text: a blank line starts a paragraph, a
 * single line break stays a line break. Every character is text, never markup.
 */
export function plainTextToRichText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .filter((paragraph) => /\S/.test(paragraph))
    .map((paragraph) => `<p>${escapeHtml(paragraph.replace(/^\n+|\n+$/g, '')).replace(/\n/g, '<br>')}</p>`)
    .join('');
}
