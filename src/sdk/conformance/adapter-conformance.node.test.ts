import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Change, RawRecord, StorageAdapter, WriteResult } from '../adapter.js';
import { createMemoryAdapter, MemoryBacking } from '../adapters/memory/memory-adapter.js';
import { ConformanceFailure, runAdapterConformance, type ConformanceSite } from './index.js';
import { LISTENER_TEST } from './listener-arguments.js';

// The suite checking itself: each broken adapter here must make the named test fail (or skip),
// so a check that can no longer fail is caught.
type Body = (this: unknown, ...args: unknown[]) => Promise<void>;

/** The suite's tests by name, collected without running them. */
function suiteFor(createSite: () => ConformanceSite, changeTimeout = 300): Map<string, Body> {
  const tests = new Map<string, Body>();
  runAdapterConformance({ name: 'probe', describe: (_name, body) => body(), it: (name, body) => tests.set(name, body), createSite, changeTimeout });
  return tests;
}

/** Runs every test of the suite; the message of each one that failed, by test name. */
async function failuresOf(tests: Map<string, Body>): Promise<Map<string, string>> {
  const failed = new Map<string, string>();
  for (const [name, body] of tests) {
    const { context } = nodeContext();
    try {
      await body.call(context, context);
    } catch (error) {
      failed.set(name, error instanceof ConformanceFailure ? error.message : `not a ConformanceFailure: ${String(error)}`);
    }
  }
  return failed;
}

/** A memory adapter (two instances share one backing) with some members replaced. */
const brokenSuite = (breakIt: (adapter: StorageAdapter) => Partial<StorageAdapter>, changeTimeout?: number) => {
  const backing = new MemoryBacking();
  return suiteFor(() => ({ open: () => {
    const adapter = createMemoryAdapter({ backing });
    return altered(adapter, breakIt(adapter));
  } }), changeTimeout);
};

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

/** What an integrator's adapter gets wrong first, each answered by one message that names the rule. */
describe('the conformance suite names the usual mistakes', () => {
  const ROUND_TRIP = 'round-trips a record as plain JSON, keeping every field';
  const STAMPS = 'stamps its space on every record it stores and returns';
  const DELETES = 'deletes with the expected revision only';
  const REFUSES = 'refuses a write based on an old revision and returns what is stored';

  it('passes the real memory adapter on every test', async () => {
    assert.deepEqual([...(await failuresOf(brokenSuite(() => ({}))))], []);
  });

  it('a listener called as listener(space, changes): one explanation, the other tests point to it, at once', async () => {
    const spaceFirst = (adapter: StorageAdapter) => ({
      subscribe: (space: string, listener: (changes: Change[]) => void) =>
        adapter.subscribe(space, (changes) => (listener as unknown as (space: string, changes: Change[]) => void)(space, changes)),
    });
    const started = Date.now();
    // A long change timeout: waiting for changes that never come right would take 5 s per test.
    const failed = await failuresOf(brokenSuite(spaceFirst, 5000));
    assert.ok(Date.now() - started < 4000, `the suite failed fast (${Date.now() - started} ms)`);
    assert.match(failed.get(LISTENER_TEST)!, /^subscribe called listener\("conformance-[^"]+", \[1 item\]\), the space first\. Call listener\(changes\): one argument, an array of \{ type, space, collection, id, rev, origin, record\? \}; wrap the listener/);
    for (const [name, message] of failed) {
      if (name !== LISTENER_TEST) assert.ok(message.startsWith('listener arguments: subscribe called listener("conformance-') && message.endsWith(`(see the test "${LISTENER_TEST}")`), `${name}: ${message}`);
    }
    assert.deepEqual([...failed.keys()].sort(), [LISTENER_TEST, SHARES, STAMPS, TELLS].sort());
  });

  it('a listener given one change instead of an array, or changes without their space', async () => {
    const single = await failuresOf(brokenSuite((adapter) => ({
      subscribe: (space, listener) => adapter.subscribe(space, (changes) => changes.forEach((change) => (listener as (change: unknown) => void)(change))),
    })));
    assert.match(single.get(LISTENER_TEST)!, /A single change goes in an array: listener\(\[change\]\)/);
    const spaceless = await failuresOf(brokenSuite((adapter) => ({
      subscribe: (space, listener) => adapter.subscribe(space, (changes) => listener(changes.map(({ space: _dropped, ...change }) => change as Change))),
    })));
    assert.match(spaceless.get(LISTENER_TEST)!, /a change that has space undefined, not the subscribed space "conformance-/);
  });

  it('records returned without their space', async () => {
    const strip = ({ space: _dropped, ...rest }: RawRecord) => rest as RawRecord;
    const failed = await failuresOf(brokenSuite((adapter) => ({
      get: async (...args) => { const found = await adapter.get(...args); return found && strip(found); },
      list: async (...args) => (await adapter.list(...args)).map(strip),
    })));
    const rule = /space undefined: the adapter stores each record with `space` set to write\(\)'s space argument/;
    assert.match(failed.get(ROUND_TRIP)!, rule);
    assert.match(failed.get(STAMPS)!, rule);
  });

  it('a delete that answers the old revision, or none', async () => {
    const deleteRev = (rev: (old: string) => string | undefined) => (adapter: StorageAdapter): Partial<StorageAdapter> => ({
      write: async (space, operations, options) =>
        (await adapter.write(space, operations, options)).map((result, i) => {
          const operation = operations[i];
          return result.ok && operation.type === 'delete' ? ({ ...result, rev: rev(operation.expectedRev) } as WriteResult) : result;
        }),
    });
    const same = await failuresOf(brokenSuite(deleteRev((old) => old)));
    assert.match(same.get(DELETES)!, /^a delete is a write of its own: it answers \{ ok: true, rev \} with a new revision, one generation on \(3-\.\.\.\); got "2-/);
    const none = await failuresOf(brokenSuite(deleteRev(() => undefined)));
    assert.match(none.get(DELETES)!, /a delete is a write of its own.*; got undefined/);
  });

  it('null for a missing record, or for the current version of a conflict on nothing', async () => {
    const failed = await failuresOf(brokenSuite((adapter) => ({
      get: async (...args) => (await adapter.get(...args)) ?? (null as unknown as undefined),
      write: async (...args) => (await adapter.write(...args)).map((r) => (r.ok ? r : { ...r, current: r.current ?? (null as unknown as undefined) })),
    })));
    const nullRule = /expected undefined, got null\. Nothing stored is `undefined`, never null: map a JSON null with `\?\? undefined`/;
    assert.match(failed.get(ROUND_TRIP)!, /^get of a missing record: /);
    assert.match(failed.get(ROUND_TRIP)!, nullRule);
    assert.match(failed.get(REFUSES)!, /^the current version in the conflict of a record that does not exist: /);
    assert.match(failed.get(REFUSES)!, nullRule);
  });

  it('revisions that are not <generation>-<token>', async () => {
    // A server's own version scheme (a UUID) passed through as the revision.
    const failed = await failuresOf(brokenSuite((adapter) => ({
      write: async (...args) => (await adapter.write(...args)).map((r) => (r.ok ? { ...r, rev: crypto.randomUUID() } : r)),
    })));
    assert.match(failed.get(ROUND_TRIP)!, /^the revision of the write of a: a revision is "<generation>-<token>" \(like "1-k3j2h1a9".*got "[0-9a-f-]{36}"\. The store reports a record with any other rev as damaged$/);
  });
});

