import { safeLink } from '../rich-text-limits.js';

/**
 * What the browser's own editing may leave in the text area between two sanitizations: the
 * subset, plus `div`/`span`/`font`/`b`/`i` and styling attributes that Chromium adds when
 * paragraphs are merged or text is formatted. All harmless, and gone from the value.
 */
const EDITING_TAGS = new Set(['p', 'br', 'b', 'strong', 'i', 'em', 'ul', 'ol', 'li', 'a', 'div', 'span', 'font']);
const EDITING_ATTRIBUTES = new Set(['style', 'class', 'dir', 'color', 'face', 'size', 'href']);

/**
 * True when the text area holds anything else: an image, a script, a frame, an event handler, a
 * bad link, a style that loads something. Pastes and drops are sanitized before they are inserted, so this is a safety net for
 * a way in that was missed (a browser extension, a new input type); the editor then replaces
 * its content with the sanitized value.
 */
export function hasForeignMarkup(container: Element): boolean {
  for (const element of container.querySelectorAll('*')) {
    if (!EDITING_TAGS.has(element.localName)) return true;
    for (const name of element.getAttributeNames()) if (!EDITING_ATTRIBUTES.has(name)) return true;
    // A style may fetch (a background image from a tracker): only plain styling passes.
    if (/url\s*\(|image-set|@import/i.test(element.getAttribute('style') ?? '')) return true;
    const href = element.getAttribute('href');
    if (href !== null && (element.localName !== 'a' || !safeLink(href))) return true;
  }
  return false;
}
