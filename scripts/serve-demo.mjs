// `npm start`: bundles the demo page with esbuild and serves it on 127.0.0.1, rebuilding on change.
// `npm run start:couch` (serve-demo-couch.mjs) reuses the build and the port search from here.
import * as esbuild from 'esbuild';
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
