/**
 * The storage adapter contract. An adapter stores raw JSON and knows nothing of schemas, users or
 * policy: the store does all of that, so an adapter for an LMS stays a few dozen lines.
 * Prove an adapter with the conformance suite (`twinkit/conformance`).
 */

/** A stored record as plain JSON. It always has these keys; everything else is the widget's. */
export interface RawRecord {
  id: string;
  space: string;
  collection: string;
  rev: string;
  updatedAt: string;
  phase?: string;
  [field: string]: unknown;
}

export interface ListQuery {
  /** Only records whose `phase` equals this. */
  phase?: string;
  /** Only records updated strictly after this ISO time. */
  updatedAfter?: string;
  /** `asc` (default): oldest update first. Ties are broken by id, so the order is stable. */
  direction?: 'asc' | 'desc';
  /** At most this many records. */
  limit?: number;
}

export type WriteOperation =
  | {
      type: 'put';
      /** The record to store. Its `rev` is ignored: the adapter sets the new revision. */
      record: RawRecord;
      /** The revision this write is based on; `null` for a new record. */
      expectedRev: string | null;
    }
  | { type: 'delete'; collection: string; id: string; expectedRev: string };

export type WriteResult =
  | { ok: true; id: string; collection: string; rev: string; record?: RawRecord }
  | {
      ok: false;
      id: string;
      collection: string;
      /** `conflict`: the stored revision is not `expectedRev`; `current` is what storage holds (undefined: nothing). */
      reason: 'conflict';
      current: RawRecord | undefined;
    };

export interface WriteOptions {
  /** Tag passed back on the change events of this write, so a store can skip its own echo. */
  origin: string;
}

export interface Change {
  type: 'put' | 'delete';
  space: string;
  collection: string;
  id: string;
  rev: string;
  /** The record after a put (adapters may omit it; the store then reads it). */
  record?: RawRecord;
  /** The `origin` of the write that caused it. */
  origin: string;
}

export interface AttachmentInfo {
  id: string;
  type: string;
  size: number;
}

export interface AdapterCapabilities {
  /** Changes made by other tabs or devices reach `subscribe`. */
  sharedChanges: boolean;
  /** Data survives a reload. */
  persistent: boolean;
}

export interface StorageAdapter {
  readonly name: string;
  readonly capabilities: AdapterCapabilities;

  /** The record, or `undefined` when there is none. Never throws for a missing record. */
  get(space: string, collection: string, id: string): Promise<RawRecord | undefined>;

  /** Records of one collection, ordered by `updatedAt` then `id` (see ListQuery). */
  list(space: string, collection: string, query?: ListQuery): Promise<RawRecord[]>;

  /**
   * Applies operations in order and returns one result per operation, in the same order.
   * A put or delete whose `expectedRev` is not the stored revision is not applied and gets a
   * `conflict` result; the other operations still apply. A write that cannot be stored at all
   * (quota, storage gone) rejects with a TwinStorageError and applies nothing of the batch.
   * Every applied operation is delivered to subscribers (all instances, other tabs included
   * where `capabilities.sharedChanges`) tagged with `options.origin`.
   */
  write(space: string, operations: WriteOperation[], options: WriteOptions): Promise<WriteResult[]>;

  /** Calls `listener` with every batch of changes to `space`. Returns the function that stops it. */
  subscribe(space: string, listener: (changes: Change[]) => void): () => void;

  /** Stores a blob and returns its id, type and size. */
  putAttachment(space: string, blob: Blob, options?: { id?: string }): Promise<AttachmentInfo>;
  /** The blob, or `undefined`. */
  getAttachment(space: string, id: string): Promise<Blob | undefined>;
  deleteAttachment(space: string, id: string): Promise<void>;

  /** Releases connections and listeners. The adapter is not used afterwards. */
  close(): Promise<void>;
}
