import { ConformanceFailure } from './check.js';

/** The runner's test context: `this` under mocha and node:test, the first argument under node:test and vitest. */
interface RunnerContext {
  skip?: (reason?: string) => void;
  test?: { title?: string };
}

/**
 * Reports the running test as skipped, with its reason, through the runner's own skip. Mocha's
 * skip throws (ending the test) and shows no reason, so the reason goes into the title;
 * node:test's returns, and the caller returns. A runner with no skip fails the test: not a pass.
 */
export function skipThrough(self: unknown, first: unknown, reason: string): void {
  const context = [self, first].find((c): c is RunnerContext => typeof (c as RunnerContext | undefined)?.skip === 'function');
  if (!context) throw new ConformanceFailure(`this test does not apply (${reason}), and the runner offers no skip to say so`);
  if (typeof context.test?.title === 'string') context.test.title += ` (skipped: ${reason})`;
  context.skip!(reason);
}
