/**
 * Bundle sizes: each entry is a tiny file written to a temporary folder and bundled by esbuild
 * (format esm, minify, platform browser); the figure is the gzip -9 size (node zlib, level 9).
 * kB = 1,000 bytes. Run alone with `node bench/sizes.mjs` (add `--why <key>...` for esbuild's breakdown).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { analyzeMetafile, build } from 'esbuild';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const src = (path) => join(root, 'src', path);

/** `budget` in bytes of gzip; `needs` are files that must exist, or the row reads "missing". */
export const SIZE_ENTRIES = [
  {
    key: 'sdk-core-indexeddb',
    label: 'SDK core + IndexedDB adapter (no Lit)',
    needs: [src('sdk/store/create-store.ts'), src('sdk/adapters/indexeddb/index.ts')],
    code: `export { createStore } from ${JSON.stringify(src('sdk/store/create-store.ts'))};\nexport { createIndexedDBAdapter } from ${JSON.stringify(src('sdk/adapters/indexeddb/index.ts'))};\n`,
    budget: 10_000,
  },
  {
    key: 'twin-space',
    label: '<twin-space> with Lit',
    needs: [src('components/twin-space/twin-space.ts')],
    code: `export * from ${JSON.stringify(src('components/twin-space/twin-space.ts'))};\n`,
  },
  {
    key: 'everything',
    label: 'everything, single file (src/define.ts)',
    needs: [src('define.ts')],
    code: `import ${JSON.stringify(src('define.ts'))};\nexport * from ${JSON.stringify(src('define.ts'))};\n`,
    budget: 60_000,
  },
  { key: 'idb', label: 'idb alone (comparison)', code: `export * from 'idb';\n` },
  { key: 'dexie', label: 'Dexie 4 alone (comparison)', code: `export { default } from 'dexie';\nexport * from 'dexie';\n` },
  {
    key: 'zod-mini-schema',
    label: 'zod/mini, one small object schema (comparison)',
    code: `import * as z from 'zod/mini';\nexport const schema = z.object({ id: z.string().check(z.minLength(1)), n: z.optional(z.number()), tags: z.array(z.string()) });\n`,
  },
  { key: 'zod-mini-all', label: 'zod/mini, whole namespace (comparison)', code: `export * from 'zod/mini';\n` },
  {
    key: 'lit-floor',
    label: 'a plain Lit element (comparison)',
    code: `import { LitElement, html } from 'lit';\nexport class PlainElement extends LitElement { render() { return html\`<p>hi</p>\`; } }\ncustomElements.define('plain-element', PlainElement);\n`,
  },
];

/** Returns one row per entry: { key, label, status: 'ok' | 'missing' | 'error', minBytes, gzipBytes, budget, error }. */
export async function measureSizes({ why = [] } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'twinkit-sizes-'));
  try {
    const rows = [];
    for (const entry of SIZE_ENTRIES) {
      const row = { key: entry.key, label: entry.label, budget: entry.budget ?? null };
      const missing = (entry.needs ?? []).filter((path) => !existsSync(path));
      if (missing.length) {
        rows.push({ ...row, status: 'missing', missing: missing.map((path) => path.slice(root.length + 1)) });
        continue;
      }
      const file = join(dir, `${entry.key}.js`);
      await writeFile(file, entry.code);
      try {
        const result = await build({
          entryPoints: [file],
          bundle: true,
          format: 'esm',
          minify: true,
          platform: 'browser',
          write: false,
          logLevel: 'silent',
          absWorkingDir: root,
          nodePaths: [join(root, 'node_modules')],
          metafile: why.includes(entry.key),
        });
        if (result.metafile) console.log(`\n${entry.label}: what goes in (minified, before gzip)${await analyzeMetafile(result.metafile)}`);
        const code = result.outputFiles[0].contents;
        rows.push({ ...row, status: 'ok', minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
      } catch (error) {
        const message = error?.errors?.map((e) => `${e.location?.file ?? ''}:${e.location?.line ?? ''} ${e.text}`).join('; ') || String(error);
        rows.push({ ...row, status: 'error', error: message });
      }
    }
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `--why <key>` prints esbuild's breakdown of that entry (keys: ${SIZE_ENTRIES.map((e) => e.key).join(', ')}).
  const whyAt = process.argv.indexOf('--why');
  const why = whyAt > 0 ? process.argv.slice(whyAt + 1) : [];
  for (const row of await measureSizes({ why })) {
    const figure = row.status === 'ok' ? `${(row.gzipBytes / 1000).toFixed(1)} kB gzip (${(row.minBytes / 1000).toFixed(1)} kB min)` : row.status;
    console.log(`${row.label.padEnd(50)} ${figure}${row.error ? `: ${row.error}` : ''}`);
  }
}
