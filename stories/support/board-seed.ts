// Seeded memory adapters for the <twin-board> stories. Everyone writes through the SDK, as the
// partner schools would: every record is validated and signed by its author, files go through
// `putAttachment` with the board's limits, and the photo is prepared as the composer prepares it.
// A story clock dates each post across the mobility week (travel out 8 March 2027, back on the
// 14th), so the timeline shows "day N of the mobility".
import { registerAdapter, type TwinStore, type TwinUser } from '../../src/index.js';
import type { MemoryBacking } from '../../src/sdk/adapters/memory/index.js';
import { BOARD_CLIP_LIMITS, BOARD_FILE_LIMITS, BOARD_IMAGE_LIMITS } from '../../src/components/twin-board/media/board-media-limits.js';
import { preparePhoto } from '../../src/components/twin-board/media/prepare-photo.js';
import { positionsBetween } from '../../src/components/twin-board/model/fractional-position.js';
import { seedSamplePlan } from '../../src/test-support/sample-plan.js';
import { claire, giulia, lea, lucia, marco, pablo, SCHOOLS, seededFactory, storesOn } from './glossary-seed.js';

type Fields = Record<string, unknown>;

// ---- people and time ----------------------------------------------------------------------------

/** Pablo and Léa travel to Gdynia; Marco follows from home in Bari. */
export const travellingPablo: TwinUser = { ...pablo, mobile: true };
export const travellingLea: TwinUser = { ...lea, mobile: true };
export const marcoAtHome: TwinUser = { ...marco, mobile: false };

/**
 * A clock the seed sets to a day before writing: each write ticks a second later. Times are at
 * midday UTC, so a post stays on its day in any time zone from UTC-11 to UTC+11.
 */
function storyClock() {
  let at = Date.UTC(2027, 2, 1, 12);
  const now = () => new Date((at += 1_000));
  const setDay = (day: string, hour = 12) => {
    at = Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  };
  return { now, setDay };
}

/** The phase of the sample plan a day belongs to. */
const phaseOn = (day: string) => (day < '2027-03-08' ? 'preparation' : day <= '2027-03-14' ? 'mobility' : 'reflection');

/** Sections, in order, written by a teacher in one batch. */
async function addSections(teacher: TwinStore, names: string[]): Promise<string[]> {
  const positions = positionsBetween(undefined, undefined, names.length);
  const records = await teacher.createAll(names.map((name, i) => ({ collection: 'board-section', fields: { name, position: positions[i] } })));
  return records.map((record) => record.id);
}

async function createMany(store: TwinStore, collection: string, items: Fields[]) {
  const results = await store.createMany(collection, items);
  const failed = results.find((result) => !result.ok);
  if (failed && !failed.ok) throw new Error(`Story seed: a ${collection} record was refused: ${failed.error.message}`);
  return results.map((result) => (result.ok ? result.record : undefined)!);
}

// ---- files made in the page ------------------------------------------------------------------------

/** A 1200×900 JPEG of the pier at Gdynia at sunset, drawn on a canvas: a real photo to prepare. */
async function pierPhoto(): Promise<File> {
  const width = 1200;
  const height = 900;
  const canvas = new OffscreenCanvas(width, height);
  const g = canvas.getContext('2d')!;
  const sky = g.createLinearGradient(0, 0, 0, height * 0.55);
  sky.addColorStop(0, '#2b4c7e');
  sky.addColorStop(0.7, '#f4a261');
  sky.addColorStop(1, '#ffd6a5');
  g.fillStyle = sky;
  g.fillRect(0, 0, width, height * 0.55);
  g.fillStyle = '#ffe8a3';
  g.beginPath();
  g.arc(width * 0.72, height * 0.48, 70, 0, Math.PI * 2);
  g.fill();
  const sea = g.createLinearGradient(0, height * 0.55, 0, height);
  sea.addColorStop(0, '#1d5c8a');
  sea.addColorStop(1, '#0b2740');
  g.fillStyle = sea;
  g.fillRect(0, height * 0.55, width, height * 0.45);
  g.strokeStyle = 'rgba(255, 214, 165, 0.5)';
  g.lineWidth = 3;
  for (let y = height * 0.58; y < height; y += 26) {
    g.beginPath();
    g.moveTo(width * 0.55, y);
    g.lineTo(width * 0.9, y + 4);
    g.stroke();
  }
  // The pier: a deck in perspective on its posts.
  g.fillStyle = '#5b3a1e';
  g.beginPath();
  g.moveTo(0, height * 0.8);
  g.lineTo(width * 0.62, height * 0.58);
  g.lineTo(width * 0.64, height * 0.6);
  g.lineTo(0, height * 0.9);
  g.fill();
  for (let i = 0; i < 12; i++) {
    const x = (width * 0.62 * i) / 12;
    const top = height * 0.8 - (height * 0.22 * i) / 12;
    g.fillRect(x, top, 10 - i * 0.6, 60 - i * 4);
  }
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
  return new File([blob], 'pier-at-sunset.jpg', { type: 'image/jpeg' });
}

/** Half a second of silence as a valid 16-bit mono WAV (44-byte RIFF header, then zeros). */
function silentWav(seconds = 0.5, rate = 8_000): File {
  const samples = Math.round(seconds * rate);
  const data = samples * 2;
  const buffer = new ArrayBuffer(44 + data);
  const view = new DataView(buffer);
  const ascii = (at: number, text: string) => [...text].forEach((char, i) => view.setUint8(at + i, char.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + data, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // size of the fmt chunk
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per frame
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, data, true);
  return new File([buffer], 'first-impressions.wav', { type: 'audio/wav' });
}

/** A tiny one-page PDF (a valid header and trailer; enough for a download). */
function tinyPdf(): File {
  const text = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n');
  return new File([new TextEncoder().encode(text)], 'harbour-walk-map.pdf', { type: 'application/pdf' });
}

/** The photo as the composer stores it: prepared (resized, thumbnail), then both files stored. */
async function storedPhoto(store: TwinStore) {
  const file = await pierPhoto();
  const prepared = await preparePhoto(file);
  const image = await store.putAttachment(prepared.image, BOARD_IMAGE_LIMITS);
  const thumbnail = await store.putAttachment(prepared.thumbnail, BOARD_IMAGE_LIMITS);
  return {
    attachment: image.id,
    thumbnail: thumbnail.id,
    file: { name: file.name, type: image.type, size: image.size, width: prepared.width, height: prepared.height },
  };
}

async function storedFile(store: TwinStore, file: File, limits: typeof BOARD_FILE_LIMITS) {
  const stored = await store.putAttachment(file, limits);
  return { attachment: stored.id, file: { name: file.name, type: stored.type, size: stored.size } };
}

// ---- the board of the stories: every kind of post ---------------------------------------------------

const p = (...paragraphs: string[]) => paragraphs.map((text) => `<p>${text}</p>`).join('');

/**
 * A board in the middle of the mobility: three sections, posts of every kind by three teachers and
 * three pupils of three schools (two travelling, one at home), a pinned post, colour labels, team
 * tags, comments and reactions. `approval`: the board's approval switch, turned on after the
 * published posts, with two pupils' posts, a comment and a report waiting for a teacher.
 */
async function seedEveryKind(backing: MemoryBacking, space: string, options: { approval?: boolean } = {}) {
  const clock = storyClock();
  const storeOf = storesOn(backing, space, { moderation: 'off' }, clock.now);
  // One store per person, closed at the end.
  const stores = new Map<string, TwinStore>();
  const storeFor = (user: TwinUser) => stores.get(user.id) ?? stores.set(user.id, storeOf(user)).get(user.id)!;
  const teacher = storeFor(lucia);
  clock.setDay('2027-02-15', 9);
  await seedSamplePlan(teacher);
  const [schools, week, products] = await addSections(teacher, ['Our schools', 'Mobility week in Gdynia', 'Final products']);
  await teacher.create('board-settings', { layout: 'wall', approval: false }, { id: 'board-settings' });
  const positions = { [schools]: positionsBetween(undefined, undefined, 8), [week]: positionsBetween(undefined, undefined, 12), [products]: positionsBetween(undefined, undefined, 6) };
  const next = (section: string) => positions[section].shift()!;

  const post = async (user: TwinUser, day: string, fields: Fields, hour = 12) => {
    clock.setDay(day, hour);
    const section = fields.section as string;
    return storeFor(user).create('board', { ...fields, position: next(section), phase: phaseOn(day) });
  };

  const pabloStore = storeFor(travellingPablo);
  const welcome = await post(lucia, '2027-03-01', {
    kind: 'text',
    section: schools,
    title: 'Welcome to our mobility board',
    body:
      p('Post what you see, hear and learn in Gdynia, and what you prepare at home. <strong>Partners at home:</strong> ask the travellers questions in the comments!') +
      '<ul><li>one photo a day, with a description</li><li>short clips and voice notes</li><li>your <em>final products</em> at the end</li></ul>',
    color: 'yellow',
    tags: ['welcome', 'rules'],
    pinned: true,
  });
  const bari = await post(marcoAtHome, '2027-03-03', {
    kind: 'link',
    section: schools,
    title: 'Our school in Bari',
    url: 'https://en.wikipedia.org/wiki/Bari',
    body: p('The old town is five minutes from our school. This is the page we used for our presentation.'),
    color: 'green',
    tags: ['schools'],
  });
  const sete = await post(claire, '2027-03-04', {
    kind: 'text',
    section: schools,
    title: 'Lycée de la Mer, Sète',
    body: p('Our school sits between the sea and the Thau lagoon. <em>Bienvenue !</em>'),
    color: 'green',
    tags: ['schools'],
  });
  const photo = await storedPhoto(pabloStore);
  const pier = await post(travellingPablo, '2027-03-08', {
    kind: 'image',
    section: week,
    title: 'The pier at sunset',
    alt: 'A long wooden pier reaching into a calm sea under an orange sunset sky',
    body: p('Day 1: we walked to the end of the pier after dinner with our host families.'),
    ...photo,
    color: 'blue',
    tags: ['harbour-team'],
  }, 18);
  const tour = await post(travellingLea, '2027-03-09', {
    kind: 'video',
    section: week,
    title: 'Our video tour of the harbour',
    url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    body: p('Filmed by the harbour team, with the harbour master.'),
    color: 'blue',
    tags: ['harbour-team', 'video'],
  }, 16);
  const map = await post(giulia, '2027-03-09', { kind: 'file', section: week, title: 'Map of the harbour walk', ...(await storedFile(storeFor(giulia), tinyPdf(), BOARD_FILE_LIMITS)), tags: ['fieldwork'] }, 8);
  const voice = await post(travellingPablo, '2027-03-10', {
    kind: 'video',
    section: week,
    title: 'Voice note: first impressions',
    ...(await storedFile(pabloStore, silentWav(), BOARD_CLIP_LIMITS)),
    color: 'orange',
  }, 21);
  const questions = await post(marcoAtHome, '2027-03-10', {
    kind: 'text',
    section: week,
    title: 'Questions from Bari',
    body: '<ol><li>Is the Baltic as salty as our Adriatic?</li><li>What do you eat for breakfast?</li><li>Can you measure the waves for our <a href="https://en.wikipedia.org/wiki/Wind_wave">wave project</a>?</li></ol>',
    color: 'pink',
    tags: ['questions'],
  }, 15);
  const waves = await post(travellingLea, '2027-03-11', {
    kind: 'text',
    section: week,
    title: 'Wave measurements, day 4',
    body: p('Answer for Marco: waves of <strong>40 to 60 cm</strong> every 5 seconds at the breakwater. Salinity is only 7 ‰, against 38 ‰ in Bari!'),
    color: 'purple',
    tags: ['harbour-team', 'science'],
  });
  await post(claire, '2027-03-16', {
    kind: 'text',
    section: products,
    title: 'Our exhibition plan',
    body: p('Each team prints its three best posts for the school hall. The board exports an exhibition file we can open offline.'),
    color: 'purple',
    tags: ['exhibition'],
  });

  // Comments from the travellers, from home and from the teachers.
  const comments: [TwinUser, string, string][] = [
    [marcoAtHome, pier.id, 'Beautiful! Is the water cold?'],
    [travellingPablo, pier.id, 'Very cold: 4 °C. Nobody swam.'],
    [giulia, pier.id, 'Lovely light. Add the time you took it for the timeline.'],
    [travellingLea, welcome.id, 'Merci! We will post every evening.'],
    [travellingPablo, questions.id, 'Breakfast is bread, cheese and ham. And tea!'],
    [travellingLea, questions.id, 'Less salty: see my wave post.'],
    [marcoAtHome, waves.id, 'Grazie! 7 ‰ is so low. Our class is amazed.'],
    [lucia, tour.id, 'Great teamwork. Please add subtitles in English.'],
  ];
  // In this order: the clock ticks a second a write.
  clock.setDay('2027-03-11', 19);
  for (const [user, target, body] of comments) await storeFor(user).create('board-comment', { target, body });
  // Reactions: one record per member, kind and post (the board's own id scheme).
  const reactions: [TwinUser, string, string[]][] = [
    [marcoAtHome, pier.id, ['like', 'love']],
    [travellingLea, pier.id, ['love']],
    [lucia, pier.id, ['clap']],
    [claire, pier.id, ['like']],
    [travellingPablo, waves.id, ['idea', 'clap']],
    [marcoAtHome, waves.id, ['idea']],
    [giulia, tour.id, ['clap']],
    [marcoAtHome, tour.id, ['like']],
    [travellingPablo, welcome.id, ['like']],
    [marcoAtHome, welcome.id, ['like']],
    [travellingLea, bari.id, ['love']],
    [lucia, voice.id, ['like']],
    [travellingLea, map.id, ['like']],
    [lucia, sete.id, ['like']],
  ];
  for (const [user, target, kinds] of reactions) {
    await createMany(storeFor(user), 'board-reaction', kinds.map((kind) => ({ id: `${target}~${kind}~${user.id}`, target, kind })));
  }

  if (options.approval) {
    // From here on, pupils' posts and comments wait for a teacher.
    clock.setDay('2027-03-12', 9);
    const settings = await teacher.get('board-settings', 'board-settings');
    await teacher.update('board-settings', settings, { approval: true });
    await post(travellingPablo, '2027-03-12', { kind: 'text', section: week, title: 'Fish market at 6 am', body: p('We saw cod, herring and flounder. Very early!'), tags: ['harbour-team'] }, 10);
    await post(marcoAtHome, '2027-03-12', { kind: 'link', section: products, title: 'Our slides (draft)', url: 'https://www.example.org/slides/baltic-adriatic' }, 11);
    clock.setDay('2027-03-12', 12);
    await storeFor(marcoAtHome).create('board-comment', { target: tour.id, body: 'Can we use this video in our final presentation?' });
    await storeFor(travellingLea).create('board-flag', { target: bari.id, reason: 'The link opens a page full of adverts, not the school.' });
  }
  for (const store of stores.values()) await store.close();
}

// ---- a big board: 1,000 posts, about 5,000 comments and reactions ----------------------------------

/** A small deterministic PRNG (mulberry32): the big board is the same on every load. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = ['Harbour', 'Lighthouse', 'Fish market', 'Beach clean-up', 'Host family', 'Museum', 'Wave survey', 'Sailing lesson', 'City tour', 'Shipyard'];
const COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange', undefined, undefined];
const TEAMS = ['harbour-team', 'science', 'video', 'languages', 'food'];
const COMMENTS = ['Great photo!', 'What did you learn there?', 'We did the same in Bari.', 'Can you tell us more?', 'Thanks for sharing!', 'Well observed.', 'I want to go there too.', 'Add a description, please.'];
const DAYS = ['2027-03-04', '2027-03-06', '2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12', '2027-03-13', '2027-03-14', '2027-03-16'];

/**
 * 1,000 posts by 24 pupils of three schools, with about 2,000 comments and 3,000 reactions. Each
 * author writes through a store of their own, closed once done: a store left open would check
 * every later write of the others too (as a live view does), which would make the seed 25 times
 * slower.
 */
async function seedLarge(backing: MemoryBacking, space: string) {
  const clock = storyClock();
  const storeFor = storesOn(backing, space, { moderation: 'off' }, clock.now);
  const teacher = storeFor(lucia);
  clock.setDay('2027-02-15', 9);
  await seedSamplePlan(teacher);
  const sectionNames = ['Before the trip', 'Day 1', 'Day 2', 'Day 3', 'Day 4', 'Day 5', 'Day 6', 'Day 7', 'Back home'];
  const sections = await addSections(teacher, sectionNames);
  await teacher.close();
  const schools = Object.values(SCHOOLS);
  const pupils: TwinUser[] = Array.from({ length: 24 }, (_, i) => ({
    id: `pupil-${i + 1}`,
    name: `Pupil ${String(i + 1).padStart(2, '0')}`,
    role: 'pupil',
    school: schools[i % 3],
    mobile: i % 2 === 0,
  }));
  const random = prng(20270308);
  const sectionOfDay = (day: string) => sections[Math.max(0, Math.min(sections.length - 1, DAYS.indexOf(day) - 1))];
  // 1,000 posts: 100 a day over ten days, in order within each section.
  const plan = Array.from({ length: 1_000 }, (_, index) => {
    const day = DAYS[Math.floor(index / 100)];
    return { index, day, author: index % pupils.length, section: sectionOfDay(day), position: '' };
  });
  for (const section of sections) {
    const inSection = plan.filter((entry) => entry.section === section);
    positionsBetween(undefined, undefined, inSection.length).forEach((key, i) => (inSection[i].position = key));
  }
  const postFields = ({ index, day, author, section, position }: (typeof plan)[number]): Fields => {
    const topic = TOPICS[index % TOPICS.length];
    const link = index % 7 === 3;
    const fields: Fields = {
      kind: link ? 'link' : 'text',
      section,
      position,
      title: `${topic}: note ${index + 1}`,
      body: p(`Notes of ${pupils[author].name} about the ${topic.toLowerCase()}, ${day}.`),
      phase: phaseOn(day),
    };
    if (link) fields.url = `https://www.example.org/${topic.toLowerCase().replace(/\s+/g, '-')}/${index + 1}`;
    const color = COLOURS[index % COLOURS.length];
    if (color) fields.color = color;
    if (index % 3 === 0) fields.tags = [TEAMS[index % TEAMS.length]];
    return fields;
  };
  // Each pupil writes their posts of a day in one batch (one creation time a batch).
  const posts: string[] = [];
  for (let author = 0; author < pupils.length; author++) {
    const store = storeFor(pupils[author]);
    for (const day of DAYS) {
      const items = plan.filter((entry) => entry.author === author && entry.day === day).map(postFields);
      if (!items.length) continue;
      clock.setDay(day, 9 + (author % 10));
      for (const record of await createMany(store, 'board', items)) posts.push(record.id);
    }
    await store.close();
    // Let the page paint and answer input between authors.
    if (author % 6 === 5) await new Promise((resolve) => setTimeout(resolve));
  }
  // About 2,000 comments and 3,000 reactions, each pupil's in one batch of each.
  clock.setDay('2027-03-15', 10);
  const kinds = ['like', 'love', 'clap', 'idea'];
  for (let author = 0; author < pupils.length; author++) {
    const comments: Fields[] = [];
    const reactions = new Map<string, Fields>();
    for (let n = 0; n < 84; n++) {
      const target = posts[Math.floor(random() * posts.length)];
      comments.push({ target, body: COMMENTS[Math.floor(random() * COMMENTS.length)] });
    }
    while (reactions.size < 125) {
      const target = posts[Math.floor(random() * posts.length)];
      const kind = kinds[Math.floor(random() * kinds.length)];
      const id = `${target}~${kind}~${pupils[author].id}`;
      reactions.set(id, { id, target, kind });
    }
    const store = storeFor(pupils[author]);
    await createMany(store, 'board-comment', comments);
    await createMany(store, 'board-reaction', [...reactions.values()]);
    await store.close();
    if (author % 6 === 5) await new Promise((resolve) => setTimeout(resolve));
  }
}

// ---- adapters -----------------------------------------------------------------------------------

export const BOARD_ADAPTERS = ['story-board-empty', 'story-board-every-kind', 'story-board-moderation', 'story-board-1000'] as const;

/**
 * Registers the board story adapters. Called by the stories, not on import: package.json's
 * `sideEffects` would let the bundler drop a bare import.
 */
export function registerBoardStoryAdapters(): void {
  registerAdapter('story-board-empty', seededFactory());
  registerAdapter('story-board-every-kind', seededFactory(seedEveryKind));
  registerAdapter('story-board-moderation', seededFactory((backing, space) => seedEveryKind(backing, space, { approval: true })));
  registerAdapter('story-board-1000', seededFactory(seedLarge));
}
