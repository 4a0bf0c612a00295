import { setViewport } from '@web/test-runner-commands';
import { DEMO_USERS } from '../../demo/demo-users.js';
import { setUiLocale, uiLocale } from '../localization/localization.js';
import type { TwinUser } from '../sdk/policy/roles.js';
import { expectAccessible } from '../test-support/axe.js';
import { composedElements, layoutProblems, showSkippedContent, type AllowedClip } from '../test-support/layout-problems.js';
import { until } from '../test-support/record-list.js';
import { SAMPLE_WIDGETS, sampleSpace, settled, type SampleRecords } from '../test-support/sample-space.js';
import { SAMPLE_STATES, type State, type Widget } from '../test-support/sample-space-states.js';
import type { TwinSpace } from './twin-space/twin-space.component.js';

// Every widget of the demo's project (tracker, board, journal, glossary; in their toolbars the sync
// indicator and the kept versions to review; the space's status line), with its sample content, in
// the languages whose words run longest, on a phone and on a desktop: no text cut off, sticking out
// of its box or the window, or drawn over other text, and axe-core finds nothing. As a teacher, in
// each view and dialog (src/test-support/sample-space-states.ts); as a pupil, what a pupil reads
// and writes (the board, the journal, the glossary, rating themself in the tracker); as an
// observer, the read-only views.

/** The UI languages whose words run longest (German and Finnish compounds, Greek, Hungarian). */
const LANGUAGES = ['de', 'fi', 'el', 'hu'];
const WIDTHS = [320, 1280];

/**
 * Text cut off on purpose, each with its reason. The UI's own words are never shortened: they wrap.
 */
const ALLOWED: AllowedClip[] = [
  {
    selector: 'li[data-row] :is(.term, .definition)[lang]',
    why: "the glossary's A to Z list has rows of one height (it draws only the rows in view): a long term or definition ends in an ellipsis there, and the entry opens whole",
  },
  {
    selector: '.table-wrap[role="region"][tabindex="0"]',
    why: "the journal's overview is a data table, a column per week: on a phone it scrolls sideways in its own focusable region, as WCAG 1.4.10 allows for data tables; its caption stays in view",
  },
];

/** Sets widgets' properties (a view, a layout) as their buttons would; undone after. */
const views = (settings: Record<string, Record<string, unknown>>): State['apply'] => async (widget) => {
  const before = Object.entries(settings).map(([tag, values]) => [widget(tag), Object.fromEntries(Object.keys(values).map((key) => [key, (widget(tag) as never)[key]]))] as const);
  for (const [tag, values] of Object.entries(settings)) Object.assign(widget(tag), values);
  return () => before.forEach(([element, values]) => Object.assign(element, values));
};

/** Opens widgets' dialogs as their buttons would: the state set, then shown as a modal. */
const dialogs = (...opened: [tag: string, dialog: (records: SampleRecords) => unknown][]): State['apply'] => async (widget, records) => {
  const shown: HTMLDialogElement[] = [];
  for (const [tag, dialog] of opened) {
    widget(tag)._dialog = dialog(records);
    await widget(tag).updateComplete;
    const element = widget(tag).shadowRoot!.querySelector('dialog')!;
    if (!element.open) element.showModal();
    shown.push(element);
  }
  return () => shown.forEach((element) => element.close());
};

const reading = dialogs(
  ['twin-board', ({ post }) => ({ kind: 'post', id: post.id })],
  ['twin-glossary', ({ entry }) => ({ kind: 'entry', id: entry.id })],
);

/** What a pupil reads and writes: their journal, the board, the glossary, their self-rating. */
const PUPIL_STATES: State[] = [
  { name: 'first views', apply: async () => () => {} },
  { name: 'second views', apply: views({ 'twin-board': { layout: 'columns' }, 'twin-phase-tracker': { view: 'goals' }, 'twin-glossary': { view: 'all' } }) },
  {
    name: 'reading dialogs',
    apply: async (widget, records) => {
      const close = await reading(widget, records);
      const closeJournal = await dialogs(['twin-journal', ({ journal }) => ({ kind: 'entry', id: journal.id })])(widget, records);
      return () => (closeJournal(), close());
    },
  },
  {
    name: 'writing dialogs',
    apply: dialogs(['twin-board', () => ({ kind: 'write' })], ['twin-glossary', () => ({ kind: 'edit' })], ['twin-journal', () => ({ kind: 'write' })]),
  },
];

/** An observer (a guest) only reads. */
const OBSERVER_STATES: State[] = [
  { name: 'first views', apply: async () => () => {} },
  { name: 'second views', apply: views({ 'twin-board': { layout: 'timeline' }, 'twin-phase-tracker': { view: 'checklist' }, 'twin-glossary': { view: 'all' } }) },
  { name: 'reading dialogs', apply: reading },
];

const [teacher, pupil, , observer] = DEMO_USERS;
const PEOPLE: { who: string; user: TwinUser; states: State[] }[] = [
  { who: 'a teacher', user: teacher, states: SAMPLE_STATES },
  { who: 'a pupil', user: pupil, states: PUPIL_STATES },
  { who: 'an observer', user: observer, states: OBSERVER_STATES },
];

/**
 * Signs `user` in on the space, as a page would by its attributes, and waits for the widgets to
 * show what they may see (in English, to know when they stop loading).
 */
async function signIn(space: TwinSpace, user: TwinUser) {
  space.setAttribute('lang', 'en');
  await until(() => uiLocale() === 'en', 'the English UI');
  const attributes: Record<string, string | undefined> = { 'user-id': user.id, 'user-name': user.name, 'user-role': user.role, school: user.school };
  for (const [name, value] of Object.entries(attributes)) value === undefined ? space.removeAttribute(name) : space.setAttribute(name, value);
  space.toggleAttribute('mobile', !!user.mobile);
  await until(() => space.store?.user.id === user.id, `${user.name} signed in`);
  const loaded = (tag: string) => {
    const text = space.querySelector(tag)?.shadowRoot?.textContent ?? '';
    return text.trim() && !text.includes('Loading');
  };
  await until(() => SAMPLE_WIDGETS.every(loaded), 'the widgets to load', 20_000);
}

describe('every widget in the longest languages', function () {
  this.timeout(60_000);
  let container: HTMLElement;
  let space: TwinSpace;
  let records: SampleRecords;
  const widget = (tag: string) => container.querySelector(tag) as Widget;

  before(async () => {
    ({ container, space, records } = await sampleSpace());
  });

  after(async () => {
    container.remove();
    await setViewport({ width: 800, height: 600 });
    await setUiLocale('en');
  });

  for (const { who, user, states } of PEOPLE) {
    describe(`as ${who}`, () => {
      before(() => signIn(space, user));

      for (const lang of LANGUAGES) {
        it(`${lang}: no text cut off or drawn over other text, and accessible, at ${WIDTHS.join(' and ')} px`, async () => {
          space.setAttribute('lang', lang);
          await until(() => uiLocale() === lang, `the ${lang} UI`);
          // Every part drawn again in it, the board's cards too (they draw again only when what they show changed):
          // no card's comment count left in English.
          const counts = () => composedElements(widget('twin-board')).filter((element) => element.matches('article button.comments'));
          await until(() => counts().length && counts().every((button) => !/\bcomments?\b/.test(button.textContent!)), `the board's cards in ${lang}`);
          // A problem seen in several states is told once, with the first state it was seen in.
          const problems = new Map<string, string>();
          for (const state of states) {
            const undo = await state.apply(widget, records);
            for (const width of WIDTHS) {
              await setViewport({ width, height: 900 });
              await settled(container);
              const shown = showSkippedContent(container);
              for (const problem of layoutProblems(container, ALLOWED)) {
                const key = `${width} px: ${problem}`;
                if (!problems.has(key)) problems.set(key, `${key} (${state.name})`);
              }
              shown();
            }
            // Under a modal dialog the page is inert (and partly covered): the dialogs are what a person uses.
            const modals = composedElements(container).filter((element) => element instanceof HTMLDialogElement && element.matches(':modal'));
            for (const part of modals.length ? modals : [container]) {
              await expectAccessible(part).catch((error: Error) => problems.set(error.message, `${state.name}: ${error.message}`));
            }
            undo();
          }
          if (problems.size) throw new Error(`${problems.size} layout problem(s) as ${who} in ${lang}:\n${[...problems.values()].join('\n')}`);
        });
      }
    });
  }
});
