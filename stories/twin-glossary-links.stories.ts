import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { registerAdapter, type RawRecord } from '../src/index.js';
import { createMemoryAdapter } from '../src/sdk/adapters/memory/index.js';
// The registration files (in an app: import 'twinkit/components/twin-glossary-links').
import '../src/components/twin-space/twin-space.js';
import '../src/components/twin-glossary-links/twin-glossary-links.js';

const author = { id: 'ana', name: 'Ana García', school: 'IES Example' };
type Translations = Record<string, { term: string; definition?: string; aliases?: string[] }>;

function entry(id: string, translations: Translations, status = 'published'): RawRecord {
  const at = '2026-03-02T09:00:00.000Z';
  return { id, space: '', collection: 'glossary', rev: '', schemaVersion: 1, createdAt: at, updatedAt: at, author, status, translations };
}

const ENTRIES = [
  entry('tide', {
    en: { term: 'tide', definition: 'The rise and fall of the sea, about twice a day.' },
    es: { term: 'marea', definition: 'La subida y bajada del nivel del mar, unas dos veces al día.' },
  }),
  entry('sea-level', {
    en: { term: 'sea level', definition: 'The average height of the sea, used to measure heights on land.' },
    es: { term: 'nivel del mar', definition: 'La altura media del mar, con la que se miden las alturas en tierra.' },
  }),
  // No Spanish definition: Spanish readers get the English one, labelled.
  entry('harbour', { en: { term: 'harbour', definition: 'A sheltered place on the coast where boats stay.', aliases: ['harbor'] }, es: { term: 'puerto' } }),
  entry('host-family', {
    en: { term: 'host family', definition: 'The family a visiting pupil lives with during a mobility.' },
    es: { term: 'familia de acogida', definition: 'La familia con la que vive el alumnado visitante durante una movilidad.' },
  }),
  // Waiting for approval: never linked.
  entry('sea', { en: { term: 'sea', definition: 'Pending: not shown.' }, es: { term: 'mar', definition: 'Pendiente: no se muestra.' } }, 'pending'),
];

// A memory adapter seeded with the entries above, picked by name as an integrator's adapter is.
registerAdapter('story-glossary-links', async ({ space }) => {
  const adapter = createMemoryAdapter();
  await adapter.write(space, ENTRIES.map((record) => ({ type: 'put' as const, record, expectedRev: null })), { origin: 'story-seed' });
  return adapter;
});

const ENGLISH = html`<article lang="en">
  <h2>Our week in Vigo</h2>
  <p>On Monday our host family took us to the harbour. We watched the tide come in: the sea rose almost two metres above the morning's level!</p>
  <p>Our guide explained why sea level matters for a town like Vigo. <a href="#tide">Read more about the tide</a>.</p>
  <p data-twin-nolink>This paragraph asks not to be linked: tide, harbour.</p>
</article>`;

const SPANISH = html`<article lang="es">
  <h2>Nuestra semana en Vigo</h2>
  <p>El lunes, nuestra familia de acogida nos llevó al puerto. Vimos subir la marea: ¡el agua subió casi dos metros!</p>
  <p>La guía nos explicó por qué el nivel del mar es importante para una ciudad como Vigo.</p>
</article>`;

const POSTS = { en: ENGLISH, es: SPANISH };

interface LinksArgs {
  post: keyof typeof POSTS;
  /** The reader's language, overriding the post's own `lang`. */
  lang: string;
}

/**
 * `<twin-glossary-links>` marks the glossary's terms in a page's own text (here a school blog
 * post): the first occurrence of each published term in the post's language, with its definition
 * on hover and keyboard focus. Tab to a term or hover it; Escape hides the definition.
 * The glossary is a memory adapter seeded with five entries (one still pending, so never linked).
 */
const meta = {
  title: 'Twinkit/twin-glossary-links',
  args: { post: 'en', lang: '' },
  argTypes: {
    post: { control: 'inline-radio', options: ['en', 'es'] },
    lang: {
      description: "The reader's language, overriding the post's own `lang`. Empty: the post's.",
      control: 'inline-radio',
      options: ['', 'en', 'es'],
    },
  },
  render: (args, { globals }) => html`
    <twin-space adapter="story-glossary-links" space="blog-demo" user-id="ana" user-name="Ana García" user-role="teacher" theme=${globals.theme || 'light'}>
      <twin-glossary-links lang=${ifDefined(args.lang || undefined)}>${POSTS[args.post]}</twin-glossary-links>
    </twin-space>
  `,
} satisfies Meta<LinksArgs>;

export default meta;
type Story = StoryObj<LinksArgs>;

/** An English post: "tide", "harbour", "host family" and "sea level" are linked once each; the link and the opted-out paragraph are left alone. */
export const EnglishPost: Story = {};

/** A Spanish post (`lang="es"` on the article): Spanish terms and definitions; "puerto" has only an English definition, labelled as such. */
export const SpanishPost: Story = { args: { post: 'es' } };

/** 320 px wide (the "Small mobile" viewport): definitions wrap and stay on screen. */
export const Narrow: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  render: (args, context) => html`<div style="inline-size: 320px; max-inline-size: 100%">${meta.render(args, context)}</div>`,
};
