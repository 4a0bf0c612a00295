// `npm start`: bundles the demo page with esbuild and serves it on 127.0.0.1, rebuilding on change.
// `npm run start:couch` and `start:remote` serve the same page beside a shared server (serveDemoWithServer).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const host = '127.0.0.1';

/** The demo's esbuild context, already watching: demo/main.ts bundled to demo/build, rebuilt on change. */
export async function watchDemoBuild() {
  const context = await esbuild.context({
    absWorkingDir: root,
    entryPoints: { main: 'demo/main.ts' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    sourcemap: true,
    outdir: 'demo/build',
    logLevel: 'warning',
  });
  await context.watch();
  return context;
}

/**
 * Calls `listen(port)` from `firstPort` on, skipping ports in use, and returns its result.
 * @template T
 * @param {(port: number) => Promise<T>} listen
 * @returns {Promise<T>}
 */
export async function onFirstFreePort(listen, firstPort = Number(process.env.PORT ?? 8080)) {
  for (let port = firstPort; port < firstPort + 20; port++) {
    try {
      return await listen(port);
    } catch (error) {
      if (!/address already in use|EADDRINUSE/i.test(String(error?.code ?? error))) throw error;
    }
  }
  throw new Error(`No free port from ${firstPort} to ${firstPort + 19}. Set PORT=... and try again.`);
}

/**
 * The demo page beside a shared server mounted on its own origin at `mount.path` (as a school
 * site's reverse proxy would, so the browser needs no CORS): the page is demo/index.html with
 * `<meta name="{meta}" content="{path}">` (demo/main.ts reads it and syncs with that server),
 * everything else is the demo's build. Listens on the first free port from 8080.
 * @param {{ meta: string; path: string; handle: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void }} mount
 */
export async function serveDemoWithServer(mount) {
  const build = await watchDemoBuild();
  // esbuild serves the bundle and the files on a port of its own; the page's address is the server below.
  const assets = await build.serve({ host, port: 0, servedir: 'demo' });
  const indexFile = fileURLToPath(new URL('../demo/index.html', import.meta.url));
  const page = (res) => {
    const html = readFileSync(indexFile, 'utf8').replace(/<head>/i, `<head>\n    <meta name="${mount.meta}" content="${mount.path}" />`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://demo').pathname;
    if (path === mount.path || path.startsWith(`${mount.path}/`)) return mount.handle(req, res);
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
  });
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
  return {
    port,
    async close() {
      server.closeAllConnections();
      server.close();
      await build.dispose();
    },
  };
}

/** The space and moderation demo/index.html's `<twin-space>` names: a shared server gets the page's own rules. */
export function demoSpaceOfPage() {
  const html = readFileSync(fileURLToPath(new URL('../demo/index.html', import.meta.url)), 'utf8');
  const spaceTag = html.match(/<twin-space\b[^>]*>/)?.[0] ?? '';
  const space = spaceTag.match(/\sspace="([^"]+)"/)?.[1];
  if (!space) throw new Error('demo/index.html has no <twin-space space="...">.');
  return { space, moderation: spaceTag.match(/\smoderation="([^"]+)"/)?.[1] ?? 'off' };
}

/** Stops cleanly on Ctrl+C and on SIGTERM, after `cleanUp`. */
export function stopOnSignals(cleanUp) {
  const stop = async () => {
    await cleanUp();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const context = await watchDemoBuild();
  const server = await onFirstFreePort((port) => context.serve({ host, port, servedir: 'demo' }));

  console.log(`\nTwinkit demo: a partner school's project page, stored in this browser (IndexedDB).`);
  console.log(`Open  http://${host}:${server.port}/  (Ctrl+C to stop)\n`);

  stopOnSignals(() => context.dispose());
}
