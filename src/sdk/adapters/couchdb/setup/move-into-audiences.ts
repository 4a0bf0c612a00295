/**
 * A space that ran with one database and now has one per audience: every record the space's
 * database holds for fewer people than all its members goes to its audience's database, the way a
 * device moves one (the copy first, carrying on its revisions; then a tombstone naming where it
 * went), and every file goes where the records that use it are. Run by the setup, as a server
 * admin; safe to run again (a record already moved is not copied twice).
 */
import type { RawRecord } from '../../../adapter.js';
import type { Audience } from '../../../policy/audience.js';
import type { ModerationMode } from '../../../policy/roles.js';
import { attachmentIdsOf } from '../../../store/person/attachment-refs.js';
import { audienceDatabase, audienceSecurity, type AudienceMember } from '../audience-databases.js';
import { recordAudience } from '../audiences/record-audience.js';
import { databaseName, HOME_FIELD, LINEAGE_FIELD, MOVED_FROM_FIELD, MOVED_TO_FIELD, ATTACHMENT_PREFIX } from '../couch-names.js';
import { designDoc } from '../design/design-doc.js';
import { generation } from '../document-history.js';
import { toRecord, type CouchDocument } from '../record-document.js';
import { putDesign, putSecurity } from './couch-documents.js';
import type { CouchRequest } from './couch-request.js';

export interface MoveReport {
  records: number;
  files: number;
}

const path = (database: string, docId?: string) => `/${encodeURIComponent(database)}${docId === undefined ? '' : `/${encodeURIComponent(docId)}`}`;

export async function moveIntoAudiences(request: CouchRequest, options: { space: string; moderation: ModerationMode; members: readonly AudienceMember[]; extras?: object[] }): Promise<MoveReport> {
  const { space } = options;
  const home = databaseName(space);
  // Without the files' data: only the files that move are read, one at a time.
  const { body } = await request<{ rows: { id: string; doc?: CouchDocument }[] }>('GET', `${path(home)}/_all_docs?include_docs=true`);
  const docs = body.rows.flatMap(({ doc }) => (doc && !doc._deleted ? [doc] : []));
  const records = new Map<string, { doc: CouchDocument; record: RawRecord }>();
  for (const doc of docs) {
    const record = toRecord(doc, space);
    if (record) records.set(`${record.collection}:${record.id}`, { doc, record });
  }
  /** As a device computes it (feedback that follows its target: with the target as this database holds it). */
  const audienceOfRecord = (record: RawRecord) => recordAudience(record, async (collection, id) => records.get(`${collection}:${id}`)?.record);

  const ready = new Set<string>();
  /** The audience's database, made when the setup's members did not call for it (someone who left). */
  const ensure = async (audience: Audience) => {
    const database = audienceDatabase(space, audience);
    if (ready.has(database)) return database;
    if ((await request('PUT', path(database), { accept: [412] })).status !== 412) {
      await putSecurity(request, path(database), audienceSecurity(space, audience, options.members));
      await putDesign(request, path(database), designDoc({ space, moderation: options.moderation, audience }));
    }
    ready.add(database);
    return database;
  };

  /**
   * Copies a document into `database` (over a copy an interrupted run left there: the space's
   * version is the current one), then ends it in the space's database. A device that changed it
   * meanwhile wins: it stays for the next run.
   */
  const move = async (stub: CouchDocument, database: string, audience: Audience | undefined, extra: Record<string, unknown>) => {
    const doc = stub._attachments ? (await request<CouchDocument>('GET', `${path(home, stub._id)}?attachments=true`)).body : stub;
    const there = await request<CouchDocument>('GET', path(database, doc._id), { accept: [404] });
    {
      const { _rev, _conflicts: _c, _attachments, ...fields } = doc;
      // A file's data as written anew (its digest and position belong to the old database).
      const files = _attachments && typeof _attachments === 'object'
        ? { _attachments: Object.fromEntries(Object.entries(_attachments as Record<string, { content_type?: string; data?: string }>).map(([name, file]) => [name, { content_type: file.content_type, data: file.data }])) }
        : {};
      const over = there.status === 200 && there.body._rev ? { _rev: there.body._rev } : {};
      await request('PUT', path(database, doc._id), { body: { ...fields, ...files, ...over, [HOME_FIELD]: database, [MOVED_FROM_FIELD]: home, ...extra } });
    }
    if (!audience) return true;
    const ended = await request('PUT', path(home, doc._id), { body: { _id: doc._id, _rev: doc._rev, _deleted: true, [HOME_FIELD]: home, [MOVED_TO_FIELD]: audience }, accept: [409] });
    return ended.status !== 409;
  };

  const report: MoveReport = { records: 0, files: 0 };
  const usedIn = new Map<string, Set<string>>();
  const homeOfFile = new Map<string, Audience>();
  for (const { doc, record } of records.values()) {
    const audience = await audienceOfRecord(record);
    const database = audience.kind === 'space' ? home : await ensure(audience);
    for (const file of attachmentIdsOf(record)) {
      usedIn.set(file, new Set([...(usedIn.get(file) ?? []), database]));
      homeOfFile.set(`${file}@${database}`, audience);
    }
    if (database === home) continue;
    // Its revisions go on from the space's: devices order a record's versions by them.
    if (await move(doc, database, audience, { [LINEAGE_FIELD]: generation(doc._rev) })) report.records++;
  }
  for (const doc of docs) {
    if (!doc._id.startsWith(ATTACHMENT_PREFIX)) continue;
    const places = usedIn.get(doc._id.slice(ATTACHMENT_PREFIX.length));
    if (!places || places.has(home)) {
      // Used by something everyone reads (or by nothing): it stays; copies go where others use it.
      for (const database of places ?? []) if (database !== home) await move(doc, database, undefined, {});
      continue;
    }
    const [first, ...others] = [...places];
    for (const database of others) await move(doc, database, undefined, {});
    if (await move(doc, first, homeOfFile.get(`${doc._id.slice(ATTACHMENT_PREFIX.length)}@${first}`), {})) report.files++;
  }
  return report;
}

