// Gives browser tests Twinkit's reference server (a child process on 127.0.0.1), mounted
// same-origin at /remote on the test runner's server, so pages need no CORS; and commands to learn
// its path, to kill and restart it, and to restore a space (a new `source`).
import { request } from 'node:http';
import { startRemoteServer } from './start-remote-server.mjs';

export const REMOTE_PATH = '/remote';

/**
 * `{ plugin, middleware }`: the middleware must go in the config's `middleware`, which runs before
 * file serving. `spaces`: the reference server's spaces (members with passwords).
 * @param {{ spaces: import('../../src/server/server-config.js').SpacesConfig }} options
 */
export function remoteTestServer({ spaces }) {
  let server;
  let starting;
  // Started on first use: a run without remote tests starts no process.
  const ready = () => (starting ??= startRemoteServer({ spaces }).then((started) => (server = started)));

  async function middleware(ctx, next) {
    if (ctx.path !== REMOTE_PATH && !ctx.path.startsWith(`${REMOTE_PATH}/`)) return next();
    await ready();
    ctx.status = 200; // for the runner's own request log only; the forward writes the real status
    ctx.respond = false;
    forward(ctx.req, ctx.res, server.url, REMOTE_PATH);
  }

  const plugin = {
    name: 'twinkit-remote',
    async serverStop() {
      await server?.stop();
    },
    async executeCommand({ command, payload }) {
      if (!command.startsWith('remote-')) return undefined;
      await ready();
      if (command === 'remote-info') return { path: REMOTE_PATH };
      if (command === 'remote-kill') return server.kill().then(() => true);
      if (command === 'remote-restart') return server.restart().then(() => true);
      if (command === 'remote-restore') return server.restore(payload.space, { keep: payload.keep }).then(() => true);
      throw new Error(`Unknown command ${command}`);
    },
  };
  return { plugin, middleware };
}

/** Sends the request on to `target` without the `prefix`, and streams the answer back (long polls included). */
export function forward(req, res, target, prefix) {
  const path = req.url.slice(prefix.length) || '/';
  const { hostname, port } = new URL(target);
  const upstream = request({ hostname, port, method: req.method, path, headers: { ...req.headers, host: `${hostname}:${port}` } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'unavailable', reason: 'The server is not answering.' }));
    else res.destroy();
  });
  // A page that goes away ends its long poll on the server too.
  res.on('close', () => upstream.destroy());
  req.pipe(upstream);
}
