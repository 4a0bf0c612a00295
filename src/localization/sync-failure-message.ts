import { msg } from '@lit/localize';
import type { SyncStatus } from '../sdk/adapters/synced/sync-status.js';

/**
 * Why sync stopped, in the UI language, from the kind of failure: the SDK's own sentence is
 * English for developers (it names addresses, databases and commands).
 */
export function syncFailureMessage(error: SyncStatus['error']): string {
  switch (error?.failure) {
    case 'offline':
      return msg('The server cannot be reached.', { id: 'sdk.sync.offline' });
    case 'unauthorized':
      return msg('You are not signed in to the server, or your session has ended: sign in again.', { id: 'sdk.sync.unauthorized' });
    case 'forbidden':
      return msg('The server does not let this account sync this space: ask a teacher.', { id: 'sdk.sync.forbidden' });
    case 'server':
      return msg('The server has a problem right now.', { id: 'sdk.sync.server' });
    case 'bad-response':
      return msg('The answer from the server could not be read: check its address, or sign in to the network first.', { id: 'sdk.sync.bad-response' });
    case 'missing-database':
      return msg('This space is not set up on the server yet: ask whoever runs the server.', { id: 'sdk.sync.missing-database' });
    default:
      return msg('Something unexpected went wrong.', { id: 'sdk.sync.unknown' });
  }
}
