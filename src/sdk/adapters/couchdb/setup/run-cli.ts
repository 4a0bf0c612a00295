/// <reference types="node" />
/**
 * The `twinkit` command: which command to run, its output, and its exit code.
 * 0 done, 1 the server could not be reached or refused, 2 wrong arguments.
 */
import { readFile } from 'node:fs/promises';
import { adminCredentials, COMMANDS_USAGE, parseSetupArguments, UsageError, USAGE, type SetupArguments } from './cli-args.js';
import { configureCors } from './configure-cors.js';
import { CouchSetupError } from './couch-request.js';
import { setupCouchSpace } from './couchdb-setup.js';
import { parseMembers } from './members.js';

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

const consoleOutput: CliOutput = { out: (line) => console.log(line), err: (line) => console.error(line) };

export async function main(argv: readonly string[], env: Record<string, string | undefined>, output: CliOutput = consoleOutput): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help') {
    output.out(COMMANDS_USAGE);
    return 0;
  }
  if (command !== 'couchdb-setup') {
    output.err(command ? `twinkit: unknown command "${command}".\n\n${COMMANDS_USAGE}` : COMMANDS_USAGE);
    return 2;
  }
  try {
    const args = parseSetupArguments(rest);
    if (args === 'help') {
      output.out(USAGE);
      return 0;
    }
    await runSetup(args, env, output);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`twinkit couchdb-setup: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof CouchSetupError) {
      output.err(`twinkit couchdb-setup: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

async function runSetup(args: SetupArguments, env: Record<string, string | undefined>, output: CliOutput) {
  const admin = adminCredentials(args.admin, env);
  const members = args.membersFile ? parseMembers(await readJson(args.membersFile)) : undefined;
  const report = await setupCouchSpace({
    url: args.url,
    space: args.space,
    moderation: args.moderation,
    allowSignup: args.allowSignup,
    admin,
    ...(args.layout ? { layout: args.layout } : {}),
    ...(args.replicationUrl ? { replicationUrl: args.replicationUrl } : {}),
    ...(members ? { members } : {}),
  });
  output.out(`Space "${args.space}" on ${args.url}:`);
  for (const line of report.summary) output.out(`  ${line}`);
  if (args.corsOrigin) {
    const cors = await configureCors({ url: args.url, admin, origin: args.corsOrigin });
    output.out(`  ${cors.summary}`);
  }
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CouchSetupError(`Could not read the members file ${file} (${(error as Error).message}).`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CouchSetupError(`The members file ${file} is not valid JSON (${(error as Error).message}).`);
  }
}
