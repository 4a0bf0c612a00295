import { ContextProvider } from '@lit/context';
import { msg, str } from '@lit/localize';
import { html, type PropertyValues } from 'lit';
import type { StorageAdapter } from '../../sdk/adapter.js';
import { resolveAdapter, TwinUnknownAdapterError } from '../../sdk/adapters/resolve-adapter.js';
import { isTwinError, TwinError } from '../../sdk/errors.js';
import type { TwinUser } from '../../sdk/policy/roles.js';
import { createStore, type TwinStore } from '../../sdk/store/create-store.js';
import type { InvalidRecord, RecordChange } from '../../sdk/store/store-types.js';
import { errorMessage } from '../../localization/error-message.js';
import { TwinElement } from '../base/twin-element.js';
import { localeContext, phaseContext, storeContext, userContext } from '../context/contexts.js';
import { localUser } from '../context/local-user.js';
import { parseModeration, parseRole, sanitizeUser } from './space-attributes.js';
import { twinSpaceStyles } from './twin-space.styles.js';

/** What the status line says; turned into words at render time, so a language switch applies. */
type Problem =
  | { kind: 'no-space' }
  | { kind: 'unknown-adapter'; error: TwinUnknownAdapterError }
  | { kind: 'invalid'; count: number }
  | { kind: 'storage'; error: TwinError };

/** The `adapter` attribute is a name; the property also takes an adapter instance. */
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
  };

  /** The space id: every record belongs to one space. Required. */
  declare space: string;
  /** A registered adapter name (`indexeddb`, the default; `memory`; or an integrator's), or an adapter instance. */
  declare adapter: string | StorageAdapter;
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
  #adapterInstance: StorageAdapter | undefined;
  #ownsAdapter = false;
  #connection = 0;
  #invalid = new Map<string, InvalidRecord>();
  #stopListening: (() => void) | undefined;

  constructor() {
    super();
    this.space = '';
    this.adapter = 'indexeddb';
    this.mobile = false;
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
    if (this.#ownsAdapter) void this.#adapterInstance?.close();
    this.#adapterInstance = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a move in the page: start again.
    if (this.hasUpdated) void this.#connect(true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const adapterChanged = changed.has('space') || changed.has('adapter');
    const storeChanged = ['userId', 'userName', 'userRole', 'school', 'mobile', 'user', 'moderation', 'phase'].some((key) =>
      changed.has(key as keyof TwinSpace),
    );
    if (adapterChanged || storeChanged) void this.#connect(adapterChanged);
    if (changed.has('phase')) this.#phaseProvider.setValue(this.phase || undefined);
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
        const next = typeof this.adapter === 'string' ? await resolveAdapter(this.adapter, this.space) : this.adapter;
        // A newer connect (or a removal) happened while this adapter was being made: drop it.
        if (connection !== this.#connection || !this.isConnected) {
          if (owned) await next.close();
          return;
        }
        if (this.#ownsAdapter && this.#adapterInstance !== next) await this.#adapterInstance?.close();
        this.#ownsAdapter = owned;
        this.#adapterInstance = next;
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
      for (const change of changes) fixed = this.#invalid.delete(`${change.collection}/${change.id}`) || fixed;
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
    if (this._problem?.kind === 'storage' || this._problem?.kind === 'unknown-adapter') return; // the error matters more
    this._problem = count ? { kind: 'invalid', count } : undefined;
  }

  #reportStorageError(error: unknown) {
    const twinError = isTwinError(error) ? error : new TwinError('storage-unavailable', String(error));
    this._problem = twinError instanceof TwinUnknownAdapterError ? { kind: 'unknown-adapter', error: twinError } : { kind: 'storage', error: twinError };
    console.error('<twin-space>:', twinError.message);
    this.emit('twin-storage-error', { error: twinError });
  }

  #statusText(problem: Problem | undefined): string {
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
        return problem.count === 1
          ? msg('1 damaged record is not shown.', { id: 'status.invalid-record' })
          : msg(str`${problem.count} damaged records are not shown.`, { id: 'status.invalid-records' });
      case 'storage':
        return msg(str`Cannot save or read: ${errorMessage(problem.error)}`, { id: 'status.storage-error' });
    }
  }

  protected override render() {
    const problem = this._problem;
    const isError = problem?.kind === 'storage' || problem?.kind === 'unknown-adapter';
    const label = isError ? msg('Error:', { id: 'status.label-error' }) : msg('Note:', { id: 'status.label-note' });
    const text = problem ? html`<strong>${label}</strong> ${this.#statusText(problem)}` : '';
    // Two live regions that are always there: notes are polite, errors are alerts. Each has a
    // visible label, so the kind is not told by colour alone.
    return html`<slot name="status"
        ><p part="status note" role="status">${isError ? '' : text}</p
        ><p part="status error" role="alert" class="error">${isError ? text : ''}</p></slot
      ><slot></slot>`;
  }

}
