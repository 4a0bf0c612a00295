import { after, describe, it } from 'node:test';
import { startFaultProxy } from '../../../../scripts/couch/fault-proxy.mjs';
import { startCouchServer } from '../../../../scripts/couch/start-couch-server.mjs';
import { runAdapterConformance } from '../../conformance/index.js';
import { createTestDatabase } from '../../../test-support/couch-site.js';
import { createCouchDBAdapter } from './couchdb-adapter.js';

const server = await startCouchServer();
const proxy = await startFaultProxy(server.url);
after(async () => {
  await proxy.stop();
  await server.stop();
});

for (const feed of ['longpoll', 'continuous'] as const)
runAdapterConformance({
  name: `couchdb, ${feed} feed (pouchdb-server on 127.0.0.1)`,
  describe,
  it,
  async createSite() {
    const database = await createTestDatabase(server);
    return {
      open: () => createCouchDBAdapter({ url: proxy.url, headers: server.adminHeaders, database: (space) => `${database.name}-${space}`, ensureDatabase: true, feed }),
      destroy: database.destroy,
    };
  },
});
