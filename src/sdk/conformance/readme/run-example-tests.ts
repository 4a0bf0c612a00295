import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, withSourceImports } from './readme-examples.js';

export interface ExampleRun {
  passed: number;
  failed: number;
  skipped: number;
  /** Names of the tests (and suites) that failed. */
  failures: string[];
  /** Names of the skipped tests, with the reason. */
  skips: string[];
  /** The runner's whole TAP output, for failure messages. */
  output: string;
}

/**
 * Writes the example files in a directory of their own, as a reader would, and runs `testFile` there
 * with node:test, in a process of its own (the examples register their tests at import).
 */
export async function runExampleTests(files: Map<string, string>, testFile: string, env: Record<string, string>): Promise<ExampleRun> {
  const directory = await mkdtemp(join(tmpdir(), 'twinkit-readme-'));
  try {
    await writeFile(join(directory, 'package.json'), JSON.stringify({ type: 'module' }));
    for (const [name, code] of files) await writeFile(join(directory, name), withSourceImports(code));
    const output = await runNodeTest(join(directory, testFile), env);
    const count = (what: string) => Number(output.match(new RegExp(`^# ${what} (\\d+)$`, 'm'))?.[1] ?? NaN);
    return {
      passed: count('pass'),
      failed: count('fail'),
      skipped: count('skipped'),
      failures: [...output.matchAll(/^\s*not ok \d+ - (.*)$/gm)].map(([, name]) => name),
      skips: [...output.matchAll(/^\s*ok \d+ - (.*) # SKIP(.*)$/gm)].map(([, name, reason]) => `${name}:${reason}`),
      output,
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

function runNodeTest(file: string, env: Record<string, string>): Promise<string> {
  // Without NODE_TEST_CONTEXT: set by an outer `node --test`, it would make this run report to that
  // runner instead of printing its own results.
  const { NODE_TEST_CONTEXT: _outer, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', file], {
    cwd: ROOT,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => resolve(output));
  });
}
