import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { RawRecord } from '../adapter.js';
import { FILE_TYPES } from '../adapters/couchdb/design/file-rules.js';
import { can, initialStatus } from '../policy/can.js';
import { readRuleAllows } from '../policy/read-rules.js';
import { isStaff, type ModerationMode, type Role, type TwinUser } from '../policy/roles.js';
import type { PulledChange, PushResult, PushWrite } from '../replication/protocol.js';
import { builtInCollections } from '../schemas/collections.js';
import { startReferenceServer } from '../../server/reference-server.js';
import { runRemoteConformance, type RemoteConformanceOptions, type RemotePeople } from './index.js';
import { MEMBER_ROLES, type MemberRole } from './remote/people.js';
import { recordFactory } from './remote/records.js';
import { Actor } from './remote/actor.js';

// ---------------------------------------------------------------------------------------------
// The people of a test space, signing in with HTTP Basic.

const SCHOOLS = { roma: 'Liceo Galilei, Roma', krakow: 'Szkoła nr 5, Kraków' };
interface Member { id: string; name: string; password: string; role: Role; school?: string }
const MEMBERS: Record<MemberRole, Member> = {
  admin: { id: 'adm', name: 'Ada Admin', password: 'pw-adm', role: 'admin' },
  teacher: { id: 'tea', name: 'Teresa Teacher', password: 'pw-tea', role: 'teacher', school: SCHOOLS.roma },
  moderator: { id: 'mod', name: 'Marco Moderator', password: 'pw-mod', role: 'moderator', school: SCHOOLS.roma },
  pupil: { id: 'pia', name: 'Pia Pupil', password: 'pw-pia', role: 'pupil', school: SCHOOLS.roma },
  otherPupil: { id: 'olo', name: 'Olo Pupil', password: 'pw-olo', role: 'pupil', school: SCHOOLS.roma },
  otherSchoolPupil: { id: 'kasia', name: 'Kasia Pupil', password: 'pw-kasia', role: 'pupil', school: SCHOOLS.krakow },
  observer: { id: 'obs', name: 'Otto Observer', password: 'pw-obs', role: 'observer', school: SCHOOLS.roma },
};
/** Signs in, but is a member of another space only. */
const OUTSIDER: Member = { id: 'out', name: 'Oscar Outsider', password: 'pw-out', role: 'teacher' };

const basic = (m: Member) => ({ Authorization: `Basic ${Buffer.from(`${m.id}:${m.password}`).toString('base64')}` });
const person = (m: Member) => ({ id: m.id, name: m.name, ...(m.school ? { school: m.school } : {}), headers: basic(m) });
const PEOPLE: RemotePeople = {
  ...Object.fromEntries(MEMBER_ROLES.map((role) => [role, person(MEMBERS[role])])),
  nonMember: person(OUTSIDER),
};
const ALL_MEMBERS = Object.values(MEMBERS);

// ---------------------------------------------------------------------------------------------
// A small, correct server of the protocol in memory (the policy's own functions decide access),
// and the usual mistakes as switches: the suite must catch each of them.

interface Flaws {
  noRevisionCheck?: boolean;
  writeIdNotIdempotent?: boolean;
  leaksPrivateBodies?: boolean;
  ignoresLimit?: boolean;
  noLongPoll?: boolean;
  /** Stores the record's `rev` as the device sent it. */
  keepsSentRev?: boolean;
  /** Forgets a deleted record (no tombstone), answering its old revision. */
  deletesWithoutRevision?: boolean;
  /** Leaves out records the person may not read, instead of sending a deletion. */
  omitsUnreadable?: boolean;
}
interface Version { seq: number; collection: string; id: string; rev: string; record?: RawRecord; origin: string; writeId: string }

async function startSmallServer(space: string, moderation: ModerationMode, flaws: Flaws = {}) {
  const settings = { moderation };
  const source = randomBytes(6).toString('hex');
  const versions = new Map<string, Version>();
  const applied = new Map<string, string>();
  const files = new Map<string, { bytes: Buffer; type: string; by: string }>();
  let seq = 0;
  let wake: (() => void)[] = [];
  const definitionOf = (c: string) => builtInCollections[c];
  const readable = (user: TwinUser, r: RawRecord): boolean => {
    const d = definitionOf(r.collection);
    if (!readRuleAllows(d?.readableBy, r, user, d?.addressee) || !can(user, 'read', r as never, settings)) return false;
    if (!d?.feedbackOn?.visibleWithTarget || isStaff(user.role)) return true;
    const target = versions.get(`${d.feedbackOn.collection}/${String(r.target)}`)?.record;
    return !!target && readable(user, target);
  };
  const refusal = (user: TwinUser, stored: RawRecord | undefined, next: RawRecord | undefined): string | undefined => {
    if (next) {
      if (['id', 'collection', 'author', 'status', 'createdAt', 'updatedAt', 'schemaVersion'].some((k) => next[k] === undefined)) return 'The record lacks envelope fields.';
      if (JSON.stringify(next).length > 1024 * 1024) return 'The record is over 1 MiB.';
    }
    if (!stored) {
      const d = definitionOf(next!.collection);
      if ((next!.author as { id: string }).id !== user.id) return 'You can only write as yourself.';
      if (d?.createdBy === 'staff' && !isStaff(user.role)) return 'Only teachers add these.';
      if (!d?.feedbackOn?.unmoderated && next!.status !== initialStatus(user, settings)) return `A new record of yours is ${initialStatus(user, settings)}.`;
      const target = d?.feedbackOn ? versions.get(`${d.feedbackOn.collection}/${String(next!.target)}`)?.record : undefined;
      if (d?.feedbackOn && !(target && readable(user, target))) return 'You cannot read what this is about.';
      return undefined;
    }
    if (!next) return can(user, 'delete', stored as never, settings) ? undefined : 'You may not delete this.';
    if (!can(user, 'edit', stored as never, settings)) return 'You may not edit this.';
    if ((next.author as { id: string }).id !== (stored.author as { id: string }).id) return 'The author does not change.';
    const [from, to] = [stored.status, next.status];
    if (from === to || (to === 'pending' && initialStatus(user, settings) === 'pending')) return undefined;
    return can(user, to === 'hidden' ? 'hide' : 'approve', stored as never, settings) ? undefined : 'You may not change its status.';
  };
  const change = (user: TwinUser, v: Version): PulledChange =>
    v.record && (flaws.leaksPrivateBodies || readable(user, v.record))
      ? { collection: v.collection, id: v.id, rev: v.rev, record: v.record, origin: v.origin, writeId: v.writeId }
      : { collection: v.collection, id: v.id, rev: v.rev, deleted: true };
  const page = (user: TwinUser, since: number, limit: number) => {
    const visible = (v: Version) => !flaws.omitsUnreadable || !v.record || readable(user, v.record);
    const after = [...versions.values()].filter((v) => v.seq > since && visible(v)).sort((a, b) => a.seq - b.seq);
    const sent = flaws.ignoresLimit ? after : after.slice(0, limit);
    return { source, checkpoint: `c${sent.at(-1)?.seq ?? since}`, changes: sent.map((v) => change(user, v)), more: sent.length < after.length };
  };
  const write = (user: TwinUser, origin: string, w: PushWrite): PushResult => {
    const made = applied.get(w.writeId);
    if (made && !flaws.writeIdNotIdempotent) return { status: 'ok', rev: made };
    const key = `${w.collection}/${w.id}`;
    const v = versions.get(key);
    if (v?.record && !readable(user, v.record)) return { status: 'refused', reason: 'You cannot read this record.', current: null };
    const current = v ? (v.record ? { rev: v.rev, record: v.record } : { rev: v.rev, deleted: true }) : null;
    if (!flaws.noRevisionCheck && !(v?.record ? w.baseRev === v.rev : w.baseRev === null || w.baseRev === v?.rev)) return { status: 'conflict', current };
    const reason = refusal(user, v?.record, w.record);
    if (reason) return { status: 'refused', reason, current };
    if (flaws.deletesWithoutRevision && !w.record && v) return versions.delete(key), { status: 'ok', rev: v.rev };
    const rev = `${(v ? Number.parseInt(v.rev, 10) : 0) + 1}-${randomBytes(5).toString('hex')}`;
    versions.set(key, { seq: ++seq, collection: w.collection, id: w.id, rev, origin, writeId: w.writeId, ...(w.record ? { record: { ...w.record, space, rev: flaws.keepsSentRev ? w.record.rev : rev } } : {}) });
    applied.set(w.writeId, rev);
    return { status: 'ok', rev };
  };
  const fileReadable = (user: TwinUser, id: string, by: string) =>
    by === user.id || isStaff(user.role) || [...versions.values()].some((v) => v.record && JSON.stringify(v.record).includes(`"${id}"`) && readable(user, v.record));

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, body?: unknown, type = 'application/json') => res.writeHead(status, { 'content-type': type }).end(body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body));
    const fail = (status: number, error: string, reason: string) => send(status, { error, reason });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const [, spaces, name, endpoint, fileId] = decodeURIComponent(new URL(req.url!, 'http://x').pathname).split('/');
    const [id, password] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString().split(':');
    const member = [...ALL_MEMBERS, OUTSIDER].find((m) => m.id === id && m.password === password);
    if (!member) return fail(401, 'unauthorized', 'Sign in first.');
    if (spaces !== 'spaces' || name !== space) return fail(404, 'not-found', 'No such space.');
    if (!ALL_MEMBERS.includes(member)) return fail(403, 'forbidden', 'You are not a member of this space.');
    const user: TwinUser = { id: member.id, name: member.name, role: member.role, ...(member.school ? { school: member.school } : {}) };
    const body = () => JSON.parse(Buffer.concat(chunks).toString() || 'null');
    if (endpoint === 'pull') {
      const { checkpoint, limit, wait } = body();
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return fail(400, 'bad-request', 'limit must be a whole number from 1 to 1000.');
      const since = checkpoint === null ? 0 : /^c\d+$/.test(checkpoint) && Number(checkpoint.slice(1)) <= seq ? Number(checkpoint.slice(1)) : NaN;
      if (Number.isNaN(since)) return fail(400, 'bad-checkpoint', 'This server did not issue that checkpoint.');
      if (wait > 0 && !flaws.noLongPoll && page(user, since, limit).changes.length === 0) {
        await new Promise<void>((resolve) => { wake.push(resolve); setTimeout(resolve, wait * 1000); });
      }
      return send(200, page(user, since, limit));
    }
    if (endpoint === 'push') {
      const { origin, writes } = body();
      if (!Array.isArray(writes) || writes.length > 1000) return fail(400, 'bad-request', 'writes must be a list of at most 1000 writes.');
      if (writes.some((w: PushWrite) => typeof w?.writeId !== 'string')) return fail(400, 'bad-request', 'Each write needs a writeId.');
      if (user.role === 'observer') return fail(403, 'forbidden', 'Observers write nothing.');
      const results = writes.map((w: PushWrite) => write(user, origin, w));
      [wake] = [[], wake.forEach((resolve) => resolve())];
      return send(200, { results });
    }
    if (endpoint === 'files' && fileId) {
      const file = files.get(fileId);
      if (req.method === 'PUT') {
        const type = req.headers['content-type'] ?? '';
        if (!(FILE_TYPES as readonly string[]).includes(type)) return fail(415, 'unsupported-type', `Files of type ${type} are not stored.`);
        files.set(fileId, { bytes: Buffer.concat(chunks), type, by: user.id });
        return send(204);
      }
      if (!file || !fileReadable(user, fileId, file.by)) return fail(404, 'not-found', 'No such file.');
      if (req.method === 'GET') return send(200, file.bytes, file.type);
      files.delete(fileId);
      return send(204);
    }
    return fail(404, 'not-found', 'No such endpoint.');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => { wake.forEach((w) => w()); server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

// ---------------------------------------------------------------------------------------------
// Running the suite by hand: its tests collected by name, each run with a node:test-like context.

type Body = (this: unknown, ...args: unknown[]) => Promise<void>;

function collect(options: Omit<RemoteConformanceOptions, 'describe' | 'it' | 'name'>): Map<string, Body> {
  const tests = new Map<string, Body>();
  runRemoteConformance({ ...options, name: 'probe', describe: (_name, body) => body(), it: (name, body) => void tests.set(name, body) });
  return tests;
}

/** Runs one test: `passed`, `skipped: <reason>`, or the failure's message. */
async function outcome(tests: Map<string, Body>, name: string): Promise<string> {
  const test = tests.get(name);
  assert.ok(test, `the suite has no test named "${name}"`);
  const skipped: string[] = [];
  const context = { skip: (reason?: string) => void skipped.push(reason ?? '') };
  try {
    await test.call(context, context);
  } catch (error) {
    return (error as Error).message;
  }
  return skipped.length ? `skipped: ${skipped[0]}` : 'passed';
}

const BASE_REV = "refuses a write whose baseRev is not the current revision, answering a conflict with the current version";
const ONCE = 'applies a write sent twice (same writeId) once, answering the revision it made, even after other writes on top';
const PAGES = 'pages a pull at limit with more: true, and continues from each checkpoint without gaps or repeats';
const PRIVATE = 'sends a private journal entry to its author and staff only';
const LONG_POLL = 'answers a waiting pull (long poll) as soon as a push from someone else lands';
const STORES = 'stores a record with the space of the URL and the revision it made, keeping every field, and reports origin and writeId';
const GENERATIONS = 'gives revisions <generation>-<token>, one generation more per write, a deletion included';
const HIDDEN = 'takes back a hidden board post from those who had it (deleted: true, no body), and keeps it for its author and moderators';
const PENDING = 'keeps a pending board post from everyone but its author and those who moderate';

describe('the remote conformance suite', () => {
  it('builds records every collection schema accepts', () => {
    const http = undefined as never;
    const actor = (role: MemberRole) => new Actor(role, person(MEMBERS[role]), http, 'space-1', new Map(), 1000);
    const records = recordFactory('space-1', 'pupils');
    const made = [
      records.journalEntry(actor('pupil'), 'e1', 'private', { media: [{ attachment: 'f1', kind: 'image', alt: 'A photo' }] }),
      records.journalNote(actor('teacher'), 'n1', 'pia'),
      records.journalFeedback(actor('otherPupil'), 'f1', 'e1'),
      records.boardSection(actor('teacher'), 's1'),
      records.boardPost(actor('pupil'), 'p1', 's1'),
    ];
    for (const record of made) {
      const parsed = builtInCollections[record.collection].schema.safeParse(record);
      assert.ok(parsed.success, `${record.collection}: ${JSON.stringify(parsed.error?.issues)}`);
    }
    assert.deepEqual(made.map((r) => r.status), ['pending', 'published', 'pending', 'published', 'pending']);
  });

  it('catches each usual mistake of a server, with a message in the integrator\'s terms', async () => {
    const cases: [Flaws, string, RegExp][] = [
      [{ noRevisionCheck: true }, BASE_REV, /^push answered 'ok' for a write whose baseRev '1-\w+' is not the current revision '2-\w+': the server must check revisions$/],
      [{ writeIdNotIdempotent: true }, ONCE, /^push answered 'conflict' \(current 1-\w+\) to a write sent again right away \(same writeId '[\w-]+'\): the server did not recognise a writeId it had applied/],
      [{ writeIdNotIdempotent: true, noRevisionCheck: true }, ONCE, /^the same writeId was applied twice \(revisions 1-\w+ then 2-\w+\) right away/],
      [{ leaksPrivateBodies: true }, PRIVATE, /^pull sent the body of a private journal entry to another pupil of the same school \(people\.otherPupil \(Olo Pupil\)\), who may not read it/],
      [{ ignoresLimit: true }, PAGES, /^pull as people\.teacher \(Teresa Teacher\) sent 3 changes for limit 2: the server must respect the limit$/],
      [{ keepsSentRev: true }, STORES, /^pull as people\.teacher \(Teresa Teacher\) sent journal\/[\w-]+ whose record has rev "0-unsaved" in a change of rev '1-\w+': the server stores the record with "rev" set to the revision it made$/],
      [{ deletesWithoutRevision: true }, GENERATIONS, /^the deletion of revision '(2-\w+)' made '\1': a deletion is a write too, with the next generation \(a tombstone\)$/],
      [{ omitsUnreadable: true }, HIDDEN, /^pull sent another pupil of the same school \(people\.otherPupil \(Olo Pupil\)\) nothing about a hidden board post, whose copy they had: their device keeps showing it/],
      [{ noLongPoll: true }, LONG_POLL, /^skipped: the server answered a pull with wait: 8 after \d+ ms with no changes: it does not offer long poll/],
    ];
    for (const [flaws, name, expected] of cases) {
      const server = await startSmallServer('flawed', 'pupils', flaws);
      try {
        const tests = collect({ url: server.url, space: 'flawed', people: PEOPLE, moderation: 'pupils' });
        assert.match(await outcome(tests, name), expected, `with ${JSON.stringify(flaws)}`);
        // The same server passes a test its flaw does not touch: the failure above is the flaw's.
        assert.equal(await outcome(tests, 'refuses a record whose author is not the person writing it'), 'passed');
      } finally {
        await server.close();
      }
    }
  });

  it('skips, naming who is missing, the tests of people not given; and the moderation tests of a space without moderation', async () => {
    const server = await startSmallServer('few', 'off');
    try {
      const { teacher, pupil } = PEOPLE;
      const tests = collect({ url: server.url, space: 'few', people: { teacher, pupil }, moderation: 'off', files: false });
      assert.equal(await outcome(tests, PRIVATE), 'skipped: needs someone who may not read it: people.otherPupil, otherSchoolPupil, moderator or observer');
      assert.equal(await outcome(tests, 'refuses every write of an observer'), 'skipped: needs people.observer (an observer of the space)');
      assert.match(await outcome(tests, PENDING), /^skipped: the space's moderation is 'off'/);
      assert.equal(await outcome(tests, 'stores a file and gives it back with its type, until it is deleted'), 'skipped: files: false (the server stores no files)');
      assert.equal(await outcome(tests, BASE_REV), 'passed');
    } finally {
      await server.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The whole suite, as an integrator runs it: on the small server, and on the reference server.

const smallServers = { pupils: await startSmallServer('small-pupils', 'pupils'), off: await startSmallServer('small-off', 'off') };
const dataDir = await mkdtemp(join(tmpdir(), 'twinkit-remote-conformance-'));
const spaceOf = (moderation: ModerationMode) => ({ moderation, members: ALL_MEMBERS });
const reference = await startReferenceServer({ dataDir, port: 0, spaces: { 'ref-pupils': spaceOf('pupils'), 'ref-off': spaceOf('off'), elsewhere: { members: [OUTSIDER] } } });
after(async () => {
  await Promise.all([smallServers.pupils.close(), smallServers.off.close(), reference.close()]);
  await rm(dataDir, { recursive: true, force: true });
});

for (const moderation of ['pupils', 'off'] as const) {
  runRemoteConformance({ name: `small in-memory server, moderation '${moderation}'`, url: smallServers[moderation].url, space: `small-${moderation}`, people: PEOPLE, moderation, describe, it });
  runRemoteConformance({ name: `reference server, moderation '${moderation}'`, url: reference.url, space: `ref-${moderation}`, people: PEOPLE, moderation, describe, it });
}
