import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { RawRecord, WriteOptions } from '../../adapter.js';
import type { PushResult, PushWrite } from '../../replication/protocol.js';
import { createIndexedDBAdapter, type IndexedDBAdapter } from '../indexeddb/indexeddb-adapter.js';
import { applyRemote, type PulledWriteOptions } from './apply-remote.js';
import { takeInBranches } from './branches.js';
import { headsNeedingBodies } from './change-heads.js';
import { pushOutbox, type PushContext } from './push-outbox.js';
import { TwinRemoteError } from '../couchdb/remote-error.js';
import { SpaceSync } from './space-sync.js';
import { syncJournal } from './sync-journal.js';
import type { SyncConflict } from './sync-status.js';
import type { SyncRemote } from './sync-remote.js';

/**
 * Single steps of the sync engine against a server played in memory (fake IndexedDB locally): the
 * orders of events that the end-to-end tests reach only by chance.
 */
const space = 's';
let counter = 0;
const devices: IndexedDBAdapter[] = [];
const device = () => {
  const local = createIndexedDBAdapter({ databaseName: `engine-case-${counter++}`, journal: syncJournal });
  devices.push(local);
  return local;
};
// Each adapter holds a BroadcastChannel open: closed, so the test process can end.
after(async () => {
  for (const local of devices) await local.close();
});
const base = { id: 'x', space, collection: 'glossary', updatedAt: '2026-01-01T00:00:00.000Z', f: 'base', g: 'base' };
type Doc = RawRecord & Record<string, unknown>;

/** Writes `record` as if pulled from `source` at `remoteRev`: the device is in step with it. */
async function pulled(local: IndexedDBAdapter, record: Doc, remoteRev: string, source: string) {
  const options: PulledWriteOptions = { origin: 'sync', pulled: new Map([[`${record.collection}\u0000${record.id}`, { remoteRev, source }]]) };
  await local.write(space, [{ type: 'put', record, expectedRev: null }], options);
}

async function edit(local: IndexedDBAdapter, change: Record<string, unknown>) {
  const current = (await local.get(space, 'glossary', 'x'))!;
  await local.write(space, [{ type: 'put', record: { ...current, ...change }, expectedRev: current.rev }], { origin: 'user' } as WriteOptions);
}

/** One document on a server that checks revisions. */
function oneDocumentServer(initial: Doc) {
  let doc = initial;
  let next = 10;
  const remote = {
    push: async (_space: string, writes: PushWrite[]): Promise<PushResult[]> =>
      writes.map((write) => {
        if (write.baseRev !== doc.rev) return { status: 'conflict', current: { rev: doc.rev, record: doc } };
        doc = { ...(write.record as Doc), rev: `${Number.parseInt(doc.rev, 10) + 1}-${next++}` };
        return { status: 'ok', rev: doc.rev };
      }),
    currentVersions: async () => [{ rev: doc.rev, record: doc }],
    findLandedWrites: async () => [],
  };
  return { remote: remote as unknown as SyncRemote, get doc() { return doc; } };
}

function pushContext(local: IndexedDBAdapter, remote: SyncRemote, source: string, kept: SyncConflict[]): PushContext {
  const keep = async (conflicts: SyncConflict[]) => void kept.push(...conflicts);
  return { local, remote, space, origin: 'device', source, applyRemote: (versions) => applyRemote({ local, space, source, keep }, versions), keep, verifySource: async () => {} };
}

async function pushAll(context: PushContext) {
  for (let round = 0; round < 10; round++) if ((await pushOutbox(context)) === 0) return;
  assert.fail('the outbox never emptied');
}

describe('sync engine: orders of events', () => {
  it('merges a second losing branch onto the first merge, or keeps it: never over it', async () => {
    const local = device();
    const winner = { ...base, c: 3, rev: '2-w' };
    await pulled(local, winner, '2-w', 'src');
    const pruned: string[] = [];
    const kept: SyncConflict[] = [];
    const common = { ...base, rev: '1-b' };
    const remote = {
      readBranches: async () => ({ winner, winnerRev: '2-w', losers: [{ rev: '2-a', record: { ...base, a: 1, rev: '2-a' }, base: common }, { rev: '2-b', record: { ...base, b: 2, rev: '2-b' }, base: common }] }),
      pruneBranch: async (_s: string, _c: string, _i: string, rev: string) => void pruned.push(rev),
    } as unknown as SyncRemote;
    await takeInBranches({ local, remote, space, keep: async (conflicts) => void kept.push(...conflicts) }, [{ collection: 'glossary', id: 'x' }]);
    const now = (await local.get(space, 'glossary', 'x')) as Doc;
    assert.equal(now.a, 1, 'the first loser\'s change');
    assert.equal(now.c, 3, 'the winner\'s change');
    assert.deepEqual(pruned, ['2-a']);
    assert.deepEqual(kept.map((each) => (each.mine as Doc).b), [2], 'the second loser, kept for a person');
  });

  it('reads a revision that overtook its own write durably: the entry stays until the server\'s version is in', async () => {
    const local = device();
    await pulled(local, { ...base, rev: '1-a' }, '1-a', 'src');
    await edit(local, { f: 'mine' });
    const server = oneDocumentServer({ ...base, rev: '1-a' });
    const remote = {
      ...server.remote,
      push: async (...args: Parameters<SyncRemote['push']>) => {
        const outcomes = await server.remote.push(...args);
        // Another device writes on top at once, and the pull (reading heads while the push runs) sees it.
        await headsNeedingBodies(local, space, 'src', [{ collection: 'glossary', id: 'x', revs: ['9-other'] }]);
        return outcomes;
      },
    } as SyncRemote;
    const kept: SyncConflict[] = [];
    await pushOutbox(pushContext(local, remote, 'src', kept));
    const db = await local.database();
    assert.equal((await db.getAll('outbox')).length, 1, 'still waiting: the server has a newer version to read');
  });

  it('after a restore, merges a change waiting here with one made there meanwhile', async () => {
    const local = device();
    await pulled(local, { ...base, rev: '4-x' }, '4-x', 'old');
    await edit(local, { g: 'mine' });
    const server = oneDocumentServer({ ...base, f: 'theirs', rev: '5-y' });
    const kept: SyncConflict[] = [];
    await applyRemote({ local, space, source: 'new', keep: async (k) => void kept.push(...k) }, [{ collection: 'glossary', id: 'x', remoteRev: '5-y', record: server.doc, origin: 'other' }]);
    await pushAll(pushContext(local, server.remote, 'new', kept));
    assert.equal(server.doc.f, 'theirs');
    assert.equal(server.doc.g, 'mine');
    assert.deepEqual(kept, []);
  });

  it('keeps the version sent of a write that lost, for a server that cannot be asked: a crash while deciding sends the same write again, never a deletion', async () => {
    const local = device();
    await pulled(local, { ...base, rev: '1-a' }, '1-a', 'src');
    await edit(local, { f: 'mine' });
    const server = oneDocumentServer({ ...base, f: 'theirs', rev: '2-b' });
    // A protocol-only server (no asking whether a write landed), and a tab that stops while keeping the conflict.
    const { findLandedWrites: _asks, currentVersions: _versions, ...protocolOnly } = server.remote as SyncRemote & Record<string, unknown>;
    const context = { ...pushContext(local, protocolOnly as SyncRemote, 'src', []), keep: async () => { throw new Error('the tab closed'); } };
    await assert.rejects(pushOutbox(context), /the tab closed/);
    const [flight] = await (await local.database()).getAll('sync-flights');
    assert.equal(flight.writes.length, 1, 'the lost write is still noted');
    assert.equal((flight.writes[0].record as Doc | undefined)?.f, 'mine', 'with the version it sent, so it goes again as a put');
  });

  it('after a database was made anew, does not take its own older copy for a newer one', async () => {
    const local = device();
    await pulled(local, { ...base, rev: '7-x' }, '7-x', 'old');
    const server = oneDocumentServer({ ...base, f: 'B edited offline', rev: '1-b' });
    const kept: SyncConflict[] = [];
    await applyRemote({ local, space, source: 'new', keep: async (k) => void kept.push(...k) }, [{ collection: 'glossary', id: 'x', remoteRev: '1-b', record: server.doc, origin: 'B' }]);
    await pushAll(pushContext(local, server.remote, 'new', kept));
    assert.equal(server.doc.f, 'B edited offline', 'B\'s edit stays on the server');
    assert.equal(((await local.get(space, 'glossary', 'x')) as Doc).f, 'B edited offline');
    assert.deepEqual(kept.map((each) => (each.mine as Doc).f), ['base'], 'the copy it replaced, kept for a person');
  });

  it('answers syncNow with a failure that waiting will not mend, and waits out an outage', async () => {
    const local = device();
    let failure: TwinRemoteError | undefined = new TwinRemoteError('offline', 'The server cannot be reached.');
    const remote = {
      identity: async () => {
        if (failure) throw failure;
        return { id: 'db1', updateSeq: 0 };
      },
      pull: async (_s: string, since: number | null) => ({ source: 'db1', changes: [], more: false, checkpoint: since ?? 0 }),
    } as unknown as SyncRemote;
    const sync = new SpaceSync({ local, remote, space, origin: 'device', minDelay: 20, maxDelay: 40, pollWait: 50, onStatus() {}, onConflict() {}, onPushed() {} });
    const running = sync.run();
    try {
      const offline = sync.syncNow().then(() => 'resolved', (error: Error) => error.message);
      assert.equal(await Promise.race([offline, new Promise((resolve) => setTimeout(() => resolve('waiting'), 300))]), 'waiting', 'an outage is waited out');
      failure = new TwinRemoteError('unauthorized', 'Not signed in to the server.');
      assert.equal(await offline, 'Not signed in to the server.');
      failure = undefined;
      await sync.syncNow();
    } finally {
      sync.stop();
      await running.catch(() => {});
    }
  });

  it('keeps reading others\' changes while this device writes without a pause, and syncNow resolves', async () => {
    const local = device();
    const sleep = (ms: number, signal?: AbortSignal) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('aborted'))), { once: true });
      });
    let reads = 0;
    let seq = 0;
    const remote = {
      identity: async () => ({ id: 'db1', updateSeq: seq }),
      pull: async (_s: string, since: number | null, options: { wait: number; signal?: AbortSignal }) => {
        reads++;
        if (options.wait) await sleep(options.wait * 1000, options.signal);
        return { source: 'db1', changes: [], more: false, checkpoint: since ?? 0 };
      },
      push: async (_s: string, writes: PushWrite[]): Promise<PushResult[]> => {
        await sleep(20);
        return writes.map(() => ({ status: 'ok', rev: `1-${++seq}` }));
      },
      findLandedWrites: async () => [],
      currentVersions: async () => [],
      readBranches: async () => ({ winner: undefined, winnerRev: undefined, losers: [] }),
      pruneBranch: async () => {},
    } as unknown as SyncRemote;
    const sync = new SpaceSync({ local, remote, space, origin: 'device', minDelay: 50, maxDelay: 400, pollWait: 300, onStatus() {}, onConflict() {}, onPushed() {} });
    const unsubscribe = local.subscribe(space, () => sync.kick());
    const running = sync.run();
    await sleep(500);
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await local.write(space, [{ type: 'put', record: { id: `w${written++}`, space, collection: 'glossary', updatedAt: new Date().toISOString(), rev: '' }, expectedRev: null }], { origin: 'user' } as WriteOptions);
        await sleep(2);
      }
    })();
    try {
      await sleep(300);
      const before = reads;
      await sleep(2000);
      assert.ok(reads - before >= 3, `the pull read ${reads - before} times in 2 s of writing`);
      const synced = sync.syncNow().then(() => 'resolved');
      assert.equal(await Promise.race([synced, sleep(2000).then(() => 'still waiting')]), 'resolved');
    } finally {
      writing = false;
      await writer;
      unsubscribe();
      sync.stop();
      await running.catch(() => {});
    }
  });
});
