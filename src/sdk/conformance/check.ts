/** Assertions with no test-library dependency, so the suite runs under node:test, mocha or anything else. */

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
