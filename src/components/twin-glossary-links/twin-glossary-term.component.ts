import { html, type PropertyValues } from 'lit';
import type { GlossaryEntry } from '../../sdk/schemas/glossary.js';
import { TwinElement } from '../base/twin-element.js';
import { baseLang } from './link-glossary-terms.js';
import { twinGlossaryTermStyles } from './twin-glossary-term.styles.js';

/** A language's name, capitalised, in the reader's language (`Inglés` for `en` in `es`); the code if the browser has none. */
function languageName(tag: string, reader: string): string {
  try {
    const name = new Intl.DisplayNames([reader], { type: 'language' }).of(tag) ?? tag;
    return name[0].toLocaleUpperCase(reader) + name.slice(1);
  } catch {
    return tag;
  }
}

/**
 * A glossary term in running text. It keeps its text (the slot) and shows the definition in a
 * tooltip on hover and on keyboard focus; screen readers get the definition as the term's
 * description. Usually created by `linkGlossaryTerms` or `<twin-glossary-links>`.
 *
 * The tooltip follows WCAG 1.4.13: it stays while the pointer is over it, until focus or the pointer
 * leaves, and Escape hides it without moving focus. Clicking the term (or Enter, Space) shows it again.
 *
 * @summary A term with its definition on hover and focus.
 * @slot - The term as written in the page.
 * @csspart term - The underlined, focusable term.
 * @csspart tooltip - The definition popup.
 * @cssproperty --twin-color-surface-raised - Tooltip background.
 * @cssproperty --twin-color-focus - Keyboard focus ring.
 */
export class TwinGlossaryTerm extends TwinElement {
  static override styles = twinGlossaryTermStyles;

  static override properties = {
    entry: { attribute: false },
    _open: { state: true },
  };

  /**
   * The glossary entry (a property, not an attribute). Which translation it shows follows `lang`
   * on the element (or inherited): `es-MX` finds `es`.
   */
  declare entry: GlossaryEntry | undefined;
  declare _open: boolean;
  /** Why the tooltip is wanted: 1, the pointer is over the element; 2, the term has focus. */
  #want = 0;
  #timer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    this._open = false;
    this.addEventListener('pointerenter', () => this.#wanted(1, true));
    this.addEventListener('pointerleave', () => this.#wanted(1, false));
  }

  /**
   * @internal A term's `lang` is the language of its text, not a choice of UI language: unlike
   * other Twinkit elements it neither switches the page's UI language (one per page) nor sets `dir`.
   */
  override refreshLanguage(): void {
    this.effectiveLang = this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#want = 0;
    this._open = false;
    document.removeEventListener('keydown', this.#onKey);
  }

  #wanted(reason: number, on: boolean) {
    clearTimeout(this.#timer);
    this.#want = on ? this.#want | reason : this.#want & ~reason;
    if (on) this._open = true;
    // Only ever hides, so that a tooltip dismissed with Escape stays dismissed. Leaving waits a
    // moment, so that the pointer can cross the gap onto the tooltip (hoverable).
    else this.#timer = setTimeout(() => this.#want || (this._open = false), reason == 1 ? 300 : 0);
  }

  /** Escape anywhere hides an open tooltip; focus stays where it is. */
  readonly #onKey = (event: KeyboardEvent) => {
    if (event.key == 'Escape') {
      this._open = false;
      event.preventDefault();
    }
  };

  /** Activation (click, tap, Enter, Space) shows the tooltip again after Escape. */
  #activate(event: Event) {
    if (event.type == 'click' || (event as KeyboardEvent).key == 'Enter' || (event as KeyboardEvent).key == ' ') {
      event.preventDefault(); // Space would scroll the page
      this._open = true;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const tip = this.renderRoot.querySelector<HTMLElement>('[role=tooltip]');
    if (!changed.has('_open') || !tip) return;
    if (!this._open) {
      document.removeEventListener('keydown', this.#onKey);
      tip.hidePopover?.();
      return;
    }
    // Escape is listened for on the whole page, only while a tooltip is open.
    document.addEventListener('keydown', this.#onKey);
    tip.showPopover?.();
    // Below the term, or above it when there is no room below; kept inside the viewport's width.
    const term = tip.previousElementSibling!.getBoundingClientRect();
    const box = tip.getBoundingClientRect();
    const below = term.bottom + box.height + 4 <= innerHeight || term.top < box.height + 4;
    tip.style.top = `${scrollY + (below ? term.bottom + 4 : term.top - box.height - 4)}px`;
    tip.style.left = `${scrollX + Math.max(4, Math.min(term.left, document.documentElement.clientWidth - box.width - 4))}px`;
  }

  protected override render() {
    const translations = this.entry?.translations;
    if (!translations) return html`<slot></slot>`;
    const keys = Object.keys(translations);
    const wanted = this.effectiveLang.toLowerCase();
    const key = keys.find((k) => k.toLowerCase() == wanted) ?? keys.find((k) => baseLang(k) == baseLang(wanted)) ?? keys[0];
    // The definition in the term's language, else in a variant of it, else in any language, labelled.
    const definitionKey = [key, ...keys.filter((k) => baseLang(k) == baseLang(key)), ...keys].find((k) => translations[k].definition?.trim());
    const other = definitionKey && baseLang(definitionKey) != baseLang(key);
    // Labelled with the language's name only, in the term's language: no UI string, so the label
    // matches the reader's language whatever the page's UI language is.
    const label = other ? html`<i lang=${key}>${languageName(definitionKey, key)}:</i> ` : '';
    const definition = definitionKey && html`<span lang=${definitionKey}>${translations[definitionKey].definition}</span>`;
    // The description (aria-describedby) is the definition only: the term is already the name.
    return html`<span part="term" role="button" tabindex="0" aria-describedby="definition" @focus=${() => this.#wanted(2, true)} @blur=${() =>
      this.#wanted(2, false)} @click=${this.#activate} @keydown=${this.#activate}><slot></slot></span><span part="tooltip" role="tooltip" popover="manual" class=${
      this._open ? 'open' : ''
    }><b lang=${key}>${translations[key].term}</b> <span id="definition">${label}${definition}</span></span>`;
  }
}
