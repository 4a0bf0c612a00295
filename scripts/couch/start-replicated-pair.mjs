// Two pouchdb-servers replicating named databases both ways, continuously: "a school's server and
// a central one" for tests.
//
// Each server PULLS from the other (a `_replicator` document on the target's server, the source a URL
// with the other server's admin credentials, the target a local database name). Pushing over HTTP does
// not work on pouchdb-server 4.2: its validation plugin (pouchdb-validation) replaces a written
// document's `_revisions` with those of the stored version before running `validate_doc_update`, so
// an update replicated with `new_edits: false` into a database that has one is answered as a success
// and not stored (a creation has no stored version and survives). A local target is written without
// that plugin. Apache CouchDB does not have this fault.
import { startCouchServer } from './start-couch-server.mjs';

/** `_replicator` document id of the pull of `database` into this server. */
const pullId = (database) => `twinkit-pull-${database}`;

/** The server's URL with its admin's credentials in it, which PouchDB's replicator sends as Basic auth. */
function urlWithCredentials(server, database) {
  const url = new URL(`/${encodeURIComponent(database)}`, server.url);
  url.username = encodeURIComponent(server.admin.name);
  url.password = encodeURIComponent(server.admin.password);
  return url.href;
}

async function call(server, method, path, body, accept = []) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...server.adminHeaders, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok && !accept.includes(response.status)) throw new Error(`${method} ${server.url}${path}: ${response.status} ${JSON.stringify(answer)}`);
  return { status: response.status, body: answer };
}

/**
 * @param {{ databases: string[], replicate?: boolean }} options `replicate: false` starts no
 *   replication yet (call `start()`), so that each server can first be written alone.
 */
export async function startReplicatedPair({ databases, replicate = true }) {
  if (!databases?.length) throw new Error('startReplicatedPair needs the names of the databases to replicate.');
  const a = await startCouchServer();
  let b;
  try {
    b = await startCouchServer();
  } catch (error) {
    await a.stop();
    throw error;
  }
  const directions = [
    { from: a, to: b },
    { from: b, to: a },
  ];
  // A pull's source must exist, or the first attempts fail (pouchdb-server retries, but later).
  for (const server of [a, b]) for (const database of databases) await call(server, 'PUT', `/${encodeURIComponent(database)}`, undefined, [412]);

  const pair = {
    a,
    b,
    databases,
    /** Starts continuous replication both ways (again, if a document was removed); safe to repeat. */
    async start() {
      for (const { from, to } of directions) {
        for (const database of databases) {
          const doc = { source: urlWithCredentials(from, database), target: database, continuous: true };
          await call(to, 'PUT', `/_replicator/${pullId(database)}`, doc, [409]);
        }
      }
    },
    /** One replication both ways, A to B then B to A, done when it resolves. */
    async replicateOnce() {
      for (const { from, to } of directions) {
        for (const database of databases) await call(to, 'POST', '/_replicate', { source: urlWithCredentials(from, database), target: database });
      }
    },
    async stop() {
      await Promise.all([a.stop(), b.stop()]);
    },
  };
  if (replicate) await pair.start();
  return pair;
}
