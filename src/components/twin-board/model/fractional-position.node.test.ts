import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comparePositioned, MAX_POSITION_LENGTH, needsRebalance, POSITION_DIGITS, positionBetween, positionsBetween, rebalance } from './fractional-position.js';

/** A small seeded PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALID = /^[0-9A-Za-z]*[1-9A-Za-z]$/;

function assertStrictlyOrdered(keys: readonly string[]) {
  for (let i = 1; i < keys.length; i++) assert.ok(keys[i - 1] < keys[i], `"${keys[i - 1]}" < "${keys[i]}" at ${i}`);
}

describe('positionBetween', () => {
  it('starts in the middle and steps in small steps at an open end', () => {
    assert.equal(positionBetween(undefined, undefined), 'V');
    assert.equal(positionBetween('V', undefined), 'V1');
    assert.equal(positionBetween(undefined, 'V'), 'Uz');
    assert.equal(positionBetween('Vz', undefined), 'W', 'a carry');
    assert.equal(positionBetween(undefined, 'W'), 'Vz', 'a borrow');
    assert.equal(positionBetween('z', undefined), 'z01', 'above the top digit: steps one character deeper');
    assert.equal(positionBetween(undefined, '1'), '0z');
  });

  it('bisects between two keys', () => {
    assert.equal(positionBetween('A', 'C'), 'B');
    assert.equal(positionBetween('A', 'B'), 'AV');
    assert.equal(positionBetween('V', 'V1'), 'V0V');
    assert.equal(positionBetween('a', 'aV'), 'aG');
    assert.equal(positionBetween('Az', 'B'), 'AzV');
    assert.equal(positionBetween('A1', 'B5'), 'B', 'a shorter key fits');
  });

  it('keeps strict order over 10,000 random insertions (seeded)', () => {
    const next = random(20270308);
    const keys: string[] = [];
    for (let n = 0; n < 10_000; n++) {
      const at = Math.floor(next() * (keys.length + 1));
      const key = positionBetween(keys[at - 1], keys[at]);
      assert.match(key, VALID);
      if (at > 0) assert.ok(keys[at - 1] < key, `${keys[at - 1]} < ${key}`);
      if (at < keys.length) assert.ok(key < keys[at], `${key} < ${keys[at]}`);
      keys.splice(at, 0, key);
    }
    assertStrictlyOrdered(keys);
    assert.equal(new Set(keys).size, keys.length);
    assert.ok(Math.max(...keys.map((key) => key.length)) <= MAX_POSITION_LENGTH, 'random insertions stay short');
  });

  it('stays at 2 characters for 500 appends at the back, or at the front', () => {
    const back = ['V'];
    const front = ['V'];
    for (let n = 0; n < 500; n++) {
      back.push(positionBetween(back.at(-1), undefined));
      front.unshift(positionBetween(undefined, front[0]));
    }
    assertStrictlyOrdered(back);
    assertStrictlyOrdered(front);
    assert.ok(back.every((key) => key.length <= 2), `back: ${back.at(-1)}`);
    assert.ok(front.every((key) => key.length <= 2), `front: ${front[0]}`);
  });

  it('grows about one character per 6 insertions into the same gap, and then needs a rebalance', () => {
    // Always between the same first key and the one inserted last: the worst case.
    const first = 'V';
    let last = 'W';
    const made: string[] = [];
    for (let n = 0; n < 500; n++) {
      last = positionBetween(first, last);
      made.push(last);
    }
    assertStrictlyOrdered(made.reverse());
    const length = made[0].length;
    assert.ok(length > 75 && length < 95, `500 bisections: ${length} characters`);
    assert.ok(made.slice(-300).every((key) => !needsRebalance(key)), 'the first 300 fit in 64 characters');
    assert.ok(needsRebalance(made[0]));
  });

  it('throws a RangeError on keys out of order or not keys', () => {
    assert.throws(() => positionBetween('B', 'A'), RangeError);
    assert.throws(() => positionBetween('A', 'A'), RangeError);
    assert.throws(() => positionBetween('a0', undefined), /must not end in "0"/);
    assert.throws(() => positionBetween(undefined, '0'), RangeError);
    assert.throws(() => positionBetween('', 'V'), /non-empty/);
    assert.throws(() => positionBetween('a-b', undefined), /not a base-62 digit/);
    assert.throws(() => positionBetween('é', undefined), RangeError);
  });
});

describe('positionsBetween', () => {
  it('spreads 1,000 keys evenly in the open range, 2 characters at most', () => {
    const keys = positionsBetween(undefined, undefined, 1_000);
    assert.equal(keys.length, 1_000);
    assertStrictlyOrdered(keys);
    assert.ok(keys.every((key) => VALID.test(key) && key.length <= 2));
    // Evenly: the first key of each tenth of the list starts with a different digit.
    assert.equal(new Set(keys.filter((_, i) => i % 100 === 0).map((key) => key[0])).size, 10);
  });

  it('stays strictly inside the bounds', () => {
    const keys = positionsBetween('A', 'AV', 50);
    assertStrictlyOrdered(['A', ...keys, 'AV']);
    assertStrictlyOrdered(['z', ...positionsBetween('z', undefined, 20)]);
    assertStrictlyOrdered([...positionsBetween(undefined, '01', 20), '01']);
    assert.deepEqual(positionsBetween(undefined, undefined, 1), ['V']);
    assert.deepEqual(positionsBetween('A', 'B', 0), []);
  });

  it('throws on a bad count or bounds', () => {
    assert.throws(() => positionsBetween(undefined, undefined, -1), RangeError);
    assert.throws(() => positionsBetween(undefined, undefined, 1.5), RangeError);
    assert.throws(() => positionsBetween('B', 'A', 3), RangeError);
  });
});

describe('rebalance and needsRebalance', () => {
  it('gives short keys in order for a whole section', () => {
    const keys = rebalance(300);
    assertStrictlyOrdered(keys);
    assert.ok(keys.every((key) => !needsRebalance(key) && key.length <= 2));
    assert.equal(needsRebalance('a'.repeat(MAX_POSITION_LENGTH)), false);
    assert.equal(needsRebalance('a'.repeat(MAX_POSITION_LENGTH + 1)), true);
  });
});

describe('comparePositioned', () => {
  it('orders by position, then by id', () => {
    const items = [
      { id: 'b', position: 'V' },
      { id: 'a', position: 'W' },
      { id: 'a', position: 'V' },
      { id: 'c', position: 'A' },
    ];
    assert.deepEqual(
      items.sort(comparePositioned).map((item) => `${item.position}${item.id}`),
      ['Ac', 'Va', 'Vb', 'Wa'],
    );
    assert.equal(comparePositioned({ id: 'x', position: 'V' }, { id: 'x', position: 'V' }), 0);
  });

  it('uses ASCII order, which is the digits order', () => {
    const sorted = [...POSITION_DIGITS].sort();
    assert.equal(sorted.join(''), POSITION_DIGITS);
  });
});
