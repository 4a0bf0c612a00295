import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { getAdapterFactory, registerAdapter, type StorageAdapter, type SyncConflict, type SyncStatus } from '../src/index.js';
import type { SyncController } from '../src/sdk/adapters/synced/sync-status.js';
import { lucia, registerGlossaryStoryAdapters } from './support/glossary-seed.js';
import '../src/components/twin-space/twin-space.js';
import '../src/components/twin-glossary/twin-glossary.js';

registerGlossaryStoryAdapters();

const at = '2026-05-12T10:00:00.000Z';
const theirs = { id: 'tide', space: 'sync-stories', collection: 'glossary', rev: '3-b', schemaVersion: 1, createdAt: at, updatedAt: at, author: lucia, status: 'published' };

/**
 * The seeded glossary, with a sync state held still, to see how a space on a CouchDB server looks
 * in each state. The real sync (against a real server) is tested in src/sdk/adapters/synced/ and
 * src/components/twin-space/twin-space-sync.test.ts.
 */
function withSync(status: SyncStatus, conflict?: SyncConflict) {
  return async (options: { space: string }): Promise<StorageAdapter> => {
    const adapter = await getAdapterFactory('story-glossary-coast')!(options);
    const sync: SyncController = {
      status: () => status,
      subscribe: () => () => {},
      onConflict: (listener) => {
        if (conflict) setTimeout(() => listener({ ...conflict, space: options.space }));
        return () => {};
      },
      conflicts: async () => (conflict ? [conflict] : []),
      dismissConflict: async () => {},
      syncNow: async () => {},
    };
    return Object.assign(Object.create(adapter) as StorageAdapter, { sync, close: () => adapter.close() });
  };
}

registerAdapter('story-sync-online', withSync({ state: 'online', pending: 0, lastSyncedAt: at }));
registerAdapter('story-sync-offline', withSync({ state: 'offline', pending: 3, error: { failure: 'offline', message: 'The server cannot be reached.' } }));
registerAdapter(
  'story-sync-error',
  withSync({ state: 'error', pending: 1, error: { failure: 'unauthorized', message: 'Not signed in to the server, or the session expired. Sign in again.' } }),
);
registerAdapter(
  'story-sync-conflict',
  withSync(
    { state: 'online', pending: 0 },
    { space: '', collection: 'glossary', id: 'tide', key: 'glossary:tide:1', mine: { ...theirs, rev: '2-a' }, theirs, fields: ['translations.en.definition'], kind: 'conflict', message: 'Someone else changed this on the server first.', at },
  ),
);

/**
 * `<twin-space adapter="couchdb">` keeps a space on a CouchDB server, offline first. The glossary's
 * toolbar shows the sync state in a few words; the space's status line says when changes wait
 * offline, when sync needs someone to act, and when the server did not take a change.
 */
const meta: Meta = {
  title: 'Twinkit/sync with a server',
  args: { adapter: 'story-sync-online', lang: '' },
  render: (args) => html`<twin-space
    space=${`sync-stories-${args.adapter}`}
    adapter=${args.adapter}
    lang=${args.lang || 'en'}
    user-id=${lucia.id}
    user-name=${lucia.name}
    user-role="teacher"
    school=${lucia.school!}
    ><twin-glossary languages="en es"></twin-glossary
  ></twin-space>`,
};
export default meta;
type Story = StoryObj;

export const Online: Story = {};
export const OfflineWithChangesWaiting: Story = { args: { adapter: 'story-sync-offline' } };
export const OfflineSpanishUi: Story = { args: { adapter: 'story-sync-offline', lang: 'es' } };
export const SignedOut: Story = { args: { adapter: 'story-sync-error' } };
export const ConflictKept: Story = { args: { adapter: 'story-sync-conflict' } };
