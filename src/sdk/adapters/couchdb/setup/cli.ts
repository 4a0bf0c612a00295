/// <reference types="node" />
/**
 * Entry point of the `twinkit` command (bin/twinkit.mjs runs its build, dist/cli.js).
 * In a checkout: node --import tsx src/sdk/adapters/couchdb/setup/cli.ts couchdb-setup --help
 */
import { main } from './run-cli.js';

process.exitCode = await main(process.argv.slice(2), process.env);
