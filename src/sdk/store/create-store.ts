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
import { authorIdOf, DEFAULT_ADDRESSEE_FIELD, readRuleAllows } from '../policy/read-rules.js';
import { canModerate, DEFAULT_SETTINGS, isStaff, type SpaceSettings, type TwinUser } from '../policy/roles.js';
import { randomId } from '../revision.js';
import { builtInCollections, type CollectionDefinition } from '../schemas/collections.js';
import { ENVELOPE_KEYS, RECORD_STATUSES, type RecordStatus } from '../schemas/envelope.js';
import { LIMITS } from '../schemas/limits.js';
import type {
  AttachmentLimits,
  BatchResult,
  CreateAllItem,
  CreateOptions,
  ErasureResult,
  InvalidRecord,
  ListResult,
  PersonExport,
  RecordChange,
  StoreOptions,
  TwinRecord,
} from './store-types.js';
import { keepsStatus } from './arrangement-fields.js';
import { attachmentIdsOf } from './attachment-refs.js';
import { changesOnlyModeratorFields, moderatorFieldsIn, moderatorFieldsSet } from './moderator-fields.js';
import { reportStorageErrors } from './report-storage-errors.js';
import { changedKeys, mergeOnto } from './three-way-merge.js';
import { checkRecord, describeIssues } from './validate-record.js';
import type { ListQuery } from '../adapter.js';

/** Keys the store owns: a widget cannot set them through `create` or `update` (`phase` it may). */
const RESERVED: readonly string[] = ENVELOPE_KEYS.filter((key) => key !== 'phase');
/** Placeholder revision used to validate a record before the adapter gives it a real one. */
const UNSAVED_REV = '0-unsaved';
/** How many times a safe merge is retried when others keep writing the same record. */
const MERGE_ATTEMPTS = 3;
/** How many times `erasePerson` tries again to delete records that others changed meanwhile. */
const ERASE_ATTEMPTS = 3;
/**
 * From this many distinct targets, feedback that follows its target reads the target collection
 * once instead of each target on its own.
 */
const TARGETS_LISTED_FROM = 8;

/** Per operation: may the user read target `collection/id`? Looked up once per operation. */
type TargetCache = Map<string, Promise<boolean>>;

const NOUNS: Record<string, string> = {
  glossary: 'glossary entry',
  board: 'board post',
  'board-section': 'board section',
  'board-comment': 'comment',
  'board-reaction': 'reaction',
  'board-flag': 'report',
  'board-settings': 'board settings',
  journal: 'journal entry',
  'glossary-comment': 'comment',
  'glossary-reaction': 'reaction',
  phase: 'phase',
  project: 'project settings',
  activity: 'activity',
  goal: 'learning goal',
  'goal-rating': 'self-rating',
  'journal-prompt': 'prompt set',
  'journal-feedback': 'feedback',
  'journal-note': 'note',
  'journal-settings': 'journal settings',
};

/** Nouns that take no article: "feedback with this id already exists". */
const UNCOUNTABLE = new Set(['feedback']);

/** "a phase", "an activity", "the project settings", "feedback". */
function withArticle(noun: string): string {
  if (UNCOUNTABLE.has(noun)) return noun;
  if (noun.endsWith('settings')) return `the ${noun}`;
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A record's visible name, for an error message: its title or name, shortened. */
function titleOf(fields: Record<string, unknown>): string | undefined {
  const title = typeof fields.title === 'string' ? fields.title : typeof fields.name === 'string' ? fields.name : undefined;
  const trimmed = title?.trim().replace(/\s+/g, ' ');
  if (!trimmed) return undefined;
  return trimmed.length > 60 ? `${trimmed.slice(0, 59)}…` : trimmed;
}

/** The value at a field or a dotted path (`schedule.phase`) of a record; undefined when a step is missing. */
function valueAt(record: Record<string, unknown>, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The ids a reference field names: none, one, or (for `many`) each string of an array. */
function referencedIds(value: unknown, many: boolean | undefined): string[] {
  if (many) return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  return typeof value === 'string' ? [value] : [];
}

/** A reference that does not hold: which field, which id, named how. */
interface ReferenceProblem {
  field: string;
  id: string;
  label: string;
}

const referenceSentence = ({ id, label }: ReferenceProblem) => `the ${label} "${id}" does not exist or was removed: choose another ${label}.`;

const referenceIssue = (problem: ReferenceProblem): ValidationIssue => ({
  path: problem.field,
  message: `names ${withArticle(problem.label)} that does not exist or was removed`,
});

/** One item of a `createAll` batch, checked: its record, or why it cannot be written, and the label that names it ("Activity 3 (\"Icebreaking\")"). */
interface BatchEntry {
  label: string;
  collection: string;
  definition?: CollectionDefinition;
  /** Set when the record was checked and may be written. */
  record?: RawRecord;
  /** True when the caller chose the id (it may be taken); otherwise it is random. */
  chosenId: boolean;
  error?: unknown;
}

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
  #defaultPhase: string | undefined;
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
    // A record its collection's read rule keeps from the user (a pupil's self-rating, a private
    // journal entry, a note to another pupil) is, for them, not there. Feedback that follows its
    // target is also checked against the target where the store delivers records (not here).
    if (record && !this.#ruleAllows(record, this.#collections[record.collection])) return false;
    return can(this.user, action, record, this.settings);
  }

  canCreate(collection: string): boolean {
    const definition = this.#collections[collection];
    if (!definition || !this.can('create')) return false;
    return definition.createdBy !== 'staff' || isStaff(this.user.role);
  }

  get defaultPhase(): string | undefined {
    return this.#defaultPhase;
  }

  setDefaultPhase(phase: string | undefined): void {
    if (phase !== undefined && (typeof phase !== 'string' || phase.length === 0 || phase.length > LIMITS.id)) {
      throw new TwinValidationError(`The default phase must be a phase id of 1 to ${LIMITS.id} characters, or nothing.`, [
        { path: 'phase', message: `must be a phase id of 1 to ${LIMITS.id} characters` },
      ]);
    }
    this.#defaultPhase = phase;
  }

  async get<T extends TwinRecord>(collection: string, id: string): Promise<T> {
    const definition = this.#definition(collection);
    const raw = await this.#io.get(this.space, collection, id);
    const notFound = () => new TwinNotFoundError(`This ${this.#noun(collection)} no longer exists (it may have been deleted).`);
    const targets: TargetCache = new Map();
    if (!raw || !(await this.#mayInspect(raw, definition, targets))) throw notFound();
    const checked = this.#check<T>(raw, definition);
    if (!checked.ok) {
      this.#reportInvalid({ collection, id, issues: checked.issues, raw });
      throw new TwinValidationError(`This ${this.#noun(collection)} is damaged and cannot be shown: ${describeIssues(checked.issues)}.`, checked.issues);
    }
    // A record the user may not read is, for them, not there.
    if (!(await this.#readable(checked.record as TwinRecord, definition, targets))) throw notFound();
    return checked.record;
  }

  async list<T extends TwinRecord>(collection: string, query: ListQuery = {}): Promise<ListResult<T>> {
    const definition = this.#definition(collection);
    const raws = await this.#io.list(this.space, collection, query);
    const records: T[] = [];
    const invalid: InvalidRecord[] = [];
    const targets: TargetCache = new Map();
    const follows = this.#followsTarget(definition);
    if (follows) this.#prefetchTargets(definition, raws, targets);
    // Written out (not #mayInspect and #readable): a list of plain records awaits nothing per record.
    for (const raw of raws) {
      if (!this.#ruleAllows(raw, definition) || (follows && !(await this.#targetAllows(raw, definition, targets)))) continue;
      const checked = this.#check<T>(raw, definition);
      if (checked.ok) {
        // The target, if any, was checked above on the same stored version.
        if (this.can('read', checked.record as TwinRecord)) records.push(checked.record);
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
    this.#requireCreate(collection, definition);
    const timestamp = this.#now().toISOString();
    const feedback = definition.feedbackOn;
    const results: (BatchResult<T> | undefined)[] = new Array(items.length);
    const toWrite: { index: number; record: RawRecord }[] = [];
    // Feedback may only go on a record the user can read and may comment on or react to.
    const targets = feedback ? await this.#feedbackTargets(feedback, items.map(({ fields }) => fields.target)) : undefined;
    const approval = await this.#approvalRequired(definition);
    const lookups = new Map<string, Promise<boolean>>();
    for (const [index, { fields, options }] of items.entries()) {
      try {
        if (feedback && !targets?.get(String(fields.target))) throw this.#feedbackRefused(feedback);
        this.#requireModeratorFields(collection, moderatorFieldsSet(definition, fields), 'create');
        const record = this.#validateForWrite(this.#draft(collection, definition, fields, options, timestamp, approval), definition, collection);
        const problem = await this.#referenceProblem(record, definition, undefined, lookups);
        if (problem) throw new TwinValidationError(capitalized(referenceSentence(problem)), [referenceIssue(problem)]);
        toWrite.push({ index, record });
      } catch (error) {
        if (throwFirst) throw error;
        results[index] = { ok: false, error: error as Error };
      }
    }
    if (toWrite.length) {
      const written = await this.#io.write(
        this.space,
        toWrite.map(({ record }) => ({ type: 'put' as const, record, expectedRev: null })),
        { origin: this.#origin },
      );
      const changes: RecordChange[] = [];
      for (const [i, result] of written.entries()) {
        const { index, record } = toWrite[i];
        if (result.ok) {
          const saved = deepFreeze({ ...record, rev: result.rev }) as T;
          results[index] = { ok: true, record: saved };
          changes.push({ type: 'put', collection, id: saved.id, record: saved, local: true });
        } else {
          results[index] = {
            ok: false,
            error: new TwinConflictError(
              `${capitalized(withArticle(this.#noun(collection)))} with this id already exists. Nothing was overwritten.`,
              record,
              await this.#theirs(result.current, definition),
            ),
          };
        }
      }
      this.#emitChanges(changes);
    }
    return results as BatchResult<T>[];
  }

  async createAll(items: CreateAllItem[]): Promise<TwinRecord[]> {
    if (!items.length) return [];
    const timestamp = this.#now().toISOString();
    // Collections whose approval switch (the journal settings) makes this user's records wait.
    const approvals = new Set<string>();
    for (const collection of new Set(items.map((item) => item.collection))) {
      const definition = this.#collections[collection];
      if (definition && (await this.#approvalRequired(definition))) approvals.add(collection);
    }
    const entries = this.#prepareBatch(items, timestamp, approvals);
    // Records of this batch count as existing for each other's references.
    const inBatch = new Map<string, RawRecord>();
    for (const entry of entries) if (entry.record) inBatch.set(`${entry.collection}\u0000${entry.record.id}`, entry.record);
    const lookups = new Map<string, Promise<boolean>>();
    const feedbackTargets = new Map<string, Map<string, boolean>>();
    // Every item is checked, in order, before anything is written: the first problem stops the batch.
    for (const [index, entry] of entries.entries()) {
      const { label, collection, definition, record } = entry;
      if (entry.error !== undefined) throw this.#batchError(label, entry.error);
      if (!definition || !record) throw new Error('unreachable: a batch entry without an error has a record');
      const feedback = definition.feedbackOn;
      if (feedback) {
        if (!feedbackTargets.has(collection)) {
          const targets = items.filter((item) => item.collection === collection).map((item) => item.fields.target);
          feedbackTargets.set(collection, await this.#feedbackTargets(feedback, targets));
        }
        if (!feedbackTargets.get(collection)?.get(String(items[index].fields.target))) throw this.#feedbackRefused(feedback);
      }
      const problem = await this.#referenceProblem(record, definition, undefined, lookups, inBatch);
      if (problem) {
        throw new TwinValidationError(`${label}: ${referenceSentence(problem)} Nothing was saved.`, [referenceIssue(problem)]);
      }
      if (entry.chosenId) {
        const taken = await this.#io.get(this.space, collection, record.id);
        if (taken) {
          throw new TwinConflictError(
            `${label}: ${withArticle(this.#noun(collection))} with the id "${record.id}" already exists. Nothing was saved.`,
            record,
            await this.#theirs(taken, definition),
          );
        }
      }
    }
    const records = entries.map((entry) => entry.record as RawRecord);
    const written = await this.#io.write(
      this.space,
      records.map((record) => ({ type: 'put' as const, record, expectedRev: null })),
      { origin: this.#origin },
    );
    const refused = written.findIndex((result) => !result.ok);
    if (refused >= 0) throw await this.#undoBatch(entries, written, refused);
    const saved = records.map((record, i) => deepFreeze({ ...record, rev: (written[i] as { rev: string }).rev }) as TwinRecord);
    this.#emitChanges(saved.map((record) => ({ type: 'put' as const, collection: record.collection, id: record.id, record, local: true })));
    return saved;
  }

  /** Builds and checks (collection, permission, schema, ids used twice) each record of a batch, without throwing. */
  #prepareBatch(items: CreateAllItem[], timestamp: string, approvals: ReadonlySet<string>): BatchEntry[] {
    const counts = new Map<string, number>();
    const ids = new Set<string>();
    return items.map((item, index) => {
      const { collection } = item;
      const count = (counts.get(collection) ?? 0) + 1;
      counts.set(collection, count);
      const definition = this.#collections[collection];
      const title = item.fields && typeof item.fields === 'object' ? titleOf(item.fields) : undefined;
      const label = `${definition ? `${capitalized(this.#noun(collection))} ${count}` : `Item ${index + 1}`}${title ? ` ("${title}")` : ''}`;
      const chosenId = item.id !== undefined || (typeof item.fields?.id === 'string' && item.fields.id !== '');
      try {
        if (!definition) {
          throw new TwinValidationError(`"${collection}" is not a known collection (known: ${Object.keys(this.#collections).join(', ')}).`, [
            { path: 'collection', message: 'is not known' },
          ]);
        }
        this.#requireCreate(collection, definition);
        this.#requireModeratorFields(collection, moderatorFieldsSet(definition, item.fields ?? {}), 'create');
        const draft = this.#draft(collection, definition, item.fields ?? {}, { id: item.id, phase: item.phase }, timestamp, approvals.has(collection));
        const record = this.#validateForWrite(draft, definition, collection);
        const key = `${collection}\u0000${record.id}`;
        if (ids.has(key)) {
          throw new TwinValidationError(`it has the same id ("${record.id}") as another ${this.#noun(collection)} of this batch.`, [
            { path: 'id', message: 'is used twice in this batch' },
          ]);
        }
        ids.add(key);
        return { label, collection, definition, record, chosenId };
      } catch (error) {
        return { label, collection, definition, chosenId, error };
      }
    });
  }

  /** A batch item's error, saying which item it is. Permission and storage errors pass as they are. */
  #batchError(label: string, error: unknown): unknown {
    if (!(error instanceof TwinValidationError)) return error;
    const unknownCollection = error.issues.some((issue) => issue.path === 'collection');
    const duplicate = error.issues.some((issue) => issue.message === 'is used twice in this batch');
    const what = unknownCollection || duplicate ? error.message.replace(/\.$/, '') : describeIssues(error.issues);
    return new TwinValidationError(`${label}: ${what}. Nothing was saved.`, error.issues);
  }

  /**
   * The adapter saved part of a batch and refused the rest (an id taken in between): takes back what
   * it saved, so the batch stays all or nothing, and says what happened.
   */
  async #undoBatch(entries: BatchEntry[], written: WriteResult[], refused: number): Promise<TwinConflictError> {
    const saved = written.flatMap((result) => (result.ok ? [{ type: 'delete' as const, collection: result.collection, id: result.id, expectedRev: result.rev }] : []));
    const undone = saved.length ? await this.#io.write(this.space, saved, { origin: this.#origin }) : [];
    const kept = undone.filter((result) => !result.ok && result.current).length;
    const { label, collection, definition, record } = entries[refused];
    const current = written[refused].ok ? undefined : (written[refused] as { current?: RawRecord }).current;
    const noun = withArticle(this.#noun(collection));
    const message = kept
      ? `${label}: ${noun} with the id "${record?.id}" was created by someone else a moment ago, so the batch was stopped; ${kept} of its records could not be taken back because someone changed them meanwhile.`
      : `${label}: ${noun} with the id "${record?.id}" was created by someone else a moment ago. Nothing was saved.`;
    return new TwinConflictError(message, record, definition ? await this.#theirs(current, definition) : undefined);
  }

  /**
   * A new record before validation: the caller's fields and the store's envelope. `approval`: the
   * collection's approval switch asks for approval of this user's records (see `#approvalRequired`).
   */
  #draft(
    collection: string,
    definition: CollectionDefinition,
    fields: Record<string, unknown>,
    options: CreateOptions,
    timestamp: string,
    approval: boolean,
  ): Record<string, unknown> {
    // A reaction is a signal, not content: it needs no approval, or it would wait for ever.
    const status = definition.unmoderated || definition.feedbackOn?.unmoderated ? 'published' : approval ? 'pending' : initialStatus(this.user, this.settings);
    const given = options.phase ?? (fields.phase as string | undefined);
    const phase = given ?? (definition.takesDefaultPhase === false ? undefined : this.#defaultPhase);
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
    return draft;
  }

  async update<T extends TwinRecord>(collection: string, base: T, changes: Record<string, unknown>): Promise<T> {
    const definition = this.#definition(collection);
    const fields = this.#withoutReserved(changes, collection);
    const noun = this.#noun(collection);
    const mine = { ...base, ...fields };
    // Everything is decided on the stored version, never on the caller's copy: a widget cannot
    // change the author, status or creation time by passing an edited record.
    let theirs = await this.#stored<T>(collection, definition, base);
    const approval = await this.#approvalRequired(definition);
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
      const edited = this.#edited(theirs, removals, merge.set, definition, approval);
      // What this edit changes in the content (the status is the store's to set).
      const changed = [...changedKeys(theirs, edited)].filter((key) => key !== 'status');
      this.#requireModeratorFields(collection, moderatorFieldsIn(definition, changed), 'edit');
      if (!this.#mayContribute(theirs, edited, definition) && !this.#maySetModeratorFields(changed, definition)) this.#require('edit', theirs, collection);
      const record = this.#validateForWrite(edited, definition, collection);
      // Only what this edit names anew is checked: an activity left in a phase removed since can still be edited.
      const problem = await this.#referenceProblem(record, definition, theirs);
      if (problem) throw new TwinValidationError(capitalized(referenceSentence(problem)), [referenceIssue(problem)]);
      const [result] = await this.#io.write(this.space, [{ type: 'put', record, expectedRev: theirs.rev }], { origin: this.#origin });
      if (result.ok) return this.#saved<T>(collection, record, result);
      theirs = await this.#theirs<T>(result.current, definition);
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
        await this.#theirs(result.current, definition),
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
      throw kept(await this.#theirs(result.current, definition));
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

  async exportPerson(userId: string): Promise<PersonExport> {
    this.#requirePerson(userId, 'export');
    const records: Record<string, TwinRecord[]> = {};
    const invalid: InvalidRecord[] = [];
    for (const { collection, definition, raws } of await this.#listEverything()) {
      const mine: TwinRecord[] = [];
      for (const raw of raws) {
        if (!this.#concerns(raw, definition, userId)) continue;
        const checked = this.#check<TwinRecord>(raw, definition);
        if (checked.ok) mine.push(checked.record);
        else invalid.push({ collection, id: String(raw.id), issues: checked.issues, raw });
      }
      records[collection] = mine;
    }
    return { person: userId, exportedAt: this.#now().toISOString(), records, invalid };
  }

  async erasePerson(userId: string): Promise<ErasureResult> {
    this.#requirePerson(userId, 'erase');
    const everything = await this.#listEverything();
    const keyOf = (collection: string, id: unknown) => `${collection}\u0000${String(id)}`;
    /** The records to erase, by collection/id: the person's, those addressed to them, then feedback on those. */
    const chosen = new Map<string, { collection: string; raw: RawRecord }>();
    const kept: ErasureResult['keptRecords'] = [];
    const choose = (collection: string, raw: RawRecord) => {
      const reason = this.#erasureRefusal(raw);
      if (reason) kept.push({ collection, id: String(raw.id), reason });
      else chosen.set(keyOf(collection, raw.id), { collection, raw });
    };
    for (const { collection, definition, raws } of everything) {
      for (const raw of raws) if (this.#concerns(raw, definition, userId)) choose(collection, raw);
    }
    // Feedback on an erased record has lost its target (and may quote the person): it goes too.
    for (const { collection, definition, raws } of everything) {
      const on = definition.feedbackOn?.collection;
      if (!on) continue;
      for (const raw of raws) {
        if (chosen.has(keyOf(collection, raw.id)) || this.#concerns(raw, definition, userId)) continue;
        if (typeof raw.target === 'string' && chosen.has(keyOf(on, raw.target))) choose(collection, raw);
      }
    }

    // One write for every record; a record someone changed meanwhile is tried again with its new revision.
    /** Each removed record, as the version deleted. */
    const removed: { collection: string; raw: RawRecord }[] = [];
    let pending = [...chosen.values()];
    for (let attempt = 1; pending.length; attempt++) {
      const results = await this.#io.write(
        this.space,
        pending.map(({ collection, raw }) => ({ type: 'delete' as const, collection, id: String(raw.id), expectedRev: String(raw.rev) })),
        { origin: this.#origin },
      );
      const again: typeof pending = [];
      for (const [i, result] of results.entries()) {
        const { collection, raw } = pending[i];
        if (result.ok || !result.current) {
          removed.push({ collection, raw });
          continue;
        }
        const reason = this.#erasureRefusal(result.current) ?? (attempt >= ERASE_ATTEMPTS ? 'changed' : undefined);
        if (reason) kept.push({ collection, id: String(raw.id), reason });
        else again.push({ collection, raw: result.current });
      }
      pending = again;
    }
    this.#emitChanges(removed.map(({ collection, raw }) => ({ type: 'delete' as const, collection, id: String(raw.id), local: true })));

    // Files of the removed records, unless a record that stays refers to the same file.
    const gone = new Set(removed.map(({ collection, raw }) => keyOf(collection, raw.id)));
    const files = new Set(removed.flatMap(({ raw }) => attachmentIdsOf(raw)));
    const stillUsed = new Set<string>();
    for (const { collection, raws } of everything) {
      for (const raw of raws) if (!gone.has(keyOf(collection, raw.id))) for (const file of attachmentIdsOf(raw)) stillUsed.add(file);
    }
    let filesRemoved = 0;
    let filesKept = 0;
    for (const file of files) {
      if (stillUsed.has(file)) continue;
      try {
        await this.#io.deleteAttachment(this.space, file);
        filesRemoved += 1;
      } catch {
        filesKept += 1; // The server refused (someone else's upload) or storage failed: reported, not thrown.
      }
    }
    return { removed: removed.length, kept: kept.length, files: filesRemoved, filesKept, keptRecords: kept };
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
    // Feedback on the same entry, arriving together, looks the entry up once.
    const targets: TargetCache = new Map();
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
        try {
          if (!(await this.#mayInspect(raw, definition, targets))) return { type: 'delete', collection: change.collection, id: change.id, local: false };
          const checked = this.#check<TwinRecord>(raw, definition);
          if (!checked.ok) {
            this.#reportInvalid({ collection: change.collection, id: change.id, issues: checked.issues, raw });
            return undefined;
          }
          // A record hidden from this user (by a teacher, or made private by its author) leaves their view like a deletion.
          if (!(await this.#readable(checked.record, definition, targets))) return { type: 'delete', collection: change.collection, id: change.id, local: false };
          return { type: 'put', collection: change.collection, id: change.id, record: checked.record, local: false };
        } catch {
          return undefined; // The target of feedback is unreadable right now: decided on the next change.
        }
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
    if (known && known.rev === record.rev) return (await this.#readable(known.record, definition)) ? (known.record as T) : undefined;
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
    return (await this.#readable(checked.record, definition)) ? checked.record : undefined;
  }

  /** What storage holds, for a conflict error: only a valid record the user may read, never raw data. */
  async #theirs<T extends TwinRecord>(raw: RawRecord | undefined, definition: CollectionDefinition): Promise<T | undefined> {
    if (!raw) return undefined;
    const checked = this.#check<T>(raw, definition);
    return checked.ok && (await this.#readable(checked.record, definition)) ? checked.record : undefined;
  }

  /** The record after an edit: the stored envelope, the user's fields, and the store's bookkeeping. */
  #edited(stored: TwinRecord, changes: Record<string, unknown>, fields: Record<string, unknown>, definition: CollectionDefinition, approval: boolean) {
    const next: Record<string, unknown> = {
      ...stored,
      ...fields,
      // Never lower the version of a record written by a newer Twinkit (its fields are kept).
      schemaVersion: Math.max(definition.version, stored.schemaVersion),
      updatedAt: this.#later(stored.updatedAt),
    };
    for (const key of Object.keys(changes)) if (changes[key] === undefined) delete next[key];
    // An author whose records need approval sends an edited published record back for approval,
    // unless the edit only moved it or pinned it (see `arrangementFields`).
    const waits = approval || initialStatus(this.user, this.settings) === 'pending';
    if (!definition.unmoderated && stored.status === 'published' && stored.author.id === this.user.id && waits && !keepsStatus(definition, [...changedKeys(stored, next)])) {
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
    if (!this.can(action, record)) {
      const noun = this.#noun(collection);
      throw new TwinPermissionError(
        `${this.user.name} (${this.user.role}) may not ${action.replace('-', ' ')} ${record ? `this ${noun}` : withArticle(noun)} in this space.`,
        action,
      );
    }
  }

  /** May the user create records of this collection at all (membership, and `createdBy`)? */
  #requireCreate(collection: string, definition: CollectionDefinition) {
    this.#require('create', undefined, collection);
    if (definition.createdBy === 'staff' && !isStaff(this.user.role)) {
      throw new TwinPermissionError(
        `Only teachers can add ${withArticle(this.#noun(collection))} to this space: ${this.user.name} is signed in as ${withArticle(this.user.role)}. Nothing was saved.`,
        'create',
      );
    }
  }

  /** Only the person themself, or staff, may export or erase a person's data. */
  #requirePerson(userId: string, what: 'export' | 'erase') {
    if (typeof userId !== 'string' || userId.length === 0 || userId.length > LIMITS.id) {
      throw new TwinValidationError(`To ${what} a person's data, name them by their user id (1 to ${LIMITS.id} characters). Nothing was ${what === 'export' ? 'exported' : 'erased'}.`, [
        { path: 'userId', message: `must be a user id of 1 to ${LIMITS.id} characters` },
      ]);
    }
    if (userId === this.user.id || isStaff(this.user.role)) return;
    throw new TwinPermissionError(
      `Only teachers, or the person themself, can ${what} a person's data: ${this.user.name} (${this.user.role}) asked for someone else's. Nothing was ${what === 'export' ? 'exported' : 'erased'}.`,
      what === 'export' ? 'export' : 'delete',
    );
  }

  /** Every stored record of every collection the store knows, raw, one list per collection. */
  #listEverything(): Promise<{ collection: string; definition: CollectionDefinition; raws: RawRecord[] }[]> {
    return Promise.all(
      Object.entries(this.#collections).map(async ([collection, definition]) => ({ collection, definition, raws: await this.#io.list(this.space, collection) })),
    );
  }

  /** Is this raw record the person's: written by them, or addressed to them (`addressee-and-staff`)? */
  #concerns(raw: RawRecord, definition: CollectionDefinition, userId: string): boolean {
    if (authorIdOf(raw) === userId) return true;
    return definition.readableBy === 'addressee-and-staff' && raw[definition.addressee ?? DEFAULT_ADDRESSEE_FIELD] === userId;
  }

  /**
   * Why the user may not delete this raw record in an erasure, or undefined when they may: the
   * policy's `delete` (staff any record; others their own, unless hidden).
   */
  #erasureRefusal(raw: RawRecord): 'hidden' | 'not-yours' | undefined {
    const author = authorIdOf(raw) ?? '';
    const status = (RECORD_STATUSES as readonly unknown[]).includes(raw.status) ? (raw.status as RecordStatus) : 'published';
    if (can(this.user, 'delete', { author: { id: author }, status }, this.settings)) return undefined;
    return author === this.user.id && status === 'hidden' ? 'hidden' : 'not-yours';
  }

  #feedbackRefused(feedback: NonNullable<CollectionDefinition['feedbackOn']>) {
    return new TwinPermissionError(`${this.user.name} (${this.user.role}) may not ${feedback.action} on this record: it does not exist or cannot be read.`, feedback.action);
  }

  /**
   * May the user see this stored record at all, even damaged (an invalid record is reported with its
   * raw content)? Not a record its collection's read rule keeps from them (someone else's
   * self-rating, a private journal entry, feedback on an entry they cannot read): its damage is
   * not theirs to see either.
   */
  async #mayInspect(raw: RawRecord, definition: CollectionDefinition, targets: TargetCache): Promise<boolean> {
    if (!this.#ruleAllows(raw, definition)) return false;
    return !this.#followsTarget(definition) || this.#targetAllows(raw, definition, targets);
  }

  /** Does the collection's read rule (`readableBy`) let the user read this record, raw or validated? */
  #ruleAllows(record: Record<string, unknown>, definition: CollectionDefinition | undefined): boolean {
    if (!definition?.readableBy) return true;
    return readRuleAllows(definition.readableBy, record, this.user, definition.addressee);
  }

  /**
   * May the user read this validated record: its collection's read rule, its status (`can`), and
   * for feedback that follows its target (`visibleWithTarget`), the target too.
   */
  async #readable(record: TwinRecord, definition: CollectionDefinition, targets: TargetCache = new Map()): Promise<boolean> {
    if (!this.can('read', record)) return false;
    return !this.#followsTarget(definition) || this.#targetAllows(record, definition, targets);
  }

  /** Is this feedback delivered only to readers of its target, and is the user not staff (who read every target)? */
  #followsTarget(definition: CollectionDefinition): boolean {
    return !!definition.feedbackOn?.visibleWithTarget && !isStaff(this.user.role);
  }

  /** May the user read the target of this feedback (raw or validated)? Looked up once per target in `targets`. */
  #targetAllows(record: Record<string, unknown>, definition: CollectionDefinition, targets: TargetCache): Promise<boolean> {
    const collection = definition.feedbackOn?.collection;
    const target = record.target;
    if (!collection || typeof target !== 'string') return Promise.resolve(false);
    const key = `${collection}\u0000${target}`;
    let known = targets.get(key);
    if (!known) {
      known = this.#io.get(this.space, collection, target).then((raw) => this.#targetReadable(collection, raw));
      targets.set(key, known);
    }
    return known;
  }

  /** Is this stored target (possibly gone) valid and readable for the user? A damaged target hides its feedback until repaired. */
  #targetReadable(collection: string, raw: RawRecord | undefined): boolean {
    const definition = this.#collections[collection];
    if (!raw || !definition) return false;
    const checked = this.#check<TwinRecord>(raw, definition);
    return checked.ok && this.can('read', checked.record);
  }

  /**
   * For a list of feedback on many targets: reads the target collection once and fills `targets`,
   * instead of one read per target. Fewer targets are read one by one, when needed.
   */
  #prefetchTargets(definition: CollectionDefinition, raws: RawRecord[], targets: TargetCache): void {
    const collection = definition.feedbackOn?.collection;
    if (!collection) return;
    const ids = new Set<string>();
    for (const raw of raws) if (typeof raw.target === 'string') ids.add(raw.target);
    if (ids.size < TARGETS_LISTED_FROM) return;
    const byId = this.#io.list(this.space, collection).then((list) => new Map(list.map((raw) => [raw.id, raw])));
    for (const id of ids) targets.set(`${collection}\u0000${id}`, byId.then((found) => this.#targetReadable(collection, found.get(id))));
  }

  /**
   * Does the collection's approval switch (`approvalSwitch`: the journal settings'
   * `feedbackApproval`) make this user's new and edited records wait for approval? Only pupils'
   * (moderators and staff publish as the space's moderation says). The store reads the settings
   * record when it writes such a record: no setting, or `false`, needs no approval; a damaged
   * settings record asks for approval (safe side).
   */
  async #approvalRequired(definition: CollectionDefinition): Promise<boolean> {
    const toggle = definition.approvalSwitch;
    if (!toggle || this.user.role !== 'pupil') return false;
    const raw = await this.#io.get(this.space, toggle.collection, toggle.id);
    if (!raw) return false;
    const settingsDefinition = this.#collections[toggle.collection];
    const checked = settingsDefinition ? this.#check<TwinRecord>(raw, settingsDefinition) : undefined;
    if (!checked?.ok) return true;
    return valueAt(checked.record, toggle.field) === true;
  }

  /**
   * The first reference of `record` that does not hold: a named record that is missing, unreadable
   * for the user, or archived. Ids that `before` (the stored version) already named are not checked
   * again. `inBatch`: records being created together with this one, which count as existing.
   */
  async #referenceProblem(
    record: Record<string, unknown>,
    definition: CollectionDefinition,
    before: Record<string, unknown> | undefined,
    lookups: Map<string, Promise<boolean>> = new Map(),
    inBatch?: Map<string, Record<string, unknown>>,
  ): Promise<ReferenceProblem | undefined> {
    for (const reference of definition.references ?? []) {
      const known = new Set(before ? referencedIds(valueAt(before, reference.field), reference.many) : []);
      for (const id of referencedIds(valueAt(record, reference.field), reference.many)) {
        if (known.has(id)) continue;
        const key = `${reference.collection}\u0000${id}`;
        const batched = inBatch?.get(key);
        if (batched) {
          if (batched.archived === true) return { field: reference.field, id, label: reference.label };
          continue;
        }
        if (!lookups.has(key)) lookups.set(key, this.#referable(reference.collection, id));
        if (!(await lookups.get(key))) return { field: reference.field, id, label: reference.label };
      }
    }
    return undefined;
  }

  /** Is there a valid, readable, not archived record `id` in `collection`? */
  async #referable(collection: string, id: string): Promise<boolean> {
    const definition = this.#collections[collection];
    if (!definition) return false;
    const raw = await this.#io.get(this.space, collection, id);
    if (!raw) return false;
    const checked = this.#check<TwinRecord>(raw, definition);
    return checked.ok && this.can('read', checked.record) && checked.record.archived !== true;
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

  /**
   * Only those who moderate may set or change the collection's `moderatorFields` (pin a post):
   * `fields` are those this write sets or changes.
   */
  #requireModeratorFields(collection: string, fields: string[], action: 'create' | 'edit') {
    if (!fields.length || canModerate(this.user.role)) return;
    const noun = this.#noun(collection);
    throw new TwinPermissionError(
      `Only teachers and moderators can ${action === 'create' ? 'set' : 'change'} ${fields.join(', ')} on ${withArticle(noun)}: ${this.user.name} is signed in as ${withArticle(this.user.role)}. Nothing was saved.`,
      action,
    );
  }

  /** A moderator may change the moderator-only fields (and nothing else) of a record they may not edit: pin a pupil's post. */
  #maySetModeratorFields(changed: string[], definition: CollectionDefinition): boolean {
    return canModerate(this.user.role) && changesOnlyModeratorFields(definition, changed);
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

  /** Who wrote a record, as it is stored with it: whether they travel too (the journal invites pupils at home to travellers' entries). */
  #author() {
    const { id, name, school, mobile } = this.user;
    return { id, name, ...(school ? { school } : {}), ...(mobile ? { mobile: true } : {}) };
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
