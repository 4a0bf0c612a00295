// A test server in a child process of its own (pouchdb-server, the reference server): started,
// killed hard (a crash, a power cut), started again on the same port and data, stopped. What it
// printed is kept, so a server that dies under the tests says why instead of "connection refused".
import { spawn } from 'node:child_process';

/**
 * @param {{ name: string; url: string; args: string[]; cwd: string; ready: (output: string) => boolean | Promise<boolean> }} options
 *   `ready` is asked every 100 ms with what the process printed so far, until it answers true (30 s at most).
 */
export async function startServerProcess({ name, url, args, cwd, ready }) {
  let child;
  let exited;
  /** True while this side ends the process on purpose (stop, kill): no "exited unexpectedly". */
  let ending = false;
  const onExit = () => child?.kill('SIGKILL');
  process.on('exit', onExit);

  async function launch() {
    const proc = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    ending = false;
    let output = '';
    proc.stdout.on('data', (chunk) => (output += chunk));
    proc.stderr.on('data', (chunk) => (output += chunk));
    exited = new Promise((resolve) => proc.once('exit', resolve));
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`${name} exited with ${proc.exitCode ?? proc.signalCode}:\n${output}`);
      if (await Promise.resolve(output).then(ready).catch(() => false)) break;
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error(`${name} did not start within 30 s:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    proc.once('exit', (code, signal) => {
      if (!ending && child === proc) console.error(`${name} on ${url} exited unexpectedly (${code ?? signal}):\n${output.slice(-4000)}`);
    });
  }

  const running = () => child && child.exitCode === null && child.signalCode === null;

  async function kill() {
    ending = true;
    if (running()) child.kill('SIGKILL');
    await exited;
  }

  await launch();
  return {
    kill,
    async restart() {
      if (running()) await kill();
      await launch();
    },
    /** Ends it gently (SIGTERM), hard after 3 s; `forGood` also forgets it at the test process's exit. */
    async stop({ forGood = true } = {}) {
      ending = true;
      if (forGood) process.off('exit', onExit);
      if (running()) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (running()) child.kill('SIGKILL');
      await exited;
    },
    launch,
  };
}
