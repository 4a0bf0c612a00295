import { ContextConsumer } from '@lit/context';
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import type { ConflictChoice, SyncConflict, SyncController } from '../../sdk/adapters/synced/sync-status.js';
import { formProblem } from '../../localization/form-problem.js';
import { plural } from '../../localization/plural.js';
import { TwinElement } from '../base/twin-element.js';
import { storeContext, syncControllerContext } from '../context/contexts.js';
import { DialogHost } from '../controllers/dialog-host.js';
import { LiveAnnouncer } from '../controllers/live-announcer.js';
import { conflictEntry, conflictName } from './conflict-entry.js';
import { resolveConflict } from './resolve-conflict.js';
import { twinSyncConflictsStyles } from './twin-sync-conflicts.styles.js';

const oldestFirst = (a: SyncConflict, b: SyncConflict) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);

/** What can take focus, for when the notice is gone. */
const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The versions of records that sync kept for a person to decide on (another version won: someone
 * changed the same fields first, the server's rules refused a change, or two servers disagreed),
 * for a widget's toolbar: a short notice, and a dialog that compares each kept version with the one
 * shown and keeps the one the person chooses. Shows nothing when there is nothing to decide, or
 * when the space's storage does not sync.
 *
 * @summary The kept versions of a widget's records, to decide on.
 * @csspart notice - The count and the Review button.
 * @csspart dialog - The dialog that lists the kept versions.
 */
export class TwinSyncConflicts extends TwinElement {
  static override styles = twinSyncConflictsStyles;

  static override properties = {
    collections: { type: String },
    _conflicts: { state: true },
    _open: { state: true },
    _busy: { state: true },
    _problems: { state: true },
  };

  /** The collections to list, separated by spaces (a widget's own); without it, every collection. */
  declare collections: string | undefined;
  declare _conflicts: SyncConflict[];
  declare _open: boolean;
  /** The key of the kept version being written. */
  declare _busy: string | undefined;
  /** Why the last choice failed, per kept version. */
  declare _problems: ReadonlyMap<string, string>;

  readonly #announcer = new LiveAnnouncer(this);
  readonly #dialogHost = new DialogHost(
    this,
    () => (this._open = false),
    () => this.#focusAfterClose(),
  );
  readonly #store = new ContextConsumer(this, { context: storeContext, subscribe: true, callback: () => void this.#reload() });
  readonly #sync = new ContextConsumer(this, { context: syncControllerContext, subscribe: true, callback: (sync) => this.#watch(sync) });
  #stopWatching: (() => void) | undefined;
  #loads = 0;
  #seenCount: number | undefined;

  constructor() {
    super();
    this._conflicts = [];
    this._open = false;
    this._problems = new Map();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('collections')) void this.#reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#watch(undefined);
  }

  /** Lists again when sync keeps a new version, and when its count of kept versions changes. */
  #watch(sync: SyncController | undefined) {
    this.#stopWatching?.();
    this.#stopWatching = undefined;
    this.#seenCount = undefined;
    void this.#reload();
    if (!sync) return;
    const stopConflicts = sync.onConflict(() => void this.#reload());
    const stopStatus = sync.subscribe((status) => {
      // A sync that does not count them is asked at every status.
      if (status.conflicts !== undefined && status.conflicts === this.#seenCount) return;
      this.#seenCount = status.conflicts;
      void this.#reload();
    });
    this.#stopWatching = () => {
      stopConflicts();
      stopStatus();
    };
  }

  #wanted(conflict: SyncConflict): boolean {
    const collections = this.collections?.split(/\s+/).filter(Boolean) ?? [];
    return !collections.length || collections.includes(conflict.collection);
  }

  async #reload() {
    const load = ++this.#loads;
    const sync = this.#sync.value;
    const space = this.#store.value?.space;
    if (!sync || !space) {
      this._conflicts = [];
      return;
    }
    try {
      const all = await sync.conflicts(space);
      if (load !== this.#loads) return; // a newer list is on its way
      this._conflicts = all.filter((conflict) => this.#wanted(conflict)).sort(oldestFirst);
    } catch (error) {
      console.warn('<twin-sync-conflicts>: the kept versions could not be read.', error);
    }
  }

  async #open() {
    this._open = true;
    await this.#dialogHost.show();
    this.#focusEntry(0);
  }

  async #choose(conflict: SyncConflict, choice: ConflictChoice) {
    const store = this.#store.value;
    const sync = this.#sync.value;
    if (!store || !sync || this._busy) return;
    const index = this._conflicts.indexOf(conflict);
    this._busy = conflict.key;
    try {
      await resolveConflict(store, sync, conflict, choice);
    } catch (error) {
      // The version stays kept; the entry says why (its alert is read out).
      this._problems = new Map(this._problems).set(conflict.key, formProblem(error).message);
      return;
    } finally {
      this._busy = undefined;
    }
    const problems = new Map(this._problems);
    problems.delete(conflict.key);
    this._problems = problems;
    this._conflicts = this._conflicts.filter((other) => other.key !== conflict.key);
    this.#announcer.announce(`${this.#doneText(conflict, choice)} ${this.#leftText()}`);
    void this.#reload();
    await this.updateComplete;
    if (this._conflicts.length) this.#focusEntry(Math.min(index, this._conflicts.length - 1));
    else this.#dialogHost.close();
  }

  #focusEntry(index: number) {
    this.renderRoot.querySelectorAll<HTMLElement>('.entry h3')[index]?.focus();
  }

  /** Back to Review; when nothing is left to decide it is gone, so to what follows in the toolbar. */
  #focusAfterClose(): HTMLElement | null | undefined {
    if (this._conflicts.length) return this.renderRoot.querySelector<HTMLElement>('.notice button');
    for (let next = this.nextElementSibling; next; next = next.nextElementSibling) {
      const target = next.matches(FOCUSABLE) ? (next as HTMLElement) : next.querySelector<HTMLElement>(FOCUSABLE);
      if (target) return target;
    }
    return undefined;
  }

  #doneText(conflict: SyncConflict, choice: ConflictChoice): string {
    const name = conflictName(conflict);
    switch (choice) {
      case 'mine':
        return msg(str`Kept mine for “${name}”.`, { id: 'sync-conflicts.kept-mine' });
      case 'theirs':
        return msg(str`Kept theirs for “${name}”.`, { id: 'sync-conflicts.kept-theirs' });
      case 'merged':
        return msg(str`Kept the merged version for “${name}”.`, { id: 'sync-conflicts.kept-merged' });
    }
  }

  #leftText(): string {
    const left = this._conflicts.length;
    if (!left) return msg('Nothing left to decide.', { id: 'sync-conflicts.none-left' });
    return plural(left, 'sync-conflicts.left', { one: str`${0} left.`, other: str`${0} left.` });
  }

  #countText(count: number): string {
    return plural(count, 'sync-conflicts.count', { one: str`${0} change needs your decision`, other: str`${0} changes need your decision` });
  }

  protected override render() {
    if (!this.#sync.value) return nothing;
    const conflicts = this._conflicts;
    // The live region stays while the space syncs, so "Nothing left to decide" is still read.
    if (!conflicts.length && !this._open) return this.#announcer.render();
    return html`${conflicts.length
        ? html`<p class="notice" part="notice">
            <span id="count">${this.#countText(conflicts.length)}</span>
            <span aria-hidden="true">·</span>
            <button type="button" aria-describedby="count" @click=${() => void this.#open()}>${msg('Review', { id: 'sync-conflicts.review' })}</button>
          </p>`
        : nothing}
      ${this._open ? this.#dialog(conflicts) : nothing}${this.#announcer.render()}`;
  }

  #dialog(conflicts: SyncConflict[]) {
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.#dialogHost.handleClose}>
      <div class="dialog-head">
        <h2 id="dialog-title" class="dialog-title">${msg('Changes that need your decision', { id: 'sync-conflicts.title' })}</h2>
        <button type="button" class="close" @click=${() => this.#dialogHost.close()} aria-label=${msg('Close', { id: 'sync-conflicts.close' })}>✕</button>
      </div>
      <p class="muted">${msg('Sync kept these versions so that nothing saved is lost. The oldest come first.', { id: 'sync-conflicts.intro' })}</p>
      ${conflicts.length
        ? html`<ol class="entries">
            ${conflicts.map((conflict) =>
              conflictEntry(conflict, { lang: this.effectiveLang, busy: this._busy !== undefined, problem: this._problems.get(conflict.key), choose: (c, choice) => void this.#choose(c, choice) }),
            )}
          </ol>`
        : html`<p>${msg('Nothing left to decide.', { id: 'sync-conflicts.none-left' })}</p>`}
    </dialog>`;
  }
}
