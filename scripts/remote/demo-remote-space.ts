/**
 * Node side of `npm run start:remote`: the demo's space on the reference server. Its members are
 * the demo users (demo passwords), and the sample content is written once, through the protocol's
 * push, each entry by its author signed in as themselves, so the server's rules check every write
 * as they would a pupil's or a teacher's.
 */
import { demoPassword } from '../../demo/demo-couch.js';
import { DEMO_USERS } from '../../demo/demo-users.js';
import { seedSampleContent } from '../../demo/sample-content.js';
import type { ModerationMode, TwinUser } from '../../src/sdk/policy/roles.js';
import { createStore } from '../../src/sdk/store/create-store.js';
import { createPushAdapter, PushMirror } from '../../src/server/push-adapter.js';
import type { SpaceConfig } from '../../src/server/server-config.js';

/** The demo's space as the server's config: the demo users, each with their demo password. */
export function demoSpaceConfig(moderation: ModerationMode): SpaceConfig {
  return {
    moderation,
    members: DEMO_USERS.map((user) => ({ id: user.id, name: user.name, role: user.role, ...(user.school ? { school: user.school } : {}), password: demoPassword(user.id) })),
  };
}

/**
 * Writes the sample content unless the space holds records already (the data folder outlives the
 * server). Returns a line for the console.
 */
export async function seedDemoSpaceOnce({ url, space, moderation }: { url: string; space: string; moderation: ModerationMode }): Promise<string> {
  if (moderation !== 'off' && moderation !== 'pupils') throw new Error(`The demo's sample content is written for moderation "off" or "pupils", not "${moderation}".`);
  const teacher = DEMO_USERS.find((user) => user.role === 'teacher')!;
  const credentials = (user: TwinUser) => ({ name: user.id, password: demoPassword(user.id) });
  const first = await fetch(`${url}/spaces/${encodeURIComponent(space)}/pull`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${teacher.id}:${demoPassword(teacher.id)}`).toString('base64')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ checkpoint: null, limit: 1, wait: 0 }),
  });
  if (!first.ok) throw new Error(`The reference server answered ${first.status} to the demo teacher: ${await first.text()}`);
  if (((await first.json()) as { changes: unknown[] }).changes.length) return 'Sample content: already on the server (kept from an earlier start).';

  const mirror = new PushMirror();
  const adapterFor = (user: TwinUser) => createPushAdapter({ url, credentials: credentials(user), mirror });
  const store = createStore({ adapter: adapterFor(teacher), space, user: teacher, settings: { moderation } });
  try {
    await seedSampleContent(store, { adapterFor, enforced: moderation });
  } finally {
    await store.close();
  }
  return `Sample content: ${mirror.records.size} records and ${mirror.files.size} files written, each by its author, through the protocol's push.`;
}
