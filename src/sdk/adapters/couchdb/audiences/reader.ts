/**
 * Who this device reads and writes as, from the server's own session: the CouchDB user name and
 * the roles the setup gave them in the space (`twinkit.<space>.<role>`, and for a school's
 * members `twinkit.<space>.school.<school>`). The server is the authority on what a person may
 * read, so the device asks it rather than trusting the page's idea of the user.
 */
import { audienceIncludes, type Audience } from '../../../policy/audience.js';
import { ROLES, type Role, type TwinUser } from '../../../policy/roles.js';
import { TwinRemoteError } from '../remote-error.js';
import type { CouchClient } from '../couch-http.js';
import { spaceRole } from '../couch-names.js';
import { feedsOf } from './reading-rooms.js';

export interface Reader {
  user: TwinUser;
  /** The databases this device follows (reading-rooms.ts `feedsOf`): the space's and the reader's rooms (none for observers). */
  feeds: string[];
  /** May this reader read what `audience` holds? */
  reads(audience: Audience): boolean;
}

/** Undoes `safeName`: `(41)nna` is `Anna`. */
const unsafeName = (safe: string) => safe.replace(/\(([0-9a-f]+)\)/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));

export function readerOf(space: string, name: string, roles: readonly string[]): Reader {
  const role = ROLES.find((each) => roles.includes(spaceRole(space, each)));
  if (!role) {
    throw new TwinRemoteError('forbidden', `${name} has no role in the space "${space}" on this server. A server admin adds members with: npx twinkit couchdb-setup`, { status: 403 });
  }
  const schoolPrefix = `twinkit.${space}.school.`;
  const schoolRole = roles.find((each) => each.startsWith(schoolPrefix));
  const user: TwinUser = { id: name, name, role: role as Role, ...(schoolRole ? { school: unsafeName(schoolRole.slice(schoolPrefix.length)) } : {}) };
  return { user, feeds: feedsOf(space, user), reads: (audience) => audienceIncludes(audience, user) };
}

export async function signedInReader(client: CouchClient, space: string): Promise<Reader> {
  const { body } = await client.json<{ userCtx?: { name?: string | null; roles?: string[] } }>('GET', '/_session');
  const name = body.userCtx?.name;
  if (!name) throw new TwinRemoteError('unauthorized', 'Not signed in to the server: sign in to sync this space.', { status: 401 });
  return readerOf(space, name, body.userCtx?.roles ?? []);
}
