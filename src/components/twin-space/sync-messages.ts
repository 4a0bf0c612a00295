import { msg, str } from '@lit/localize';
import type { SyncStatus } from '../../sdk/adapters/synced/sync-status.js';
import { syncFailureMessage } from '../../localization/sync-failure-message.js';
import { plural } from '../../localization/plural.js';

/** The status line's sentence for a sync state worth telling (offline or an error), or ''. */
export function syncStatusText(status: SyncStatus | undefined): string {
  if (!status) return '';
  if (status.state === 'offline') {
    return status.pending
      ? plural(status.pending, 'sync.offline-pending', {
          one: str`Offline: ${0} change is saved on this device and will be sent when the connection is back.`,
          other: str`Offline: ${0} changes are saved on this device and will be sent when the connection is back.`,
        })
      : msg('Offline: new changes are saved on this device and sent when the connection is back.', { id: 'sync.offline' });
  }
  if (status.state === 'error') {
    return msg(str`Cannot sync with the server: ${syncFailureMessage(status.error)} Changes are kept on this device.`, { id: 'sync.error' });
  }
  return '';
}

/** A few words that name a record for people: its title or name, its first term, or the start of its text. */
export function recordName(record: Record<string, unknown> | undefined): string {
  if (!record) return '';
  for (const value of [record.title, record.name]) if (typeof value === 'string' && value) return value;
  const translations = record.translations as Record<string, { term?: unknown }> | undefined;
  const term = translations && Object.values(translations).find((t) => typeof t?.term === 'string')?.term;
  if (typeof term === 'string') return term;
  // A post or comment without a title: the start of its text, markup dropped.
  const text = [record.body, record.text].find((value) => typeof value === 'string') as string | undefined;
  return text ? text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60) : '';
}

/** The status line's sentence for versions kept for a person to decide on, or '' when none. */
export function keptVersionsText(count: number | undefined): string {
  if (!count) return '';
  return plural(count, 'sync.kept', {
    one: str`${0} change needs your decision: the widget that shows it lists it under Review.`,
    other: str`${0} changes need your decision: each widget lists its own under Review.`,
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
