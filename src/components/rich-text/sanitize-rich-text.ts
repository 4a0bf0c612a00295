import createDOMPurify, { type DOMPurify } from 'dompurify';
import { safeLink, RICH_TEXT_MAX_INPUT, RichTextTooLongError } from './rich-text-limits.js';

/**
 * The subset pupils may write: paragraphs, line breaks, bold, italic, lists and links. `b` and `i`
 * are accepted and written back as `strong` and `em`.
 */
const SUBSET = ['p', 'br', 'b', 'strong', 'i', 'em', 'ul', 'ol', 'li', 'a'];
/** Blocks of pasted documents (Word, Google Docs, web pages) that become paragraphs, so their line structure survives. */
const BLOCKS_TO_PARAGRAPHS = ['div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'address', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'figure', 'figcaption', 'dt', 'dd', 'td', 'th', 'caption'];
const BLOCKS = new Set(['p', 'ul', 'ol', 'li', ...BLOCKS_TO_PARAGRAPHS]);
const INLINE_FORMATTING = new Set(['strong', 'em', 'a', 'span']);

/** A link's fixed attributes. See `finishLink` for why. */
export const LINK_REL = 'noopener noreferrer nofollow';
export const LINK_TARGET = '_blank';

let purifier: DOMPurify | undefined;

/**
 * Our own DOMPurify instance, made on first use (importing this module has no side effect and
 * works without a DOM). Not the shared default one: a hook or `setConfig` that the host page
 * adds to its DOMPurify must not widen what pupils can write.
 */
function purify(): DOMPurify {
  purifier ??= createDOMPurify(window);
  return purifier;
}

/**
 * DOMPurify's pass: everything outside the allow-list is removed (its text kept, except inside
 * `script`, `style`, `svg`, `iframe`, `template` and the like, whose content goes too). `span`
 * and `style` survive this first pass only so that Google Docs' bold and italic spans can become
 * `strong` and `em` below; every attribute but a link's `href` is removed afterwards.
 */
function purifyToFragment(html: string): DocumentFragment {
  return purify().sanitize(html, {
    ALLOWED_TAGS: [...SUBSET, ...BLOCKS_TO_PARAGRAPHS, 'span'],
    ALLOWED_ATTR: ['href', 'style'],
    // Scheme required (no relative links): checked after removing whitespace and control
    // characters, so ` JaVaScRiPt:` and `java\tscript:` fail too.
    ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    KEEP_CONTENT: true,
    RETURN_DOM_FRAGMENT: true,
  });
}

const tagOf = (node: Node) => (node.nodeType === Node.ELEMENT_NODE ? (node as Element).localName : '');

/** Replaces `element` with its children. */
function unwrap(element: Element): void {
  element.replaceWith(...element.childNodes);
}

function rename(element: Element, tag: string): Element {
  const renamed = element.ownerDocument.createElement(tag);
  renamed.append(...element.childNodes);
  element.replaceWith(renamed);
  return renamed;
}

function hasBlockInside(element: Element): boolean {
  return [...element.querySelectorAll('*')].some((child) => BLOCKS.has(child.localName));
}

/**
 * The formatting a Google Docs span carries in its style, as elements wrapping its content;
 * a span without any is simply unwrapped.
 */
function spanToFormatting(span: HTMLElement): void {
  const weight = span.style.fontWeight;
  const bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
  const italic = span.style.fontStyle === 'italic' || span.style.fontStyle === 'oblique';
  let content: Node[] = [...span.childNodes];
  for (const [on, tag] of [
    [bold, 'strong'],
    [italic, 'em'],
  ] as const) {
    if (!on) continue;
    const wrapper = span.ownerDocument.createElement(tag);
    wrapper.append(...content);
    content = [wrapper];
  }
  span.replaceWith(...content);
}

/**
 * Checks the link again (a URL parse, not only DOMPurify's pattern) and fixes its attributes.
 * `target="_blank"`: a pupil following a link must not leave the journal and lose what is on
 * screen. `noopener`: the opened page cannot reach back to this one (reverse tabnabbing).
 * `noreferrer`: the page's address, which may name a school, a project or a pupil, is not sent to
 * the linked site. `nofollow`: search engines give pupils' links no weight, so spamming them is
 * pointless. A link that fails is removed, its text kept; one that passes is written in its
 * normal form (lower-case scheme and host).
 */
function finishLink(link: Element): void {
  const href = safeLink(link.getAttribute('href') ?? '');
  if (!href) return unwrap(link);
  link.setAttribute('href', href);
  link.setAttribute('rel', LINK_REL);
  link.setAttribute('target', LINK_TARGET);
}

/**
 * Turns DOMPurify's output into the subset with a structure that parses back to itself: no block
 * inside `p` or inside bold, italic or a link; only allowed tags; only a link's attributes.
 */
function normalize(fragment: DocumentFragment): void {
  // Children before parents, so a parent sees its children as they end up.
  const elements = [...fragment.querySelectorAll('*')].reverse();
  for (const element of elements) {
    let tag = element.localName;
    if (tag === 'span') {
      if (hasBlockInside(element)) unwrap(element);
      else spanToFormatting(element as HTMLElement);
      continue;
    }
    const current = tag === 'b' ? rename(element, 'strong') : tag === 'i' ? rename(element, 'em') : element;
    tag = current.localName;
    for (const name of current.getAttributeNames()) if (!(tag === 'a' && name === 'href')) current.removeAttribute(name);
    if (INLINE_FORMATTING.has(tag)) {
      // Google Docs wraps a whole paste in `<b style="font-weight:normal">`: formatting around
      // blocks is dropped rather than making everything bold.
      if (hasBlockInside(current)) unwrap(current);
      else if (!current.hasChildNodes()) current.remove();
      else if (tag === 'a') finishLink(current);
    } else if (tag === 'p' || BLOCKS_TO_PARAGRAPHS.includes(tag)) {
      if (hasBlockInside(current)) unwrap(current);
      else if (tag !== 'p') rename(current, 'p');
    }
  }
  groupLooseContent(fragment);
}

/**
 * At the top level, runs of loose text and formatting become paragraphs and loose list items a
 * list, so every value is a sequence of `p`, `ul` and `ol`. Whitespace between blocks goes.
 */
function groupLooseContent(fragment: DocumentFragment): void {
  const document = fragment.ownerDocument;
  let group: Element | undefined;
  for (const node of [...fragment.childNodes]) {
    if (node.nodeType !== Node.TEXT_NODE && node.nodeType !== Node.ELEMENT_NODE) {
      node.remove();
      continue;
    }
    const tag = tagOf(node);
    if (tag === 'p' || tag === 'ul' || tag === 'ol') {
      group = undefined;
      continue;
    }
    const wanted = tag === 'li' ? 'ul' : 'p';
    if (group?.localName !== wanted) {
      group = document.createElement(wanted);
      node.before(group);
    }
    group.append(node);
  }
  // Paragraphs of nothing but whitespace (often the gap between two blocks) go; `<p><br></p>` stays.
  for (const p of [...fragment.children]) if (p.localName === 'p' && !p.firstElementChild && !/\S/.test(p.textContent ?? '')) p.remove();
}

/**
 * @internal The sanitized subset as a fragment of an inert document (nothing in it loads or
 * runs), for callers that also need its plain text: one parse instead of two.
 */
export function sanitizeRichTextToFragment(html: string): DocumentFragment {
  const input = typeof html === 'string' ? html : '';
  if (input.length > RICH_TEXT_MAX_INPUT) throw new RichTextTooLongError(input.length);
  const fragment = purifyToFragment(input);
  normalize(fragment);
  return fragment;
}

/**
 * Pupils' rich text reduced to the safe subset: `p, br, strong, em, ul, ol, li, a` (`b` and `i`
 * become `strong` and `em`; headings and `div`s become paragraphs), links only to `http:`,
 * `https:` and `mailto:` with `rel="noopener noreferrer nofollow" target="_blank"`, no other
 * attribute. Everything else is removed, its text kept (but not the content of `script`,
 * `style` and the like). Applying it twice gives the same string.
 *
 * @throws RichTextTooLongError for input over 100,000 characters, before parsing it.
 */
export function sanitizeRichText(html: string): string {
  return fragmentToHtml(sanitizeRichTextToFragment(html));
}

/** @internal The HTML of a sanitized fragment (which it empties). */
export function fragmentToHtml(fragment: DocumentFragment): string {
  const container = fragment.ownerDocument.createElement('div');
  container.append(fragment);
  return container.innerHTML;
}
