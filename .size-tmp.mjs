import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
const entry = process.argv[2] ?? 'src/components/twin-glossary/exchange/glossary-exchange.component.ts';
const r = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', write: false,
  plugins: [{ name: 'ext', setup(b) { b.onResolve({ filter: /.*/ }, (a) => a.kind === 'entry-point' || a.path.startsWith('./') && a.resolveDir.endsWith('/exchange') ? undefined : { path: a.path, external: true }); } }] });
const code = r.outputFiles[0].contents;
writeFileSync('/tmp/exchange.min.js', code);
console.log('exchange/ only:', code.length, 'min,', gzipSync(code, { level: 9 }).length, 'gzip');
