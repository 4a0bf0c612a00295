import { unwrap, type IDBPTransaction } from 'idb';
import type { RawRecord, WriteOperation } from '../../adapter.js';
import { randomId } from '../../revision.js';
import type { PushResult, PushWrite } from '../../replication/protocol.js';
import { generation } from '../couchdb/document-history.js';
import { checkedPushResults } from '../../replication/protocol-answers.js';
import { isRemoteError } from '../couchdb/remote-error.js';
import { ATTACHMENT_COLLECTION, type Flight, type OutboxEntry, type SyncMeta, type TwinDBSchema } from '../indexeddb/database.js';
import type { IndexedDBAdapter } from '../indexeddb/indexeddb-adapter.js';
import { readMany } from '../indexeddb/read-many.js';
import { mergeBase, type RemoteVersion } from './apply-remote.js';
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
  /** A batch was answered (the count of what waits changed). */
  onPushed?(): void;
}

type Key = [string, string, string];
const keyOf = (entry: { space: string; collection: string; id: string }): Key => [entry.space, entry.collection, entry.id];

/** The server's versions of records, as the local store takes them in (no record: gone there). */
const serverVersions = (refs: { collection: string; id: string }[], versions: ({ rev: string; record?: RawRecord } | null | undefined)[]): RemoteVersion[] =>
  refs.map(({ collection, id }, i) => ({ collection, id, remoteRev: versions[i]?.rev ?? '', record: versions[i]?.record, origin: 'sync' }));

/** A write that did not land: someone wrote first, or the rules refused it. */
type Lost = Exclude<PushResult, { status: 'ok' }>;

interface Planned {
  /** The entry as it was when planned (its version is the one sent). */
  entry: OutboxEntry;
  local: RawRecord | undefined;
  meta: SyncMeta | undefined;
  operation: WriteOperation;
  writeId: string;
  /** The outbox version the write was planned from, when not the entry's (a write sent again). */
  sentVersion?: number;
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
 * write in flight is forgotten), and the record's server revision and merge base are noted (the
 * base only while a later change waits: otherwise the local copy is the version sent).
 */
async function settle(context: PushContext, items: Settled[], flights: { ended?: string[]; left?: Flight } = {}): Promise<void> {
  const ended = flights.ended ?? [];
  if (!items.length && !ended.length && !flights.left) return;
  const db = await context.local.database();
  const tx = db.transaction(['outbox', 'sync-meta', 'sync-flights'], 'readwrite');
  // Every answer of these flights is recorded in this transaction: they are no longer asked about,
  // and a flight with answers still to record keeps only those writes.
  for (const flight of ended) unwrap(tx.objectStore('sync-flights')).delete([context.space, flight]);
  if (flights.left) unwrap(tx.objectStore('sync-flights')).put(flights.left);
  const { values: currents, span } = await readMany(tx.objectStore('outbox'), items.map(({ entry }) => keyOf(entry)));
  // Writes without listeners: a failure aborts the transaction, and tx.done reports it.
  const outbox = unwrap(tx.objectStore('outbox'));
  const metas = unwrap(tx.objectStore('sync-meta'));
  const gone: Key[] = [];
  items.forEach(({ entry, sentVersion, meta }, i) => {
    const current = currents[i];
    // The server took a newer revision on top of this write while it waited: the entry stays, so
    // the next round's send meets it as a conflict and reads it in through the merge (durably:
    // a lost re-read cannot leave this device behind).
    const overtaken = !!current?.stale && !!current.seenRev && !!meta?.remoteRev && generation(current.seenRev) > generation(meta.remoteRev);
    const done = current?.version === (sentVersion ?? entry.version) && !overtaken;
    if (done) gone.push(keyOf(entry));
    else if (current) outbox.put({ ...current, stale: false, seenRev: undefined });
    if (!meta) return;
    // Sent and unchanged since: the local copy is the base. Changed since: the version sent is
    // (null when it is not known any more).
    const { base, ...rest } = meta;
    metas.put({ space: entry.space, collection: entry.collection, id: entry.id, ...rest, ...(done || !current ? {} : { base: base ?? null }) });
  });
  // Every entry of the span goes (the usual batch): one request deletes them all.
  if (span && gone.length === span.values.length) outbox.delete(span.range);
  else for (const key of gone) outbox.delete(key);
  await tx.done;
}

/**
 * Sends files one by one. A file the server's rules refuse stays waiting (and on this device) and
 * its refusal is reported, but it holds up neither the other files nor any record.
 */
async function pushAttachments(context: PushContext, entries: OutboxEntry[]): Promise<void> {
  const { files } = context.remote;
  // A server that takes no files: they stay on the device that added them (its records still go).
  if (!files) return settle(context, entries.map((entry) => ({ entry })));
  let refused: unknown;
  for (const entry of entries) {
    try {
      if (entry.action === 'delete') await files.deleteFile(context.space, entry.id);
      else {
        const blob = await context.local.getAttachment(context.space, entry.id);
        if (blob) await files.putFile(context.space, entry.id, blob);
      }
    } catch (error) {
      if (!isRemoteError(error) || error.failure !== 'forbidden') throw error;
      refused ??= error;
      continue;
    }
    await settle(context, [{ entry }]);
  }
  if (refused) throw refused;
}

/**
 * Writes sent before whose answer never came (lost, or the tab closed): the server is asked, by
 * the id each write carried, whether it landed, before anything is sent again or dropped.
 */
async function settleUnanswered(context: PushContext, flights: Flight[]): Promise<void> {
  const { space } = context;
  const { findLandedWrites, currentVersions } = context.remote;
  if (!findLandedWrites || !currentVersions) return sendAgain(context, flights);
  const asked = flights.flatMap((flight) => flight.writes);
  const landed = await findLandedWrites(space, asked);
  const db = await context.local.database();
  const locals = await Promise.all(asked.map((write) => db.get('records', [space, write.collection, write.id])));
  // Landed, but others may have written on top since: the server's current versions.
  const landedWrites = asked.filter((_, i) => landed[i]);
  const current = await currentVersions(space, landedWrites);
  const currentOf = new Map(landedWrites.map((write, i) => [write, current[i]]));
  await settle(
    context,
    asked.map((write, i) => {
      const entry = { space, collection: write.collection, id: write.id, version: write.version, queuedAt: '' };
      const rev = landed[i];
      if (!rev) return { entry, sentVersion: -1 }; // never landed: it waits to be sent again
      // The merge base is the landed version; when others wrote on top since, it is not known here.
      const now = currentOf.get(write);
      const base = now?.rev === rev ? (now.record ?? null) : null;
      return { entry, meta: { remoteRev: rev, localRev: locals[i]?.rev ?? '', base, source: context.source } };
    }),
    { ended: flights.map((flight) => flight.flight) },
  );
  await context.applyRemote(serverVersions(landedWrites, current));
}

/**
 * For a server that cannot be asked: each unanswered write goes again as it was, under its own
 * write id. The server applies an id once, so its answer is the lost answer (`ok` with the
 * revision the write made, a conflict, or a refusal), handled as any other.
 */
async function sendAgain(context: PushContext, flights: Flight[]): Promise<void> {
  const db = await context.local.database();
  for (const flight of flights) {
    const metas = await Promise.all(flight.writes.map((write) => db.get('sync-meta', [context.space, write.collection, write.id])));
    const planned = flight.writes.map((write, i): Planned => {
      const entry = { space: context.space, collection: write.collection, id: write.id, version: write.version, queuedAt: '' };
      const operation: WriteOperation = write.record
        ? { type: 'put', record: write.record, expectedRev: write.baseRev }
        : { type: 'delete', collection: write.collection, id: write.id, expectedRev: write.baseRev ?? '' };
      return { entry, local: write.record, meta: metas[i], operation, writeId: write.writeId, sentVersion: write.version };
    });
    await send(context, planned, flight.flight);
  }
}

type PlanTransaction = IDBPTransaction<TwinDBSchema, ('records' | 'sync-meta' | 'outbox' | 'sync-flights')[], 'readwrite'>;

/**
 * What to send for each waiting record: its current local version, based on the last server
 * revision seen. Every read is issued at once, then every write: no round trip per record.
 * `entries` must have been read in `tx`, so they are current. The batch is noted as one flight.
 */
async function plan(tx: PlanTransaction, space: string, entries: OutboxEntry[], keepSent: boolean): Promise<{ planned: Planned[]; flight: string }> {
  const records = tx.objectStore('records');
  const metas = tx.objectStore('sync-meta');
  const outbox = unwrap(tx.objectStore('outbox')); // writes without listeners: tx.done reports a failure
  const keys = entries.map(keyOf);
  const [locals, known] = await Promise.all([readMany(records, keys), readMany(metas, keys)]);
  const planned: Planned[] = [];
  entries.forEach((entry, i) => {
    const local = locals.values[i];
    const meta = known.values[i];
    const expectedRev = meta?.remoteRev || null;
    let operation: WriteOperation;
    if (local) operation = { type: 'put', record: local, expectedRev };
    else if (expectedRev) operation = { type: 'delete', collection: entry.collection, id: entry.id, expectedRev };
    else {
      // Made and deleted here, and the server never had it (asked, when in doubt): nothing to send.
      outbox.delete(keyOf(entry));
      return;
    }
    planned.push({ entry, local, meta, operation, writeId: randomId(20) });
  });
  // Noted before the request goes: if its answer is lost, the server is asked about these ids.
  const flight = randomId(12);
  const writes = planned.map((item) => flightWrite(item, keepSent));
  if (writes.length) unwrap(tx.objectStore('sync-flights')).put({ space, flight, writes });
  return { planned, flight };
}

/**
 * What a flight notes of one planned write; with `keepSent` (a server that cannot be asked whether
 * a write landed) the version sent too, so the same write can go again after a lost answer.
 */
const flightWrite = ({ entry, operation, writeId }: Planned, keepSent: boolean) => ({
  collection: entry.collection,
  id: entry.id,
  writeId,
  version: entry.version,
  baseRev: operation.expectedRev,
  ...(keepSent && operation.type === 'put' ? { record: operation.record } : {}),
});

/** Request errors abort the transaction; they are reported once, through `tx.done`. */
const ignore = () => {};

/**
 * Sends the outbox in batches. Safe to repeat: a write whose answer was lost is looked up on the
 * server by its write id first, so nothing is applied twice and nothing is dropped on a guess.
 * While one batch's request is out, the next one is planned and sent (each recorded as in flight
 * before it goes), so this device and the server work at the same time. Returns how many entries
 * it handled (0: the outbox is empty); entries queued again meanwhile wait for the next call.
 */
export async function pushOutbox(context: PushContext): Promise<number> {
  const db = await context.local.database();
  const { space } = context;
  // Writes of an earlier round whose answers never came are asked about before anything is sent;
  // what waits is then planned from what that stored.
  const unanswered = await db.getAll('sync-flights', IDBKeyRange.bound([space], [space, []]));
  if (unanswered.length) await settleUnanswered(context, unanswered);
  const out: Promise<void>[] = [];
  const files: OutboxEntry[] = [];
  let handled = unanswered.length;
  let after: Key | undefined;
  try {
    for (;;) {
      // Read and planned in one transaction; files wait until every record is sent.
      const tx = db.transaction(['records', 'sync-meta', 'outbox', 'sync-flights'], 'readwrite');
      // The space's entries in key order, after the last batch (arrays sort after strings: `[]` closes the range).
      const range = IDBKeyRange.bound(after ?? [space], [space, []], !!after);
      const entries = await tx.objectStore('outbox').getAll(range, PUSH_BATCH);
      const records = entries.filter((entry) => entry.collection !== ATTACHMENT_COLLECTION);
      files.push(...entries.filter((entry) => entry.collection === ATTACHMENT_COLLECTION));
      const { planned, flight } = records.length ? await plan(tx, space, records, !context.remote.findLandedWrites) : { planned: [], flight: '' };
      await tx.done;
      if (!entries.length) break;
      handled += entries.length;
      after = keyOf(entries[entries.length - 1]);
      if (!planned.length) continue;
      const sent = send(context, planned, flight);
      sent.catch(ignore); // awaited below
      out.push(sent);
      if (out.length > 1) {
        await out.shift();
        context.onPushed?.();
      }
    }
    while (out.length) await out.shift();
    await pushAttachments(context, files);
  } catch (error) {
    await Promise.allSettled(out); // no answer is left unrecorded
    throw error;
  }
  return handled;
}

/** A planned write as the protocol's push sends it. */
const pushWrite = ({ operation, writeId, entry }: Planned): PushWrite =>
  operation.type === 'put'
    ? { writeId, collection: entry.collection, id: entry.id, baseRev: operation.expectedRev, record: operation.record }
    : { writeId, collection: entry.collection, id: entry.id, baseRev: operation.expectedRev, deleted: true };

async function send(context: PushContext, planned: Planned[], flight: string): Promise<void> {
  const results = checkedPushResults(await context.remote.push(context.space, planned.map(pushWrite), { origin: context.origin }), planned.length);
  await handleOutcomes(context, planned, results, flight);
}

async function handleOutcomes(context: PushContext, planned: Planned[], outcomes: PushResult[], flight: string): Promise<void> {
  const { space, source } = context;
  const landed: Settled[] = [];
  const lost: { item: Planned; outcome: Lost }[] = [];
  for (const [index, outcome] of outcomes.entries()) {
    const item = planned[index];
    if (outcome.status === 'ok') {
      landed.push({ entry: item.entry, sentVersion: item.sentVersion, meta: { remoteRev: outcome.rev, localRev: item.local?.rev ?? '', base: item.local, source } });
    } else lost.push({ item, outcome });
  }
  // Without lost writes, the flight ends with the landed ones; otherwise it keeps the lost ones
  // until they are resolved (asked about again, should this tab stop before).
  const left = lost.length ? { space, flight, writes: lost.map(({ item }) => flightWrite(item, !context.remote.findLandedWrites)) } : undefined;
  await settle(context, landed, left ? { left } : { ended: [flight] });
  if (lost.length) {
    await resolveLost(context, lost);
    await settle(context, [], { ended: [flight] });
  }
}

/**
 * Someone changed these first, or the rules refused them. Changes to different fields merge and
 * are sent again; whatever cannot merge, and every refused change, is kept for a person.
 */
async function resolveLost(context: PushContext, lost: { item: Planned; outcome: Lost }[]): Promise<void> {
  const { space, source, local } = context;
  // A record this device knew on the server is gone: the database itself may have been replaced.
  if (lost.some(({ item, outcome }) => outcome.status === 'conflict' && !outcome.current && item.operation.type === 'put' && item.operation.expectedRev)) await context.verifySource();
  const at = new Date().toISOString();
  const kept: SyncConflict[] = [];
  const adopt: RemoteVersion[] = [];
  const settled: Settled[] = [];
  const merges: { item: Planned; theirs: RawRecord; merged: RawRecord }[] = [];
  for (const { item, outcome } of lost) {
    const theirsNow = outcome.current;
    const theirs = theirsNow?.deleted ? undefined : theirsNow?.record;
    const { collection, id } = item.entry;
    const base = mergeBase(item.meta, item.local);
    const keepIt = (fields: string[], kind: SyncConflict['kind'], message: string, merged?: RawRecord) =>
      kept.push({ space, collection, id, key: keptKey(collection, id, item.local, theirs), mine: item.local, theirs, ...(base ? { base } : {}), ...(merged ? { merged } : {}), fields, kind, message, at });
    const [theirsVersion] = serverVersions([item.entry], [theirsNow]);
    if (outcome.status === 'refused') {
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
  // Kept before its entry goes (should the tab stop between, the write is asked about and kept
  // again under the same key: once); the entry goes before the server's version comes in: a
  // record with changes waiting is never overwritten by the server's.
  await context.keep(kept);
  await settle(context, settled);
  await context.applyRemote(adopt);
  if (!merges.length) return;
  // The merged versions replace the local ones and wait to be sent, now based on theirs. One
  // write: each applies unless changed here meanwhile (then the next round merges again).
  const results = await local.write(
    space,
    merges.map(({ item, merged }) => ({ type: 'put', record: { ...merged, space }, expectedRev: item.local!.rev })),
    { origin: 'sync-merge' },
  );
  await settle(
    context,
    merges.flatMap(({ item, theirs }, i) => {
      const result = results[i];
      return result?.ok ? [{ entry: item.entry, sentVersion: -1, meta: { remoteRev: theirs.rev, localRev: result.rev, base: theirs, source } }] : [];
    }),
  );
}
