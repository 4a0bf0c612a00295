import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startCouchServer, type CouchServer } from '../../../../../scripts/couch/start-couch-server.mjs';
import type { Role } from '../../../policy/roles.js';
import { audienceDatabase } from '../audience-databases.js';
import { databaseName, HOME_FIELD, LINEAGE_FIELD, MOVED_TO_FIELD } from '../couch-names.js';
import { setupCouchSpace } from './couchdb-setup.js';
import type { SpaceMember } from './members.js';

/**
 * A space that ran on one database switches to one per audience: the setup moves what the space's
 * database held for fewer people into their databases, with the files they use, and leaves
 * tombstones naming where each went; a second run moves nothing.
 */
const SPACE = 'switch';
const SCHOOL = 'Liceo Galilei';
const member = (id: string, role: Role): SpaceMember => ({ id, name: id, role, password: `pw-${id}`, school: SCHOOL });
const MEMBERS = [member('tess', 'teacher'), member('pia', 'pupil'), member('paul', 'pupil')];
const at = '2027-03-09T10:00:00.000Z';
const envelope = (collection: string, id: string, author: string, extra: Record<string, unknown> = {}) => ({
  _id: `${collection}:${id}`,
  collection,
  id,
  space: SPACE,
  schemaVersion: 2,
  author: { id: author, name: author, school: SCHOOL },
  status: 'published',
  createdAt: at,
  updatedAt: at,
  ...extra,
});
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let server: CouchServer;
const admin = () => ({ authorization: server.adminHeaders.authorization, 'content-type': 'application/json' });
async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, { method, headers: admin(), body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> };
}
const db = (name: string) => `/${encodeURIComponent(name)}`;

before(async () => {
  server = await startCouchServer();
  await setupCouchSpace({ url: server.url, adminHeaders: server.adminHeaders, space: SPACE, members: MEMBERS, layout: 'space' });
  const space = db(databaseName(SPACE));
  const docs = [
    envelope('journal', 'open', 'pia', { date: '2027-03-09', title: 'Harbour', visibility: 'space', media: [{ attachment: 'shared-photo', kind: 'image', alt: 'Boats' }] }),
    envelope('journal', 'ours', 'pia', { date: '2027-03-09', title: 'Ferry', visibility: 'school' }),
    envelope('journal', 'mine', 'pia', { date: '2027-03-09', title: 'Homesick', visibility: 'private', media: [{ attachment: 'private-photo', kind: 'image', alt: 'My room' }] }),
    envelope('journal', 'waiting', 'paul', { date: '2027-03-09', title: 'Draft', visibility: 'space', status: 'pending' }),
    envelope('journal-note', 'note', 'tess', { pupil: 'pia', body: 'Talk about the trip.' }),
  ];
  for (const doc of docs) assert.equal((await call('PUT', `${space}/${encodeURIComponent(doc._id)}`, doc)).status, 201);
  // An edit: its revisions must go on after the move.
  const open = await call('GET', `${space}/journal%3Aopen`);
  assert.equal((await call('PUT', `${space}/journal%3Aopen`, { ...open.body, title: 'Harbour at dawn' })).status, 201);
  for (const file of ['shared-photo', 'private-photo']) {
    const doc = { owner: 'pia', _attachments: { file: { content_type: 'image/png', data: png.toString('base64') } } };
    assert.equal((await call('PUT', `${space}/attachment%3A${file}`, doc)).status, 201);
  }
});
after(() => server?.stop());

describe('setup: a space moves into one database per audience', () => {
  it('moves every record and file held for fewer people than the whole space, and only once', async () => {
    const report = await setupCouchSpace({ url: server.url, adminHeaders: server.adminHeaders, space: SPACE, members: MEMBERS, layout: 'audiences' });
    assert.deepEqual(report.moved, { records: 4, files: 1 });
    const where = async (docId: string) => {
      const { body } = await call('GET', '/_all_dbs');
      const names = (body as unknown as string[]).filter((name) => name.startsWith(databaseName(SPACE)) && !name.includes('$room-'));
      const live: string[] = [];
      for (const name of names) if ((await call('GET', `${db(name)}/${encodeURIComponent(docId)}`)).status === 200) live.push(name);
      return live;
    };
    const space = databaseName(SPACE);
    const expected: Record<string, string> = {
      'journal:open': space,
      'journal:ours': audienceDatabase(SPACE, { kind: 'school', school: SCHOOL }),
      'journal:mine': audienceDatabase(SPACE, { kind: 'person', person: 'pia' }),
      'journal:waiting': audienceDatabase(SPACE, { kind: 'moderators', person: 'paul' }),
      'journal-note:note': audienceDatabase(SPACE, { kind: 'person', person: 'pia' }),
      'attachment:shared-photo': space,
      'attachment:private-photo': audienceDatabase(SPACE, { kind: 'person', person: 'pia' }),
    };
    for (const [docId, database] of Object.entries(expected)) assert.deepEqual(await where(docId), [database], docId);
    // The copy says where it lives and carries on the record's revisions; the tombstone says where it went.
    const moved = await call('GET', `${db(expected['journal:mine'])}/journal%3Amine`);
    assert.equal(moved.body[HOME_FIELD], expected['journal:mine']);
    assert.equal(moved.body[LINEAGE_FIELD], 1);
    const tombstone = await call('GET', `${db(space)}/journal%3Amine?revs=true&open_revs=all`);
    const leaf = (tombstone.body as unknown as { ok: Record<string, unknown> }[])[0].ok;
    assert.deepEqual({ deleted: leaf._deleted, to: leaf[MOVED_TO_FIELD] }, { deleted: true, to: { kind: 'person', person: 'pia' } });
    const photo = await fetch(`${server.url}${db(expected['attachment:private-photo'])}/attachment%3Aprivate-photo/file`, { headers: admin() });
    assert.deepEqual(Buffer.from(await photo.arrayBuffer()), png);

    const again = await setupCouchSpace({ url: server.url, adminHeaders: server.adminHeaders, space: SPACE, members: MEMBERS, layout: 'audiences' });
    assert.deepEqual(again.moved, { records: 0, files: 0 });
  });

  it('leaves no earlier version of a moved record readable by revision in the space\'s database', async () => {
    const space = db(databaseName(SPACE));
    const tombstone = await call('GET', `${space}/journal%3Amine?revs=true&open_revs=all`);
    const { _revisions: history } = (tombstone.body as unknown as { ok: { _revisions: { start: number; ids: string[] } } }[])[0].ok;
    assert.equal(history.ids.length, 2, 'the private entry, then its tombstone');
    const before = `${history.start - 1}-${history.ids[1]}`;
    const asPaul = await fetch(`${server.url}${space}/journal%3Amine?rev=${before}`, { headers: { authorization: `Basic ${btoa('paul:pw-paul')}` } });
    assert.equal(asPaul.status, 404, 'the private entry\'s text is gone with the compaction');
  });
});
