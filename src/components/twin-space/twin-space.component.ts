import { ContextProvider } from '@lit/context';
import { msg, str } from '@lit/localize';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import type { StorageAdapter } from '../../sdk/adapter.js';
import type { SyncController, SyncStatus } from '../../sdk/adapters/synced/sync-status.js';
import { resolveAdapter, TwinUnknownAdapterError } from '../../sdk/adapters/resolve-adapter.js';
import { isTwinError, TwinError, TwinValidationError } from '../../sdk/errors.js';
import { PROJECT_RECORD_ID } from '../../sdk/schemas/project.js';
import type { TwinUser } from '../../sdk/policy/roles.js';
import { createStore, type TwinStore } from '../../sdk/store/create-store.js';
import type { InvalidRecord, RecordChange } from '../../sdk/store/store-types.js';
import { errorMessage } from '../../localization/error-message.js';
import { plural } from '../../localization/plural.js';
import { TwinElement } from '../base/twin-element.js';
import { localeContext, phaseContext, storeContext, syncContext, syncControllerContext, userContext } from '../context/contexts.js';
import { localUser } from '../context/local-user.js';
import { parseModeration, parseRole, sanitizeUser } from './space-attributes.js';
import { keptVersionsText, syncStatusText } from './sync-messages.js';
import { twinSpaceStyles } from './twin-space.styles.js';

/** What the status line says; turned into words at render time, so a language switch applies. */
type Problem =
  | { kind: 'no-space' }
  | { kind: 'unknown-adapter'; error: TwinUnknownAdapterError }
  | { kind: 'invalid'; count: number }
  | { kind: 'storage'; error: TwinError }
  | { kind: 'adapter-options'; notJson: boolean; details: string };

const PROJECT_COLLECTION = 'project';
/** The issue of `adapter-options` that do not parse, told apart from the adapter's own complaints. */
const NOT_JSON = 'not JSON';

/** The `adapter` attribute is a name; the property also takes an adapter instance. */
/** `adapter-options` is JSON; what does not parse is kept as text and reported when the space connects. */
const jsonConverter = {
  fromAttribute: (value: string | null) => {
    if (value === null) return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  },
};

const adapterConverter = {
  fromAttribute: (value: string | null) => value ?? 'indexeddb',
  toAttribute: (value: unknown) => (typeof value === 'string' ? value : null),
};

/**
 * Gives every widget inside it one space: its storage, the signed-in user, the UI language and
 * the phase filter. It shows nothing itself but a small status line when something is wrong.
 *
 * @summary The provider of a Twinkit space.
 * @slot - The widgets of the space, and any other content.
 * @slot status - Replaces the built-in status line.
 * @csspart status - The built-in status line (both kinds below).
 * @csspart note - The status line for notes (damaged records, a missing space id).
 * @csspart error - The status line for errors (storage, an unknown adapter).
 * @event twin-space-ready - The store is ready; `detail.store` is the TwinStore.
 * @event twin-record-change - Records changed here or elsewhere; `detail.changes`.
 * @event twin-record-invalid - A stored record failed validation and is not shown; `detail` describes it.
 * @event twin-storage-error - Storage or the adapter failed; `detail.error` is a TwinError with a `code`.
 * @event twin-sync-status - Sync with a server changed state or the number of writes waiting; `detail.status`.
 * @event twin-sync-error - Sync hit an error someone must act on (it keeps retrying); `detail.status`.
 * @event twin-sync-conflict - A version of a record did not win and is kept for a person to decide on; `detail.conflict` has the versions. Each widget lists its kept versions (`<twin-sync-conflicts>`).
 * @event twin-phase-select - Heard from a widget inside: the space then shows that phase in every widget (`phase`), unless a listener cancels it.
 * @cssproperty --twin-color-accent - Buttons, links and highlights.
 * @cssproperty --twin-color-text - Body text.
 * @cssproperty --twin-color-surface - Background of widgets.
 * @cssproperty --twin-color-focus - Keyboard focus ring.
 * @cssproperty --twin-font-family - Font of all widgets (default: the page's).
 * @cssproperty --twin-radius - Corner radius.
 */
export class TwinSpace extends TwinElement {
  static override styles = twinSpaceStyles;

  static override properties = {
    space: { type: String, reflect: true },
    adapter: { converter: adapterConverter },
    adapterOptions: { attribute: 'adapter-options', converter: jsonConverter },
    userId: { type: String, attribute: 'user-id' },
    userName: { type: String, attribute: 'user-name' },
    userRole: { type: String, attribute: 'user-role' },
    school: { type: String },
    mobile: { type: Boolean },
    phase: { type: String },
    moderation: { type: String },
    theme: { type: String, reflect: true },
    user: { attribute: false },
    store: { attribute: false },
    _problem: { state: true },
    syncStatus: { attribute: false },
  };

  /** The space id: every record belongs to one space. Required. */
  declare space: string;
  /** A registered adapter name (`indexeddb`, the default; `memory`; or an integrator's), or an adapter instance. */
  declare adapter: string | StorageAdapter;
  /** Settings for the adapter, as JSON: for `couchdb`, `{"url": "/couch"}` and optionally `credentials`, `headers`, `feed`. */
  declare adapterOptions: Record<string, unknown> | string | undefined;
  /** Sync with a server (`adapter="couchdb"`): state and writes waiting; undefined for storage that does not sync. Read-only. */
  declare syncStatus: SyncStatus | undefined;
  /** The signed-in user's id; without it, the local anonymous user of this browser. */
  declare userId: string | undefined;
  declare userName: string | undefined;
  /**
   * `admin`, `teacher`, `moderator`, `pupil` (default) or `observer`; an unknown value means `observer`.
   * Named `user-role`, not `role`: `role` is the ARIA attribute, and `role="teacher"` would be invalid ARIA.
   */
  declare userRole: string | undefined;
  declare school: string | undefined;
  /** The user travels on the mobility. */
  declare mobile: boolean;
  /** Phase filter: widgets show this phase's records, and new records take it. */
  declare phase: string | undefined;
  /** `off` (default), `pupils` or `all`. */
  declare moderation: string | undefined;
  /** `light`, `dark` or `auto`; without it, the page's `color-scheme` applies. */
  declare theme: string | undefined;
  /** The signed-in user as an object (takes precedence over the user attributes). */
  declare user: TwinUser | undefined;
  /** The store the widgets use; undefined until the adapter is ready. Read-only. */
  declare store: TwinStore | undefined;
  declare _problem: Problem | undefined;

  readonly #storeProvider = new ContextProvider(this, { context: storeContext });
  readonly #userProvider = new ContextProvider(this, { context: userContext });
  readonly #phaseProvider = new ContextProvider(this, { context: phaseContext });
  readonly #localeProvider = new ContextProvider(this, { context: localeContext });
  readonly #syncProvider = new ContextProvider(this, { context: syncContext });
  readonly #syncControllerProvider = new ContextProvider(this, { context: syncControllerContext });
  #stopWatchingSync: (() => void) | undefined;
  #adapterInstance: StorageAdapter | undefined;
  #ownsAdapter = false;
  #connection = 0;
  #invalid = new Map<string, InvalidRecord>();
  #stopListening: (() => void) | undefined;
  #currentPhase: string | undefined;

  constructor() {
    super();
    this.space = '';
    this.adapter = 'indexeddb';
    this.mobile = false;
    // A widget (the phase tracker) asks to show one phase everywhere. Applied after the event has
    // reached the page, so a page that routes it itself can cancel it.
    this.addEventListener('twin-phase-select', (event) => {
      queueMicrotask(() => {
        if (!event.defaultPrevented) this.phase = event.detail.phase;
      });
    });
  }

  /** The project's current phase, set by teachers in `<twin-phase-tracker>`; new records take it when no `phase` filter is set. Read-only. */
  get currentPhase(): string | undefined {
    return this.#currentPhase;
  }

  /** New records take the filtered phase, else the project's current one. */
  #applyDefaultPhase() {
    try {
      this.store?.setDefaultPhase(this.phase || this.#currentPhase);
    } catch (error) {
      // A wrong attribute value must not break the page: new records then take no phase.
      console.warn(`<twin-space>: phase="${String(this.phase).slice(0, 40)}" cannot be a phase id (${(error as Error).message}); new records take no phase.`);
      this.store?.setDefaultPhase(undefined);
    }
  }

  async #readCurrentPhase(store: TwinStore) {
    const project = await store.get(PROJECT_COLLECTION, PROJECT_RECORD_ID).catch(() => undefined);
    if (store !== this.store) return;
    this.#currentPhase = (project as { currentPhase?: string } | undefined)?.currentPhase;
    this.#applyDefaultPhase();
  }

  /** The user the widgets act as, from the `user` property or the attributes. */
  get currentUser(): TwinUser {
    if (this.user) return sanitizeUser(this.user);
    if (!this.userId) {
      // No id: the person at this browser. A page that set a role (a guest page) keeps it.
      const local = localUser(this.userName);
      return this.userRole ? { ...local, role: parseRole(this.userRole) } : local;
    }
    return {
      id: this.userId,
      name: this.userName || this.userId,
      role: parseRole(this.userRole),
      ...(this.school ? { school: this.school } : {}),
      mobile: this.mobile,
    };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#connection++;
    void this.#closeStore();
    this.#watchSync(undefined);
    if (this.#ownsAdapter) void this.#adapterInstance?.close();
    this.#adapterInstance = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a move in the page: start again.
    if (this.hasUpdated) void this.#connect(true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const adapterChanged = changed.has('space') || changed.has('adapter') || changed.has('adapterOptions');
    const storeChanged = ['userId', 'userName', 'userRole', 'school', 'mobile', 'user', 'moderation'].some((key) => changed.has(key as keyof TwinSpace));
    if (adapterChanged || storeChanged) void this.#connect(adapterChanged);
    if (changed.has('phase')) {
      this.#phaseProvider.setValue(this.phase || undefined);
      this.#applyDefaultPhase();
    }
    if (changed.has('effectiveLang')) this.#localeProvider.setValue(this.effectiveLang);
  }

  async #connect(newAdapter: boolean) {
    const connection = ++this.#connection;
    await this.#closeStore();
    if (!this.isConnected) return; // Lit still updates a removed element; it opens nothing then.
    this.#invalid.clear();
    if (!this.space) {
      this._problem = { kind: 'no-space' };
      return;
    }
    try {
      if (newAdapter || !this.#adapterInstance) {
        const owned = typeof this.adapter === 'string';
        const next = typeof this.adapter === 'string' ? await resolveAdapter(this.adapter, this.space, this.#parsedAdapterOptions()) : this.adapter;
        // A newer connect (or a removal) happened while this adapter was being made: drop it.
        if (connection !== this.#connection || !this.isConnected) {
          if (owned) await next.close();
          return;
        }
        if (this.#ownsAdapter && this.#adapterInstance !== next) await this.#adapterInstance?.close();
        this.#ownsAdapter = owned;
        this.#adapterInstance = next;
        this.#watchSync(next);
      }
      if (connection !== this.#connection || !this.isConnected) return;
      const user = this.currentUser;
      const store = createStore({
        adapter: this.#adapterInstance,
        space: this.space,
        user,
        settings: { moderation: parseModeration(this.moderation) },
        defaultPhase: this.phase || undefined,
      });
      this.#stopListening = this.#listen(store);
      void this.#readCurrentPhase(store);
      this.store = store;
      this._problem = undefined;
      this.#userProvider.setValue(user);
      this.#storeProvider.setValue(store);
      this.emit('twin-space-ready', { store });
    } catch (error) {
      if (connection !== this.#connection) return;
      this.#reportStorageError(error);
    }
  }

  #parsedAdapterOptions(): Record<string, unknown> | undefined {
    const options = this.adapterOptions;
    if (typeof options === 'string') {
      throw new TwinValidationError(`adapter-options is not valid JSON: ${options.slice(0, 80)}`, [{ path: 'adapter-options', message: NOT_JSON }]);
    }
    return options;
  }

  /** Follows the adapter's sync, when it has one: status for the widgets, events for the page. */
  #watchSync(adapter: StorageAdapter | undefined) {
    this.#stopWatchingSync?.();
    this.#stopWatchingSync = undefined;
    const sync = (adapter as { sync?: SyncController } | undefined)?.sync;
    this.#syncControllerProvider.setValue(sync);
    this.#setSyncStatus(sync?.status());
    if (!sync) return;
    // Widgets draw <twin-sync-conflicts> in their shadow roots, where the script-tag build's
    // autoloader does not look: the space that syncs loads it (its own file there).
    import('../twin-sync-conflicts/twin-sync-conflicts.js').catch((error: unknown) => console.error('<twin-space>: the review of kept versions could not be loaded.', error));
    const stopStatus = sync.subscribe((status) => this.#setSyncStatus(status));
    const stopConflicts = sync.onConflict((conflict) => {
      if (conflict.space === this.space) this.emit('twin-sync-conflict', { conflict });
    });
    this.#stopWatchingSync = () => {
      stopStatus();
      stopConflicts();
    };
  }

  #setSyncStatus(status: SyncStatus | undefined) {
    const previous = this.syncStatus;
    this.syncStatus = status;
    this.#syncProvider.setValue(status);
    if (!status || (previous?.state === status.state && previous.pending === status.pending)) return;
    this.emit('twin-sync-status', { status });
    if (status.state === 'error' && previous?.state !== 'error') this.emit('twin-sync-error', { status });
  }

  async #closeStore() {
    this.#stopListening?.();
    this.#stopListening = undefined;
    const store = this.store;
    this.store = undefined;
    this.#storeProvider.setValue(undefined);
    await store?.close();
  }

  #listen(store: TwinStore): () => void {
    const onChange = (event: Event) => {
      const { changes } = (event as CustomEvent<{ changes: RecordChange[] }>).detail;
      // A fixed or deleted record is no longer damaged.
      let fixed = false;
      for (const change of changes) {
        fixed = this.#invalid.delete(`${change.collection}/${change.id}`) || fixed;
        if (change.collection === PROJECT_COLLECTION && change.id === PROJECT_RECORD_ID) {
          this.#currentPhase = (change.record as { currentPhase?: string } | undefined)?.currentPhase;
          this.#applyDefaultPhase();
        }
      }
      if (fixed) this.#showInvalidCount();
      this.emit('twin-record-change', { changes });
    };
    const onInvalid = (event: Event) => {
      const report = (event as CustomEvent<InvalidRecord>).detail;
      this.#invalid.set(`${report.collection}/${report.id}`, report);
      this.#showInvalidCount();
      this.emit('twin-record-invalid', report);
    };
    // Storage failing in any widget shows once, here, and reaches the page as an event.
    const onError = (event: Event) => this.#reportStorageError((event as CustomEvent<TwinError>).detail);
    store.addEventListener('change', onChange);
    store.addEventListener('invalid', onInvalid);
    store.addEventListener('error', onError);
    return () => {
      store.removeEventListener('change', onChange);
      store.removeEventListener('invalid', onInvalid);
      store.removeEventListener('error', onError);
    };
  }

  #showInvalidCount() {
    const count = this.#invalid.size;
    if (this._problem && this._problem.kind !== 'invalid' && this._problem.kind !== 'no-space') return; // the error matters more
    this._problem = count ? { kind: 'invalid', count } : undefined;
  }

  #reportStorageError(error: unknown) {
    const twinError = isTwinError(error) ? error : new TwinError('storage-unavailable', String(error));
    const badOptions = twinError instanceof TwinValidationError ? twinError.issues.filter((issue) => issue.path === 'adapter-options') : [];
    this._problem =
      twinError instanceof TwinUnknownAdapterError
        ? { kind: 'unknown-adapter', error: twinError }
        : badOptions.length
          ? { kind: 'adapter-options', notJson: badOptions.some((issue) => issue.message === NOT_JSON), details: badOptions.map((issue) => issue.message).join('; ') }
          : { kind: 'storage', error: twinError };
    console.error('<twin-space>:', twinError.message);
    this.emit('twin-storage-error', { error: twinError });
  }

  #statusText(problem: Problem | undefined): string | TemplateResult {
    switch (problem?.kind) {
      case undefined:
        return '';
      case 'no-space':
        return msg('No space id: add a space attribute.', { id: 'status.no-space' });
      case 'unknown-adapter':
        return msg(str`No storage adapter is called "${problem.error.adapterName}". Known adapters: ${problem.error.known.join(', ')}.`, {
          id: 'status.unknown-adapter',
        });
      case 'invalid':
        return plural(problem.count, 'status.invalid-records', { one: str`${0} damaged record is not shown.`, other: str`${0} damaged records are not shown.` });
      case 'storage':
        return msg(str`Cannot save or read: ${errorMessage(problem.error)}`, { id: 'status.storage-error' });
      case 'adapter-options':
        if (problem.notJson) return msg('The storage settings (adapter-options) are not valid JSON: check the quotes, commas and brackets.', { id: 'status.adapter-options-json' });
        // The details name the settings' own keys, for whoever wrote them: shown as the adapter words them, marked as English.
        return html`${msg('The storage settings (adapter-options) are wrong. For whoever set them up:', { id: 'status.adapter-options-wrong' })} <span lang="en">${problem.details}</span>`;
    }
  }

  protected override render() {
    const problem = this._problem;
    const syncText = syncStatusText(this.syncStatus);
    const syncError = this.syncStatus?.state === 'error';
    const errorLabel = html`<strong>${msg('Error:', { id: 'status.label-error' })}</strong> `;
    const noteLabel = html`<strong>${msg('Note:', { id: 'status.label-note' })}</strong> `;
    const isError = problem?.kind === 'storage' || problem?.kind === 'unknown-adapter' || problem?.kind === 'adapter-options';
    const problemText = problem ? this.#statusText(problem) : '';
    // The error that matters most first: storage, then sync; notes likewise.
    const error = isError ? html`${errorLabel}${problemText}` : syncError ? html`${errorLabel}${syncText}` : '';
    // Kept versions are decided in the widgets that show them; the status line only counts them.
    const kept = keptVersionsText(this.syncStatus?.conflicts);
    const note = kept
      ? html`${noteLabel}${kept}`
      : !isError && problem
        ? html`${noteLabel}${problemText}`
        : syncText && !syncError
          ? html`${noteLabel}${syncText}`
          : '';
    // Two live regions that are always there: notes are polite, errors are alerts. Each has a
    // visible label, so the kind is not told by colour alone.
    return html`<slot name="status"
        ><p part="status note" role="status">${note}</p
        ><p part="status error" role="alert" class="error">${error}</p></slot
      ><slot></slot>`;
  }

}
