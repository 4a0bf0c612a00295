/**
 * The selection inside an element of a shadow root, as a Range, or undefined when the selection
 * is elsewhere. `document.getSelection()` hides nodes inside shadow roots; `getComposedRanges`
 * (Chromium 137+, Firefox 142+, Safari 17+) shows them, `ShadowRoot.getSelection` did in older Chromium.
 */
export function selectionIn(root: ShadowRoot, container: Element): Range | undefined {
  const selection = document.getSelection();
  let range: AbstractRange | undefined;
  if (selection && typeof selection.getComposedRanges === 'function' && selection.rangeCount) {
    range = selection.getComposedRanges({ shadowRoots: [root] })[0];
  } else {
    const own = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? selection;
    if (own?.rangeCount) range = own.getRangeAt(0);
  }
  if (!range || !container.contains(range.startContainer) || !container.contains(range.endContainer)) return undefined;
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

/** Makes `range` the document's selection (works inside shadow roots in current browsers). */
export function select(range: Range): void {
  const selection = document.getSelection();
  if (!selection) return;
  selection.removeAllRanges();
  selection.addRange(range);
}

/** A collapsed range at the end of `container`'s content. */
export function rangeAtEnd(container: Element): Range {
  const range = document.createRange();
  range.selectNodeContents(container);
  const last = container.lastElementChild;
  if (last && (last.localName === 'p' || last.localName === 'ul' || last.localName === 'ol')) {
    let inner: Element = last;
    while (inner.lastElementChild && inner.lastElementChild.localName !== 'br') inner = inner.lastElementChild;
    range.selectNodeContents(inner);
  }
  range.collapse(false);
  return range;
}
