// Node-side helpers for tests against a real CouchDB-protocol server (pouchdb-server on 127.0.0.1).
import type { CouchServer } from '../../scripts/couch/start-couch-server.mjs';
import { DESIGN_DOC_ID } from '../sdk/adapters/couchdb/couch-names.js';
import { VIEWS } from '../sdk/adapters/couchdb/design/views.js';

let counter = 0;

/** A fresh, empty database with the Twinkit views (no rules: admin requests), for one test. */
export async function createTestDatabase(server: CouchServer, name = `test-${Date.now().toString(36)}-${counter++}`) {
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { ...server.adminHeaders, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(async (response) => {
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    });
  await admin('PUT', `/${name}`);
  await admin('PUT', `/${name}/${DESIGN_DOC_ID}`, { views: VIEWS, language: 'javascript' });
  // Removes this database and those made from it for other spaces (`<name>-<space>`).
  const destroy = async () => {
    const all = (await admin('GET', '/_all_dbs')) as string[];
    for (const db of all.filter((db) => db === name || db.startsWith(`${name}-`))) await admin('DELETE', `/${db}`);
  };
  return { name, destroy };
}
