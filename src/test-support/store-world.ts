import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { StorageAdapter } from '../sdk/adapter.js';
import { createMemoryAdapter, MemoryBacking } from '../sdk/adapters/memory/index.js';
import { isTwinError, type TwinError, type TwinErrorCode } from '../sdk/errors.js';
import type { TwinUser } from '../sdk/policy/roles.js';
import { createStore } from '../sdk/store/create-store.js';
import type { StoreOptions } from '../sdk/store/store-types.js';

/** Lets pending change notifications (microtasks, then a task) reach their listeners. */
export const settle = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/** Awaits `promise`, asserts it fails with a TwinError of `code`, and returns that error. */
export async function rejectsWith<E extends TwinError = TwinError>(promise: Promise<unknown>, code: TwinErrorCode): Promise<E> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  assert.ok(caught !== undefined, `expected a ${code} error, but the call succeeded`);
  assert.ok(isTwinError(caught), `expected a TwinError, got ${String(caught)}`);
  assert.equal(caught.code, code, `expected code ${code}, got ${caught.code}: ${caught.message}`);
  return caught as E;
}

/**
 * One memory backing (one browser profile) for a node test; each `open(user)` is a tab with its own
 * store, closed after the test. `counter` counts the adapter writes and gets of every store opened
 * here; `raw` reads what is stored, bypassing every rule.
 */
export function storeWorld(t: TestContext, options: { space: string; now: string; adapterFor?: (raw: StorageAdapter) => StorageAdapter }) {
  const { space, now, adapterFor = (raw: StorageAdapter) => raw } = options;
  const backing = new MemoryBacking();
  const closers: (() => Promise<void>)[] = [];
  t.after(async () => {
    for (const close of closers) await close();
  });
  const counter = { writes: 0, gets: 0 };
  const rawAdapter = () => {
    const adapter = createMemoryAdapter({ backing });
    closers.push(() => adapter.close());
    return adapter;
  };
  const open = (user: TwinUser, storeOptions: Partial<StoreOptions> = {}) => {
    const inner = adapterFor(rawAdapter());
    const adapter: StorageAdapter = {
      ...inner,
      write: (...args) => {
        counter.writes += 1;
        return inner.write(...args);
      },
      get: (...args) => {
        counter.gets += 1;
        return inner.get(...args);
      },
    };
    const store = createStore({ adapter, space, user, now: () => new Date(now), ...storeOptions });
    closers.unshift(() => store.close());
    return store;
  };
  const raw = rawAdapter();
  const stored = (collection: string, id: string) => raw.get(space, collection, id);
  const storedAll = (collection: string) => raw.list(space, collection);
  return { open, raw, stored, storedAll, counter, backing };
}
