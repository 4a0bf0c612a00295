import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';

/**
 * Screen-reader announcements: render `announcer.render()` once in the element, then call
 * `announce(text)`. Clearing first makes a repeated message be read again.
 */
export class LiveAnnouncer implements ReactiveController {
  #message = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get message(): string {
    return this.#message;
  }

  announce(text: string): void {
    this.#message = '';
    this.host.requestUpdate();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#message = text;
      this.host.requestUpdate();
    }, 50);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  render() {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#message}</div>`;
  }
}
