// Starts Twinkit's reference server (src/server/cli.ts) in a child process on 127.0.0.1, for browser
// tests and chaos runs: a real process that can be killed hard (a crash, a power cut) and started
// again on the same port and data folder, as a school's server that reboots.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { freePort } from '../couch/start-couch-server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(root, 'src/server/cli.ts');

/**
 * @param {import('./start-remote-server.d.mts').RemoteServerOptions} options
 * @returns {Promise<import('./start-remote-server.d.mts').RemoteServer>}
 */
export async function startRemoteServer(options) {
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'twinkit-remote-'));
  const dataDir = options.dataDir ?? join(dir, 'data');
  const config = join(dir, 'spaces.json');
  writeFileSync(config, JSON.stringify(options.spaces));
  const url = `http://127.0.0.1:${port}`;
  const args = ['--import', 'tsx', CLI, '--data', dataDir, '--config', config, '--port', String(port), '--host', '127.0.0.1'];
  for (const origin of options.allowedOrigins ?? []) args.push('--allow-origin', origin);

  let child;
  let exited;
  /** True while this side ends the process on purpose: no "exited unexpectedly". */
  let ending = false;
  const onExit = () => child?.kill('SIGKILL');
  process.on('exit', onExit);

  async function launch() {
    const proc = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    ending = false;
    let output = '';
    exited = new Promise((resolve) => proc.once('exit', resolve));
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(new Error(`The reference server did not start within 30 s:\n${output}`));
      }, 30_000);
      const onData = (chunk) => {
        output += chunk;
        if (output.includes(`Twinkit reference server: ${url}`)) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout.on('data', onData);
      proc.stderr.on('data', onData);
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`The reference server exited with ${code ?? signal}:\n${output}`));
      });
    });
    // A server that dies under the tests must say so, with what it printed.
    proc.once('exit', (code, signal) => {
      if (!ending && child === proc) console.error(`The reference server on ${url} exited unexpectedly (${code ?? signal}):\n${output.slice(-4000)}`);
    });
  }

  const running = () => child && child.exitCode === null && child.signalCode === null;

  async function kill() {
    ending = true;
    if (running()) child.kill('SIGKILL');
    await exited;
  }

  async function stopProcess() {
    ending = true;
    if (running()) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    if (running()) child.kill('SIGKILL');
    await exited;
  }

  await launch();
  return {
    url,
    port,
    dataDir,
    kill,
    async restart() {
      if (running()) await kill();
      await launch();
    },
    async restore(space, { keep } = {}) {
      await stopProcess();
      const { restoreSpaceFolder } = await tsImport('../../src/server/space-log.ts', import.meta.url);
      await restoreSpaceFolder(join(dataDir, 'spaces', space), keep);
      await launch();
    },
    async stop() {
      process.off('exit', onExit);
      await stopProcess();
      // The config, and the data unless the caller gave a folder (theirs: they may start a server on it again).
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
