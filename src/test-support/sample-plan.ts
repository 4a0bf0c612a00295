import type { TwinUser } from '../sdk/policy/roles.js';
import { ratingId } from '../sdk/schemas/goal-rating.js';
import { PROJECT_RECORD_ID } from '../sdk/schemas/project.js';
import type { TwinStore } from '../sdk/store/create-store.js';
import { blendedMobilityTemplate } from '../components/twin-phase-tracker/model/blended-mobility-template.js';

/** Sample project plans for tests, stories, benchmarks and the demo: a coastal project in the middle of its mobility. */
export const SAMPLE_PHASES = [
  { id: 'preparation', name: 'Preparation', order: 1, startsOn: '2027-01-11', endsOn: '2027-03-07', description: 'Partner schools meet online, plan the trip and share words.' },
  { id: 'mobility', name: 'Mobility in Gdynia', order: 2, startsOn: '2027-03-08', endsOn: '2027-03-14', description: 'A week together on the Baltic coast.' },
  { id: 'reflection', name: 'Reflection', order: 3, startsOn: '2027-03-15', endsOn: '2027-04-11' },
  { id: 'dissemination', name: 'Dissemination', order: 4, startsOn: '2027-04-12', endsOn: '2027-05-23' },
];

export const SAMPLE_PROJECT = { title: 'Coasts we share', travelOut: '2027-03-08', travelBack: '2027-03-14', currentPhase: 'mobility' };

export const SAMPLE_GOALS = [
  { id: 'goal-language', title: "Talk with partners in each other's languages", competence: 'multilingual', order: 1 },
  { id: 'goal-fieldwork', title: 'Document fieldwork with photos and maps', competence: 'digital', order: 2 },
  { id: 'goal-coast', title: 'Compare how our coasts are protected', competence: 'citizenship', order: 3 },
  { id: 'goal-tour', title: 'Plan and guide a tour of the harbour', competence: 'vocational', order: 4 },
];

/** "Today" in the samples: day 3 of the mobility. */
export const SAMPLE_TODAY = '2027-03-10';

/**
 * Writes the sample plan through a teacher's store in one all-or-nothing batch: the template's
 * activities with the statuses of a project in its mobility week, goals linked to them, and the dates.
 */
export async function seedSamplePlan(store: TwinStore): Promise<void> {
  const template = blendedMobilityTemplate();
  const statusIn: Record<string, string> = { preparation: 'done', mobility: 'in-progress', reflection: 'planned', dissemination: 'planned' };
  const goalsFor = (index: number) => [SAMPLE_GOALS[index % SAMPLE_GOALS.length].id];
  const items = [
    ...SAMPLE_PHASES.map(({ id, ...fields }) => ({ collection: 'phase', id, fields })),
    ...SAMPLE_GOALS.map(({ id, ...fields }) => ({ collection: 'goal', id, fields })),
    ...template.activities.map(({ phase, ...fields }, index) => ({
      collection: 'activity',
      phase,
      fields: {
        ...fields,
        progress: phase === 'mobility' && index % 2 ? 'done' : statusIn[phase],
        responsible: ['IES Mar Menor', 'Szkoła Podstawowa nr 12', 'Liceo Galilei'][index % 3],
        dueOn: SAMPLE_PHASES.find((p) => p.id === phase)!.endsOn,
        goals: goalsFor(index),
      },
    })),
    { collection: 'project', id: PROJECT_RECORD_ID, fields: SAMPLE_PROJECT },
  ];
  await store.createAll(items);
}

/** Pupils' self-ratings: each pupil writes their own, through their own store. */
export async function seedSampleRatings(storeFor: (user: TwinUser) => TwinStore, pupils: readonly TwinUser[], moments: readonly ('before' | 'after')[] = ['before']) {
  for (const [p, pupil] of pupils.entries()) {
    const store = storeFor(pupil);
    for (const [g, goal] of SAMPLE_GOALS.entries()) {
      for (const moment of moments) {
        const value = Math.min(5, 1 + ((p + g) % 3) + (moment === 'after' ? 1 + (g % 2) : 0));
        await store.create('goal-rating', { goal: goal.id, moment, value }, { id: ratingId(goal.id, moment, pupil.id) });
      }
    }
  }
}
