import type { StorageAdapter } from '../adapter.js';
import { isTwinError, type TwinError } from '../errors.js';

/**
 * The adapter as the store uses it: any storage failure (quota, storage gone) is also reported,
 * so the page can show it once, whichever widget ran into it. The error still reaches the caller.
 */
export function reportStorageErrors(adapter: StorageAdapter, report: (error: TwinError) => void): StorageAdapter {
  const watched =
    <A extends unknown[], R>(method: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await method.apply(adapter, args);
      } catch (error) {
        if (isTwinError(error) && (error.code === 'quota-exceeded' || error.code === 'storage-unavailable')) report(error);
        throw error;
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
