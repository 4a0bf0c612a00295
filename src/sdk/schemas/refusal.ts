import * as z from 'zod/mini';
import type { ValidationIssue } from '../errors.js';
import type { IssueName } from '../issue-kinds.js';

/**
 * A check of our own (a refine) whose issue carries its kind (in `params.issue`, which
 * store/zod-issue.ts copies): zod's built-in checks are read from their structured issue, but of a
 * refine zod knows only that it failed.
 */
export const refusal = <T>(holds: (value: T) => boolean, kind: IssueName, message: string, path?: string) =>
  z.refine<T>(holds, { message, path: path ? [path] : undefined, params: { issue: { kind } } });

/** A reference id that must be given: an empty one names nothing, as a removed record. */
export const namedId = (message: string) => refusal((id: string) => id !== '', 'removed', message);

/** A whole number from `min` to `max` (a scale); its issue names both ends. */
export const wholeNumberFrom = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  const issue: Pick<ValidationIssue, 'kind' | 'numbers'> = { kind: 'number-range', numbers: [min, max] };
  return z.number(message).check(z.refine((n) => Number.isInteger(n) && n >= min && n <= max, { message, params: { issue } }));
};
