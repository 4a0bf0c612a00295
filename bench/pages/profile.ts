/**
 * `npm run bench -- --profile`: where the store's time goes, step by step, next to raw idb
 * variants of the same work (including a possible fix: `add` instead of read-before-write).
 */
import { deleteDB } from 'idb';
import type { RawRecord, WriteOperation } from '../../src/sdk/adapter.js';
import { assertWritable } from '../../src/sdk/adapters/assert-writable.js';
import { createIndexedDBAdapter } from '../../src/sdk/adapters/indexeddb/index.js';
import { builtInCollections } from '../../src/sdk/schemas/collections.js';
import { checkRecord } from '../../src/sdk/store/validate-record.js';
import { makeFieldsList, toStoredRecords, type GlossaryFields, type StoredRecord } from './data.js';
import { COLLECTION, fail, freshName, log, SPACE, timed, USER, type BenchConfig, type Session } from './harness.js';
import { addWrite, pooledRandomId } from './prototype-write.js';
import { openRawDatabase } from './raw-database.js';
import { randomId } from '../../src/sdk/revision.js';

export interface ProfileStep {
  name: string;
  runs: number[];
}

/** The draft the store validates before a write (same envelope as `createMany`). */
function draftOf(entry: GlossaryFields, id: string, timestamp: string): Record<string, unknown> {
  return {
    ...entry,
    id,
    space: SPACE,
    collection: COLLECTION,
    rev: '0-unsaved',
    schemaVersion: 1,
    createdAt: timestamp,
    updatedAt: timestamp,
    author: { id: USER.id, name: USER.name },
    status: 'published',
  };
}

const putOps = (records: StoredRecord[]): WriteOperation[] =>
  records.map((stored) => ({ type: 'put' as const, record: stored as RawRecord, expectedRev: null }));

/** Runs `work` against a fresh raw idb database and times it. */
async function withRawDatabase(work: (db: Awaited<ReturnType<typeof openRawDatabase>>) => Promise<unknown>): Promise<number> {
  const name = freshName('profile-raw');
  const db = await openRawDatabase(name);
  try {
    return await timed(() => work(db));
  } finally {
    db.close();
    await deleteDB(name);
  }
}

async function withAdapter(work: (adapter: ReturnType<typeof createIndexedDBAdapter>) => Promise<unknown>, { broadcast = true } = {}): Promise<number> {
  const name = freshName('profile-adapter');
  // The adapter looks BroadcastChannel up when it is created: hiding it measures the adapter without cross-tab messages.
  const channel = globalThis.BroadcastChannel;
  if (!broadcast) (globalThis as { BroadcastChannel?: unknown }).BroadcastChannel = undefined;
  const adapter = createIndexedDBAdapter({ databaseName: name });
  (globalThis as { BroadcastChannel?: unknown }).BroadcastChannel = channel;
  await adapter.list(SPACE, COLLECTION, { limit: 1 });
  try {
    return await timed(() => work(adapter));
  } finally {
    await adapter.close();
    await deleteDB(name);
  }
}

/** The prototype must behave like the adapter: new records stored, an existing id a conflict, nothing overwritten. */
async function checkPrototype(): Promise<void> {
  const name = freshName('profile-check');
  const db = await openRawDatabase(name);
  try {
    const [a, b, c] = toStoredRecords(makeFieldsList(3, 9), SPACE, 9);
    const first = await addWrite(db, SPACE, putOps([a, b]));
    if (!first.every((result) => result.ok)) fail('prototype: first batch should succeed');
    const second = await addWrite(db, SPACE, putOps([c, { ...a, category: 'changed' }]));
    if (!second[0].ok || second[1].ok || second[1].current?.category !== a.category) fail('prototype: expected [ok, conflict with the stored record]');
    if ((await db.count('records')) !== 3) fail('prototype: expected 3 stored records');
  } finally {
    db.close();
    await deleteDB(name);
  }
}

export async function profile(config: BenchConfig, openStore: (name: string) => Promise<Session>): Promise<ProfileStep[]> {
  await checkPrototype();
  const definition = builtInCollections[COLLECTION];
  const steps = new Map<string, number[]>();
  const record = (name: string, ms: number, rep: number) => {
    if (rep === 0) return; // warm-up
    if (!steps.has(name)) steps.set(name, []);
    steps.get(name)!.push(ms);
  };
  const allFields = makeFieldsList(config.records, 1);
  const singles = makeFieldsList(config.oneByOne, 3);
  const n = config.records.toLocaleString('en');
  const m = config.oneByOne.toLocaleString('en');

  for (let rep = 0; rep <= config.reps; rep++) {
    // The warm-up runs every step on a tenth of the records.
    const fields = rep === 0 ? allFields.slice(0, Math.ceil(allFields.length / 10)) : allFields;
    const records = toStoredRecords(fields, SPACE, 400 + rep);
    const timestamp = new Date().toISOString();
    const drafts = fields.map((entry, i) => draftOf(entry, records[i].id, timestamp));

    // -- batched write of N records --
    record(`batch ${n}: zod validation of the drafts (checkRecord)`, await timed(async () => {
      for (const draft of drafts) if (!checkRecord(draft, definition).ok) fail('invalid draft');
    }), rep);
    record(`batch ${n}: adapter assertWritable (plain-JSON walk)`, await timed(async () => assertWritable(putOps(records))), rep);
    record(`batch ${n}: adapter.write alone (read-before-write + put)`, await withAdapter((adapter) => adapter.write(SPACE, putOps(records), { origin: 'bench' })), rep);
    record(`batch ${n}: raw idb get all keys, then put, 1 tx`, await withRawDatabase(async (db) => {
      const tx = db.transaction('records', 'readwrite');
      await Promise.all(records.map((stored) => tx.store.get([SPACE, COLLECTION, stored.id])));
      for (const stored of records) void tx.store.put(stored);
      await tx.done;
    }), rep);
    record(`batch ${n}: raw idb add() (fails if the key exists), 1 tx`, await withRawDatabase(async (db) => {
      const tx = db.transaction('records', 'readwrite');
      for (const stored of records) void tx.store.add(stored);
      await tx.done;
    }), rep);
    record(`batch ${n}: raw idb put only, 1 tx (the baseline)`, await withRawDatabase(async (db) => {
      const tx = db.transaction('records', 'readwrite');
      for (const stored of records) void tx.store.put(stored);
      await tx.done;
    }), rep);
    {
      const channel = new BroadcastChannel(freshName('profile-channel'));
      const changes = records.map((stored) => ({ type: 'put', space: SPACE, collection: COLLECTION, id: stored.id, rev: stored.rev, origin: 'bench' }));
      record(`batch ${n}: BroadcastChannel.postMessage of the change stubs`, await timed(async () => channel.postMessage({ space: SPACE, changes })), rep);
      channel.close();
    }

    record(`batch ${n}: randomId() x 2 per record (ids + revisions)`, await timed(async () => {
      for (let i = 0; i < records.length; i++) randomId(16) + randomId(10);
    }), rep);
    record(`batch ${n}: prototype pooledRandomId() x 2 per record`, await timed(async () => {
      for (let i = 0; i < records.length; i++) pooledRandomId(16) + pooledRandomId(10);
    }), rep);
    record(`batch ${n}: prototype fix: validate + add()-based write, 1 tx`, await withRawDatabase(async (db) => {
      const stamp = new Date().toISOString();
      const ops: WriteOperation[] = fields.map((entry) => {
        const checked = checkRecord<RawRecord>(draftOf(entry, pooledRandomId(), stamp), definition);
        return checked.ok ? { type: 'put', record: checked.record, expectedRev: null } : fail('invalid draft');
      });
      assertWritable(ops);
      const results = await addWrite(db, SPACE, ops);
      if (!results.every((result) => result.ok)) fail('prototype write failed');
    }), rep);

    // -- the whole store, then the read side on the same database --
    {
      const name = freshName('profile-store');
      const session = await openStore(name);
      record(`batch ${n}: store.createMany (total)`, await timed(() => session.putMany(fields, records)), rep);
      const adapter = createIndexedDBAdapter({ databaseName: name });
      await adapter.list(SPACE, COLLECTION, { limit: 1 });
      let raws: RawRecord[] = [];
      record(`list ${n}: adapter.list alone (getAll on by-updated)`, await timed(async () => (raws = await adapter.list(SPACE, COLLECTION))), rep);
      record(`list ${n}: zod validation of the stored records (checkRecord)`, await timed(async () => {
        for (const raw of raws) if (!checkRecord(raw, definition).ok) fail('invalid stored record');
      }), rep);
      record(`list ${n}: store.list (total)`, await timed(() => session.list()), rep);
      await adapter.close();
      await session.destroy();
    }

    // -- one write (one transaction) per record --
    const few = rep === 0 ? singles.slice(0, Math.ceil(singles.length / 10)) : singles;
    const fewRecords = toStoredRecords(few, SPACE, 500 + rep);
    record(`one-by-one ${m}: raw idb put, 1 tx each`, await withRawDatabase(async (db) => {
      for (const stored of fewRecords) await db.put('records', stored);
    }), rep);
    record(`one-by-one ${m}: raw idb get then put, 1 tx each`, await withRawDatabase(async (db) => {
      for (const stored of fewRecords) {
        const tx = db.transaction('records', 'readwrite');
        await tx.store.get([SPACE, COLLECTION, stored.id]);
        void tx.store.put(stored);
        await tx.done;
      }
    }), rep);
    record(`one-by-one ${m}: prototype add()-based write, 1 tx each`, await withRawDatabase(async (db) => {
      for (const stored of fewRecords) await addWrite(db, SPACE, putOps([stored]));
    }), rep);
    {
      const channel = new BroadcastChannel(freshName('profile-channel-single'));
      record(`one-by-one ${m}: BroadcastChannel.postMessage, 1 change with body each`, await timed(async () => {
        for (const stored of fewRecords) {
          channel.postMessage({ space: SPACE, changes: [{ type: 'put', space: SPACE, collection: COLLECTION, id: stored.id, rev: stored.rev, record: stored, origin: 'bench' }] });
        }
      }), rep);
      channel.close();
    }
    record(`one-by-one ${m}: adapter.write, 1 record each`, await withAdapter(async (adapter) => {
      for (const stored of fewRecords) await adapter.write(SPACE, putOps([stored]), { origin: 'bench' });
    }), rep);
    record(`one-by-one ${m}: adapter.write, 1 record each, no BroadcastChannel`, await withAdapter(async (adapter) => {
      for (const stored of fewRecords) await adapter.write(SPACE, putOps([stored]), { origin: 'bench' });
    }, { broadcast: false }), rep);
    {
      const name = freshName('profile-store-single');
      const session = await openStore(name);
      record(`one-by-one ${m}: store.create (total)`, await timed(() => session.putOneByOne(few, fewRecords)), rep);
      await session.destroy();
    }
    log(`profile ${rep === 0 ? 'warm-up' : `rep ${rep}/${config.reps}`} done`);
  }
  return [...steps].map(([name, runs]) => ({ name, runs }));
}
