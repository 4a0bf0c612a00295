// Starts Twinkit's reference server (src/server/cli.ts) in a child process on 127.0.0.1, for browser
// tests and chaos runs: a real process that can be killed hard (a crash, a power cut) and started
// again on the same port and data folder, as a school's server that reboots.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { freePort } from '../couch/start-couch-server.mjs';
import { startServerProcess } from '../server-process.mjs';

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

  const server = await startServerProcess({
    name: 'The reference server',
    url,
    args,
    cwd: root,
    ready: (output) => output.includes(`Twinkit reference server: ${url}`),
  });
  return {
    url,
    port,
    dataDir,
    kill: server.kill,
    restart: server.restart,
    async restore(space, { keep } = {}) {
      await server.stop({ forGood: false });
      const { restoreSpaceFolder } = await tsImport('../../src/server/space-log.ts', import.meta.url);
      await restoreSpaceFolder(join(dataDir, 'spaces', space), keep);
      await server.launch();
    },
    async stop() {
      await server.stop();
      // The config, and the data unless the caller gave a folder (theirs: they may start a server on it again).
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
