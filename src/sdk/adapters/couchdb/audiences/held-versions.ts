/**
 * Documents as they are held in an audience's database, with what the revisions presented to the
 * sync engine need: the home database and the lineage, read from the document itself (a
 * tombstone keeps them too).
 */
import type { RawRecord } from '../../../adapter.js';
import type { CouchClient } from '../couch-http.js';
import { HOME_FIELD, LINEAGE_FIELD } from '../couch-names.js';
import { inParallel } from '../document-history.js';
import { toRecord, type CouchDocument } from '../record-document.js';
import { presentRev, type HeldRevision } from './presented-revs.js';

/** A whole number of 0 or more, or 0. */
export const lineageOf = (doc: CouchDocument | undefined) => {
  const value = doc?.[LINEAGE_FIELD];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
};

/** Where a document lives: its own word for it (a reading room holds others' documents), else where it was read. */
export const homeOf = (doc: CouchDocument | undefined, readFrom: string) => {
  const home = doc?.[HOME_FIELD];
  return typeof home === 'string' && home ? home : readFrom;
};

export const heldOf = (doc: CouchDocument, readFrom: string): HeldRevision => ({ home: homeOf(doc, readFrom), rev: doc._rev ?? '', lineage: lineageOf(doc) });

/** A server version as the engine takes it: the presented revision, and the record carrying it. */
export function presentedVersion(doc: CouchDocument | undefined, readFrom: string, space: string): { rev: string; record: RawRecord | undefined } {
  if (!doc?._rev) return { rev: '', record: undefined };
  const rev = presentRev(heldOf(doc, readFrom));
  const record = toRecord(doc, space);
  return { rev, record: record && { ...record, rev } };
}

/**
 * The current documents of `docIds` in `database`, deleted ones with their tombstone's body
 * (`_all_docs` gives only their revision); undefined where the database never had one.
 */
export async function readHeld(client: CouchClient, database: string, docIds: string[]): Promise<(CouchDocument | undefined)[]> {
  if (!docIds.length) return [];
  const { body } = await client.json<{ rows?: { key: string; value?: { rev: string; deleted?: boolean }; doc?: CouchDocument | null }[] }>(
    'POST',
    `/${encodeURIComponent(database)}/_all_docs`,
    { query: { include_docs: true }, body: { keys: docIds } },
  );
  // `_all_docs` answers the keys in the order asked.
  const rows = body.rows ?? [];
  return inParallel(docIds.map((docId, i) => ({ docId, row: rows[i] })), 6, async ({ docId, row }) => {
    if (!row?.value) return undefined;
    if (row.doc) return row.doc;
    const tombstone = await client.json<CouchDocument>('GET', `/${encodeURIComponent(database)}/${encodeURIComponent(docId)}`, { query: { rev: row.value.rev }, accept: [404] });
    return tombstone.status === 404 ? { _id: docId, _rev: row.value.rev, _deleted: true } : tombstone.body;
  });
}
