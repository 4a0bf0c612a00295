// `npm run start:remote`: the demo page on Twinkit's reference server (src/server/), the server any
// school backend can copy. Starts it on 127.0.0.1 with the demo's space and the demo users as
// members, puts the sample content there once (each entry by its author, through the protocol's
// push, checked by the server's rules), and serves the page as `npm start` does, with the server
// mounted same-origin at /remote (as a school site would), so the browser needs no CORS. Every
// window that opens the page syncs with that server. The data lives in a folder that outlives the
// server (printed below): delete it to start again from the sample content.
import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { forward } from './remote/wtr-remote-plugin.mjs';
import { host, onFirstFreePort, stopOnSignals, watchDemoBuild } from './serve-demo.mjs';

const REMOTE_PATH = '/remote';
const indexFile = fileURLToPath(new URL('../demo/index.html', import.meta.url));
const { DEMO_COUCH_META, demoPassword } = await tsImport('../demo/demo-couch.ts', import.meta.url);
const { DEMO_USERS } = await tsImport('../demo/demo-users.ts', import.meta.url);
const { demoSpaceConfig, seedDemoSpaceOnce } = await tsImport('./remote/demo-remote-space.ts', import.meta.url);
const { startReferenceServer } = await tsImport('../src/server/reference-server.ts', import.meta.url);

// The space and its moderation are the page's own, so the server's rules match the page.
const spaceTag = readFileSync(indexFile, 'utf8').match(/<twin-space\b[^>]*>/)?.[0] ?? '';
const space = spaceTag.match(/\sspace="([^"]+)"/)?.[1];
const moderation = spaceTag.match(/\smoderation="([^"]+)"/)?.[1] ?? 'off';
if (!space) throw new Error('demo/index.html has no <twin-space space="...">.');

const dataDir = process.env.TWINKIT_REMOTE_DATA ?? join(tmpdir(), 'twinkit-remote-demo');
const remote = await startReferenceServer({ dataDir, spaces: { [space]: demoSpaceConfig(moderation) } });
let seeded;
try {
  seeded = await seedDemoSpaceOnce({ url: remote.url, space, moderation });
} catch (error) {
  await remote.close();
  throw error;
}

const build = await watchDemoBuild();
const assets = await build.serve({ host, port: 0, servedir: 'demo' });

/**
 * The page in remote mode. demo/main.ts signs each demo user in as it does for CouchDB (the meta
 * tag: url /remote, name and demo password, which are exactly the remote adapter's options); the
 * small script before it turns the adapter it sets, `couchdb`, into `remote`. Once demo/main.ts
 * reads a meta of its own for this mode, the script can go.
 */
const REMOTE_MODE = `
    <meta name="${DEMO_COUCH_META}" content="${REMOTE_PATH}" />
    <meta name="twinkit-demo-remote" content="${REMOTE_PATH}" />
    <script>
      // npm run start:remote: the space syncs with Twinkit's reference server at ${REMOTE_PATH}.
      (() => {
        const setAttribute = Element.prototype.setAttribute;
        Element.prototype.setAttribute = function (name, value) {
          if (this.localName === 'twin-space' && name === 'adapter' && value === 'couchdb') value = 'remote';
          return setAttribute.call(this, name, value);
        };
      })();
    </script>`;

function page(res) {
  const html = readFileSync(indexFile, 'utf8').replace(/<meta charset="utf-8" \/>/i, (charset) => `${charset}${REMOTE_MODE}`);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

function handle(req, res) {
  const path = new URL(req.url ?? '/', 'http://demo').pathname;
  if (path === REMOTE_PATH || path.startsWith(`${REMOTE_PATH}/`)) return forward(req, res, remote.url, REMOTE_PATH);
  if ((req.method === 'GET' || req.method === 'HEAD') && (path === '/' || path === '/index.html')) return page(res);
  const upstream = request({ host, port: assets.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502).end();
    else res.destroy();
  });
  req.pipe(upstream);
}

const server = createServer(handle);
const port = await onFirstFreePort(
  (candidate) =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(candidate, host, () => {
        server.off('error', reject);
        resolve(candidate);
      });
    }),
);

console.log(`\nTwinkit demo on the reference server (src/server/): a partner school's project page, synced through`);
console.log(`the replication protocol (pull, push, files), mounted on the page's origin at ${REMOTE_PATH}.`);
console.log(`  Space "${space}", moderation "${moderation}"; data in ${dataDir} (delete it to start again).`);
console.log(`  ${seeded}`);
console.log(`Demo users (DEMO passwords, derived from the id; never do this for real people):`);
for (const user of DEMO_USERS) console.log(`  ${user.id} / ${demoPassword(user.id)}`);
console.log(`\nOpen  http://${host}:${port}/  (Ctrl+C to stop)`);
console.log(`Two windows see each other's changes live (long poll).\n`);

stopOnSignals(async () => {
  server.closeAllConnections();
  server.close();
  await build.dispose();
  await remote.close();
});
