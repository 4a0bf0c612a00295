import type { RawRecord } from '../../adapter.js';

const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
        )
      : value;

/**
 * Whether the server's record is the one this device sent. A write re-sent after a lost answer
 * conflicts with itself; its content (down to `updatedAt`, to the millisecond) shows it landed.
 */
export function sameContent(a: RawRecord | undefined, b: RawRecord | undefined): boolean {
  if (!a || !b) return false;
  const { rev: _a, ...restA } = a;
  const { rev: _b, ...restB } = b;
  return JSON.stringify(canonical(restA)) === JSON.stringify(canonical(restB));
}
