import { BOARD_FILE_LIMITS, BOARD_IMAGE_LIMITS } from '../src/components/twin-board/media/board-media-limits.js';
import { positionsBetween } from '../src/components/twin-board/model/fractional-position.js';
import type { TwinStore } from '../src/sdk/store/create-store.js';
import type { TwinRecord } from '../src/sdk/store/store-types.js';
import { fieldworkWorksheet } from './sample-pdf.js';
import { SAMPLE_PHOTOS, samplePhotoFiles } from './sample-photos.js';

type Author = 'teacher-lucia' | 'pupil-kasia' | 'pupil-marco';

export const SAMPLE_BOARD_SECTIONS = ['Our schools', 'Day 1 in Gdynia', 'Fieldwork', 'Final products'] as const;

interface SamplePost {
  by: Author;
  /** When it was posted (ISO time): its comments and reactions follow within hours. */
  at: string;
  /** Index in SAMPLE_BOARD_SECTIONS. */
  section: number;
  phase: string;
  fields: Record<string, unknown>;
  /** A photo to draw and store (image posts). */
  photo?: keyof typeof SAMPLE_PHOTOS;
  /** The fieldwork worksheet (the file post). */
  pdf?: boolean;
  /** Left waiting for a teacher's approval: the moderation queue has something to show. */
  pending?: boolean;
  comments?: [Author, string][];
  reactions?: [Author, 'like' | 'love' | 'clap' | 'idea'][];
}

/**
 * The board in the mobility week: a teacher's pinned welcome, Kasia posting from Gdynia (photos of
 * the pier, the lighthouse, the sunset and the fieldwork), Marco taking part from Bari (his school,
 * a comparison, videos he found, comments and questions), a link to the port, the fieldwork
 * worksheet as a PDF, mixed teams' tags, colour labels, reactions, and one post of Marco's still
 * waiting for approval. In the order of the board, section by section.
 */
export const SAMPLE_BOARD_POSTS: SamplePost[] = [
  {
    by: 'teacher-lucia',
    at: '2027-02-01T08:30:00+01:00',
    section: 0,
    phase: 'preparation',
    fields: {
      kind: 'text',
      title: 'Welcome to our board!',
      body: '<p>This is where our four schools collect what we see, read and make. <strong>Post</strong> a photo, a link or a file in the right section, and <em>react</em> to your partners’ posts.</p><ul><li>Travelling to Gdynia? Post from the trip every day.</li><li>At home? Comment and ask questions: the travellers answer.</li></ul><p>Tag each post with your mixed team: team-amber, team-harbour or team-tide.</p>',
      pinned: true,
      color: 'yellow',
    },
    reactions: [
      ['pupil-kasia', 'like'],
      ['pupil-marco', 'like'],
    ],
  },
  {
    by: 'pupil-marco',
    at: '2027-02-03T15:10:00+01:00',
    section: 0,
    phase: 'preparation',
    fields: {
      kind: 'text',
      title: 'Ciao from Liceo Galilei in Bari',
      body: '<p>We are 24 pupils from <strong>Bari</strong>, on the Adriatic Sea. Our port is busy with ferries to Greece and Albania.</p><p>Some of us stay home this time: we follow the trip here and prepare the exhibition.</p>',
      color: 'green',
      tags: ['team-tide'],
    },
    reactions: [['pupil-kasia', 'love']],
  },
  {
    by: 'pupil-kasia',
    at: '2027-02-20T17:45:00+01:00',
    section: 0,
    phase: 'preparation',
    fields: {
      kind: 'link',
      title: 'Before you come: the port of Gdynia',
      url: 'https://www.port.gdynia.pl/en/',
      body: '<p>Our port is one of the biggest on the Baltic. Read about it before the trip: we visit the container terminal on Day 2.</p>',
      color: 'blue',
      tags: ['team-harbour'],
    },
    reactions: [['pupil-marco', 'like']],
  },
  {
    by: 'pupil-kasia',
    at: '2027-03-08T08:20:00+01:00',
    section: 1,
    phase: 'mobility',
    photo: 'pier',
    fields: { kind: 'image', title: 'The pier in the morning', body: '<p>Our first walk together: the pier at eight in the morning, gulls everywhere.</p>', color: 'blue', tags: ['team-harbour'] },
    comments: [
      ['pupil-marco', 'Our pier in Bari is made of stone. How long is this one?'],
      ['pupil-kasia', 'About 500 m. We walked to the very end!'],
    ],
    reactions: [
      ['pupil-marco', 'love'],
      ['teacher-lucia', 'clap'],
    ],
  },
  {
    by: 'teacher-lucia',
    at: '2027-03-08T11:05:00+01:00',
    section: 1,
    phase: 'mobility',
    photo: 'lighthouse',
    fields: {
      kind: 'image',
      title: 'The lighthouse at the harbour entrance',
      body: '<p>Our guide explained how its light shows the ships the way into the harbour at night.</p>',
      color: 'orange',
      tags: ['team-amber', 'team-harbour'],
    },
    comments: [['pupil-marco', 'Can you climb to the top? I would love to see the view.']],
    reactions: [
      ['pupil-kasia', 'like'],
      ['pupil-marco', 'idea'],
    ],
  },
  {
    by: 'pupil-kasia',
    at: '2027-03-08T16:40:00+01:00',
    section: 1,
    phase: 'mobility',
    fields: {
      kind: 'text',
      title: 'Our first words in Spanish',
      body: '<p>The pupils from Cartagena taught us:</p><ul><li><em>¡Hola!</em> – hello</li><li><em>el faro</em> – the lighthouse</li><li><em>la ola</em> – the wave</li></ul><p>Tomorrow we teach them Polish!</p>',
      color: 'pink',
      tags: ['team-amber'],
    },
    reactions: [['teacher-lucia', 'love']],
  },
  {
    by: 'pupil-kasia',
    at: '2027-03-08T19:30:00+01:00',
    section: 1,
    phase: 'mobility',
    photo: 'sunset',
    fields: { kind: 'image', title: 'Sunset over the Baltic', body: '<p>The end of Day 1, seen from the beach.</p>', color: 'purple', tags: ['team-amber'] },
    comments: [['teacher-lucia', 'A beautiful photo, Kasia. Remember to write where you took it.']],
    reactions: [
      ['pupil-marco', 'love'],
      ['teacher-lucia', 'love'],
    ],
  },
  {
    by: 'teacher-lucia',
    at: '2027-03-08T21:00:00+01:00',
    section: 2,
    phase: 'mobility',
    pdf: true,
    fields: { kind: 'file', title: 'Fieldwork worksheet', body: '<p>One per team: print it, or fill it in on a tablet. Bring it back on Thursday.</p>', color: 'yellow' },
  },
  {
    by: 'pupil-kasia',
    at: '2027-03-09T13:30:00+01:00',
    section: 2,
    phase: 'mobility',
    photo: 'fieldwork',
    fields: {
      kind: 'image',
      title: 'Measuring the waves',
      body: '<p>Our team read the pole every hour. The highest wave: <strong>40 cm</strong> at 11:00, with a strong west wind.</p>',
      color: 'green',
      tags: ['team-tide', 'team-harbour'],
    },
    comments: [['pupil-marco', 'Great data! Can you post your table too? I will make a chart of it from home.']],
    reactions: [
      ['pupil-marco', 'clap'],
      ['teacher-lucia', 'clap'],
    ],
  },
  {
    by: 'pupil-marco',
    at: '2027-03-09T16:00:00+01:00',
    section: 2,
    phase: 'mobility',
    fields: {
      kind: 'video',
      title: 'Videos: how scientists measure waves',
      url: 'https://www.youtube.com/results?search_query=how+to+measure+wave+height',
      body: '<p>I found these at home: far out at sea, buoys measure the waves and send the data by radio.</p>',
      color: 'blue',
      tags: ['team-tide'],
    },
    reactions: [['pupil-kasia', 'idea']],
  },
  {
    by: 'pupil-marco',
    at: '2027-03-09T18:20:00+01:00',
    section: 2,
    phase: 'mobility',
    fields: {
      kind: 'text',
      title: 'Bari and Gdynia: two seas compared',
      body: '<p>From home I compared our data with Kasia’s team:</p><ul><li>The <strong>Adriatic</strong> has a small tide, about 30 cm.</li><li>The <strong>Baltic</strong> has almost none.</li></ul><p>So why were the waves higher in Gdynia today? <em>The wind!</em></p>',
      color: 'purple',
      tags: ['team-tide'],
    },
    reactions: [
      ['pupil-kasia', 'idea'],
      ['teacher-lucia', 'idea'],
    ],
  },
  {
    by: 'teacher-lucia',
    at: '2027-03-10T09:00:00+01:00',
    section: 3,
    phase: 'dissemination',
    fields: {
      kind: 'text',
      title: 'Our exhibition at the town library',
      body: '<p>In April we show this board to families at the town library. Each team chooses its <strong>three best posts</strong>; we export the board as an exhibition file.</p>',
      color: 'orange',
      tags: ['team-amber', 'team-harbour', 'team-tide'],
    },
  },
  {
    by: 'pupil-marco',
    at: '2027-03-10T10:15:00+01:00',
    section: 3,
    phase: 'reflection',
    pending: true,
    fields: {
      kind: 'text',
      title: 'Draft: questions for the harbour master',
      body: '<ol><li>How many ships come in every day?</li><li>What happens to the port in a storm?</li></ol>',
      tags: ['team-harbour'],
    },
  },
];

/** Published posts of the sample board (what a guest sees, and what the exhibition shows). */
export const SAMPLE_BOARD_PUBLISHED = SAMPLE_BOARD_POSTS.filter((post) => !post.pending).map((post) => String(post.fields.title));

/**
 * Writes the sample board: the teacher's sections, then each post by its author (photos drawn and
 * prepared as a picked photo would be, the worksheet as a PDF), comments and reactions.
 * `as(id)` is that person's store; `published` approves what the space's moderation held back;
 * `draftAs(id)` is a store under moderation, for the post left waiting for approval; `setClock`
 * sets the time those stores write (their `now`), so each post carries the day it belongs to.
 */
export async function seedSampleBoard(
  as: (id: string) => TwinStore,
  published: <T extends TwinRecord>(collection: string, record: T) => Promise<T>,
  draftAs: (id: string) => TwinStore,
  setClock: (time: Date) => void = () => undefined,
): Promise<void> {
  const lucia = as('teacher-lucia');
  const minutesAfter = (iso: string, minutes: number) => setClock(new Date(Date.parse(iso) + minutes * 60_000));
  minutesAfter(SAMPLE_BOARD_POSTS[0].at, -30);
  const sectionKeys = positionsBetween(undefined, undefined, SAMPLE_BOARD_SECTIONS.length);
  const sections = await lucia.createAll(SAMPLE_BOARD_SECTIONS.map((name, i) => ({ collection: 'board-section', fields: { name, position: sectionKeys[i] } })));
  const positions = SAMPLE_BOARD_SECTIONS.map((_, i) => positionsBetween(undefined, undefined, SAMPLE_BOARD_POSTS.filter((post) => post.section === i).length));
  for (const post of SAMPLE_BOARD_POSTS) {
    const author = post.pending ? draftAs(post.by) : as(post.by);
    const fields: Record<string, unknown> = { ...post.fields, section: sections[post.section].id, position: positions[post.section].shift(), phase: post.phase };
    if (post.photo) {
      const photo = SAMPLE_PHOTOS[post.photo];
      const files = await samplePhotoFiles(photo);
      const image = await author.putAttachment(files.image, BOARD_IMAGE_LIMITS);
      const thumbnail = await author.putAttachment(files.thumbnail, BOARD_IMAGE_LIMITS);
      Object.assign(fields, {
        attachment: image.id,
        thumbnail: thumbnail.id,
        alt: photo.alt,
        file: { name: photo.name.replace(/\.\w+$/, image.type === 'image/png' ? '.png' : '.jpg'), type: image.type, size: image.size, width: files.width, height: files.height },
      });
    }
    if (post.pdf) {
      const stored = await author.putAttachment(fieldworkWorksheet(), BOARD_FILE_LIMITS);
      Object.assign(fields, { attachment: stored.id, file: { name: 'fieldwork-worksheet.pdf', type: stored.type, size: stored.size } });
    }
    minutesAfter(post.at, 0);
    const created = await author.create('board', fields);
    if (post.pending) continue;
    const record = await published('board', created);
    for (const [i, [by, body]] of (post.comments ?? []).entries()) {
      minutesAfter(post.at, 45 * (i + 1));
      await published('board-comment', await as(by).create('board-comment', { target: record.id, body }));
    }
    for (const [i, [by, kind]] of (post.reactions ?? []).entries()) {
      minutesAfter(post.at, 20 * (i + 1));
      await as(by).create('board-reaction', { target: record.id, kind }, { id: `${record.id}~${kind}~${by}` });
    }
  }
}
