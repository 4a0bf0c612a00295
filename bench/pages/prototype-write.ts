/**
 * Prototypes of the fixes suggested by the profile, measured next to the real code. Not used by the
 * benchmark rows; nothing here changes src/.
 *
 * 1. `addWrite`: the IndexedDB adapter's `write` for new records (expectedRev null) without the
 *    read-before-write. Each record is stored with `add()`; a record that already exists fails its
 *    own request with ConstraintError, which is caught (preventDefault + stopPropagation keep the
 *    transaction alive) and answered with a conflict carrying the stored record, read only then.
 * 2. `pooledRandomId`: `randomId` that draws from a pool of random bytes instead of calling
 *    crypto.getRandomValues once per id.
 */
import { unwrap, type IDBPDatabase } from 'idb';
import type { RawRecord, WriteOperation, WriteResult } from '../../src/sdk/adapter.js';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const pool = new Uint8Array(4096);
let poolAt = pool.length;

export function pooledRandomId(length = 16): string {
  if (poolAt + length > pool.length) {
    crypto.getRandomValues(pool);
    poolAt = 0;
  }
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[pool[poolAt++] % 36];
  return out;
}

export async function addWrite(db: IDBPDatabase, space: string, operations: WriteOperation[]): Promise<WriteResult[]> {
  const tx = db.transaction('records', 'readwrite');
  const store = unwrap(tx.store);
  const results: WriteResult[] = new Array(operations.length);
  operations.forEach((operation, index) => {
    if (operation.type !== 'put' || operation.expectedRev !== null) throw new Error('the prototype handles new records only');
    const rev = `1-${pooledRandomId(10)}`;
    const record: RawRecord = { ...operation.record, space, rev };
    const { id, collection } = record;
    results[index] = { ok: true, id, collection, rev, record };
    const request = store.add(record);
    request.onerror = (event) => {
      if (request.error?.name !== 'ConstraintError') return; // anything else aborts the batch, as today
      event.preventDefault();
      event.stopPropagation();
      const read = store.get([space, collection, id]);
      read.onsuccess = () => {
        results[index] = { ok: false, id, collection, reason: 'conflict', current: read.result as RawRecord | undefined };
      };
    };
  });
  await tx.done;
  return results;
}
