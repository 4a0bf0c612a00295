import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MODERATION_MODES, ROLES, TwinSpace } from '../src/index.js';
import '../src/components/twin-glossary/twin-glossary.js'; // defines <twin-glossary> and its parts (listed in sideEffects)
import { GLOSSARY_ADAPTERS, observer, pablo, registerGlossaryStoryAdapters } from './support/glossary-seed.js';

TwinSpace.define('twin-space'); // in an app: import 'twinkit/components/twin-space' (or 'twinkit/define' for every tag)
registerGlossaryStoryAdapters(); // adapter="story-glossary-*": memory adapters seeded through the SDK

/** The args are the attributes of `<twin-space>` and `<twin-glossary>`, spelled as in HTML. */
interface GlossaryArgs {
  space: string;
  adapter: string;
  'user-id': string;
  'user-name': string;
  'user-role': string;
  school: string;
  moderation: string;
  theme: string;
  lang: string;
  languages: string;
  view: string;
}

/**
 * `<twin-glossary>` is the multilingual glossary that partner schools write together: one entry
 * per concept, with a term, definition, example and aliases in each language of the space. Here it
 * sits in a `<twin-space>` on a memory adapter seeded by stories/support/glossary-seed.ts: a dozen
 * entries from three partner schools (Cartagena, Bari, Sète), or 10 000 generated ones.
 */
const meta = {
  title: 'Twinkit/twin-glossary',
  args: {
    space: 'glossary-stories',
    adapter: 'story-glossary-coast',
    'user-id': 'teacher-lucia',
    'user-name': 'Lucía Martínez',
    'user-role': 'teacher',
    school: 'IES Mar Menor (Cartagena)',
    moderation: 'off',
    theme: '',
    lang: '',
    languages: 'en es fr it',
    view: 'two',
  },
  argTypes: {
    space: { description: 'Space id. Each story has its own, so what you add in one story stays out of the others.' },
    adapter: {
      description: 'A memory adapter seeded by stories/support/glossary-seed.ts.',
      control: 'select',
      options: [...GLOSSARY_ADAPTERS, 'memory'],
    },
    'user-role': { control: 'select', options: ROLES },
    moderation: { control: 'inline-radio', options: MODERATION_MODES },
    theme: { description: 'Empty: the Theme toolbar decides.', control: 'inline-radio', options: ['', 'light', 'dark', 'auto'] },
    lang: { description: 'Empty: inherited from the story root (the Language toolbar).', control: 'inline-radio', options: ['', 'en', 'es'] },
    languages: { description: 'The space’s languages, BCP 47 codes separated by spaces.' },
    view: { description: '`one` language, `two` side by side, or `all`.', control: 'inline-radio', options: ['one', 'two', 'all'] },
  },
  render: (args, { globals }) => html`
    <twin-space
      space=${ifDefined(args.space || undefined)}
      adapter=${args.adapter}
      user-id=${ifDefined(args['user-id'] || undefined)}
      user-name=${ifDefined(args['user-name'] || undefined)}
      user-role=${ifDefined(args['user-role'] || undefined)}
      school=${ifDefined(args.school || undefined)}
      moderation=${ifDefined(args.moderation || undefined)}
      theme=${ifDefined(args.theme || globals.theme || undefined)}
      lang=${ifDefined(args.lang || undefined)}
    >
      <twin-glossary languages=${ifDefined(args.languages || undefined)} view=${ifDefined(args.view || undefined)}></twin-glossary>
    </twin-space>
  `,
} satisfies Meta<GlossaryArgs>;

export default meta;
type Story = StoryObj<GlossaryArgs>;

/** Polls until `find` returns something (the glossary renders in shadow roots, after the adapter is ready). */
async function until<T>(find: () => T | null | undefined | false, what: string, timeout = 5_000): Promise<T> {
  const end = performance.now() + timeout;
  for (;;) {
    const found = find();
    if (found) return found;
    if (performance.now() > end) throw new Error(`Story: gave up waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A teacher on an empty glossary: the invitation to add the first word, and the Add button. */
export const Empty: Story = {
  args: { adapter: 'story-glossary-empty', space: 'glossary-empty' },
};

/**
 * Four languages, a dozen entries from three schools. Some lack a language ("Help wanted in …"),
 * Calima exists only in Spanish, and one entry pasted from a website has markup as its term: it
 * shows as text.
 */
export const FourLanguages: Story = {
  name: 'Four languages',
  args: { space: 'glossary-four-languages', view: 'all' },
};

/** 10 000 generated entries in four languages: the list is virtualised, with an A to Z index. */
export const TenThousandEntries: Story = {
  name: '10,000 entries',
  args: { adapter: 'story-glossary-10k', space: 'glossary-10k' },
};

/**
 * `moderation="pupils"`: three pupils' entries wait for approval. The teacher sees them with a
 * badge, and a "Waiting for approval (3)" button that filters them.
 */
export const PendingModeration: Story = {
  name: 'Pending moderation',
  args: { adapter: 'story-glossary-pending', space: 'glossary-pending', moderation: 'pupils' },
};

/** An observer (a guest such as the city council) reads: no Add button, no import, no comment box. */
export const Observer: Story = {
  args: { space: 'glossary-observer', 'user-id': observer.id, 'user-name': observer.name, 'user-role': 'observer', school: '' },
};

/** `lang="es"` on the space: the interface speaks Spanish and the list is sorted by the Spanish terms. */
export const SpanishUI: Story = {
  name: 'Spanish UI',
  args: { space: 'glossary-spanish', lang: 'es' },
};

/** `theme="dark"` on the space, on a dark page (the Theme toolbar is set to dark, and the wrapper paints the dark page colour). */
export const DarkTheme: Story = {
  args: { space: 'glossary-dark', theme: 'dark' },
  globals: { theme: 'dark' },
  render: (args, context) => html`<div style="color-scheme:dark; background:Canvas; color:CanvasText; padding:1rem">${meta.render(args, context)}</div>`,
};

/**
 * 320 px wide (the "Small mobile" viewport): languages stack inside each row. Signed in as Pablo, a
 * pupil, with moderation on: his own entry (Seahorse / Caballito de mar) shows its "Waiting for
 * approval" badge; the other pupils' drafts stay hidden from him.
 */
export const Narrow: Story = {
  name: '320 px wide',
  args: {
    adapter: 'story-glossary-pending',
    space: 'glossary-narrow',
    moderation: 'pupils',
    'user-role': 'pupil',
    'user-id': pablo.id,
    'user-name': pablo.name,
    school: pablo.school,
  },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  render: (args, context) => html`<div style="max-width:320px">${meta.render(args, context)}</div>`,
};

/** The Tide entry open (after render, the story clicks its row): every language, comments and "helpful" marks. */
export const EntryOpen: Story = {
  name: 'Entry open',
  args: { space: 'glossary-entry-open' },
  play: async ({ canvasElement }) => {
    const glossary = await until(() => canvasElement.querySelector('twin-glossary')?.shadowRoot, 'the glossary');
    const row = await until(
      () => [...glossary.querySelectorAll<HTMLButtonElement>('li[data-row] button')].find((button) => button.textContent?.includes('Tide')),
      'the Tide row',
    );
    row.click();
    await until(() => glossary.querySelector('dialog[open] twin-glossary-entry')?.shadowRoot?.querySelector('.comments li'), 'the entry with its comments');
  },
};
