import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TwinStore } from '../../../sdk/store/create-store.js';
import type { RecordChange } from '../../../sdk/store/store-types.js';

/**
 * Which posts arrived or changed from elsewhere (another tab, user or device) since the reader
 * opened the board, or got a new comment: the board marks them "New" until the reader looks at
 * them. The reader's own changes in this tab are not news. Nothing moves: a post is drawn where
 * its position puts it, and the page's scroll anchoring keeps what the reader looks at in place.
 */
/**
 * How far from now a change from elsewhere may be dated and still count as news: a first sync on
 * a new device brings the whole board (old records), and none of that is news. Minutes, not
 * seconds: devices' clocks differ.
 */
const NEWS_WINDOW_MS = 5 * 60_000;

export class FreshPosts implements ReactiveController {
  readonly ids = new Set<string>();
  /** Bumped whenever `ids` changes. */
  version = 0;
  #store: TwinStore | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Called with the number of posts that just became new, to announce them. */
    private readonly onArrived: (count: number) => void,
  ) {
    host.addController(this);
  }

  /** Follows the board's store (a `<twin-space>` may give it another). */
  watch(store: TwinStore | undefined): void {
    if (store === this.#store) return;
    this.#unsubscribe?.();
    this.#store = store;
    this.ids.clear();
    this.version++;
    this.#unsubscribe = store?.subscribe((changes) => this.#onChanges(changes));
  }

  seen(id: string): void {
    if (this.ids.delete(id)) this.#changed();
  }

  seenAll(): void {
    this.ids.clear();
    this.#changed();
  }

  #changed() {
    this.version++;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store = undefined;
  }

  #onChanges(changes: RecordChange[]) {
    let arrived = 0;
    const now = Date.now();
    const recent = (record: unknown) => Math.abs(now - Date.parse((record as { updatedAt?: string } | undefined)?.updatedAt ?? '')) <= NEWS_WINDOW_MS;
    for (const change of changes) {
      if (change.collection === 'board') {
        if (change.type === 'delete' && this.ids.delete(change.id)) this.version++;
        else if (!change.local && !this.ids.has(change.id) && recent(change.record)) {
          this.ids.add(change.id);
          arrived++;
        }
      } else if (change.collection === 'board-comment' && change.type === 'put' && !change.local && recent(change.record)) {
        const target = (change.record as { target?: string } | undefined)?.target;
        if (target && !this.ids.has(target)) {
          this.ids.add(target);
          arrived++;
        }
      }
    }
    if (arrived) {
      this.onArrived(arrived);
      this.#changed();
    }
  }
}
