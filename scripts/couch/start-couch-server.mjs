// Starts a CouchDB-protocol server (pouchdb-server) on 127.0.0.1 for tests, the demo and the
// benchmarks. By default in memory: a restart loses the data, so "the server went away and came
// back" is played by fault-proxy.mjs in front of it. With `persistent: dir` the data lives in that
// folder (LevelDB), so the process can be killed hard and started again on the same port and data,
// as a real server that crashes and reboots.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from '../server-process.mjs';

const require = createRequire(import.meta.url);
/** Closes two holes of pouchdb-server 4.2 (queries that skip `_security`, replicated writes to `_users`): see the file. */
const GUARDS = fileURLToPath(new URL('./pouchdb-server-guards.cjs', import.meta.url));

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * @param {{ port?: number, admin?: { name: string, password: string }, persistent?: string }} [options]
 * @returns {Promise<import('./start-couch-server.d.mts').CouchServer>}
 */
export async function startCouchServer(options = {}) {
  const admin = options.admin ?? { name: 'admin', password: 'admin-secret' };
  const port = options.port ?? (await freePort());
  const persistent = options.persistent ? resolve(options.persistent) : undefined;
  if (persistent) mkdirSync(persistent, { recursive: true });
  const dir = persistent ?? mkdtempSync(join(tmpdir(), 'twinkit-couch-'));
  const config = join(dir, 'config.json');
  // The admin is set in the config so the server never runs as an "admin party" (everyone admin).
  // CORS stays off until the setup names the school's origin (`--cors-origin`): pouchdb-server's
  // default (any origin, with the user's session) lets any web page read what a signed-in user can.
  writeFileSync(
    config,
    JSON.stringify({ admins: { [admin.name]: admin.password }, httpd: { enable_cors: false }, log: { file: join(dir, 'log.txt'), level: process.env.TWINKIT_COUCH_LOG ?? 'warning' } }),
  );
  const bin = require.resolve('pouchdb-server/bin/pouchdb-server');
  const storage = persistent ? ['--dir', persistent] : ['--in-memory'];
  const url = `http://127.0.0.1:${port}`;
  const adminHeaders = { authorization: `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}` };

  const server = await startServerProcess({
    name: 'pouchdb-server',
    url,
    args: ['--require', GUARDS, bin, ...storage, '--host', '127.0.0.1', '--port', String(port), '--config', config],
    cwd: dir,
    async ready() {
      const response = await fetch(`${url}/_session`, { headers: adminHeaders });
      const body = await response.json();
      return !!body.userCtx?.roles?.includes('_admin');
    },
  });
  return {
    url,
    port,
    admin,
    adminHeaders,
    dir: persistent,
    kill: server.kill,
    restart: server.restart,
    async stop() {
      await server.stop();
      // A persistent folder belongs to the caller, who may start a server on it again.
      if (!persistent) rmSync(dir, { recursive: true, force: true });
    },
  };
}
