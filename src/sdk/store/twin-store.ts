import type { ListQuery, StorageAdapter } from '../adapter.js';
import type { Action } from '../policy/can.js';
import type { SpaceSettings, TwinUser } from '../policy/roles.js';
import type { RecordStatus } from '../schemas/envelope.js';
import type {
  AttachmentLimits,
  BatchResult,
  CreateAllItem,
  CreateOptions,
  ErasureResult,
  ListResult,
  PersonExport,
  RecordChange,
  TwinRecord,
} from './store-types.js';

/** What a widget holds of the space's data: every read and write goes through it, checked. Made by `createStore`. */
export interface TwinStore extends EventTarget {
  readonly space: string;
  readonly user: TwinUser;
  readonly settings: SpaceSettings;
  readonly adapter: StorageAdapter;
  /** What the signed-in user may do: the same policy the store enforces. */
  can(action: Action, record?: TwinRecord): boolean;
  /** May the signed-in user create records of `collection`? (Some collections are for teachers only: see `createdBy`.) */
  canCreate(collection: string): boolean;
  /** The phase new records take when none is given (initially `StoreOptions.defaultPhase`). */
  readonly defaultPhase: string | undefined;
  /** Changes the phase new records take when none is given (the project moved on); `undefined`: none. */
  setDefaultPhase(phase: string | undefined): void;
  get<T extends TwinRecord = TwinRecord>(collection: string, id: string): Promise<T>;
  list<T extends TwinRecord = TwinRecord>(collection: string, query?: ListQuery): Promise<ListResult<T>>;
  create<T extends TwinRecord = TwinRecord>(collection: string, fields: Record<string, unknown>, options?: CreateOptions): Promise<T>;
  /** One adapter write for many new records; each gets its own result. */
  createMany<T extends TwinRecord = TwinRecord>(collection: string, items: Record<string, unknown>[]): Promise<BatchResult<T>[]>;
  /**
   * Creates records of one or more collections, all or nothing (a project plan: phases and their
   * activities). Every item is checked first (schema, permission, references: a record of the same
   * batch counts as existing); the first problem is thrown, its message naming the item
   * ('Activity 3 ("Icebreaking"): title must not be empty. Nothing was saved.'), and nothing is written.
   * Then all records go to the adapter in one write, returned in the order of `items`.
   *
   * An id that is taken is a TwinConflictError. It is looked for before writing; if the adapter
   * still reports one (someone created that id in between), the records this write saved are
   * deleted again before the error is thrown. Storage failures (quota) leave nothing written only
   * where the adapter writes a batch in one transaction: IndexedDB and memory do; a CouchDB server
   * applies each document of `_bulk_docs` on its own.
   */
  createAll(items: CreateAllItem[]): Promise<TwinRecord[]>;
  /**
   * Saves `changes` on top of `base` (the version the user was editing). If someone else saved
   * meanwhile and the changes do not touch the same fields, they are merged; otherwise a
   * TwinConflictError carries both versions.
   *
   * An edit that only moves the record (the collection's `arrangementFields`) keeps its status;
   * its `moderatorFields` (a post's `pinned`) only those who moderate change, on any post they read.
   */
  update<T extends TwinRecord = TwinRecord>(collection: string, base: T, changes: Record<string, unknown>): Promise<T>;
  /**
   * Approve (`published`), send back (`pending`) or hide (`hidden`). A `note` tells the author why
   * (kept in `record.review`); a decision without a note clears the previous one.
   */
  setStatus<T extends TwinRecord = TwinRecord>(collection: string, record: T, status: RecordStatus, options?: { note?: string }): Promise<T>;
  remove(collection: string, record: TwinRecord): Promise<void>;
  putAttachment(blob: Blob, limits: AttachmentLimits): Promise<{ id: string; type: string; size: number }>;
  getAttachment(id: string): Promise<Blob>;
  /** Deletes a file that `record` refers to; the user must be allowed to edit the record. */
  removeAttachment(id: string, collection: string, record: TwinRecord): Promise<void>;
  /** Calls `listener` with every batch of changes the user may see, local and remote. */
  subscribe(listener: (changes: RecordChange[]) => void): () => void;
  /**
   * Everything this space holds of one person, for their right of access (data protection; many
   * users are minors): in every collection the store knows (built-in and registered), every
   * record they wrote, whatever its status, and every record addressed to them (a teacher's
   * notes, `readableBy: 'addressee-and-staff'`); damaged ones raw, in `invalid`. Feedback others
   * wrote on their entries is the others' and is not included. Allowed to the person themself
   * and to teachers and admins; anyone else gets a TwinPermissionError. Reads every collection
   * once; writes nothing.
   */
  exportPerson(userId: string): Promise<PersonExport>;
  /**
   * Erases one person from this space (right to erasure): deletes every record they wrote, the
   * records addressed to them (a teacher's notes), the feedback others wrote on the records
   * erased (its target is gone: comments, reactions and journal feedback), and the stored files
   * the removed records referred to, unless a remaining record still refers to the same file.
   * Records of others stay. All records go in one adapter write (files: one call each; a write
   * that others' changes made conflict is tried again, up to 3 times).
   *
   * Teachers and admins erase anyone, everything. A person may erase themself (pupils too), with
   * the rights they have on each record: their own records go, except those a teacher or
   * moderator hid (they may be evidence: `kept`, reason `hidden`); others' records (notes to
   * them, feedback on their entries) stay for a teacher to erase (`kept`, reason `not-yours`).
   * Anyone else gets a TwinPermissionError. Not covered: a language a person added to someone
   * else's glossary entry and review notes they wrote as a moderator stay in those records.
   */
  erasePerson(userId: string): Promise<ErasureResult>;
  close(): Promise<void>;
}
