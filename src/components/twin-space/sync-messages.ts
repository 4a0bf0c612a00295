import { msg, str } from '@lit/localize';
import type { SyncConflict, SyncStatus } from '../../sdk/adapters/synced/sync-status.js';

/** The status line's sentence for a sync state worth telling (offline or an error), or ''. */
export function syncStatusText(status: SyncStatus | undefined): string {
  if (!status) return '';
  if (status.state === 'offline') {
    if (status.pending === 1) return msg('Offline: 1 change is saved on this device and will be sent when the connection is back.', { id: 'sync.offline-one' });
    return status.pending
      ? msg(str`Offline: ${status.pending} changes are saved on this device and will be sent when the connection is back.`, { id: 'sync.offline-pending' })
      : msg('Offline: new changes are saved on this device and sent when the connection is back.', { id: 'sync.offline' });
  }
  if (status.state === 'error') {
    return msg(str`Cannot sync with the server: ${status.error?.message ?? ''} Changes are kept on this device.`, { id: 'sync.error' });
  }
  return '';
}

/** A few words that name a record for people: its title, or its first term. */
function recordName(record: Record<string, unknown> | undefined): string {
  if (!record) return '';
  if (typeof record.title === 'string') return record.title;
  const translations = record.translations as Record<string, { term?: unknown }> | undefined;
  const term = translations && Object.values(translations).find((t) => typeof t?.term === 'string')?.term;
  return typeof term === 'string' ? term : '';
}

/** The status line's sentence for a change the server did not take, naming the record when it can. */
export function syncConflictText(conflict: SyncConflict): string {
  const name = recordName(conflict.mine) || recordName(conflict.theirs);
  // Quotation marks are the one part of this sentence that needs no translation.
  return (name ? `“${name.slice(0, 80)}”: ` : '') + sentence(conflict);
}

function sentence(conflict: SyncConflict): string {
  return conflict.kind === 'refused'
    ? msg(str`The server refused a change made here: ${conflict.message} You see the server's version; yours is kept until you dismiss this.`, {
        id: 'sync.refused',
      })
    : msg('Someone else changed the same record on the server first. You see their version; yours is kept: restore it or dismiss this.', {
        id: 'sync.conflict',
      });
}

/** The indicator's short word for a state. */
export function syncStateLabel(status: SyncStatus): string {
  switch (status.state) {
    case 'online':
      return msg('Saved to the server', { id: 'sync.state-online' });
    case 'syncing':
      return msg('Syncing…', { id: 'sync.state-syncing' });
    case 'offline':
      return msg(str`Offline · ${status.pending} waiting`, { id: 'sync.state-offline' });
    case 'error':
      return msg('Sync problem', { id: 'sync.state-error' });
  }
}
