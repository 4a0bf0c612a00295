import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TwinUser } from '../../../sdk/policy/roles.js';
import type { Activity } from '../../../sdk/schemas/activity.js';
import { ratingId, type GoalRating } from '../../../sdk/schemas/goal-rating.js';
import type { Goal } from '../../../sdk/schemas/goal.js';
import type { Phase } from '../../../sdk/schemas/phase.js';
import { whatsNext, type NextItem, type WhatsNextInput } from './whats-next.js';

const envelope = (collection: string, id: string, author = 'teacher-1') => ({
  id,
  space: 's',
  collection,
  rev: '1-a',
  schemaVersion: 1,
  createdAt: '2027-01-01T00:00:00.000Z',
  updatedAt: '2027-01-01T00:00:00.000Z',
  author: { id: author, name: author },
  status: 'published' as const,
});
const phase = (id: string, order: number, archived?: boolean): Phase => ({ ...envelope('phase', id), name: id, order, ...(archived ? { archived } : {}) });
let n = 0;
const act = (title: string, fields: Partial<Activity> = {}): Activity => ({
  ...envelope('activity', `a${++n}`),
  phase: 'preparation',
  title,
  progress: 'planned',
  order: 1,
  ...fields,
});
const goal = (id: string): Goal => ({ ...envelope('goal', id), title: id, competence: 'project', order: 1 });
const rating = (goalId: string, moment: 'before' | 'after', user: string): GoalRating => ({
  ...envelope('goal-rating', ratingId(goalId, moment, user), user),
  goal: goalId,
  moment,
  value: 3,
});

const PHASES = [phase('preparation', 1), phase('mobility', 2), phase('old', 3, true)];
const ana: TwinUser = { id: 'ana', name: 'Ana', role: 'pupil', school: 'IES Cervantes' };
const tomas: TwinUser = { id: 'tomas', name: 'Tomás', role: 'teacher', school: 'ies cervantes ' };

const input = (fields: Partial<WhatsNextInput>): WhatsNextInput => ({
  activities: [],
  phases: PHASES,
  project: undefined,
  user: tomas,
  today: '2027-02-01',
  ratings: [],
  goals: [],
  ...fields,
});
const titles = (items: NextItem[]) => items.map((item) => (item.kind === 'activity' ? `${item.activity.title}${item.overdue ? ' (late)' : ''}` : `rate ${item.moment} ${item.goals.map((g) => g.id).join('+')}`));

describe('whatsNext: activities', () => {
  it('leaves out done activities and those of removed phases', () => {
    const items = whatsNext(input({ activities: [act('Done', { progress: 'done' }), act('Archived', { phase: 'old' }), act('Open', { order: 1 }), act('Going', { progress: 'in-progress', order: 2 })] }));
    assert.deepEqual(titles(items), ['Open', 'Going']);
  });

  it('puts late ones first, then by due day with undated last, then in plan order', () => {
    const activities = [
      act('Undated B', { phase: 'mobility', order: 1 }),
      act('Undated A', { phase: 'preparation', order: 2 }),
      act('Due later', { dueOn: '2027-03-01' }),
      act('Due soon', { dueOn: '2027-02-03' }),
      act('Late', { dueOn: '2027-01-20' }),
      act('Due today', { dueOn: '2027-02-01' }),
      act('Later', { dueOn: '2027-01-31' }),
    ];
    const items = whatsNext(input({ activities, limit: 10 }));
    assert.deepEqual(titles(items), ['Late (late)', 'Later (late)', 'Due today', 'Due soon', 'Due later', 'Undated A', 'Undated B']);
  });

  it('puts the activities of the user\'s school (any case, any spaces) or of nobody before the others', () => {
    const activities = [
      act('Partner, late', { responsible: 'Szkoła nr 12', dueOn: '2027-01-10' }),
      act('Ours', { responsible: 'IES CERVANTES', dueOn: '2027-03-01' }),
      act('Nobody\'s', { dueOn: '2027-04-01' }),
      act('Blank', { responsible: '  ', dueOn: '2027-05-01' }),
    ];
    assert.deepEqual(titles(whatsNext(input({ activities, limit: 10 }))), ['Ours', "Nobody's", 'Blank', 'Partner, late (late)']);
    // A user without a school: only the unassigned ones come first.
    const guest = { id: 'g', role: 'teacher' as const };
    assert.deepEqual(titles(whatsNext(input({ activities, user: guest, limit: 10 }))), ["Nobody's", 'Blank', 'Partner, late (late)', 'Ours']);
  });

  it('gives at most `limit` items, three by default', () => {
    const activities = Array.from({ length: 6 }, (_, i) => act(`A${i}`, { order: i }));
    assert.equal(whatsNext(input({ activities })).length, 3);
    assert.equal(whatsNext(input({ activities, limit: 5 })).length, 5);
    assert.equal(whatsNext(input({ activities, limit: 0 })).length, 0);
  });
});

describe('whatsNext: self-ratings', () => {
  const goals = [goal('g1'), goal('g2'), goal('g3')];
  const project = { travelOut: '2027-03-08', travelBack: '2027-03-14' };

  it('asks a pupil to rate the goals not yet rated before travel out, first', () => {
    const items = whatsNext(input({ user: ana, goals, project, ratings: [rating('g2', 'before', 'ana'), rating('g1', 'before', 'bruno')], activities: [act('Open')] }));
    assert.deepEqual(titles(items), ['rate before g1+g3', 'Open']);
    const rate = items[0] as Extract<NextItem, { kind: 'rate' }>;
    assert.equal(rate.goals[0], goals[0], 'the goal records themselves');
  });

  it('asks before whenever no travel day is set, and stops on the day of travel out', () => {
    assert.deepEqual(titles(whatsNext(input({ user: ana, goals, today: '2030-01-01' }))), ['rate before g1+g2+g3']);
    assert.deepEqual(titles(whatsNext(input({ user: ana, goals, project, today: '2027-03-07' }))), ['rate before g1+g2+g3']);
    assert.deepEqual(titles(whatsNext(input({ user: ana, goals, project, today: '2027-03-08' }))), []);
    assert.deepEqual(titles(whatsNext(input({ user: ana, goals, project, today: '2027-03-14' }))), []);
  });

  it('asks after, from the day after travel back, for the goals not rated after', () => {
    const ratings = [rating('g1', 'before', 'ana'), rating('g2', 'before', 'ana'), rating('g3', 'before', 'ana'), rating('g3', 'after', 'ana')];
    assert.deepEqual(titles(whatsNext(input({ user: ana, goals, project, ratings, today: '2027-03-15' }))), ['rate after g1+g2']);
    const all = [...ratings, rating('g1', 'after', 'ana'), rating('g2', 'after', 'ana')];
    assert.deepEqual(titles(whatsNext(input({ user: ana, goals, project, ratings: all, today: '2027-03-15' }))), []);
    // Travel out set, travel back not: nothing to rate after.
    assert.deepEqual(titles(whatsNext(input({ user: ana, goals, project: { travelOut: '2027-03-08' }, today: '2027-06-01' }))), []);
  });

  it('asks nothing when every goal is rated, when there are no goals, and of teachers and observers', () => {
    const ratings = goals.map((g) => rating(g.id, 'before', 'ana'));
    assert.deepEqual(titles(whatsNext(input({ user: ana, goals, project, ratings }))), []);
    assert.deepEqual(titles(whatsNext(input({ user: ana, goals: [], project }))), []);
    assert.deepEqual(titles(whatsNext(input({ user: tomas, goals, project }))), []);
    assert.deepEqual(titles(whatsNext(input({ user: { id: 'o', role: 'observer' }, goals, project }))), []);
    assert.deepEqual(titles(whatsNext(input({ user: undefined, goals, project }))), []);
  });

  it('asks a moderator too (a moderator is a trusted pupil)', () => {
    assert.deepEqual(titles(whatsNext(input({ user: { id: 'm', role: 'moderator' }, goals, project }))), ['rate before g1+g2+g3']);
  });

  it('counts the rate item in the limit', () => {
    const activities = Array.from({ length: 5 }, (_, i) => act(`A${i}`, { order: i }));
    assert.deepEqual(titles(whatsNext(input({ user: ana, goals, project, activities }))), ['rate before g1+g2+g3', 'A0', 'A1']);
  });
});
