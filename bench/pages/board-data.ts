/**
 * Deterministic data for the TwinBoard UI benchmark (issue: "a board of 1,000 posts with 5,000
 * comments and reactions"): 20 sections, 1,000 posts by 60 pupils of 3 schools and their teacher,
 * 2,500 comments and 2,500 reactions, and a few reports. Generated from a fixed seed with the
 * benchmark's PRNG; every record is valid for its schema (the page's seed writes them through the
 * stores, as their authors).
 *
 * Posts, by kind: about 68 % text (a title and a short body of the board's safe rich text: p,
 * strong, em, ul/li, http(s) links), 12 % links, 12 % photos (each with its own small thumbnail
 * and picture, stored before the post), 4 % video links and 4 % files (a small PDF). Positions in
 * each section are `positionsBetween(undefined, undefined, n)`, as a board built post by post and
 * rebalanced would hold. Some posts carry a colour label or team tags; a few of the teacher's are
 * pinned. Comments and reactions lean towards some posts (a few are popular, many have none).
 *
 * What the board must show (posts per section in display order, comments and reactions per post)
 * is computed here from the generated data, independently of the element's model.
 */
import type { TwinUser } from '../../src/sdk/policy/roles.js';
import { positionsBetween } from '../../src/components/twin-board/model/fractional-position.js';
import { prng } from './data.js';

export const BOARD_SCHOOLS = ['IES Mar Menor', 'Szkoła Podstawowa nr 12 Gdynia', 'Liceo Galilei'] as const;

export const BOARD_SECTION_NAMES = [
  'Our schools',
  'Meet the partners',
  'Our coasts in winter',
  'Before the trip',
  'Travel day',
  'Day 1: the harbour',
  'Day 2: the dunes',
  'Day 3: the sea museum',
  'Day 4: fieldwork',
  'Day 5: the lighthouse',
  'Day 6: the city',
  'Travel back',
  'Tides and temperatures',
  'Plastic on our beaches',
  'Interviews',
  'Words we learned',
  'Recipes from the host families',
  'Final products',
  'The exhibition',
  'Thank you!',
] as const;

export const BOARD_REACTION_KINDS = ['like', 'love', 'clap', 'idea'] as const;
export const BOARD_COLOR_LABELS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;

export type BoardBenchKind = 'text' | 'link' | 'image' | 'video' | 'file';

/** A pupil (the roster of the seed) or the teacher. */
export interface BoardBenchUser extends TwinUser {
  school?: string;
  mobile?: boolean;
}

export interface BoardBenchPost {
  /** Index in `users` of the author (the teacher is the last). */
  author: number;
  section: number;
  kind: BoardBenchKind;
  /** The post's fields but the stored files' ids (filled in by the seed). */
  fields: Record<string, unknown>;
  /** For photos and files: which stored file (an index into the seed's files). */
  file?: number;
}

export interface BoardBenchComment {
  author: number;
  target: number;
  body: string;
}

export interface BoardBenchReaction {
  author: number;
  target: number;
  kind: (typeof BOARD_REACTION_KINDS)[number];
}

export interface BoardBenchData {
  users: BoardBenchUser[];
  teacher: number;
  sections: { name: string; position: string }[];
  posts: BoardBenchPost[];
  comments: BoardBenchComment[];
  reactions: BoardBenchReaction[];
  flags: { author: number; target: number; reason: string }[];
  /** Photos and files to store before the posts: per index, what to draw or write. */
  files: { kind: 'photo' | 'pdf'; post: number }[];
}

export interface BoardBenchConfig {
  seed: number;
  sections: number;
  posts: number;
  comments: number;
  reactions: number;
  pupils: number;
}

const FIRST_NAMES = ['Lucía', 'Hugo', 'Martina', 'Pablo', 'Zofia', 'Jakub', 'Maja', 'Kacper', 'Giulia', 'Marco', 'Chiara', 'Luca', 'Sofía', 'Diego', 'Julia', 'Filip', 'Aurora', 'Matteo', 'Irene', 'Hanna'];
const SURNAMES = ['García', 'Nowak', 'Rossi', 'Martínez', 'Kowalska', 'Russo', 'López', 'Wiśniewski', 'Ferrari', 'Sánchez', 'Wójcik', 'Esposito'];

const TITLES = [
  'The harbour at dawn',
  'Measuring the tide',
  'Our video call',
  'Plastic we collected',
  'Interview with a fisherman',
  'What the dunes protect',
  'Birds of the estuary',
  'Fish soup recipe',
  'The lighthouse tour',
  'A map of our beach',
  'Words in three languages',
  'Sailing lesson',
  'Storm at home',
  'Market by the port',
  'Our exhibition poster',
  'Water temperature log',
  'Seals near the pier',
  'Presenting our school',
  'Sand samples',
  'Thank you, host families',
];
const SENTENCES = [
  'We went down to the harbour and counted every boat we could see.',
  'My partner explained how the tide works on their coast.',
  'The water was colder than we expected.',
  'We collected two bags of plastic in less than an hour.',
  'The fisherman said there are fewer fish every year.',
  'The plants keep the dunes in place.',
  'We added five new words to the glossary.',
  'It rained all day, so we compared our data inside.',
  'My host family taught me how to say thank you properly.',
  'Next time I want to take more photos.',
  'Everyone ran to the railing to see the seal.',
  'The guide showed us old maps of the coastline.',
];
const EMPHASIS = ['tide', 'harbour', 'partner', 'glossary', 'dunes', 'plastic', 'lighthouse', 'storm'];
const LINKS = [
  'https://en.wikipedia.org/wiki/Gdynia',
  'https://en.wikipedia.org/wiki/Mar_Menor',
  'https://en.wikipedia.org/wiki/Tide',
  'https://www.marinetraffic.com/',
  'https://oceanservice.noaa.gov/facts/tides.html',
  'https://www.europeana.eu/en',
  'https://erasmus-plus.ec.europa.eu/',
  'https://www.openstreetmap.org/#map=12/54.5189/18.5305',
];
const VIDEOS = ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'https://player.vimeo.com/video/76979871', 'https://www.youtube.com/watch?v=aqz-KE-bpKQ'];
const TAGS = ['team-a', 'team-b', 'team-c', 'fieldwork', 'glossary', 'exhibition', 'data', 'interview'];
const COMMENTS = [
  'Great photo!',
  'I did not know that, thank you.',
  'We saw the same thing on our beach.',
  'Can you add the temperature you measured?',
  'This is my favourite post.',
  'How many bags did you collect in the end?',
  'Muy bien, me encanta.',
  'Świetne zdjęcie!',
  'Bellissimo, grazie!',
  'Could you write the word in Polish too?',
  'We should put this in the exhibition.',
  'What time was the high tide?',
];
const FLAG_REASONS = ['Someone’s face is in the photo without asking.', 'This link does not work.', 'Wrong section.'];

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** A short body of the board's rich text (as its editor saves it): 1 to 3 sentences, sometimes emphasis, a list or a link. */
function richBody(random: () => number): string {
  const sentences = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, SENTENCES));
  let text = sentences.join(' ');
  const word = pick(random, EMPHASIS);
  if (random() < 0.5 && text.includes(word)) text = text.replace(word, `<strong>${word}</strong>`);
  else if (random() < 0.3) text += ` <em>${word}</em>`;
  let html = `<p>${text}</p>`;
  if (random() < 0.15) html += `<ul><li>${pick(random, EMPHASIS)}</li><li>${pick(random, EMPHASIS)}</li></ul>`;
  if (random() < 0.1) html += `<p><a href="${pick(random, LINKS)}">more</a></p>`;
  return html;
}

/** How many posts each section holds: uneven (10 to about 90), summing to `total`. */
function sectionSizes(random: () => number, sections: number, total: number): number[] {
  const weights = Array.from({ length: sections }, () => 0.3 + random() * 1.7);
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((weight) => Math.max(10, Math.floor((weight / sum) * total)));
  let left = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; left !== 0; i = (i + 1) % sections) {
    if (left > 0) (sizes[i]++, left--);
    else if (sizes[i] > 10) (sizes[i]--, left++);
  }
  return sizes;
}

export function makeBoardData(config: BoardBenchConfig): BoardBenchData {
  const random = prng(config.seed * 977 + 13);
  const users: BoardBenchUser[] = Array.from({ length: config.pupils }, (_, i) => ({
    id: `pupil-${String(i + 1).padStart(3, '0')}`,
    name: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${SURNAMES[Math.floor(i / FIRST_NAMES.length + i) % SURNAMES.length]}`,
    role: 'pupil' as const,
    school: BOARD_SCHOOLS[i % BOARD_SCHOOLS.length],
    mobile: i % 2 === 0,
  }));
  users.push({ id: 't', name: 'Teacher', role: 'teacher', school: BOARD_SCHOOLS[0] });
  const teacher = users.length - 1;

  const names = Array.from({ length: config.sections }, (_, i) => BOARD_SECTION_NAMES[i % BOARD_SECTION_NAMES.length] + (i >= BOARD_SECTION_NAMES.length ? ` ${Math.floor(i / BOARD_SECTION_NAMES.length) + 1}` : ''));
  const sectionKeys = positionsBetween(undefined, undefined, config.sections);
  const sections = names.map((name, i) => ({ name, position: sectionKeys[i] }));

  const posts: BoardBenchPost[] = [];
  const files: BoardBenchData['files'] = [];
  sectionSizes(random, config.sections, config.posts).forEach((size, section) => {
    const keys = positionsBetween(undefined, undefined, size);
    for (let i = 0; i < size; i++) {
      const byTeacher = random() < 0.04;
      const author = byTeacher ? teacher : Math.floor(random() * config.pupils);
      const roll = random();
      const kind: BoardBenchKind = roll < 0.68 ? 'text' : roll < 0.8 ? 'link' : roll < 0.92 ? 'image' : roll < 0.96 ? 'video' : 'file';
      const title = pick(random, TITLES);
      const fields: Record<string, unknown> = { kind, section: '', position: keys[i] };
      if (kind !== 'text' || random() < 0.92) fields.title = title;
      if (kind === 'text') fields.body = richBody(random);
      else if (random() < 0.4) fields.body = richBody(random);
      if (kind === 'text' && !fields.title && !fields.body) fields.title = title;
      let file: number | undefined;
      if (kind === 'link') fields.url = pick(random, LINKS);
      if (kind === 'video') fields.url = pick(random, VIDEOS);
      if (kind === 'image') {
        file = files.push({ kind: 'photo', post: posts.length }) - 1;
        fields.alt = `${title}, photographed by ${users[author].name}`;
        fields.file = { name: `photo-${posts.length + 1}.jpg`, type: 'image/jpeg', size: 0, width: 320, height: 240 };
      }
      if (kind === 'file') {
        file = files.push({ kind: 'pdf', post: posts.length }) - 1;
        fields.file = { name: `worksheet-${posts.length + 1}.pdf`, type: 'application/pdf', size: 0 };
      }
      if (random() < 0.3) fields.color = pick(random, BOARD_COLOR_LABELS);
      if (random() < 0.35) fields.tags = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, TAGS)))];
      // Only those who moderate pin: some of the teacher's posts.
      if (byTeacher && random() < 0.5) fields.pinned = true;
      posts.push({ author, section, kind, fields, file });
    }
  });

  // Popularity: a few posts draw most of the comments and reactions.
  const weight = posts.map(() => random() ** 3);
  const total = weight.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  weight.reduce((sum, w, i) => (cumulative[i] = sum + w / total), 0);
  const popularPost = () => {
    const r = random();
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] < r) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const anyone = () => (random() < 0.05 ? teacher : Math.floor(random() * config.pupils));

  const comments: BoardBenchComment[] = [];
  while (comments.length < config.comments) {
    const target = popularPost();
    const body = pick(random, COMMENTS) + (random() < 0.3 ? ` ${pick(random, COMMENTS)}` : '');
    comments.push({ author: anyone(), target, body });
  }

  // One reaction of each kind per member and post (its id says so).
  const reactions: BoardBenchReaction[] = [];
  const given = new Set<string>();
  while (reactions.length < config.reactions) {
    const reaction = { author: anyone(), target: popularPost(), kind: pick(random, BOARD_REACTION_KINDS) };
    const key = `${reaction.target}~${reaction.kind}~${reaction.author}`;
    if (given.has(key)) continue;
    given.add(key);
    reactions.push(reaction);
  }

  const flags = Array.from({ length: 12 }, (_, i) => ({ author: (i * 7) % config.pupils, target: popularPost(), reason: FLAG_REASONS[i % FLAG_REASONS.length] }));
  return { users, teacher, sections, posts, comments, reactions, flags, files };
}

/** The display order the board must show (wall): per section, pinned first, then by position (then id). */
export function expectedOrder(data: BoardBenchData, postIds: readonly string[]): string[][] {
  const bySection = data.sections.map(() => [] as { id: string; pinned: boolean; position: string }[]);
  data.posts.forEach((post, i) => bySection[post.section].push({ id: postIds[i], pinned: !!post.fields.pinned, position: post.fields.position as string }));
  const order = (a: { id: string; pinned: boolean; position: string }, b: { id: string; pinned: boolean; position: string }) =>
    a.pinned !== b.pinned ? (a.pinned ? -1 : 1) : a.position !== b.position ? (a.position < b.position ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return bySection.map((list) => list.sort(order).map((post) => post.id));
}

/** Comments and reactions per post (by index), counted from the generated data. */
export function expectedSocial(data: BoardBenchData) {
  const comments = new Array<number>(data.posts.length).fill(0);
  const reactions = data.posts.map(() => ({ like: 0, love: 0, clap: 0, idea: 0 }));
  for (const comment of data.comments) comments[comment.target]++;
  for (const reaction of data.reactions) reactions[reaction.target][reaction.kind]++;
  return { comments, reactions };
}

/** A small photo (320x240 JPEG) and its thumbnail (96x72), different per post: drawn on a canvas. */
export async function makePhotoPair(index: number): Promise<{ picture: Blob; thumbnail: Blob }> {
  const draw = async (width: number, height: number) => {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d')!;
    const hue = (index * 37) % 360;
    context.fillStyle = `hsl(${hue} 60% 70%)`;
    context.fillRect(0, 0, width, height * 0.6);
    context.fillStyle = `hsl(${(hue + 180) % 360} 50% 45%)`;
    context.fillRect(0, height * 0.6, width, height * 0.4);
    context.fillStyle = '#fff';
    context.fillRect(width * (0.1 + (index % 7) / 10), height * 0.3, width / 10, height / 3);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
  };
  return { picture: await draw(320, 240), thumbnail: await draw(96, 72) };
}

/** A tiny but real PDF (the store checks the first bytes). */
export function makePdf(index: number): Blob {
  const text = `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% worksheet ${index}\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
  return new Blob([text], { type: 'application/pdf' });
}
