// Two builds, both written to dist/:
//  1. the library: one ES module per package.json "exports" entry, dependencies kept external,
//     shared code in dist/chunks/ (side-effect free: only the registration entries define tags),
//     each UI language's translations a chunk of its own, loaded when a page asks for it;
//  2. the script-tag build (scriptTagConfigs below), files for <script type="module"> that import
//     nothing from any other site: dist/twinkit.js (src/bundle/twinkit.ts: Lit, the SDK, <twin-space>,
//     <twin-sync-indicator>, localization, theme, an autoloader) and beside it the files it imports
//     on demand, each only when a page needs it: one per lazy widget (dist/twinkit-glossary.js, ...;
//     the list is src/bundle/lazy-widgets.ts), one per UI language (dist/twinkit-es.js), and sync
//     (dist/twinkit-couchdb.js).
//
// How a widget file uses twinkit.js's Lit and SDK without importing twinkit.js (a page may load it
// as `twinkit.js?ver=2`; `import './twinkit.js'` would then evaluate a second copy of everything):
//  - the plan (scriptTagPlan) finds the modules twinkit.js holds, then builds each widget with those
//    modules replaced by stubs, which tells the names each widget uses from each of them;
//  - twinkit.js gets a generated src/bundle/shared-modules.ts: for each such module, an object with
//    exactly those names (a getter for a binding the module reassigns, e.g. @lit/localize's `msg`),
//    which it puts on `globalThis[Symbol.for('twinkit.shared')]` before any widget file can load;
//  - in a widget file, each of those modules is a virtual module whose default export is its entry in
//    that registry, with rollup's `syntheticNamedExports`: `import { html } from 'lit'` reads `html`
//    from twinkit.js's Lit. A name twinkit.js cannot lend fails the build; a widget file from another
//    build fails at once with a message, as does one loaded without twinkit.js.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';

/** Budget of dist/twinkit.js (its on-demand files not counted), gzip -9, in bytes (kB = 1000 bytes). */
const BUNDLE_BUDGET = 60_000;
/**
 * Budget of a one-widget page: dist/twinkit.js plus the largest widget file. Higher than the single
 * file's: two files compress apart, and the registry that lets them share Lit and the SDK costs
 * about 2 kB; in exchange a page loads only the widgets it shows (all of them in one file would be
 * over 150 kB). The largest is the board: its safe rich text carries DOMPurify (12.6 kB), and it
 * has the most parts (composer, opened post, moves, moderation, exhibition export). 93 kB since
 * the store was split into files of one idea each (0.3 kB) and stored files are sniffed before
 * any URL is made of them; 96 kB since the UI speaks 27 languages (plural forms, the SDK's
 * sentences mapped to each language, posts carrying their language: about 2.5 kB). Issue 17's code
 * splitting is where this shrinks (one shared copy of the localization helpers).
 */
const PAGE_BUDGET = 96_000;
/**
 * Budget of each widget file, gzip -9; a widget not listed gets DEFAULT_WIDGET_BUDGET. The board,
 * the journal and the tracker grew by 1-1.5 kB with the 27 languages (plural forms, the SDK's
 * sentences per language, the plan template as messages). The conflicts list grew from 8 to 9.5 kB
 * when the servers' refusal reasons and the engine's sentences came to be read in every language
 * (20 kinds of refusal, the delete cases told apart, the unknown reason shown as the server sent it).
 */
const WIDGET_BUDGETS = { 'twin-glossary': 27_000, 'twin-glossary-links': 5_000, 'twin-journal': 41_000, 'twin-board': 52_000, 'twin-phase-tracker': 21_000, 'twin-sync-conflicts': 9_500 };
const DEFAULT_WIDGET_BUDGET = 20_000;
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

/**
 * Budget of dist/twinkit-couchdb.js (sync, loaded by twinkit.js only for adapter="couchdb"), gzip -9.
 * It keeps every losing version, merges three ways, asks about lost answers and reads replication
 * branches; PouchDB's browser build, which the bench compares it with, is 42.8 kB. Raised from 18 kB
 * for database version 5 (writes in flight noted once per batch, the merge base copied on write,
 * and the upgrade that moves both): about 0.5 kB for a push a third faster. Raised to 25 kB for one
 * database per audience (layout "audiences": two feeds, writes routed and moved between databases,
 * files that follow their records, the audience rules). Raised to 26 kB when that layout became
 * the default: the page reads the layout from the server and follows a space's move into it, and
 * feedback follows its entry's moves (0.9 kB); 27 kB with the teacher's feedback placement and
 * the sync failures' sentences in every language; 28 kB when the engine became one for every
 * remote speaking the replication protocol (pull and push as the protocol has them, the check of
 * every server answer, sending a write again under its id where the server cannot be asked: 1.4 kB). Next: move the English messages (about 2 kB) into
 * the localization layer, and load the one-database remote only for spaces that still use it.
 */
const SYNC_BUDGET = 28_000;
/**
 * Budget of dist/twinkit-remote.js (the offline-first engine over any server speaking the
 * replication protocol, loaded only for adapter="remote"), gzip -9: the CouchDB file without
 * CouchDB (no branches, no audiences, no layouts), plus the check of the server's answers.
 */
const REMOTE_BUDGET = 16_000;
/** The modules twinkit.js loads for adapter="couchdb" and adapter="remote"; in the script-tag build each is its own file. */
const SYNC_FILES = [
  { module: /synced\/create-synced-couchdb\.(js|ts)$/, file: 'twinkit-couchdb.js', input: 'src/sdk/adapters/synced/create-synced-couchdb.ts', budget: SYNC_BUDGET },
  { module: /synced\/create-synced-remote\.(js|ts)$/, file: 'twinkit-remote.js', input: 'src/sdk/adapters/synced/create-synced-remote.ts', budget: REMOTE_BUDGET },
];
const SYNC_PATHS = SYNC_FILES.map(({ file }) => `./${file}`);

/**
 * In the script-tag build, the dynamic import of sync points at the sibling file
 * dist/twinkit-couchdb.js (built on its own below), so twinkit.js stays the size of a page that
 * never syncs, and the two files share nothing that could load twice.
 */
function syncAsSiblingFile() {
  return {
    name: 'sync-as-sibling-file',
    resolveId(source) {
      const sync = SYNC_FILES.find(({ module }) => module.test(source));
      return sync ? { id: `./${sync.file}`, external: 'absolute' } : null;
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
  const prefix = '\0locale-tags:';
  // One copy per language (a few bytes), so that no chunk is shared between the locale files.
  const languageOf = (importer) => importer.split('/src/localization/locales/')[1].split(/[/.]/)[0];
  return {
    name: 'locale-tags',
    resolveId: (source, importer) => (isLocale(importer) && ['lit', '@lit/localize'].includes(source) ? prefix + languageOf(importer) : null),
    load: (loaded) =>
      loaded.startsWith(prefix)
        ? // The shapes of lit-html's TemplateResult (`_$litType$` 1 = HTML) and @lit/localize's str`` result.
          'export const html = (strings, ...values) => ({ _$litType$: 1, strings, values });\n' +
          'export const str = (strings, ...values) => ({ strTag: true, strings, values });\n'
        : null,
  };
}

/** Prints the gzip size of each written file and fails when the entry (twinkit.js) is over budget. */
function gzipBudget(budget) {
  return {
    name: 'gzip-budget',
    writeBundle(options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const gzip = gzipSize(file.code);
        const note = file.isEntry ? `budget ${budget / 1000} kB` : 'loaded only for a page in its language';
        const line = `${options.dir ?? dirname(options.file)}/${file.fileName}: ${kB(file.code.length)}, ${kB(gzip)} gzip (${note})`;
        if (file.isEntry && gzip > budget) throw new Error(`Over budget: ${line}`);
        console.log(line);
      }
    },
  };
}

const gzipSize = (code) => gzipSync(code, { level: 9 }).length;
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

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

// ---- The script-tag build: twinkit.js, its widget files, its locale files, twinkit-couchdb.js ----

const root = fileURLToPath(new URL('.', import.meta.url));
const fromRoot = (path) => join(root, path);
/** A path for messages: relative to the repository. */
const shown = (id) => (id.startsWith('\0') ? id.slice(1) : relative(root, id).split(sep).join('/'));

const SCRIPT_TAG_ENTRY = fromRoot('src/bundle/twinkit.ts');
const LAZY_WIDGETS_SOURCE = fromRoot('src/bundle/lazy-widgets.ts');
/** Replaced in twinkit.js by the generated registry (plugin sharedRegistry). */
const SHARED_MODULES_SOURCE = fromRoot('src/bundle/shared-modules.ts');
/** The library's "register every tag" entry: twinkit.js must export the same, but the lazy widgets. */
const DEFINE_SOURCE = fromRoot('src/define.ts');
/** The global that twinkit.js fills (src/bundle/shared-registry.ts) and the widget files read. */
const REGISTRY_GLOBAL = "globalThis[Symbol.for('twinkit.shared')]";
/** Lit's core modules: never in a widget file (they would be a second Lit beside twinkit.js's). */
const LIT_CORE = /node_modules\/(lit-html\/lit-html|lit-element\/lit-element|@lit\/reactive-element\/reactive-element|@lit\/reactive-element\/css-tag|@lit\/localize\/lit-localize|@lit\/context\/index)\.js$/;

/**
 * The lazy widgets, read from src/bundle/lazy-widgets.ts: one `'twin-x': () => import('../components/twin-x/twin-x.js')`
 * line each (commented-out lines do not count). Each becomes dist/twinkit-x.js.
 */
export function lazyWidgetList() {
  const text = readFileSync(LAZY_WIDGETS_SOURCE, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const widgets = [];
  for (const [, tag, specifier] of text.matchAll(/['"]([a-z][a-z0-9]*-[a-z0-9-]*)['"]\s*:\s*\(\)\s*=>\s*import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const expected = `../components/${tag}/${tag}.js`;
    if (specifier !== expected) throw new Error(`${shown(LAZY_WIDGETS_SOURCE)}: <${tag}> must import '${expected}', its registration module (the file is named after the tag), not '${specifier}'`);
    const module = fromRoot(`src/components/${tag}/${tag}.ts`);
    if (!existsSync(module)) throw new Error(`${shown(LAZY_WIDGETS_SOURCE)} lists <${tag}>, but ${shown(module)} does not exist`);
    const file = `twinkit-${tag.replace(/^twin-/, '')}.js`;
    const locales = readdirSync(fromRoot('src/localization/locales')).map((name) => `twinkit-${name.replace(/\.ts$/, '')}.js`);
    if (SYNC_PATHS.includes(`./${file}`) || locales.includes(file)) throw new Error(`<${tag}> would be ${file}, a name the build already uses`);
    widgets.push({ tag, module, file, specifier, budget: WIDGET_BUDGETS[tag] ?? DEFAULT_WIDGET_BUDGET });
  }
  if (!widgets.length) throw new Error(`${shown(LAZY_WIDGETS_SOURCE)}: no widget found (expected lines like 'twin-x': () => import('../components/twin-x/twin-x.js'))`);
  return widgets;
}

/** The plugins every script-tag build shares (twinkit.js, the widget files, and the plan's builds). */
function scriptTagPlugins() {
  return [
    localeTags(), // before nodeResolve, which would resolve `lit` first
    syncAsSiblingFile(),
    nodeResolve({ browser: true, exportConditions: ['production'] }),
    minifyCss(),
    esbuild({ target: TARGET, sourceMap: false }),
  ];
}

/** The plan's builds report nothing but what would leave an import unresolved: the real builds warn. */
const quiet = (warning) => {
  if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
};

/**
 * In twinkit.js, `import('../components/twin-x/twin-x.js')` in lazy-widgets.ts becomes
 * `import('./twinkit-x.js')`: resolved by the browser against twinkit.js's own URL, so beside it,
 * without its query string (as `./twinkit-es.js` and `./twinkit-couchdb.js`).
 */
function lazyWidgetsAsSiblingFiles(widgets) {
  return {
    name: 'lazy-widgets-as-sibling-files',
    resolveDynamicImport(specifier, importer) {
      if (importer !== LAZY_WIDGETS_SOURCE) {
        // Another module may load a lazy widget itself (<twin-space> loads <twin-sync-conflicts>,
        // which widgets draw in their shadow roots, out of the autoloader's sight): the same file.
        if (typeof specifier !== 'string' || !specifier.startsWith('.')) return null;
        const target = join(dirname(importer), specifier).replace(/\.js$/, '.ts');
        const widget = widgets.find((candidate) => candidate.module === target);
        return widget ? { id: `./${widget.file}`, external: 'absolute' } : null;
      }
      const widget = widgets.find((candidate) => candidate.specifier === specifier);
      if (!widget) this.error(`rollup.config.mjs could not read the entry of ${shown(LAZY_WIDGETS_SOURCE)} that imports ${JSON.stringify(specifier)}: write it as 'twin-x': () => import('../components/twin-x/twin-x.js')`);
      return { id: `./${widget.file}`, external: 'absolute' };
    },
  };
}

/** A module's key in the plan: its path in its package (`lit/index.js`), or in the repository. */
const keyOf = (id) => (id.includes('/node_modules/') ? id.slice(id.lastIndexOf('/node_modules/') + '/node_modules/'.length) : shown(id));

/**
 * Every name a module exports, `export *` followed (rollup's ModuleInfo lists it as `*`). Call
 * from a hook of a finished graph (buildEnd).
 */
async function exportNames(context, id, cache, seen = new Set()) {
  if (cache.has(id)) return cache.get(id);
  const names = new Set();
  if (seen.has(id)) return names;
  seen.add(id);
  const info = context.getModuleInfo(id);
  for (const [source, bindings] of Object.entries(info?.exportedBindings ?? {})) {
    for (const name of bindings) if (name !== '*') names.add(name);
    if (!bindings.includes('*')) continue;
    const resolved = await context.resolve(source, id);
    if (!resolved || resolved.external) continue;
    for (const name of await exportNames(context, resolved.id, cache, seen)) if (name !== 'default') names.add(name);
  }
  cache.set(id, names);
  return names;
}

/**
 * The export names that a module may reassign: `export let x` / `export var x`, or `export { x }`
 * of a top-level `let`/`var`. By name, over all the modules given (a name also declared `const`
 * elsewhere gets a getter too: it costs a few bytes, never a stale value).
 */
function liveExports(programs) {
  const live = new Set();
  for (const program of programs) {
    if (!program) continue;
    const mutable = new Set();
    const declarations = program.body.map((node) => (node.type === 'ExportNamedDeclaration' ? node.declaration : node));
    for (const node of declarations) {
      if (node?.type !== 'VariableDeclaration' || node.kind === 'const') continue;
      for (const declarator of node.declarations) if (declarator.id.type === 'Identifier') mutable.add(declarator.id.name);
    }
    for (const node of program.body) {
      if (node.type !== 'ExportNamedDeclaration' || node.source) continue;
      if (node.declaration?.type === 'VariableDeclaration' && node.declaration.kind !== 'const') {
        for (const declarator of node.declaration.declarations) if (declarator.id.type === 'Identifier') live.add(declarator.id.name);
      }
      for (const specifier of node.specifiers ?? []) if (mutable.has(specifier.local.name)) live.add(specifier.exported.name ?? specifier.exported.value);
    }
  }
  return live;
}

let planPromise;
/**
 * What the script-tag build lends from twinkit.js to the widget files. Computed once per process;
 * the twinkit.js build computes it afresh (`fresh`), and the widget builds after it reuse that.
 */
export function scriptTagPlan({ fresh = false } = {}) {
  if (fresh || !planPromise) planPromise = computePlan();
  return planPromise;
}

/**
 * 1. Builds (in memory, no output) the graph of src/bundle/twinkit.ts and src/define.ts: the modules
 *    twinkit.js holds are those twinkit.ts reaches by static imports. Checks that it holds no lazy
 *    widget, and that it exports all that define.ts exports except what only the widgets hold.
 * 2. Builds each widget (in memory) with every held module replaced by a stub whose exports are
 *    pure calls naming them: after tree-shaking, the calls left are the names the widget file uses,
 *    also through `import * as ns` (`ns.name`). A name the held module does not export fails here.
 * 3. The registry: per held module, the union of those names; `build`, a hash of it; `live`, the
 *    names a module may reassign.
 */
async function computePlan() {
  const widgets = lazyWidgetList();
  let graph;
  const graphBuild = await rollup({
    input: [SCRIPT_TAG_ENTRY, DEFINE_SOURCE],
    plugins: [
      lazyWidgetsAsSiblingFiles(widgets),
      ...scriptTagPlugins(),
      {
        name: 'held-modules',
        async buildEnd(error) {
          if (error) return;
          const held = new Set();
          const queue = [SCRIPT_TAG_ENTRY];
          while (queue.length) {
            const id = queue.pop();
            const info = this.getModuleInfo(id);
            if (held.has(id) || !info || info.isExternal) continue;
            held.add(id);
            queue.push(...info.importedIds);
          }
          for (const widget of widgets) {
            if (held.has(widget.module)) this.error(`twinkit.js would hold <${widget.tag}>: a module of src/bundle/twinkit.ts imports ${shown(widget.module)} statically (only lazy-widgets.ts may import it, dynamically)`);
          }
          const cache = new Map();
          const exportsOf = new Map();
          for (const id of held) exportsOf.set(id, await exportNames(this, id, cache));
          // define.ts's exports that twinkit.ts lacks, though a module twinkit.js holds declares them.
          const declaredHere = new Set([...held].flatMap((id) => this.getModuleInfo(id).exportedBindings?.['.'] ?? []));
          const ours = exportsOf.get(SCRIPT_TAG_ENTRY);
          const missing = [...(await exportNames(this, DEFINE_SOURCE, cache))].filter((name) => !ours.has(name) && declaredHere.has(name));
          if (missing.length) {
            this.error(`${shown(SCRIPT_TAG_ENTRY)} does not export ${missing.join(', ')}, which ${shown(DEFINE_SOURCE)} exports and twinkit.js holds: add ${missing.length > 1 ? 'them' : 'it'} to ${shown(SCRIPT_TAG_ENTRY)}`);
          }
          graph = { held, exportsOf, live: liveExports([...held].map((id) => this.getModuleInfo(id).ast)) };
        },
      },
    ],
    onwarn: quiet,
  });
  await graphBuild.close();

  // Each held module as a stub: every export a pure call that names it. Rollup's tree-shaking
  // keeps the calls of the names the widget uses (also `ns.name` of `import * as ns`), and only those.
  const stub = '\0twinkit-stub:';
  const LEND = '__twinkitLend__';
  const registry = new Map(); // key -> { id, names: Set }
  for (const widget of widgets) {
    let output;
    try {
      const build = await rollup({
        input: widget.module,
        plugins: [
          sharedModules(graph.held, (id) => stub + id),
          {
            name: 'held-module-stubs',
            load(id) {
              if (!id.startsWith(stub)) return null;
              const held = id.slice(stub.length);
              const key = JSON.stringify(keyOf(held));
              const names = [...graph.exportsOf.get(held)].filter((name) => /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(name));
              const lend = (name) => `/*#__PURE__*/ ${LEND}(${key}, ${JSON.stringify(name)})`;
              // `export { l3 as null }`: an export name may be a reserved word (zod/mini has `null`).
              const code = names.map((name, index) => `const l${index} = ${lend(name)};\nexport { l${index} as ${name} };`).join('\n');
              return { code, moduleSideEffects: false };
            },
          },
          ...scriptTagPlugins(),
        ],
        onwarn: quiet,
      });
      ({ output } = await build.generate({ format: 'es', inlineDynamicImports: true }));
      await build.close();
    } catch (error) {
      if (error.code !== 'MISSING_EXPORT' || !String(error.exporter).startsWith(stub)) throw error;
      const from = keyOf(error.exporter.slice(stub.length));
      const name = error.binding ?? error.message.match(/"([^"]+)" is not exported/)?.[1];
      throw new Error(`${widget.file} (<${widget.tag}>): ${error.id ? shown(error.id) : 'a module'} imports "${name}" from ${from}, which twinkit.js holds, but ${from} does not export it: twinkit.js cannot lend it to the widget file`);
    }
    const [chunk] = output;
    const wrong = [...chunk.imports, ...chunk.dynamicImports.filter((path) => !SYNC_PATHS.includes(path))];
    if (wrong.length) throw new Error(`${widget.file} would import ${wrong.join(', ')}: a widget file may import nothing but what twinkit.js lends it`);
    widget.imports = new Map();
    for (const [, key, name] of chunk.code.matchAll(new RegExp(`${LEND}\\(("(?:[^"\\\\]|\\\\.)*"), ("(?:[^"\\\\]|\\\\.)*")\\)`, 'g'))) {
      const [parsedKey, parsedName] = [JSON.parse(key), JSON.parse(name)];
      widget.imports.set(parsedKey, [...(widget.imports.get(parsedKey) ?? []), parsedName]);
      const entry = registry.get(parsedKey) ?? { id: [...graph.held].find((id) => keyOf(id) === parsedKey), names: new Set() };
      entry.names.add(parsedName);
      registry.set(parsedKey, entry);
    }
  }
  const lent = [...registry].filter(([, { names }]) => names.size).sort(([a], [b]) => (a < b ? -1 : 1));
  const listing = lent.map(([key, { names }]) => [key, [...names].sort()]);
  const build = createHash('sha256').update(JSON.stringify(listing)).digest('hex').slice(0, 12);
  return { widgets, held: graph.held, live: graph.live, registry: new Map(lent), build };
}

/** Resolves every import of a module twinkit.js holds (`held`) to `replace(id)`. */
function sharedModules(held, replace) {
  const MARK = 'twinkit-shared-modules';
  return {
    name: 'shared-modules',
    async resolveId(source, importer, options) {
      // Not the resolutions made on the way (node-resolve resolves its result once more): they
      // carry our mark, and the outer call decides.
      if (!importer || source.startsWith('\0') || options?.custom?.[MARK]) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true, custom: { ...options?.custom, [MARK]: true } });
      return resolved && !resolved.external && held.has(resolved.id) ? replace(resolved.id) : resolved;
    },
  };
}

/**
 * twinkit.js: src/bundle/shared-modules.ts becomes the registry of the plan: per lent module an
 * object with exactly the names the widget files use (tree-shaking still drops the rest), a getter
 * for a name a module may reassign (`export let`: @lit/localize's `msg` is replaced when the
 * localization is configured), so a widget file always reads what an import would.
 */
function sharedRegistry() {
  let plan;
  return {
    name: 'shared-registry',
    async buildStart() {
      plan = await scriptTagPlan({ fresh: true });
    },
    load(id) {
      if (id !== SHARED_MODULES_SOURCE) return null;
      const imports = [];
      const objects = [];
      for (const [index, { id: target, names }] of [...plan.registry.values()].entries()) {
        const sorted = [...names].sort();
        const local = (at) => `m${index}_${at}`;
        imports.push(`import { ${sorted.map((name, at) => `${name} as ${local(at)}`).join(', ')} } from ${JSON.stringify(target)};`);
        objects.push(`{ ${sorted.map((name, at) => (plan.live.has(name) ? `get ${name}() { return ${local(at)}; }` : `${name}: ${local(at)}`)).join(', ')} }`);
      }
      return [
        ...imports,
        `export const sharedBuild = ${JSON.stringify(plan.build)};`,
        // An array: a widget file reads a module by its index in the plan's sorted list (the build
        // hash makes sure both files have the same list); paths as keys would cost bytes in both.
        `export const sharedModules = [\n  ${objects.join(',\n  ')},\n];`,
        '',
      ].join('\n');
    },
  };
}

/**
 * A widget file: each module twinkit.js holds is a virtual module whose default export is its
 * namespace in the registry; `syntheticNamedExports` turns `import { html } from 'lit'` into a
 * read of that namespace's `html` when used (live, as an import). The registry is checked first:
 * present (twinkit.js loaded) and of this build.
 */
function sharedFromRegistry(widget) {
  const prefix = '\0twinkit-shared:';
  const check = '\0twinkit-registry';
  let plan;
  let imports;
  let resolver;
  return {
    name: 'shared-from-registry',
    async buildStart() {
      plan = await scriptTagPlan();
      imports = plan.widgets.find((candidate) => candidate.tag === widget.tag).imports;
      resolver = sharedModules(plan.held, (id) => prefix + keyOf(id));
    },
    resolveId(source, importer, options) {
      return source === check ? check : resolver.resolveId.call(this, source, importer, options);
    },
    load(id) {
      if (id === check) {
        const file = JSON.stringify(widget.file);
        return [
          `const registry = ${REGISTRY_GLOBAL};`,
          `if (!registry) throw new Error("Twinkit: load twinkit.js, which loads " + ${file});`,
          `if (registry.build !== ${JSON.stringify(plan.build)}) throw new Error("Twinkit: " + ${file} + " is not from the build of this twinkit.js");`,
          'export const modules = registry.modules;',
          '',
        ].join('\n');
      }
      if (!id.startsWith(prefix)) return null;
      const key = id.slice(prefix.length);
      // Imported only for its side effects (e.g. a tag's registration), which twinkit.js has run.
      if (!imports.get(key)?.length) return 'export {};\n';
      // `html` is then `m.html` at each use: read when used, as an import is (a getter for `msg`).
      // Destructuring into constants that the minifier shortens makes the file smaller but its
      // gzip larger: the repeated `m.html` compresses better.
      const index = [...plan.registry.keys()].indexOf(key);
      return { code: `import { modules } from ${JSON.stringify(check)};\n// ${key}\nexport default modules[${index}];\n`, syntheticNamedExports: true };
    },
  };
}

/** The `import(...)` expressions of a program as written: the string, or the source of the expression. */
function dynamicImportsIn(program) {
  const found = [];
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'ImportExpression') found.push(node.source.type === 'Literal' ? String(node.source.value) : `(${node.source.type})`);
    for (const [key, value] of Object.entries(node)) if (key !== 'type' && value && typeof value === 'object') visit(value);
  };
  visit(program);
  return found;
}

/**
 * twinkit.js imports nothing statically and dynamically only the files beside it: the locale files
 * (which import nothing at all), the lazy widgets' files and twinkit-couchdb.js. No Lit dev build.
 */
function selfContained(widgets) {
  return {
    name: 'self-contained',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const main = chunks.find((chunk) => chunk.isEntry);
      const locales = chunks.filter((chunk) => chunk.isDynamicEntry && isLocale(chunk.facadeModuleId));
      const others = chunks.filter((chunk) => chunk !== main && !locales.includes(chunk));
      if (!main || others.length) throw new Error(`Expected twinkit.js and locale files, got ${chunks.map((c) => c.fileName).join(', ')}`);
      const allowed = new Set([...locales.map((chunk) => `./${chunk.fileName}`), ...SYNC_PATHS, ...widgets.map((widget) => `./${widget.file}`)]);
      for (const chunk of chunks) {
        const dynamic = dynamicImportsIn(this.parse(chunk.code));
        const wrong = [...chunk.imports, ...dynamic.filter((path) => chunk !== main || !allowed.has(path))];
        if (wrong.length) throw new Error(`${chunk.fileName} still imports ${wrong.join(', ')}`);
        if (chunk.code.includes('Lit is in dev mode')) throw new Error(`${chunk.fileName} contains the development build of Lit`);
      }
      const missing = widgets.filter((widget) => !main.code.includes(`./${widget.file}`));
      if (missing.length) throw new Error(`twinkit.js does not load ${missing.map((widget) => widget.file).join(', ')}`);
    },
  };
}

/**
 * A widget file is one file that imports nothing (dynamically at most twinkit-couchdb.js, beside
 * it), holds no module twinkit.js holds, no Lit core and no Lit dev build.
 */
function widgetFileChecks(widget) {
  let held;
  return {
    name: 'widget-file-checks',
    async buildStart() {
      ({ held } = await scriptTagPlan());
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      if (chunks.length !== 1) throw new Error(`${widget.file}: expected one file, got ${chunks.map((c) => c.fileName).join(', ')}`);
      const [chunk] = chunks;
      const wrong = [...chunk.imports, ...chunk.dynamicImports.filter((path) => !SYNC_PATHS.includes(path))];
      if (wrong.length) throw new Error(`${widget.file} still imports ${wrong.join(', ')}`);
      const twice = Object.keys(chunk.modules).filter((id) => !id.startsWith('\0') && (held.has(id) || LIT_CORE.test(id)));
      if (twice.length) throw new Error(`${widget.file} holds a second copy of ${twice.map(shown).join(', ')}, which twinkit.js holds`);
      if (chunk.code.includes('Lit is in dev mode')) throw new Error(`${widget.file} contains the development build of Lit`);
    },
  };
}

/**
 * Prints a widget file's size, its budget, and twinkit.js (already written in the same folder)
 * plus it. After the last widget file of the list (all written by then): twinkit.js + the largest
 * widget file, the page budget; the build fails there if a file was over its budget or a pair over
 * PAGE_BUDGET.
 */
function widgetBudget(widget, widgets) {
  return {
    name: 'widget-budget',
    writeBundle(options, bundle) {
      const chunk = Object.values(bundle).find((file) => file.type === 'chunk');
      const dir = dirname(options.file);
      const core = join(dir, 'twinkit.js');
      if (!existsSync(core)) throw new Error(`${widget.file}: build twinkit.js first (the page budget counts both; ${core} is missing)`);
      const coreGzip = gzipSize(readFileSync(core));
      const gzip = gzipSize(chunk.code);
      const state = (widgetSizes[dir] ??= { sizes: {}, over: [] });
      state.sizes[widget.file] = gzip;
      const over = [gzip > widget.budget && `over its budget of ${kB(widget.budget)}`, coreGzip + gzip > PAGE_BUDGET && `with twinkit.js over the page budget of ${kB(PAGE_BUDGET)}`].filter(Boolean);
      const line = `${dir}/${widget.file}: ${kB(chunk.code.length)}, ${kB(gzip)} gzip (<${widget.tag}> on demand, budget ${kB(widget.budget)}; with twinkit.js ${kB(coreGzip + gzip)})`;
      console.log(over.length ? `${line} OVER: ${over.join(', ')}` : line);
      if (over.length) state.over.push(`${widget.file} ${over.join(', ')}`);
      if (widget !== widgets.at(-1)) return;
      delete widgetSizes[dir];
      const [largest, largestGzip] = Object.entries(state.sizes).sort(([, a], [, b]) => b - a)[0];
      console.log(`${dir}/twinkit.js + the largest widget file (${largest}): ${kB(coreGzip + largestGzip)} gzip (page budget ${kB(PAGE_BUDGET)})`);
      if (state.over.length) throw new Error(`Over budget: ${state.over.join('; ')}`);
    },
  };
}
/** Per output folder: the widget files' gzip sizes so far, and what was over budget. */
const widgetSizes = {};

const terserPlugin = () => terser({ ecma: 2022, module: true, compress: { passes: 2 } });

/**
 * The script-tag files, written to `outDir`: twinkit.js (and its locale files), twinkit-couchdb.js,
 * one file per lazy widget. In this order: a widget build reads twinkit.js's size from `outDir`,
 * and the last one fails the build if a widget file was over budget (after all are written).
 */
export function scriptTagConfigs(outDir = 'dist') {
  const widgets = lazyWidgetList();
  return [
    {
      input: SCRIPT_TAG_ENTRY,
      plugins: [sharedRegistry(), lazyWidgetsAsSiblingFiles(widgets), ...scriptTagPlugins(), selfContained(widgets)],
      onwarn,
      output: {
        dir: outDir,
        entryFileNames: 'twinkit.js',
        // The translations: src/localization/locales/es.ts becomes twinkit-es.js.
        chunkFileNames: 'twinkit-[name].js',
        format: 'es',
        generatedCode: 'es2015',
        plugins: [terserPlugin(), gzipBudget(BUNDLE_BUDGET)],
      },
    },
    // twinkit-couchdb.js and twinkit-remote.js: an adapter and the offline sync, each self-contained.
    ...SYNC_FILES.map(({ input, file, budget }) => ({
      input: fromRoot(input),
      plugins: [nodeResolve({ browser: true }), esbuild({ target: TARGET, sourceMap: false }), selfContainedFile()],
      onwarn,
      output: {
        file: join(outDir, file),
        format: 'es',
        inlineDynamicImports: true,
        generatedCode: 'es2015',
        plugins: [terserPlugin(), gzipBudget(budget)],
      },
    })),
    ...widgets.map((widget) => ({
      input: widget.module,
      plugins: [sharedFromRegistry(widget), ...scriptTagPlugins(), widgetFileChecks(widget)],
      onwarn,
      output: {
        file: join(outDir, widget.file),
        format: 'es',
        inlineDynamicImports: true,
        generatedCode: 'es2015',
        plugins: [terserPlugin(), widgetBudget(widget, widgets)],
      },
    })),
  ];
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
  ...scriptTagConfigs(),
];
