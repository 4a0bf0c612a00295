/**
 * The arguments of `twinkit couchdb-setup`, read without touching the server, so that a mistake
 * is reported before anything changes.
 */
import { MODERATION_MODES, type ModerationMode } from '../../../policy/roles.js';
import { checkOrigin } from './configure-cors.js';
import type { CouchLayout } from './couchdb-setup.js';

export const USAGE = `Usage: twinkit couchdb-setup --url <server> --space <id> [options]

Prepares a CouchDB server (Apache CouchDB 3, or pouchdb-server) for one Twinkit space: its
database, the design document that enforces the space's rules on the server, the database's
security, and the members' CouchDB users. Running it again updates what differs.

Options:
  --url <server>             the server's address, e.g. http://127.0.0.1:5984
  --space <id>               the space id, as in <twin-space space="...">
  --moderation <mode>        off (default), pupils or all, as in <twin-space moderation="...">
  --members <file.json>      the space's members: [{ "id", "name", "role", "password"?, "school"? }];
                             a user not in the file loses their roles in this space;
                             leave out to keep the members the server has
  --layout <layout>          audiences (default): one database per audience (who may read a
                             record), and a reading room per reader that the server's _replicator
                             fills; space: one database that every member reads whole
  --replication-url <url>    with the audiences layout: the server's address as the server itself
                             reaches it, for its _replicator (default: --url)
  --cors-origin <origin>     let pages on this origin (https://school.example) call the server
  --allow-signup             let anyone create a user, with no roles (server-wide; default: closed)
  --admin <name:password>    a server admin; or set COUCHDB_USER and COUCHDB_PASSWORD
  -h, --help                 show this help

Exit codes: 0 done, 1 the server could not be reached or refused, 2 wrong arguments.`;

export const COMMANDS_USAGE = `Usage: twinkit <command> [options]

Commands:
  couchdb-setup    prepare a CouchDB server for a Twinkit space (twinkit couchdb-setup --help)`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface SetupArguments {
  url: string;
  space: string;
  moderation: ModerationMode;
  membersFile?: string;
  corsOrigin?: string;
  allowSignup: boolean;
  /** From --layout; left out when not given (the setup's default, `audiences`). */
  layout?: CouchLayout;
  replicationUrl?: string;
  /** From --admin; the environment is consulted later, by the caller. */
  admin?: { name: string; password: string };
}

const VALUE_OPTIONS = ['url', 'space', 'moderation', 'members', 'cors-origin', 'admin', 'layout', 'replication-url'] as const;
const LAYOUTS: readonly CouchLayout[] = ['space', 'audiences'];
type ValueOption = (typeof VALUE_OPTIONS)[number];

/** The arguments after `couchdb-setup`; `help` when asked for. Throws UsageError on a mistake. */
export function parseSetupArguments(args: readonly string[]): SetupArguments | 'help' {
  const values: Partial<Record<ValueOption, string>> = {};
  let allowSignup = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '--allow-signup') {
      allowSignup = true;
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`Unexpected argument "${arg}".`);
    const equals = arg.indexOf('=');
    const key = arg.slice(2, equals === -1 ? undefined : equals) as ValueOption;
    if (!VALUE_OPTIONS.includes(key)) throw new UsageError(`Unknown option "--${key}".`);
    const value = equals === -1 ? args[++i] : arg.slice(equals + 1);
    if (value === undefined || value === '' || (equals === -1 && value.startsWith('--'))) throw new UsageError(`--${key} needs a value.`);
    values[key] = value;
  }
  if (!values.url) throw new UsageError('Give the server with --url, e.g. --url http://127.0.0.1:5984.');
  if (!values.space) throw new UsageError('Give the space with --space, the id used in <twin-space space="...">.');
  const moderation = (values.moderation ?? 'off') as ModerationMode;
  if (!MODERATION_MODES.includes(moderation)) throw new UsageError(`--moderation must be one of ${MODERATION_MODES.join(', ')}, not "${values.moderation}".`);
  const layout = (values.layout ?? 'audiences') as CouchLayout;
  if (!LAYOUTS.includes(layout)) throw new UsageError(`--layout must be one of ${LAYOUTS.join(', ')}, not "${values.layout}".`);
  if (values['replication-url'] && layout !== 'audiences') throw new UsageError('--replication-url is for the audiences layout, not --layout space.');
  if (values['cors-origin']) {
    try {
      checkOrigin(values['cors-origin']);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  return {
    url: values.url,
    space: values.space,
    moderation,
    allowSignup,
    ...(values.layout ? { layout } : {}),
    ...(values['replication-url'] ? { replicationUrl: values['replication-url'] } : {}),
    ...(values.members ? { membersFile: values.members } : {}),
    ...(values['cors-origin'] ? { corsOrigin: values['cors-origin'] } : {}),
    ...(values.admin ? { admin: parseAdmin(values.admin, '--admin') } : {}),
  };
}

/** The admin from --admin, else from COUCHDB_USER and COUCHDB_PASSWORD. */
export function adminCredentials(fromArgs: SetupArguments['admin'], env: Record<string, string | undefined>): { name: string; password: string } {
  if (fromArgs) return fromArgs;
  if (env.COUCHDB_USER && env.COUCHDB_PASSWORD) return { name: env.COUCHDB_USER, password: env.COUCHDB_PASSWORD };
  throw new UsageError("Give a server admin's name and password: --admin name:password, or set COUCHDB_USER and COUCHDB_PASSWORD.");
}

function parseAdmin(value: string, where: string) {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1) throw new UsageError(`${where} must be name:password.`);
  return { name: value.slice(0, colon), password: value.slice(colon + 1) };
}
