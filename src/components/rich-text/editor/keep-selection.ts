import { select, selectionIn } from './selection-in.js';

interface Bookmark {
  /** Characters of text before the point. */
  chars: number;
  /** The point is at the start of a text node: restore it there, not at the end of the text before. */
  atTextStart: boolean;
  /** There is text right at the point (else, in an empty line, the browser's own caret is better). */
  inText: boolean;
}

function bookmark(container: Element, node: Node, offset: number): Bookmark {
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(node, offset);
  const text = node.nodeType === Node.TEXT_NODE ? node : (node.childNodes[offset] ?? node.childNodes[offset - 1]);
  const inText = text?.nodeType === Node.TEXT_NODE || !!(text && text.textContent);
  const atTextStart = (node.nodeType === Node.TEXT_NODE && offset === 0) || (node.nodeType !== Node.TEXT_NODE && node.childNodes[offset]?.nodeType === Node.TEXT_NODE);
  return { chars: before.toString().length, atTextStart, inText };
}

function pointAt(container: Element, mark: Bookmark): { node: Node; offset: number } | undefined {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let seen = 0;
  let last: Text | undefined;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const end = seen + node.length;
    if (mark.chars < end || (mark.chars === end && !mark.atTextStart)) return { node, offset: mark.chars - seen };
    seen = end;
    last = node;
  }
  return last ? { node: last, offset: last.length } : undefined;
}

/**
 * Runs `change` (a list command) and puts the selection back where it was, by its place in the
 * text. Chromium's list commands leave the caret at the start of the list item, and replace the
 * text nodes, so a pupil would type in the wrong place.
 */
export function keepingSelection(range: Range, container: Element, change: () => void): void {
  const start = bookmark(container, range.startContainer, range.startOffset);
  const end = range.collapsed ? start : bookmark(container, range.endContainer, range.endOffset);
  change();
  if (!start.inText) return;
  const from = pointAt(container, start);
  const to = range.collapsed ? from : pointAt(container, end);
  if (!from || !to) return;
  const restored = document.createRange();
  restored.setStart(from.node, from.offset);
  restored.setEnd(to.node, to.offset);
  select(restored);
}

/**
 * Runs `move`, which moves nodes around without replacing them, and puts the selection back on
 * the same nodes (a live range would collapse as they move, so plain values are kept).
 */
export function movingNodes(root: ShadowRoot, container: Element, move: () => void): void {
  const range = selectionIn(root, container);
  const points = range && ([range.startContainer, range.startOffset, range.endContainer, range.endOffset] as const);
  move();
  if (!points || !container.contains(points[0]) || !container.contains(points[2])) return;
  const restored = document.createRange();
  restored.setStart(points[0], points[1]);
  restored.setEnd(points[2], points[3]);
  select(restored);
}

/**
 * Lifts lists out of paragraphs. Chromium's list command puts the new list inside the paragraph
 * (`<p><ul>`): invalid HTML, which confuses later editing.
 */
export function liftListsOutOfParagraphs(root: ShadowRoot, container: Element): void {
  const nested = [...container.querySelectorAll('p')].filter((paragraph) => paragraph.querySelector('ul, ol, p, li'));
  if (nested.length) movingNodes(root, container, () => nested.forEach((paragraph) => paragraph.replaceWith(...paragraph.childNodes)));
}

/** Turns a bulleted list into a numbered one or back, whole (the browser would split off the current item). */
export function switchListType(root: ShadowRoot, container: Element, list: Element, tag: 'ul' | 'ol'): void {
  movingNodes(root, container, () => {
    const switched = document.createElement(tag);
    switched.append(...list.childNodes);
    list.replaceWith(switched);
  });
}
