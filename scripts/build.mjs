// `npm run build`: dist/ as package.json "exports" promises. Exits non-zero on any failure.
//   1. rollup (rollup.config.mjs): the ES modules, dist/chunks/, and the script-tag files: dist/twinkit.js
//      and the files it loads on demand from beside it, one per lazy widget (dist/twinkit-glossary.js, ...),
//      one per UI language (dist/twinkit-es.js) and sync (dist/twinkit-couchdb.js, dist/twinkit-remote.js); gzip budgets checked there;
//   2. tsc -p tsconfig.build.json: declarations in dist/types/;
//   3. cem analyze (custom-elements-manifest.config.mjs): dist/custom-elements.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(label, command, args) {
  const started = performance.now();
  console.log(`\n> ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\nBuild failed at: ${label} (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`);
    process.exit(1);
  }
  console.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

rmSync('dist', { recursive: true, force: true });
run('rollup', bin('rollup'), ['-c', 'rollup.config.mjs']);
run('declarations', bin('tsc'), ['-p', 'tsconfig.build.json']);
run('custom-elements.json', bin('cem'), ['analyze', '--litelement', '--quiet']);

// Every path package.json promises must exist.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const targets = (target) => (typeof target === 'string' ? [target] : Object.values(target));
const promised = Object.values(pkg.exports).flatMap(targets);
// The script-tag files: twinkit.js loads each from beside it (locale files: one per
// src/localization/locales/<locale>.ts; widget files: one per tag in src/bundle/lazy-widgets.ts).
const { lazyWidgetList } = await import(pathToFileURL(join(root, 'rollup.config.mjs')).href);
const localeFiles = readdirSync('src/localization/locales').filter((name) => name.endsWith('.ts')).map((name) => `./dist/twinkit-${name.slice(0, -3)}.js`);
const widgets = lazyWidgetList();
const widgetFiles = widgets.map((widget) => `./dist/${widget.file}`);
const scriptTagFiles = ['./dist/twinkit.js', ...localeFiles, './dist/twinkit-couchdb.js', './dist/twinkit-remote.js', ...widgetFiles];
// A pattern export must resolve: `./components/*` for every element folder in src/components,
// `./twinkit-*.js` for every script-tag file it matches.
const elements = readdirSync('src/components').filter((name) => existsSync(join('src/components', name, `${name}.ts`)));
const expand = (path) => {
  if (!path.includes('*')) return [path];
  const [before, after] = path.split('*');
  const files = scriptTagFiles.filter((file) => file.startsWith(before) && file.endsWith(after) && file.length > before.length + after.length);
  return files.length ? files : elements.map((name) => path.replaceAll('*', name));
};
const missing = [...promised.flatMap(expand), pkg.main, pkg.types, pkg.customElements].filter((path) => path && !existsSync(path));
if (missing.length) {
  console.error(`\nBuild failed: package.json points at missing files:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}

// Integrators copy the script-tag files together, so each is exported like twinkit.js: by its own
// key or by a pattern (`"./twinkit-*.js": "./dist/twinkit-*.js"`).
const exportsKey = (key) => {
  const [before, after] = key.split('*');
  return (file) => (key.includes('*') ? file.startsWith(before) && file.endsWith(after) : file === key);
};
const exported = (file) => Object.entries(pkg.exports).some(([key, target]) => exportsKey(key)(`.${file.slice(6)}`) && targets(target).some((path) => exportsKey(path)(file)));
const unexported = scriptTagFiles.filter((path) => !exported(path));
if (unexported.length) {
  console.error(`\nBuild failed: add to package.json "exports":\n  ${unexported.map((path) => `".${path.slice(6)}": "${path}"`).join('\n  ')}`);
  process.exit(1);
}

// Summary: the JavaScript and the manifest (declarations counted, not listed).
const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
const all = files('dist');
console.log('\ndist/');
for (const file of all.filter((f) => !f.startsWith('dist/types/')).sort()) {
  console.log(`  ${file.padEnd(48)} ${(statSync(file).size / 1000).toFixed(1).padStart(6)} kB`);
}
console.log(`  dist/types/: ${all.filter((f) => f.startsWith('dist/types/')).length} declaration files`);
const gzipBytes = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB gzip`;
// The script tag's files (budgets checked in rollup.config.mjs): twinkit.js, then what it fetches
// from beside it only for a page that needs it.
const core = gzipBytes('dist/twinkit.js');
console.log(`\nFor a script tag (copy them all into one folder):`);
console.log(`  ${'dist/twinkit.js'.padEnd(32)} ${kB(core).padStart(13)}  Lit, SDK, <twin-space>, <twin-sync-indicator>, autoloader`);
for (const widget of widgets) console.log(`  ${`dist/${widget.file}`.padEnd(32)} ${kB(gzipBytes(`dist/${widget.file}`)).padStart(13)}  <${widget.tag}>, when the page uses it`);
for (const path of localeFiles.sort()) console.log(`  ${path.slice(2).padEnd(32)} ${kB(gzipBytes(path)).padStart(13)}  the UI strings, for a page in that language`);
console.log(`  ${'dist/twinkit-couchdb.js'.padEnd(32)} ${kB(gzipBytes('dist/twinkit-couchdb.js')).padStart(13)}  sync, for adapter="couchdb"`);
console.log(`  ${'dist/twinkit-remote.js'.padEnd(32)} ${kB(gzipBytes('dist/twinkit-remote.js')).padStart(13)}  sync, for adapter="remote" (the replication protocol)`);
const largest = widgets.map((widget) => [widget.file, gzipBytes(`dist/${widget.file}`)]).sort(([, a], [, b]) => b - a)[0];
console.log(`  twinkit.js + the largest widget file (${largest[0]}): ${kB(core + largest[1])}`);

// The `twinkit` command (bin/twinkit.mjs imports it): one file for Node; dependencies stay in node_modules.
run('cli', bin('esbuild'), ['src/sdk/adapters/couchdb/setup/cli.ts', '--bundle', '--platform=node', '--format=esm', '--target=node20', '--packages=external', '--outfile=dist/cli.js', '--log-level=warning']);
