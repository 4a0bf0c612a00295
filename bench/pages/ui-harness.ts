// What the UI benchmark pages (glossary, tracker, journal) share: waiting for frames and paints,
// garbage collection between runs, a shadow root or a clear failure, DOM size, the store's prototype.
import type { TwinUser } from '../../src/sdk/policy/roles.js';
import { createMemoryAdapter } from '../../src/sdk/adapters/memory/index.js';
import { createStore, type TwinStore } from '../../src/sdk/store/create-store.js';

/** Forces a garbage collection (Chromium runs with --js-flags=--expose-gc). */
export const gc = () => (globalThis as { gc?: () => void }).gc?.();
export const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves (with its time) after the next frame has been painted: a task queued from rAF runs after paint. */
export function afterNextPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    }),
  );
}

export function fail(message: string): never {
  throw new Error(message);
}

export const shadow = (el: Element) => el.shadowRoot ?? fail('no shadow root');

/** Elements (into nested shadow roots) and all nodes under `root`. */
export function domSize(root: Node): { elements: number; nodes: number } {
  let elements = 0;
  let nodes = 0;
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      nodes++;
      if (child.nodeType === Node.ELEMENT_NODE) {
        elements++;
        const inner = (child as Element).shadowRoot;
        if (inner) walk(inner);
      }
      walk(child);
    }
  };
  walk(root);
  return { elements, nodes };
}

/** The Store class's prototype (not exported): taken from a throw-away store on the memory adapter. */
export function storePrototype(user: TwinUser): TwinStore {
  const probe = createStore({ adapter: createMemoryAdapter(), space: 'probe', user });
  void probe.close();
  return Object.getPrototypeOf(probe) as TwinStore;
}
