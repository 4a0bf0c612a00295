/**
 * Fractional positions: keys that sort with plain string comparison, so a post can move between
 * two others by rewriting only its own record, and two people moving posts at once never collide.
 *
 * A key is a base-62 fraction written without "0.": digits in ASCII order `0-9A-Za-z`, so that `<`
 * on strings is `<` on the fractions. `'V'` is 31/62, about one half. A key never ends in `'0'`
 * (`'a'` and `'a0'` are the same fraction and nothing would fit between them).
 *
 * How keys grow:
 * - between two keys (a bisection): the gap halves, so inserting again and again into the same
 *   gap adds about one character per 6 insertions (log2 62 ≈ 5.95): 500 insertions in one gap
 *   make keys of about 85 characters. Past `MAX_POSITION_LENGTH`, the caller rebalances
 *   (`needsRebalance`, `rebalance`).
 * - at either end (open bound): not a bisection but a small step, one digit after the first digit
 *   that still has room (`'V'` → `'V1'` → `'V2'` … `'Vz'` → `'W'`). From `'V'`, about 1,900 appends
 *   at one end fit in two characters and each further character buys about 3,800 more: 500 posts
 *   added at the end, or at the front, stay at 2 characters; 10,000 reach 5.
 */

export const POSITION_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = POSITION_DIGITS.length;
const TOP = BASE - 1;

/** Longest key the `board` schema stores. */
export const MAX_POSITION_LENGTH = 64;

const digitOf = (key: string, at: number): number => (at < key.length ? POSITION_DIGITS.indexOf(key[at]) : 0);

function checkKey(key: string, name: string): void {
  if (typeof key !== 'string' || key.length === 0) throw new RangeError(`${name} must be a non-empty position key.`);
  for (let i = 0; i < key.length; i++) {
    if (POSITION_DIGITS.indexOf(key[i]) < 0) throw new RangeError(`${name} "${key}" has a character that is not a base-62 digit.`);
  }
  if (key.endsWith('0')) throw new RangeError(`${name} "${key}" must not end in "0".`);
}

/** The digits as a key: trailing zeros dropped (the same fraction, and the key stays valid). */
function toKey(digits: number[]): string {
  let end = digits.length;
  while (end > 0 && digits[end - 1] === 0) end--;
  return digits
    .slice(0, end)
    .map((digit) => POSITION_DIGITS[digit])
    .join('');
}

/**
 * The key halfway (digit-wise) between `low` and `high`; `low` '' is 0, `high` undefined is 1.
 * Both valid, `low < high`. (The midpoint of the well-known fractional-indexing algorithm.)
 */
function midpoint(low: string, high: string | undefined): string {
  if (high !== undefined) {
    // Same leading digits (low padded with zeros): keep them, bisect what follows.
    let common = 0;
    while (common < high.length && (low[common] ?? '0') === high[common]) common++;
    if (common > 0) return high.slice(0, common) + midpoint(low.slice(common), high.slice(common));
  }
  const lowDigit = digitOf(low, 0);
  const highDigit = high === undefined ? BASE : digitOf(high, 0);
  if (highDigit - lowDigit > 1) return POSITION_DIGITS[Math.round((lowDigit + highDigit) / 2)];
  // Adjacent first digits: a longer `high` has its first digit as a key in between…
  if (high !== undefined && high.length > 1) return high.slice(0, 1);
  // …otherwise keep low's first digit and go one digit deeper, with no upper bound there.
  return POSITION_DIGITS[lowDigit] + midpoint(low.slice(1), undefined);
}

/** A key just after `before`: one step at the digit after the first one that is not `z`. */
function stepAfter(before: string): string {
  let first = 0;
  while (digitOf(before, first) === TOP) first++;
  const at = first + 1;
  const digits = Array.from({ length: at + 1 }, (_, i) => digitOf(before, i));
  for (let i = at; ; i--) {
    // Carries stop at `first`, whose digit is below `z`.
    if (digits[i] < TOP) {
      digits[i]++;
      break;
    }
    digits[i] = 0;
  }
  return toKey(digits);
}

/** A key just before `after`: one step at the digit after the first one that is not `0`. */
function stepBefore(after: string): string {
  let first = 0;
  while (digitOf(after, first) === 0) first++;
  const at = first + 1;
  const digits = Array.from({ length: at + 1 }, (_, i) => digitOf(after, i));
  for (let i = at; ; i--) {
    // Borrows stop at `first`, whose digit is above `0`; the result stays above zero.
    if (digits[i] > 0) {
      digits[i]--;
      break;
    }
    digits[i] = TOP;
  }
  return toKey(digits);
}

/**
 * A key strictly between `before` and `after` (undefined: that end is open). Throws a RangeError
 * when a key is not a position key or when `before >= after`.
 */
export function positionBetween(before: string | undefined, after: string | undefined): string {
  if (before !== undefined) checkKey(before, 'before');
  if (after !== undefined) checkKey(after, 'after');
  if (before !== undefined && after !== undefined) {
    if (before >= after) throw new RangeError(`before "${before}" must sort before after "${after}".`);
    return midpoint(before, after);
  }
  if (before !== undefined) return stepAfter(before);
  if (after !== undefined) return stepBefore(after);
  return midpoint('', undefined);
}

/**
 * `count` keys in order, strictly between `before` and `after` (either may be open), spread
 * evenly by recursive bisection of the whole gap: 1,000 keys in the open range are 2 characters.
 */
export function positionsBetween(before: string | undefined, after: string | undefined, count: number): string[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, not ${count}.`);
  if (before !== undefined) checkKey(before, 'before');
  if (after !== undefined) checkKey(after, 'after');
  if (before !== undefined && after !== undefined && before >= after) throw new RangeError(`before "${before}" must sort before after "${after}".`);
  const keys: string[] = [];
  const fill = (low: string, high: string | undefined, n: number) => {
    if (n === 0) return;
    const half = Math.floor(n / 2);
    const middle = midpoint(low, high);
    fill(low, middle, half);
    keys.push(middle);
    fill(middle, high, n - half - 1);
  };
  fill(before ?? '', after, count);
  return keys;
}

/** Display order of positioned things: by position, then by id, so ties are the same for everyone. */
export function comparePositioned(a: { position: string; id: string }, b: { position: string; id: string }): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Too long to store: the section's posts need new keys (`rebalance`). */
export function needsRebalance(key: string): boolean {
  return key.length > MAX_POSITION_LENGTH;
}

/** Fresh, short, evenly spread keys for `count` posts, to give them in their current display order. */
export function rebalance(count: number): string[] {
  return positionsBetween(undefined, undefined, count);
}
