// `npm run build`: dist/ as package.json "exports" promises. Exits non-zero on any failure.
//   1. rollup (rollup.config.mjs): the ES modules, dist/chunks/, dist/twinkit.js (gzip budget checked there)
//      and the locale files it loads on demand, dist/twinkit-<locale>.js;
//   2. tsc -p tsconfig.build.json: declarations in dist/types/;
//   3. cem analyze (custom-elements-manifest.config.mjs): dist/custom-elements.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
const promised = Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
// A pattern export (`./components/*`) must resolve for every element folder in src/components.
const elements = readdirSync('src/components').filter((name) => existsSync(join('src/components', name, `${name}.ts`)));
const expanded = promised.flatMap((path) => (path.includes('*') ? elements.map((name) => path.replaceAll('*', name)) : [path]));
const missing = [...expanded, pkg.main, pkg.types, pkg.customElements].filter((path) => path && !existsSync(path));
if (missing.length) {
  console.error(`\nBuild failed: package.json points at missing files:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}

// twinkit.js loads dist/twinkit-<locale>.js, one per src/localization/locales/<locale>.ts, from beside
// it: integrators copy them with it, so each is exported like it (and so checked above to exist).
const localeFiles = readdirSync('src/localization/locales').filter((name) => name.endsWith('.ts')).map((name) => `./dist/twinkit-${name.slice(0, -3)}.js`);
const unexported = localeFiles.filter((path) => !promised.includes(path));
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
const gzip = (file) => `${(gzipSync(readFileSync(file), { level: 9 }).length / 1000).toFixed(1)} kB gzip`;
console.log(`\ndist/twinkit.js: ${gzip('dist/twinkit.js')} (within the budget checked in rollup.config.mjs)`);
// The script tag's translations, fetched by twinkit.js only for a page in that language.
for (const path of localeFiles.sort()) console.log(`${path.slice(2)}: ${gzip(path)}, loaded on demand`);

// The `twinkit` command (bin/twinkit.mjs imports it): one file for Node; dependencies stay in node_modules.
run('cli', bin('esbuild'), ['src/sdk/adapters/couchdb/setup/cli.ts', '--bundle', '--platform=node', '--format=esm', '--target=node20', '--packages=external', '--outfile=dist/cli.js', '--log-level=warning']);
