/**
 * The storage adapter contract. An adapter stores raw JSON and knows nothing of schemas, users or
 * policy: the store does all of that, so an adapter for an LMS stays a few dozen lines.
 * Two properties (`name`, `capabilities`) and eight methods; the README's "Writing an adapter"
 * states every rule. Prove an adapter with the conformance suite (`twinkit/conformance`).
 */

/**
 * A stored record as plain JSON (no functions, dates or class instances). It always has these keys;
 * everything else is the widget's and is kept as written, unknown fields included.
 */
export interface RawRecord {
  id: string;
  /** Set by the adapter from `write`'s space argument; every record it returns carries it. */
  space: string;
  collection: string;
  /**
   * `<generation>-<token>` (`1-k3j2h1a9`): generation 1 for a create, one more for each later write,
   * a delete included; the token is letters, digits, `_`, `.` or `-`. Set by the adapter
   * (`nextRevision`). The store compares revisions only for equality, but reports a record whose
   * rev has another form as damaged.
   */
  rev: string;
  /** ISO time; `list` orders by it as text. */
  updatedAt: string;
  phase?: string;
  [field: string]: unknown;
}

export interface ListQuery {
  /** Only records whose `phase` equals this. */
  phase?: string;
  /** Only records updated strictly after this ISO time. */
  updatedAfter?: string;
  /**
   * `asc` (default): oldest update first, ties by id (`compareByUpdate`). `desc` is that order
   * reversed, ties included: the larger id first.
   */
  direction?: 'asc' | 'desc';
  /** At most this many records, the first ones in the order above (0: none). */
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
  /** Deleting is a write of its own: it gets a new revision, one generation on. */
  | { type: 'delete'; collection: string; id: string; expectedRev: string };

/** The answer to one operation of a `write`, in the order of the operations. */
export type WriteResult =
  /** `rev`: the new revision (of a delete too). `record`: what was stored, if the adapter has it at hand. */
  | { ok: true; id: string; collection: string; rev: string; record?: RawRecord }
  | {
      ok: false;
      id: string;
      collection: string;
      /**
       * `conflict`: the stored revision is not `expectedRev` (for `null`: a record exists). Nothing
       * of this operation was written; `current` is what storage holds, `undefined` (never null) for nothing.
       */
      reason: 'conflict';
      current: RawRecord | undefined;
    };

export interface WriteOptions {
  /** Tag passed back on the change events of this write, so a store can skip its own echo. */
  origin: string;
}

/** One applied operation, as subscribers hear of it. */
export interface Change {
  type: 'put' | 'delete';
  space: string;
  collection: string;
  id: string;
  /** The revision the write answered (a delete's new revision for a delete). */
  rev: string;
  /** The record after a put (adapters may omit it; the store then reads it). */
  record?: RawRecord;
  /** The `origin` of the write that caused it, unchanged: the store skips its own echoes by it. */
  origin: string;
}

/** What `subscribe` calls: one argument, the changes of one write (never the space first). */
export type ChangeListener = (changes: Change[]) => void;

export interface AttachmentInfo {
  id: string;
  type: string;
  size: number;
}

export interface AdapterCapabilities {
  /** Changes made by other tabs or devices reach `subscribe` (false: only this instance's own writes). */
  sharedChanges: boolean;
  /** Data survives a reload. */
  persistent: boolean;
}

export interface StorageAdapter {
  readonly name: string;
  readonly capabilities: AdapterCapabilities;

  /**
   * The record, or `undefined` (never null) when there is none. Never rejects for a missing record;
   * rejects when storage or the network fails (see `write`).
   */
  get(space: string, collection: string, id: string): Promise<RawRecord | undefined>;

  /** Records of one collection, ordered by `updatedAt` then `id` (see ListQuery). Rejects as `get` does. */
  list(space: string, collection: string, query?: ListQuery): Promise<RawRecord[]>;

  /**
   * Applies operations in order and returns one result per operation, in the same order.
   * A put or delete whose `expectedRev` is not the stored revision is not applied and gets a
   * `conflict` result; the other operations still apply, each seeing the ones before it. Of two
   * concurrent writes based on one revision exactly one applies. Call `assertWritable(operations)`
   * first: a malformed batch rejects with a validation TwinError and applies nothing. A write that
   * cannot be stored at all (quota, storage or network gone) rejects, applying nothing of the batch
   * (an answer lost on its way back aside), with a TwinStorageError (`storage-unavailable` or
   * `quota-exceeded`, a sentence a teacher can read); any other error reaches the page as
   * `storage-unavailable`.
   * Every applied operation is delivered to subscribers (all instances, other tabs included
   * where `capabilities.sharedChanges`) tagged with `options.origin`.
   */
  write(space: string, operations: WriteOperation[], options: WriteOptions): Promise<WriteResult[]>;

  /**
   * Calls `listener(changes)` with the changes of every applied write to `space`, this instance's
   * own included. Returns the function that stops it; a stopped listener hears nothing more.
   */
  subscribe(space: string, listener: ChangeListener): () => void;

  /** Stores a blob's bytes and type under `options.id` (or a new id) in `space`; returns its id, type and size. */
  putAttachment(space: string, blob: Blob, options?: { id?: string }): Promise<AttachmentInfo>;
  /** The blob with its bytes and type, or `undefined` (never null). */
  getAttachment(space: string, id: string): Promise<Blob | undefined>;
  deleteAttachment(space: string, id: string): Promise<void>;

  /** Releases connections and listeners. The adapter is not used afterwards. */
  close(): Promise<void>;
}
