/**
 * The reference server as a command:
 *   node --import tsx src/server/cli.ts --data <dir> --config <spaces.json> [--port N] [--host 127.0.0.1] [--allow-origin <origin>]...
 * `spaces.json`: { "<space id>": { "moderation": "pupils", "members": [{ "id", "name", "password", "role", "school"? }] } }.
 * Prints `Twinkit reference server: <url>` once it listens; stops on Ctrl+C or SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startReferenceServer } from './reference-server.js';
import type { SpacesConfig } from './server-config.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    config: { type: 'string' },
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    'allow-origin': { type: 'string', multiple: true, default: [] },
  },
});

if (!values.data || !values.config) {
  console.error('Usage: node --import tsx src/server/cli.ts --data <dir> --config <spaces.json> [--port N] [--host 127.0.0.1] [--allow-origin <origin>]');
  process.exit(2);
}

const spaces = JSON.parse(readFileSync(values.config, 'utf8')) as SpacesConfig;
const server = await startReferenceServer({
  dataDir: values.data,
  spaces,
  host: values.host,
  port: Number(values.port),
  allowedOrigins: values['allow-origin'],
});
console.log(`Twinkit reference server: ${server.url}`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
