/**
 * With one database per audience a record moves between databases, and each database counts its
 * revisions from 1. The sync engine orders a record's versions by the number before the dash, so
 * the revisions it sees are CouchDB's, raised by the record's lineage (the revisions it had in
 * earlier databases) and told apart by the database that holds them:
 * `<lineage + generation>-<CouchDB revision>@<database>`.
 */
import { generation } from '../document-history.js';

export interface HeldRevision {
  /** The database holding the document. */
  home: string;
  /** CouchDB's own revision there. */
  rev: string;
  /** Added to CouchDB's generation (0 in the first database a record lived in). */
  lineage: number;
}

export function presentRev({ home, rev, lineage }: HeldRevision): string {
  return `${lineage + generation(rev)}-${rev}@${home}`;
}

/** The database and CouchDB revision behind a presented revision (undefined for any other string). */
export function heldRev(presented: string | null | undefined): HeldRevision | undefined {
  const match = presented ? /^(\d+)-(\d+-[^@]+)@(.+)$/.exec(presented) : null;
  if (!match) return undefined;
  const rev = match[2];
  return { home: match[3], rev, lineage: Number(match[1]) - generation(rev) };
}
