import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ratingId, type GoalRating } from '../../../sdk/schemas/goal-rating.js';
import type { Goal } from '../../../sdk/schemas/goal.js';
import { summarizeRatings } from './rating-summary.js';

const envelope = (collection: string, id: string, author: string, updatedAt = '2027-01-01T00:00:00.000Z') => ({
  id,
  space: 's',
  collection,
  rev: '1-a',
  schemaVersion: 1,
  createdAt: updatedAt,
  updatedAt,
  author: { id: author, name: author },
  status: 'published' as const,
});
const goal = (id: string): Goal => ({ ...envelope('goal', id, 't'), title: id, competence: 'project', order: 1 });
const r = (goalId: string, moment: 'before' | 'after', pupil: string, value: number, updatedAt?: string): GoalRating => ({
  ...envelope('goal-rating', ratingId(goalId, moment, pupil), pupil, updatedAt),
  goal: goalId,
  moment,
  value,
});

describe('summarizeRatings', () => {
  it('summarizes each goal before and after: count, mean, counts per value', () => {
    const goals = [goal('g1'), goal('g2')];
    const [g1, g2] = summarizeRatings(goals, [r('g1', 'before', 'ana', 2), r('g1', 'before', 'bruno', 3), r('g1', 'before', 'carla', 3), r('g1', 'after', 'ana', 5)]);
    assert.equal(g1.goal, goals[0]);
    assert.deepEqual(g1.before, { count: 3, mean: 8 / 3, counts: [0, 1, 2, 0, 0] });
    assert.deepEqual(g1.after, { count: 1, mean: 5, counts: [0, 0, 0, 0, 1] });
    assert.deepEqual(g2, { goal: goals[1], before: { count: 0, mean: undefined, counts: [0, 0, 0, 0, 0] }, after: { count: 0, mean: undefined, counts: [0, 0, 0, 0, 0] }, paired: 0, change: undefined });
  });

  it('measures the change over the pupils who rated both, to one decimal', () => {
    const [summary] = summarizeRatings(
      [goal('g1')],
      [
        r('g1', 'before', 'ana', 2),
        r('g1', 'after', 'ana', 4),
        r('g1', 'before', 'bruno', 3),
        r('g1', 'after', 'bruno', 4),
        r('g1', 'before', 'carla', 1),
        r('g1', 'after', 'carla', 2),
        // Only before, or only after: not paired, so not in the change.
        r('g1', 'before', 'dora', 1),
        r('g1', 'after', 'eli', 5),
      ],
    );
    assert.equal(summary.paired, 3);
    assert.equal(summary.change, 1.3); // (2 + 1 + 1) / 3 = 1.333…
    assert.equal(summary.before.count, 4);
    assert.equal(summary.after.count, 4);
  });

  it('reports a fall as negative and no change as 0 (never -0)', () => {
    const [fall] = summarizeRatings([goal('g1')], [r('g1', 'before', 'ana', 4), r('g1', 'after', 'ana', 3), r('g1', 'before', 'bo', 5), r('g1', 'after', 'bo', 5)]);
    assert.equal(fall.change, -0.5);
    const [same] = summarizeRatings([goal('g1')], [r('g1', 'before', 'ana', 4), r('g1', 'after', 'ana', 4)]);
    assert.ok(Object.is(same.change, 0));
    const [tiny] = summarizeRatings([goal('g1')], [
      ...Array.from({ length: 21 }, (_, i) => `p${i}`).flatMap((p, i) => [r('g1', 'before', p, 3), r('g1', 'after', p, i === 0 ? 2 : 3)]),
    ]);
    assert.ok(Object.is(tiny.change, 0), `-1/21 rounds to 0, not -0: ${tiny.change}`);
  });

  it('ignores ratings of unknown goals and values off the scale, and counts a pupil once per goal and moment', () => {
    const [summary] = summarizeRatings(
      [goal('g1')],
      [
        r('gone', 'before', 'ana', 5),
        { ...r('g1', 'before', 'bo', 9) },
        r('g1', 'before', 'ana', 1, '2027-01-01T00:00:00.000Z'),
        { ...r('g1', 'before', 'ana', 4, '2027-02-01T00:00:00.000Z'), id: 'imported-copy' },
      ],
    );
    assert.deepEqual(summary.before, { count: 1, mean: 4, counts: [0, 0, 0, 1, 0] });
  });

  it('keeps the order of the goals and gives an empty list for no goals', () => {
    const goals = [goal('b'), goal('a')];
    assert.deepEqual(summarizeRatings(goals, []).map((s) => s.goal.id), ['b', 'a']);
    assert.deepEqual(summarizeRatings([], [r('g1', 'before', 'ana', 2)]), []);
  });
});
