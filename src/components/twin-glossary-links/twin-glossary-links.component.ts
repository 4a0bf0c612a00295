import { css, html } from 'lit';
import type { GlossaryEntry } from '../../sdk/schemas/glossary.js';
import { TwinElement } from '../base/twin-element.js';
import { StoreController } from '../controllers/store-controller.js';
import { linkGlossaryTerms, type GlossaryLinks } from './link-glossary-terms.js';

/**
 * Marks the glossary's terms in any content put inside it, e.g. a school blog post: the first
 * occurrence of each published term in the reader's language becomes a `<twin-glossary-term>`
 * with its definition. The content stays the page's: only text nodes are split and wrapped, and
 * they are put back before each relink (when the glossary or a `lang` changes).
 *
 * Each child element is linked on its own, in its own language (`lang` on it or above), unless
 * `lang` on this element (the reader's language) overrides it. Text that is a direct child of this
 * element is not linked. Entries come from the surrounding `<twin-space>`, or, alone, from the
 * in-browser glossary of its own `space`.
 *
 * @summary Links glossary terms in the page's own text.
 * @slot - The content to link (an article, a blog post).
 */
export class TwinGlossaryLinks extends TwinElement {
  static override styles = css`:host{display:block}`;

  static override properties = {
    space: {},
  };

  /** The space whose glossary is used when there is no `<twin-space>` around. */
  declare space: string | undefined;

  readonly #glossary = new StoreController<GlossaryEntry>(this, { collection: 'glossary' });
  #links: GlossaryLinks[] = [];
  #linked: readonly GlossaryEntry[] | undefined;
  #frame = 0;

  /** @internal Any `lang` on the page changed: the reader's language may have too. */
  override refreshLanguage(): void {
    super.refreshLanguage();
    this.#schedule();
  }

  protected override updated(): void {
    if (this.#glossary.status == 'ready' && this.#linked !== this.#glossary.records) this.#schedule();
  }

  /** One relink per frame, however many changes arrive in it (an import adds hundreds). */
  #schedule = () => {
    this.#frame ||= requestAnimationFrame(() => {
      this.#frame = 0;
      if (this.#glossary.status != 'ready') return;
      const entries = (this.#linked = this.#glossary.records);
      for (const links of this.#links) links.undo();
      const lang = this.lang || undefined;
      this.#links = [...this.children].map((child) => linkGlossaryTerms(child, { entries, lang }));
    });
  };

  protected override render() {
    return html`<slot @slotchange=${this.#schedule}></slot>`;
  }
}
