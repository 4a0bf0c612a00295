import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comparePositioned } from './fractional-position.js';
import { planMove, positionAt, type PositionedPost } from './move-plan.js';

const groups = [
  { section: 'a', postIds: ['a1', 'a2', 'a3'] },
  { section: 'b', postIds: ['b1'] },
  { section: 'empty', postIds: [] },
  { section: 'c', postIds: ['c1', 'c2', 'c3', 'c4'] },
];

describe('planMove', () => {
  it('moves up and down within the section, stopping at its ends', () => {
    assert.deepEqual(planMove(groups, { section: 'a', index: 1 }, 'up'), { section: 'a', index: 0 });
    assert.deepEqual(planMove(groups, { section: 'a', index: 0 }, 'up'), { section: 'a', index: 0 });
    assert.deepEqual(planMove(groups, { section: 'a', index: 1 }, 'down'), { section: 'a', index: 2 });
    assert.deepEqual(planMove(groups, { section: 'a', index: 2 }, 'down'), { section: 'a', index: 2 });
    assert.deepEqual(planMove(groups, { section: 'b', index: 0 }, 'down'), { section: 'b', index: 0 }, 'alone in its section');
  });

  it('goes home and to the end of the section', () => {
    assert.deepEqual(planMove(groups, { section: 'c', index: 2 }, 'home'), { section: 'c', index: 0 });
    assert.deepEqual(planMove(groups, { section: 'c', index: 1 }, 'end'), { section: 'c', index: 3 });
  });

  it('moves left and right between sections, keeping the index when it fits', () => {
    assert.deepEqual(planMove(groups, { section: 'c', index: 1 }, 'left'), { section: 'empty', index: 0 }, 'an empty section: index 0');
    assert.deepEqual(planMove(groups, { section: 'empty', index: 0 }, 'right'), { section: 'c', index: 0 });
    assert.deepEqual(planMove(groups, { section: 'a', index: 2 }, 'right'), { section: 'b', index: 1 }, 'clamped: the end of b');
    assert.deepEqual(planMove(groups, { section: 'b', index: 0 }, 'left'), { section: 'a', index: 0 });
    assert.deepEqual(planMove(groups, { section: 'c', index: 3 }, 'left'), { section: 'empty', index: 0 });
  });

  it('stays at the first and last section', () => {
    assert.deepEqual(planMove(groups, { section: 'a', index: 1 }, 'left'), { section: 'a', index: 1 });
    assert.deepEqual(planMove(groups, { section: 'c', index: 3 }, 'right'), { section: 'c', index: 3 });
  });

  it('clamps a stale index and leaves an unknown section alone', () => {
    assert.deepEqual(planMove(groups, { section: 'a', index: 9 }, 'up'), { section: 'a', index: 1 });
    assert.deepEqual(planMove(groups, { section: 'gone', index: 4 }, 'down'), { section: 'gone', index: 4 });
  });
});

describe('positionAt', () => {
  const list: PositionedPost[] = [
    { id: 'p1', position: 'y', pinned: true },
    { id: 'p2', position: 'z', pinned: true },
    { id: 'x', position: 'B' },
    { id: 'y', position: 'V' },
    { id: 'z', position: 'k' },
  ];
  /** The display order after giving `id` the position (pinned first, then by position and id). */
  const after = (posts: PositionedPost[], id: string, position: string, pinned?: boolean) => {
    const moved = posts.find((post) => post.id === id) ?? { id, position, pinned };
    return [...posts.filter((post) => post.id !== id), { ...moved, position }]
      .sort((a, b) => (Boolean(a.pinned) !== Boolean(b.pinned) ? (a.pinned ? -1 : 1) : comparePositioned(a, b)))
      .map((post) => post.id);
  };

  it('moves within the same section, its own slot excluded', () => {
    assert.deepEqual(after(list, 'x', positionAt(list, 3, 'x')), ['p1', 'p2', 'y', 'x', 'z'], 'down one');
    assert.deepEqual(after(list, 'x', positionAt(list, 4, 'x')), ['p1', 'p2', 'y', 'z', 'x'], 'to the end');
    assert.deepEqual(after(list, 'z', positionAt(list, 2, 'z')), ['p1', 'p2', 'z', 'x', 'y'], 'to the top of the unpinned');
    const stay = positionAt(list, 3, 'y');
    assert.ok('B' < stay && stay < 'k', 'staying put: between its neighbours, not its own key');
  });

  it('moves into another section at an index, or at its end', () => {
    assert.deepEqual(after(list, 'new', positionAt(list, 3, 'new')), ['p1', 'p2', 'x', 'new', 'y', 'z']);
    assert.deepEqual(after(list, 'new', positionAt(list, 5, 'new')), ['p1', 'p2', 'x', 'y', 'z', 'new']);
    assert.deepEqual(after(list, 'new', positionAt(list, 99, 'new')), ['p1', 'p2', 'x', 'y', 'z', 'new'], 'clamped');
    assert.equal(positionAt([], 0, 'new'), 'V', 'an empty section');
  });

  it('computes among the list as displayed: pinned posts stay first', () => {
    assert.deepEqual(after(list, 'new', positionAt(list, 0, 'new')), ['p1', 'p2', 'new', 'x', 'y', 'z'], 'an unpinned post cannot go above pinned ones');
    assert.deepEqual(after(list, 'p1', positionAt(list, 1, 'p1')), ['p2', 'p1', 'x', 'y', 'z'], 'a pinned post among pinned ones');
    assert.deepEqual(after(list, 'p2', positionAt(list, 4, 'p2')), ['p1', 'p2', 'x', 'y', 'z'], 'and not below unpinned ones');
    assert.deepEqual(after(list, 'pin', positionAt(list, 0, 'pin', true), true), ['pin', 'p1', 'p2', 'x', 'y', 'z'], 'a pinned post from elsewhere');
  });

  it('goes past neighbours that share a position (two moves into one gap at once)', () => {
    const tied: PositionedPost[] = [
      { id: 'a', position: 'V' },
      { id: 'b', position: 'V' },
      { id: 'c', position: 'W' },
    ];
    const key = positionAt(tied, 1, 'new');
    assert.ok('V' < key && key < 'W');
    assert.deepEqual(after(tied, 'new', key), ['a', 'b', 'new', 'c']);
  });
});
