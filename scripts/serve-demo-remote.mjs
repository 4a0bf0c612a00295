// `npm run start:remote`: the demo page on Twinkit's reference server (src/server/), the server any
// school backend can copy. Starts it on 127.0.0.1 with the demo's space and the demo users as
// members, puts the sample content there once (each entry by its author, through the protocol's
// push, checked by the server's rules), and serves the page as `npm start` does, with the server
// mounted same-origin at /remote (as a school site would), so the browser needs no CORS. Every
// window that opens the page syncs with that server. The data lives in a folder that outlives the
// server (printed below): delete it to start again from the sample content.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { forward } from './remote/wtr-remote-plugin.mjs';
import { demoSpaceOfPage, host, serveDemoWithServer, stopOnSignals } from './serve-demo.mjs';

const REMOTE_PATH = '/remote';
const { DEMO_REMOTE_META, demoPassword } = await tsImport('../demo/demo-couch.ts', import.meta.url);
const { DEMO_USERS } = await tsImport('../demo/demo-users.ts', import.meta.url);
const { demoSpaceConfig, seedDemoSpaceOnce } = await tsImport('./remote/demo-remote-space.ts', import.meta.url);
const { startReferenceServer } = await tsImport('../src/server/reference-server.ts', import.meta.url);

// The space and its moderation are the page's own, so the server's rules match the page.
const { space, moderation } = demoSpaceOfPage();
const dataDir = process.env.TWINKIT_REMOTE_DATA ?? join(tmpdir(), 'twinkit-remote-demo');
const remote = await startReferenceServer({ dataDir, spaces: { [space]: demoSpaceConfig(moderation) } });
let seeded;
try {
  seeded = await seedDemoSpaceOnce({ url: remote.url, space, moderation });
} catch (error) {
  await remote.close();
  throw error;
}

// demo/main.ts reads the meta tag and signs each demo user in to /remote (adapter="remote").
const site = await serveDemoWithServer({ meta: DEMO_REMOTE_META, path: REMOTE_PATH, handle: (req, res) => forward(req, res, remote.url, REMOTE_PATH) });

console.log(`\nTwinkit demo on the reference server (src/server/): a partner school's project page, synced through`);
console.log(`the replication protocol (pull, push, files), mounted on the page's origin at ${REMOTE_PATH}.`);
console.log(`  Space "${space}", moderation "${moderation}"; data in ${dataDir} (delete it to start again).`);
console.log(`  ${seeded}`);
console.log(`Demo users (DEMO passwords, derived from the id; never do this for real people):`);
for (const user of DEMO_USERS) console.log(`  ${user.id} / ${demoPassword(user.id)}`);
console.log(`\nOpen  http://${host}:${site.port}/  (Ctrl+C to stop)`);
console.log(`Two windows see each other's changes live (long poll).\n`);

stopOnSignals(async () => {
  await site.close();
  await remote.close();
});
