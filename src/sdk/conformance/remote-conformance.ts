import type { ModerationMode } from '../policy/roles.js';
import type { FeedEnds } from './remote/actor.js';
import { batchTests } from './remote/batch-tests.js';
import { errorTests } from './remote/error-tests.js';
import { fileTests } from './remote/file-tests.js';
import { ProtocolHttp } from './remote/http.js';
import { idempotenceTests } from './remote/idempotence-tests.js';
import { longPollTests } from './remote/long-poll-tests.js';
import type { RemotePeople } from './remote/people.js';
import { readAccessTests } from './remote/read-access-tests.js';
import { revisionTests } from './remote/revision-tests.js';
import { testRunner, type TestDefinition } from './remote/suite-context.js';
import { writeAccessTests } from './remote/write-access-tests.js';

export type { RemotePeople, RemotePerson } from './remote/people.js';

export interface RemoteConformanceOptions {
  /** Shown in test names, e.g. "moodle". */
  name: string;
  /** The protocol's base URL: the suite calls `${url}/spaces/${space}/pull`, `/push` and `/files/{id}`. */
  url: string;
  /** A space the people below belong to. The suite adds records to it (ids starting `rc`): use a test space. */
  space: string;
  /**
   * The people of the space by the part they play, each with the headers that sign them in. A
   * missing one skips the tests that need them, saying so. `anonymous` defaults to no credentials.
   */
  people: RemotePeople;
  /** The space's moderation ('off', 'pupils', 'all'): which status each new record must carry. */
  moderation: ModerationMode;
  /** false: the server stores no files, and the file tests are skipped. Default true. */
  files?: boolean;
  /**
   * Your test runner's `describe` and `it` (node:test, mocha, vitest...). A test that does not
   * apply is reported through the runner's own skip, with its reason: `t.skip(reason)` (node:test,
   * vitest) or `this.skip()` (mocha, the reason then added to the title).
   */
  describe(name: string, body: () => void): void;
  it(name: string, body: (this: unknown, ...args: unknown[]) => Promise<void>): void;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Milliseconds a request may take before it counts as failed (a long poll: plus its wait). Default 10000. */
  requestTimeout?: number;
}

const GROUPS: [string, TestDefinition[]][] = [
  ['revisions', revisionTests],
  ['idempotent writes', idempotenceTests],
  ['batches and checkpoints', batchTests],
  ['long poll', longPollTests],
  ['who reads what', readAccessTests],
  ['who writes what', writeAccessTests],
  ['errors', errorTests],
  ['files', fileTests],
];

/**
 * The conformance suite for servers of Twinkit's replication protocol (docs/replication-protocol.md),
 * over plain HTTP. Run it against your server, on a test space:
 *
 *   import { describe, it } from 'node:test';
 *   runRemoteConformance({ name: 'moodle', url: 'https://lms.example/twinkit', space: 'test-space', moderation: 'pupils',
 *     people: { teacher: { id: 't1', name: 'Ana', school: 'Roma', headers: { Authorization: 'Bearer …' } }, pupil: {…} },
 *     describe, it });
 */
export function runRemoteConformance(options: RemoteConformanceOptions): void {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const ends: FeedEnds = new Map();
  const define = testRunner(
    {
      space: options.space,
      moderation: options.moderation,
      people: options.people,
      files: options.files ?? true,
      http: new ProtocolHttp(options.url, options.space, fetchImpl),
      timeout: options.requestTimeout ?? 10_000,
    },
    ends,
  );
  options.describe(`replication server conformance: ${options.name}`, () => {
    for (const [group, tests] of GROUPS) {
      options.describe(group, () => {
        for (const test of tests) options.it(test.name, define(test));
      });
    }
  });
}
