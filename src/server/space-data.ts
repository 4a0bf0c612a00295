/**
 * A space's data in memory, rebuilt from its log at start: the latest version of every record (in
 * feed order) and the write ids already applied. No I/O here: `apply` a log line, read the result.
 */
import type { RawRecord } from '../sdk/adapter.js';
import type { LogLine } from './space-log.js';

/** The latest version of one record: its body, or its tombstone. */
export interface StoredVersion {
  collection: string;
  id: string;
  rev: string;
  deleted?: true;
  record?: RawRecord;
  origin: string;
  writeId: string;
  /** The log line that last put this record in the feed. */
  seq: number;
}

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;

export class SpaceData {
  /** The last line applied: a checkpoint names one of these numbers. */
  lastSeq = 0;
  /**
   * Every record's latest version, in feed order: a record that changes is moved to the end, so
   * walking the map walks the feed, each record once, at its latest revision.
   */
  private readonly versions = new Map<string, StoredVersion>();
  /** writeId -> the revision that write made (idempotent pushes). Kept for ever, as the log is. */
  private readonly appliedWrites = new Map<string, string>();

  constructor(readonly source: string) {}

  apply(line: LogLine): void {
    const key = keyOf(line.collection, line.id);
    if (line.type === 'write') {
      const { collection, id, rev, deleted, record, origin, writeId, seq } = line;
      this.versions.delete(key);
      this.versions.set(key, { collection, id, rev, ...(deleted ? { deleted } : { record }), origin, writeId, seq });
      this.appliedWrites.set(writeId, rev);
    } else {
      const version = this.versions.get(key);
      if (version) {
        this.versions.delete(key);
        this.versions.set(key, { ...version, seq: line.seq });
      }
    }
    this.lastSeq = line.seq;
  }

  /** The record's latest version, tombstone included; undefined if it was never written. */
  version(collection: string, id: string): StoredVersion | undefined {
    return this.versions.get(keyOf(collection, id));
  }

  /** The live record, or undefined (never written, or deleted). */
  record(collection: string, id: string): RawRecord | undefined {
    return this.version(collection, id)?.record;
  }

  revisionOfWrite(writeId: string): string | undefined {
    return this.appliedWrites.get(writeId);
  }

  /** Versions that entered the feed after `seq`, oldest first. */
  *changesAfter(seq: number): Generator<StoredVersion> {
    for (const version of this.versions.values()) if (version.seq > seq) yield version;
  }

  /** Every live record (for the few questions that need a scan: which records name a file, which feedback follows an entry). */
  *liveRecords(): Generator<RawRecord> {
    for (const version of this.versions.values()) if (version.record) yield version.record;
  }
}
