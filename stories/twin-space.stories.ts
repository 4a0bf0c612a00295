import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MODERATION_MODES, ROLES, TwinSpace } from '../src/index.js';
import { registerStoryAdapters } from './support/story-adapters.js';
import { defineStoryRecordCount } from './support/story-record-count.js';

TwinSpace.define('twin-space'); // in an app: import 'twinkit/components/twin-space' (or 'twinkit/define' for every tag)
defineStoryRecordCount(); // the demo consumer <story-record-count>
registerStoryAdapters(); // adapter="story-glossary" and adapter="story-damaged"

/** The args are the element's attributes, spelled as in HTML. */
interface SpaceArgs {
  space: string;
  adapter: string;
  'user-id': string;
  'user-name': string;
  'user-role': string;
  school: string;
  mobile: boolean;
  phase: string;
  moderation: string;
  theme: string;
  lang: string;
}

/**
 * `<twin-space>` gives every widget inside it the store, the signed-in user, the UI language and
 * the phase filter. It shows nothing itself but a status line when something is wrong. Here it
 * wraps `<story-record-count>`, a demo consumer (stories/support/) that lists the space's glossary.
 */
const meta = {
  title: 'Twinkit/twin-space',
  args: {
    space: 'demo-stories',
    adapter: 'memory',
    'user-id': 'ana',
    'user-name': 'Ana García',
    'user-role': 'teacher',
    school: 'IES Example',
    mobile: false,
    phase: '',
    moderation: 'off',
    theme: '',
    lang: '',
  },
  argTypes: {
    space: { description: 'Space id (required): every record belongs to one space.' },
    adapter: {
      description: 'A registered adapter name. The story-* ones are memory adapters pre-filled by stories/support/.',
      control: 'select',
      options: ['memory', 'indexeddb', 'story-glossary', 'story-damaged', 'nope'],
    },
    'user-role': { control: 'select', options: ROLES },
    moderation: { control: 'inline-radio', options: MODERATION_MODES },
    theme: {
      description: 'Empty: the Theme toolbar decides.',
      control: 'inline-radio',
      options: ['', 'light', 'dark', 'auto'],
    },
    lang: {
      description: 'Empty: inherited from the story root (the Language toolbar).',
      control: 'inline-radio',
      options: ['', 'en', 'es'],
    },
  },
  render: (args, { globals }) => html`
    <twin-space
      space=${ifDefined(args.space || undefined)}
      adapter=${args.adapter}
      user-id=${ifDefined(args['user-id'] || undefined)}
      user-name=${ifDefined(args['user-name'] || undefined)}
      user-role=${ifDefined(args['user-role'] || undefined)}
      school=${ifDefined(args.school || undefined)}
      ?mobile=${args.mobile}
      phase=${ifDefined(args.phase || undefined)}
      moderation=${ifDefined(args.moderation || undefined)}
      theme=${ifDefined(args.theme || globals.theme || undefined)}
      lang=${ifDefined(args.lang || undefined)}
    >
      <story-record-count></story-record-count>
    </twin-space>
  `,
} satisfies Meta<SpaceArgs>;

export default meta;
type Story = StoryObj<SpaceArgs>;

/** A teacher on an empty in-memory space: add a term and watch the consumer's list update. */
export const Default: Story = {};

/** An adapter name nobody registered: the status line says so, the widgets inside wait. */
export const UnknownAdapter: Story = {
  args: { adapter: 'nope' },
};

/** No `space` attribute: a warning instead of a store. */
export const MissingSpaceId: Story = {
  args: { space: '' },
};

/** One valid and one damaged record: the damaged one is reported, the valid one still shows. */
export const DamagedRecord: Story = {
  args: { adapter: 'story-damaged' },
};

/** `lang="es"` on the element: its status line (here about a damaged record) and the widgets speak Spanish. */
export const SpanishUI: Story = {
  name: 'Spanish UI',
  args: { lang: 'es', adapter: 'story-damaged' },
};

/** `theme="dark"` on the element, whatever the page's scheme. */
export const DarkTheme: Story = {
  args: { theme: 'dark', adapter: 'story-glossary' },
};

/** An observer (read-only guest) sees the records but no add button: `store.can('create')` is false. */
export const Observer: Story = {
  args: { 'user-role': 'observer', 'user-id': 'jan', 'user-name': 'Jan Novák', school: 'ZŠ Partner', adapter: 'story-glossary' },
};

/** 320 px wide (the "Small mobile" viewport), with a long German word in the list. */
export const Narrow: Story = {
  args: { adapter: 'story-glossary' },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  render: (args, context) => html`<div style="inline-size: 320px; max-inline-size: 100%">${meta.render(args, context)}</div>`,
};
