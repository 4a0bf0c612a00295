/**
 * How Twinkit's records, spaces and roles are named in CouchDB. The adapter, the server's design
 * document and the setup command all use these, so they cannot drift apart.
 *
 * - One database per space: `twinkit-<space>` (CouchDB allows lowercase letters, digits and `_$()+-/`).
 * - One document per record: `_id` is `<collection>:<id>`; the record's fields are the document's,
 *   its `rev` is the document's `_rev`.
 * - Attachments are documents `attachment:<id>` holding one CouchDB attachment named `file`.
 * - A CouchDB user's name is the Twinkit user id; their role in a space is the CouchDB role
 *   `twinkit.<space>.<role>` (a person may be a teacher in one space and an observer in another).
 */
import type { Role } from '../../policy/roles.js';

export const DESIGN_DOC_ID = '_design/twinkit';
export const ATTACHMENT_PREFIX = 'attachment:';
export const ATTACHMENT_NAME = 'file';
/** The write's origin travels in the document so that other devices' stores can tell their own echoes. */
export const ORIGIN_FIELD = 'twinkitOrigin';
/**
 * The id of the write that made a revision (deletes too), chosen by the device before it sends:
 * after a lost answer, the device finds its own write on the server by this id, not by its content.
 */
export const WRITE_FIELD = 'twinkitWrite';

/** The database of a space: lowercase, with characters CouchDB refuses replaced by `-`. */
export function databaseName(space: string): string {
  const safe = space.toLowerCase().replace(/[^a-z0-9_$()+-]/g, '-');
  return `twinkit-${safe}`;
}

export function documentId(collection: string, id: string): string {
  return `${collection}:${id}`;
}

/** `[collection, id]` of a record document, or undefined for design and attachment documents. */
export function parseDocumentId(docId: string): [string, string] | undefined {
  if (docId.startsWith('_') || docId.startsWith(ATTACHMENT_PREFIX)) return undefined;
  const colon = docId.indexOf(':');
  return colon > 0 ? [docId.slice(0, colon), docId.slice(colon + 1)] : undefined;
}

export function attachmentDocumentId(id: string): string {
  return `${ATTACHMENT_PREFIX}${id}`;
}

export function spaceRole(space: string, role: Role): string {
  return `twinkit.${space}.${role}`;
}

/**
 * With one database per audience (audience-databases.ts): the database a record or file was
 * written to, carried in the document so a reading room (which gathers several) can tell.
 */
export const HOME_FIELD = 'twinkitHome';
/**
 * On the tombstone a record leaves when it moves to another audience's database (approved,
 * hidden, made visible to more or fewer people): the audience it moved to.
 */
export const MOVED_TO_FIELD = 'twinkitMovedTo';
/** On the record's first version in its new database: the database it came from. */
export const MOVED_FROM_FIELD = 'twinkitMovedFrom';
/**
 * Added to CouchDB's revision number when a device reads the document: a record's history goes on
 * across databases, so its revisions keep growing after a move (a whole number, 0 when absent).
 */
export const LINEAGE_FIELD = 'twinkitLineage';
/**
 * On the space's design document: how the space is kept, `space` (one database) or `audiences`
 * (one per audience). Devices read it to know which databases to follow; absent means `space`.
 */
export const LAYOUT_FIELD = 'twinkitLayout';
/**
 * On feedback that follows its target (journal feedback), with one database per audience: the
 * target's author, who may take it along when she gives her entry fewer readers (into her own
 * database only: the server cannot read the entry to check more).
 */
export const TARGET_AUTHOR_FIELD = 'twinkitTargetAuthor';
