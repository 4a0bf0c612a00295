import type { AttachmentInfo, Change, ListQuery, RawRecord, StorageAdapter, WriteOperation, WriteResult } from '../../adapter.js';
import { randomId } from '../../revision.js';
import { assertWritable } from '../assert-writable.js';
import { compareByUpdate, decideOperation } from '../decide-operation.js';

/**
 * What several memory adapters can share, as several tabs share one IndexedDB: tests open two
 * adapters on one backing to act as two tabs.
 */
export class MemoryBacking {
  readonly records = new Map<string, RawRecord>();
  readonly attachments = new Map<string, Blob>();
  readonly listeners = new Set<(space: string, changes: Change[]) => void>();
}

const key = (...parts: string[]) => parts.join('\u0000');

export interface MemoryAdapterOptions {
  backing?: MemoryBacking;
}

/** Keeps everything in memory: for tests, demos and pages that must not store anything. */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): StorageAdapter {
  const backing = options.backing ?? new MemoryBacking();
  const ownListeners = new Set<(space: string, changes: Change[]) => void>();
  let closed = false;

  const ensureOpen = () => {
    if (closed) throw new Error('This memory adapter is closed.');
  };

  return {
    name: 'memory',
    capabilities: { sharedChanges: true, persistent: false },

    async get(space, collection, id) {
      ensureOpen();
      const record = backing.records.get(key(space, collection, id));
      return record && structuredClone(record);
    },

    async list(space, collection, query: ListQuery = {}) {
      ensureOpen();
      const prefix = key(space, collection, '');
      let records: RawRecord[] = [];
      for (const [k, record] of backing.records) {
        if (!k.startsWith(prefix)) continue;
        if (query.phase !== undefined && record.phase !== query.phase) continue;
        if (query.updatedAfter !== undefined && !(record.updatedAt > query.updatedAfter)) continue;
        records.push(record);
      }
      records.sort(compareByUpdate);
      if (query.direction === 'desc') records.reverse();
      if (query.limit !== undefined) records = records.slice(0, query.limit);
      return records.map((record) => structuredClone(record));
    },

    async write(space, operations: WriteOperation[], { origin }) {
      ensureOpen();
      assertWritable(operations);
      const results: WriteResult[] = [];
      const changes: Change[] = [];
      for (const operation of operations) {
        const id = operation.type === 'put' ? operation.record.id : operation.id;
        const collection = operation.type === 'put' ? operation.record.collection : operation.collection;
        const k = key(space, collection, id);
        const decision = decideOperation(space, structuredClone(operation), backing.records.get(k), origin);
        if ('store' in decision) backing.records.set(k, decision.store);
        if ('remove' in decision) backing.records.delete(k);
        if ('change' in decision) changes.push(structuredClone(decision.change));
        results.push(structuredClone(decision.result));
      }
      if (changes.length) {
        // Asynchronous like a real storage event, after the write has returned.
        queueMicrotask(() => backing.listeners.forEach((listener) => listener(space, changes)));
      }
      return results;
    },

    subscribe(space, listener) {
      ensureOpen();
      const wrapped = (changedSpace: string, changes: Change[]) => {
        if (changedSpace === space) listener(structuredClone(changes));
      };
      backing.listeners.add(wrapped);
      ownListeners.add(wrapped);
      return () => {
        backing.listeners.delete(wrapped);
        ownListeners.delete(wrapped);
      };
    },

    async putAttachment(space, blob, { id = randomId() } = {}): Promise<AttachmentInfo> {
      ensureOpen();
      backing.attachments.set(key(space, id), blob);
      return { id, type: blob.type, size: blob.size };
    },

    async getAttachment(space, id) {
      ensureOpen();
      return backing.attachments.get(key(space, id));
    },

    async deleteAttachment(space, id) {
      ensureOpen();
      backing.attachments.delete(key(space, id));
    },

    async close() {
      ownListeners.forEach((listener) => backing.listeners.delete(listener));
      ownListeners.clear();
      closed = true;
    },
  };
}
