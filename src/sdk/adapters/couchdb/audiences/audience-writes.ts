/**
 * Writes with one database per audience: each record goes to the database of its audience, in
 * one `_bulk_docs` per database; a record whose audience changed moves. A move first writes the
 * record in its new database, then ends it in the old one with a tombstone naming the new
 * audience (the tombstone carries the write's id, the copy one derived from it): a refusal or a
 * lost answer at any step leaves the record somewhere its readers still see it, and asking the
 * server (or sending it again) finishes the move.
 */
import type { RawRecord, WriteOperation } from '../../../adapter.js';
import type { Audience } from '../../../policy/audience.js';
import { audienceDatabase } from '../audience-databases.js';
import { bulkWrite, names, type BulkOutcome } from '../bulk-write.js';
import type { CouchClient } from '../couch-http.js';
import { documentId, HOME_FIELD, LINEAGE_FIELD, MOVED_FROM_FIELD, MOVED_TO_FIELD } from '../couch-names.js';
import { generation } from '../document-history.js';
import { isRemoteError } from '../remote-error.js';
import { toRecord, writeIdOf, type CouchDocument } from '../record-document.js';
import { heldOf, lineageOf, presentedVersion, readHeld } from './held-versions.js';
import { heldRev, presentRev, type HeldRevision } from './presented-revs.js';

export interface WriteContext {
  client: CouchClient;
  space: string;
  origin: string;
  /** The database of the space (where a revision written before this layout is taken to live). */
  spaceDatabase: string;
  audienceOf(record: RawRecord): Promise<Audience>;
  /** What a record's document carries beyond its content and home (the target's author on feedback). */
  fieldsOf(record: RawRecord): Promise<Record<string, unknown>>;
  /** Before a write goes: the database it is sent to (asked about, should its answer be lost). */
  sending(writeId: string, home: string): void;
  /** Called with the database each record is now held in, once written. */
  placed(collection: string, id: string, held: HeldRevision, record?: RawRecord): void;
  /** A record moved: its files go with it. */
  moved(record: RawRecord, from: string, to: string, audience: Audience): Promise<void>;
}

/**
 * The id the new copy of a move carries: not the write's own, which only the tombstone carries.
 * The device that moves a record would otherwise take the copy, back through its feed, for the
 * whole write landed, and never end the old one if the answer was lost.
 */
export const copyWriteId = (writeId: string | undefined) => (writeId ? `${writeId}~copy` : undefined);

const bookkeeping = (home: string, lineage: number, extra: Record<string, unknown> = {}) => ({ [HOME_FIELD]: home, ...(lineage ? { [LINEAGE_FIELD]: lineage } : {}), ...extra });

interface Routed {
  index: number;
  home: string;
  /** Set when the record moves there from another database. */
  move?: { from: HeldRevision; audience: Audience };
  held?: HeldRevision;
  operation: WriteOperation;
  /** `fieldsOf` the record written. */
  fields: Record<string, unknown>;
}

export async function writeByAudience(context: WriteContext, operations: WriteOperation[], writeIds: (string | undefined)[]): Promise<BulkOutcome[]> {
  const { space } = context;
  const routed = await Promise.all(
    operations.map(async (operation, index): Promise<Routed> => {
      const given = operation.expectedRev;
      // A revision of the one-database layout (no `@`) lives in the space's database.
      const held = heldRev(given) ?? (given ? { home: context.spaceDatabase, rev: given, lineage: 0 } : undefined);
      if (operation.type === 'delete') return { index, home: held?.home ?? context.spaceDatabase, held, operation, fields: {} };
      const [audience, fields] = await Promise.all([context.audienceOf(operation.record), context.fieldsOf(operation.record)]);
      const home = audienceDatabase(space, audience);
      if (held && held.home !== home) return { index, home, move: { from: held, audience }, held, operation, fields };
      return { index, home, held, operation, fields };
    }),
  );
  routed.forEach(({ index, home }) => writeIds[index] && context.sending(writeIds[index]!, home));
  const outcomes: BulkOutcome[] = new Array(operations.length);
  // In place, one request per database; moves after, one by one (a batch rarely holds more than a few).
  const byHome = new Map<string, Routed[]>();
  for (const item of routed) if (!item.move) byHome.set(item.home, [...(byHome.get(item.home) ?? []), item]);
  await Promise.all(
    [...byHome].map(async ([home, items]) => {
      const results = await writeTo(
        context,
        home,
        items.map(({ operation, held }) => withRev(operation, held?.rev ?? null)),
        items.map(({ index }) => writeIds[index]),
        items.map(({ held, fields }) => bookkeeping(home, held?.lineage ?? 0, fields)),
      );
      await Promise.all(results.map(async (result, i) => (outcomes[items[i].index] = await present(context, result, home, items[i].held?.lineage ?? 0))));
    }),
  );
  for (const item of routed) if (item.move) outcomes[item.index] = await move(context, item, writeIds[item.index]);
  return outcomes;
}

const withRev = (operation: WriteOperation, rev: string | null): WriteOperation => ({ ...operation, expectedRev: rev }) as WriteOperation;

/**
 * `_bulk_docs` to one database. One the writer may not open, or that does not exist (a member the
 * setup does not know, a school spelt otherwise), refuses that database's writes, each kept for a
 * person; it does not hold up the others, nor the rest of the outbox.
 */
async function writeTo(context: WriteContext, home: string, operations: WriteOperation[], writeIds: (string | undefined)[], fields: Record<string, unknown>[]): Promise<BulkOutcome[]> {
  try {
    return await bulkWrite(context.client, home, context.space, operations, context.origin, writeIds, fields);
  } catch (error) {
    const status = isRemoteError(error) ? error.status : undefined;
    if (status !== 401 && status !== 403 && status !== 404) throw error;
    const reason =
      status === 404
        ? `The server has no database ${home} for this record's readers: ask the space's admin to run the setup with this member and school.`
        : `You may not write to ${home}, the database of this record's readers.`;
    return operations.map((operation) => ({ kind: 'refused', ...names(operation), reason }));
  }
}

/** An outcome in the engine's terms: presented revisions; a conflict's current version read with its lineage. */
async function present(context: WriteContext, outcome: BulkOutcome, home: string, lineage: number): Promise<BulkOutcome> {
  const { collection, id } = outcome;
  if (outcome.kind === 'ok') {
    const held = { home, rev: outcome.rev, lineage };
    const rev = presentRev(held);
    const record = outcome.record && { ...outcome.record, rev };
    context.placed(collection, id, held, record);
    return { ...outcome, rev, ...(record ? { record } : {}) };
  }
  if (outcome.kind === 'refused') return outcome;
  return conflictIn(context, home, collection, id);
}

async function conflictIn(context: WriteContext, home: string, collection: string, id: string): Promise<BulkOutcome> {
  let [doc] = await readHeld(context.client, home, [documentId(collection, id)]);
  // Moved meanwhile: its version is where it went (when this person may read it there).
  const movedTo = doc?._deleted ? doc[MOVED_TO_FIELD] : undefined;
  if (movedTo && typeof movedTo === 'object' && typeof (movedTo as { kind?: unknown }).kind === 'string') {
    const there = audienceDatabase(context.space, movedTo as Audience);
    const [moved] = await readHeld(context.client, there, [documentId(collection, id)]).catch(() => [undefined]);
    if (moved) [doc, home] = [moved, there];
  }
  const { rev, record } = presentedVersion(doc, home, context.space);
  if (doc?._rev) context.placed(collection, id, heldOf(doc, home), record);
  return { kind: 'conflict', collection, id, current: record, currentRev: rev };
}

async function move(context: WriteContext, item: Routed, writeId: string | undefined): Promise<BulkOutcome> {
  const { client } = context;
  const operation = item.operation as Extract<WriteOperation, { type: 'put' }>;
  const { collection, id } = names(operation);
  const from = item.move!.from;
  const to = item.home;
  const [there] = await readHeld(client, to, [documentId(collection, id)]);
  // Someone else's live version there (they moved it first): theirs to merge with, not to overwrite.
  if (there && !there._deleted && writeIdOf(there) !== copyWriteId(writeId)) return conflictIn(context, to, collection, id);
  const rev = there?._rev ?? null;
  // The new copy and the old one's tombstone are both the record's next revision: whichever a
  // device reads first, the tombstone (naming an audience it reads) does not take the copy away.
  // A copy from an earlier stay there, deleted or this move's own sent before, is written over.
  const lineage = Math.max(0, from.lineage + generation(from.rev) - generation(rev));
  const [arrival] = await writeTo(context, to, [withRev(operation, rev)], [copyWriteId(writeId)], [bookkeeping(to, lineage, { ...item.fields, [MOVED_FROM_FIELD]: from.home })]);
  if (arrival.kind === 'refused') return arrival;
  if (arrival.kind === 'conflict') return conflictIn(context, to, collection, id);
  const leaving = bookkeeping(from.home, from.lineage, { [MOVED_TO_FIELD]: item.move!.audience });
  const [left] = await writeTo(context, from.home, [{ type: 'delete', collection, id, expectedRev: from.rev }], [writeId], [leaving]);
  if (left.kind !== 'ok') {
    await undoArrival(context, from.home, to, collection, id, { rev: arrival.rev, lineage });
    return left.kind === 'refused' ? left : conflictIn(context, from.home, collection, id);
  }
  await context.moved(operation.record, from.home, to, item.move!.audience);
  return present(context, arrival, to, lineage);
}

/**
 * A move whose copy landed but whose old version was not ended (the answer was lost, the tab
 * closed): ended now, with the write's own id, if nobody changed it since. True when done.
 */
export async function finishMove(context: WriteContext, from: HeldRevision, copy: { doc: CouchDocument; home: string }, writeId: string): Promise<boolean> {
  const record = toRecord(copy.doc, context.space);
  if (!record) return false;
  const audience = await context.audienceOf(record);
  const { collection, id } = record;
  const [left] = await writeTo(context, from.home, [{ type: 'delete', collection, id, expectedRev: from.rev }], [writeId], [bookkeeping(from.home, from.lineage, { [MOVED_TO_FIELD]: audience })]);
  if (left.kind !== 'ok') return false;
  await context.moved(record, from.home, copy.home, audience);
  return true;
}

/**
 * The old database changed meanwhile (or refused the tombstone): the version there stays the
 * record's. It is written again unchanged, so it is newer than the copy on every device that saw
 * both, and the copy ends with a tombstone sending readers of both back to it.
 */
async function undoArrival(context: WriteContext, from: string, to: string, collection: string, id: string, copy: { rev: string; lineage: number }) {
  const { client, space } = context;
  const [current] = await readHeld(client, from, [documentId(collection, id)]);
  const record = current && toRecord(current, space);
  // Someone else moved it meanwhile: readers of both follow it there.
  const elsewhere = current?._deleted ? current[MOVED_TO_FIELD] : undefined;
  let audience = elsewhere && typeof elsewhere === 'object' ? (elsewhere as Audience) : undefined;
  if (current && record) {
    // One more in its lineage: strictly newer than the copy, even when nobody changed it meanwhile.
    await writeTo(context, from, [{ type: 'put', record, expectedRev: current._rev ?? null }], [undefined], [bookkeeping(from, lineageOf(current) + 1, await context.fieldsOf(record))]);
    audience = await context.audienceOf(record);
  }
  const back = bookkeeping(to, copy.lineage, audience ? { [MOVED_TO_FIELD]: audience } : {});
  await writeTo(context, to, [{ type: 'delete', collection, id, expectedRev: copy.rev }], [undefined], [back]);
}
