/** What a chaos run records of each write, and what it finds at the end: the checker's input. */
import type { RawRecord } from '../../../adapter.js';
import type { SyncConflict } from '../sync-status.js';

/** A token and the field it was written to (`translations.fr.term`, `tags`). */
export interface Written {
  path: string;
  token: string;
}

export interface WriteEntry {
  /** Position in the run: writes are issued one after another, so a higher index is later. */
  index: number;
  tab: string;
  device: string;
  kind: 'create' | 'edit' | 'delete';
  id: string;
  /** The store acknowledged it (its promise resolved); only these are checked. */
  ok: boolean;
  error?: string;
  /** The version the editor saw (edits and deletes). */
  base?: RawRecord;
  /** What the write put in (unique tokens). */
  wrote: Written[];
  /** The token that names the logical entry (a create's), kept in every version of its record. */
  entry?: string;
  /** Milliseconds since the run started, when the store acknowledged it. */
  at: number;
}

/** Everything else that happened (faults, pauses), for the printed log. */
export interface EventEntry {
  index: number;
  event: string;
  at: number;
}

export interface Observed {
  /** The server's current records, read by an admin straight from the server. */
  server: RawRecord[];
  devices: { name: string; local: RawRecord[]; conflicts: SyncConflict[] }[];
  tabs: { name: string; device: string; list: RawRecord[] }[];
}

export interface Finding {
  kind: 'lost' | 'duplicate' | 'diverged';
  /** The record concerned (for the op log). */
  id: string;
  message: string;
}
