import { lazyWidgets } from './lazy-widgets.js';

/** The file beside twinkit.js that holds a lazy widget: `twin-glossary` -> `twinkit-glossary.js`. */
export function widgetFile(tag: string): string {
  return `twinkit-${tag.replace(/^twin-/, '')}.js`;
}

/**
 * Loads each lazy widget's file the first time its tag is in the document: the elements already
 * there when this runs (parsed or created before the script), then, through a MutationObserver on
 * the document (subtree, childList), every element inserted later. Each file is imported at most
 * once; a tag already defined (e.g. by the npm package) is left alone. Elements inside other
 * elements' shadow roots are not seen: a widget that renders another one imports it itself.
 *
 * Returns a function that stops watching. The observer stops by itself once every file is loading.
 */
export function startAutoload(
  root: Document = document,
  widgets: Readonly<Record<string, () => Promise<unknown>>> = lazyWidgets,
): () => void {
  const waiting = new Set(Object.keys(widgets));
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  });

  function load(tag: string) {
    waiting.delete(tag);
    if (!waiting.size) observer.disconnect();
    if (customElements.get(tag)) return;
    widgets[tag]!().catch((error: unknown) => {
      const file = widgetFile(tag);
      // Where the browser looked: beside twinkit.js, without its query string (`twinkit.js?ver=2`).
      const url = new URL(file, import.meta.url);
      url.search = '';
      url.hash = '';
      console.error(
        `Twinkit: <${tag}> cannot work: ${file} could not be loaded from ${url.href}. ` +
          `Copy ${file} from the same build into the folder of twinkit.js: it must sit beside twinkit.js.`,
        error,
      );
    });
  }

  function scan(node: Element | Document) {
    if (node instanceof Element && waiting.has(node.localName)) load(node.localName);
    if (!waiting.size || !node.firstElementChild) return;
    for (const found of node.querySelectorAll([...waiting].join(','))) if (waiting.has(found.localName)) load(found.localName);
  }

  if (waiting.size) {
    observer.observe(root, { childList: true, subtree: true });
    scan(root);
  }
  return () => observer.disconnect();
}
