import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { mkdtempSync, rmSync } from 'node:fs';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from './scripts/chromium.mjs';
import { couchTestServer } from './scripts/couch/wtr-couch-plugin.mjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const executablePath = findChromium();
if (!executablePath) {
  console.error(`\n${CHROMIUM_INSTALL_HINT}\n`);
  process.exit(1);
}


// A fresh browser profile per run, removed when the run ends.
const profile = mkdtempSync(join(tmpdir(), 'twinkit-wtr-'));
process.on('exit', () => rmSync(profile, { recursive: true, force: true }));

const couch = couchTestServer();

export default {
  files: ['src/**/*.test.ts', '!src/**/*.node.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
  // pouchdb-server on 127.0.0.1, same-origin at /couch, with fault commands for the sync tests.
  middleware: [couch.middleware],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), couch.plugin],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          ...CHROMIUM_ARGS,
          `--user-data-dir=${profile}`,
          // A fake microphone that needs no permission prompt: pronunciation recording is tested for real.
          '--use-fake-device-for-media-stream',
          '--use-fake-ui-for-media-stream',
        ],
      },
    }),
  ],
};
