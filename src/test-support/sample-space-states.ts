import { composedElements } from './layout-problems.js';
import { until } from './record-list.js';
import { SAMPLE_WIDGETS, settled, type SampleRecords } from './sample-space.js';

/** A widget as the states drive it: its view or layout, and its dialog. */
export type Widget = HTMLElement & { _dialog?: unknown; updateComplete: Promise<unknown> };

export interface State {
  name: string;
  /** Puts the widgets in this state; what it returns undoes it. */
  apply(widget: (tag: string) => Widget, records: SampleRecords): Promise<() => void>;
}

/** Opens a widget's dialog as its button would: its state set, then shown as a modal. */
async function openDialog(widget: Widget, dialog: unknown): Promise<() => void> {
  widget._dialog = dialog;
  await widget.updateComplete;
  const element = widget.shadowRoot!.querySelector('dialog')!;
  if (!element.open) element.showModal();
  return () => element.close();
}

/** Sets properties of widgets (a view, a layout) as their buttons would. */
const views = (settings: Record<string, Record<string, unknown>>): State['apply'] => async (widget) => {
  const before = Object.entries(settings).map(([tag, values]) => {
    const element = widget(tag) as unknown as Record<string, unknown>;
    return [element, Object.fromEntries(Object.keys(values).map((key) => [key, element[key]]))] as const;
  });
  for (const [tag, values] of Object.entries(settings)) Object.assign(widget(tag), values);
  return () => before.forEach(([element, values]) => Object.assign(element, values));
};

const dialogs = (...opened: [tag: string, dialog: (records: SampleRecords) => unknown][]): State['apply'] => async (widget, records) => {
  const undo = await Promise.all(opened.map(([tag, dialog]) => openDialog(widget(tag), dialog(records))));
  return () => undo.forEach((close) => close());
};

/** Opens every closed disclosure (filters, menus, actions) in the widgets. */
async function openDisclosures(widget: (tag: string) => Widget): Promise<() => void> {
  const closed = SAMPLE_WIDGETS.flatMap((tag) => composedElements(widget(tag).shadowRoot!)).filter((element): element is HTMLDetailsElement => element instanceof HTMLDetailsElement && !element.open);
  closed.forEach((details) => (details.open = true));
  return () => closed.forEach((details) => (details.open = false));
}

/** The views, disclosures and dialogs a teacher reaches in the sample space, a few at a time. */
export const SAMPLE_STATES: State[] = [
  { name: 'first views', apply: async () => () => {} },
  {
    name: 'review queue, menus and filters open',
    apply: async (widget, records) => {
      const undoViews = await views({ 'twin-board': { _queue: true }, 'twin-journal': { view: 'mine' } })(widget, records);
      await settled(widget('twin-board'));
      const close = await openDisclosures(widget);
      return () => (close(), undoViews());
    },
  },
  { name: 'second views', apply: views({ 'twin-board': { layout: 'columns' }, 'twin-phase-tracker': { view: 'checklist' }, 'twin-journal': { view: 'prompts' }, 'twin-glossary': { view: 'all' } }) },
  { name: 'third views', apply: views({ 'twin-board': { layout: 'timeline' }, 'twin-phase-tracker': { view: 'goals' }, 'twin-journal': { view: 'partners' }, 'twin-glossary': { view: 'one' } }) },
  {
    name: 'reading dialogs',
    apply: dialogs(
      ['twin-board', ({ post }) => ({ kind: 'post', id: post.id })],
      ['twin-glossary', ({ entry }) => ({ kind: 'entry', id: entry.id })],
      ['twin-journal', ({ journal }) => ({ kind: 'entry', id: journal.id })],
      ['twin-phase-tracker', () => ({ kind: 'project' })],
    ),
  },
  {
    name: 'writing dialogs, over a stream',
    apply: async (widget, records) => {
      const undoView = await views({ 'twin-board': { layout: 'stream' } })(widget, records);
      await settled(widget('twin-board'));
      const close = await dialogs(
        ['twin-board', () => ({ kind: 'write' })],
        ['twin-glossary', ({ entry }) => ({ kind: 'edit', id: entry.id })],
        ['twin-journal', () => ({ kind: 'write' })],
        ['twin-phase-tracker', ({ activity }) => ({ kind: 'activity', base: activity })],
      )(widget, records);
      return () => (close(), undoView());
    },
  },
  {
    name: 'settings dialogs',
    apply: dialogs(
      ['twin-board', () => ({ kind: 'settings' })],
      ['twin-journal', () => ({ kind: 'prompt-set' })],
      ['twin-phase-tracker', () => ({ kind: 'goal' })],
    ),
  },
  {
    name: 'kept versions to review',
    apply: async (widget) => {
      const review = widget('twin-board').shadowRoot!.querySelector('twin-sync-conflicts')!;
      review.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-describedby="count"]')!.click();
      await until(() => review.shadowRoot!.querySelector('dialog')?.open, 'the review dialog');
      return () => review.shadowRoot!.querySelector('dialog')!.close();
    },
  },
];

