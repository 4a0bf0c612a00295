import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ROLES, TwinSpace } from '../src/index.js';
import '../src/components/twin-board/twin-board.js'; // defines <twin-board> and its parts (listed in sideEffects)
import { BOARD_ADAPTERS, marcoAtHome, registerBoardStoryAdapters, travellingLea, travellingPablo } from './support/board-seed.js';
import { lucia, observer } from './support/glossary-seed.js';

TwinSpace.define('twin-space');
registerBoardStoryAdapters();

interface BoardArgs {
  space: string;
  adapter: string;
  'user-id': string;
  'user-name': string;
  'user-role': string;
  school: string;
  mobile: boolean;
  theme: string;
  lang: string;
  layout: string;
  'embed-hosts': string;
}

/**
 * `<twin-board>` is the project's collaborative pinboard: posts (text, links, photos, clips,
 * files) in sections, shown as a wall, columns, a timeline or a stream; reactions, comments,
 * pinning, colour labels, team tags, reports and moderation. The stories' board is that of the
 * sample project "Coasts we share" during its mobility in Gdynia (8 to 14 March 2027): Pablo and
 * Léa travel, Marco follows from home in Bari, and their teachers post from three schools.
 */
const meta = {
  title: 'Twinkit/twin-board',
  args: {
    space: 'board-stories',
    adapter: 'story-board-every-kind',
    'user-id': travellingPablo.id,
    'user-name': travellingPablo.name,
    'user-role': 'pupil',
    school: travellingPablo.school ?? '',
    mobile: true,
    theme: '',
    lang: '',
    layout: '',
    'embed-hosts': '',
  },
  argTypes: {
    adapter: { control: 'select', options: BOARD_ADAPTERS },
    'user-role': { control: 'select', options: ROLES },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark', 'auto'] },
    lang: { control: 'inline-radio', options: ['', 'en', 'es'] },
    layout: { control: 'inline-radio', options: ['', 'wall', 'columns', 'timeline', 'stream'] },
  },
  render: (args: BoardArgs) => html`<twin-space
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
    <twin-board layout=${args.layout || nothing} embed-hosts=${args['embed-hosts'] || nothing}></twin-board>
  </twin-space>`,
} satisfies Meta<BoardArgs>;

export default meta;
type Story = StoryObj<BoardArgs>;

const asTeacher = { 'user-id': lucia.id, 'user-name': lucia.name, 'user-role': 'teacher', school: lucia.school ?? '', mobile: false };
const asMarcoAtHome = { 'user-id': marcoAtHome.id, 'user-name': marcoAtHome.name, 'user-role': 'pupil', school: marcoAtHome.school ?? '', mobile: false };
const asLea = { 'user-id': travellingLea.id, 'user-name': travellingLea.name, 'user-role': 'pupil', school: travellingLea.school ?? '', mobile: true };

/** A teacher on a new board: no sections yet, and a button to add the usual four. */
export const Empty: Story = { args: { adapter: 'story-board-empty', space: 'board-empty', ...asTeacher } };

/**
 * The wall, as Pablo (travelling) sees it: posts of every kind (rich text, a link, a photo with
 * its description, a video link, a voice note, a PDF), the teacher's pinned welcome, colour labels,
 * team tags, comments and reactions, from a pupil at home and two travellers of three schools.
 */
export const Wall: Story = { args: { space: 'board-wall', layout: 'wall' } };

/** The same board in columns, one per section, as the Spanish teacher sees it (section tools, the review queue). */
export const Columns: Story = { args: { space: 'board-columns', layout: 'columns', ...asTeacher } };

/** By day, as Marco sees it from home in Bari: the mobility's days are numbered ("day 3 of the mobility"). */
export const Timeline: Story = { args: { space: 'board-timeline', layout: 'timeline', ...asMarcoAtHome } };

/** One narrow column, as Léa (travelling) sees it. */
export const Stream: Story = { args: { space: 'board-stream', layout: 'stream', ...asLea } };

/** 1,000 posts by 24 pupils over ten days, with about 2,000 comments and 3,000 reactions, as a teacher sees them. */
export const ThousandPosts: Story = {
  name: '1,000 posts',
  args: { adapter: 'story-board-1000', space: 'board-1000', ...asTeacher },
};

/**
 * The teacher turned approval on: two pupils' posts and a comment wait, and a post was reported.
 * "To review (4)" opens the queue.
 */
export const ModerationQueue: Story = {
  name: 'Moderation queue',
  args: { adapter: 'story-board-moderation', space: 'board-moderation', ...asTeacher },
};

/** An observer (the city council) reads the board: no "Add a post", reactions shown but disabled. */
export const Observer: Story = {
  args: { space: 'board-observer', 'user-id': observer.id, 'user-name': observer.name, 'user-role': 'observer', school: '', mobile: false },
};

/** `lang="es"`: the interface speaks Spanish (the posts stay as their authors wrote them). */
export const SpanishUI: Story = { name: 'Spanish UI', args: { space: 'board-spanish', lang: 'es' } };

/** `theme="dark"` on a dark page. */
export const DarkTheme: Story = {
  args: { space: 'board-dark', theme: 'dark', ...asMarcoAtHome },
  globals: { theme: 'dark' },
  render: (args) => html`<div style="color-scheme:dark; background:Canvas; color:CanvasText; padding:1rem">${meta.render(args)}</div>`,
};

/** 320 px wide, in the board's default layout (the teacher's choice: the wall). */
export const Narrow: Story = {
  name: '320 px wide',
  args: { space: 'board-narrow' },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  render: (args) => html`<div style="max-width:320px">${meta.render(args)}</div>`,
};
