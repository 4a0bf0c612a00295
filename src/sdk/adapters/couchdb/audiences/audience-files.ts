/**
 * Files follow the records that use them: a file is stored in the database of every record that
 * refers to it, so exactly the readers of those records can read it, and it moves when they do.
 * A file no record of this device uses yet waits in its uploader's own database.
 */
import type { AttachmentInfo, RawRecord } from '../../../adapter.js';
import type { Audience } from '../../../policy/audience.js';
import { attachmentIdsOf } from '../../../store/person/attachment-refs.js';
import { audienceDatabase } from '../audience-databases.js';
import * as attachments from '../couch-attachments.js';
import type { CouchClient } from '../couch-http.js';
import { attachmentDocumentId, HOME_FIELD, MOVED_FROM_FIELD, MOVED_TO_FIELD } from '../couch-names.js';
import { homeOf, readHeld } from './held-versions.js';

export interface FilePlaces {
  client: CouchClient;
  space: string;
  /** Databases to look in when nothing else is known: the reader's feeds (the space's and their rooms). */
  feeds(): Promise<string[]>;
  /** The uploader's own database. */
  ownDatabase(): Promise<string>;
  /** This device's records that use a file. */
  recordsUsing(fileId: string): Promise<RawRecord[]>;
  audienceOf(record: RawRecord): Promise<Audience>;
}

export function audienceFiles(places: FilePlaces) {
  const { client, space } = places;
  /** Where each file is known to be stored, learned from the records written and read here. */
  const known = new Map<string, Set<string>>();

  const note = (record: RawRecord | undefined, home: string) => {
    for (const file of attachmentIdsOf(record)) known.set(file, new Set([...(known.get(file) ?? []), home]));
  };

  /** The databases of this device's records that use the file. */
  async function homesOfUsers(fileId: string, except?: RawRecord): Promise<Set<string>> {
    const users = (await places.recordsUsing(fileId)).filter((record) => !(except && record.collection === except.collection && record.id === except.id));
    return new Set(await Promise.all(users.map(async (record) => audienceDatabase(space, await places.audienceOf(record)))));
  }

  /** Where the file is stored now: known places first, then the reader's feeds (a room's copy names its home). */
  async function whereStored(fileId: string): Promise<string[]> {
    const places_ = new Set(known.get(fileId) ?? []);
    for (const feed of await places.feeds()) {
      const [doc] = await readHeld(client, feed, [attachmentDocumentId(fileId)]);
      if (doc && !doc._deleted) places_.add(homeOf(doc, feed));
    }
    return [...places_];
  }

  const files = {
    note,

    async put(blob: Blob, id: string): Promise<AttachmentInfo> {
      let homes = await homesOfUsers(id);
      if (!homes.size) homes = new Set([await places.ownDatabase()]);
      let info: AttachmentInfo | undefined;
      for (const home of homes) info = await attachments.putAttachment(client, home, blob, id, { [HOME_FIELD]: home });
      known.set(id, homes);
      return info!;
    },

    async get(id: string): Promise<Blob | undefined> {
      const tried = new Set<string>();
      for (const database of [...(known.get(id) ?? []), ...(await places.feeds())]) {
        if (tried.has(database)) continue;
        tried.add(database);
        const blob = await attachments.getAttachment(client, database, id);
        if (blob) return blob;
      }
      return undefined;
    },

    async delete(id: string): Promise<void> {
      for (const home of await whereStored(id)) await attachments.deleteAttachment(client, home, id);
      known.delete(id);
    },

    /** A record moved: each of its files is stored where it went, and leaves where no record of this device still uses it. */
    async moved(record: RawRecord, from: string, to: string, audience: Audience): Promise<void> {
      for (const file of attachmentIdsOf(record)) {
        try {
          await follow(file, record, from, to, audience);
        } catch (error) {
          // The record has moved; a file left behind is retried with the record's next move or edit.
          console.warn(`twinkit: file ${file} did not follow its record to ${to}.`, error);
        }
      }
    },
  };
  return files;

  /** Ends a file's copy in a database it moved out of, naming where it went (a moderator may). */
  async function leave(database: string, file: string, audience: Audience) {
    const [doc] = await readHeld(client, database, [attachmentDocumentId(file)]);
    if (!doc || doc._deleted) return;
    const tombstone = { _id: doc._id, _rev: doc._rev, _deleted: true, [HOME_FIELD]: database, [MOVED_TO_FIELD]: audience };
    await client.json('PUT', `/${encodeURIComponent(database)}/${encodeURIComponent(doc._id)}`, { body: tombstone, accept: [409] });
  }

  async function follow(file: string, record: RawRecord, from: string, to: string, audience: Audience) {
    const [there] = await readHeld(client, to, [attachmentDocumentId(file)]);
    if (!there || there._deleted) {
      const [source] = await readHeld(client, from, [attachmentDocumentId(file)]);
      const blob = (await attachments.getAttachment(client, from, file)) ?? (await files.get(file));
      // Still its uploader's file in the new database (they may remove it from their record later).
      const owner = typeof source?.owner === 'string' ? { owner: source.owner } : {};
      if (blob) await attachments.putAttachment(client, to, blob, file, { [HOME_FIELD]: to, [MOVED_FROM_FIELD]: from, ...owner });
    }
    if (!(await homesOfUsers(file, record)).has(from)) await leave(from, file, audience);
    const homes = known.get(file) ?? new Set();
    homes.delete(from);
    homes.add(to);
    known.set(file, homes);
  }
}
