import type { StorageAdapter } from '../adapter.js';
import type { TwinError, ValidationIssue } from '../errors.js';
import type { SpaceSettings, TwinUser } from '../policy/roles.js';
import type { CollectionDefinition } from '../schemas/collections.js';
import type { Envelope } from '../schemas/envelope.js';

/** A record as widgets see it: validated, migrated, with unknown fields kept. */
export type TwinRecord = Envelope & Record<string, unknown>;

/** A stored record that failed validation: reported, never shown as content, never crashing a list. */
export interface InvalidRecord {
  collection: string;
  id: string;
  issues: ValidationIssue[];
  raw: unknown;
}

export interface ListResult<T> {
  records: T[];
  invalid: InvalidRecord[];
}

export interface RecordChange<T = TwinRecord> {
  type: 'put' | 'delete';
  collection: string;
  id: string;
  /** The record after a put, when the signed-in user may read it; a put the user may not read arrives as a delete. */
  record?: T;
  /** True when this store made the change; false for another tab, user or device. */
  local: boolean;
}

export interface StoreOptions {
  adapter: StorageAdapter;
  space: string;
  user: TwinUser;
  settings?: Partial<SpaceSettings>;
  /** Extra collections (an integrator's own widgets), added to the built-in ones. */
  collections?: Record<string, CollectionDefinition>;
  /** The phase new records take when none is given (the space's current phase); see also `TwinStore.setDefaultPhase`. */
  defaultPhase?: string;
  /** Clock, for tests. */
  now?: () => Date;
}

export interface CreateOptions {
  id?: string;
  phase?: string;
}

/** One record for `TwinStore.createAll`: its collection, its fields, and optionally its id and phase. */
export interface CreateAllItem {
  collection: string;
  fields: Record<string, unknown>;
  id?: string;
  phase?: string;
}

export type BatchResult<T> = { ok: true; record: T } | { ok: false; error: Error };

export interface AttachmentLimits {
  /** Largest blob accepted, in bytes. */
  maxBytes: number;
  /** Accepted MIME types, checked against the content's first bytes, not only the declared type. */
  types: readonly string[];
}


export interface StoreEventMap {
  change: CustomEvent<{ changes: RecordChange[] }>;
  invalid: CustomEvent<InvalidRecord>;
  /** Storage failed (quota exceeded, storage unavailable) during any operation. */
  error: CustomEvent<TwinError>;
}

/** Everything a space holds of one person: see `TwinStore.exportPerson`. */
export interface PersonExport {
  /** The user id exported. */
  person: string;
  /** When the export was made (ISO time). */
  exportedAt: string;
  /**
   * By collection (every collection the store knows, empty ones too): the records the person
   * wrote, and the records addressed to them (a teacher's notes), validated and migrated.
   */
  records: Record<string, TwinRecord[]>;
  /** Their records that are damaged, raw as stored: personal data even when unreadable. */
  invalid: InvalidRecord[];
}

/** Why `TwinStore.erasePerson` left a record in place. */
export type ErasureKeptReason =
  /** Hidden by a teacher or moderator: possibly evidence; only staff can erase it. */
  | 'hidden'
  /** Someone else's record (feedback on the person's entries, a teacher's note to them): only staff can erase it. */
  | 'not-yours'
  /** Changed by someone else during the erasure, again and again: run the erasure again. */
  | 'changed';

/** What `TwinStore.erasePerson` did. */
export interface ErasureResult {
  /** Records deleted (also those someone else deleted meanwhile). */
  removed: number;
  /** Records that were to be erased but are still there: see `keptRecords`. */
  kept: number;
  /** Stored files deleted: those the removed records referred to, unless a remaining record still does. */
  files: number;
  /** Files that could not be deleted (the server refused, or storage failed). */
  filesKept: number;
  /** The records kept, and why. */
  keptRecords: { collection: string; id: string; reason: ErasureKeptReason }[];
}
