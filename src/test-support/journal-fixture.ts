import { html } from '@open-wc/testing';
import type { TwinJournal } from '../components/twin-journal/twin-journal.component.js';
import { until } from './record-list.js';
import { spaceFixture, type SpaceFixtureOptions } from './space-fixture.js';
import '../components/twin-journal/twin-journal.js';

/** A journal inside a `<twin-space>` on shared in-memory storage, as `user`. `wrap` may change the adapter (faults). */
export async function journalWith(options: SpaceFixtureOptions & { today?: string; pupils?: string }) {
  const world = await spaceFixture(options, html`<twin-journal today=${options.today ?? '2027-03-10'} pupils=${options.pupils ?? ''}></twin-journal>`, 'journal');
  const journal = world.wrapper.querySelector('twin-journal') as TwinJournal;
  await until(() => journal.shadowRoot && !journal.shadowRoot.textContent?.includes('Loading'), 'the journal to load');
  return { ...world, journal };
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
