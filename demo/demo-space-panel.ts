import { ContextConsumer } from '@lit/context';
import { css, html, nothing } from 'lit';
import { TwinElement } from '../src/components/base/twin-element.js';
import { storeContext } from '../src/components/context/contexts.js';
import { LiveAnnouncer } from '../src/components/controllers/live-announcer.js';
import { roleLabel } from '../src/localization/role-label.js';
import { errorMessage } from '../src/localization/error-message.js';
import { initialStatus } from '../src/sdk/policy/can.js';
import type { TwinStore } from '../src/sdk/store/create-store.js';
import type { RecordChange, TwinRecord } from '../src/sdk/store/store-types.js';
import { tokens } from '../src/theme/tokens.styles.js';
import { demoServer } from './demo-couch.js';
import { demoText, type DemoKey } from './demo-strings.js';
import { seedSampleContent } from './sample-content.js';

const COLLECTIONS = ['glossary', 'board', 'journal', 'phase'] as const;

interface Activity {
  key: string;
  text: string;
  local: boolean;
  pending: boolean;
}

/**
 * Demo only: shows what <twin-space> hands to its widgets (the signed-in user, what the policy
 * allows, live changes) next to the widgets themselves.
 */
export class DemoSpacePanel extends TwinElement {
  static override properties = {
    _counts: { state: true },
    _activity: { state: true },
    _seedMessage: { state: true },
  };
  declare _counts: Record<string, number>;
  declare _activity: Activity[];
  declare _seedMessage: { text: string; error: boolean } | undefined;

  static override styles = [
    tokens,
    css`
      :host {
        display: grid;
        gap: var(--_gap);
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 17rem), 1fr));
      }
      .card {
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 1rem;
      }
      h3 {
        margin: 0 0 0.5rem;
        font-size: 1.05rem;
      }
      ul {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        padding: 0.2rem 0;
      }
      .yes::before {
        content: '✓ ';
        color: var(--_success);
        font-weight: bold;
      }
      .no {
        color: var(--_text-muted);
      }
      .no::before {
        content: '✗ ';
      }
      .count {
        font-weight: 700;
        font-size: 1.3rem;
        margin-inline-end: 0.35rem;
      }
      form {
        display: grid;
        gap: 0.5rem;
      }
      label {
        display: grid;
        gap: 0.2rem;
        font-weight: 600;
      }
      input {
        font: inherit;
        padding: 0.45rem 0.5rem;
        border: 1px solid var(--_border);
        border-radius: calc(var(--_radius) / 2);
        background: var(--_surface);
        color: var(--_text);
      }
      button {
        font: inherit;
        font-weight: 600;
        padding: 0.5rem 0.9rem;
        border-radius: calc(var(--_radius) / 2);
        border: 2px solid var(--_accent);
        background: var(--_accent);
        color: var(--_accent-contrast);
        cursor: pointer;
        justify-self: start;
      }
      button.secondary {
        background: transparent;
        color: var(--_accent);
      }
      .message {
        margin: 0;
      }
      .message.error {
        color: var(--_danger);
      }
      .muted {
        color: var(--_text-muted);
      }
      .who {
        font-size: 1.1rem;
        font-weight: 700;
      }
      .pending {
        font-style: italic;
        color: var(--_warning);
      }
    `,
  ];

  readonly #announcer = new LiveAnnouncer(this);
  /** On a shared server (`npm run start:couch`, `start:remote`) the sample content is there already, written once by its authors. */
  readonly #onServer = Boolean(demoServer());
  #store: TwinStore | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor() {
    super();
    this._counts = {};
    this._activity = [];
    new ContextConsumer(this, {
      context: storeContext,
      subscribe: true,
      callback: (store) => this.#use(store),
    });
  }

  #t(key: DemoKey) {
    return demoText(key, this.effectiveLang);
  }

  #use(store: TwinStore | undefined) {
    this.#unsubscribe?.();
    // Another user is another view of the space: what the previous one saw (a note to a pupil) goes.
    if (store?.user.id !== this.#store?.user.id) this._activity = [];
    this.#store = store;
    this._seedMessage = undefined;
    if (!store) return;
    this.#unsubscribe = store.subscribe((changes) => this.#onChanges(changes));
    void this.#count();
  }

  async #count() {
    const store = this.#store;
    if (!store) return;
    const entries = await Promise.all(COLLECTIONS.map(async (c) => [c, (await store.list(c)).records.length] as const));
    if (store === this.#store) this._counts = Object.fromEntries(entries);
  }

  #onChanges(changes: RecordChange[]) {
    const fresh = changes.map((change) => ({
      key: `${change.id}-${change.record?.rev ?? 'deleted'}`,
      text: describe(change.record, change.collection),
      local: change.local,
      pending: change.record?.status === 'pending',
    }));
    this._activity = [...fresh.reverse(), ...this._activity].slice(0, 6);
    void this.#count();
  }

  async #seed() {
    if (!this.#store) return;
    try {
      await seedSampleContent(this.#store);
      this._seedMessage = { text: this.#t('seeded'), error: false };
    } catch (error) {
      this._seedMessage = { text: errorMessage(error), error: true };
    }
    this.#announcer.announce(this._seedMessage.text);
  }

  protected override render() {
    const store = this.#store;
    if (!store) return nothing;
    const user = store.user;
    const pendingForMe = initialStatus(user, store.settings) === 'pending';
    const abilities: [DemoKey, boolean][] = [
      [pendingForMe ? 'canCreatePending' : 'canCreate', store.can('create')],
      ['canApprove', store.can('approve', sample('someone-else', 'pending'))],
      ['canHide', store.can('hide', sample('someone-else', 'published'))],
      ['canExport', store.can('export')],
      ['canSettings', store.can('manage-settings')],
    ];
    return html`
      <section class="card" aria-labelledby="who">
        <h3 id="who">${this.#t('signedInAs')}</h3>
        <p class="who">${user.name}</p>
        <p class="muted">
          ${roleLabel(user.role)}${user.school ? html` · ${user.school}` : nothing}${user.role === 'pupil' || user.role === 'teacher'
            ? html` · ${this.#t(user.mobile ? 'travels' : 'staysHome')}`
            : nothing}
        </p>
        <h3>${this.#t('canTitle')}</h3>
        <ul>
          ${abilities.map(
            ([key, ok]) =>
              html`<li class=${ok ? 'yes' : 'no'}>
                ${this.#t(key)}<span class="visually-hidden">: ${this.#t(ok ? 'allowed' : 'refused')}</span>
              </li>`,
          )}
        </ul>
      </section>

      <section class="card" aria-labelledby="counts">
        <h3 id="counts">${this.#t('inSpace')}</h3>
        <ul>
          ${COLLECTIONS.map((c) => html`<li><span class="count">${this._counts[c] ?? 0}</span>${this.#t(c)}</li>`)}
        </ul>
        <p class="muted">${this.#t('widgetsHere')}</p>
        ${store.can('manage-settings') && !this.#onServer
          ? html`<button class="secondary" type="button" @click=${this.#seed}>${this.#t('seed')}</button>
              ${this._seedMessage
                ? html`<p class="message ${this._seedMessage.error ? 'error' : ''}">${this._seedMessage.text}</p>`
                : nothing}`
          : nothing}
      </section>

      <section class="card" aria-labelledby="activity">
        <h3 id="activity">${this.#t('activity')}</h3>
        ${this._activity.length
          ? html`<ul>
              ${this._activity.map(
                (a) =>
                  html`<li>
                    ${a.text} <span class="muted">(${this.#t(a.local ? 'fromHere' : 'fromElsewhere')})</span>
                    ${a.pending ? html`<span class="pending">${this.#t('pending')}</span>` : nothing}
                  </li>`,
              )}
            </ul>`
          : html`<p class="muted">${this.#t(this.#onServer ? 'noActivityCouch' : 'noActivity')}</p>`}
      </section>
      ${this.#announcer.render()}
    `;
  }
}

function sample(authorId: string, status: 'published' | 'pending') {
  return { author: { id: authorId }, status } as unknown as TwinRecord;
}

function describe(record: TwinRecord | undefined, collection: string): string {
  if (!record) return `− ${collection}`;
  const translations = record.translations as Record<string, { term: string }> | undefined;
  const title = translations
    ? Object.values(translations).map((t) => t.term).join(' / ')
    : String(
        record.name ??
          record.title ??
          (typeof record.body === 'string'
            ? `“${record.body.slice(0, 60)}”`
            : record.kind === 'helpful' || collection === 'board-reaction'
              ? `+1 ${String(record.kind)}`
              : collection === 'goal-rating'
                ? `self-rating ${String(record.value)}/5 (${String(record.moment)})`
                : record.id),
      );
  return `${record.author.name}: ${title}`;
}
