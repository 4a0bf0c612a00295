import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { demoPassword } from '../../demo/demo-couch.js';
import { DEMO_USERS } from '../../demo/demo-users.js';
import type { ModerationMode } from '../sdk/policy/roles.js';
import type { PullPage } from '../sdk/replication/protocol.js';
import { demoSpaceConfig, seedDemoSpaceOnce } from '../../scripts/remote/demo-remote-space.js';
import { startReferenceServer } from './reference-server.js';

/**
 * The other side of the attacker tests: everything the store writes for real people (the demo's
 * whole sample content: plan, glossary, journal, board with files, approvals) is accepted by the
 * server's rules, each write signed in as its author. A rule too strict fails here.
 */
const SPACE = 'coasts-we-share';

async function pullAs(url: string, userId: string): Promise<PullPage> {
  const response = await fetch(`${url}/spaces/${SPACE}/pull`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${userId}:${demoPassword(userId)}`).toString('base64')}` },
    body: JSON.stringify({ checkpoint: null, limit: 1000, wait: 0 }),
  });
  assert.equal(response.status, 200);
  return (await response.json()) as PullPage;
}

// `pupils`, the stricter mode: approvals, pending edits, moved posts (about 10 s: one fsync per push).
for (const moderation of ['pupils'] as ModerationMode[]) {
  describe(`reference server: the store's own writes (moderation: ${moderation})`, () => {
    it('accepts the whole sample content, each record by its author, once', async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'twinkit-reference-store-'));
      const server = await startReferenceServer({ dataDir, spaces: { [SPACE]: demoSpaceConfig(moderation) } });
      try {
        const line = await seedDemoSpaceOnce({ url: server.url, space: SPACE, moderation });
        const written = Number(/(\d+) records/.exec(line)?.[1]);
        assert.ok(written > 50, line);
        const teacher = await pullAs(server.url, 'teacher-lucia');
        const live = teacher.changes.filter((change) => change.record);
        assert.ok(live.length > 50, `${live.length} records for the teacher`);
        const authors = new Set(live.map((change) => (change.record!.author as { id: string }).id));
        for (const user of DEMO_USERS.filter((u) => u.role !== 'observer')) assert.ok(authors.has(user.id), `${user.id} wrote some of it`);
        // The observer reads the published part only: fewer records, never a private one.
        const observer = await pullAs(server.url, 'observer-city');
        const readable = observer.changes.filter((change) => change.record);
        assert.ok(readable.length > 10 && readable.length < live.length, `${readable.length} of ${live.length} for the observer`);
        assert.ok(readable.every((change) => change.record!.status === 'published' && change.record!.visibility !== 'private'));
        assert.match(await seedDemoSpaceOnce({ url: server.url, space: SPACE, moderation }), /already/);
      } finally {
        await server.close();
        await rm(dataDir, { recursive: true, force: true });
      }
    });
  });
}
