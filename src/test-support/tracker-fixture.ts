import { html } from '@open-wc/testing';
import type { TwinPhaseTracker } from '../components/twin-phase-tracker/twin-phase-tracker.component.js';
import type { TwinGlossary } from '../components/twin-glossary/twin-glossary.component.js';
import { until } from './record-list.js';
import { spaceFixture, type SpaceFixtureOptions } from './space-fixture.js';
import '../components/twin-phase-tracker/twin-phase-tracker.js';
import '../components/twin-glossary/twin-glossary.js';

/** A phase tracker (and a glossary beside it) inside a `<twin-space>` on shared in-memory storage, as `user`. */
export async function trackerWith(options: SpaceFixtureOptions & { today?: string }) {
  const world = await spaceFixture(
    options,
    html`<twin-phase-tracker today=${options.today ?? '2027-03-10'}></twin-phase-tracker>
      <twin-glossary languages="en es"></twin-glossary>`,
    'tracker',
  );
  const tracker = world.wrapper.querySelector('twin-phase-tracker') as TwinPhaseTracker;
  const glossary = world.wrapper.querySelector('twin-glossary') as TwinGlossary;
  await until(() => tracker.shadowRoot && !tracker.shadowRoot.textContent?.includes('Loading'), 'the tracker to load');
  return { ...world, tracker, glossary };
}

export const trackerText = (tracker: Element) => tracker.shadowRoot!.textContent!.replace(/\s+/g, ' ');

/** The form in the tracker's open dialog. */
export async function dialogForm(tracker: Element): Promise<HTMLFormElement> {
  await until(() => tracker.shadowRoot!.querySelector('dialog[open] form'), 'the dialog form');
  return tracker.shadowRoot!.querySelector('dialog[open] form')!;
}

/** Sets a field of a form by its name, as typing or choosing would. */
export function setField(form: HTMLFormElement, name: string, value: string | string[]) {
  const fields = [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="${name}"]`)];
  if (!fields.length) throw new Error(`No field "${name}"`);
  if (Array.isArray(value)) {
    for (const box of fields as HTMLInputElement[]) box.checked = value.includes(box.value);
    return;
  }
  fields[0].value = value;
  fields[0].dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export function submit(form: HTMLFormElement) {
  form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
}

/** The list item of a phase in the timeline, by its name. */
export function phaseItem(tracker: Element, name: string): HTMLLIElement {
  const item = [...tracker.shadowRoot!.querySelectorAll<HTMLLIElement>('.timeline > li')].find((li) => li.querySelector('.phase-name')!.textContent!.includes(name));
  if (!item) throw new Error(`No phase "${name}" in the timeline`);
  return item;
}

/** A button inside `scope` by its visible text (without the screen-reader-only part). */
export function buttonIn(scope: ParentNode, text: string): HTMLButtonElement {
  const visible = (button: HTMLButtonElement) =>
    [...button.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE || (node instanceof HTMLElement && !node.classList.contains('visually-hidden')))
      .map((node) => node.textContent)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
  const found = [...scope.querySelectorAll<HTMLButtonElement>('button')].find((button) => visible(button) === text);
  if (!found) throw new Error(`No button "${text}" in: ${[...scope.querySelectorAll<HTMLButtonElement>('button')].map(visible).join(' | ')}`);
  return found;
}

export const phaseNames = (tracker: Element) => [...tracker.shadowRoot!.querySelectorAll('.timeline .phase-name')].map((h) => h.textContent!.replace(/^\s*\d+\.\s*/, '').trim());

/** Like `until`, for a probe that reads storage (asynchronous). */
export async function untilStored(probe: () => Promise<unknown>, what = 'condition', timeout = 4000): Promise<void> {
  const deadline = performance.now() + timeout;
  while (!(await probe())) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
