import { createCouchDBAdapter } from '../couchdb/couchdb-adapter.js';
import { parseCouchDBOptions } from '../couchdb/couchdb-options.js';
import { createSyncedAdapter, type SyncedAdapter } from './synced-adapter.js';

/**
 * `<twin-space adapter="couchdb">`: the offline-first adapter over a CouchDB server, from the page's
 * `adapter-options`. The bundle for a script tag loads this from twinkit-couchdb.js when first used.
 */
export function createSyncedCouchDB(options: unknown): SyncedAdapter {
  const parsed = parseCouchDBOptions(options);
  // One local copy per server and person: two people signing in on one browser never share an
  // outbox (the server would refuse one's writes sent as the other).
  const person = parsed.credentials?.name ?? parsed.localName ?? 'guest';
  const databaseName = `twinkit-sync-${`${parsed.url}-${person}`.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
  return createSyncedAdapter({ remote: createCouchDBAdapter(parsed), databaseName });
}
