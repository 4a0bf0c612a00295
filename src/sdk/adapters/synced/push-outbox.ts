import type { RawRecord, WriteOperation } from '../../adapter.js';
import { randomId } from '../../revision.js';
import type { BulkOutcome } from '../couchdb/bulk-write.js';
import { ATTACHMENT_COLLECTION, type OutboxEntry, type SyncMeta } from '../indexeddb/database.js';
import type { IndexedDBAdapter } from '../indexeddb/indexeddb-adapter.js';
import type { RemoteVersion } from './apply-remote.js';
import { keptKey } from './kept-versions.js';
import { mergeVersions, sameFields } from './merge-versions.js';
import type { SyncConflict } from './sync-status.js';
import type { SyncRemote } from './sync-remote.js';

/** How many outbox entries one push sends. */
const PUSH_BATCH = 1000;

export interface PushContext {
  local: IndexedDBAdapter;
  remote: SyncRemote;
  space: string;
  /** Tag of this device's writes on the server. */
  origin: string;
  /** The server database this device is in step with. */
  source: string;
  /** Writes the server's version into the local store (without queuing it back to the server). */
  applyRemote(versions: RemoteVersion[]): Promise<void>;
  keep(conflicts: SyncConflict[]): Promise<void>;
  /** Throws when the server's database is no longer the one `source` names (re-created, restored). */
  verifySource(): Promise<void>;
}

type Key = [string, string, string];
const keyOf = (entry: { space: string; collection: string; id: string }): Key => [entry.space, entry.collection, entry.id];

interface Planned {
  entry: OutboxEntry;
  local: RawRecord | undefined;
  meta: SyncMeta | undefined;
  operation: WriteOperation;
  writeId: string;
}

/** What to record once a write's outcome is known. */
interface Settled {
  entry: OutboxEntry;
  /** The version the entry had when sent: a later local change keeps the entry queued. */
  sentVersion?: number;
  meta?: Omit<SyncMeta, 'space' | 'collection' | 'id'>;
}

/**
 * Records outcomes in one transaction: the entry goes unless it changed meanwhile (then only its
 * write in flight is forgotten), and the record's server revision and merge base are noted.
 * Returns, per entry, whether the server changed that record while it waited (stale).
 */
async function settle(context: PushContext, items: Settled[]): Promise<boolean[]> {
  if (!items.length) return [];
  const db = await context.local.database();
  const tx = db.transaction(['outbox', 'sync-meta'], 'readwrite');
  const outbox = tx.objectStore('outbox');
  const stale = await Promise.all(
    items.map(async ({ entry, sentVersion, meta }) => {
      const key = keyOf(entry);
      const current = await outbox.get(key);
      if (meta) await tx.objectStore('sync-meta').put({ space: entry.space, collection: entry.collection, id: entry.id, ...meta });
      if (current && current.version === (sentVersion ?? entry.version)) await outbox.delete(key);
      else if (current) await outbox.put({ ...current, inflight: undefined, stale: false });
      return !!current?.stale;
    }),
  );
  await tx.done;
  return stale;
}

async function pushAttachments(context: PushContext, entries: OutboxEntry[]): Promise<void> {
  for (const entry of entries) {
    if (entry.action === 'delete') await context.remote.deleteAttachment(context.space, entry.id);
    else {
      const blob = await context.local.getAttachment(context.space, entry.id);
      if (blob) await context.remote.putAttachment(context.space, blob, { id: entry.id });
    }
    await settle(context, [{ entry }]);
  }
}

/**
 * Writes sent before whose answer never came (lost, or the tab closed): the server is asked, by
 * the id each write carried, whether it landed, before anything is sent again or dropped.
 */
async function settleUnanswered(context: PushContext, entries: OutboxEntry[]): Promise<void> {
  const asked = entries.filter((entry) => entry.inflight);
  const landed = await context.remote.findLandedWrites(
    context.space,
    asked.map((entry) => ({ collection: entry.collection, id: entry.id, writeId: entry.inflight!.writeId, baseRev: entry.inflight!.baseRev })),
  );
  const db = await context.local.database();
  const locals = await Promise.all(asked.map((entry) => db.get('records', keyOf(entry))));
  await settle(
    context,
    asked.map((entry, i) => {
      const inflight = entry.inflight!;
      const rev = landed[i];
      if (!rev) return { entry, sentVersion: -1 }; // never landed: send again (only the flight is forgotten)
      return { entry, sentVersion: inflight.version, meta: { remoteRev: rev, localRev: locals[i]?.rev ?? '', base: inflight.sent ?? undefined, source: context.source } };
    }),
  );
  // Landed, but others may have written on top since: read the server's current versions.
  const landedEntries = asked.filter((_, i) => landed[i]);
  const current = await context.remote.currentRecords(context.space, landedEntries);
  await context.applyRemote(
    landedEntries.map((entry, i) => ({ collection: entry.collection, id: entry.id, remoteRev: current[i]?.rev ?? '', record: current[i], origin: 'sync' })),
  );
}

/** What to send for each waiting record: its current local version, based on the last server revision seen. */
async function plan(context: PushContext, entries: OutboxEntry[]): Promise<{ planned: Planned[]; nothing: OutboxEntry[] }> {
  const db = await context.local.database();
  const tx = db.transaction(['records', 'sync-meta', 'outbox'], 'readwrite');
  const planned: Planned[] = [];
  const nothing: OutboxEntry[] = [];
  for (const entry of entries) {
    const key = keyOf(entry);
    const [local, meta] = await Promise.all([tx.objectStore('records').get(key), tx.objectStore('sync-meta').get(key)]);
    const expectedRev = meta?.remoteRev || null;
    const writeId = randomId(20);
    let operation: WriteOperation;
    if (local) operation = { type: 'put', record: local, expectedRev };
    else if (expectedRev) operation = { type: 'delete', collection: entry.collection, id: entry.id, expectedRev };
    else {
      nothing.push(entry); // made and deleted here, and the server never had it (asked, when in doubt)
      continue;
    }
    // Noted before the request goes: if its answer is lost, the server is asked about this id.
    const inflight = { writeId, version: entry.version, baseRev: expectedRev, sent: local ?? null };
    await tx.objectStore('outbox').put({ ...entry, inflight });
    planned.push({ entry: { ...entry, inflight }, local, meta, operation, writeId });
  }
  await tx.done;
  return { planned, nothing };
}

/**
 * Sends a batch of the outbox. Safe to repeat: a write whose answer was lost is looked up on the
 * server by its write id first, so nothing is applied twice and nothing is dropped on a guess.
 * Returns how many entries it handled (0: the outbox is empty).
 */
export async function pushOutbox(context: PushContext): Promise<number> {
  const db = await context.local.database();
  const entries = await db.getAllFromIndex('outbox', 'by-space', context.space, PUSH_BATCH);
  if (!entries.length) return 0;
  await pushAttachments(context, entries.filter((entry) => entry.collection === ATTACHMENT_COLLECTION));
  const records = entries.filter((entry) => entry.collection !== ATTACHMENT_COLLECTION);
  if (records.some((entry) => entry.inflight)) {
    await settleUnanswered(context, records);
    return entries.length; // the next round plans from what the server said
  }
  const { planned, nothing } = await plan(context, records);
  await settle(context, nothing.map((entry) => ({ entry })));
  if (!planned.length) return entries.length;
  const outcomes = await context.remote.bulkWrite(
    context.space,
    planned.map((p) => p.operation),
    context.origin,
    planned.map((p) => p.writeId),
  );
  await handleOutcomes(context, planned, outcomes);
  return entries.length;
}

async function handleOutcomes(context: PushContext, planned: Planned[], outcomes: BulkOutcome[]): Promise<void> {
  const { space, source } = context;
  const landed: Settled[] = [];
  const lost: { item: Planned; outcome: Exclude<BulkOutcome, { kind: 'ok' }> }[] = [];
  for (const [index, outcome] of outcomes.entries()) {
    const item = planned[index];
    if (outcome.kind === 'ok') {
      landed.push({ entry: item.entry, meta: { remoteRev: outcome.rev, localRev: item.local?.rev ?? '', base: item.local, source } });
    } else lost.push({ item, outcome });
  }
  const stale = await settle(context, landed);
  const refresh = landed.filter((_, i) => stale[i]).map(({ entry }) => entry);
  if (lost.length) await resolveLost(context, lost);
  if (refresh.length) {
    // The server changed these while they waited here; now that ours landed, read theirs again.
    const current = await context.remote.currentRecords(space, refresh);
    await context.applyRemote(refresh.map((entry, i) => ({ collection: entry.collection, id: entry.id, remoteRev: current[i]?.rev ?? '', record: current[i], origin: 'sync' })));
  }
}

/**
 * Someone changed these first, or the rules refused them. Changes to different fields merge and
 * are sent again; whatever cannot merge, and every refused change, is kept for a person.
 */
async function resolveLost(context: PushContext, lost: { item: Planned; outcome: Exclude<BulkOutcome, { kind: 'ok' }> }[]): Promise<void> {
  const { space, source, local } = context;
  // A record this device knew on the server is gone: the database itself may have been replaced.
  if (lost.some(({ item, outcome }) => outcome.kind === 'conflict' && !outcome.current && item.operation.type === 'put' && item.operation.expectedRev)) await context.verifySource();
  const refused = lost.filter(({ outcome }) => outcome.kind === 'refused').map(({ item }) => item.entry);
  const refusedCurrent = await context.remote.currentRecords(space, refused);
  let r = 0;
  const at = new Date().toISOString();
  const kept: SyncConflict[] = [];
  const adopt: RemoteVersion[] = [];
  const settled: Settled[] = [];
  const merges: { item: Planned; theirs: RawRecord; merged: RawRecord }[] = [];
  for (const { item, outcome } of lost) {
    const theirs = outcome.kind === 'conflict' ? outcome.current : refusedCurrent[r++];
    const { collection, id } = item.entry;
    const base = item.meta?.base;
    const keepIt = (fields: string[], kind: SyncConflict['kind'], message: string, merged?: RawRecord) =>
      kept.push({ space, collection, id, key: keptKey(collection, id, at), mine: item.local, theirs, ...(base ? { base } : {}), ...(merged ? { merged } : {}), fields, kind, message, at });
    const theirsVersion = { collection, id, remoteRev: theirs?.rev ?? '', record: theirs, origin: 'sync' };
    if (outcome.kind === 'refused') {
      keepIt([], 'refused', outcome.reason);
      settled.push({ entry: item.entry });
      adopt.push(theirsVersion);
    } else if (!item.local || !theirs) {
      // A delete against an edit, or an edit against a delete: the server's side shows, the other is kept.
      if (item.local || theirs) keepIt([], 'conflict', item.local ? 'Someone else deleted this on the server while you changed it.' : 'Someone else changed this on the server while you deleted it.');
      settled.push({ entry: item.entry });
      adopt.push(theirsVersion);
    } else {
      const { merged, fields } = mergeVersions(base, item.local, theirs);
      if (fields.length) keepIt(fields, 'conflict', 'Someone else changed the same part on the server first.', merged);
      if (sameFields(merged, theirs)) {
        settled.push({ entry: item.entry });
        adopt.push(theirsVersion);
      } else merges.push({ item, theirs, merged });
    }
  }
  // The entry goes first: a record with changes waiting is never overwritten by the server's.
  await settle(context, settled);
  await context.keep(kept);
  await context.applyRemote(adopt);
  for (const { item, theirs, merged } of merges) {
    // The merged version replaces the local one and waits to be sent, now based on theirs.
    const results = await local.write(space, [{ type: 'put', record: { ...merged, space }, expectedRev: item.local!.rev }], { origin: 'sync-merge' });
    if (!results[0]?.ok) continue; // changed here meanwhile: the next round merges again
    await settle(context, [
      { entry: item.entry, sentVersion: -1, meta: { remoteRev: theirs.rev, localRev: results[0].rev, base: theirs, source } },
    ]);
  }
}
