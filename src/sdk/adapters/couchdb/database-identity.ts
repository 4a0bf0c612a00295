import { randomId } from '../../revision.js';
import type { CouchClient } from './couch-http.js';
import type { Checkpoint } from './changes-feed.js';

/** Not replicated and not in a backup made by replication: a new or restored database gets a new one. */
const IDENTITY_DOC = '_local/twinkit-database';

export interface DatabaseIdentity {
  /** Tells this database apart from a re-created, restored or different one of the same name. */
  id: string;
  /** The sequence the database is at now. */
  updateSeq: Checkpoint;
}

/**
 * The identity of a space's database, made on first use by whichever device comes first. A sync
 * checkpoint is only valid for the database that gave it.
 */
export async function databaseIdentity(client: CouchClient, database: string): Promise<DatabaseIdentity> {
  const path = `/${encodeURIComponent(database)}`;
  const info = await client.json<{ update_seq?: Checkpoint; instance_start_time?: string }>('GET', path);
  const updateSeq = info.body.update_seq ?? 0;
  for (let attempt = 0; attempt < 3; attempt++) {
    const { status, body } = await client.json<{ id?: string }>('GET', `${path}/${IDENTITY_DOC}`, { accept: [404] });
    if (status !== 404 && typeof body.id === 'string') return { id: body.id, updateSeq };
    // 409: another device made it at the same moment; read theirs. 401/403: a reader who may not
    // write it; fall back to what the server says of the database itself.
    const made = await client.json('PUT', `${path}/${IDENTITY_DOC}`, { body: { id: randomId(16) }, accept: [409, 401, 403] });
    if (made.status === 401 || made.status === 403) return { id: `${database}@${info.body.instance_start_time ?? '0'}`, updateSeq };
  }
  throw new Error(`Could not read or create ${IDENTITY_DOC} in ${database}.`);
}

/** A checkpoint's position as a number (CouchDB 3's are "123-g1AAA…"; pouchdb-server's are numbers). */
export const sequenceNumber = (checkpoint: Checkpoint) => (typeof checkpoint === 'number' ? checkpoint : Number.parseInt(checkpoint, 10) || 0);
