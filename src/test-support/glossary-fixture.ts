import { fixture, html } from '@open-wc/testing';
import { createMemoryAdapter, MemoryBacking } from '../sdk/adapters/memory/memory-adapter.js';
import { registerAdapter } from '../sdk/adapters/registry.js';
import type { SpaceSettings, TwinUser } from '../sdk/policy/roles.js';
import type { GlossaryEntry } from '../sdk/schemas/glossary.js';
import { createStore, type TwinStore } from '../sdk/store/create-store.js';
import type { TwinGlossaryEditor } from '../components/twin-glossary/editor/glossary-editor.component.js';
import type { TwinGlossaryEntry } from '../components/twin-glossary/entry/glossary-entry.component.js';
import type { TwinGlossary } from '../components/twin-glossary/twin-glossary.component.js';
import type { TwinSpace } from '../components/twin-space/twin-space.component.js';
import { until } from './record-list.js';
import '../components/twin-space/twin-space.js';
import '../components/twin-glossary/twin-glossary.js';

export const teacher: TwinUser = { id: 'teacher-lucia', name: 'Lucía Martínez', role: 'teacher', school: 'IES Mar Menor' };
export const pupil: TwinUser = { id: 'pupil-kasia', name: 'Kasia Nowak', role: 'pupil', school: 'Szkoła Gdynia' };
export const partner: TwinUser = { id: 'pupil-marco', name: 'Marco Rossi', role: 'pupil', school: 'Liceo Bari' };
export const moderator: TwinUser = { id: 'mod-ana', name: 'Ana Ruiz', role: 'moderator', school: 'IES Mar Menor' };
export const observer: TwinUser = { id: 'guest', name: 'City council', role: 'observer' };

let counter = 0;

/** A glossary inside a `<twin-space>` on shared in-memory storage, signed in as `user`. */
export async function glossaryWith(options: {
  user: TwinUser;
  languages?: string;
  moderation?: SpaceSettings['moderation'];
  backing?: MemoryBacking;
  space?: string;
  attributes?: string;
}) {
  const backing = options.backing ?? new MemoryBacking();
  const space = options.space ?? `glossary-${Date.now()}-${counter}`;
  const adapterName = `glossary-memory-${counter++}`;
  registerAdapter(adapterName, () => createMemoryAdapter({ backing }));
  const { user } = options;
  const wrapper = await fixture<HTMLDivElement>(html`
    <div>
      <twin-space
        adapter=${adapterName}
        space=${space}
        user-id=${user.id}
        user-name=${user.name}
        user-role=${user.role}
        school=${user.school ?? ''}
        moderation=${options.moderation ?? 'off'}
      >
        <twin-glossary languages=${options.languages ?? 'en es fr it'} .view=${'two'}></twin-glossary>
      </twin-space>
    </div>
  `);
  const spaceElement = wrapper.querySelector('twin-space') as TwinSpace;
  const glossary = wrapper.querySelector('twin-glossary') as TwinGlossary;
  await until(() => spaceElement.store, 'the store');
  await until(() => !glossary.shadowRoot?.textContent?.includes('Loading'), 'the glossary to load');
  /** Another person's store on the same storage (another tab, device or user). */
  const storeFor = (other: TwinUser, settings: Partial<SpaceSettings> = { moderation: options.moderation ?? 'off' }): TwinStore =>
    createStore({ adapter: createMemoryAdapter({ backing }), space, user: other, settings });
  return { glossary, space: spaceElement, store: spaceElement.store!, storeFor, backing, spaceId: space };
}

export const root = (element: Element) => element.shadowRoot as ShadowRoot;

/** The visible rows' text, in order. */
export function rowTexts(glossary: TwinGlossary): string[] {
  return [...root(glossary).querySelectorAll('li[data-row]')]
    .sort((a, b) => Number((a as HTMLElement).dataset.index) - Number((b as HTMLElement).dataset.index))
    .map((row) => row.textContent!.replace(/\s+/g, ' ').trim());
}

export function rowButton(glossary: TwinGlossary, text: string): HTMLButtonElement {
  const row = [...root(glossary).querySelectorAll<HTMLButtonElement>('li[data-row] button')].find((button) => button.textContent!.includes(text));
  if (!row) throw new Error(`No row with "${text}" in: ${rowTexts(glossary).join(' | ')}`);
  return row;
}

export async function openEntry(glossary: TwinGlossary, text: string): Promise<TwinGlossaryEntry> {
  await until(() => rowTexts(glossary).some((row) => row.includes(text)), `a row with "${text}"`);
  rowButton(glossary, text).click();
  await until(() => root(glossary).querySelector('twin-glossary-entry')?.shadowRoot?.querySelector('article'), 'the entry dialog');
  return root(glossary).querySelector('twin-glossary-entry')!;
}

export const entryView = (glossary: TwinGlossary) => root(glossary).querySelector('twin-glossary-entry') as TwinGlossaryEntry | null;
export const editorOf = (glossary: TwinGlossary) => root(glossary).querySelector('twin-glossary-editor') as TwinGlossaryEditor | null;

/** A button by its visible text inside an element's shadow root. */
export function button(element: Element, text: string | RegExp): HTMLButtonElement {
  const found = [...root(element).querySelectorAll<HTMLButtonElement>('button')].find((b) =>
    typeof text === 'string' ? b.textContent!.replace(/\s+/g, ' ').trim() === text : text.test(b.textContent!),
  );
  if (!found) throw new Error(`No button "${text}" in: ${[...root(element).querySelectorAll('button')].map((b) => b.textContent!.trim()).join(' | ')}`);
  return found;
}

export const hasButton = (element: Element, text: string | RegExp) => {
  try {
    button(element, text);
    return true;
  } catch {
    return false;
  }
};

/** Types into a field of the editor (by its label) as a user would: value, then an input event. */
export function fill(editor: Element, label: string, value: string): HTMLInputElement | HTMLTextAreaElement {
  const labelElement = [...root(editor).querySelectorAll('label')].find((l) => l.textContent!.trim() === label && l.htmlFor);
  if (!labelElement) throw new Error(`No field "${label}"`);
  const field = root(editor).getElementById(labelElement.htmlFor) as HTMLInputElement;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  return field;
}

/** Fields of the editor for one language, by legend. */
export function languageFields(editor: Element, legend: string) {
  const fieldset = [...root(editor).querySelectorAll('fieldset')].find((f) => f.querySelector('legend')!.textContent!.trim() === legend);
  if (!fieldset) throw new Error(`No fieldset "${legend}"`);
  const field = (label: string) => {
    const l = [...fieldset.querySelectorAll('label')].find((item) => item.textContent!.trim() === label)!;
    return fieldset.querySelector<HTMLInputElement>(`#${l.htmlFor}`)!;
  };
  const type = (label: string, value: string) => {
    const input = field(label);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    return input;
  };
  return { fieldset, field, type };
}

export const glossaryEntry = (translations: GlossaryEntry['translations'], extra: Record<string, unknown> = {}) => ({ translations, ...extra });
