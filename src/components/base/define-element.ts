/**
 * Registers a tag unless it already is: a page may load Twinkit twice (a CMS plugin and a theme),
 * and a second `customElements.define` of one tag would throw and break the page.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
