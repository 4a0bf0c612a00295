import assert from 'node:assert/strict';
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

describe('couchdb adapter: the server\'s current versions, for sync', () => {
  it('gives a deleted record\'s revision, so an old deletion is never taken for news', async () => {
    const database = await createTestDatabase(server);
    const adapter = createCouchDBAdapter({ url: server.url, headers: server.adminHeaders, database: (space) => `${database.name}-${space}`, ensureDatabase: true });
    try {
      const record = { id: 'r1', collection: 'notes', space: 'v', rev: '', updatedAt: '2026-01-01T00:00:00.000Z', text: 'hello' };
      const [created] = await adapter.write('v', [{ type: 'put', record, expectedRev: null }], { origin: 'test' });
      const [kept, gone, never] = await adapter.currentVersions('v', [
        { collection: 'notes', id: 'r1' },
        { collection: 'notes', id: 'r2' },
        { collection: 'notes', id: 'missing' },
      ]);
      assert.ok(created.ok && kept.rev === created.rev && kept.record?.text === 'hello');
      assert.deepEqual(never, { rev: '', record: undefined });
      assert.equal(gone.rev, '');
      await adapter.write('v', [{ type: 'delete', collection: 'notes', id: 'r1', expectedRev: kept.rev }], { origin: 'test' });
      const [deleted] = await adapter.currentVersions('v', [{ collection: 'notes', id: 'r1' }]);
      assert.equal(deleted.record, undefined);
      assert.match(deleted.rev, /^2-/, 'the deletion\'s revision');
    } finally {
      await adapter.close();
      await database.destroy();
    }
  });
});
