import type { RawRecord } from '../../adapter.js';
import type { CouchClient } from './couch-http.js';
import { documentId, parseDocumentId } from './couch-names.js';
import { originOf, toRecord, writeIdOf, type CouchDocument } from './record-document.js';
import { TwinRemoteError } from './remote-error.js';

/** A sequence in a database's changes feed: opaque (a string in CouchDB 3, a number in others). */
export type { Checkpoint } from '../../replication/protocol.js';
import type { Checkpoint } from '../../replication/protocol.js';

export interface RemoteChange {
  collection: string;
  id: string;
  rev: string;
  deleted: boolean;
  /** The record after a put. */
  record?: RawRecord;
  origin: string;
  /** The id of the write that made this revision, when a device sent one. */
  write?: string;
  /** Revisions on losing branches (two servers took different versions): shown to people, never hidden. */
  conflicts?: string[];
  /** The document itself, tombstones' bookkeeping included (read with bodies only). */
  doc?: CouchDocument;
  /** Every leaf's revision, when there are several (deleted ones included: `style=all_docs`). */
  leaves?: string[];
}

/** A change read without its document: which record, and the revisions of its leaves. */
export interface ChangeHead {
  collection: string;
  id: string;
  /** Every leaf's revision (one, unless replication left branches). */
  revs: string[];
}

export interface ChangesPage {
  changes: RemoteChange[];
  /** With `bodies: false`: the changes without their documents (`changes` is empty then). */
  heads?: ChangeHead[];
  /** Rows the server sent, design documents and attachments included: a full page means more may follow. */
  rows: number;
  /** Where the next read starts. */
  checkpoint: Checkpoint;
}

interface FeedRow {
  id: string;
  seq: Checkpoint;
  deleted?: boolean;
  changes: { rev: string }[];
  doc?: CouchDocument;
}

/** How long past its own `timeout` a long poll may stay open before the device ends it. */
const LONG_POLL_GRACE = 5_000;

const path = (database: string) => `/${encodeURIComponent(database)}/_changes`;

function toChange(row: FeedRow, space: string): RemoteChange | undefined {
  const names = parseDocumentId(row.id);
  if (!names) return undefined; // design documents and attachments
  const deleted = !!row.deleted || !!row.doc?._deleted;
  return {
    collection: names[0],
    id: names[1],
    rev: row.doc?._rev ?? row.changes[0]?.rev ?? '',
    deleted,
    record: deleted ? undefined : toRecord(row.doc, space),
    origin: originOf(row.doc),
    ...(writeIdOf(row.doc) ? { write: writeIdOf(row.doc) } : {}),
    ...(Array.isArray(row.doc?._conflicts) && row.doc._conflicts.length ? { conflicts: row.doc._conflicts as string[] } : {}),
    ...(row.doc ? { doc: row.doc } : {}),
    ...(row.changes.length > 1 ? { leaves: row.changes.map((change) => change.rev) } : {}),
  };
}

/**
 * One read of the changes feed after `since`: at once (`wait: 0`), or a long poll that answers as
 * soon as something changes, or after `wait` ms with nothing.
 */
export async function readChanges(
  client: CouchClient,
  database: string,
  space: string,
  options: { since: Checkpoint; wait?: number; limit?: number; signal?: AbortSignal; bodies?: boolean },
): Promise<ChangesPage> {
  const bodies = options.bodies ?? true;
  const wait = options.wait ?? 0;
  // Some servers (pouchdb-server) hold a long poll past its `timeout` until something changes:
  // the device ends it itself a little later, as an answer with nothing new. One controller of
  // its own (not AbortSignal.any, whose combined signal Node may collect before it fires).
  const controller = new AbortController();
  const stop = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) stop();
  else options.signal?.addEventListener('abort', stop, { once: true });
  let overdue = false;
  const timer = wait > 0 ? setTimeout(() => ((overdue = true), controller.abort()), wait + LONG_POLL_GRACE) : undefined;
  let answer;
  try {
    answer = await client.json<{ results?: FeedRow[]; last_seq?: Checkpoint }>('GET', path(database), {
      query: {
        since: options.since,
        ...(bodies ? { include_docs: true, conflicts: true } : {}),
        style: 'all_docs',
        limit: options.limit,
        ...(wait ? { feed: 'longpoll', timeout: wait } : {}),
      },
      signal: controller.signal,
      noTimeout: wait > 0,
    });
  } catch (error) {
    if (overdue && !options.signal?.aborted) return { changes: [], rows: 0, checkpoint: options.since };
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', stop);
  }
  const { body } = answer;
  if (!Array.isArray(body.results) || body.last_seq === undefined) {
    throw new TwinRemoteError('bad-response', 'The server\'s changes feed did not have CouchDB\'s shape (results and last_seq).');
  }
  if (!bodies) {
    const heads = body.results.flatMap((row): ChangeHead[] => {
      const names = parseDocumentId(row.id);
      return names ? [{ collection: names[0], id: names[1], revs: row.changes.map((change) => change.rev) }] : [];
    });
    return { changes: [], heads, rows: body.results.length, checkpoint: body.last_seq };
  }
  const changes = body.results.map((row) => toChange(row, space)).filter((change) => change !== undefined);
  return { changes, rows: body.results.length, checkpoint: body.last_seq };
}

/** The current documents of records, as changes (deleted ones too), in one request. */
export async function readDocuments(client: CouchClient, database: string, space: string, refs: { collection: string; id: string }[]): Promise<RemoteChange[]> {
  if (!refs.length) return [];
  const { body } = await client.json<{ rows?: { id?: string; key: string; value?: { rev: string; deleted?: boolean }; doc?: CouchDocument | null }[] }>(
    'POST',
    `/${encodeURIComponent(database)}/_all_docs`,
    { query: { include_docs: true, conflicts: true }, body: { keys: refs.map((ref) => documentId(ref.collection, ref.id)) } },
  );
  return (body.rows ?? []).flatMap((row) => {
    if (!row.value) return []; // never on the server
    const change = toChange({ id: row.key, seq: 0, deleted: row.value.deleted, changes: [{ rev: row.value.rev }], doc: row.doc ?? undefined }, space);
    return change ? [change] : [];
  });
}

/**
 * A continuous feed: one open response whose lines are changes, with heartbeats (empty lines) that
 * keep proxies from closing it. Calls `onPage` per line; resolves when the server ends the
 * response, rejects when the connection is cut (the caller reconnects from its last checkpoint).
 */
export async function streamChanges(
  client: CouchClient,
  database: string,
  space: string,
  options: { since: Checkpoint; heartbeat?: number; signal: AbortSignal; onPage: (page: ChangesPage) => void },
): Promise<void> {
  const response = await client.raw('GET', path(database), {
    query: { feed: 'continuous', since: options.since, include_docs: true, conflicts: true, style: 'all_docs', heartbeat: options.heartbeat ?? 10_000 },
    // A compressed stream is held back until the compressor flushes (pouchdb-server compresses).
    // Browsers do not let a page set this header; there, use the default long poll with such servers.
    headers: { 'accept-encoding': 'identity' },
    signal: options.signal,
    noTimeout: true,
  });
  if (!response.body) throw new TwinRemoteError('bad-response', 'The server sent no body for the continuous changes feed.');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffered += value;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue; // heartbeat
        let row: FeedRow & { last_seq?: Checkpoint };
        try {
          row = JSON.parse(line) as FeedRow & { last_seq?: Checkpoint };
        } catch (error) {
          throw new TwinRemoteError('bad-response', 'A line of the continuous changes feed was not JSON.', { cause: error });
        }
        if (row.last_seq !== undefined) options.onPage({ changes: [], rows: 0, checkpoint: row.last_seq });
        else if (row.id !== undefined) {
          const change = toChange(row, space);
          options.onPage({ changes: change ? [change] : [], rows: 1, checkpoint: row.seq });
        }
      }
    }
  } catch (error) {
    if (options.signal.aborted) return;
    throw error instanceof TwinRemoteError ? error : new TwinRemoteError('offline', 'The changes feed was cut.', { cause: error });
  } finally {
    reader.releaseLock();
  }
}

/** The sequence "now": later reads start after everything that exists. */
export async function currentCheckpoint(client: CouchClient, database: string, signal?: AbortSignal): Promise<Checkpoint> {
  const { body } = await client.json<{ update_seq?: Checkpoint }>('GET', `/${encodeURIComponent(database)}`, { signal });
  if (body.update_seq === undefined) throw new TwinRemoteError('bad-response', `The server's answer for database ${database} had no update_seq.`);
  return body.update_seq;
}
