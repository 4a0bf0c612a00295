import type { GlossaryEntry } from '../../../sdk/schemas/glossary.js';
import { printInFrame } from '../../base/print-frame.js';
import { bookletHtml, type BookletOptions } from './booklet-html.js';

/** Prints the glossary as a clean multilingual booklet (see printInFrame). */
export function printBooklet(root: ShadowRoot, entries: readonly GlossaryEntry[], options: BookletOptions): HTMLIFrameElement {
  return printInFrame(root, bookletHtml(entries, options), { title: options.title, className: 'booklet' });
}
