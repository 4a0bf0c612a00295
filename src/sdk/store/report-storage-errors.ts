import type { StorageAdapter } from '../adapter.js';
import { toStorageError, type TwinError } from '../errors.js';

/**
 * The adapter as the store uses it: any storage failure (quota, storage gone) is also reported,
 * so the page can show it once, whichever widget ran into it. The error still reaches the caller,
 * always as a TwinError.
 */
export function reportStorageErrors(adapter: StorageAdapter, report: (error: TwinError) => void): StorageAdapter {
  const watched =
    <A extends unknown[], R>(method: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await method.apply(adapter, args);
      } catch (error) {
        // An integrator's adapter may throw the browser's own error (a QuotaExceededError): it
        // still reaches the user as a storage error they can understand, with the original as cause.
        const twin = toStorageError(error);
        if (twin.code === 'quota-exceeded' || twin.code === 'storage-unavailable') report(twin);
        throw twin;
      }
    };
  return {
    name: adapter.name,
    capabilities: adapter.capabilities,
    get: watched(adapter.get),
    list: watched(adapter.list),
    write: watched(adapter.write),
    subscribe: (space, listener) => adapter.subscribe(space, listener),
    putAttachment: watched(adapter.putAttachment),
    getAttachment: watched(adapter.getAttachment),
    deleteAttachment: watched(adapter.deleteAttachment),
    close: () => adapter.close(),
  };
}
