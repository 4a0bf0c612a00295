/**
 * Bundle sizes: each entry is a tiny file written to a temporary folder and bundled by esbuild
 * (format esm, minify, platform browser); the figure is the gzip -9 size (node zlib, level 9).
 * kB = 1,000 bytes. Run alone with `node bench/sizes.mjs` (add `--why <key>...` for esbuild's breakdown).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { analyzeMetafile, build } from 'esbuild';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const src = (path) => join(root, 'src', path);

/**
 * `budget` in bytes of gzip; `needs` are files that must exist, or the row reads "missing".
 * A `rollup: 'name'` row is the output file `name` of the project's rollup.config.mjs, built in memory.
 * `stubs` replaces source files (absolute path -> code) in that one build.
 * A `difference: [a, b]` row is not built: it is row a minus row b (minified and gzip), an
 * estimate of what one part adds (gzip sizes do not add up exactly).
 * A `sum: [a, b]` row is not built either: rows a and b added, two files a page loads (each
 * compressed on its own, as a server sends them).
 */
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
    key: 'twinkit-js',
    label: 'dist/twinkit.js: Lit, SDK, <twin-space>, autoloader (rollup.config.mjs)',
    needs: [join(root, 'rollup.config.mjs'), src('bundle/twinkit.ts')],
    // Built in memory by the project's own rollup config (terser, its CSS squeezing), not written.
    rollup: 'twinkit.js',
    budget: 60_000,
  },
  {
    key: 'twinkit-glossary-js',
    label: 'dist/twinkit-glossary.js, <twin-glossary> on demand',
    needs: [join(root, 'rollup.config.mjs'), src('bundle/lazy-widgets.ts'), src('components/twin-glossary/twin-glossary.ts')],
    rollup: 'twinkit-glossary.js',
    // As WIDGET_BUDGETS in rollup.config.mjs.
    budget: 27_000,
  },
  {
    key: 'twinkit-glossary-links-js',
    label: 'dist/twinkit-glossary-links.js, <twin-glossary-links> on demand',
    needs: [join(root, 'rollup.config.mjs'), src('bundle/lazy-widgets.ts'), src('components/twin-glossary-links/twin-glossary-links.ts')],
    rollup: 'twinkit-glossary-links.js',
    budget: 5_000,
  },
  {
    key: 'twinkit-js-plus-glossary',
    label: 'a glossary page: twinkit.js + twinkit-glossary.js (sum)',
    sum: ['twinkit-js', 'twinkit-glossary-js'],
    // PAGE_BUDGET in rollup.config.mjs: twinkit.js and its largest widget file.
    budget: 60_000,
  },
  {
    key: 'everything',
    label: 'everything, single file, esbuild (src/define.ts)',
    needs: [src('define.ts')],
    code: `import ${JSON.stringify(src('define.ts'))};\nexport * from ${JSON.stringify(src('define.ts'))};\n`,
  },
  {
    key: 'twin-glossary',
    label: '<twin-glossary> with <twin-space> and Lit',
    needs: [src('components/twin-glossary/twin-glossary.ts'), src('components/twin-space/twin-space.ts')],
    code: `export * from ${JSON.stringify(src('components/twin-space/twin-space.ts'))};\nexport * from ${JSON.stringify(src('components/twin-glossary/twin-glossary.ts'))};\n`,
  },
  {
    key: 'glossary-own',
    label: '<twin-glossary> own code (row above minus <twin-space> row)',
    difference: ['twin-glossary', 'twin-space'],
  },
  {
    key: 'everything-but-glossary',
    label: 'everything but <twin-glossary>',
    needs: [src('define.ts'), src('components/twin-glossary/twin-glossary.ts'), src('components/twin-glossary/twin-glossary.component.ts')],
    code: `import ${JSON.stringify(src('define.ts'))};\nexport * from ${JSON.stringify(src('define.ts'))};\n`,
    // The single file with the element's registration and class replaced by an empty class: what
    // only they reach drops out; what other tags share with the glossary stays.
    stubs: {
      [src('components/twin-glossary/twin-glossary.ts')]: 'export class TwinGlossary {}\n',
      [src('components/twin-glossary/twin-glossary.component.ts')]: 'export class TwinGlossary {}\n',
    },
  },
  {
    key: 'glossary-share',
    label: "<twin-glossary>'s share of the single file (difference)",
    difference: ['everything', 'everything-but-glossary'],
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

/**
 * The file `name` as the project's rollup.config.mjs builds it (its plugins and checks, e.g. no
 * development build of Lit), generated in memory: dist/ is not touched. The config reads paths
 * relative to the repository, so the working directory is the repository's meanwhile.
 */
async function rollupOutput(name) {
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const { rollup } = await import('rollup');
    const configs = (await import(pathToFileURL(join(root, 'rollup.config.mjs')).href)).default;
    const config = configs.find((c) => c.output?.entryFileNames === name || (c.output?.file && basename(c.output.file) === name));
    if (!config) throw new Error(`rollup.config.mjs has no output named ${name}`);
    const bundle = await rollup({ input: config.input, plugins: config.plugins, external: config.external, onwarn: config.onwarn });
    try {
      const { output } = await bundle.generate(config.output);
      const chunk = output.find((file) => file.type === 'chunk' && file.fileName === name) ?? output[0];
      return Buffer.from(chunk.code);
    } finally {
      await bundle.close();
    }
  } finally {
    process.chdir(cwd);
  }
}

/**
 * Leaves out the translations, as dist/twinkit.js does (it fetches dist/twinkit-es.js only for a
 * Spanish page): the rows are what an English page loads.
 */
const onDemandLocales = {
  name: 'on-demand-locales',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\/locales\/[^/]+\.js$/ }, (args) =>
      args.importer.endsWith(join('src', 'localization', 'localization.ts')) ? { path: args.path, external: true } : undefined,
    );
  },
};

/** Replaces the files named in `stubs` (absolute path -> code) while bundling. */
function stubPlugin(stubs) {
  return {
    name: 'stub',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /\.ts$/ }, (args) => (args.path in stubs ? { contents: stubs[args.path], loader: 'ts' } : undefined));
    },
  };
}

/**
 * Returns one row per entry: { key, label, status: 'ok' | 'missing' | 'error', minBytes, gzipBytes, budget, error }.
 * `only`: the keys to return (the rows a difference row needs are built too, not returned).
 */
export async function measureSizes({ why = [], only } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'twinkit-sizes-'));
  const wanted = only ? new Set(only) : undefined;
  const needed = wanted && new Set([...wanted, ...SIZE_ENTRIES.filter((entry) => wanted.has(entry.key)).flatMap((entry) => entry.difference ?? entry.sum ?? [])]);
  try {
    const rows = [];
    const byKey = new Map();
    for (const entry of SIZE_ENTRIES) {
      if (needed && !needed.has(entry.key)) continue;
      const row = { key: entry.key, label: entry.label, budget: entry.budget ?? null };
      if (entry.difference || entry.sum) {
        const keys = entry.difference ?? entry.sum;
        const [first, second] = keys.map((key) => byKey.get(key));
        const sign = entry.difference ? -1 : 1;
        if (first?.status === 'ok' && second?.status === 'ok') {
          rows.push({ ...row, status: 'ok', [entry.difference ? 'difference' : 'sum']: keys, minBytes: first.minBytes + sign * second.minBytes, gzipBytes: first.gzipBytes + sign * second.gzipBytes });
        } else {
          const bad = [first, second].find((other) => other?.status !== 'ok');
          rows.push({ ...row, status: bad?.status === 'error' ? 'error' : 'missing', missing: bad?.missing ?? keys, error: bad?.error });
        }
        byKey.set(entry.key, rows.at(-1));
        continue;
      }
      const missing = (entry.needs ?? []).filter((path) => !existsSync(path));
      if (missing.length) {
        rows.push({ ...row, status: 'missing', missing: missing.map((path) => path.slice(root.length + 1)) });
        byKey.set(entry.key, rows.at(-1));
        continue;
      }
      if (entry.rollup) {
        try {
          const code = await rollupOutput(entry.rollup);
          rows.push({ ...row, status: 'ok', minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
        } catch (error) {
          rows.push({ ...row, status: 'error', error: String(error?.message ?? error) });
        }
        byKey.set(entry.key, rows.at(-1));
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
          plugins: [onDemandLocales, ...(entry.stubs ? [stubPlugin(entry.stubs)] : [])],
        });
        if (result.metafile) console.log(`\n${entry.label}: what goes in (minified, before gzip)${await analyzeMetafile(result.metafile)}`);
        const code = result.outputFiles[0].contents;
        // Lit's development build (the `development` export condition) must not slip in: it is larger.
        if (Buffer.from(code).includes('Lit is in dev mode')) throw new Error('the bundle holds the development build of Lit');
        rows.push({ ...row, status: 'ok', minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
      } catch (error) {
        const message = error?.errors?.map((e) => `${e.location?.file ?? ''}:${e.location?.line ?? ''} ${e.text}`).join('; ') || String(error?.message ?? error);
        rows.push({ ...row, status: 'error', error: message });
      }
      byKey.set(entry.key, rows.at(-1));
    }
    return wanted ? rows.filter((row) => wanted.has(row.key)) : rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `--why <key>` prints esbuild's breakdown of that entry (keys: ${SIZE_ENTRIES.map((e) => e.key).join(', ')}).
  const whyAt = process.argv.indexOf('--why');
  const why = whyAt > 0 ? process.argv.slice(whyAt + 1) : [];
  const rows = await measureSizes({ why });
  const width = Math.max(...rows.map((row) => row.label.length));
  for (const row of rows) {
    const figure = row.status === 'ok' ? `${(row.gzipBytes / 1000).toFixed(1)} kB gzip (${(row.minBytes / 1000).toFixed(1)} kB min)` : row.status;
    console.log(`${row.label.padEnd(width)}  ${figure}${row.error ? `: ${row.error}` : ''}`);
  }
}
