import type { RawRecord } from '../../adapter.js';
import { documentId, HOME_FIELD, LINEAGE_FIELD, MOVED_FROM_FIELD, MOVED_TO_FIELD, ORIGIN_FIELD, parseDocumentId, TARGET_AUTHOR_FIELD, WRITE_FIELD } from './couch-names.js';

export interface CouchDocument {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  [field: string]: unknown;
}

/** CouchDB's own fields, and ours, that are not part of the record. */
const DOCUMENT_ONLY = new Set(['_id', '_rev', '_deleted', '_conflicts', '_attachments', '_revisions', '_revs_info', ORIGIN_FIELD, WRITE_FIELD, HOME_FIELD, LINEAGE_FIELD, MOVED_FROM_FIELD, MOVED_TO_FIELD, TARGET_AUTHOR_FIELD]);

/** The document for a record: its fields at the top level, `rev` as `_rev`. */
export function toDocument(record: RawRecord, expectedRev: string | null, origin: string, writeId?: string): CouchDocument {
  const { rev: _ignored, ...fields } = record;
  return {
    ...fields,
    _id: documentId(record.collection, record.id),
    ...(expectedRev ? { _rev: expectedRev } : {}),
    [ORIGIN_FIELD]: origin,
    ...(writeId ? { [WRITE_FIELD]: writeId } : {}),
  };
}

/** The id of the write that made this revision, when a device sent one. */
export function writeIdOf(doc: CouchDocument | undefined | null): string | undefined {
  const write = doc?.[WRITE_FIELD];
  return typeof write === 'string' ? write : undefined;
}

/** The record of a document, or undefined for design documents, attachments and deletions. */
export function toRecord(doc: CouchDocument | undefined | null, space: string): RawRecord | undefined {
  const names = doc && !doc._deleted ? parseDocumentId(doc._id) : undefined;
  if (!doc || !names) return undefined;
  const record: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) if (!DOCUMENT_ONLY.has(key)) record[key] = doc[key];
  // The document id names the record; a document written by hand without `updatedAt` still
  // arrives (first in time order), and the store reports it as damaged instead of stopping sync.
  const updatedAt = typeof record.updatedAt === 'string' && record.updatedAt ? record.updatedAt : '1970-01-01T00:00:00.000Z';
  return { ...(record as Omit<RawRecord, 'rev'>), collection: names[0], id: names[1], updatedAt, space, rev: doc._rev ?? '' } as RawRecord;
}

export function originOf(doc: CouchDocument | undefined | null): string {
  const origin = doc?.[ORIGIN_FIELD];
  return typeof origin === 'string' ? origin : 'remote';
}
