import type { Change, RawRecord, WriteOperation, WriteResult } from '../adapter.js';
import { nextRevision } from '../revision.js';

export type Decision =
  | { result: WriteResult; store: RawRecord; change: Change }
  | { result: WriteResult; remove: true; change: Change }
  | { result: WriteResult };

/**
 * The revision check every simple adapter shares: given an operation and what is stored now,
 * decide whether it applies, and what to store and announce.
 */
export function decideOperation(space: string, operation: WriteOperation, current: RawRecord | undefined, origin: string): Decision {
  const collection = operation.type === 'put' ? operation.record.collection : operation.collection;
  const id = operation.type === 'put' ? operation.record.id : operation.id;
  const storedRev = current?.rev ?? null;
  if (storedRev !== operation.expectedRev) {
    return { result: { ok: false, id, collection, reason: 'conflict', current } };
  }
  if (operation.type === 'delete') {
    const rev = nextRevision(storedRev);
    return {
      result: { ok: true, id, collection, rev },
      remove: true,
      change: { type: 'delete', space, collection, id, rev, origin },
    };
  }
  const rev = nextRevision(storedRev);
  const record: RawRecord = { ...operation.record, space, rev };
  return {
    result: { ok: true, id, collection, rev, record },
    store: record,
    change: { type: 'put', space, collection, id, rev, record, origin },
  };
}

/** Sort used by `list`: updatedAt, then id, so ties are stable. */
export function compareByUpdate(a: RawRecord, b: RawRecord): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
