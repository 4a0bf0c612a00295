// `npm run start:couch`: the demo page on a CouchDB-protocol server. Starts pouchdb-server in memory
// on 127.0.0.1, sets up the demo's space with the demo users as members, puts the sample content
// there once (each entry by its author, through the SDK, checked by the server's rules), and serves
// the page as `npm start` does, with the server mounted same-origin at /couch (as a school site's
// reverse proxy would, docs/couchdb.md), so the browser needs no CORS. Every window that opens the
// page syncs with that server: two windows, or two users, see each other's changes live.
import { tsImport } from 'tsx/esm/api';
import { createFaultProxy } from './couch/fault-proxy.mjs';
import { startCouchServer } from './couch/start-couch-server.mjs';
import { demoSpaceOfPage, host, serveDemoWithServer, stopOnSignals } from './serve-demo.mjs';
import { withServedFileHeaders } from './served-file-headers.mjs';

const { DEMO_COUCH_META, DEMO_COUCH_PATH, demoPassword } = await tsImport('../demo/demo-couch.ts', import.meta.url);
const { DEMO_USERS } = await tsImport('../demo/demo-users.ts', import.meta.url);
const { prepareDemoSpace } = await tsImport('../demo/demo-couch-server.ts', import.meta.url);

// The space and its moderation are the page's own, so the server's rules match the page.
const { space, moderation } = demoSpaceOfPage();

const couch = await startCouchServer();
let summary;
try {
  summary = await prepareDemoSpace({ url: couch.url, adminHeaders: couch.adminHeaders, space, moderation });
} catch (error) {
  await couch.stop();
  throw error;
}

// A plain forwarding proxy (mode `pass`): the same one the browser tests mount at /couch, with the
// headers that keep a stored file from running as a page on this origin.
const couchProxy = createFaultProxy(couch.url, { prefix: DEMO_COUCH_PATH });
// demo/main.ts reads the meta tag and signs each demo user in to /couch.
const site = await serveDemoWithServer({ meta: DEMO_COUCH_META, path: DEMO_COUCH_PATH, handle: withServedFileHeaders(couchProxy.handle) });
const port = site.port;

console.log(`\nTwinkit demo on CouchDB: a partner school's project page, shared through a local CouchDB-protocol`);
console.log(`server (pouchdb-server, in memory: stopping it forgets everything), mounted on the page's origin at ${DEMO_COUCH_PATH}.`);
for (const line of summary) console.log(`  ${line}`);
console.log(`  Sample content added once, on the server, each entry by its author.`);
console.log(`Demo users (DEMO passwords, derived from the id; never do this for real people):`);
for (const user of DEMO_USERS) console.log(`  ${user.id} / ${demoPassword(user.id)}`);
console.log(`\nOpen  http://${host}:${port}/  (Ctrl+C to stop)`);
console.log(`Two windows see each other's changes live. To be two users at once, open the second one in another`);
console.log(`browser or a private window (one browser keeps one CouchDB sign-in).\n`);

stopOnSignals(async () => {
  couchProxy.cutAll();
  await site.close();
  await couch.stop();
});
