import { html, render } from 'lit';
import { seedSampleContent } from '../../demo/sample-content.js';
import { DEMO_USERS } from '../../demo/demo-users.js';
import { createMemoryAdapter, MemoryBacking } from '../sdk/adapters/memory/memory-adapter.js';
import { registerAdapter } from '../sdk/adapters/registry.js';
import type { SyncConflict, SyncController, SyncStatus } from '../sdk/adapters/synced/sync-status.js';
import { createStore } from '../sdk/store/create-store.js';
import type { TwinRecord } from '../sdk/store/store-types.js';
import type { TwinSpace } from '../components/twin-space/twin-space.component.js';
import { composedElements } from './layout-problems.js';
import { until } from './record-list.js';
import '../components/twin-space/twin-space.js';
import '../components/twin-board/twin-board.js';
import '../components/twin-journal/twin-journal.js';
import '../components/twin-glossary/twin-glossary.js';
import '../components/twin-phase-tracker/twin-phase-tracker.js';
import '../components/twin-sync-conflicts/twin-sync-conflicts.js';

export const SAMPLE_WIDGETS = ['twin-phase-tracker', 'twin-board', 'twin-journal', 'twin-glossary'] as const;

/** A sync held still: offline with changes waiting, and versions kept for people to decide on. */
function heldSync(conflicts: SyncConflict[]): SyncController {
  const status: SyncStatus = { state: 'offline', pending: 3, conflicts: conflicts.length };
  return {
    status: () => status,
    subscribe: () => () => {},
    onConflict: () => () => {},
    conflicts: async (space) => conflicts.filter((conflict) => conflict.space === space),
    dismissConflict: async () => {},
    syncNow: async () => {},
  };
}

let counter = 0;

/** One sample record of each kind the widgets' dialogs show. */
export type SampleRecords = Record<'post' | 'entry' | 'journal' | 'activity', TwinRecord>;

/**
 * The demo's sample project written by its partner schools, and a kept version of a post and of
 * an entry: the name of an adapter on it, and one record of each kind.
 */
async function seededAdapter(space: string): Promise<{ name: string; records: SampleRecords }> {
  const backing = new MemoryBacking();
  const store = createStore({ adapter: createMemoryAdapter({ backing }), space, user: DEMO_USERS[0], settings: { moderation: 'pupils' } });
  await seedSampleContent(store);
  const first = async (collection: string) => (await store.list(collection)).records[0];
  const records: SampleRecords = { post: await first('board'), entry: await first('glossary'), journal: await first('journal'), activity: await first('activity') };
  const { post, entry } = records;
  await store.close();
  const at = '2027-03-10T09:14:00.000Z';
  const kept: SyncConflict[] = [
    { space, collection: 'board', id: post.id, key: 'post', kind: 'conflict', mine: { ...post, title: `${String(post.title)} (offline)` } as never, theirs: post as never, fields: ['title'], message: 'Someone else changed the same part on the server first.', at },
    { space, collection: 'glossary', id: entry.id, key: 'entry', kind: 'refused', mine: entry as never, theirs: entry as never, fields: [], message: 'Only the author or a teacher may change this.', at },
  ];
  const name = `sample-space-${counter++}`;
  registerAdapter(name, () => Object.assign(createMemoryAdapter({ backing }), { sync: heldSync(kept) }));
  return { name, records };
}

/**
 * Every widget of the demo's project space, with its sample content, as its teacher sees them,
 * offline with changes waiting and kept versions to review. Drawn once, in a container the caller
 * removes (not open-wc's fixture, which is removed after each test).
 */
export async function sampleSpace(): Promise<{ container: HTMLElement; space: TwinSpace; records: SampleRecords }> {
  const space = 'coasts-we-share';
  const { name: adapter, records } = await seededAdapter(space);
  const [teacher] = DEMO_USERS;
  const container = document.body.appendChild(document.createElement('div'));
  render(
    html`<twin-space adapter=${adapter} space=${space} user-id=${teacher.id} user-name=${teacher.name} user-role=${teacher.role} school=${teacher.school!} moderation="pupils" theme="light" lang="en">
      <twin-phase-tracker today="2027-03-10"></twin-phase-tracker>
      <twin-board></twin-board>
      <twin-journal today="2027-03-10"></twin-journal>
      <twin-glossary languages="en es pl it"></twin-glossary>
    </twin-space>`,
    container,
  );
  const loaded = (tag: string) => {
    const text = container.querySelector(tag)?.shadowRoot?.textContent ?? '';
    return text.trim() && !text.includes('Loading');
  };
  await until(() => SAMPLE_WIDGETS.every(loaded), 'the widgets to load', 20_000);
  return { container, space: container.querySelector('twin-space')!, records };
}

/**
 * Lets every element under `root` render, and the layout settle: until three frames in a row pass
 * with no update pending. A resize observer sees a new layout in one frame, and its element
 * measures and renders in the next: an update that starts and ends between two looks.
 */
export async function settled(root: Element): Promise<void> {
  type Updating = Element & { updateComplete: Promise<unknown>; isUpdatePending: boolean };
  const updating = () => composedElements(root).filter((element): element is Updating => 'updateComplete' in element);
  for (let quiet = 0; quiet < 3; ) {
    const pending = updating().filter((element) => element.isUpdatePending);
    await Promise.all(pending.map((element) => element.updateComplete));
    await new Promise(requestAnimationFrame);
    quiet = pending.length ? 0 : quiet + 1;
  }
}
