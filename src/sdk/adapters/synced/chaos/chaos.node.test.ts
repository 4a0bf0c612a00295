// Seeded chaos against a real server on persistent storage: nothing acknowledged is lost, nothing
// is stored twice, every device and tab ends showing the server's records. One fixed seed, and one
// from today's date so each day explores a new plan (printed, to replay with `npm run chaos`). The
// fixed seed runs on the default layout (one database per audience), today's on one database.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runChaos } from './chaos-run.js';
import { seedOfToday } from './prng.js';

const OPS = 75;
const runs = [
  { seed: 20261128, layout: 'audiences' as const },
  { seed: seedOfToday(), layout: 'space' as const },
];

describe('synced adapter under chaos (Chromium, pouchdb-server, fault proxy)', { concurrency: 1 }, () => {
  for (const { seed, layout } of runs) {
    it(`loses no acknowledged write: seed ${seed}, ${OPS} ops, layout ${layout}`, { timeout: 110_000 }, async () => {
      const result = await runChaos({ seed, ops: OPS, layout });
      console.log(`chaos seed ${seed} (${layout}): ${result.summary}; ${result.findings.length} finding(s); ${(result.ms / 1000).toFixed(1)} s`);
      assert.equal(result.findings.length, 0, result.report);
    });
  }
});
