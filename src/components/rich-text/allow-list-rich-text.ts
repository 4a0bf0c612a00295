import { escapeHtml } from '../twin-glossary/print/booklet-html.js';

/** Tags kept as they are, without any attribute. */
const CONTAINERS = new Set(['b', 'strong', 'i', 'em', 'ul', 'ol', 'li', 'p']);

/**
 * One token of the escaped text: a tag (its `<` and `>` escaped, no other `<` or `>` inside), or an
 * entity reference the source had (its `&` escaped once more). Nothing else is looked at.
 */
const TOKEN = /&lt;(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^&]|&(?!lt;|gt;))*?)&gt;|&amp;(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g;
/** A link's `href="…"` in the escaped attributes: the value may hold `&amp;` (a source `&`), never a quote, `<` or `>`. */
const HREF = /(?:^|[\s/])href\s*=\s*&quot;((?:[^&]|&amp;)*?)&quot;/i;
/** A link pupils may have: absolute http(s) or mailto, without spaces. */
const SAFE_HREF = /^(?:https?:\/\/|mailto:)[^\s"'<>`]+$/i;

/**
 * Safe rich text for a printed or saved document, in Node and in browsers, without DOMPurify or a
 * DOM: the journal's subset (p, br, b, strong, i, em, ul, ol, li, and links to http(s) or mailto)
 * and nothing else.
 *
 * How: everything is escaped first, so by default nothing is markup. Then, in one left-to-right
 * pass over the escaped text (nothing is scanned twice), the escaped form of an allowed tag becomes
 * that tag again, without attributes (`<b onclick=…>` gives `<b>`); a link keeps only its `href`
 * when that is `http(s)://…` or `mailto:…` (then `rel="noopener noreferrer"`); every other tag is
 * dropped, its text kept (`<img onerror=…>` goes, `<script>x</script>` leaves the inert text "x").
 * Entity references of the source (`&amp;`, `&#233;`) are restored, so "Tom &amp; Jerry" prints
 * "Tom & Jerry". Closing tags close only what is open, and whatever is left open is closed at the
 * end, so no formatting leaks into the rest of the document. A tag split by another
 * (`<scr<script>ipt>`) stays escaped text.
 */
export function allowListRichText(html: string): string {
  const open: string[] = [];
  const body = escapeHtml(html).replace(TOKEN, (_match, slash: string | undefined, tagName: string | undefined, attributes: string | undefined, entity: string | undefined) => {
    if (entity !== undefined) return `&${entity};`;
    const name = (tagName ?? '').toLowerCase();
    if (name === 'br') return slash ? '' : '<br>';
    if (slash) {
      const at = open.lastIndexOf(name);
      if (at < 0) return '';
      return open.splice(at).reverse().map((tag) => `</${tag}>`).join('');
    }
    if (CONTAINERS.has(name)) {
      open.push(name);
      return `<${name}>`;
    }
    if (name === 'a' && !open.includes('a')) {
      const href = HREF.exec(attributes ?? '')?.[1]?.replace(/&amp;/g, '&');
      if (!href || !SAFE_HREF.test(href)) return '';
      open.push('a');
      return `<a href="${href}" rel="noopener noreferrer">`;
    }
    return '';
  });
  return body + open.reverse().map((tag) => `</${tag}>`).join('');
}
