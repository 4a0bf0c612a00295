import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startCouchServer, type CouchServer } from '../../../../../scripts/couch/start-couch-server.mjs';
import type { RawRecord } from '../../../adapter.js';
import { audienceDatabase } from '../audience-databases.js';
import type { BulkOutcome } from '../bulk-write.js';
import { databaseName, HOME_FIELD } from '../couch-names.js';
import { setupCouchSpace } from '../setup/couchdb-setup.js';
import { createAudienceRemote } from './audience-remote.js';
import { presentRev } from './presented-revs.js';

/**
 * Two people acting on one record at once, when acting moves it between audiences' databases:
 * whoever comes second meets the first one's version (wherever it went) as a conflict to merge,
 * and no version is lost, duplicated or left where its readers would not read it.
 */
const SPACE = 'together';
const SCHOOL = 'Liceo Galilei';
const members = [
  { id: 'tess', name: 'Tess', role: 'teacher' as const, school: SCHOOL, password: 'pw-tess' },
  { id: 'mo', name: 'Mo', role: 'moderator' as const, school: SCHOOL, password: 'pw-mo' },
  { id: 'pia', name: 'Pia', role: 'pupil' as const, school: SCHOOL, password: 'pw-pia' },
];
const SPACE_DB = databaseName(SPACE);
const moderatorsOfPia = audienceDatabase(SPACE, { kind: 'moderators', person: 'pia' });
let server: CouchServer;
const basic = (id: string) => `Basic ${Buffer.from(`${id}:pw-${id}`).toString('base64')}`;
const remoteOf = (who: string) => createAudienceRemote({ url: server.url, headers: { authorization: basic(who) }, local: { get: async () => undefined, recordsUsing: async () => [], recordsIn: async () => [] } });
const admin = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${server.url}${path}`, { method, headers: { ...server.adminHeaders, 'content-type': 'application/json', accept: 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return (await response.json()) as Record<string, unknown> & { rev?: string };
};
const enc = encodeURIComponent;

/** Pia's journal entry, written by the admin into `database` (as a device would have left it). */
async function entry(database: string, id: string, fields: Record<string, unknown>): Promise<RawRecord> {
  const doc = { _id: `journal:${id}`, id, collection: 'journal', space: SPACE, schemaVersion: 2, createdAt: '2027-01-01T00:00:00.000Z', updatedAt: '2027-01-01T00:00:00.000Z', author: { id: 'pia', name: 'Pia', school: SCHOOL }, title: 'Harbour', date: '2027-01-01', ...fields };
  const { rev } = await admin('PUT', `/${enc(database)}/${enc(doc._id)}`, { ...doc, [HOME_FIELD]: database });
  const { _id, ...record } = doc;
  return { ...record, rev: presentRev({ home: database, rev: rev!, lineage: 0 }) } as RawRecord;
}

/** The leaves of a document in a database: live ones with their title, tombstones with where they went. */
async function leaves(database: string, docId: string) {
  const rows = (await admin('GET', `/${enc(database)}/${enc(docId)}?open_revs=all`)) as unknown as { ok?: Record<string, unknown> }[];
  return Array.isArray(rows) ? rows.flatMap(({ ok }) => (ok ? [ok._deleted ? { deleted: true, movedTo: ok.twinkitMovedTo } : { title: ok.title, status: ok.status }] : [])) : [];
}

const conflictOf = (outcome: BulkOutcome) => {
  assert.equal(outcome.kind, 'conflict');
  return outcome as Extract<BulkOutcome, { kind: 'conflict' }>;
};

before(async () => {
  server = await startCouchServer();
  await setupCouchSpace({ url: server.url, admin: server.admin, space: SPACE, moderation: 'pupils', members, layout: 'audiences' });
});
after(() => server?.stop());

describe('moves that cross', () => {
  it('the second move to the same database meets the first one\'s copy as a conflict, and overwrites nothing', async () => {
    const record = await entry(SPACE_DB, 'same', { visibility: 'space', status: 'published' });
    // Pia edits her published entry (it waits for approval again); the teacher, on the old version, hides it.
    const [pia] = await remoteOf('pia').bulkWrite(SPACE, [{ type: 'put', record: { ...record, title: 'Harbour at dawn', status: 'pending' }, expectedRev: record.rev }], 'pia-phone', ['w-pia']);
    assert.equal(pia.kind, 'ok');
    const [tess] = await remoteOf('tess').bulkWrite(SPACE, [{ type: 'put', record: { ...record, status: 'hidden' }, expectedRev: record.rev }], 'tess-laptop', ['w-tess']);
    assert.equal(conflictOf(tess).current?.title, 'Harbour at dawn');
    assert.deepEqual(await leaves(moderatorsOfPia, 'journal:same'), [{ title: 'Harbour at dawn', status: 'pending' }]);
    assert.ok((await leaves(SPACE_DB, 'journal:same')).every((leaf) => 'deleted' in leaf));
  });

  it('a delete based on the version before a move meets the moved version, not a deletion', async () => {
    const record = await entry(moderatorsOfPia, 'approved', { visibility: 'space', status: 'pending' });
    const [approval] = await remoteOf('mo').bulkWrite(SPACE, [{ type: 'put', record: { ...record, status: 'published' }, expectedRev: record.rev }], 'mo-tablet', ['w-mo']);
    assert.equal(approval.kind, 'ok');
    const [deletion] = await remoteOf('pia').bulkWrite(SPACE, [{ type: 'delete', collection: 'journal', id: 'approved', expectedRev: record.rev }], 'pia-phone', ['w-del']);
    assert.equal(conflictOf(deletion).current?.status, 'published');
    assert.deepEqual(await leaves(SPACE_DB, 'journal:approved'), [{ title: 'Harbour', status: 'published' }]);
  });

  it('the loser of two moves to different databases sends its readers after the winner\'s copy', async () => {
    const school = audienceDatabase(SPACE, { kind: 'school', school: SCHOOL });
    const record = await entry(school, 'apart', { visibility: 'school', status: 'published' });
    // Pia makes it private (her own database); the teacher, on the old version, hides it.
    const [pia] = await remoteOf('pia').bulkWrite(SPACE, [{ type: 'put', record: { ...record, visibility: 'private', status: 'pending', title: 'Mine now' }, expectedRev: record.rev }], 'pia-phone', ['w-private']);
    assert.equal(pia.kind, 'ok');
    const [tess] = await remoteOf('tess').bulkWrite(SPACE, [{ type: 'put', record: { ...record, status: 'hidden' }, expectedRev: record.rev }], 'tess-laptop', ['w-hide']);
    assert.equal(conflictOf(tess).current?.title, 'Mine now');
    const tessCopy = audienceDatabase(SPACE, { kind: 'school-moderators', school: SCHOOL, person: 'pia' });
    assert.deepEqual(await leaves(tessCopy, 'journal:apart'), [{ deleted: true, movedTo: { kind: 'person', person: 'pia' } }]);
    assert.deepEqual(await leaves(audienceDatabase(SPACE, { kind: 'person', person: 'pia' }), 'journal:apart'), [{ title: 'Mine now', status: 'pending' }]);
  });

  it('a record for a database the writer may not open is refused on its own; the rest of the batch goes', async () => {
    const mine = { id: 'fine', collection: 'journal', space: SPACE, schemaVersion: 2, createdAt: '2027-01-01T00:00:00.000Z', updatedAt: '2027-01-01T00:00:00.000Z', author: { id: 'pia', name: 'Pia', school: SCHOOL }, status: 'pending', title: 'Mine', date: '2027-01-01', visibility: 'space', rev: '' } as unknown as RawRecord;
    // Feedback whose entry this device does not hold: staff's only, a database a pupil cannot open.
    const stray = { ...mine, id: 'stray', collection: 'journal-feedback', target: 'gone', kind: 'liked', body: 'Nice' } as unknown as RawRecord;
    const outcomes = await remoteOf('pia').bulkWrite(SPACE, [{ type: 'put', record: mine, expectedRev: null }, { type: 'put', record: stray, expectedRev: null }], 'pia-phone', ['w1', 'w2']);
    assert.deepEqual(outcomes.map((outcome) => outcome.kind), ['ok', 'refused']);
    assert.match((outcomes[1] as { reason: string }).reason, /may not write to .*\$staff/);
  });
});
