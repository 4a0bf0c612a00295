import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type Draft, DraftStore } from '../base/draft-store.js';

/**
 * Keeps what a form holds on the device as it is typed: 300 ms after the last change, and at
 * once when the tab hides or closes (`pagehide`, `visibilitychange`) or the form goes away. A
 * reload, a closed tab, a lost connection or a failed save never loses it. `deviceKeeps` turns
 * false (and `onNotKept` runs) when the device refuses to store it; the form then says so.
 */
export class DraftKeeper<T> implements ReactiveController {
  deviceKeeps = true;
  #drafts: DraftStore<T> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly current: () => { fields: T; baseRev: string | undefined },
    private readonly onNotKept: () => void,
  ) {
    host.addController(this);
  }

  /** Starts keeping the drafts of one form (space, user, what is edited); returns the draft kept before, if any. */
  open(space: string, userId: string, key: string | undefined): Draft<T> | undefined {
    this.#drafts = new DraftStore<T>(space, userId, key);
    return this.#drafts.read();
  }

  /** The form changed: kept a moment later. */
  changed(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), 300);
  }

  flush = (): void => {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#drafts) return;
    const { fields, baseRev } = this.current();
    const kept = this.#drafts.write(fields, baseRev);
    if (kept !== this.deviceKeeps) {
      this.deviceKeeps = kept;
      this.host.requestUpdate();
      if (!kept) this.onNotKept();
    }
  };

  /** Saved or cancelled: the kept draft goes, and nothing is kept again for this form. */
  drop(): void {
    clearTimeout(this.#timer);
    this.#drafts?.clear();
    this.#drafts = undefined;
  }

  /** Forgets the kept draft but goes on keeping (the author chose the other version). */
  clear(): void {
    this.#drafts?.clear();
  }

  hostConnected(): void {
    addEventListener('pagehide', this.flush);
    document.addEventListener('visibilitychange', this.flush);
  }

  hostDisconnected(): void {
    removeEventListener('pagehide', this.flush);
    document.removeEventListener('visibilitychange', this.flush);
    this.flush();
  }
}
