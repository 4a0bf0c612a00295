// Seeded chaos against a real server on persistent storage: nothing acknowledged is lost, nothing
// is stored twice, every device and tab ends showing the server's records. One fixed seed, and one
// from today's date so each day explores a new plan (printed, to replay with `npm run chaos`). The
// fixed seed runs on CouchDB's default layout (one database per audience), today's on one database
// and on the reference server (the replication protocol: the same engine, another server).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runChaos, type ChaosOptions } from './chaos-run.js';
import { seedOfToday } from './prng.js';

const OPS = 75;
const runs: (Pick<ChaosOptions, 'seed' | 'layout' | 'server'> & { name: string })[] = [
  { seed: 20261128, layout: 'audiences', name: 'CouchDB, layout audiences' },
  { seed: seedOfToday(), layout: 'space', name: 'CouchDB, layout space' },
  { seed: seedOfToday(), server: 'reference', name: 'the reference server' },
];

describe('synced adapter under chaos (Chromium, a real server, fault proxy)', { concurrency: 1 }, () => {
  for (const { seed, layout, server, name } of runs) {
    it(`loses no acknowledged write: seed ${seed}, ${OPS} ops, ${name}`, { timeout: 110_000 }, async () => {
      const result = await runChaos({ seed, ops: OPS, layout, server });
      console.log(`chaos seed ${seed} (${name}): ${result.summary}; ${result.findings.length} finding(s); ${(result.ms / 1000).toFixed(1)} s`);
      assert.equal(result.findings.length, 0, result.report);
    });
  }
});
