/**
 * A storage adapter that writes straight through a reference server's push, signed in as one
 * person, online only: for putting sample content on a server as its authors would (`npm run
 * start:remote`), and for proving that the server accepts every write the store makes. Reads come
 * from a mirror of what these adapters wrote, shared by all of them (nothing is pulled). Devices
 * use the offline-first engine instead (createSyncedAdapter with a remote).
 */
import type { AttachmentInfo, ListQuery, RawRecord, StorageAdapter, WriteOperation, WriteResult } from '../sdk/adapter.js';
import { assertWritable } from '../sdk/adapters/assert-writable.js';
import { compareByUpdate } from '../sdk/adapters/decide-operation.js';
import { TwinPermissionError } from '../sdk/errors.js';
import type { PushResult, PushWrite } from '../sdk/replication/protocol.js';
import { randomId } from '../sdk/revision.js';

/** What the adapters of one seeding wrote: the records as the server stored them, and the files. */
export class PushMirror {
  readonly records = new Map<string, RawRecord>();
  readonly files = new Map<string, Blob>();
}

export interface PushAdapterOptions {
  /** The protocol's base URL. */
  url: string;
  credentials: { name: string; password: string };
  mirror: PushMirror;
}

const keyOf = (space: string, collection: string, id: string) => `${space}\u0000${collection}\u0000${id}`;

export function createPushAdapter({ url, credentials, mirror }: PushAdapterOptions): StorageAdapter {
  const authorization = `Basic ${Buffer.from(`${credentials.name}:${credentials.password}`).toString('base64')}`;

  async function call(method: string, path: string, body?: BodyInit, type = 'application/json'): Promise<Response> {
    const response = await fetch(`${url}${path}`, { method, headers: { authorization, 'content-type': type }, body });
    if (!response.ok && response.status !== 404) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return response;
  }

  return {
    name: 'push',
    capabilities: { sharedChanges: false, persistent: true },

    async get(space, collection, id) {
      const record = mirror.records.get(keyOf(space, collection, id));
      return record && structuredClone(record);
    },

    async list(space, collection, query: ListQuery = {}) {
      const prefix = keyOf(space, collection, '');
      let records = [...mirror.records].filter(([key]) => key.startsWith(prefix)).map(([, record]) => record);
      if (query.phase !== undefined) records = records.filter((record) => record.phase === query.phase);
      if (query.updatedAfter !== undefined) records = records.filter((record) => record.updatedAt > query.updatedAfter!);
      records.sort(compareByUpdate);
      if (query.direction === 'desc') records.reverse();
      return structuredClone(query.limit === undefined ? records : records.slice(0, query.limit));
    },

    async write(space, operations: WriteOperation[], { origin }) {
      assertWritable(operations);
      const writes: PushWrite[] = operations.map((operation) =>
        operation.type === 'put'
          ? { writeId: randomId(20), collection: operation.record.collection, id: operation.record.id, baseRev: operation.expectedRev, record: operation.record }
          : { writeId: randomId(20), collection: operation.collection, id: operation.id, baseRev: operation.expectedRev, deleted: true },
      );
      const response = await call('POST', `/spaces/${encodeURIComponent(space)}/push`, JSON.stringify({ origin, writes }));
      const { results } = (await response.json()) as { results: PushResult[] };
      return writes.map((write, i): WriteResult => {
        const result = results[i];
        const key = keyOf(space, write.collection, write.id);
        if (result.status === 'refused') throw new TwinPermissionError(`The server refused ${write.collection} "${write.id}": ${result.reason}`, 'edit');
        if (result.status === 'conflict') return { ok: false, id: write.id, collection: write.collection, reason: 'conflict', current: mirror.records.get(key) };
        if (!write.record) {
          mirror.records.delete(key);
          return { ok: true, id: write.id, collection: write.collection, rev: result.rev };
        }
        const record = { ...write.record, space, rev: result.rev };
        mirror.records.set(key, record);
        return { ok: true, id: write.id, collection: write.collection, rev: result.rev, record: structuredClone(record) };
      });
    },

    subscribe() {
      return () => {};
    },

    async putAttachment(space, blob, { id = randomId() } = {}): Promise<AttachmentInfo> {
      await call('PUT', `/spaces/${encodeURIComponent(space)}/files/${encodeURIComponent(id)}`, blob, blob.type);
      mirror.files.set(keyOf(space, 'file', id), blob);
      return { id, type: blob.type, size: blob.size };
    },

    async getAttachment(space, id) {
      return mirror.files.get(keyOf(space, 'file', id));
    },

    async deleteAttachment(space, id) {
      await call('DELETE', `/spaces/${encodeURIComponent(space)}/files/${encodeURIComponent(id)}`);
      mirror.files.delete(keyOf(space, 'file', id));
    },

    async close() {},
  };
}
