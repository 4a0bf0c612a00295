// Two builds, both written to dist/:
//  1. the library: one ES module per package.json "exports" entry, dependencies kept external,
//     shared code in dist/chunks/ (side-effect free: only the registration entries define tags);
//  2. dist/twinkit.js: one self-contained, minified file for <script type="module">.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

/** Budget of dist/twinkit.js, gzip -9, in bytes (kB = 1000 bytes). */
const BUNDLE_BUDGET = 60_000;
const TARGET = 'es2022';

/** Entry points other than the elements: output name (without .js) -> source. */
const ENTRIES = {
  index: 'src/index.ts',
  define: 'src/define.ts',
  sdk: 'src/sdk/index.ts',
  'adapters/memory': 'src/sdk/adapters/memory/index.ts',
  'adapters/indexeddb': 'src/sdk/adapters/indexeddb/index.ts',
  conformance: 'src/sdk/conformance/index.ts',
};

/**
 * One entry per element: every src/components/<name>/<name>.ts (the file that registers the tag)
 * becomes dist/components/<name>.js. A new widget needs no change here.
 */
export function elementEntries() {
  const entries = {};
  for (const dir of readdirSync('src/components', { withFileTypes: true })) {
    const file = `src/components/${dir.name}/${dir.name}.ts`;
    if (dir.isDirectory() && existsSync(file)) entries[`components/${dir.name}`] = file;
  }
  return entries;
}

// Dependencies (and their subpaths, e.g. `zod/mini`, `lit/directives/...`) stay imports in the library.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
const isDependency = (id) => deps.some((dep) => id === dep || id.startsWith(`${dep}/`));

const onwarn = (warning, warn) => {
  // An unresolved bare import would leave an import in the bundle, or a dependency not in package.json.
  if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
  // Dependencies' own notices (zod's comments, its circular imports) are not ours to fix.
  const where = warning.id ?? warning.ids?.[0] ?? '';
  if (where.includes('/node_modules/') && ['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY'].includes(warning.code)) return;
  warn(warning);
};

/** Fails the bundle build if anything is left to load at run time, or Lit's dev build slipped in. */
function selfContained() {
  return {
    name: 'self-contained',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      if (chunks.length !== 1) throw new Error(`Expected one file, got ${chunks.map((c) => c.fileName).join(', ')}`);
      const [chunk] = chunks;
      if (chunk.imports.length || chunk.dynamicImports.length) {
        throw new Error(`${chunk.fileName} still imports ${[...chunk.imports, ...chunk.dynamicImports].join(', ')}`);
      }
      if (/\bimport\s*\(/.test(chunk.code)) throw new Error(`${chunk.fileName} contains a dynamic import()`);
      if (chunk.code.includes('Lit is in dev mode')) throw new Error(`${chunk.fileName} contains the development build of Lit`);
    },
  };
}

/** Prints the gzip size of each written file and fails over budget. */
function gzipBudget(budget) {
  return {
    name: 'gzip-budget',
    writeBundle(options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const gzip = gzipSync(file.code, { level: 9 }).length;
        const line = `${options.dir ?? 'dist'}/${file.fileName}: ${(file.code.length / 1000).toFixed(1)} kB, ${(gzip / 1000).toFixed(1)} kB gzip (budget ${budget / 1000} kB)`;
        if (gzip > budget) throw new Error(`Over budget: ${line}`);
        console.log(line);
      }
    },
  };
}

/**
 * Collapses the whitespace and comments of Lit `css` templates in *.styles.ts files: terser keeps
 * template literals as written, and indentation is a good part of the styles' bytes.
 */
export function minifyCss() {
  const squeeze = (text) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/: +/g, ':')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'minify-css',
    transform(code, id) {
      if (!/\.styles\.ts$/.test(id)) return null;
      // Only templates without interpolations: nothing inside `${...}` can be touched by mistake.
      return { code: code.replace(/css`([^`$]*)`/g, (_all, body) => `css\`${squeeze(body)}\``), map: null };
    },
  };
}

export default [
  {
    input: { ...ENTRIES, ...elementEntries() },
    external: isDependency,
    plugins: [esbuild({ target: TARGET, sourceMap: false })],
    onwarn,
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      generatedCode: 'es2015',
    },
  },
  {
    input: 'src/define.ts',
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      minifyCss(),
      esbuild({ target: TARGET, sourceMap: false }),
      selfContained(),
    ],
    onwarn,
    output: {
      dir: 'dist',
      entryFileNames: 'twinkit.js',
      format: 'es',
      inlineDynamicImports: true,
      generatedCode: 'es2015',
      plugins: [
        terser({ ecma: 2022, module: true, compress: { passes: 2 } }),
        gzipBudget(BUNDLE_BUDGET),
      ],
    },
  },
];
