// Seeded memory adapters for the <twin-phase-tracker> stories: a plan written through the SDK by
// the teachers, pupils' self-ratings each written by the pupil, and glossary entries made in the
// phases (so the tracker has contributions to count).
import { registerAdapter, type TwinUser } from '../../src/index.js';
import type { MemoryBacking } from '../../src/sdk/adapters/memory/index.js';
import { blendedMobilityTemplate } from '../../src/components/twin-phase-tracker/model/blended-mobility-template.js';
import { seedSamplePlan, seedSampleRatings } from '../../src/test-support/sample-plan.js';
import { lucia, SCHOOLS, seedCoast, seededFactory, storesOn } from './glossary-seed.js';

/** 24 pupils of the three schools, half of them travelling. */
const PUPILS: TwinUser[] = Array.from({ length: 24 }, (_, i) => ({
  id: `pupil-${i + 1}`,
  name: `Pupil ${i + 1}`,
  role: 'pupil',
  school: Object.values(SCHOOLS)[i % 3],
  mobile: i % 2 === 0,
}));

async function seedTemplate(backing: MemoryBacking, space: string) {
  const template = blendedMobilityTemplate({ startsOn: '2027-01-11' });
  await storesOn(backing, space)(lucia).createAll([
    ...template.phases.map(({ id, ...fields }) => ({ collection: 'phase', id, fields })),
    ...template.activities.map(({ phase, ...fields }) => ({ collection: 'activity', phase, fields })),
  ]);
}

/** Day 3 of the mobility: preparation done, the glossary written then, pupils rated before and after. */
async function seedMidMobility(backing: MemoryBacking, space: string) {
  const storeFor = storesOn(backing, space);
  await seedSamplePlan(storeFor(lucia));
  await seedCoast(backing, space);
  // Words the pupils collected before and during the trip: what the phases produced.
  await storeFor(lucia).createMany('glossary', [
    { translations: { en: { term: 'Harbour' }, pl: { term: 'Port' } }, phase: 'preparation' },
    { translations: { en: { term: 'Amber' }, pl: { term: 'Bursztyn' } }, phase: 'mobility' },
    { translations: { en: { term: 'Pier' }, pl: { term: 'Molo' } }, phase: 'mobility' },
  ]);
  await seedSampleRatings(storeFor, PUPILS.slice(0, 12), ['before', 'after']);
  await seedSampleRatings(storeFor, PUPILS.slice(12), ['before']);
}

export const TRACKER_ADAPTERS = ['story-tracker-empty', 'story-tracker-template', 'story-tracker-mid'] as const;

export function registerTrackerStoryAdapters(): void {
  registerAdapter('story-tracker-empty', seededFactory());
  registerAdapter('story-tracker-template', seededFactory(seedTemplate));
  registerAdapter('story-tracker-mid', seededFactory(seedMidMobility));
}
