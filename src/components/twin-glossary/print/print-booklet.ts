import type { GlossaryEntry } from '../../../sdk/schemas/glossary.js';
import { bookletHtml, type BookletOptions } from './booklet-html.js';

/**
 * Prints the booklet from a hidden frame, so only the glossary is printed (not the school page
 * around it) and the browser's "Save as PDF" gives a clean multilingual booklet.
 */
export function printBooklet(root: ShadowRoot, entries: readonly GlossaryEntry[], options: BookletOptions): HTMLIFrameElement {
  root.querySelector('iframe.booklet')?.remove();
  const frame = document.createElement('iframe');
  frame.className = 'booklet';
  frame.title = options.title;
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  // Sandboxed with no scripts: the booklet is pupils' text, shown as text only.
  frame.setAttribute('sandbox', 'allow-modals allow-same-origin');
  frame.srcdoc = bookletHtml(entries, options);
  frame.addEventListener('load', () => frame.contentWindow?.print(), { once: true });
  root.append(frame);
  return frame;
}
