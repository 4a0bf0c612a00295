import { setViewport } from '@web/test-runner-commands';
import { localeLoaders, setUiLocale, uiLocale } from '../localization/localization.js';
import { expectAccessible } from '../test-support/axe.js';
import { composedElements, layoutProblems, showSkippedContent, type AllowedClip } from '../test-support/layout-problems.js';
import { until } from '../test-support/record-list.js';
import { sampleSpace, settled, type SampleRecords } from '../test-support/sample-space.js';
import { SAMPLE_STATES, type Widget } from '../test-support/sample-space-states.js';
import type { TwinSpace } from './twin-space/twin-space.component.js';

// Every widget of the demo's project (tracker, board, journal, glossary; in their toolbars the sync
// indicator and the kept versions to review; the space's status line), with its sample content as
// a teacher sees it, in each view and dialog (src/test-support/sample-space-states.ts), in the
// languages whose words run longest, on a phone and on a desktop: no text cut off, sticking out of
// its box or the window, or drawn over other text, and axe-core finds nothing.

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

  for (const lang of LANGUAGES) {
    it(`${lang}: no text cut off or drawn over other text, and accessible, at ${WIDTHS.join(' and ')} px`, async () => {
      space.setAttribute('lang', lang);
      await until(() => uiLocale() === lang, `the ${lang} UI`);
      // Every part drawn again in it, the board's cards too (they draw again only when what they show changed).
      const move = (await localeLoaders[lang]()).templates['board.move'] as string;
      const cardButtons = () => [...composedElements(widget('twin-board')).filter((element) => element.matches('.card button, article button'))].map((button) => button.textContent?.trim());
      await until(() => (cardButtons().includes(move) ? true : undefined), `the board's cards in ${lang}`);
      // A problem seen in several states is told once, with the first state it was seen in.
      const problems = new Map<string, string>();
      for (const state of SAMPLE_STATES) {
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
      if (problems.size) throw new Error(`${problems.size} layout problem(s) in ${lang}:\n${[...problems.values()].join('\n')}`);
    });
  }
});
