// Two builds, both written to dist/:
//  1. the library: one ES module per package.json "exports" entry, dependencies kept external,
//     shared code in dist/chunks/ (side-effect free: only the registration entries define tags),
//     each UI language's translations a chunk of its own, loaded when a page asks for it;
//  2. dist/twinkit.js: one self-contained, minified file for <script type="module">, and beside it one
//     file per UI language (dist/twinkit-es.js) that twinkit.js imports only for a page in that language.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

/** Budget of dist/twinkit.js (its locale files not counted), gzip -9, in bytes (kB = 1000 bytes). */
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
  'adapters/couchdb': 'src/sdk/adapters/couchdb/index.ts',
  'adapters/synced': 'src/sdk/adapters/synced/index.ts',
  // Server side (the setup command uses it too): not for browser bundles.
  'couchdb-setup': 'src/sdk/adapters/couchdb/setup/couchdb-setup.ts',
};

/** Budget of dist/twinkit-couchdb.js (sync, loaded by twinkit.js only for adapter="couchdb"), gzip -9. */
const SYNC_BUDGET = 15_000;
/** The module twinkit.js loads for adapter="couchdb"; in the script-tag build it is its own file. */
const SYNC_MODULE = /synced\/create-synced-couchdb\.(js|ts)$/;
const SYNC_FILE = 'twinkit-couchdb.js';

/**
 * In the script-tag build, the dynamic import of sync points at the sibling file
 * dist/twinkit-couchdb.js (built on its own below), so twinkit.js stays the size of a page that
 * never syncs, and the two files share nothing that could load twice.
 */
function syncAsSiblingFile() {
  return {
    name: 'sync-as-sibling-file',
    resolveId(source) {
      return SYNC_MODULE.test(source) ? { id: `./${SYNC_FILE}`, external: 'absolute' } : null;
    },
  };
}

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

/** The translations: src/localization/locales/<locale>.ts and the files it spreads. */
const isLocale = (id) => (id ?? '').includes('/src/localization/locales/');

/**
 * In the locale files, `html` and `str` become local copies of Lit's and @lit/localize's template
 * tags (they only build plain objects), so a locale file imports nothing from twinkit.js: the page
 * may load that as `twinkit.js?ver=2`, and `import './twinkit.js'` would then run it a second time.
 */
function localeTags() {
  const id = '\0locale-tags';
  return {
    name: 'locale-tags',
    resolveId: (source, importer) => (isLocale(importer) && ['lit', '@lit/localize'].includes(source) ? id : null),
    load: (loaded) =>
      loaded === id
        ? // The shapes of lit-html's TemplateResult (`_$litType$` 1 = HTML) and @lit/localize's str`` result.
          'export const html = (strings, ...values) => ({ _$litType$: 1, strings, values });\n' +
          'export const str = (strings, ...values) => ({ strTag: true, strings, values });\n'
        : null,
  };
}

/**
 * Fails the bundle build if anything but a locale file is left to load at run time, or Lit's dev
 * build slipped in: twinkit.js imports nothing statically and dynamically only the locale files
 * (twinkit-<locale>.js beside it), which import nothing at all.
 */
function selfContained() {
  return {
    name: 'self-contained',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const main = chunks.find((chunk) => chunk.isEntry);
      const locales = chunks.filter((chunk) => chunk.isDynamicEntry && isLocale(chunk.facadeModuleId));
      const others = chunks.filter((chunk) => chunk !== main && !locales.includes(chunk));
      if (!main || others.length) throw new Error(`Expected twinkit.js and locale files, got ${chunks.map((c) => c.fileName).join(', ')}`);
      const allowed = new Set([...locales.map((chunk) => `./${chunk.fileName}`), `./${SYNC_FILE}`]);
      for (const chunk of chunks) {
        const dynamic = [...chunk.code.matchAll(/\bimport\s*\(([^)]*)\)/g)].map((match) => match[1].trim().replace(/^(['"`])(.*)\1$/, '$2'));
        const wrong = [...chunk.imports, ...dynamic.filter((path) => chunk !== main || !allowed.has(path))];
        if (wrong.length) throw new Error(`${chunk.fileName} still imports ${wrong.join(', ')}`);
        if (chunk.code.includes('Lit is in dev mode')) throw new Error(`${chunk.fileName} contains the development build of Lit`);
      }
    },
  };
}

/** Prints the gzip size of each written file and fails when the entry (twinkit.js) is over budget. */
function gzipBudget(budget) {
  return {
    name: 'gzip-budget',
    writeBundle(options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const gzip = gzipSync(file.code, { level: 9 }).length;
        const note = file.isEntry ? `budget ${budget / 1000} kB` : 'loaded only for a page in its language';
        const line = `${options.dir ?? 'dist'}/${file.fileName}: ${(file.code.length / 1000).toFixed(1)} kB, ${(gzip / 1000).toFixed(1)} kB gzip (${note})`;
        if (file.isEntry && gzip > budget) throw new Error(`Over budget: ${line}`);
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

/** A single file that imports nothing. */
function selfContainedFile() {
  return {
    name: 'self-contained-file',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && (chunk.imports.length || chunk.dynamicImports.length)) {
          throw new Error(`${chunk.fileName} still imports ${[...chunk.imports, ...chunk.dynamicImports].join(', ')}`);
        }
      }
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
      localeTags(), // before nodeResolve, which would resolve `lit` first
      syncAsSiblingFile(),
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      minifyCss(),
      esbuild({ target: TARGET, sourceMap: false }),
      selfContained(),
    ],
    onwarn,
    output: {
      dir: 'dist',
      entryFileNames: 'twinkit.js',
      // The translations: src/localization/locales/es.ts becomes dist/twinkit-es.js.
      chunkFileNames: 'twinkit-[name].js',
      format: 'es',
      generatedCode: 'es2015',
      plugins: [
        terser({ ecma: 2022, module: true, compress: { passes: 2 } }),
        gzipBudget(BUNDLE_BUDGET),
      ],
    },
  },
  {
    // dist/twinkit-couchdb.js: the couchdb adapter and offline sync, self-contained.
    input: 'src/sdk/adapters/synced/create-synced-couchdb.ts',
    plugins: [nodeResolve({ browser: true }), esbuild({ target: TARGET, sourceMap: false }), selfContainedFile()],
    onwarn,
    output: {
      file: `dist/${SYNC_FILE}`,
      format: 'es',
      inlineDynamicImports: true,
      generatedCode: 'es2015',
      plugins: [terser({ ecma: 2022, module: true, compress: { passes: 2 } }), gzipBudget(SYNC_BUDGET)],
    },
  },
];
