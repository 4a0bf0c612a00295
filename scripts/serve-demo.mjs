// `npm start`: bundles the demo page with esbuild and serves it on 127.0.0.1, rebuilding on change.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const host = '127.0.0.1';
const firstPort = Number(process.env.PORT ?? 8080);

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

let server;
for (let port = firstPort; port < firstPort + 20 && !server; port++) {
  try {
    server = await context.serve({ host, port, servedir: 'demo' });
  } catch (error) {
    if (!/address already in use/i.test(String(error))) throw error;
  }
}
if (!server) throw new Error(`No free port from ${firstPort} to ${firstPort + 19}. Set PORT=... and try again.`);

console.log(`\nTwinkit demo: a partner school's project page, stored in this browser (IndexedDB).`);
console.log(`Open  http://${host}:${server.port}/  (Ctrl+C to stop)\n`);

const stop = async () => {
  await context.dispose();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
