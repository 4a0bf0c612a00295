import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import type { StorageAdapter } from '../../adapter.js';
import { runAdapterConformance } from '../../conformance/index.js';
import type { AnotherTab } from '../../../test-support/another-tab.js';
import { createIndexedDBAdapter } from './index.js';

// The conformance suite with its second tab in a real second page (a same-origin popup): its own
// IndexedDB connection and BroadcastChannel, not a second instance in this page.
type Popup = Window & { anotherTab?: AnotherTab };
let popup: Popup | undefined;

async function anotherTab(): Promise<AnotherTab> {
  popup ??= (window.open('/src/test-support/another-tab.html', 'twinkit-another-tab') as Popup | null) ?? undefined;
  if (!popup) throw new Error('window.open gave no page: is a popup blocker on?');
  const deadline = performance.now() + 10_000;
  while (!popup.anotherTab) {
    if (performance.now() > deadline) throw new Error('the second page did not load src/test-support/another-tab.ts');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return popup.anotherTab;
}

/**
 * The adapter of the other page, called from this one. Arguments are cloned into that page, as a
 * message between tabs would be: a plain-JSON check there must see its own realm's objects.
 */
function fromOtherPage(page: Window, adapter: StorageAdapter): StorageAdapter {
  const clone = <T>(value: T): T => (value === undefined ? value : page.structuredClone(value));
  return {
    name: adapter.name,
    capabilities: clone(adapter.capabilities),
    get: (space, collection, id) => adapter.get(space, collection, id),
    list: (space, collection, query) => adapter.list(space, collection, clone(query)),
    write: (space, operations, options) => adapter.write(space, clone(operations), clone(options)),
    subscribe: (space, listener) => adapter.subscribe(space, listener),
    putAttachment: (space, blob, options) => adapter.putAttachment(space, clone(blob), clone(options)),
    getAttachment: (space, id) => adapter.getAttachment(space, id),
    deleteAttachment: (space, id) => adapter.deleteAttachment(space, id),
    close: () => adapter.close(),
  };
}

after(() => popup?.close());

let databases = 0;
runAdapterConformance({
  name: 'indexeddb, second tab in another page (Chromium)',
  describe,
  it,
  createSite() {
    const databaseName = `twinkit-two-pages-${Date.now()}-${databases++}`;
    return {
      open: () => createIndexedDBAdapter({ databaseName }),
      openOther: async () => {
        const tab = await anotherTab();
        return fromOtherPage(popup!, tab.openIndexedDBAdapter(databaseName));
      },
      destroy: () => deleteDB(databaseName),
    };
  },
});

describe('indexeddb: the second page of the conformance run', () => {
  it('is another document, with adapters made in its own realm', async () => {
    const tab = await anotherTab();
    const adapter = tab.openIndexedDBAdapter(`twinkit-two-pages-realm-${Date.now()}`);
    try {
      expect(popup!.document === document).to.equal(false);
      expect(Object.getPrototypeOf(adapter) === (popup as unknown as typeof globalThis).Object.prototype, 'made by the other page').to.equal(true);
      expect(Object.getPrototypeOf(adapter) === Object.prototype, 'not by this one').to.equal(false);
    } finally {
      await adapter.close();
    }
  });
});
