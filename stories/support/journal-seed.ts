// Seeded memory adapters for the <twin-journal> stories: pupils' entries written through the SDK
// by each pupil, their classmates' feedback, and the teachers' prompt sets.
import { registerAdapter, type TwinStore, type TwinUser } from '../../src/index.js';
import type { MemoryBacking } from '../../src/sdk/adapters/memory/index.js';
import { SAMPLE_PHASES, SAMPLE_PROJECT } from '../../src/test-support/sample-plan.js';
import { lea, lucia, marco, pablo, SCHOOLS, seededFactory, storesOn } from './glossary-seed.js';

/** Pablo travels; Marco and Léa follow from home. */
const travelling = { ...pablo, mobile: true };

const body = (text: string) => `<p>${text}</p>`;

async function seedPlan(teacher: TwinStore) {
  await teacher.createAll([
    ...SAMPLE_PHASES.map(({ id, ...fields }) => ({ collection: 'phase', id, fields })),
    { collection: 'project', id: 'settings', fields: SAMPLE_PROJECT },
    {
      collection: 'journal-prompt',
      fields: { title: 'Mobility week', order: 1, prompts: [{ id: 'q1', text: 'What did I learn today?' }, { id: 'q2', text: 'What surprised me?' }, { id: 'q3', text: 'What will I do differently?' }], schedule: { from: '2027-03-08', to: '2027-03-14' } },
    },
    { collection: 'journal-prompt', fields: { title: 'Before we travel', order: 2, prompts: [{ id: 'q1', text: 'What do I expect from Gdynia?' }], schedule: { from: '2027-02-22', to: '2027-02-28' } } },
    { collection: 'journal-prompt', fields: { title: 'Back home', order: 3, prompts: [{ id: 'q1', text: 'What did I bring back?' }], schedule: { phase: 'reflection' } } },
  ]);
}

/** Pablo's first days in Gdynia, with feedback from classmates at home. */
async function seedWeek(backing: MemoryBacking, space: string) {
  const storeFor = storesOn(backing, space);
  await seedPlan(storeFor(lucia));
  const mine = storeFor(travelling);
  const day1 = await mine.create('journal', {
    date: '2027-03-08',
    title: 'Arrival by ferry',
    visibility: 'space',
    body: body('The ferry from Gdańsk was <strong>three hours late</strong>, but the host families waited with hot soup.') + '<ul><li>cold wind</li><li>very friendly people</li></ul>',
    confidence: 3,
    learned: 'How to say thank you in Polish: dziękuję',
  });
  await mine.create('journal', { date: '2027-03-09', title: 'Fieldwork at the pier', visibility: 'school', body: body('Our mixed team measured the waves every hour. Kasia explained the Baltic has almost no tide.'), confidence: 4 });
  await mine.create('journal', { date: '2027-03-10', title: 'A private worry', visibility: 'private', body: body('I miss my family more than I thought.') });
  for (const [user, kind, text] of [
    [marco, 'liked', 'The soup story made me hungry! Great photos.'],
    [lea, 'wonder', 'How did you understand the host family? In English?'],
    [marco, 'next', 'Next time, film the ferry arriving!'],
    [lucia, 'comment', 'Well observed, Pablo. Add the wind speed you measured.'],
  ] as const) {
    await storeFor({ ...user, mobile: false } as TwinUser).create('journal-feedback', { target: day1.id, kind, body: text });
  }
}

/** 200 pupils of three schools with 8 entries each over the last weeks: the teacher's overview. */
async function seedClass(backing: MemoryBacking, space: string) {
  const storeFor = storesOn(backing, space);
  await seedPlan(storeFor(lucia));
  const schools = Object.values(SCHOOLS);
  for (let p = 0; p < 200; p++) {
    const user: TwinUser = { id: `pupil-${p + 1}`, name: `Pupil ${String(p + 1).padStart(3, '0')}`, role: 'pupil', school: schools[p % 3], mobile: p % 2 === 0 };
    // Every seventh pupil has not written for three weeks: a nudge is due.
    const last = p % 7 === 0 ? 3 : 0;
    const items = Array.from({ length: 8 }, (_, i) => {
      const day = new Date(Date.UTC(2027, 2, 10 - 7 * (i + last) - (p % 4)));
      return { collection: 'journal', fields: { date: day.toISOString().slice(0, 10), title: `Week ${8 - i}: notes`, visibility: i % 3 ? 'space' : 'school', body: body('Today we worked on the coast project.') } };
    });
    await storeFor(user).createAll(items);
    if (p % 10 === 0) await new Promise((resolve) => setTimeout(resolve));
  }
}

export const JOURNAL_ADAPTERS = ['story-journal-empty', 'story-journal-week', 'story-journal-class'] as const;

export function registerJournalStoryAdapters(): void {
  registerAdapter('story-journal-empty', seededFactory());
  registerAdapter('story-journal-week', seededFactory(seedWeek));
  registerAdapter('story-journal-class', seededFactory(seedClass));
}
