// Starts a CouchDB-protocol server (pouchdb-server, in memory) on 127.0.0.1 for tests, the demo
// and the benchmarks. In-memory: a restart loses the data, so "the server went away and came back"
// is played by fault-proxy.mjs in front of it, not by restarting this process.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

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
 * @param {{ port?: number, admin?: { name: string, password: string } }} [options]
 * @returns {Promise<{ url: string, port: number, admin: { name: string, password: string }, adminHeaders: Record<string, string>, stop(): Promise<void> }>}
 */
export async function startCouchServer(options = {}) {
  const admin = options.admin ?? { name: 'admin', password: 'admin-secret' };
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'twinkit-couch-'));
  const config = join(dir, 'config.json');
  // The admin is set in the config so the server never runs as an "admin party" (everyone admin).
  writeFileSync(config, JSON.stringify({ admins: { [admin.name]: admin.password }, log: { file: join(dir, 'log.txt'), level: process.env.TWINKIT_COUCH_LOG ?? 'warning' } }));
  const bin = require.resolve('pouchdb-server/bin/pouchdb-server');
  const child = spawn(process.execPath, [bin, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--config', config], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const adminHeaders = { authorization: `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}` };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/_session`, { headers: adminHeaders });
      const body = await response.json();
      if (body.userCtx?.roles?.includes('_admin')) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`pouchdb-server did not start within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let stopping = false;
  // A server that dies under the tests must say so, with what it printed, not leave "connection refused".
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`pouchdb-server on ${url} exited unexpectedly (${code ?? signal}):\n${output.slice(-4000)}`);
  });
  const onExit = () => child.kill('SIGKILL');
  process.once('exit', onExit);
  return {
    url,
    port,
    admin,
    adminHeaders,
    async stop() {
      stopping = true;
      process.off('exit', onExit);
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
