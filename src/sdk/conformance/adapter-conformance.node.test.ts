import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Change, StorageAdapter } from '../adapter.js';
import { createMemoryAdapter, MemoryBacking } from '../adapters/memory/memory-adapter.js';
import { ConformanceFailure, runAdapterConformance, type ConformanceSite } from './index.js';

// The suite checking itself: each broken adapter here must make the named test fail (or skip),
// so a check that can no longer fail is caught.
type Body = (this: unknown, ...args: unknown[]) => Promise<void>;

/** The suite's tests by name, collected without running them. */
function suiteFor(createSite: () => ConformanceSite): Map<string, Body> {
  const tests = new Map<string, Body>();
  runAdapterConformance({ name: 'probe', describe: (_name, body) => body(), it: (name, body) => tests.set(name, body), createSite, changeTimeout: 300 });
  return tests;
}

const SHARES = 'shares changes with another instance on the same data (another tab)';
const TELLS = 'tells subscribers of every change, with the origin of the write';

/** Overrides some members of a real memory adapter. */
const altered = (adapter: StorageAdapter, changes: Partial<StorageAdapter>): StorageAdapter => Object.assign(Object.create(adapter), changes);

/** A node:test-like context that records what was skipped. */
const nodeContext = () => {
  const skipped: (string | undefined)[] = [];
  return { skipped, context: { skip: (reason?: string) => void skipped.push(reason) } };
};

describe('the conformance suite fails (or skips, saying why) where it should', () => {
  it('passes the real memory adapter across two instances', async () => {
    const backing = new MemoryBacking();
    const tests = suiteFor(() => ({ open: () => createMemoryAdapter({ backing }) }));
    const { skipped, context } = nodeContext();
    await tests.get(SHARES)!.call(context, context);
    await tests.get(TELLS)!.call(context, context);
    assert.deepEqual(skipped, []);
  });

  it('reports an adapter without sharedChanges as skipped, with the reason, through node:test and mocha', async () => {
    const unshared = () => ({ open: () => altered(createMemoryAdapter(), { capabilities: { sharedChanges: false, persistent: false } }) });
    const node = nodeContext();
    await suiteFor(unshared).get(SHARES)!.call(node.context, node.context);
    assert.deepEqual(node.skipped, ['memory declares capabilities.sharedChanges: false']);

    // Mocha: `this.skip()` throws to end the test and takes no reason, so the title carries it.
    const pending = new Error('pending');
    const mocha = { test: { title: SHARES }, skip: () => { throw pending; } };
    await assert.rejects(suiteFor(unshared).get(SHARES)!.call(mocha), (error) => error === pending);
    assert.equal(mocha.test.title, `${SHARES} (skipped: memory declares capabilities.sharedChanges: false)`);

    // A runner with no skip at all: failing is the honest answer, not a pass.
    await assert.rejects(suiteFor(unshared).get(SHARES)!.call(undefined), ConformanceFailure);
  });

  it('fails an adapter that declares sharedChanges but whose instances do not share', async () => {
    const tests = suiteFor(() => ({ open: () => createMemoryAdapter({ backing: new MemoryBacking() }) }));
    await assert.rejects(tests.get(SHARES)!.call(undefined), /a change from another tab: nothing arrived/);
  });

  it('fails when two instances of one adapter disagree on sharedChanges', async () => {
    let opened = 0;
    const backing = new MemoryBacking();
    const tests = suiteFor(() => ({
      open: () => (opened++ % 2 ? altered(createMemoryAdapter({ backing }), { capabilities: { sharedChanges: false, persistent: false } }) : createMemoryAdapter({ backing })),
    }));
    await assert.rejects(tests.get(SHARES)!.call(undefined), /capabilities.sharedChanges of a second instance: expected true, got false/);
  });

  it('fails a listener that still hears changes after unsubscribing, however late they come', async () => {
    // Delivery 100 ms late, and an unsubscribe that does nothing: a 50 ms sleep would have passed it.
    const lateAndDeaf = (adapter: StorageAdapter) =>
      altered(adapter, {
        subscribe: (space: string, listener: (changes: Change[]) => void) => {
          adapter.subscribe(space, (changes) => setTimeout(() => listener(changes), 100));
          return () => {};
        },
      });
    const backing = new MemoryBacking();
    const tests = suiteFor(() => ({ open: () => lateAndDeaf(createMemoryAdapter({ backing })) }));
    await assert.rejects(tests.get(TELLS)!.call(undefined), /changes after unsubscribe: expected \[\], got \[\{/);
    await assert.rejects(tests.get(SHARES)!.call(undefined), /another tab's changes after unsubscribe: expected \[\], got \[\{/);
  });

  it('opens the second tab with openOther when the site gives it', async () => {
    const backing = new MemoryBacking();
    let others = 0;
    const tests = suiteFor(() => ({ open: () => createMemoryAdapter({ backing }), openOther: () => (others++, createMemoryAdapter({ backing })) }));
    for (const name of [SHARES, 'lets exactly one of two concurrent writes on one revision win', 'keeps every one of many concurrent creates']) await tests.get(name)!.call(undefined);
    assert.equal(others, 3);
  });
});
