import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { RawRecord } from '../../adapter.js';
import type { PushWrite, ReplicationRemote } from '../../replication/protocol.js';
import { MemoryProtocolServer } from '../../../test-support/memory-protocol-server.js';
import { TwinRemoteError } from '../couchdb/remote-error.js';
import { createSyncedAdapter, type SyncedAdapter } from './synced-adapter.js';

/**
 * The offline-first engine over a remote that offers only the protocol (pull and push): no
 * identity, no asking about lost answers, no branches, no files. The engine's own duties with
 * such a remote: write ids kept across lost answers, a new `source` read again in full, answers
 * that break the protocol stopped with a clear error.
 */
const space = 'protocol';
const fast = { minDelay: 20, maxDelay: 100, pollWait: 300 };
let counter = 0;
const adapters: SyncedAdapter[] = [];
const device = (remote: ReplicationRemote) => {
  const adapter = createSyncedAdapter({ remote, databaseName: `protocol-engine-${counter++}`, ...fast });
  adapters.push(adapter);
  return adapter;
};
after(async () => {
  for (const adapter of adapters) await adapter.close().catch(() => {});
});

const entry = (id: string, term: string): RawRecord => ({ id, space, collection: 'glossary', rev: '0-new', updatedAt: new Date().toISOString(), term });
const create = (adapter: SyncedAdapter, record: RawRecord) => adapter.write(space, [{ type: 'put', record, expectedRev: null }], { origin: 'user' });

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeout = 5000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the engine over a protocol-only remote', () => {
  it('brings one device\'s write to another through pull and push', async () => {
    const server = new MemoryProtocolServer();
    const a = device(server.remote());
    const b = device(server.remote());
    await b.sync.syncNow(space);
    await create(a, entry('e1', 'Brücke'));
    await a.sync.syncNow(space);
    const seen = await until(() => b.get(space, 'glossary', 'e1'), 'the entry on the other device');
    assert.equal(seen.term, 'Brücke');
    assert.match(seen.rev, /^1-/);
  });

  it('sends a write whose answer was lost again under its write id: the server applies it once', async () => {
    const server = new MemoryProtocolServer();
    let lose = 1;
    const sent: PushWrite[][] = [];
    const a = device(server.remote({ loseAnswer: (writes) => (sent.push(writes), lose-- > 0) }));
    await create(a, entry('e1', 'most'));
    await until(async () => (await a.sync.syncNow(space).then(() => true, () => false)) && a.sync.status().pending === 0, 'the outbox to empty');
    const first = sent[0].find((write) => write.id === 'e1')!;
    const again = sent.slice(1).flat().find((write) => write.id === 'e1')!;
    assert.equal(again.writeId, first.writeId, 'the same write id');
    assert.equal(server.records.get(server.key('glossary', 'e1'))!.rev.split('-')[0], '1', 'applied once: generation 1');
    assert.deepEqual(await a.sync.conflicts(space), [], 'nothing taken for a conflict');
  });

  it('after a lost answer and a new edit, the server ends with the newest version and no conflict', async () => {
    const server = new MemoryProtocolServer();
    let lose = true;
    const a = device(server.remote({ loseAnswer: () => lose }));
    await create(a, entry('e1', 'first'));
    await until(() => server.records.get(server.key('glossary', 'e1')), 'the write to land (answer lost)');
    const local = (await a.get(space, 'glossary', 'e1'))!;
    await a.write(space, [{ type: 'put', record: { ...local, term: 'second' }, expectedRev: local.rev }], { origin: 'user' });
    lose = false;
    await until(async () => (await a.sync.syncNow(space).then(() => true, () => false)) && a.sync.status().pending === 0, 'the outbox to empty');
    assert.equal(server.records.get(server.key('glossary', 'e1'))!.record!.term, 'second');
    assert.deepEqual(await a.sync.conflicts(space), []);
  });

  it('reads everything again from a server that names another source, and sends what it lost', async () => {
    const server = new MemoryProtocolServer();
    const a = device(server.remote());
    await create(a, entry('e1', 'kept'));
    await a.sync.syncNow(space);
    // Restored from a copy made before the write: the record is gone, and the copy says so.
    server.records.clear();
    server.source = 'copy-2';
    server.changed();
    await until(() => server.records.get(server.key('glossary', 'e1'))?.record, 'the device to send the record again', 8000);
    assert.equal(server.records.get(server.key('glossary', 'e1'))!.record!.term, 'kept');
  });

  it('starts again from the beginning when the server does not know its checkpoint', async () => {
    const server = new MemoryProtocolServer();
    let refuseCheckpoints = false;
    const asked: { checkpoint: string | number | null; limit: number }[] = [];
    const remote: ReplicationRemote = {
      ...server.remote(),
      pull: async (_space, checkpoint, options) => {
        asked.push({ checkpoint, limit: options.limit });
        if (refuseCheckpoints && checkpoint !== null) {
          refuseCheckpoints = false;
          throw new TwinRemoteError('bad-response', 'The server\'s pull: 400 this checkpoint was not issued here', { status: 400, serverCode: 'bad-checkpoint' });
        }
        return server.pull(checkpoint, options);
      },
    };
    const a = device(remote);
    await create(a, entry('e1', 'first'));
    await a.sync.syncNow(space);
    // The server forgot how its checkpoints read (a new version of it): the device reads from the start.
    refuseCheckpoints = true;
    server.push(space, [{ writeId: 'w-other', collection: 'glossary', id: 'e2', baseRev: null, record: entry('e2', 'from elsewhere') }], 'other');
    server.changed();
    const seen = await until(() => a.get(space, 'glossary', 'e2'), 'the other device\'s entry, read from the start');
    assert.equal(seen.term, 'from elsewhere');
    // After the refusal, a whole page from the start (not only the one-change question of which copy answers).
    const refused = asked.findIndex((pull) => pull.checkpoint !== null && pull.limit > 1);
    assert.ok(asked.slice(refused + 1).some((pull) => pull.checkpoint === null && pull.limit > 1), `a full pull from the start after the refusal: ${JSON.stringify(asked)}`);
    assert.deepEqual(await a.sync.conflicts(space), [], 'its own entry, read again, is no conflict');
  });

  it('stops with a clear error on an answer that breaks the protocol, and stores nothing of it', async () => {
    const server = new MemoryProtocolServer();
    const remote: ReplicationRemote = { ...server.remote(), pull: async () => ({ source: 'x', checkpoint: '1', more: false, changes: [{ collection: 'glossary', id: 'e9', rev: 'seven', record: entry('e9', 'bad') }] }) };
    const a = device(remote);
    void a.sync.syncNow(space).catch(() => {}); // retried: a proxy's page in the way may go again
    const error = await until(() => a.sync.status().error, 'the sync to report the broken answer');
    assert.match(error.message, /does not follow the replication protocol: changes\.0\.rev must be a revision/);
    assert.equal(await a.get(space, 'glossary', 'e9'), undefined);
  });

  it('keeps files on the device when the remote takes none, and still sends the records', async () => {
    const server = new MemoryProtocolServer();
    const a = device(server.remote());
    const file = await a.putAttachment(space, new Blob(['png'], { type: 'image/png' }));
    await create(a, { ...entry('e1', 'with a picture'), image: file.id });
    await until(async () => (await a.sync.syncNow(space).then(() => true, () => false)) && a.sync.status().pending === 0, 'the outbox to empty');
    assert.ok(server.records.get(server.key('glossary', 'e1')));
    assert.ok(await a.getAttachment(space, file.id), 'the file stays here');
  });
});
