import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JournalPrompt } from '../../../sdk/schemas/journal-prompt.js';
import { promptsFor, type PromptEntry, type PromptPhase, type PromptsForInput } from './prompts-due.js';

const ana = { id: 'ana' };
const promptSet = (id: string, schedule: JournalPrompt['schedule'], order = 1): JournalPrompt =>
  ({
    id,
    space: 's',
    collection: 'journal-prompt',
    rev: '1-a',
    schemaVersion: 1,
    createdAt: '2027-01-01T00:00:00Z',
    updatedAt: '2027-01-01T00:00:00Z',
    author: { id: 'teacher', name: 'Tomás' },
    status: 'published',
    title: `Set ${id}`,
    prompts: [
      { id: 'q1', text: 'What surprised you?' },
      { id: 'q2', text: 'What next?' },
    ],
    schedule,
    order,
  }) as JournalPrompt;
const answered = (set: string, date: string, answers: Record<string, string> = { q2: 'Speak more.' }, author = ana.id): PromptEntry => ({ author: { id: author }, date, promptSet: set, answers });

const phases: PromptPhase[] = [
  { id: 'preparation', order: 1, startsOn: '2027-01-04', endsOn: '2027-03-05' },
  { id: 'mobility', order: 2 },
  { id: 'reflection', order: 3 },
  { id: 'dissemination', order: 4, archived: true },
];
const project = { currentPhase: 'reflection', travelOut: '2027-03-08', travelBack: '2027-03-14' };

function states(input: Partial<PromptsForInput> & { sets: JournalPrompt[]; today: string }) {
  return promptsFor({ entries: [], user: ana, project, phases, ...input }).map((item) => [item.set.id, item.state, item.week]);
}

describe('promptsFor: sets scheduled by week', () => {
  const week = promptSet('w', { from: '2027-01-11', to: '2027-01-15' });

  it('is upcoming before the week, due during it, late after it', () => {
    assert.deepEqual(states({ sets: [week], today: '2027-01-10' }), [['w', 'upcoming', '2027-01-11']]);
    assert.deepEqual(states({ sets: [week], today: '2027-01-11' }), [['w', 'due', '2027-01-11']]);
    assert.deepEqual(states({ sets: [week], today: '2027-01-15' }), [['w', 'due', '2027-01-11']]);
    assert.deepEqual(states({ sets: [week], today: '2027-01-16' }), [['w', 'late', '2027-01-11']]);
  });

  it('is done with an entry of the user answering a prompt of the set, dated within the week', () => {
    assert.deepEqual(states({ sets: [week], today: '2027-01-12', entries: [answered('w', '2027-01-12')] }), [['w', 'done', '2027-01-11']]);
    assert.deepEqual(states({ sets: [week], today: '2027-02-01', entries: [answered('w', '2027-01-15')] }), [['w', 'done', '2027-01-11']]);
  });

  it('is not done by an answer dated after the week, another pupil\'s entry, another set, or blank answers', () => {
    const today = '2027-01-20';
    for (const entry of [
      answered('w', '2027-01-16'),
      answered('w', '2027-01-12', undefined, 'bruno'),
      answered('other', '2027-01-12'),
      answered('w', '2027-01-12', { q1: '   ' }),
      answered('w', '2027-01-12', { unknown: 'An answer to no prompt of the set' }),
      { author: ana, date: '2027-01-12', promptSet: 'w' },
    ]) {
      assert.deepEqual(states({ sets: [week], today, entries: [entry] }), [['w', 'late', '2027-01-11']], JSON.stringify(entry));
    }
  });

  it('without `to`, lasts until the Sunday of the week of `from`; with a phase too, the week decides', () => {
    const open = promptSet('o', { from: '2027-01-13' });
    assert.deepEqual(states({ sets: [open], today: '2027-01-17' }), [['o', 'due', '2027-01-11']]);
    assert.deepEqual(states({ sets: [open], today: '2027-01-18' }), [['o', 'late', '2027-01-11']]);
    const both = promptSet('b', { from: '2027-01-11', to: '2027-01-15', phase: 'reflection' });
    assert.deepEqual(states({ sets: [both], today: '2027-01-20' }), [['b', 'late', '2027-01-11']]);
  });
});

describe('promptsFor: sets scheduled by phase', () => {
  it('follows the phase\'s dates', () => {
    const set = promptSet('p', { phase: 'preparation' });
    assert.deepEqual(states({ sets: [set], today: '2027-01-03' }), [['p', 'upcoming', '2027-01-04']]);
    assert.deepEqual(states({ sets: [set], today: '2027-02-01' }), [['p', 'due', '2027-01-04']]);
    assert.deepEqual(states({ sets: [set], today: '2027-03-06' }), [['p', 'late', '2027-01-04']]);
    assert.deepEqual(states({ sets: [set], today: '2027-03-06', entries: [answered('p', '2027-02-01')] }), [['p', 'done', '2027-01-04']]);
    assert.deepEqual(states({ sets: [set], today: '2027-03-06', entries: [answered('p', '2027-03-06')] }), [['p', 'late', '2027-01-04']], 'answered after the phase');
  });

  it('takes the project\'s travel dates for a mobility phase without dates', () => {
    const set = promptSet('m', { phase: 'mobility' });
    assert.deepEqual(states({ sets: [set], today: '2027-03-07' }), [['m', 'upcoming', '2027-03-08']]);
    assert.deepEqual(states({ sets: [set], today: '2027-03-10' }), [['m', 'due', '2027-03-08']]);
    assert.deepEqual(states({ sets: [set], today: '2027-03-15' }), [['m', 'late', '2027-03-08']]);
  });

  it('places a phase without dates by the project\'s current phase', () => {
    const current = promptSet('r', { phase: 'reflection' });
    const earlier = promptSet('m', { phase: 'mobility' });
    const today = '2027-04-01';
    const noTravel = { currentPhase: 'reflection' };
    assert.deepEqual(states({ sets: [current, earlier], today, project: noTravel }), [
      ['m', 'late', undefined],
      ['r', 'due', undefined],
    ]);
    assert.deepEqual(states({ sets: [current], today, project: { currentPhase: 'mobility' } }), [['r', 'upcoming', undefined]]);
    assert.deepEqual(states({ sets: [current], today, project: undefined }), [['r', 'upcoming', undefined]]);
    assert.deepEqual(states({ sets: [current], today, project: noTravel, entries: [answered('r', '2020-01-01')] }), [['r', 'done', undefined]]);
  });

  it('leaves out a set whose phase is unknown or archived', () => {
    assert.deepEqual(states({ sets: [promptSet('x', { phase: 'nowhere' }), promptSet('d', { phase: 'dissemination' })], today: '2027-04-01' }), []);
  });
});

describe('promptsFor: order', () => {
  it('lists sets by their order, then id', () => {
    const sets = [promptSet('c', { from: '2027-01-11' }, 2), promptSet('b', { from: '2027-01-11' }, 1), promptSet('a', { from: '2027-01-11' }, 2)];
    assert.deepEqual(states({ sets, today: '2027-01-11' }).map(([id]) => id), ['b', 'a', 'c']);
  });
});
