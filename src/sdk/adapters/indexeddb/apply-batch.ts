import { unwrap, type IDBPObjectStore, type StoreNames } from 'idb';
import type { Change, RawRecord, WriteOperation, WriteResult } from '../../adapter.js';
import { decideOperation } from '../decide-operation.js';
import type { TwinDBSchema } from './database.js';

type RecordStore = IDBPObjectStore<TwinDBSchema, StoreNames<TwinDBSchema>[], 'records', 'readwrite'>;
type Key = [string, string, string];

export interface Applied {
  /** Resolves once the transaction's requests are answered; await `tx.done` before trusting it. */
  results: Promise<WriteResult[]>;
  /** Changes of the operations that applied (complete once `results` resolves). */
  changes: Change[];
  /** What was stored before the batch, by key (complete once `results` resolves; absent: nothing). */
  before: Map<string, RawRecord | undefined>;
}

/** The key of `Applied.before`. */
export const beforeKey = (collection: string, id: string) => `${collection}\u0000${id}`;

const keyOf = (space: string, op: WriteOperation): Key =>
  op.type === 'put' ? [space, op.record.collection, op.record.id] : [space, op.collection, op.id];

/**
 * Queues a batch on a readwrite transaction. A batch of new records with distinct ids (the common
 * case: a pupil's post, an import) uses `add()`, which refuses an existing id by itself, so no
 * read is needed before the write; any other batch reads what is stored first, then decides.
 */
export function applyBatch(store: RecordStore, space: string, operations: WriteOperation[], origin: string): Applied {
  const keys = operations.map((op) => keyOf(space, op));
  const distinct = new Set(keys.map((key) => key.join('\u0000'))).size === keys.length;
  const allNew = distinct && operations.every((op) => op.type === 'put' && op.expectedRev === null);
  return allNew ? addNew(store, space, operations, keys, origin) : readThenWrite(store, space, operations, keys, origin);
}

function addNew(store: RecordStore, space: string, operations: WriteOperation[], keys: Key[], origin: string): Applied {
  const raw = unwrap(store) as IDBObjectStore;
  const decisions = operations.map((operation) => {
    const decision = decideOperation(space, operation, undefined, origin);
    if (!('store' in decision)) throw new Error('unreachable: a new record always applies');
    return decision;
  });
  const results: WriteResult[] = decisions.map((decision) => decision.result);
  const refused = new Set<number>();
  const reads: Promise<void>[] = [];
  // Requests complete in order: only the last one needs to say that all are answered (a listener
  // per request costs more than the write itself in a large batch).
  const answered = new Promise<void>((resolve, reject) => {
    decisions.forEach((decision, i) => {
      const request = raw.add(decision.store);
      request.onerror = (event) => {
        if (request.error?.name !== 'ConstraintError') return reject(request.error); // aborts the batch
        // The id exists: a conflict for this record only, so the rest of the batch goes on.
        event.preventDefault();
        event.stopPropagation();
        refused.add(i);
        const read = raw.get(keys[i]);
        reads.push(
          new Promise((done, failed) => {
            read.onsuccess = () => {
              results[i] = { ok: false, id: keys[i][2], collection: keys[i][1], reason: 'conflict', current: read.result as RawRecord };
              done();
            };
            read.onerror = () => failed(read.error);
          }),
        );
        if (i === decisions.length - 1) resolve();
      };
      if (i === decisions.length - 1) request.onsuccess = () => resolve();
    });
  });
  answered.catch(() => {}); // reported once, through tx.done
  const changes: Change[] = [];
  return {
    before: new Map(), // new records: nothing was stored before
    results: answered
      .then(() => Promise.all(reads))
      .then(() => {
        decisions.forEach((decision, i) => refused.has(i) || changes.push(decision.change));
        return results;
      }),
    changes,
  };
}

function readThenWrite(store: RecordStore, space: string, operations: WriteOperation[], keys: Key[], origin: string): Applied {
  const changes: Change[] = [];
  // Read every current record at once (one round of requests), then decide in order;
  // `current` is updated as we go so a batch that touches one id twice stays consistent.
  const current = new Map<string, RawRecord | undefined>();
  const before = new Map<string, RawRecord | undefined>();
  const reads = keys.map(async (key) => {
    const flat = key.join('\u0000');
    if (!current.has(flat)) {
      current.set(flat, undefined);
      const stored = await store.get(key);
      current.set(flat, stored);
      before.set(beforeKey(key[1], key[2]), stored);
    }
  });
  const results = Promise.all(reads).then(() =>
    operations.map((operation, i) => {
      const flat = keys[i].join('\u0000');
      const decision = decideOperation(space, operation, current.get(flat), origin);
      if ('store' in decision) {
        current.set(flat, decision.store);
        store.put(decision.store).catch(() => {});
      }
      if ('remove' in decision) {
        current.set(flat, undefined);
        store.delete(keys[i]).catch(() => {});
      }
      if ('change' in decision) changes.push(decision.change);
      return decision.result;
    }),
  );
  return { results, changes, before };
}
