import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { registerAdapter, type RawRecord, type StorageAdapter, type SyncConflict, type SyncController } from '../src/index.js';
import { createMemoryAdapter, MemoryBacking } from '../src/sdk/adapters/memory/index.js';
import { giulia, lucia, pablo } from './support/glossary-seed.js';
import '../src/components/twin-space/twin-space.js';
import '../src/components/twin-sync-conflicts/twin-sync-conflicts.js';

const SPACE = 'kept-versions-stories';
const envelope = (collection: string, id: string, rev: string, author = lucia) => ({
  id,
  space: SPACE,
  collection,
  rev,
  schemaVersion: 1,
  createdAt: '2026-05-11T08:00:00.000Z',
  updatedAt: '2026-05-12T08:00:00.000Z',
  author,
  status: 'published',
});

const tide = (rev: string, definition: string, extra: Record<string, unknown> = {}): RawRecord => ({
  ...envelope('glossary', 'tide', rev),
  translations: { en: { term: 'Tide', definition }, es: { term: 'Marea', definition: 'Subida y bajada diaria del nivel del mar.' } },
  category: 'Sea',
  ...extra,
});
const server = tide('4-c', 'The daily rise and fall of the sea, caused by the Moon and the Sun.');

const post = (rev: string, body: string): RawRecord => ({
  ...envelope('board', 'harbour-visit', rev, pablo),
  kind: 'text',
  section: 'fieldwork',
  position: 'a0',
  title: 'Our visit to the harbour',
  body,
});

/** Three kept versions of one glossary entry (each kind), and one board post, oldest first. */
const KEPT: SyncConflict[] = [
  {
    space: SPACE,
    collection: 'glossary',
    id: 'tide',
    key: 'tide-1',
    kind: 'conflict',
    mine: tide('3-a', 'The rise and fall of sea level twice a day.', { tags: ['physics', 'moon'] }),
    theirs: server,
    merged: { ...server, tags: ['physics', 'moon'] },
    fields: ['translations.en.definition'],
    message: 'Someone else changed the same part on the server first.',
    at: '2026-05-12T09:14:00.000Z',
  },
  {
    space: SPACE,
    collection: 'glossary',
    id: 'tide',
    key: 'tide-2',
    kind: 'refused',
    mine: tide('3-b', 'The sea goes up and down.', { category: 'Physics' }),
    theirs: server,
    fields: [],
    message: 'Only the entry’s author or a teacher may change its category.',
    at: '2026-05-12T10:02:00.000Z',
  },
  {
    space: SPACE,
    collection: 'glossary',
    id: 'tide',
    key: 'tide-3',
    kind: 'branch',
    mine: { ...tide('4-d', 'The daily rise and fall of the sea, caused by the Moon and the Sun.'), author: giulia, category: 'Coast' },
    theirs: server,
    fields: ['category'],
    message: 'Two servers took different versions.',
    at: '2026-05-12T10:45:00.000Z',
  },
  {
    space: SPACE,
    collection: 'board',
    id: 'harbour-visit',
    key: 'post-1',
    kind: 'conflict',
    mine: post('2-a', '<p>We saw the <strong>fishing boats</strong> come back at 7 and counted 14 crates of sardines.</p>'),
    theirs: post('2-b', '<p>We saw the fishing boats come back early in the morning.</p>'),
    fields: ['body'],
    message: 'Someone else changed the same part on the server first.',
    at: '2026-05-12T11:20:00.000Z',
  },
];

/** A sync held still: it keeps the versions above, and forgets one when a person has decided. */
function keptVersionsAdapter(): StorageAdapter {
  let kept = [...KEPT];
  const listeners = new Set<(status: ReturnType<SyncController['status']>) => void>();
  const sync: SyncController = {
    status: () => ({ state: 'online', pending: 0, conflicts: kept.length }),
    subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    onConflict: () => () => {},
    conflicts: async (space) => kept.filter((conflict) => conflict.space === space),
    dismissConflict: async (_space, key) => {
      kept = kept.filter((conflict) => conflict.key !== key);
      listeners.forEach((listener) => listener(sync.status()));
    },
    syncNow: async () => {},
  };
  return Object.assign(createMemoryAdapter({ backing: new MemoryBacking() }), { sync });
}

registerAdapter('story-kept-versions', keptVersionsAdapter);

/**
 * `<twin-sync-conflicts>` as a widget's toolbar shows it when sync kept versions that did not win:
 * a notice, and Review to compare each with the version shown and keep one. Here with three kept
 * versions of a glossary entry (someone else changed it first; the server's rules refused it; two
 * servers disagreed) and one of a board post. Each widget lists its own collections' versions.
 */
const meta: Meta = {
  title: 'Twinkit/kept versions to decide on',
  args: { lang: 'en' },
  argTypes: { lang: { control: 'inline-radio', options: ['en', 'es'] } },
  render: (args) => html`<twin-space
    space=${SPACE}
    adapter="story-kept-versions"
    lang=${args.lang}
    user-id=${lucia.id}
    user-name=${lucia.name}
    user-role="teacher"
    school=${lucia.school!}
  >
    <div style="display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; padding: 0.75rem">
      <twin-sync-conflicts></twin-sync-conflicts>
    </div>
  </twin-space>`,
};
export default meta;
type Story = StoryObj;

export const FourKeptVersions: Story = {};
export const SpanishUi: Story = { args: { lang: 'es' } };
