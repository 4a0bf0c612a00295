import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { LISTENER_TEST } from './listener-arguments.js';
import { readmeExamples, ROOT } from './readme/readme-examples.js';
import { startMoodleTestServer } from './readme/moodle-test-server.js';
import { runExampleTests } from './readme/run-example-tests.js';

// The README's "Writing an adapter" example and its conformance test, run exactly as printed:
// a reader who copies them gets an adapter that passes.
const ADAPTER = 'moodle-adapter.js';
const TEST = 'moodle-adapter.test.js';
const TOKEN = 'readme-test-token';

const examples = readmeExamples(await readFile(`${ROOT}README.md`, 'utf8'));
let server: Awaited<ReturnType<typeof startMoodleTestServer>>;
before(async () => (server = await startMoodleTestServer(TOKEN)));
after(() => server.stop());

const run = (files: Map<string, string>) => runExampleTests(files, TEST, { MOODLE_TEST_URL: server.url, MOODLE_TEST_TOKEN: TOKEN });

/** The examples with one change to the adapter, which must be found exactly once (else the README moved on). */
function withAdapterChange(from: string, to: string): Map<string, string> {
  const adapter = examples.get(ADAPTER)!;
  assert.equal(adapter.split(from).length, 2, `the README's adapter contains "${from}" once`);
  return new Map([...examples, [ADAPTER, adapter.replace(from, to)]]);
}

describe("the README's adapter example, as printed", () => {
  it('marks the adapter and its test', () => {
    assert.ok(examples.has(ADAPTER) && examples.has(TEST), `README.md marks ${[...examples.keys()].join(', ')}`);
  });

  it('passes the adapter conformance suite, and says what it skipped', async () => {
    const result = await run(examples);
    assert.equal(result.failed, 0, result.output);
    assert.ok(result.passed >= 15 && result.passed + result.skipped >= 16, `${result.passed} tests passed, ${result.skipped} skipped`);
    assert.deepEqual(result.skips, ['shares changes with another instance on the same data (another tab): moodle declares capabilities.sharedChanges: false']);
  });

  it('fails it without assertWritable: JSON.stringify hides a record that is not plain JSON', async () => {
    const result = await run(withAdapterChange('assertWritable(operations);', ''));
    assert.deepEqual(result.failures.filter((name) => !name.startsWith('storage adapter conformance') && !name.startsWith('/')), [
      'refuses malformed operations and writes nothing of their batch',
    ]);
  });

  it('fails it with one clear message when the listener gets the space first', async () => {
    const result = await run(withAdapterChange('l.listener(changes)', 'l.listener(space, changes)'));
    assert.ok(result.failures.includes(LISTENER_TEST), result.output);
    assert.match(result.output, /the space first\. Call listener\(changes\): one argument/);
  });

  it('fails it when a missing record comes back as the server\'s null', async () => {
    const result = await run(withAdapterChange('answer.record ?? undefined', 'answer.record'));
    assert.ok(result.failures.includes('round-trips a record as plain JSON, keeping every field'), result.output);
    assert.match(result.output, /get of a missing record: expected undefined, got null/);
  });
});
