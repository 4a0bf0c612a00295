/**
 * Finds text a person cannot read whole on the rendered page: text cut off by its box or by the
 * window's edge, and buttons, links, labels or headings drawn over one another. Walks the composed
 * tree (open shadow roots too).
 */

/** A selector for text cut off on purpose, and why: the check skips it. */
export interface AllowedClip {
  selector: string;
  why: string;
}

/** Every element under `root`, light and shadow DOM (its own shadow root's too), in document order. */
export function composedElements(root: Element | ShadowRoot): Element[] {
  const found: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      found.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

/**
 * Lays out what `content-visibility: auto` skips while off screen (board cards below the fold),
 * as it will be once scrolled to: measuring needs it drawn. Returns a function that undoes it.
 */
export function showSkippedContent(root: Element | ShadowRoot): () => void {
  const skipped = composedElements(root).filter((element): element is HTMLElement => element instanceof HTMLElement && getComputedStyle(element).contentVisibility === 'auto');
  for (const element of skipped) element.style.contentVisibility = 'visible';
  return () => skipped.forEach((element) => element.style.removeProperty('content-visibility'));
}

/** The parent across shadow boundaries (a shadow root's host). */
function composedParent(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

function composedContains(ancestor: Element, element: Element): boolean {
  for (let node: Element | null = element; node; node = composedParent(node)) if (node === ancestor) return true;
  return false;
}

const clips = (overflow: string) => overflow !== 'visible';
const scrolls = (overflow: string) => overflow === 'auto' || overflow === 'scroll';
/** In the top layer: no ancestor clips it. */
const onTop = (element: Element) => (element instanceof HTMLDialogElement && element.open) || element.matches(':popover-open');

/** Controls whose words must stay inside their own border, downwards too, whatever their `overflow`. */
const BOXED_CONTROLS = 'button, summary, [role="button"], [role="tab"], .badge';
/** Elements whose words must not be drawn over other such elements. */
const TEXT_BEARING = 'button, a[href], label, legend, summary, h1, h2, h3, h4, h5, h6, [role="button"], [role="tab"], [role="heading"], [role="link"]';
/** Of those, the ones whose box is what a person sees and presses (not only their words). */
const PRESSED_BY_BOX = 'button, summary, [role="button"], [role="tab"]';
/** Overlap up to this (px, both ways) is rounding and anti-aliasing. */
const TOLERANCE = 2;

/** Text that the element shows (its own, or its light or shadow children's). */
function shownText(element: Element): string {
  return ((element as HTMLElement).innerText ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A short path that names where an element is: its widgets, its tag and classes, and its text. */
export function describeElement(element: Element): string {
  const parts: string[] = [];
  for (let node: Element | null = element; node && parts.length < 4; node = composedParent(node)) {
    if (node === element || node.localName.includes('-')) parts.unshift(`${node.localName}${[...node.classList].slice(0, 2).map((name) => `.${name}`).join('')}`);
  }
  const text = shownText(element).slice(0, 60);
  return `${parts.join(' › ')}${text ? ` "${text}"` : ''}`;
}

/** One measurement of the page: styles and clip rectangles are read once per element. */
class Measurement {
  readonly #hidden = new Map<Element, boolean>();
  readonly #clip = new Map<Element, DOMRect | null>();

  style(element: Element) {
    return getComputedStyle(element);
  }

  /** Screen-reader-only text, clipped on purpose to one pixel (itself or an ancestor). */
  visuallyHidden(element: Element | null): boolean {
    if (!element) return false;
    let hidden = this.#hidden.get(element);
    if (hidden === undefined) {
      const style = this.style(element);
      hidden = style.clipPath === 'inset(50%)' || style.clip === 'rect(0px, 0px, 0px, 0px)' || this.visuallyHidden(composedParent(element));
      this.#hidden.set(element, hidden);
    }
    return hidden;
  }

  /** Drawn: not hidden by CSS, a closed <details> or dialog, nor clipped to one pixel. */
  shown(element: Element): boolean {
    if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true, contentVisibilityAuto: true })) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && !this.visuallyHidden(element);
  }

  /** The area the element's ancestors let it draw in (null: anywhere). */
  #clipOf(element: Element): DOMRect | null {
    if (this.#clip.has(element)) return this.#clip.get(element)!;
    let clip: DOMRect | null = null;
    const parent = onTop(element) ? null : composedParent(element);
    if (parent) {
      clip = this.#clipOf(parent);
      const style = this.style(parent);
      if (clips(style.overflowX) || clips(style.overflowY)) {
        const box = parent.getBoundingClientRect();
        const outer = clip ?? new DOMRect(-1e6, -1e6, 2e6, 2e6);
        const left = clips(style.overflowX) ? Math.max(outer.left, box.left) : outer.left;
        const right = clips(style.overflowX) ? Math.min(outer.right, box.right) : outer.right;
        const top = clips(style.overflowY) ? Math.max(outer.top, box.top) : outer.top;
        const bottom = clips(style.overflowY) ? Math.min(outer.bottom, box.bottom) : outer.bottom;
        clip = new DOMRect(left, top, right - left, bottom - top);
      }
    }
    this.#clip.set(element, clip);
    return clip;
  }

  /** The part of one of the element's rectangles that its clipping ancestors leave visible. */
  visiblePart(element: Element, rect: DOMRect): DOMRect | undefined {
    const clip = this.#clipOf(element);
    const left = Math.max(rect.left, clip?.left ?? -Infinity);
    const right = Math.min(rect.right, clip?.right ?? Infinity);
    const top = Math.max(rect.top, clip?.top ?? -Infinity);
    const bottom = Math.min(rect.bottom, clip?.bottom ?? Infinity);
    return right > left && bottom > top ? new DOMRect(left, top, right - left, bottom - top) : undefined;
  }

  /** A disclosure's drop-down, drawn over what follows it on purpose while open. */
  dropDown(element: Element): boolean {
    const parent = composedParent(element);
    if (!(parent instanceof HTMLDetailsElement && parent.open)) return false;
    const style = this.style(element);
    return (style.position === 'absolute' || style.position === 'fixed') && style.zIndex !== 'auto';
  }

  /** The layer an element is drawn in: its open dialog, popover or drop-down, else the page. */
  layerOf(element: Element): Element | undefined {
    for (let node: Element | null = element; node; node = composedParent(node)) if (onTop(node) || this.dropDown(node)) return node;
    return undefined;
  }
}

/**
 * Text that does not fit its box. Sideways, always: words sticking out of a box cross its border
 * or are cut off by it (`overflow` not visible, which covers `text-overflow: ellipsis`), and a pane
 * that scrolls sideways makes a reader scroll each line. Downwards, when the box hides what
 * overflows or is a control's border: a pane that scrolls up and down shows the rest by scrolling.
 */
function textNotFitting(elements: Element[], measure: Measurement, allowed: readonly AllowedClip[]): string[] {
  const problems: string[] = [];
  for (const element of elements) {
    if (!(element instanceof HTMLElement)) continue;
    // Inline boxes measure 0: their words are measured in the block around them.
    const wide = element.scrollWidth > element.clientWidth + 1;
    const overTall = element.scrollHeight > element.clientHeight + 1;
    if (!wide && !overTall) continue;
    const style = measure.style(element);
    const tall = overTall && (element.matches(BOXED_CONTROLS) || (clips(style.overflowY) && !scrolls(style.overflowY)));
    if (!(wide || tall) || !measure.shown(element) || !element.textContent!.trim()) continue;
    if (allowed.some(({ selector }) => element.matches(selector))) continue;
    const size = wide ? `${element.scrollWidth} px wide in ${element.clientWidth} px` : `${element.scrollHeight} px high in ${element.clientHeight} px`;
    const what = clips(wide ? style.overflowX : style.overflowY) ? `cut off (overflow ${wide ? style.overflowX : style.overflowY})` : 'sticks out of its box';
    problems.push(`text ${what}, ${size}: ${describeElement(element)}`);
  }
  return problems;
}

/** The rectangles of an element's drawn words (one per line), without those of nested text-bearing elements. */
function wordRects(element: Element, measure: Measurement): DOMRect[] {
  const rects: DOMRect[] = [];
  const range = document.createRange();
  const visit = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE && child.textContent!.trim()) {
        range.selectNodeContents(child);
        rects.push(...range.getClientRects());
      } else if (child instanceof Element && !child.matches(TEXT_BEARING) && (measure.shown(child) || measure.style(child).display === 'contents')) {
        if (child.shadowRoot) visit(child.shadowRoot);
        visit(child);
      }
    }
  };
  if (element.shadowRoot) visit(element.shadowRoot);
  visit(element);
  return rects;
}

const intersect = (a: DOMRect, b: DOMRect) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > TOLERANCE && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > TOLERANCE;

/**
 * Buttons, links, labels and headings drawn over one another (both visible). Each is measured by
 * what a person sees: a button by its box, a heading or label by its lines of words. Only elements
 * of the same layer are compared: a modal dialog covers the page on purpose, and an open drop-down
 * menu what follows it.
 */
function overlappingText(elements: Element[], measure: Measurement): string[] {
  const items: { element: Element; rects: DOMRect[]; layer: Element | undefined }[] = [];
  for (const element of elements) {
    if (!element.matches(TEXT_BEARING) || !measure.shown(element)) continue;
    const drawn = element.matches(PRESSED_BY_BOX) ? [...element.getClientRects()] : wordRects(element, measure);
    const rects = drawn.map((rect) => measure.visiblePart(element, rect)).filter((rect): rect is DOMRect => !!rect);
    if (rects.length) items.push({ element, rects, layer: measure.layerOf(element) });
  }
  // The page under a modal dialog is inert: only what is in dialogs counts then.
  const modal = items.some(({ layer }) => layer?.matches(':modal'));
  const compared = modal ? items.filter(({ layer }) => layer) : items;
  const problems: string[] = [];
  for (const [i, a] of compared.entries()) {
    for (const b of compared.slice(i + 1)) {
      if (a.layer !== b.layer || !a.rects.some((ra) => b.rects.some((rb) => intersect(ra, rb)))) continue;
      if (composedContains(a.element, b.element) || composedContains(b.element, a.element)) continue;
      problems.push(`overlap: ${describeElement(a.element)} and ${describeElement(b.element)}`);
    }
  }
  return problems;
}

/**
 * What sticks out of the window sideways, visible (the page then scrolls sideways, or it is cut
 * off at the window's edge): the outermost element of each such part.
 */
function outsideWindow(elements: Element[], measure: Measurement): string[] {
  const width = document.documentElement.clientWidth;
  const outside = new Map<Element, DOMRect>();
  for (const element of elements) {
    const box = element.getBoundingClientRect();
    if (box.right <= width + 1 && box.left >= -1) continue;
    const part = measure.shown(element) && measure.visiblePart(element, box);
    if (part && (part.right > width + 1 || part.left < -1)) outside.set(element, part);
  }
  return [...outside]
    .filter(([element]) => !outside.has(composedParent(element)!))
    .map(([element, part]) => `outside the window (${Math.round(part.left)} to ${Math.round(part.right)} px of ${width} px): ${describeElement(element)}`);
}

/** Every layout problem under `root`: text outside the window, text not fitting its box, text drawn over text. */
export function layoutProblems(root: Element | ShadowRoot, allowed: readonly AllowedClip[] = []): string[] {
  const elements = composedElements(root);
  const measure = new Measurement();
  return [...outsideWindow(elements, measure), ...textNotFitting(elements, measure, allowed), ...overlappingText(elements, measure)];
}
