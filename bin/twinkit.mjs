#!/usr/bin/env node
// The `twinkit` command. Its code is dist/cli.js, made by `npm run build`
// (source: src/sdk/adapters/couchdb/setup/cli.ts).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('twinkit: dist/cli.js is missing. In a git checkout of Twinkit, run `npm run build` first.');
  process.exit(1);
}
await import(cli.href);
