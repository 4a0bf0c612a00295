import type { Change, RawRecord, StorageAdapter, WriteResult } from '../adapter.js';
import { checkAttachment } from '../attachments/check-attachment.js';
import {
  TwinConflictError,
  TwinNotFoundError,
  TwinPermissionError,
  TwinValidationError,
  type ValidationIssue,
} from '../errors.js';
import { can, canContribute, initialStatus, type Action } from '../policy/can.js';
import { DEFAULT_SETTINGS, type SpaceSettings, type TwinUser } from '../policy/roles.js';
import { randomId } from '../revision.js';
import { builtInCollections, type CollectionDefinition } from '../schemas/collections.js';
import { ENVELOPE_KEYS, type RecordStatus } from '../schemas/envelope.js';
import type {
  AttachmentLimits,
  BatchResult,
  CreateOptions,
  InvalidRecord,
  ListResult,
  RecordChange,
  StoreOptions,
  TwinRecord,
} from './store-types.js';
import { reportStorageErrors } from './report-storage-errors.js';
import { mergeOnto } from './three-way-merge.js';
import { checkRecord, describeIssues } from './validate-record.js';
import type { ListQuery } from '../adapter.js';

/** Keys the store owns: a widget cannot set them through `create` or `update` (`phase` it may). */
const RESERVED: readonly string[] = ENVELOPE_KEYS.filter((key) => key !== 'phase');
/** Placeholder revision used to validate a record before the adapter gives it a real one. */
const UNSAVED_REV = '0-unsaved';
/** How many times a safe merge is retried when others keep writing the same record. */
const MERGE_ATTEMPTS = 3;

const NOUNS: Record<string, string> = {
  glossary: 'glossary entry',
  board: 'board post',
  journal: 'journal entry',
  'glossary-comment': 'comment',
  'glossary-reaction': 'reaction',
  phase: 'phase',
};

export interface TwinStore extends EventTarget {
  readonly space: string;
  readonly user: TwinUser;
  readonly settings: SpaceSettings;
  readonly adapter: StorageAdapter;
  /** What the signed-in user may do: the same policy the store enforces. */
  can(action: Action, record?: TwinRecord): boolean;
  get<T extends TwinRecord = TwinRecord>(collection: string, id: string): Promise<T>;
  list<T extends TwinRecord = TwinRecord>(collection: string, query?: ListQuery): Promise<ListResult<T>>;
  create<T extends TwinRecord = TwinRecord>(collection: string, fields: Record<string, unknown>, options?: CreateOptions): Promise<T>;
  /** One adapter write for many new records; each gets its own result. */
  createMany<T extends TwinRecord = TwinRecord>(collection: string, items: Record<string, unknown>[]): Promise<BatchResult<T>[]>;
  /**
   * Saves `changes` on top of `base` (the version the user was editing). If someone else saved
   * meanwhile and the changes do not touch the same fields, they are merged; otherwise a
   * TwinConflictError carries both versions.
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
  close(): Promise<void>;
}

export function createStore(options: StoreOptions): TwinStore {
  return new Store(options);
}

class Store extends EventTarget implements TwinStore {
  readonly space: string;
  readonly user: TwinUser;
  readonly settings: SpaceSettings;
  readonly adapter: StorageAdapter;
  readonly #collections: Record<string, CollectionDefinition>;
  readonly #now: () => Date;
  readonly #defaultPhase: string | undefined;
  /** Tags this store's writes so that their echo from the adapter is skipped. */
  readonly #origin = `store-${randomId(12)}`;
  readonly #unsubscribe: () => void;
  /** The adapter, with storage failures also reported as an `error` event. */
  readonly #io: StorageAdapter;
  /** Records already validated, by collection/id, with their revision: an unchanged record is not parsed again. */
  readonly #validated = new Map<string, { rev: string; record: TwinRecord }>();

  constructor(options: StoreOptions) {
    super();
    this.space = options.space;
    this.user = options.user;
    this.settings = { ...DEFAULT_SETTINGS, ...options.settings };
    this.adapter = options.adapter;
    this.#io = reportStorageErrors(options.adapter, (error) => this.dispatchEvent(new CustomEvent('error', { detail: error })));
    this.#collections = { ...builtInCollections, ...options.collections };
    this.#now = options.now ?? (() => new Date());
    this.#defaultPhase = options.defaultPhase;
    this.#unsubscribe = this.adapter.subscribe(this.space, (changes) => void this.#onAdapterChanges(changes));
  }

  can(action: Action, record?: TwinRecord): boolean {
    return can(this.user, action, record, this.settings);
  }

  async get<T extends TwinRecord>(collection: string, id: string): Promise<T> {
    const definition = this.#definition(collection);
    const raw = await this.#io.get(this.space, collection, id);
    const notFound = () => new TwinNotFoundError(`This ${this.#noun(collection)} no longer exists (it may have been deleted).`);
    if (!raw) throw notFound();
    const checked = this.#check<T>(raw, definition);
    if (!checked.ok) {
      this.#reportInvalid({ collection, id, issues: checked.issues, raw });
      throw new TwinValidationError(`This ${this.#noun(collection)} is damaged and cannot be shown: ${describeIssues(checked.issues)}.`, checked.issues);
    }
    // A record the user may not read is, for them, not there.
    if (!this.can('read', checked.record)) throw notFound();
    return checked.record;
  }

  async list<T extends TwinRecord>(collection: string, query: ListQuery = {}): Promise<ListResult<T>> {
    const definition = this.#definition(collection);
    const raws = await this.#io.list(this.space, collection, query);
    const records: T[] = [];
    const invalid: InvalidRecord[] = [];
    for (const raw of raws) {
      const checked = this.#check<T>(raw, definition);
      if (checked.ok) {
        if (this.can('read', checked.record)) records.push(checked.record);
      } else {
        const report = { collection, id: String(raw.id), issues: checked.issues, raw };
        invalid.push(report);
        this.#reportInvalid(report);
      }
    }
    return { records, invalid };
  }

  async create<T extends TwinRecord>(collection: string, fields: Record<string, unknown>, options: CreateOptions = {}): Promise<T> {
    const [result] = await this.#createBatch<T>(collection, [{ fields, options }], true);
    if (!result.ok) throw result.error;
    return result.record;
  }

  createMany<T extends TwinRecord>(collection: string, items: Record<string, unknown>[]): Promise<BatchResult<T>[]> {
    return this.#createBatch<T>(
      collection,
      items.map((fields) => ({ fields, options: {} })),
      false,
    );
  }

  async #createBatch<T extends TwinRecord>(
    collection: string,
    items: { fields: Record<string, unknown>; options: CreateOptions }[],
    throwFirst: boolean,
  ): Promise<BatchResult<T>[]> {
    const definition = this.#definition(collection);
    this.#require('create', undefined, collection);
    const timestamp = this.#now().toISOString();
    const feedback = definition.feedbackOn;
    // A reaction is a signal, not content: it needs no approval, or it would wait for ever.
    const status = feedback?.unmoderated ? 'published' : initialStatus(this.user, this.settings);
    const results: (BatchResult<T> | undefined)[] = new Array(items.length);
    const toWrite: { index: number; record: RawRecord }[] = [];
    // Feedback may only go on a record the user can read and may comment on or react to.
    const targets = feedback ? await this.#feedbackTargets(feedback, items.map(({ fields }) => fields.target)) : undefined;
    items.forEach(({ fields, options }, index) => {
      try {
        if (feedback && !targets?.get(String(fields.target))) {
          throw new TwinPermissionError(`${this.user.name} (${this.user.role}) may not ${feedback.action} on this record: it does not exist or cannot be read.`, feedback.action);
        }
        const phase = options.phase ?? (fields.phase as string | undefined) ?? this.#defaultPhase;
        const draft: Record<string, unknown> = {
          ...this.#withoutReserved(fields, collection),
          // An id given in the fields is kept (a restored backup keeps its links between entries).
          id: options.id ?? (typeof fields.id === 'string' && fields.id ? fields.id : randomId()),
          space: this.space,
          collection,
          rev: UNSAVED_REV,
          schemaVersion: definition.version,
          createdAt: timestamp,
          updatedAt: timestamp,
          author: this.#author(),
          status,
        };
        if (phase === undefined) delete draft.phase;
        else draft.phase = phase;
        toWrite.push({ index, record: this.#validateForWrite(draft, definition, collection) });
      } catch (error) {
        if (throwFirst) throw error;
        results[index] = { ok: false, error: error as Error };
      }
    });
    if (toWrite.length) {
      const written = await this.#io.write(
        this.space,
        toWrite.map(({ record }) => ({ type: 'put' as const, record, expectedRev: null })),
        { origin: this.#origin },
      );
      const changes: RecordChange[] = [];
      written.forEach((result, i) => {
        const { index, record } = toWrite[i];
        if (result.ok) {
          const saved = deepFreeze({ ...record, rev: result.rev }) as T;
          results[index] = { ok: true, record: saved };
          changes.push({ type: 'put', collection, id: saved.id, record: saved, local: true });
        } else {
          results[index] = {
            ok: false,
            error: new TwinConflictError(
              `A ${this.#noun(collection)} with this id already exists. Nothing was overwritten.`,
              record,
              this.#theirs(result.current, definition),
            ),
          };
        }
      });
      this.#emitChanges(changes);
    }
    return results as BatchResult<T>[];
  }

  async update<T extends TwinRecord>(collection: string, base: T, changes: Record<string, unknown>): Promise<T> {
    const definition = this.#definition(collection);
    const fields = this.#withoutReserved(changes, collection);
    const noun = this.#noun(collection);
    const mine = { ...base, ...fields };
    // Everything is decided on the stored version, never on the caller's copy: a widget cannot
    // change the author, status or creation time by passing an edited record.
    let theirs = await this.#stored<T>(collection, definition, base);
    for (let attempt = 1; ; attempt++) {
      if (!theirs) {
        throw new TwinConflictError(`Someone deleted this ${noun} while you were editing it. Your version is kept here so you can save it again.`, mine, undefined);
      }
      // Only what the user changed is written: fields they did not touch keep the stored value.
      const merge = mergeOnto(base, mine, theirs);
      if (!merge.ok || (theirs.rev !== base.rev && attempt > MERGE_ATTEMPTS)) {
        throw new TwinConflictError(
          `Someone else changed this ${noun} while you were editing it (${merge.ok ? 'several times' : merge.fields.join(', ')}). Both versions are kept: choose which to keep.`,
          mine,
          theirs,
          merge.ok ? [] : merge.fields,
        );
      }
      const removals = Object.fromEntries(merge.removed.map((key) => [key, undefined]));
      const edited = this.#edited(theirs, removals, merge.set, definition);
      if (!this.#mayContribute(theirs, edited, definition)) this.#require('edit', theirs, collection);
      const record = this.#validateForWrite(edited, definition, collection);
      const [result] = await this.#io.write(this.space, [{ type: 'put', record, expectedRev: theirs.rev }], { origin: this.#origin });
      if (result.ok) return this.#saved<T>(collection, record, result);
      theirs = this.#theirs<T>(result.current, definition);
    }
  }

  async setStatus<T extends TwinRecord>(collection: string, record: T, status: RecordStatus, options: { note?: string } = {}): Promise<T> {
    const definition = this.#definition(collection);
    const stored = await this.#stored<T>(collection, definition, record);
    const changed = () =>
      new TwinConflictError(`This ${this.#noun(collection)} changed before your decision was saved. Look at the new version and decide again.`, record, stored);
    if (!stored) throw new TwinNotFoundError(`This ${this.#noun(collection)} no longer exists (it may have been deleted).`);
    if (stored.rev !== record.rev) throw changed();
    this.#require(status === 'hidden' ? 'hide' : 'approve', stored, collection);
    // Only the status and the time change: content in the caller's copy is not written.
    const updatedAt = this.#later(stored.updatedAt);
    const { review: _previous, ...rest } = stored;
    const note = options.note?.trim();
    const decided = note ? { ...rest, status, updatedAt, review: { note, by: this.#author(), at: updatedAt } } : { ...rest, status, updatedAt };
    const next = this.#validateForWrite(decided, definition, collection);
    const [result] = await this.#io.write(this.space, [{ type: 'put', record: next, expectedRev: stored.rev }], { origin: this.#origin });
    if (!result.ok) {
      throw new TwinConflictError(
        `This ${this.#noun(collection)} changed before your decision was saved. Look at the new version and decide again.`,
        next,
        this.#theirs(result.current, definition),
      );
    }
    return this.#saved<T>(collection, next, result);
  }

  async remove(collection: string, record: TwinRecord): Promise<void> {
    const definition = this.#definition(collection);
    const stored = await this.#stored(collection, definition, record);
    const gone = () => this.#emitChanges([{ type: 'delete', collection, id: record.id, local: true }]);
    const kept = (theirs: TwinRecord | undefined) =>
      new TwinConflictError(`Someone changed this ${this.#noun(collection)} before it was deleted, so it was kept. Look at the new version first.`, record, theirs);
    if (!stored) return gone(); // Already gone: the user's wish is met, and views learn it.
    if (stored.rev !== record.rev) throw kept(stored);
    this.#require('delete', stored, collection);
    const [result] = await this.#io.write(this.space, [{ type: 'delete', collection, id: record.id, expectedRev: stored.rev }], {
      origin: this.#origin,
    });
    if (!result.ok) {
      if (!result.current) return gone();
      throw kept(this.#theirs(result.current, definition));
    }
    gone();
  }

  async putAttachment(blob: Blob, limits: AttachmentLimits) {
    this.#require('create', undefined, 'attachment');
    const checked = await checkAttachment(blob, limits);
    if (!checked.ok && checked.reason === 'too-large') {
      throw new TwinValidationError(
        `This file is too large (${formatBytes(blob.size)}); the limit is ${formatBytes(limits.maxBytes)}. Nothing was saved.`,
        [{ path: 'size', message: `exceeds ${limits.maxBytes} bytes` }],
      );
    }
    if (!checked.ok) {
      throw new TwinValidationError(
        `This file's content is not one of the accepted types (${limits.types.join(', ')}). Nothing was saved.`,
        [{ path: 'type', message: `content is ${checked.type ?? 'unknown'}` }],
      );
    }
    const type = checked.type;
    const typed = blob.type === type ? blob : new Blob([blob], { type });
    return this.#io.putAttachment(this.space, typed);
  }

  async getAttachment(id: string): Promise<Blob> {
    const blob = await this.#io.getAttachment(this.space, id);
    if (!blob) throw new TwinNotFoundError('This file is no longer stored.');
    return blob;
  }

  /**
   * Deletes a file that `record` (in `collection`) refers to, as someone who may edit that record.
   * Attachment ids are visible in published records, so an id alone gives no right to delete.
   */
  async removeAttachment(id: string, collection: string, record: TwinRecord): Promise<void> {
    const definition = this.#definition(collection);
    const stored = await this.#stored(collection, definition, record);
    if (!stored || !JSON.stringify(stored).includes(JSON.stringify(id))) {
      throw new TwinPermissionError(`This file does not belong to this ${this.#noun(collection)}, so it was not deleted.`, 'edit');
    }
    this.#require('edit', stored, collection);
    await this.#io.deleteAttachment(this.space, id);
  }

  subscribe(listener: (changes: RecordChange[]) => void): () => void {
    const handler = (event: Event) => listener((event as CustomEvent<{ changes: RecordChange[] }>).detail.changes);
    this.addEventListener('change', handler);
    return () => this.removeEventListener('change', handler);
  }

  async close(): Promise<void> {
    this.#unsubscribe();
  }

  // -- internals --------------------------------------------------------------------------

  async #onAdapterChanges(changes: Change[]) {
    const foreign = changes.filter((change) => change.origin !== this.#origin);
    if (!foreign.length) return;
    const out = await Promise.all(
      foreign.map(async (change): Promise<RecordChange | undefined> => {
        const definition = this.#collections[change.collection];
        if (!definition) return undefined;
        if (change.type === 'delete') return { type: 'delete', collection: change.collection, id: change.id, local: false };
        let raw = change.record;
        if (!raw) {
          try {
            raw = await this.#io.get(this.space, change.collection, change.id);
          } catch {
            return undefined; // Unreadable right now (another tab upgrading): not a deletion.
          }
        }
        if (!raw) return { type: 'delete', collection: change.collection, id: change.id, local: false };
        const checked = this.#check<TwinRecord>(raw, definition);
        if (!checked.ok) {
          this.#reportInvalid({ collection: change.collection, id: change.id, issues: checked.issues, raw });
          return undefined;
        }
        // A record hidden from this user (say, by a teacher) leaves their view like a deletion.
        if (!this.can('read', checked.record)) return { type: 'delete', collection: change.collection, id: change.id, local: false };
        return { type: 'put', collection: change.collection, id: change.id, record: checked.record, local: false };
      }),
    );
    this.#emitChanges(out.filter((change): change is RecordChange => change !== undefined));
  }

  /**
   * The stored, validated version of `record`: from what this store already validated when the
   * revisions match, else read. Undefined when it is gone or the user may not read it.
   */
  async #stored<T extends TwinRecord>(collection: string, definition: CollectionDefinition, record: TwinRecord): Promise<T | undefined> {
    const known = this.#validated.get(`${collection}\u0000${record.id}`);
    if (known && known.rev === record.rev) return known.record as T;
    const raw = await this.#io.get(this.space, collection, record.id);
    if (!raw) return undefined;
    const checked = this.#check<T>(raw, definition);
    if (!checked.ok) {
      throw new TwinConflictError(
        `The stored version of this ${this.#noun(collection)} is damaged (${describeIssues(checked.issues)}). Your version is kept here so you can save it again.`,
        record,
        undefined,
      );
    }
    return this.can('read', checked.record) ? checked.record : undefined;
  }

  /** What storage holds, for a conflict error: only a valid record the user may read, never raw data. */
  #theirs<T extends TwinRecord>(raw: RawRecord | undefined, definition: CollectionDefinition): T | undefined {
    if (!raw) return undefined;
    const checked = this.#check<T>(raw, definition);
    return checked.ok && this.can('read', checked.record) ? checked.record : undefined;
  }

  /** The record after an edit: the stored envelope, the user's fields, and the store's bookkeeping. */
  #edited(stored: TwinRecord, changes: Record<string, unknown>, fields: Record<string, unknown>, definition: CollectionDefinition) {
    const next: Record<string, unknown> = {
      ...stored,
      ...fields,
      // Never lower the version of a record written by a newer Twinkit (its fields are kept).
      schemaVersion: Math.max(definition.version, stored.schemaVersion),
      updatedAt: this.#later(stored.updatedAt),
    };
    for (const key of Object.keys(changes)) if (changes[key] === undefined) delete next[key];
    // An author whose records need approval sends an edited published record back for approval.
    if (stored.status === 'published' && stored.author.id === this.user.id && initialStatus(this.user, this.settings) === 'pending') {
      next.status = 'pending';
    }
    return next;
  }

  /** Validates a stored record, or reuses the result for a revision already validated. */
  #check<T>(raw: RawRecord, definition: CollectionDefinition): ReturnType<typeof checkRecord<T>> {
    const key = `${raw.collection}\u0000${raw.id}`;
    const known = this.#validated.get(key);
    if (known && known.rev === raw.rev && typeof raw.rev === 'string') return { ok: true, record: known.record as T };
    const checked = checkRecord<T>(raw, definition);
    // Frozen: one object is shared by every view of this revision, so none may change it in place.
    if (checked.ok) this.#validated.set(key, { rev: raw.rev, record: deepFreeze(checked.record as TwinRecord) });
    else this.#validated.delete(key);
    return checked;
  }

  #emitChanges(changes: RecordChange[]) {
    for (const change of changes) {
      const key = `${change.collection}\u0000${change.id}`;
      if (change.record) this.#validated.set(key, { rev: change.record.rev, record: change.record });
      else if (change.type === 'delete') this.#validated.delete(key);
    }
    if (changes.length) this.dispatchEvent(new CustomEvent('change', { detail: { changes } }));
  }

  #reportInvalid(report: InvalidRecord) {
    this.dispatchEvent(new CustomEvent('invalid', { detail: report }));
  }

  #saved<T>(collection: string, record: RawRecord, result: WriteResult): T {
    const saved = deepFreeze({ ...record, rev: (result as { rev: string }).rev }) as unknown as T & TwinRecord;
    this.#emitChanges([{ type: 'put', collection, id: saved.id, record: saved, local: true }]);
    return saved;
  }

  #definition(collection: string): CollectionDefinition {
    const definition = this.#collections[collection];
    if (!definition) {
      throw new TwinValidationError(`"${collection}" is not a known collection. Known: ${Object.keys(this.#collections).join(', ')}.`, [
        { path: 'collection', message: 'is not known' },
      ]);
    }
    return definition;
  }

  #require(action: Action, record: TwinRecord | undefined, collection: string) {
    if (!can(this.user, action, record, this.settings)) {
      throw new TwinPermissionError(
        `${this.user.name} (${this.user.role}) may not ${action.replace('-', ' ')} ${record ? 'this' : 'a'} ${this.#noun(collection)} in this space.`,
        action,
      );
    }
  }

  /** For each target id: may the user give this feedback on it? */
  async #feedbackTargets(feedback: NonNullable<CollectionDefinition['feedbackOn']>, ids: unknown[]): Promise<Map<string, boolean>> {
    const allowed = new Map<string, boolean>();
    const definition = this.#definition(feedback.collection);
    for (const id of new Set(ids.filter((value): value is string => typeof value === 'string'))) {
      const raw = await this.#io.get(this.space, feedback.collection, id);
      const checked = raw ? this.#check<TwinRecord>(raw, definition) : undefined;
      allowed.set(id, !!checked?.ok && this.can(feedback.action, checked.record));
    }
    return allowed;
  }

  /** A member who may not edit a record may still make the collection's contribution to it (see `canContribute`). */
  #mayContribute(stored: TwinRecord, next: Record<string, unknown>, definition: CollectionDefinition): boolean {
    if (!definition.contribution || this.can('edit', stored) || !canContribute(this.user, stored, this.settings)) return false;
    return definition.contribution(stored, next, this.user);
  }

  #withoutReserved(fields: Record<string, unknown>, collection: string): Record<string, unknown> {
    const reserved = RESERVED.filter((key) => key in fields && key !== 'id');
    if (reserved.length) {
      throw new TwinValidationError(
        `This ${this.#noun(collection)} was not saved: ${reserved.join(', ')} ${reserved.length > 1 ? 'are' : 'is'} managed by Twinkit and cannot be set directly.`,
        reserved.map((path) => ({ path, message: 'is managed by Twinkit' })),
      );
    }
    const { id: _ignored, ...rest } = fields;
    return rest;
  }

  #validateForWrite(draft: Record<string, unknown>, definition: CollectionDefinition, collection: string): RawRecord {
    const checked = checkRecord<RawRecord>(draft, definition);
    if (!checked.ok) throw this.#invalidWrite(collection, checked.issues);
    return checked.record;
  }

  #invalidWrite(collection: string, issues: ValidationIssue[]) {
    return new TwinValidationError(`This ${this.#noun(collection)} was not saved: ${describeIssues(issues)}.`, issues);
  }

  #author() {
    const { id, name, school } = this.user;
    return school ? { id, name, school } : { id, name };
  }

  /** `updatedAt` never goes backwards, even when this device's clock is behind the last writer's. */
  #later(previous: string): string {
    // Compared as instants, not as text: a stored time may carry an offset (`09:00-05:00` is after `12:00Z`).
    const now = this.#now();
    const last = Date.parse(previous);
    return now.getTime() > last ? now.toISOString() : new Date(last + 1).toISOString();
  }

  #noun(collection: string) {
    return NOUNS[collection] ?? `${collection} record`;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
