// Gives browser tests a real CouchDB-protocol server: pouchdb-server on 127.0.0.1 behind the fault
// proxy, mounted same-origin at /couch on the test runner's server (as a school site would proxy
// it), and commands to make it fail, to act as its admin, and to set up a space with rules.
import { tsImport } from 'tsx/esm/api';
import { createFaultProxy } from './fault-proxy.mjs';
import { startCouchServer } from './start-couch-server.mjs';

export const COUCH_PATH = '/couch';

/** `{ plugin, middleware }`: the middleware must go in the config's `middleware`, which runs before file serving. */
export function couchTestServer() {
  let server;
  let proxy;
  const ready = (async () => {
    server = await startCouchServer();
    proxy = createFaultProxy(server.url, { prefix: COUCH_PATH });
  })();

  async function middleware(ctx, next) {
    if (ctx.path !== COUCH_PATH && !ctx.path.startsWith(`${COUCH_PATH}/`)) return next();
    await ready;
    ctx.status = 200; // for the runner's own request log only; the proxy writes the real status
    ctx.respond = false; // the proxy writes the raw response, streaming feeds included
    proxy.handle(ctx.req, ctx.res);
  }

  const plugin = {
    name: 'twinkit-couch',
    async serverStop() {
      await server?.stop();
    },
    async executeCommand({ command, payload }) {
      if (!command.startsWith('couch-')) return undefined;
      await ready;
      if (command === 'couch-info') return { path: COUCH_PATH, adminAuthorization: server.adminHeaders.authorization };
      if (command === 'couch-fault') {
        proxy.setMode(payload.mode);
        return true;
      }
      if (command === 'couch-requests') return proxy.requests;
      if (command === 'couch-direct') {
        // Straight to the server, past the proxy: "someone else" writing while this browser is cut off.
        const response = await fetch(`${server.url}${payload.path}`, {
          method: payload.method,
          headers: { ...server.adminHeaders, 'content-type': 'application/json' },
          body: payload.body === undefined ? undefined : JSON.stringify(payload.body),
        });
        return { status: response.status, body: await response.json().catch(() => null) };
      }
      if (command === 'couch-setup-space') {
        const { setupCouchSpace } = await tsImport('../../src/sdk/adapters/couchdb/setup/couchdb-setup.ts', import.meta.url);
        await setupCouchSpace({ url: server.url, adminHeaders: server.adminHeaders, ...payload });
        return true;
      }
      throw new Error(`Unknown command ${command}`);
    },
  };
  return { plugin, middleware };
}
