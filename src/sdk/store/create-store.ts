import type { ListQuery, StorageAdapter } from '../adapter.js';
import { TwinValidationError } from '../errors.js';
import type { Action } from '../policy/can.js';
import { DEFAULT_SETTINGS, isStaff, type SpaceSettings, type TwinUser } from '../policy/roles.js';
import { randomId } from '../revision.js';
import { builtInCollections } from '../schemas/collections.js';
import type { RecordStatus } from '../schemas/envelope.js';
import { LIMITS } from '../schemas/limits.js';
import { getAttachment, putAttachment, removeAttachment } from './attachments.js';
import { createAll } from './batch/create-all.js';
import { idIssue } from './id-issue.js';
import { erasePerson } from './person/erase-person.js';
import { exportPerson } from './person/export-person.js';
import { getRecord, listRecords } from './read/deliver-records.js';
import { deliverForeignChanges } from './read/foreign-changes.js';
import { mayAct } from './read/read-rule.js';
import { rememberChanges, type ValidationCache } from './read/validation-cache.js';
import { reportStorageErrors } from './report-storage-errors.js';
import type { StoreContext } from './store-context.js';
import type { AttachmentLimits, BatchResult, CreateAllItem, CreateOptions, RecordChange, StoreOptions, TwinRecord } from './store-types.js';
import type { TwinStore } from './twin-store.js';
import { createRecords } from './write/create-records.js';
import { removeRecord } from './write/remove-record.js';
import { setStatus } from './write/set-status.js';
import { updateRecord } from './write/update-record.js';

export type { TwinStore } from './twin-store.js';

export function createStore(options: StoreOptions): TwinStore {
  return new Store(options);
}

/**
 * The assembly point: one context shared by the parts (read/, write/, batch/, person/), and the
 * events a widget listens to. Each method hands its work to the part that does it.
 */
class Store extends EventTarget implements TwinStore {
  readonly space: string;
  readonly user: TwinUser;
  readonly settings: SpaceSettings;
  readonly adapter: StorageAdapter;
  readonly #context: StoreContext;
  readonly #unsubscribe: () => void;

  constructor(options: StoreOptions) {
    super();
    this.space = options.space;
    this.user = options.user;
    this.settings = { ...DEFAULT_SETTINGS, ...options.settings };
    this.adapter = options.adapter;
    const validated: ValidationCache = new Map();
    this.#context = {
      space: this.space,
      user: this.user,
      settings: this.settings,
      collections: { ...builtInCollections, ...options.collections },
      io: reportStorageErrors(options.adapter, (error) => this.dispatchEvent(new CustomEvent('error', { detail: error }))),
      origin: `store-${randomId(12)}`,
      now: options.now ?? (() => new Date()),
      defaultPhase: options.defaultPhase,
      validated,
      emitChanges: (changes) => {
        rememberChanges(validated, changes);
        if (changes.length) this.dispatchEvent(new CustomEvent('change', { detail: { changes } }));
      },
      reportInvalid: (report) => this.dispatchEvent(new CustomEvent('invalid', { detail: report })),
    };
    this.#unsubscribe = this.adapter.subscribe(this.space, (changes) => void deliverForeignChanges(this.#context, changes));
  }

  can(action: Action, record?: TwinRecord): boolean {
    return mayAct(this.#context, action, record);
  }

  canCreate(collection: string): boolean {
    const definition = this.#context.collections[collection];
    if (!definition || !this.can('create')) return false;
    return definition.createdBy !== 'staff' || isStaff(this.user.role);
  }

  get defaultPhase(): string | undefined {
    return this.#context.defaultPhase;
  }

  setDefaultPhase(phase: string | undefined): void {
    if (phase !== undefined && (typeof phase !== 'string' || phase.length === 0 || phase.length > LIMITS.id)) {
      throw new TwinValidationError(`The default phase must be a phase id of 1 to ${LIMITS.id} characters, or nothing.`, [
        idIssue('phase', `must be a phase id of 1 to ${LIMITS.id} characters`, phase),
      ]);
    }
    this.#context.defaultPhase = phase;
  }

  get<T extends TwinRecord>(collection: string, id: string): Promise<T> {
    return getRecord<T>(this.#context, collection, id);
  }

  list<T extends TwinRecord>(collection: string, query: ListQuery = {}) {
    return listRecords<T>(this.#context, collection, query);
  }

  async create<T extends TwinRecord>(collection: string, fields: Record<string, unknown>, options: CreateOptions = {}): Promise<T> {
    const [result] = await createRecords<T>(this.#context, collection, [{ fields, options }], true);
    if (!result.ok) throw result.error;
    return result.record;
  }

  createMany<T extends TwinRecord>(collection: string, items: Record<string, unknown>[]): Promise<BatchResult<T>[]> {
    return createRecords<T>(
      this.#context,
      collection,
      items.map((fields) => ({ fields, options: {} })),
      false,
    );
  }

  createAll(items: CreateAllItem[]): Promise<TwinRecord[]> {
    return createAll(this.#context, items);
  }

  update<T extends TwinRecord>(collection: string, base: T, changes: Record<string, unknown>): Promise<T> {
    return updateRecord(this.#context, collection, base, changes);
  }

  setStatus<T extends TwinRecord>(collection: string, record: T, status: RecordStatus, options: { note?: string } = {}): Promise<T> {
    return setStatus(this.#context, collection, record, status, options);
  }

  remove(collection: string, record: TwinRecord): Promise<void> {
    return removeRecord(this.#context, collection, record);
  }

  putAttachment(blob: Blob, limits: AttachmentLimits) {
    return putAttachment(this.#context, blob, limits);
  }

  getAttachment(id: string): Promise<Blob> {
    return getAttachment(this.#context, id);
  }

  removeAttachment(id: string, collection: string, record: TwinRecord): Promise<void> {
    return removeAttachment(this.#context, id, collection, record);
  }

  exportPerson(userId: string) {
    return exportPerson(this.#context, userId);
  }

  erasePerson(userId: string) {
    return erasePerson(this.#context, userId);
  }

  subscribe(listener: (changes: RecordChange[]) => void): () => void {
    const handler = (event: Event) => listener((event as CustomEvent<{ changes: RecordChange[] }>).detail.changes);
    this.addEventListener('change', handler);
    return () => this.removeEventListener('change', handler);
  }

  async close(): Promise<void> {
    this.#unsubscribe();
  }
}
