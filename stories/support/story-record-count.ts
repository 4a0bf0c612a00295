// A demo-only widget for the stories: the smallest consumer of a <twin-space>. It is not part of
// Twinkit; it shows what a real widget does with the context the provider hands down.
// In an app, import these names from 'twinkit' instead of '../../src/index.js'.
import { ContextConsumer } from '@lit/context';
import { updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { errorMessage, localeContext, matchLocale, StoreController, tokens, type GlossaryEntry } from '../../src/index.js';
// Role names in the UI language (Twinkit's own translations; internal, not exported by the package).
import { roleLabel } from '../../src/localization/role-label.js';

const STRINGS = {
  en: {
    title: 'Glossary (demo consumer)',
    waiting: 'Waiting for the space…',
    count: (n: number) => (n === 1 ? '1 glossary entry' : `${n} glossary entries`),
    user: (name: string, role: string, space: string) => `${name} · ${role} · space “${space}”`,
    term: 'New term',
    add: 'Add entry',
    readOnly: 'Read only: you cannot add entries.',
  },
  es: {
    title: 'Glosario (consumidor de ejemplo)',
    waiting: 'Esperando al espacio…',
    count: (n: number) => (n === 1 ? '1 entrada del glosario' : `${n} entradas del glosario`),
    user: (name: string, role: string, space: string) => `${name} · ${role} · espacio «${space}»`,
    term: 'Nuevo término',
    add: 'Añadir entrada',
    readOnly: 'Solo lectura: no puedes añadir entradas.',
  },
};

export class StoryRecordCount extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        padding: var(--_gap);
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      h2 {
        margin: 0 0 0.25rem;
        font-size: 1.1rem;
      }
      p {
        margin: 0 0 0.5rem;
      }
      li {
        overflow-wrap: anywhere; /* long compound words must not widen a 320 px screen */
      }
      .muted {
        color: var(--_text-muted);
      }
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5rem;
      }
      label {
        display: grid;
        flex: 1 1 12rem;
      }
      input,
      button {
        font: inherit;
        padding: 0.4rem 0.6rem;
        border-radius: var(--_radius);
      }
      input {
        border: 1px solid var(--_border);
        background: var(--_surface);
        color: var(--_text);
      }
      button {
        border: 1px solid var(--_accent);
        background: var(--_accent);
        color: var(--_accent-contrast);
        cursor: pointer;
      }
      .error {
        color: var(--_danger);
      }
    `,
  ];

  static override properties = {
    _error: { state: true },
  };

  declare _error: string;

  /** The glossary records of the surrounding space, kept current. */
  readonly glossary = new StoreController<GlossaryEntry>(this, { collection: 'glossary' });
  /** The UI language the space asks for. */
  readonly #locale = new ContextConsumer(this, { context: localeContext, subscribe: true });

  constructor() {
    super();
    this._error = '';
    updateWhenLocaleChanges(this); // re-render when <twin-space> switches Twinkit's UI language
  }

  get #lang(): 'en' | 'es' {
    return matchLocale(this.#locale.value) as 'en' | 'es';
  }

  async #add(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const term = new FormData(form).get('term')?.toString().trim() || `Term ${this.glossary.records.length + 1}`;
    try {
      await this.glossary.store?.create('glossary', { translations: { [this.#lang]: { term } } });
      this._error = '';
      form.reset();
    } catch (error) {
      this._error = errorMessage(error);
    }
  }

  override render() {
    const t = STRINGS[this.#lang];
    const { store, records, status } = this.glossary;
    if (!store) return html`<h2>${t.title}</h2><p class="muted">${t.waiting}</p>`;
    return html`
      <h2>${t.title}</h2>
      <p class="muted">${t.user(store.user.name, roleLabel(store.user.role), store.space)}</p>
      <p role="status">${status === 'error' ? errorMessage(this.glossary.error) : t.count(records.length)}</p>
      ${records.length
        ? html`<ul>
            ${repeat(
              records,
              (record) => record.id,
              (record) => html`<li lang=${termLanguage(record, this.#lang)}>${termOf(record, this.#lang)}</li>`,
            )}
          </ul>`
        : ''}
      ${store.can('create')
        ? html`<form @submit=${this.#add}>
            <label>${t.term}<input name="term" autocomplete="off" /></label>
            <button>${t.add}</button>
          </form>`
        : html`<p class="muted">${t.readOnly}</p>`}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : ''}
    `;
  }
}

/** The entry's language closest to the UI: the UI language, else the first one written. */
function termLanguage(record: GlossaryEntry, lang: string): string {
  return record.translations[lang] ? lang : Object.keys(record.translations)[0];
}

function termOf(record: GlossaryEntry, lang: string): string {
  return record.translations[termLanguage(record, lang)].term;
}

/** Called by the stories, not on import: package.json's `sideEffects` would let the bundler drop a bare import. */
export function defineStoryRecordCount(): void {
  if (!customElements.get('story-record-count')) customElements.define('story-record-count', StoryRecordCount);
}

declare global {
  interface HTMLElementTagNameMap {
    'story-record-count': StoryRecordCount;
  }
}
