import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { RichTextTooLongError } from './rich-text-limits.js';
import { sanitizeRichText } from './sanitize-rich-text.js';

/** Recently sanitized values: re-rendering a list of journal entries or a board of 1,000 posts must not re-sanitize each one. */
const cache = new Map<string, string>();
const CACHE_SIZE = 2_000;

function sanitizedCached(value: string): string {
  let clean = cache.get(value);
  if (clean === undefined) {
    clean = sanitizeRichText(value);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(value, clean);
  }
  return clean;
}

/**
 * Renders pupils' rich text in a Lit template: `html\`<div class="entry">${richText(entry.body)}</div>\``.
 * Style the result with `richTextContentStyles` on the container.
 *
 * `unsafeHTML` is acceptable here, and only here, because its input is the output of
 * `sanitizeRichText` computed on the line before: the safe subset with checked links, whatever
 * the stored value holds (an old version, another client, a hand-edited database). Never pass
 * anything else to `unsafeHTML`.
 *
 * Text over the sanitizer's size limit is not shown; a short note says so instead.
 */
export function richText(value: string | undefined | null): TemplateResult {
  let clean: string;
  try {
    clean = sanitizedCached(value ?? '');
  } catch (error) {
    if (!(error instanceof RichTextTooLongError)) throw error;
    return html`<p class="rich-text-too-long">${msg('This text is too long to show.', { id: 'rich-text.too-long-to-show' })}</p>`;
  }
  return html`${unsafeHTML(clean)}`;
}
