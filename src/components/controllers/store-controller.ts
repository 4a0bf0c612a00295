import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { TwinStore } from '../../sdk/store/create-store.js';
import type { InvalidRecord, RecordChange, TwinRecord } from '../../sdk/store/store-types.js';
import { defaultStore } from '../context/default-store.js';
import { ensureContextRoot } from '../context/ensure-context-root.js';
import { phaseContext, storeContext } from '../context/contexts.js';

export type LoadStatus = 'loading' | 'ready' | 'error';

export interface StoreControllerOptions<T> {
  collection: string;
  /** Order of `records`; default: oldest update first (the adapter's order). */
  compare?: (a: T, b: T) => number;
  /** Ignore `<twin-space phase>`: records that belong to others (comments on an entry) follow them instead. */
  allPhases?: boolean;
}

type Host = ReactiveElement & { space?: string };

/** Is there a `<twin-space>` above, even one not upgraded yet? */
function insideSpace(element: Element): boolean {
  for (let node: Node | null = element.parentNode; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (node instanceof Element && node.localName === 'twin-space') return true;
  }
  return false;
}

/**
 * Gives a widget the records of one collection and keeps them current. The store comes from the
 * surrounding `<twin-space>`, or, for a widget used alone, from its own `space` attribute on
 * in-browser storage. A change replaces only the records it touches: the others keep their
 * identity, so `repeat()` re-renders only what changed.
 */
export class StoreController<T extends TwinRecord = TwinRecord> implements ReactiveController {
  records: T[] = [];
  invalid: InvalidRecord[] = [];
  status: LoadStatus = 'loading';
  error: unknown;
  store: TwinStore | undefined;
  /** The phase filter from `<twin-space phase>`. */
  phase: string | undefined;

  readonly #host: Host;
  readonly #options: StoreControllerOptions<T>;
  #providerAnswered = false;
  #unsubscribe: (() => void) | undefined;
  #generation = 0;
  #pending: RecordChange[] | undefined;

  constructor(host: Host, options: StoreControllerOptions<T>) {
    this.#host = host;
    this.#options = options;
    ensureContextRoot();
    new ContextConsumer(host, {
      context: storeContext,
      subscribe: true,
      callback: (store) => {
        this.#providerAnswered = true;
        this.#use(store);
      },
    });
    new ContextConsumer(host, {
      context: phaseContext,
      subscribe: true,
      callback: (phase) => {
        if (options.allPhases || phase === this.phase) return;
        this.phase = phase;
        if (this.store) void this.#load();
      },
    });
    host.addController(this);
  }

  hostConnected(): void {
    // Context requests are answered synchronously on connect; no answer and no space above: alone.
    queueMicrotask(() => {
      if (!this.#providerAnswered && !this.store && !insideSpace(this.#host)) {
        this.#aloneIn = this.#host.space || 'default';
        this.#use(defaultStore(this.#aloneIn));
      }
    });
  }

  /** The space of a widget used alone, on this browser's storage; undefined inside a `<twin-space>`. */
  #aloneIn: string | undefined;

  hostUpdate(): void {
    // A widget used alone follows its own `space` attribute when it changes.
    if (this.#aloneIn !== undefined && !this.#providerAnswered && (this.#host.space || 'default') !== this.#aloneIn) {
      this.#aloneIn = this.#host.space || 'default';
      this.#use(defaultStore(this.#aloneIn));
    }
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.store = undefined;
    this.#aloneIn = undefined;
  }

  /** Reloads everything from the store (a change of the widget's own `space` is followed by itself). */
  reload(): Promise<void> {
    return this.#load();
  }

  #use(store: TwinStore | undefined) {
    if (store === this.store) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.store = store;
    this.records = [];
    this.invalid = [];
    if (!store) {
      this.status = 'loading';
      this.#host.requestUpdate();
      return;
    }
    this.#unsubscribe = store.subscribe((changes) => this.#onChanges(changes));
    void this.#load();
  }

  async #load() {
    const store = this.store;
    if (!store) return;
    const generation = ++this.#generation;
    this.status = 'loading';
    this.#pending = [];
    this.#host.requestUpdate();
    try {
      const { records, invalid } = await store.list<T>(this.#options.collection, this.phase ? { phase: this.phase } : {});
      if (generation !== this.#generation) return;
      this.records = this.#options.compare ? records.sort(this.#options.compare) : records;
      this.invalid = invalid;
      this.status = 'ready';
      this.error = undefined;
      const missed = this.#pending;
      this.#pending = undefined;
      if (missed.length) this.#apply(missed);
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#pending = undefined;
      this.status = 'error';
      this.error = error;
    }
    this.#host.requestUpdate();
  }

  #onChanges(changes: RecordChange[]) {
    const mine = changes.filter((change) => change.collection === this.#options.collection);
    if (!mine.length) return;
    // Changes during a load are applied once the load is in, so none is lost.
    if (this.#pending) this.#pending.push(...mine);
    else this.#apply(mine);
  }

  #apply(changes: RecordChange[]) {
    const byId = new Map(this.records.map((record) => [record.id, record]));
    for (const change of changes) {
      const visible = change.type === 'put' && change.record && (!this.phase || change.record.phase === this.phase);
      if (visible) byId.set(change.id, change.record as T);
      else byId.delete(change.id);
      // A record that fails validation elsewhere and is then fixed leaves the invalid list.
      this.invalid = this.invalid.filter((item) => item.id !== change.id);
    }
    const next = [...byId.values()];
    this.records = this.#options.compare ? next.sort(this.#options.compare) : next;
    this.#host.requestUpdate();
  }
}
