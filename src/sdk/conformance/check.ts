/** Assertions with no test-library dependency, so the suite runs under node:test, mocha or anything else. */
import { envelopeShape } from '../schemas/envelope.js';

export class ConformanceFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConformanceFailure';
  }
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceFailure(message);
}

export function checkEqual(actual: unknown, expected: unknown, what: string): void {
  const a = stableJson(actual);
  const e = stableJson(expected);
  if (a !== e) throw new ConformanceFailure(`${what}: expected ${e}, got ${a}`);
}

/**
 * A missing record (or file) is `undefined`. `null`, what a JSON API answers, gets its own message:
 * it is the usual mistake, and "expected undefined, got null" does not say where it comes from.
 */
export function checkMissing(value: unknown, what: string): void {
  if (value === null) throw new ConformanceFailure(`${what}: expected undefined, got null. Nothing stored is \`undefined\`, never null: map a JSON null with \`?? undefined\``);
  checkEqual(value, undefined, what);
}

/** A revision in the form the store's record schema accepts (`<generation>-<token>`), else a record is reported damaged. */
export function checkRevision(rev: unknown, what: string): asserts rev is string {
  if (envelopeShape.rev.safeParse(rev).success) return;
  throw new ConformanceFailure(
    `${what}: a revision is "<generation>-<token>" (like "1-k3j2h1a9": generation 1 for a create, one more for each later write; ` +
      `nextRevision(previous) makes one), got ${JSON.stringify(rev)}. The store reports a record with any other rev as damaged`,
  );
}

export async function checkRejects(promise: Promise<unknown>, what: string): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new ConformanceFailure(`${what}: expected a rejection, but it resolved`);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : inner,
  );
}

/** Resolves with the first value `probe` returns that is not undefined, or fails after `timeout` ms. */
export async function eventually<T>(probe: () => T | undefined, timeout: number, what: string): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new ConformanceFailure(`${what}: nothing arrived within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
