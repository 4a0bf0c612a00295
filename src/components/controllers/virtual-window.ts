import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface VirtualWindowOptions {
  /** The scrolling element, once rendered. */
  viewport: () => HTMLElement | null | undefined;
  /** Rows drawn above and below the visible ones, so fast scrolling shows no gaps. */
  overscan?: number;
}

/**
 * Draws only the rows that are visible in a scrolling list of equal-height rows. The height is
 * measured from a drawn row (`data-row`), so font size, zoom and layout changes are followed.
 */
export class VirtualWindow implements ReactiveController {
  rowHeight = 64;
  readonly #host: ReactiveControllerHost;
  readonly #options: VirtualWindowOptions;
  #viewport: HTMLElement | undefined;
  #observedRow: HTMLElement | undefined;
  #scrollTop = 0;
  #height = 600;
  #frame = 0;
  // Measured in the next frame: changing layout inside the observer's callback would loop.
  readonly #resize = new ResizeObserver(() => {
    cancelAnimationFrame(this.#measureFrame);
    this.#measureFrame = requestAnimationFrame(() => this.#measure());
  });
  #measureFrame = 0;

  constructor(host: ReactiveControllerHost, options: VirtualWindowOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    const viewport = this.#options.viewport() ?? undefined;
    if (viewport !== this.#viewport) {
      this.#viewport?.removeEventListener('scroll', this.#onScroll);
      this.#resize.disconnect();
      this.#observedRow = undefined;
      this.#viewport = viewport;
      if (viewport) {
        viewport.addEventListener('scroll', this.#onScroll, { passive: true });
        this.#resize.observe(viewport);
      }
    }
    // One drawn row is watched for its height; the one watched before is let go.
    const row = viewport?.querySelector<HTMLElement>('[data-row]') ?? undefined;
    if (row !== this.#observedRow) {
      if (this.#observedRow) this.#resize.unobserve(this.#observedRow);
      if (row) this.#resize.observe(row);
      this.#observedRow = row;
    }
  }

  hostDisconnected(): void {
    this.#resize.disconnect();
    this.#observedRow = undefined;
    this.#viewport?.removeEventListener('scroll', this.#onScroll);
    this.#viewport = undefined;
    cancelAnimationFrame(this.#frame);
    cancelAnimationFrame(this.#measureFrame);
  }

  /** The rows to draw: `[start, end)`. */
  range(count: number): { start: number; end: number } {
    const overscan = this.#options.overscan ?? 6;
    const first = Math.floor(this.#scrollTop / this.rowHeight);
    const visible = Math.ceil(this.#height / this.rowHeight) + 1;
    const start = Math.max(0, Math.min(first, count - 1) - overscan);
    return { start, end: Math.min(count, first + visible + overscan) };
  }

  /** Scrolls as little as needed to show row `index` (for keyboard moves and letter jumps). */
  reveal(index: number, align: 'nearest' | 'start' = 'nearest'): void {
    const viewport = this.#viewport;
    if (!viewport) return;
    const top = index * this.rowHeight;
    const bottom = top + this.rowHeight;
    if (align === 'start' || top < viewport.scrollTop) viewport.scrollTop = top;
    else if (bottom > viewport.scrollTop + viewport.clientHeight) viewport.scrollTop = bottom - viewport.clientHeight;
    this.#read();
  }

  #onScroll = () => {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#read());
  };

  #read() {
    if (!this.#viewport) return;
    const { scrollTop, clientHeight } = this.#viewport;
    if (scrollTop === this.#scrollTop && clientHeight === this.#height) return;
    this.#scrollTop = scrollTop;
    this.#height = clientHeight || this.#height;
    this.#host.requestUpdate();
  }

  #measure() {
    const row = this.#viewport?.querySelector<HTMLElement>('[data-row]');
    const height = row?.getBoundingClientRect().height;
    if (height && Math.abs(height - this.rowHeight) > 0.5) {
      this.rowHeight = height;
      this.#host.requestUpdate();
    }
    this.#read();
  }
}
