import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ROLES, TwinSpace } from '../src/index.js';
import '../src/components/twin-journal/twin-journal.js'; // defines <twin-journal> and its parts (listed in sideEffects)
import { lucia, observer, pablo } from './support/glossary-seed.js';
import { JOURNAL_ADAPTERS, registerJournalStoryAdapters } from './support/journal-seed.js';

TwinSpace.define('twin-space');
registerJournalStoryAdapters();

interface JournalArgs {
  space: string;
  adapter: string;
  'user-id': string;
  'user-name': string;
  'user-role': string;
  school: string;
  mobile: boolean;
  theme: string;
  lang: string;
  view: string;
  today: string;
}

/**
 * `<twin-journal>` is the reflection journal: pupils' dated entries (safe rich text, answers to their
 * teachers' prompts, a self-rating, photos and clips), who may read each one, peer feedback, the
 * teacher's overview by week, and portfolios. "Today" in the stories is 10 March 2027, day 3 of the
 * mobility in Gdynia.
 */
const meta = {
  title: 'Twinkit/twin-journal',
  args: {
    space: 'journal-stories',
    adapter: 'story-journal-week',
    'user-id': pablo.id,
    'user-name': pablo.name,
    'user-role': 'pupil',
    school: pablo.school ?? '',
    mobile: true,
    theme: '',
    lang: '',
    view: '',
    today: '2027-03-10',
  },
  argTypes: {
    adapter: { control: 'select', options: JOURNAL_ADAPTERS },
    'user-role': { control: 'select', options: ROLES },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark', 'auto'] },
    lang: { control: 'inline-radio', options: ['', 'en', 'es'] },
    view: { control: 'inline-radio', options: ['', 'mine', 'partners', 'overview', 'prompts'] },
  },
  render: (args: JournalArgs) => html`<twin-space
    space=${args.space}
    adapter=${args.adapter}
    user-id=${args['user-id']}
    user-name=${args['user-name']}
    user-role=${args['user-role']}
    school=${args.school}
    ?mobile=${args.mobile}
    theme=${args.theme || 'auto'}
    lang=${args.lang || 'en'}
  >
    <twin-journal view=${args.view} today=${args.today}></twin-journal>
  </twin-space>`,
} satisfies Meta<JournalArgs>;

export default meta;
type Story = StoryObj<JournalArgs>;

/** A pupil on a new space: nothing written yet, and the button to start. */
export const Empty: Story = { args: { adapter: 'story-journal-empty', space: 'journal-empty' } };

/** Pablo's mobility week: the week's questions due, last week's late, his entries with their feedback counts. */
export const PupilWeek: Story = { name: "A pupil's week", args: { space: 'journal-week' } };

/** The teacher's overview of 200 pupils by week: who wrote, who got feedback, who needs a nudge. */
export const TeacherOverview: Story = {
  name: "Teacher's overview of 200 pupils",
  args: { adapter: 'story-journal-class', space: 'journal-class', 'user-id': lucia.id, 'user-name': lucia.name, 'user-role': 'teacher', school: lucia.school ?? '', mobile: false },
};

/** Polls until `find` returns something. */
async function until<T>(find: () => T | null | undefined | false, what: string, timeout = 8_000): Promise<T> {
  const end = performance.now() + timeout;
  for (;;) {
    const found = find();
    if (found) return found;
    if (performance.now() > end) throw new Error(`Story: gave up waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Pablo's first entry open, with feedback from classmates at home and his teacher. */
export const FeedbackThread: Story = {
  name: 'Feedback thread',
  args: { space: 'journal-thread' },
  play: async ({ canvasElement }) => {
    const journal = await until(() => canvasElement.querySelector('twin-journal')?.shadowRoot, 'the journal');
    const card = await until(() => [...journal.querySelectorAll<HTMLButtonElement>('.entry-card')].find((b) => b.textContent?.includes('Arrival by ferry')), 'the entry');
    card.click();
    await until(() => journal.querySelector('twin-journal-entry')?.shadowRoot?.querySelectorAll('.feedback li').length, 'the feedback');
  },
};

/** An observer (the city council) reads what pupils shared with the whole project, and cannot write. */
export const Observer: Story = {
  args: { space: 'journal-observer', 'user-id': observer.id, 'user-name': observer.name, 'user-role': 'observer', school: '', mobile: false },
};

/** `lang="es"`: the interface speaks Spanish. */
export const SpanishUI: Story = { name: 'Spanish UI', args: { space: 'journal-spanish', lang: 'es' } };

/** `theme="dark"` on a dark page. */
export const DarkTheme: Story = {
  args: { space: 'journal-dark', theme: 'dark' },
  globals: { theme: 'dark' },
  render: (args) => html`<div style="color-scheme:dark; background:Canvas; color:CanvasText; padding:1rem">${meta.render(args)}</div>`,
};

/** 320 px wide. */
export const Narrow: Story = {
  name: '320 px wide',
  args: { space: 'journal-narrow' },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  render: (args) => html`<div style="max-width:320px">${meta.render(args)}</div>`,
};
