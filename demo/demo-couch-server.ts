/**
 * Node side of `npm run start:couch`: sets up the demo's space on a CouchDB-protocol server and puts
 * the sample content there once, each entry written by its author signed in as themselves, so the
 * server's rules check every write as they would a pupil's or a teacher's.
 */
import type { StorageAdapter } from '../src/sdk/adapter.js';
import { createCouchDBAdapter } from '../src/sdk/adapters/couchdb/couchdb-adapter.js';
import { setupCouchSpace } from '../src/sdk/adapters/couchdb/setup/couchdb-setup.js';
import type { ModerationMode, TwinUser } from '../src/sdk/policy/roles.js';
import { createStore } from '../src/sdk/store/create-store.js';
import { demoPassword } from './demo-couch.js';
import { DEMO_USERS } from './demo-users.js';
import { seedSampleContent } from './sample-content.js';

export interface DemoSpaceOptions {
  /** The server, as its admin sees it (e.g. http://127.0.0.1:5984). */
  url: string;
  adminHeaders: Record<string, string>;
  space: string;
  moderation: ModerationMode;
}

/** Sets up the space with the demo users as members (demo passwords), then adds the sample content. Returns lines for the console. */
export async function prepareDemoSpace({ url, adminHeaders, space, moderation }: DemoSpaceOptions): Promise<string[]> {
  if (moderation !== 'off' && moderation !== 'pupils') throw new Error(`The demo's sample content is written for moderation "off" or "pupils", not "${moderation}".`);
  const members = DEMO_USERS.map((user) => ({ id: user.id, name: user.name, role: user.role, ...(user.school ? { school: user.school } : {}), password: demoPassword(user.id) }));
  // The sample content goes into one database, as a space that ran before one per audience did...
  await setupCouchSpace({ url, adminHeaders, space, moderation, members, layout: 'space' });

  const adapters = new Map<string, StorageAdapter>();
  const adapterFor = (user: TwinUser) => {
    if (!adapters.has(user.id)) adapters.set(user.id, createCouchDBAdapter({ url, credentials: { name: user.id, password: demoPassword(user.id) } }));
    return adapters.get(user.id)!;
  };
  const teacher = DEMO_USERS.find((user) => user.role === 'teacher')!;
  const store = createStore({ adapter: adapterFor(teacher), space, user: teacher, settings: { moderation } });
  try {
    await seedSampleContent(store, { adapterFor, enforced: moderation });
  } finally {
    await store.close();
    await Promise.all([...adapters.values()].map((adapter) => adapter.close()));
  }
  // ...and the setup moves it into one database per audience: each person's HTTP reads and device
  // hold only what they may read (docs/couchdb.md).
  const report = await setupCouchSpace({ url, adminHeaders, space, moderation, members });
  return report.summary;
}
