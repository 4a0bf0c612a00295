// Seeded chaos against a real server on persistent storage: nothing acknowledged is lost, nothing
// is stored twice, every device and tab ends showing the server's records. One fixed seed, and one
// from today's date so each day explores a new plan (printed, to replay with `npm run chaos`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runChaos } from './chaos-run.js';
import { seedOfToday } from './prng.js';

const OPS = 75;
const seeds = [20261128, seedOfToday()];

describe('synced adapter under chaos (Chromium, pouchdb-server, fault proxy)', { concurrency: 1 }, () => {
  for (const seed of seeds) {
    it(`loses no acknowledged write: seed ${seed}, ${OPS} ops`, { timeout: 110_000 }, async () => {
      const result = await runChaos({ seed, ops: OPS });
      console.log(`chaos seed ${seed}: ${result.summary}; ${result.findings.length} finding(s); ${(result.ms / 1000).toFixed(1)} s`);
      assert.equal(result.findings.length, 0, result.report);
    });
  }
});
