import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLayoutRemote } from './layout-remote.js';

/**
 * How the page learns the space's layout, with a stand-in server (the real one is in
 * layout-remote.test.ts): a space never set up is said so, and a space seen with one database
 * per audience is never synced as one database again.
 */
function serverSaying(design: () => { status: number; body: unknown }) {
  return async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url.includes('/_design/twinkit')) {
      const { status, body } = design();
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    }
    return new Response(JSON.stringify({ error: 'unavailable', reason: 'not in this test' }), { status: 503, headers: { 'content-type': 'application/json' } });
  };
}
const local = { get: async () => undefined, recordsUsing: async () => [], recordsIn: async () => [] };

describe('the layout a page follows', () => {
  it('says a space was never set up when it has no design document', async () => {
    const remote = createLayoutRemote({ url: 'http://127.0.0.1:1', fetch: serverSaying(() => ({ status: 404, body: { error: 'not_found', reason: 'missing' } })), local });
    await assert.rejects(remote.identity!('coasts'), /no Twinkit space "coasts".*npx twinkit couchdb-setup/);
  });

  it('refuses to sync a space as one database once it was seen with one per audience', async () => {
    let layout = 'audiences';
    const remote = createLayoutRemote({ url: 'http://127.0.0.1:1', fetch: serverSaying(() => ({ status: 200, body: { _id: '_design/twinkit', twinkitLayout: layout } })), local });
    // One database per audience: the audience remote goes on (and meets this test's 503).
    await assert.rejects(remote.identity!('coasts'), (error: Error) => !/went back/.test(error.message));
    layout = 'space';
    await assert.rejects(remote.identity!('coasts'), /went back to one database/);
    await assert.rejects(remote.push('coasts', [], { origin: 'device-1' }), /went back to one database/);
  });
});
