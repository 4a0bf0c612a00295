/**
 * Who this device reads and writes as, from the server's own session: the CouchDB user name and
 * the roles the setup gave them in the space (`twinkit.<space>.<role>`, and for a school's
 * members `twinkit.<space>.school.<school>`). The server is the authority on what a person may
 * read, so the device asks it rather than trusting the page's idea of the user.
 */
import { audienceIncludes, type Audience } from '../../../policy/audience.js';
import type { TwinUser } from '../../../policy/roles.js';
import { memberFromRoles } from '../audience-databases.js';
import { TwinRemoteError } from '../remote-error.js';
import type { CouchClient } from '../couch-http.js';
import { feedsOf } from './reading-rooms.js';

export interface Reader {
  user: TwinUser;
  /** The databases this device follows (reading-rooms.ts `feedsOf`): the space's and the reader's rooms (none for observers). */
  feeds: string[];
  /** May this reader read what `audience` holds? */
  reads(audience: Audience): boolean;
}

export function readerOf(space: string, name: string, roles: readonly string[]): Reader {
  const member = memberFromRoles(space, name, roles);
  if (!member) {
    throw new TwinRemoteError('forbidden', `${name} has no role in the space "${space}" on this server. A server admin adds members with: npx twinkit couchdb-setup`, { status: 403 });
  }
  const user: TwinUser = { ...member, name };
  return { user, feeds: feedsOf(space, user), reads: (audience) => audienceIncludes(audience, user) };
}

export async function signedInReader(client: CouchClient, space: string): Promise<Reader> {
  const { body } = await client.json<{ userCtx?: { name?: string | null; roles?: string[] } }>('GET', '/_session');
  const name = body.userCtx?.name;
  if (!name) throw new TwinRemoteError('unauthorized', 'Not signed in to the server: sign in to sync this space.', { status: 401 });
  return readerOf(space, name, body.userCtx?.roles ?? []);
}
