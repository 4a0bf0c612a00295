/**
 * When the setup makes a reading room again (deletes it and fills it afresh) rather than only
 * adding and stopping replications. A room keeps the copies it took from a source after it stops
 * being filled from it: a pupil's room then holds what she may no longer read (she changed school,
 * someone left). A shared room does not: its readers are let in by role, and every database it
 * was filled from lets in that role still (the setup takes only names out of a database's
 * `_security`, never roles). So a shared room is never made again for a member change; whoever
 * stops moderating, or changes school, loses it at once with their role.
 */
import type { ServerKind } from './audience-layout-setup.js';

export interface RoomState {
  server: ServerKind;
  /** A shared room, read by role, not by one person's name. */
  byRole: boolean;
  /** Its `_security` members before this run are those it is to have (a room made for the same readers). */
  sameReaders: boolean;
  /** The databases its note says it was filled from; undefined without a note. */
  notedSources: readonly unknown[] | undefined;
  /** The databases it is to be filled from. */
  sources: readonly string[];
  /** Replications into it from databases it is no longer to be filled from. */
  obsolete: number;
  /** A replication it keeps is described otherwise now (another address, the admin's new password). */
  changed: boolean;
}

export function mustRebuild(room: RoomState): boolean {
  // Without a note (or with one the setup did not write) it may hold anything.
  if (room.changed || !room.notedSources?.every((source) => typeof source === 'string')) return true;
  const lost = room.obsolete > 0 || room.notedSources.some((source) => !room.sources.includes(source as string));
  if (!lost) return false;
  if (!room.byRole || !room.sameReaders) return true;
  // pouchdb-server stops a running replication cleanly only by deleting the room it fills (see audience-layout-setup.ts).
  return room.obsolete > 0 && room.server === 'pouchdb-server';
}
