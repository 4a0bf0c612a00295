import { updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, type PropertyDeclarations } from 'lit';
import { directionOf, setUiLocale } from '../../localization/localization.js';
import { defineElement } from './define-element.js';
import type { TwinEventMap } from './events.js';

/** The nearest `lang` up the tree, crossing shadow roots, then the document's. */
function inheritedLang(element: Element): string {
  for (let node: Node | null = element; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') ?? '';
  }
  return document.documentElement.lang || navigator.language || 'en';
}

const langObservers = new Set<TwinElement>();
let documentObserver: MutationObserver | undefined;

/** Any `lang` change on the page: re-check the elements' effective language. */
function watchLanguageChanges(element: TwinElement, on: boolean) {
  if (on) langObservers.add(element);
  else langObservers.delete(element);
  if (langObservers.size && !documentObserver) {
    documentObserver = new MutationObserver(() => langObservers.forEach((el) => el.refreshLanguage()));
    documentObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  } else if (!langObservers.size && documentObserver) {
    documentObserver.disconnect();
    documentObserver = undefined;
  }
}

/**
 * Base of every Twinkit element: typed events, safe registration, and the UI language taken
 * from `lang` on the element, an ancestor or the document.
 */
export class TwinElement extends LitElement {
  static define(tag: string): void {
    defineElement(tag, this);
  }

  static override properties: PropertyDeclarations = {
    effectiveLang: { state: true },
  };

  /** The language the element speaks, from `lang` on it, an ancestor or the document. */
  declare effectiveLang: string;
  /** True when `dir` on the host was set by us, not by the page. */
  #autoDir = false;

  constructor() {
    super();
    this.effectiveLang = 'en';
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    watchLanguageChanges(this, true);
    this.refreshLanguage();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    watchLanguageChanges(this, false);
  }

  /** @internal Re-reads `lang` and `dir`; called when any `lang` on the page changes. */
  refreshLanguage(): void {
    const lang = inheritedLang(this);
    this.effectiveLang = lang;
    // Right-to-left languages mirror the layout unless the page set a direction itself.
    const pageDir = (this.#autoDir ? this.parentElement : this)?.closest('[dir]');
    if (!pageDir) {
      this.#autoDir = true;
      const dir = directionOf(lang);
      if (this.getAttribute('dir') !== dir) this.setAttribute('dir', dir);
    }
    void setUiLocale(lang);
  }

  /** Dispatches a typed, bubbling, composed event. Returns false when a listener cancelled it. */
  emit<K extends keyof TwinEventMap>(name: K, detail: TwinEventMap[K], options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
  }
}
