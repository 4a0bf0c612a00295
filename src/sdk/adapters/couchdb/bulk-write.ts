import type { RawRecord, WriteOperation } from '../../adapter.js';
import type { CouchClient } from './couch-http.js';
import { documentId, ORIGIN_FIELD, WRITE_FIELD } from './couch-names.js';
import { toDocument, toRecord, type CouchDocument } from './record-document.js';

/** What happened to one operation of a batch on the server. */
export type BulkOutcome =
  | { kind: 'ok'; collection: string; id: string; rev: string; record?: RawRecord }
  /** `currentRev`: the server's revision now, its deletion's included ('' when it never had the record). */
  | { kind: 'conflict'; collection: string; id: string; current: RawRecord | undefined; currentRev: string }
  | { kind: 'refused'; collection: string; id: string; reason: string };

interface BulkRow {
  id: string;
  ok?: boolean;
  rev?: string;
  error?: string;
  reason?: string;
}

/** The record an operation writes. */
export const names = (operation: WriteOperation) =>
  operation.type === 'put' ? { collection: operation.record.collection, id: operation.record.id } : { collection: operation.collection, id: operation.id };

/**
 * Splits a batch where a record comes back, so each `_bulk_docs` request names a document once
 * and the batch still applies in order (the second write of a record sees the first).
 */
function groupsInOrder(operations: WriteOperation[]): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let seen = new Set<string>();
  operations.forEach((operation, index) => {
    const { collection, id } = names(operation);
    const key = documentId(collection, id);
    if (seen.has(key)) {
      groups.push(current);
      current = [];
      seen = new Set();
    }
    seen.add(key);
    current.push(index);
  });
  if (current.length) groups.push(current);
  return groups;
}

/**
 * Writes a batch through `_bulk_docs`, one outcome per operation, in order. `writeIds[i]`, when
 * given, travels in the i-th document so a device can later find out whether it landed;
 * `fields[i]`, when given, is bookkeeping added to it (a record's home database, say).
 */
export async function bulkWrite(
  client: CouchClient,
  database: string,
  space: string,
  operations: WriteOperation[],
  origin: string,
  writeIds: (string | undefined)[] = [],
  fields: (Record<string, unknown> | undefined)[] = [],
): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = new Array(operations.length);
  const db = `/${encodeURIComponent(database)}`;
  for (const group of groupsInOrder(operations)) {
    const docs: CouchDocument[] = group.map((index) => {
      const operation = operations[index];
      const writeId = writeIds[index];
      if (operation.type === 'put') return { ...toDocument({ ...operation.record, space }, operation.expectedRev, origin, writeId), ...fields[index] };
      const deletion = { _id: documentId(operation.collection, operation.id), _rev: operation.expectedRev, _deleted: true, [ORIGIN_FIELD]: origin, ...(writeId ? { [WRITE_FIELD]: writeId } : {}) };
      return { ...deletion, ...fields[index] };
    });
    const { body } = await client.json<BulkRow[]>('POST', `${db}/_bulk_docs`, { body: { docs } });
    if (!Array.isArray(body) || body.length !== docs.length) throw new Error(`_bulk_docs answered ${JSON.stringify(body).slice(0, 200)}`);
    const conflicted: number[] = [];
    // Rows are matched by id, not position: pouchdb-server answers the rows its rules refused first.
    // A group names each document once, so the id is unambiguous.
    const rows = new Map(body.map((row) => [row.id, row]));
    docs.forEach((doc, position) => {
      const row = rows.get(doc._id) ?? body[position];
      const index = group[position];
      const operation = operations[index];
      const { collection, id } = names(operation);
      if (row.ok !== false && !row.error && row.rev) {
        const record = operation.type === 'put' ? { ...operation.record, space, rev: row.rev } : undefined;
        outcomes[index] = { kind: 'ok', collection, id, rev: row.rev, record };
      } else if (row.error === 'conflict' || row.error === 'not_found') {
        conflicted.push(index);
      } else {
        outcomes[index] = { kind: 'refused', collection, id, reason: row.reason || row.error || 'refused' };
      }
    });
    if (conflicted.length) {
      const current = await currentVersions(client, database, space, conflicted.map((index) => documentId(names(operations[index]).collection, names(operations[index]).id)));
      conflicted.forEach((index, position) => {
        outcomes[index] = { kind: 'conflict', ...names(operations[index]), current: current[position].record, currentRev: current[position].rev };
      });
    }
  }
  return outcomes;
}

/** A document's version on the server: its revision (a deletion's too) and its record, if live. */
export interface ServerVersion {
  /** '' when the server never had the document. */
  rev: string;
  /** Undefined when deleted or missing. */
  record: RawRecord | undefined;
}

/**
 * The server's versions of documents, in one request. A deleted document keeps its revision, so
 * a device can tell an old deletion from a newer version it already has.
 */
export async function currentVersions(client: CouchClient, database: string, space: string, docIds: string[]): Promise<ServerVersion[]> {
  const { body } = await client.json<{ rows?: { value?: { rev?: string }; doc?: CouchDocument | null }[] }>('POST', `/${encodeURIComponent(database)}/_all_docs`, {
    query: { include_docs: true },
    body: { keys: docIds },
  });
  return (body.rows ?? []).map((row) => ({ rev: row.value?.rev ?? '', record: toRecord(row.doc, space) }));
}
