/**
 * Deterministic data for the reflection journal UI benchmark (issue: "200 pupils with 30 entries
 * each"): a class of 200 pupils of 3 schools (half of them travelling), each writing 30 dated
 * entries over the 10 weeks that end on `today` (day 5 of the mobility week): a title, a body of
 * 200 to 1,500 characters of the journal's safe rich text (p, br, strong, em, ul/ol/li, http(s)
 * links), a visibility (private, school or space), often a self-rating and "what I learned",
 * answers to the week's prompt set when there is one, and now and then a photo. Then every pupil
 * gives 30 pieces of peer feedback on entries of others they can read (space-wide entries, or
 * school entries of their own school): 6,000 in all. The teacher's records: 4 phases, the project
 * settings and 5 prompt sets. Generated from a fixed seed with the benchmark's PRNG; every record
 * is valid for its schema (the seed writes them through the store, as its authors).
 *
 * The counts the teacher's overview must show (entries and feedback per pupil and week, who needs
 * a nudge) are computed here from the generated data, independently of the element's model.
 */
import type { TwinUser } from '../../src/sdk/policy/roles.js';
import { prng } from './data.js';

/** "Today" for the journal (its `today` attribute): a Friday, day 5 of the mobility. */
export const JOURNAL_TODAY = '2027-03-12';
/** The first day entries are dated: the Monday 10 weeks back (2027-01-04). */
export const JOURNAL_FIRST_DAY = '2027-01-04';
/** Weeks the element's overview shows, up to today's week (its OVERVIEW_WEEKS). */
export const OVERVIEW_WEEK_COUNT = 8;

export const JOURNAL_SCHOOLS = [
  { name: 'IES Mar Menor', language: 'es' },
  { name: 'Szkoła Podstawowa nr 12 Gdynia', language: 'pl' },
  { name: 'Liceo Galilei', language: 'it' },
] as const;

export const JOURNAL_PHASES = [
  { id: 'preparation', name: 'Preparation', order: 1, startsOn: '2026-09-14', endsOn: '2027-03-07', description: 'Mixed teams research their coasts and get ready for the week together.' },
  { id: 'mobility', name: 'Mobility in Gdynia', order: 2, startsOn: '2027-03-08', endsOn: '2027-03-14', description: 'A week together on the Baltic coast.' },
  { id: 'reflection', name: 'Reflection', order: 3, startsOn: '2027-03-15', endsOn: '2027-04-30' },
  { id: 'dissemination', name: 'Dissemination', order: 4, startsOn: '2027-05-03', endsOn: '2027-06-25' },
] as const;

export const JOURNAL_PROJECT = { title: 'Coasts we share', travelOut: '2027-03-08', travelBack: '2027-03-14', currentPhase: 'mobility' };

/** The teacher's 5 prompt sets: three by week, two by phase (the last one not due yet). */
export const JOURNAL_PROMPT_SETS = [
  {
    title: 'Getting to know the partners',
    schedule: { from: '2027-01-11', to: '2027-01-17' },
    prompts: [
      { id: 'partner', text: 'Who is your partner, and what surprised you about them?' },
      { id: 'words', text: 'Which words of their language did you learn this week?' },
    ],
  },
  {
    title: 'Our coast in winter',
    schedule: { from: '2027-02-01', to: '2027-02-07' },
    prompts: [
      { id: 'observed', text: 'What did you observe on the coast this week?' },
      { id: 'measured', text: 'What did you measure, and how?' },
      { id: 'compare', text: 'How is it different from the partners’ coasts?' },
    ],
  },
  {
    title: 'Before the travel',
    schedule: { from: '2027-03-01', to: '2027-03-07' },
    prompts: [
      { id: 'expect', text: 'What do you expect of the week in Gdynia?' },
      { id: 'worry', text: 'Is there anything you worry about?' },
    ],
  },
  {
    title: 'Mobility diary',
    schedule: { phase: 'mobility' },
    prompts: [
      { id: 'today', text: 'What did you do today?' },
      { id: 'learned', text: 'What did you learn from a partner?' },
      { id: 'language', text: 'When did you use another language today?' },
      { id: 'tomorrow', text: 'What do you want to try tomorrow?' },
    ],
  },
  {
    title: 'Looking back',
    schedule: { phase: 'reflection' },
    prompts: [
      { id: 'proud', text: 'What are you proud of?' },
      { id: 'change', text: 'What would you do differently?' },
      { id: 'next', text: 'What do you want to keep doing?' },
    ],
  },
].map((set, i) => ({ ...set, order: i + 1 }));

const FIRST_NAMES: Record<string, readonly string[]> = {
  es: ['Lucía', 'Hugo', 'Martina', 'Pablo', 'Sofía', 'Diego', 'Valeria', 'Álvaro', 'Carmen', 'Mateo', 'Irene', 'Javier'],
  pl: ['Zofia', 'Jakub', 'Maja', 'Kacper', 'Julia', 'Filip', 'Hanna', 'Szymon', 'Oliwia', 'Antoni', 'Natalia', 'Wojciech'],
  it: ['Giulia', 'Marco', 'Chiara', 'Luca', 'Sofia', 'Matteo', 'Aurora', 'Lorenzo', 'Giorgia', 'Tommaso', 'Alice', 'Riccardo'],
};
const SURNAMES: Record<string, readonly string[]> = {
  es: ['García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Ruiz', 'Hernández', 'Jiménez', 'Moreno', 'Navarro', 'Romero'],
  pl: ['Nowak', 'Kowalska', 'Wiśniewski', 'Wójcik', 'Kamińska', 'Lewandowski', 'Zielińska', 'Szymański', 'Woźniak', 'Dąbrowska', 'Kozłowski', 'Mazur'],
  it: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo'],
};

/** A pupil of the roster (the `pupils` attribute) and their store's user. */
export interface JournalBenchPupil extends TwinUser {
  school: string;
  mobile: boolean;
  /** How they write: most regularly; some started late; some stopped before the last two weeks (they need a nudge). */
  habit: 'regular' | 'late-start' | 'stopped';
}

/** The class: `count` pupils of 3 schools, round-robin; every other one travels. Names are unique. */
export function makeJournalPupils(count: number, seed: number): JournalBenchPupil[] {
  const random = prng(seed * 31 + 7);
  return Array.from({ length: count }, (_, i) => {
    const school = JOURNAL_SCHOOLS[i % JOURNAL_SCHOOLS.length];
    const k = Math.floor(i / JOURNAL_SCHOOLS.length);
    const firsts = FIRST_NAMES[school.language];
    const lasts = SURNAMES[school.language];
    // (k mod 12, (k + 7 (k mod 12)) mod 12) differs for every k below 144: names stay unique.
    const first = firsts[k % firsts.length];
    const last = lasts[(Math.floor(k / firsts.length) + 7 * (k % firsts.length)) % lasts.length];
    const roll = random();
    return {
      id: `pupil-${String(i + 1).padStart(3, '0')}`,
      name: `${first} ${last}`,
      role: 'pupil' as const,
      school: school.name,
      mobile: i % 2 === 0,
      habit: roll < 0.07 ? 'stopped' : roll < 0.15 ? 'late-start' : 'regular',
    };
  });
}

/** The roster as the `pupils` attribute takes it. */
export const rosterOf = (pupils: readonly JournalBenchPupil[]) => pupils.map(({ id, name, school, mobile }) => ({ id, name, school, mobile }));

// ---- dates ---------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** The Monday of the week of `date` (ISO weeks). */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 Sunday
  return addDays(date, -((day + 6) % 7));
}
/** The Mondays of the weeks the overview shows, oldest first. */
export function overviewWeeks(today = JOURNAL_TODAY): string[] {
  const last = mondayOf(today);
  return Array.from({ length: OVERVIEW_WEEK_COUNT }, (_, i) => addDays(last, -7 * (OVERVIEW_WEEK_COUNT - 1 - i)));
}
const phaseOf = (date: string) => JOURNAL_PHASES.find((phase) => phase.startsOn <= date && date <= phase.endsOn)?.id;

// ---- text ----------------------------------------------------------------------------------------

const TITLES = [
  'A walk along the pier',
  'Measuring the tide',
  'Video call with our partners',
  'The harbour at dawn',
  'Interviewing a fisherman',
  'Plastic on our beach',
  'Our glossary grows',
  'Planning the exhibition',
  'A day at the sea museum',
  'Birds of the estuary',
  'Cooking with my host family',
  'The lighthouse tour',
  'What the dunes protect',
  'Mapping the coastline',
  'Debate: who owns the coast?',
  'Sailing lesson',
  'Winter storm at home',
  'Presenting our school',
  'Market by the port',
  'Reflection after the test',
];
const SENTENCES = [
  'Today we went down to the harbour with our teachers and wrote down every boat we could see.',
  'My partner from the other school explained how the tide works on their coast, and it is very different from ours.',
  'We measured the water temperature three times and the results were not what I expected.',
  'I was nervous about speaking in English, but after ten minutes I forgot about it.',
  'The fisherman told us that there are fewer fish every year and that the season starts later now.',
  'We collected two bags of plastic in less than an hour, mostly bottle caps and small pieces of rope.',
  'Our team added five new words to the glossary, in three languages.',
  'I learned that the dunes are not only sand: the plants keep them in place.',
  'In the afternoon we prepared the slides for the presentation and argued about the order.',
  'The museum guide showed us old maps where the coastline was much further out.',
  'It rained all day, so we stayed inside and compared our data with the partners’ data.',
  'I would like to try the interview again, because I forgot to ask about the winter.',
  'My host family cooked fish soup and taught me how to say “thank you” properly.',
  'We made a map of the beach with the places where the water is deepest.',
  'The debate was hard because everyone had a good argument.',
  'Next time I want to take more photos and write shorter notes.',
  'We saw a seal near the pier, and everyone ran to the railing.',
  'I helped my partner with the Spanish words and she helped me with the Polish ones.',
  'The wind was so strong that we could not use the drone.',
  'I understood more than I thought in the video call.',
];
const EMPHASIS = ['tide', 'harbour', 'partner', 'glossary', 'dunes', 'plastic', 'temperature', 'lighthouse', 'storm', 'map'];
const LINKS = [
  'https://en.wikipedia.org/wiki/Gdynia',
  'https://en.wikipedia.org/wiki/Mar_Menor',
  'https://www.marinetraffic.com/',
  'https://en.wikipedia.org/wiki/Tide',
  'https://www.europeana.eu/en',
];
const LIST_ITEMS = ['a notebook', 'warm clothes', 'the thermometer', 'my phone for photos', 'the glossary cards', 'a map of the coast', 'sun cream', 'the questions for the interview'];
const LEARNED = [
  'The tide in the Baltic is tiny compared with ours.',
  'Dunes need plants to stay in place.',
  'How to ask questions in an interview.',
  'Five new words in Polish.',
  'That a map can lie about the coastline.',
  'How to share the work in a mixed team.',
  'That plastic travels very far with the currents.',
  'How to present in front of the partners.',
];
const ANSWER_PARTS = [
  'We walked to the harbour and talked with the partners about their town.',
  'My partner showed me how they measure the waves with a simple stick.',
  'I used English most of the day and some Polish at lunch.',
  'I want to try speaking Italian tomorrow, even if I make mistakes.',
  'It was colder than I expected but very interesting.',
  'We compared the photos of both coasts and found many differences.',
  'I learned to listen first and then ask.',
  'I am a bit worried about the food, but my partner says it is good.',
];
const FEEDBACK: Record<string, readonly string[]> = {
  liked: [
    'I liked your photo of the pier, it shows the storm very well.',
    'I liked how you explained the tide, now I understand it.',
    'I liked the list of things to bring, I forgot half of them!',
    'I liked that you wrote about your host family, it sounds like a nice week.',
  ],
  wonder: [
    'I wonder if the water is warmer in summer on your coast.',
    'I wonder why there are fewer fish now. Did the fisherman say why?',
    'I wonder how you measured the temperature: with which thermometer?',
  ],
  next: [
    'Next time you could add a map, so we see where you were.',
    'Next time maybe write what your partner thought too.',
    'Next time you could compare it with our beach, we have the same problem with plastic.',
  ],
  comment: [
    'We did the same thing at our school last week, and the results were very close to yours.',
    'Great entry! See you in Gdynia.',
    'This was interesting to read. In our town the harbour is much smaller, but the boats look the same.',
  ],
};
const KINDS = ['liked', 'liked', 'wonder', 'next', 'comment'] as const;

/** A body of about `target` characters (200 to 1,500) of the journal's safe rich text, as the editor saves it. */
function makeBody(random: () => number, target: number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const blocks: string[] = [];
  let length = 0;
  let listed = false;
  let linked = false;
  while (length < target - 120) {
    const roll = random();
    let block: string;
    if (!listed && roll < 0.15) {
      listed = true;
      const tag = random() < 0.7 ? 'ul' : 'ol';
      const items = Array.from({ length: 2 + Math.floor(random() * 3) }, () => `<li>${pick(LIST_ITEMS)}</li>`);
      block = `<p>What we took with us:</p><${tag}>${items.join('')}</${tag}>`;
    } else {
      const sentences = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(SENTENCES));
      let paragraph = sentences.join(' ');
      const word = pick(EMPHASIS);
      if (random() < 0.5 && paragraph.includes(` ${word}`)) paragraph = paragraph.replace(` ${word}`, random() < 0.5 ? ` <strong>${word}</strong>` : ` <em>${word}</em>`);
      if (!linked && random() < 0.2) {
        linked = true;
        paragraph += ` More about it <a href="${pick(LINKS)}">here</a>.`;
      }
      if (random() < 0.15) paragraph = paragraph.replace('. ', '.<br>');
      block = `<p>${paragraph}</p>`;
    }
    if (length + block.length > 1500) break;
    blocks.push(block);
    length += block.length;
  }
  if (length < 200) {
    const extra = `<p>${pick(SENTENCES)} ${pick(SENTENCES)}</p>`;
    blocks.push(extra);
    length += extra.length;
  }
  return blocks.join('');
}

// ---- entries and feedback ------------------------------------------------------------------------

export interface JournalBenchEntryFields {
  date: string;
  title: string;
  body: string;
  visibility: 'private' | 'school' | 'space';
  language?: string;
  confidence?: number;
  learned?: string;
  promptSet?: string;
  answers?: Record<string, string>;
  /** Set by the seed (the pupil's uploaded photo): `withPhoto` marks the entries that have one. */
  media?: { attachment: string; kind: 'image'; alt: string }[];
}

export interface JournalBenchEntry {
  /** Index of its author in the pupils. */
  pupil: number;
  phase: string | undefined;
  /** The index of the prompt set it answers (its id is known once the teacher's sets are written). */
  promptSetIndex?: number;
  withPhoto: boolean;
  fields: JournalBenchEntryFields;
}

export interface JournalBenchFeedback {
  /** Index of its author in the pupils, and of its target in the entries. */
  pupil: number;
  target: number;
  fields: { kind: 'liked' | 'wonder' | 'next' | 'comment'; body: string };
}

/** Days a pupil may date an entry on, with weights: weekdays more than weekends, travellers every day of the mobility. */
function writingDays(pupil: JournalBenchPupil): { date: string; weight: number }[] {
  const days: { date: string; weight: number }[] = [];
  for (let date = JOURNAL_FIRST_DAY; date <= JOURNAL_TODAY; date = addDays(date, 1)) {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    let weight = weekday === 0 || weekday === 6 ? 0.3 : 1;
    if (pupil.mobile && date >= JOURNAL_PROJECT.travelOut && date <= JOURNAL_PROJECT.travelBack) weight = 4;
    if (pupil.habit === 'late-start' && date < '2027-01-25') weight = 0;
    if (pupil.habit === 'stopped' && date >= '2027-03-01') weight = 0;
    if (weight) days.push({ date, weight });
  }
  return days;
}

/** Every pupil's `perPupil` entries, in pupil order and by date within a pupil. */
export function makeJournalEntries(pupils: readonly JournalBenchPupil[], perPupil: number, seed: number): JournalBenchEntry[] {
  const random = prng(seed * 1000 + 3);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const entries: JournalBenchEntry[] = [];
  pupils.forEach((pupil, p) => {
    const days = writingDays(pupil);
    const total = days.reduce((sum, day) => sum + day.weight, 0);
    const dates = Array.from({ length: perPupil }, () => {
      let roll = random() * total;
      let at = 0;
      while (roll >= days[at].weight && at < days.length - 1) roll -= days[at++].weight;
      return days[at].date;
    }).sort();
    const language = JOURNAL_SCHOOLS.find((school) => school.name === pupil.school)!.language;
    for (const date of dates) {
      const roll = random();
      const visibility = roll < 0.25 ? 'private' : roll < 0.6 ? 'school' : 'space';
      const fields: JournalBenchEntryFields = {
        date,
        title: `${pick(TITLES)}${random() < 0.3 ? ` (${date.slice(8)}/${date.slice(5, 7)})` : ''}`,
        body: makeBody(random, 200 + Math.floor(random() * 1300)),
        visibility,
      };
      if (random() < 0.8) fields.language = random() < 0.85 ? 'en' : language;
      if (random() < 0.7) fields.confidence = 1 + Math.floor(random() * 5);
      if (random() < 0.5) fields.learned = pick(LEARNED);
      const phase = phaseOf(date);
      // The week's (or the phase's) prompt set, answered in about half of the entries then.
      const setIndex = JOURNAL_PROMPT_SETS.findIndex((set) =>
        'from' in set.schedule ? date >= set.schedule.from! && date <= set.schedule.to! : set.schedule.phase === phase,
      );
      let promptSetIndex: number | undefined;
      if (setIndex >= 0 && random() < 0.5) {
        promptSetIndex = setIndex;
        fields.answers = Object.fromEntries(
          JOURNAL_PROMPT_SETS[setIndex].prompts.filter(() => random() < 0.85).map((prompt) => [prompt.id, `${pick(ANSWER_PARTS)}${random() < 0.5 ? ` ${pick(ANSWER_PARTS)}` : ''}`]),
        );
      }
      entries.push({ pupil: p, phase, promptSetIndex, withPhoto: random() < 0.1, fields });
    }
  });
  return entries;
}

/**
 * Each pupil's `perPupil` pieces of peer feedback, on entries of others they can read: two in
 * three on space-wide entries (mostly the partners'), the rest on school entries of their own
 * school. No pupil comments twice on one entry, nor on their own.
 */
export function makeJournalFeedback(pupils: readonly JournalBenchPupil[], entries: readonly JournalBenchEntry[], perPupil: number, seed: number): JournalBenchFeedback[] {
  const random = prng(seed * 1000 + 5);
  const space = entries.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.fields.visibility === 'space');
  const bySchool = new Map<string, number[]>();
  entries.forEach((entry, index) => {
    if (entry.fields.visibility !== 'school') return;
    const school = pupils[entry.pupil].school;
    bySchool.set(school, [...(bySchool.get(school) ?? []), index]);
  });
  const feedback: JournalBenchFeedback[] = [];
  pupils.forEach((pupil, p) => {
    const given = new Set<number>();
    const school = bySchool.get(pupil.school) ?? [];
    while (given.size < perPupil) {
      const target = random() < 0.67 ? space[Math.floor(random() * space.length)].index : school[Math.floor(random() * school.length)];
      if (target === undefined || entries[target].pupil === p || given.has(target)) continue;
      given.add(target);
      const kind = KINDS[Math.floor(random() * KINDS.length)];
      const lines = FEEDBACK[kind];
      const body = `${lines[Math.floor(random() * lines.length)]}${random() < 0.3 ? ` ${lines[Math.floor(random() * lines.length)]}` : ''}`;
      feedback.push({ pupil: p, target, fields: { kind, body } });
    }
  });
  return feedback;
}

/** What the teacher's overview must count, from the generated data (not from the element's model). */
export function expectedOverview(pupils: readonly JournalBenchPupil[], entries: readonly JournalBenchEntry[], feedback: readonly JournalBenchFeedback[], today = JOURNAL_TODAY) {
  const weeks = overviewWeeks(today);
  const column = new Map(weeks.map((week, i) => [week, i]));
  const written = pupils.map(() => new Array<number>(weeks.length).fill(0));
  const received = pupils.map(() => new Array<number>(weeks.length).fill(0));
  const entryColumn = entries.map((entry) => column.get(mondayOf(entry.fields.date)));
  entries.forEach((entry, i) => {
    const at = entryColumn[i];
    if (at !== undefined) written[entry.pupil][at] += 1;
  });
  for (const item of feedback) {
    const at = entryColumn[item.target];
    if (at !== undefined && entries[item.target].pupil !== item.pupil) received[entries[item.target].pupil][at] += 1;
  }
  const recent = weeks.map((week, i) => ({ week, i })).filter(({ week }) => week <= mondayOf(today)).slice(-2).map(({ i }) => i);
  const nudges = written.filter((row) => recent.every((i) => row[i] === 0)).length;
  const sum = (rows: number[][]) => rows.reduce((total, row) => total + row.reduce((a, b) => a + b, 0), 0);
  const feedbackOn = new Array<number>(entries.length).fill(0);
  for (const item of feedback) feedbackOn[item.target] += 1;
  return { weeks, writtenInWeeks: sum(written), feedbackInWeeks: sum(received), nudges, cellsWritten: written.flat().filter(Boolean).length, feedbackOn };
}

/** A small photo of the coast, different per pupil: a PNG drawn on a canvas (the store checks its first bytes). */
export async function makePhoto(pupilIndex: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(96, 64);
  const context = canvas.getContext('2d')!;
  const hue = (pupilIndex * 37) % 360;
  context.fillStyle = `hsl(${hue} 60% 70%)`;
  context.fillRect(0, 0, 96, 40);
  context.fillStyle = `hsl(${(hue + 180) % 360} 50% 45%)`;
  context.fillRect(0, 40, 96, 24);
  context.fillStyle = '#fff';
  context.fillRect(10 + (pupilIndex % 60), 20, 12, 20);
  return canvas.convertToBlob({ type: 'image/png' });
}
