/**
 * `npm run chaos -- --seed N --ops M [--layout space] [--server reference]`: a longer chaos run than
 * the suite's, on CouchDB or on the reference server; prints the report, exits 1 on a finding.
 */
import { runChaos } from './chaos-run.js';
import { seedOfToday } from './prng.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} needs a whole number`);
  return value;
};
const seed = option('--seed', seedOfToday());
const ops = option('--ops', 500);
const layoutAt = argv.indexOf('--layout');
const layout = layoutAt < 0 ? 'audiences' : argv[layoutAt + 1];
if (layout !== 'audiences' && layout !== 'space') throw new Error('--layout must be audiences (the default) or space');
const serverAt = argv.indexOf('--server');
const server = serverAt < 0 ? 'couchdb' : argv[serverAt + 1];
if (server !== 'couchdb' && server !== 'reference') throw new Error('--server must be couchdb (the default) or reference');
const progress = (line: string) => process.stderr.write(`${line}\n`);

progress(`chaos: seed ${seed}, ${ops} ops, ${server === 'reference' ? 'reference server' : `layout ${layout}`}`);
const result = await runChaos({ seed, ops, layout, server, progress });
console.log(result.report);
console.log(`${result.summary}; ${result.findings.length} finding(s); ${(result.ms / 1000).toFixed(1)} s`);
process.exitCode = result.findings.length ? 1 : 0;
