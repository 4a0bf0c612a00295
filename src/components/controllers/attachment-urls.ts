import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TwinStore } from '../../sdk/store/create-store.js';
import { inlineBlob } from './safe-file-blob.js';

/**
 * Object URLs for stored files (pictures, pronunciations, clips; nothing else, see safe-file-blob.ts), read once from the store and revoked
 * when the element goes away, so blobs are not kept in memory after the entry is closed.
 */
export class AttachmentUrls implements ReactiveController {
  store: TwinStore | undefined;
  readonly #urls = new Map<string, string | null>();
  /** Bumped on disconnect: a file that arrives after it is not kept (its URL would never be revoked). */
  #generation = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** The URL of a stored file, or undefined while it loads (the host updates when it is ready). */
  url(id: string): string | undefined {
    const known = this.#urls.get(id);
    if (known !== undefined) return known ?? undefined;
    const store = this.store;
    if (!store) return undefined;
    this.#urls.set(id, null);
    const generation = this.#generation;
    store.getAttachment(id).then(inlineBlob).then(
      (blob) => {
        // Not a picture, sound or video (HTML, SVG, script): no URL, the text alternative stays.
        if (!blob || generation !== this.#generation) return;
        this.#urls.set(id, URL.createObjectURL(blob));
        this.#updateSoon();
      },
      // A missing file leaves its text alternative in place.
      () => undefined,
    );
    return undefined;
  }

  #scheduled = false;
  /** Bumped when files have arrived: a view that skips unchanged parts draws them again. */
  version = 0;

  /** One update of the host for the files that arrived within a frame, not one per file. */
  #updateSoon() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setTimeout(() => {
      this.#scheduled = false;
      this.version++;
      this.host.requestUpdate();
    }, 16);
  }

  hostDisconnected(): void {
    this.#generation++;
    for (const url of this.#urls.values()) if (url) URL.revokeObjectURL(url);
    this.#urls.clear();
  }
}
