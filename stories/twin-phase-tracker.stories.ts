import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ROLES, TwinSpace } from '../src/index.js';
import '../src/components/twin-phase-tracker/twin-phase-tracker.js'; // defines <twin-phase-tracker> (listed in sideEffects)
import '../src/components/twin-glossary/twin-glossary.js';
import { lucia, observer, registerGlossaryStoryAdapters } from './support/glossary-seed.js';
import { registerTrackerStoryAdapters, TRACKER_ADAPTERS } from './support/tracker-seed.js';

TwinSpace.define('twin-space');
registerGlossaryStoryAdapters();
registerTrackerStoryAdapters();

interface TrackerArgs {
  space: string;
  adapter: string;
  'user-id': string;
  'user-name': string;
  'user-role': string;
  school: string;
  theme: string;
  lang: string;
  view: string;
  today: string;
  phase: string;
}

/**
 * `<twin-phase-tracker>` holds the project's phases (preparation, mobility, reflection,
 * dissemination, or the project's own), their activities, the mobility dates, the shared learning
 * goals and pupils' self-ratings before and after. The stories' "today" is 10 March 2027, day 3 of
 * the mobility in Gdynia.
 */
const meta = {
  title: 'Twinkit/twin-phase-tracker',
  args: {
    space: 'tracker-stories',
    adapter: 'story-tracker-mid',
    'user-id': lucia.id,
    'user-name': lucia.name,
    'user-role': 'teacher',
    school: lucia.school ?? '',
    theme: '',
    lang: '',
    view: 'timeline',
    today: '2027-03-10',
    phase: '',
  },
  argTypes: {
    adapter: { control: 'select', options: TRACKER_ADAPTERS },
    'user-role': { control: 'select', options: ROLES },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark', 'auto'] },
    lang: { control: 'inline-radio', options: ['', 'en', 'es'] },
    view: { control: 'inline-radio', options: ['timeline', 'checklist', 'goals'] },
    today: { description: 'Today, as YYYY-MM-DD: where the timeline marks it.' },
    phase: { description: "The space's phase filter (`<twin-space phase>`)." },
  },
  render: (args: TrackerArgs) => html`<twin-space
    space=${args.space}
    adapter=${args.adapter}
    user-id=${args['user-id']}
    user-name=${args['user-name']}
    user-role=${args['user-role']}
    school=${args.school}
    theme=${args.theme || 'auto'}
    lang=${args.lang || 'en'}
    phase=${args.phase}
  >
    <twin-phase-tracker view=${args.view} today=${args.today}></twin-phase-tracker>
  </twin-space>`,
} satisfies Meta<TrackerArgs>;

export default meta;
type Story = StoryObj<TrackerArgs>;

/** A teacher on a new space: start from the blended-mobility template or from the four phases. */
export const Empty: Story = { args: { adapter: 'story-tracker-empty', space: 'tracker-empty' } };

/** The template applied: four phases with dates, eleven activities of a blended mobility, all planned. */
export const TemplateApplied: Story = { name: 'Template applied', args: { adapter: 'story-tracker-template', space: 'tracker-template', view: 'checklist' } };

/** Day 3 of the mobility: the current phase marked, today and the travel dates on the timeline, what each phase produced. */
export const MidMobility: Story = { name: 'Mid-mobility', args: { space: 'tracker-mid' } };

/** The shared learning goals and the class's self-ratings before and after, as a chart and a table. */
export const GoalsChart: Story = { name: 'Goals chart', args: { space: 'tracker-goals', view: 'goals' } };

/** An observer (the city council) reads the plan: no controls that change it, no ratings. */
export const Observer: Story = {
  args: { space: 'tracker-observer', 'user-id': observer.id, 'user-name': observer.name, 'user-role': 'observer', school: '' },
};

/** `lang="es"`: the interface speaks Spanish (the plan's own text is as the teachers wrote it). */
export const SpanishUI: Story = { name: 'Spanish UI', args: { space: 'tracker-spanish', lang: 'es', view: 'checklist' } };

/** `theme="dark"` on a dark page. */
export const DarkTheme: Story = {
  args: { space: 'tracker-dark', theme: 'dark' },
  globals: { theme: 'dark' },
  render: (args) => html`<div style="color-scheme:dark; background:Canvas; color:CanvasText; padding:1rem">${meta.render(args)}</div>`,
};

/** 320 px wide, as a pupil who travels: what's next for her, and her own self-rating form. */
export const Narrow: Story = {
  name: '320 px wide',
  args: { space: 'tracker-narrow', 'user-id': 'pupil-1', 'user-name': 'Pupil 1', 'user-role': 'pupil', school: 'IES Mar Menor (Cartagena)', view: 'goals' },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  render: (args) => html`<div style="max-width:320px">${meta.render(args)}</div>`,
};

/** The tracker drives the glossary beside it: "Show only this phase" filters both (here: the mobility). */
export const DrivingWidgets: Story = {
  name: 'Driving the other widgets',
  args: { space: 'tracker-driving', phase: 'mobility' },
  render: (args) => html`<twin-space space=${args.space} adapter=${args.adapter} user-id=${args['user-id']} user-name=${args['user-name']} user-role=${args['user-role']} lang="en" phase=${args.phase}>
    <twin-phase-tracker today=${args.today}></twin-phase-tracker>
    <twin-glossary languages="en pl es"></twin-glossary>
  </twin-space>`,
};
