import type { StorageAdapter } from '../sdk/adapter.js';

/**
 * An adapter whose next write fails as a full disk does (QuotaExceededError), once per `failNext()`:
 * what the user sees then, and that the next save works.
 */
export function failingWrites(inner: StorageAdapter): { adapter: StorageAdapter; failNext: () => void } {
  let fail = false;
  const write: StorageAdapter['write'] = (...args) => {
    if (fail) {
      fail = false;
      return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    }
    return inner.write(...args);
  };
  const adapter = new Proxy(inner, {
    get: (target, key) => {
      if (key === 'write') return write;
      const value = target[key as keyof StorageAdapter];
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { adapter, failNext: () => (fail = true) };
}
