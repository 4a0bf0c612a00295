import type { Change } from '../adapter.js';
import { ConformanceFailure } from './check.js';

/** The suite's test about the listener's arguments: the other tests point to it instead of failing vaguely. */
export const LISTENER_TEST = 'calls a subscriber as listener(changes), with an array of changes';

const SHAPE = 'listener(changes): one argument, an array of { type, space, collection, id, rev, origin, record? }';

/** What is wrong with one call of a subscriber's listener, or undefined when it is right. */
export function listenerCallProblem(args: unknown[], space: string): string | undefined {
  const [first, second] = args;
  if (args.length === 2 && first === space && Array.isArray(second)) {
    return `subscribe called ${listenerCall(args)}, the space first. Call ${SHAPE}; wrap the listener: (changedSpace, changes) => changedSpace === space && listener(changes)`;
  }
  if (args.length !== 1 || !Array.isArray(first)) {
    const single = args.length === 1 && typeof first === 'object' && first !== null ? ' A single change goes in an array: listener([change]).' : '';
    return `subscribe called ${listenerCall(args)}; it must call ${SHAPE}.${single}`;
  }
  for (const [index, change] of first.entries()) {
    const problem = changeProblem(change, space);
    if (problem) return `subscribe called the listener with a change that ${problem} (change ${index + 1}: ${shortJson(change)}); each change is { type, space, collection, id, rev, origin, record? }`;
  }
  return undefined;
}

function changeProblem(change: unknown, space: string): string | undefined {
  if (typeof change !== 'object' || change === null) return 'is not an object';
  const c = change as Partial<Record<keyof Change, unknown>>;
  if (c.type !== 'put' && c.type !== 'delete') return 'has no type "put" or "delete"';
  if (c.space !== space) return `has space ${JSON.stringify(c.space)}, not the subscribed space ${JSON.stringify(space)}`;
  for (const key of ['collection', 'id', 'rev', 'origin'] as const) {
    if (typeof c[key] !== 'string') return `has no ${key} (text)`;
  }
  return undefined;
}

/**
 * A listener for the suite's tests: keeps the changes of right calls, and the first wrong call, which
 * `verify` (called by every wait for a change) turns into one clear failure instead of a timeout.
 */
export function recordChanges(space: string) {
  const seen: Change[] = [];
  let wrong: string | undefined;
  return {
    seen,
    listener: (...args: unknown[]) => {
      const problem = listenerCallProblem(args, space);
      if (problem) wrong ??= problem;
      else seen.push(...(args[0] as Change[]));
    },
    verify(): void {
      if (wrong) throw new ConformanceFailure(`listener arguments: ${wrong} (see the test "${LISTENER_TEST}")`);
    },
  };
}

function listenerCall(args: unknown[]): string {
  return `listener(${args.map(shortJson).join(', ')})`;
}

function shortJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length} item${value.length === 1 ? '' : 's'}]`;
  const json = value === undefined ? 'undefined' : JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}
