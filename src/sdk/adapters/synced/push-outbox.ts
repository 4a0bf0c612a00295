import type { RawRecord, WriteOperation } from '../../adapter.js';
import type { BulkOutcome } from '../couchdb/bulk-write.js';
import { currentRecords } from '../couchdb/bulk-write.js';
import type { CouchDBAdapter } from '../couchdb/couchdb-adapter.js';
import { documentId } from '../couchdb/couch-names.js';
import { ATTACHMENT_COLLECTION, type OutboxEntry } from '../indexeddb/database.js';
import type { IndexedDBAdapter } from '../indexeddb/indexeddb-adapter.js';
import { sameContent } from './same-content.js';
import type { SyncConflict } from './sync-status.js';

/** How many outbox entries one push sends. */
const PUSH_BATCH = 200;

export interface PushContext {
  local: IndexedDBAdapter;
  remote: CouchDBAdapter;
  space: string;
  /** Tag of this device's writes on the server. */
  origin: string;
  /** Writes the server's version into the local store (without queuing it back to the server). */
  applyRemote(records: { collection: string; id: string; remoteRev: string; record: RawRecord | undefined }[], origin: string): Promise<void>;
  keepConflict(conflict: SyncConflict): Promise<void>;
}

type Planned = { entry: OutboxEntry; local: RawRecord | undefined; operation: WriteOperation };

/**
 * Clears entries once pushed (all in one transaction), unless one was changed meanwhile; returns,
 * per entry, whether the server changed that record too while it waited.
 */
async function settle(context: PushContext, items: { entry: OutboxEntry; meta?: { remoteRev: string; localRev: string } }[]): Promise<boolean[]> {
  if (!items.length) return [];
  const db = await context.local.database();
  const tx = db.transaction(['outbox', 'sync-meta'], 'readwrite');
  const outbox = tx.objectStore('outbox');
  const stale = await Promise.all(
    items.map(async ({ entry, meta }) => {
      const key: [string, string, string] = [entry.space, entry.collection, entry.id];
      const current = await outbox.get(key);
      if (meta) await tx.objectStore('sync-meta').put({ space: entry.space, collection: entry.collection, id: entry.id, ...meta });
      if (current && current.version === entry.version) await outbox.delete(key);
      else if (current?.stale) await outbox.put({ ...current, stale: false });
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

/** What to send for each waiting record: its current local version, based on the last server revision seen. */
async function plan(context: PushContext, entries: OutboxEntry[]): Promise<{ planned: Planned[]; nothing: OutboxEntry[] }> {
  const db = await context.local.database();
  const tx = db.transaction(['records', 'sync-meta'], 'readonly');
  const planned: Planned[] = [];
  const nothing: OutboxEntry[] = [];
  for (const entry of entries) {
    const key: [string, string, string] = [entry.space, entry.collection, entry.id];
    const [local, meta] = await Promise.all([tx.objectStore('records').get(key), tx.objectStore('sync-meta').get(key)]);
    const expectedRev = meta?.remoteRev ?? null;
    if (local) planned.push({ entry, local, operation: { type: 'put', record: local, expectedRev } });
    else if (expectedRev) planned.push({ entry, local, operation: { type: 'delete', collection: entry.collection, id: entry.id, expectedRev } });
    else nothing.push(entry); // made and deleted here before it ever reached the server
  }
  await tx.done;
  return { planned, nothing };
}

/**
 * Sends a batch of the outbox. Safe to repeat: a write whose answer was lost is sent again, and
 * the server's copy shows it had landed (same content), so nothing is applied twice.
 * Returns how many entries it handled (0: the outbox is empty).
 */
export async function pushOutbox(context: PushContext): Promise<number> {
  const db = await context.local.database();
  const entries = await db.getAllFromIndex('outbox', 'by-space', context.space, PUSH_BATCH);
  if (!entries.length) return 0;
  await pushAttachments(context, entries.filter((entry) => entry.collection === ATTACHMENT_COLLECTION));
  const { planned, nothing } = await plan(context, entries.filter((entry) => entry.collection !== ATTACHMENT_COLLECTION));
  await settle(context, nothing.map((entry) => ({ entry })));
  if (!planned.length) return entries.length;

  const outcomes = await context.remote.bulkWrite(context.space, planned.map((p) => p.operation), context.origin);
  const landed: { item: Planned; meta?: { remoteRev: string; localRev: string } }[] = [];
  const lost: { item: Planned; outcome: Exclude<BulkOutcome, { kind: 'ok' }> }[] = [];
  for (const [index, outcome] of outcomes.entries()) {
    const item = planned[index];
    const localRev = item.local?.rev ?? '';
    if (outcome.kind === 'ok') landed.push({ item, meta: { remoteRev: outcome.rev, localRev } });
    else if (outcome.kind === 'conflict' && (item.operation.type === 'delete' ? !outcome.current : sameContent(outcome.current, item.local))) {
      // Sent before, and it landed: only the answer was lost.
      landed.push({ item, meta: outcome.current ? { remoteRev: outcome.current.rev, localRev } : undefined });
    } else lost.push({ item, outcome });
  }
  const stale = await settle(context, landed.map(({ item, meta }) => ({ entry: item.entry, meta })));
  const refresh = landed.filter((_, i) => stale[i]).map(({ item }) => item);

  if (lost.length) {
    // Someone changed these first, or the rules refused them: show the server's version, keep ours.
    const refusedIds = lost.filter(({ outcome }) => outcome.kind === 'refused').map(({ item }) => documentId(item.entry.collection, item.entry.id));
    const refusedCurrent = refusedIds.length ? await currentRecords(context.remote.client, context.remote.databaseOf(context.space), context.space, refusedIds) : [];
    let r = 0;
    const theirs = lost.map(({ outcome }) => (outcome.kind === 'conflict' ? outcome.current : refusedCurrent[r++]));
    // The entry goes first: a record with changes waiting is never overwritten by the server's.
    await settle(context, lost.map(({ item }) => ({ entry: item.entry })));
    await context.applyRemote(
      lost.map(({ item }, i) => ({ collection: item.entry.collection, id: item.entry.id, remoteRev: theirs[i]?.rev ?? '', record: theirs[i] })),
      'sync',
    );
    const at = new Date().toISOString();
    for (const [i, { item, outcome }] of lost.entries()) {
      await context.keepConflict({
        space: context.space,
        collection: item.entry.collection,
        id: item.entry.id,
        mine: item.local,
        theirs: theirs[i],
        kind: outcome.kind === 'refused' ? 'refused' : 'conflict',
        message: outcome.kind === 'refused' ? outcome.reason : 'Someone else changed this on the server first.',
        at,
      });
    }
  }

  if (refresh.length) {
    // The server changed these while they waited here; now that ours landed, read theirs again.
    const ids = refresh.map((item) => documentId(item.entry.collection, item.entry.id));
    const current = await currentRecords(context.remote.client, context.remote.databaseOf(context.space), context.space, ids);
    await context.applyRemote(
      refresh.map((item, i) => ({ collection: item.entry.collection, id: item.entry.id, remoteRev: current[i]?.rev ?? '', record: current[i] })),
      'sync',
    );
  }
  return entries.length;
}
