/**
 * Deterministic data for the phase tracker UI benchmark (issue: "a project of 8 phases, 300
 * activities and 200 pupils' self-ratings on 12 goals"): a school year of a blended mobility in 8
 * dated phases, 300 activities spread unevenly over them (goals, due days, responsible school,
 * progress as a project on day 3 of its mobility would have it: earlier phases mostly done, later
 * ones planned, some late), 12 shared learning goals, 200 pupils of 3 schools each rating
 * themself on every goal before and after the mobility (4,800 self-ratings), the project
 * settings, and 300 glossary entries made in the phases so far. Generated from a fixed seed with
 * the benchmark's PRNG; every record is valid for its schema (the seed writes them through the store).
 */
import type { TwinUser } from '../../src/sdk/policy/roles.js';
import { prng } from './data.js';
import { makeGlossaryEntries, type GlossaryBenchFields } from './glossary-data.js';

/** "Today" for the tracker (its `today` attribute): day 3 of the mobility. */
export const TRACKER_TODAY = '2027-03-10';

export const TRACKER_PHASES = [
  { id: 'kick-off', name: 'Kick-off and partner meetings', order: 1, startsOn: '2026-09-07', endsOn: '2026-10-02', description: 'Schools introduce themselves online and agree on the plan.' },
  { id: 'preparation', name: 'Preparation', order: 2, startsOn: '2026-10-05', endsOn: '2026-12-18', description: 'Mixed teams research their coasts and share what they find.' },
  { id: 'language', name: 'Language and culture', order: 3, startsOn: '2027-01-11', endsOn: '2027-02-26' },
  { id: 'before-travel', name: 'Before the travel', order: 4, startsOn: '2027-03-01', endsOn: '2027-03-07', description: 'Tickets, families, last words of each language.' },
  { id: 'mobility', name: 'Mobility in Gdynia', order: 5, startsOn: '2027-03-08', endsOn: '2027-03-14', description: 'A week together on the Baltic coast.' },
  { id: 'reflection', name: 'Reflection', order: 6, startsOn: '2027-03-15', endsOn: '2027-04-16' },
  { id: 'exhibition', name: 'Exhibition', order: 7, startsOn: '2027-04-19', endsOn: '2027-05-28', description: 'Each school shows the others’ coasts at home.' },
  { id: 'dissemination', name: 'Dissemination', order: 8, startsOn: '2027-05-31', endsOn: '2027-06-25' },
] as const;

export const TRACKER_PROJECT = { title: 'Coasts we share', travelOut: '2027-03-08', travelBack: '2027-03-14', currentPhase: 'mobility' };

/** Activities per phase: 300 in all, more in the long phases. */
const ACTIVITIES_PER_PHASE = [24, 62, 44, 18, 30, 48, 46, 28];

export const TRACKER_GOALS = [
  { id: 'goal-language', title: "Talk with partners in each other's languages", competence: 'multilingual' },
  { id: 'goal-vocabulary', title: 'Explain coastal words in two languages', competence: 'multilingual' },
  { id: 'goal-fieldwork', title: 'Document fieldwork with photos and maps', competence: 'digital' },
  { id: 'goal-data', title: 'Measure and chart tides and temperatures', competence: 'stem' },
  { id: 'goal-coast', title: 'Compare how our coasts are protected', competence: 'citizenship' },
  { id: 'goal-debate', title: 'Take part in a debate with partner pupils', competence: 'citizenship' },
  { id: 'goal-team', title: 'Work in a mixed team and share the tasks', competence: 'personal-social-learning' },
  { id: 'goal-learn', title: 'Plan my own learning and check my progress', competence: 'personal-social-learning' },
  { id: 'goal-tour', title: 'Plan and guide a tour of the harbour', competence: 'vocational' },
  { id: 'goal-budget', title: 'Plan a budget for a school exhibition', competence: 'entrepreneurship' },
  { id: 'goal-art', title: 'Tell the story of our coast in pictures', competence: 'cultural-awareness' },
  { id: 'goal-report', title: 'Write a short report for the partners', competence: 'literacy' },
].map((goal, i) => (i % 3 === 0 ? { ...goal, order: i + 1, description: `Pupils can ${goal.title.toLowerCase()}, alone and with their partners.` } : { ...goal, order: i + 1 }));

export const TRACKER_SCHOOLS = ['IES Mar Menor', 'Szkoła Podstawowa nr 12', 'Liceo Galilei'];

const VERBS = ['Interview', 'Map', 'Photograph', 'Measure', 'Present', 'Translate', 'Record', 'Compare', 'Draw', 'Visit', 'Film', 'Collect'];
const OBJECTS = [
  'a fisherman about the harbour',
  'the dunes and the beach',
  'the tide at the pier',
  'the lighthouse',
  'our school to the partners',
  'the glossary of the week',
  'the water temperature',
  'coastal defences',
  'the market by the port',
  'birds of the estuary',
  'a walk along the cliffs',
  'plastic on the shore',
  'the old shipyard',
  'the sea museum',
];
const DESCRIPTIONS = [
  'In mixed teams of three, one pupil of each school; share the results on the board.',
  'Bring a notebook, a phone for photos and warm clothes. The teachers of each school check the plan the day before.',
  'Each team writes five new words in the glossary, in every language of the project.',
  'Results go into the journal with a photo and two sentences in a partner’s language.',
];
const FIRST_NAMES = ['Ana', 'Jakub', 'Giulia', 'Pablo', 'Zofia', 'Marco', 'Lucía', 'Kacper', 'Sofia', 'Hugo', 'Maja', 'Luca', 'Elena', 'Filip', 'Chiara', 'Diego'];

export interface TrackerActivityFields {
  title: string;
  description?: string;
  responsible?: string;
  dueOn: string;
  progress: 'planned' | 'in-progress' | 'done';
  widgets?: ('glossary' | 'board' | 'journal')[];
  goals: string[];
  order: number;
}

const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/** The plan: 8 phases, 300 activities (by phase id), 12 goals, the project settings. */
export function makeTrackerPlan(seed: number) {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const activities: { phase: string; fields: TrackerActivityFields }[] = [];
  TRACKER_PHASES.forEach((phase, p) => {
    const span = daysBetween(phase.startsOn, phase.endsOn);
    for (let i = 0; i < ACTIVITIES_PER_PHASE[p]; i++) {
      const dueOn = addDays(phase.startsOn, Math.floor(random() * (span + 1)));
      const ended = phase.endsOn < TRACKER_TODAY;
      const started = phase.startsOn <= TRACKER_TODAY;
      const roll = random();
      // Earlier phases mostly done (a few still open: late), the current one mixed, later ones planned.
      const progress = ended ? (roll < 0.9 ? 'done' : roll < 0.96 ? 'in-progress' : 'planned') : started ? (roll < 0.4 ? 'done' : roll < 0.8 ? 'in-progress' : 'planned') : roll < 0.85 ? 'planned' : 'in-progress';
      const goalCount = 1 + Math.floor(random() * 3);
      const goals = new Set<string>();
      while (goals.size < goalCount) goals.add(pick(TRACKER_GOALS).id);
      const widgetRoll = random();
      const widgets = widgetRoll < 0.2 ? ['glossary' as const] : widgetRoll < 0.35 ? ['board' as const, 'journal' as const] : widgetRoll < 0.45 ? ['journal' as const] : undefined;
      const fields: TrackerActivityFields = {
        title: `${pick(VERBS)} ${pick(OBJECTS)} (${phase.order}.${i + 1})`,
        dueOn,
        progress,
        goals: [...goals],
        order: i + 1,
      };
      if (random() < 0.8) fields.responsible = pick(TRACKER_SCHOOLS);
      if (random() < 0.35) fields.description = pick(DESCRIPTIONS);
      if (widgets) fields.widgets = widgets;
      activities.push({ phase: phase.id, fields });
    }
  });
  return { phases: TRACKER_PHASES, goals: TRACKER_GOALS, activities, project: TRACKER_PROJECT };
}

/** The pupils: 200 of 3 schools, half of them travelling. */
export function makeTrackerPupils(count: number): TwinUser[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `pupil-${String(i + 1).padStart(3, '0')}`,
    name: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${String.fromCharCode(65 + (i % 26))}. (${i + 1})`,
    role: 'pupil' as const,
    school: TRACKER_SCHOOLS[i % TRACKER_SCHOOLS.length],
    mobile: i % 2 === 0,
  }));
}

/** One pupil's self-ratings: every goal, before and after (values 1 to 5, mostly better after). */
export function makePupilRatings(pupilIndex: number, seed: number): { goal: string; moment: 'before' | 'after'; value: number }[] {
  const random = prng(seed * 1000 + pupilIndex + 1);
  const confidence = 1 + random() * 2.5; // how sure of themself this pupil is
  return TRACKER_GOALS.flatMap((goal) => {
    const before = Math.max(1, Math.min(5, Math.round(confidence + (random() - 0.5) * 2)));
    const gain = random() < 0.15 ? 0 : random() < 0.7 ? 1 : 2;
    const after = Math.max(1, Math.min(5, before + gain - (random() < 0.05 ? 1 : 0)));
    return [
      { goal: goal.id, moment: 'before' as const, value: before },
      { goal: goal.id, moment: 'after' as const, value: after },
    ];
  });
}

/** Glossary entries made in the phases so far (what the timeline counts per phase). */
export function makeTrackerGlossary(count: number, seed: number): (GlossaryBenchFields & { phase: string })[] {
  const random = prng(seed + 17);
  const started = TRACKER_PHASES.filter((phase) => phase.startsOn <= TRACKER_TODAY);
  const weights = started.map((_, i) => i + 2); // more words in the later phases
  const total = weights.reduce((a, b) => a + b, 0);
  return makeGlossaryEntries(count, seed).map((entry) => {
    let roll = random() * total;
    let at = 0;
    while (roll >= weights[at] && at < weights.length - 1) roll -= weights[at++];
    return { ...entry, phase: started[at].id };
  });
}
