import { fixture, html } from '@open-wc/testing';
import { createMemoryAdapter, MemoryBacking } from '../sdk/adapters/memory/memory-adapter.js';
import { registerAdapter } from '../sdk/adapters/registry.js';
import type { StorageAdapter } from '../sdk/adapter.js';
import type { SpaceSettings, TwinUser } from '../sdk/policy/roles.js';
import { createStore, type TwinStore } from '../sdk/store/create-store.js';
import type { TwinJournal } from '../components/twin-journal/twin-journal.component.js';
import type { TwinSpace } from '../components/twin-space/twin-space.component.js';
import { until } from './record-list.js';
import '../components/twin-space/twin-space.js';
import '../components/twin-journal/twin-journal.js';

let counter = 0;

/** A journal inside a `<twin-space>` on shared in-memory storage, as `user`. `wrap` may change the adapter (faults). */
export async function journalWith(options: {
  user: TwinUser;
  backing?: MemoryBacking;
  space?: string;
  today?: string;
  lang?: string;
  moderation?: SpaceSettings['moderation'];
  pupils?: string;
  wrap?: (adapter: StorageAdapter) => StorageAdapter;
}) {
  const backing = options.backing ?? new MemoryBacking();
  const space = options.space ?? `journal-${Date.now()}-${counter}`;
  const adapterName = `journal-memory-${counter++}`;
  registerAdapter(adapterName, () => (options.wrap ?? ((adapter) => adapter))(createMemoryAdapter({ backing })));
  const { user } = options;
  const wrapper = await fixture<HTMLDivElement>(html`
    <div lang=${options.lang ?? 'en'}>
      <twin-space
        adapter=${adapterName}
        space=${space}
        user-id=${user.id}
        user-name=${user.name}
        user-role=${user.role}
        school=${user.school ?? ''}
        ?mobile=${!!user.mobile}
        moderation=${options.moderation ?? 'off'}
      >
        <twin-journal today=${options.today ?? '2027-03-10'} pupils=${options.pupils ?? ''}></twin-journal>
      </twin-space>
    </div>
  `);
  const spaceElement = wrapper.querySelector('twin-space') as TwinSpace;
  const journal = wrapper.querySelector('twin-journal') as TwinJournal;
  await until(() => spaceElement.store, 'the store');
  await until(() => journal.shadowRoot && !journal.shadowRoot.textContent?.includes('Loading'), 'the journal to load');
  const storeFor = (other: TwinUser): TwinStore =>
    createStore({ adapter: createMemoryAdapter({ backing }), space, user: other, settings: { moderation: options.moderation ?? 'off' } });
  return { journal, wrapper, space: spaceElement, store: spaceElement.store!, storeFor, backing, spaceId: space };
}

export const journalRoot = (journal: Element) => journal.shadowRoot!;
export const editorOf = (journal: Element) => journal.shadowRoot!.querySelector('twin-journal-editor');
export const entryViewOf = (journal: Element) => journal.shadowRoot!.querySelector('twin-journal-entry');

/** Opens the editor with "Write an entry" and waits for its form. */
export async function startEntry(journal: Element): Promise<HTMLElement> {
  [...journal.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent!.trim() === 'Write an entry')!.click();
  await until(() => editorOf(journal)?.shadowRoot?.querySelector('form'), 'the editor');
  return editorOf(journal) as HTMLElement;
}

/** Types into a named field of the editor as a user would. */
export function typeInto(editor: Element, name: string, value: string) {
  const field = editor.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Sets the rich text of the editor's body, as typing would (through the rich text editor's value and input event). */
export function typeBody(editor: Element, htmlText: string) {
  const rich = editor.shadowRoot!.querySelector('twin-rich-text-editor') as HTMLElement & { value: string };
  rich.value = htmlText;
  rich.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export function clickIn(scope: ParentNode, text: string | RegExp) {
  const button = [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => (typeof text === 'string' ? b.textContent!.replace(/\s+/g, ' ').trim() === text : text.test(b.textContent!)));
  if (!button) throw new Error(`No button "${text}" in: ${[...scope.querySelectorAll('button')].map((b) => b.textContent!.trim()).join(' | ')}`);
  button.click();
  return button;
}
