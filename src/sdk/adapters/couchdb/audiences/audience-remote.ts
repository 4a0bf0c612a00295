/**
 * The sync engine's server when every audience has its own database (audience-databases.ts): the
 * device reads a few feeds (the space's database and the reader's rooms, which the server fills
 * with the other databases the reader may read; a moderator's own database too: reading-rooms.ts),
 * and writes each record to its audience's database, moving it when its audience changes. The
 * engine sees one server: revisions carry their database (presented-revs.ts), one checkpoint holds
 * every feed's position.
 */
import type { RawRecord } from '../../../adapter.js';
import type { RemoteChange } from '../changes-feed.js';
import type { Audience } from '../../../policy/audience.js';
import { isStaff } from '../../../policy/roles.js';
import { randomId } from '../../../revision.js';
import type { SyncRemote } from '../../synced/sync-remote.js';
import { withReplication, type CouchSyncSource } from '../couch-replication.js';
import { audienceDatabase } from '../audience-databases.js';
import type { ServerVersion } from '../bulk-write.js';
import { pruneBranch, readBranches } from '../conflict-branches.js';
import { createCouchClient, type CouchConnectionOptions } from '../couch-http.js';
import { databaseName, documentId, MOVED_TO_FIELD } from '../couch-names.js';
import { databaseIdentity, sequenceNumber } from '../database-identity.js';
import { generation, inParallel, readLeaves } from '../document-history.js';
import { findLandedWrites, type UnansweredWrite } from '../landed-writes.js';
import { originOf, toRecord, writeIdOf, type CouchDocument } from '../record-document.js';
import { audienceFiles } from './audience-files.js';
import { copyWriteId, finishMove, writeByAudience, type WriteContext } from './audience-writes.js';
import { moveFollowers, placementRepair } from './follow-target.js';
import { heldOf, homeOf, lineageOf, presentedVersion, readHeld } from './held-versions.js';
import { heldRev, presentRev, type HeldRevision } from './presented-revs.js';
import { signedInReader, type Reader } from './reader.js';
import { followFields, recordAudience } from './record-audience.js';
import { isRoomDatabase } from './reading-rooms.js';
import { readFeeds } from './two-feeds.js';

export interface AudienceRemoteOptions extends CouchConnectionOptions {
  /** What the device holds: a record (feedback's target), the records that use a file, and a collection's records as the server last gave them. */
  local: {
    get(space: string, collection: string, id: string): Promise<RawRecord | undefined>;
    recordsUsing(space: string, fileId: string): Promise<RawRecord[]>;
    recordsIn(space: string, collection: string): Promise<RawRecord[]>;
  };
}

const isAudience = (value: unknown): value is Audience => !!value && typeof value === 'object' && typeof (value as { kind?: unknown }).kind === 'string';

export function createAudienceRemote(options: AudienceRemoteOptions): CouchSyncSource & SyncRemote {
  const client = createCouchClient(options);
  const spaces = new Map<string, ReturnType<typeof spaceState>>();
  const stateOf = (space: string) => {
    let state = spaces.get(space);
    if (!state) spaces.set(space, (state = spaceState(space)));
    return state;
  };

  function spaceState(space: string) {
    let reader: Promise<Reader> | undefined;
    const readerNow = () => (reader ??= signedInReader(client, space).catch((error: unknown) => ((reader = undefined), Promise.reject(error))));
    /** The database each record was last seen in, by document id; and where writes were sent, by write id. */
    const homes = new Map<string, string>();
    const sentTo = new Map<string, string>();
    const spaceDatabase = databaseName(space);
    const targetOf = (collection: string, id: string) => options.local.get(space, collection, id);
    const audienceOf = (record: RawRecord) => recordAudience(record, targetOf);
    const files = audienceFiles({
      client,
      space,
      feeds: async () => (await readerNow()).feeds,
      ownDatabase: async () => audienceDatabase(space, { kind: 'person', person: (await readerNow()).user.id }),
      recordsUsing: (fileId) => options.local.recordsUsing(space, fileId),
      audienceOf,
    });
    const place = (collection: string, id: string, held: HeldRevision, record?: RawRecord) => {
      homes.set(documentId(collection, id), held.home);
      if (record) files.note(record, held.home);
    };

    /** Where a record is held now: as last seen, else as the space's database or the room says. */
    async function locate(docIds: string[]): Promise<Map<string, string>> {
      const found = new Map<string, string>();
      const unknown = docIds.filter((docId) => {
        const home = homes.get(docId);
        if (home) found.set(docId, home);
        return !home;
      });
      for (const feed of unknown.length ? (await readerNow()).feeds : []) {
        const missing = unknown.filter((docId) => !found.has(docId));
        const docs = await readHeld(client, feed, missing);
        docs.forEach((doc, i) => doc && !(doc._deleted && doc[MOVED_TO_FIELD]) && found.set(missing[i], homeOf(doc, feed)));
      }
      return found;
    }

    /** The current documents, each read in its home (the room's copy may lag behind it). */
    async function current(docIds: string[]): Promise<{ doc: CouchDocument | undefined; home: string }[]> {
      const where = await locate(docIds);
      const byHome = new Map<string, string[]>();
      for (const docId of docIds) {
        const home = where.get(docId) ?? spaceDatabase;
        byHome.set(home, [...(byHome.get(home) ?? []), docId]);
      }
      const docs = new Map<string, { doc: CouchDocument | undefined; home: string }>();
      for (const [home, ids] of byHome) (await readHeld(client, home, ids)).forEach((doc, i) => docs.set(ids[i], { doc, home }));
      return docIds.map((docId) => docs.get(docId)!);
    }

    async function landed(write: UnansweredWrite): Promise<string | undefined> {
      const docId = documentId(write.collection, write.id);
      const mine = (doc: CouchDocument) => writeIdOf(doc) === write.writeId;
      const myCopy = (doc: CouchDocument) => writeIdOf(doc) === copyWriteId(write.writeId);
      const held = heldRev(write.baseRev) ?? (write.baseRev ? { home: spaceDatabase, rev: write.baseRev, lineage: 0 } : undefined);
      const candidates = held ? [held.home] : [];
      const aimed = sentTo.get(write.writeId);
      if (aimed) candidates.push(aimed);
      candidates.push(...(await readerNow()).feeds);
      for (const database of new Set(candidates)) {
        const found = await readLeaves(client, database, docId);
        const copy = held && found.find((leaf) => myCopy(leaf) && !leaf._deleted);
        if (copy && held) {
          // Only the copy of a move landed: the move is finished now, with this write's id.
          const home = homeOf(copy, database);
          const [there] = home === database ? [copy] : await readHeld(client, home, [docId]);
          if (there && myCopy(there) && (await finishMove(writeContext('sync-finish'), held, { doc: there, home }, write.writeId))) return presentRev(heldOf(there, home));
          return undefined;
        }
        const leaf = found.find(mine);
        if (leaf?._deleted && isAudience(leaf[MOVED_TO_FIELD])) {
          // The write was a move, and it ended the old copy: it is the copy in the new database.
          const target = audienceDatabase(space, leaf[MOVED_TO_FIELD]);
          const arrived = (await readLeaves(client, target, docId)).find(myCopy);
          if (arrived) return presentRev(heldOf(arrived, target));
          const [rev] = await findLandedWrites(client, target, [{ ...write, writeId: copyWriteId(write.writeId)!, baseRev: null }]);
          const [now] = rev ? await readHeld(client, target, [docId]) : [];
          return rev ? presentRev({ home: target, rev, lineage: lineageOf(now) }) : undefined;
        }
        if (leaf) return presentRev(heldOf(leaf, database));
        if (held && database === held.home) {
          // Not a leaf: someone may have written on top of it since.
          const [rev] = await findLandedWrites(client, database, [{ ...write, baseRev: held.rev }]);
          if (rev) return presentRev({ home: database, rev, lineage: held.lineage });
        }
      }
      return undefined;
    }

    function writeContext(origin: string): WriteContext {
      return {
        client,
        space,
        origin,
        spaceDatabase,
        audienceOf,
        fieldsOf: (record) => followFields(record, targetOf),
        sending: (writeId, home) => sentTo.set(writeId, home),
        placed: place,
        async moved(record, from, to, audience) {
          await files.moved(record, from, to, audience);
          await moveFollowers(writeContext(origin), [record], (await readerNow()).user, (collection) => options.local.recordsIn(space, collection));
        },
      };
    }

    const answered = (writeIds: (string | undefined)[]) => writeIds.forEach((writeId) => writeId && sentTo.delete(writeId));
    const repair = placementRepair(() => writeContext('sync-placement'), { get: targetOf, recordsIn: (collection) => options.local.recordsIn(space, collection) });

    return { readerNow, spaceDatabase, audienceOf, files, place, current, landed, writeContext, answered, repair };
  }

  /**
   * A room gathers a record's copies from several databases: each move leaves a tombstone beside
   * the next copy. While a live copy is there CouchDB shows it; once all are tombstones it shows
   * any one of them, so the record's latest (the highest presented revision) is read instead.
   */
  async function latestLeaf(change: RemoteChange, feed: string, space: string): Promise<RemoteChange | undefined> {
    if (!change.deleted || !change.leaves || !isRoomDatabase(space, feed)) return undefined;
    const docId = documentId(change.collection, change.id);
    const leaves = await readLeaves(client, feed, docId);
    const ranked = leaves.map((leaf) => ({ leaf, rank: generation(presentRev(heldOf(leaf, feed))) })).sort((a, b) => b.rank - a.rank);
    const top = ranked[0]?.leaf;
    if (!top) return undefined;
    // The change as that leaf tells it (a live copy may have arrived since the feed was read).
    const record = toRecord(top, space);
    const { record: _record, write: _write, ...rest } = change;
    return { ...rest, rev: top._rev, doc: top, deleted: !record, ...(record ? { record } : {}), origin: originOf(top), ...(writeIdOf(top) ? { write: writeIdOf(top) } : {}) };
  }

  const versionsOf = async (space: string, refs: { collection: string; id: string }[]): Promise<ServerVersion[]> => {
    const state = stateOf(space);
    const docs = await state.current(refs.map((ref) => documentId(ref.collection, ref.id)));
    return docs.map(({ doc, home }) => presentedVersion(doc, home, space));
  };

  return withReplication({
    name: 'couchdb',
    client,

    async identity(space) {
      const { feeds } = await stateOf(space).readerNow();
      const identities = await Promise.all(feeds.map((feed) => databaseIdentity(client, feed)));
      return { id: identities.map(({ id }) => id).join('+'), updateSeq: identities.reduce((sum, { updateSeq }) => sum + sequenceNumber(updateSeq), 0) };
    },

    async readChanges(space, since, readOptions = {}) {
      const state = stateOf(space);
      const reader = await state.readerNow();
      const staff = isStaff(reader.user.role);
      if (staff) await state.repair.run();
      const page = await readFeeds(client, reader.feeds, space, since, readOptions);
      const latest = await Promise.all(page.changes.map(({ change, feed }) => latestLeaf(change, feed, space)));
      const changes = page.changes.flatMap(({ change: read, feed }, i) => {
        const change = latest[i] ?? read;
        const doc = change.doc;
        // A moderator's own database is followed directly: its copies are at home, its conflicts branches.
        const fromRoom = isRoomDatabase(space, feed);
        const movedTo = doc?.[MOVED_TO_FIELD];
        // Moved to a database this reader also reads: the record is there, not gone.
        if (change.deleted && isAudience(movedTo) && reader.reads(movedTo)) return [];
        const held = { home: fromRoom ? homeOf(doc, feed) : feed, rev: change.rev, lineage: lineageOf(doc) };
        const rev = presentRev(held);
        const record = change.record && { ...change.record, rev };
        state.place(change.collection, change.id, held, record);
        const { doc: _doc, conflicts, ...rest } = change;
        // A room gathers databases one way, and a record's copies in two of them are no branches to decide on.
        const branches = !fromRoom && conflicts?.length ? { conflicts: conflicts.map((loser) => presentRev({ ...held, rev: loser })) } : {};
        return [{ ...rest, rev, ...(record ? { record } : {}), ...branches }];
      });
      if (staff) state.repair.note(changes);
      return { changes, rows: page.rows, checkpoint: page.checkpoint };
    },

    async readDocuments(space, refs) {
      const versions = await versionsOf(space, refs);
      return refs.flatMap((ref, i) => {
        const { rev, record } = versions[i];
        return rev ? [{ collection: ref.collection, id: ref.id, rev, deleted: !record, ...(record ? { record } : {}), origin: 'remote' }] : [];
      });
    },

    async bulkWrite(space, operations, origin, writeIds = []) {
      const state = stateOf(space);
      const outcomes = await writeByAudience(state.writeContext(origin), operations, writeIds);
      // Answered: nobody will ask where these went (only writes whose answer was lost are asked about).
      state.answered(writeIds);
      return outcomes;
    },

    findLandedWrites: (space, writes) => inParallel(writes, 6, (write) => stateOf(space).landed(write)),
    currentVersions: (space, refs) => (refs.length ? versionsOf(space, refs) : Promise.resolve([])),

    async readBranches(space, collection, id) {
      const state = stateOf(space);
      const [{ doc, home }] = await state.current([documentId(collection, id)]);
      const lineage = lineageOf(doc);
      const branches = await readBranches(client, home, space, collection, id);
      const present = (rev: string) => presentRev({ home, rev, lineage });
      const withRev = (record: RawRecord | undefined, rev: string) => record && { ...record, rev: present(rev) };
      return {
        winner: branches.winnerRev ? withRev(branches.winner, branches.winnerRev) : undefined,
        winnerRev: branches.winnerRev && present(branches.winnerRev),
        losers: branches.losers.map((loser) => ({ ...loser, rev: present(loser.rev), record: withRev(loser.record, loser.rev) })),
      };
    },

    async pruneBranch(_space, collection, id, rev) {
      const held = heldRev(rev);
      if (held) await pruneBranch(client, held.home, collection, id, held.rev);
    },

    async readable(space, records) {
      const state = stateOf(space);
      const reader = await state.readerNow();
      // One's own included: a school-only entry stays with the school its author left.
      return Promise.all(records.map(async (record) => reader.reads(await state.audienceOf(record))));
    },

    putAttachment: (space, blob, { id = randomId() } = {}) => stateOf(space).files.put(blob, id),
    getAttachment: (space, id) => stateOf(space).files.get(id),
    deleteAttachment: (space, id) => stateOf(space).files.delete(id),

    async close() {
      spaces.clear();
    },
  });
}
