import { TwinValidationError } from '../../errors.js';
import { createHttpRemote, type HttpRemoteOptions } from '../../replication/http-remote.js';
import { connectionOf, connectionProblems, localCopyKey, type ServerConnection } from '../server-connection.js';
import { createSyncedAdapter, type SyncedAdapter, type SyncedAdapterOptions } from './synced-adapter.js';

/** The remote adapter's settings from a page, checked so that a typo says what is wrong instead of failing later as "offline". */
export function parseRemoteOptions(value: unknown): HttpRemoteOptions & ServerConnection {
  const options = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const problems = connectionProblems(options, '/twinkit');
  if (problems.length) {
    throw new TwinValidationError(`The remote adapter's options are wrong: ${problems.join('; ')}.`, problems.map((message) => ({ path: 'adapter-options', message })));
  }
  return connectionOf(options);
}

/**
 * `<twin-space adapter="remote">`: the offline-first adapter over any server speaking Twinkit's
 * replication protocol (docs/replication-protocol.md), from the page's `adapter-options`.
 */
export function createSyncedRemote(options: unknown, timing: Pick<SyncedAdapterOptions, 'minDelay' | 'maxDelay' | 'pollWait'> = {}): SyncedAdapter {
  const parsed = parseRemoteOptions(options);
  return createSyncedAdapter({ remote: createHttpRemote(parsed), databaseName: `twinkit-remote-${localCopyKey(parsed)}`, ...timing });
}
