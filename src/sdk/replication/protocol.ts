/**
 * Twinkit's replication protocol, as TypeScript: what a remote answers the offline-first engine
 * (synced-adapter.ts). The same shapes travel as JSON over HTTP (docs/replication-protocol.md and
 * its OpenAPI file): a server in any language implements two endpoints, pull and push.
 */
import type { RawRecord } from '../adapter.js';

/** Where a pull starts: an opaque string the server issued (`null`: from the beginning). */
export type Checkpoint = string | number;

/** One changed record, at its latest revision. */
export interface PulledChange {
  collection: string;
  id: string;
  /** `<generation>-<token>`: the generation grows by one with every write of the record. */
  rev: string;
  /** Deleted, or no longer readable by the person asking: the device lets its copy go. */
  deleted?: boolean;
  /** The record after the write (absent when `deleted`). */
  record?: RawRecord;
  /** The `origin` of the push that wrote it: a device skips its own echoes. */
  origin?: string;
  /** The id of the write that made this revision. */
  writeId?: string;
}

export interface PullPage {
  /**
   * Which copy of the space's data answered. A server that is restored from a backup, re-created
   * or replaced answers another `source`: devices then read everything again and send what the
   * server lost. Stable otherwise.
   */
  source: string;
  /** Where the next pull starts. */
  checkpoint: Checkpoint;
  changes: PulledChange[];
  /** More changes follow at once: pull again from `checkpoint` without waiting. */
  more: boolean;
}

export interface PullOptions {
  /** At most this many changes (the server may send fewer). */
  limit: number;
  /** Seconds the server may hold the request while nothing is new (long poll); 0: answer at once. */
  wait: number;
  signal?: AbortSignal;
}

/** One write of a push: a record's new version, or its deletion, based on the revision the device last saw. */
export interface PushWrite {
  /** Unique per write; a write sent again with the same id is not applied twice. */
  writeId: string;
  collection: string;
  id: string;
  /** The revision this write is based on; `null` for a record the device never saw on the server. */
  baseRev: string | null;
  /** The new version (its `rev` is the server's to set); absent for a deletion. */
  record?: RawRecord;
  deleted?: boolean;
}

/** The server's version of a record as a push answer carries it (`null`: it has none the person may read). */
export interface CurrentVersion {
  rev: string;
  deleted?: boolean;
  record?: RawRecord;
}

export type PushResult =
  | { status: 'ok'; rev: string }
  /** `baseRev` is not the server's revision: nothing was written. */
  | { status: 'conflict'; current: CurrentVersion | null }
  /** The access rules refused it: `reason` is a sentence for the person; nothing was written. */
  | { status: 'refused'; reason: string; current: CurrentVersion | null };

/** Files (photos, recordings) of a space: optional; without them files stay on the device that added them. */
export interface RemoteFiles {
  putFile(space: string, id: string, blob: Blob): Promise<void>;
  /** The file, or `undefined` when the server has none. */
  getFile(space: string, id: string): Promise<Blob | undefined>;
  deleteFile(space: string, id: string): Promise<void>;
}

/**
 * A server the engine syncs with: the protocol's client side. A remote throws a TwinRemoteError
 * (createRemoteError) when a request fails, so the engine can tell an outage (retried) from a
 * refusal (shown to the person).
 */
export interface ReplicationRemote {
  /** For messages: "school.example", "Moodle". */
  readonly name: string;
  /** Changes after `checkpoint`, only those the signed-in person may read. */
  pull(space: string, checkpoint: Checkpoint | null, options: PullOptions): Promise<PullPage>;
  /** Applies the writes in order; one result per write, in the same order. */
  push(space: string, writes: PushWrite[], options: { origin: string }): Promise<PushResult[]>;
  files?: RemoteFiles;
  close?(): Promise<void> | void;
}
