/**
 * "Private stays private": who may read and write which of a space's databases with one database
 * per audience (audience-databases.ts), written down from the POLICY (policy/audience.ts, can.ts,
 * `initialStatus`, docs/couchdb.md), not from the server's rules, so that the HTTP test
 * (access-matrix.node.test.ts) can hold the server's answers against it. The tables of
 * docs/couchdb-access.md are made from it (`accessTableMarkdown`).
 *
 * Pure: people, the records a space holds, the write attempts, and what each should get.
 */
import { audienceIncludes, audienceOf, type Audience, type AudienceRules } from '../../../policy/audience.js';
import { authorIdOf, sameSchool } from '../../../policy/read-rules.js';
import { isMember, isStaff, type Role, type TwinUser } from '../../../policy/roles.js';
import { builtInCollections } from '../../../schemas/collections.js';
import { audienceDatabase } from '../audience-databases.js';
import { attachmentDocumentId, HOME_FIELD, MOVED_FROM_FIELD, MOVED_TO_FIELD } from '../couch-names.js';
import { layoutOf } from '../setup/audience-layout.js';
import type { SpaceMember } from '../setup/members.js';
import { roomDatabase, type ReadingRoom } from './reading-rooms.js';

export const SPACE = 'matrix';
export const SCHOOLS = ['Liceo Galilei, Roma', 'Szkoła nr 5, Kraków'] as const;
const TIME = '2025-03-01T10:00:00.000Z';

/** Whoever sends a request: a member (with their role and school), someone of another space, or nobody signed in. */
export interface Person {
  id: string;
  /** Set for the space's members. */
  user?: TwinUser;
  /** The CouchDB user's password; none for someone not signed in. */
  password?: string;
  kind: 'member' | 'non-member' | 'anonymous';
}

const member = (id: string, role: Role, school?: string): SpaceMember & TwinUser => ({
  id,
  name: `Name of ${id}`,
  role,
  password: `secret-${id}`,
  ...(school === undefined ? {} : { school }),
});

/** Per school a teacher, a moderator and two pupils; an admin (no school) and an observer. */
export const MEMBERS: (SpaceMember & TwinUser)[] = [
  member('adm', 'admin'),
  ...SCHOOLS.flatMap((school, s) => {
    const k = 'ab'[s];
    return [member(`tea-${k}`, 'teacher', school), member(`mod-${k}`, 'moderator', school), member(`pup-${k}1`, 'pupil', school), member(`pup-${k}2`, 'pupil', school)];
  }),
  member('obs', 'observer', SCHOOLS[0]),
];
/** A teacher of another space: signed in, no role in this one. */
export const OUTSIDER = { id: 'out', password: 'secret-out', roles: ['twinkit.rivers.teacher', 'twinkit.rivers.school.x'] };

export const PEOPLE: Person[] = [
  ...MEMBERS.map((m): Person => ({ id: m.id, user: { id: m.id, name: m.name, role: m.role, ...(m.school ? { school: m.school } : {}) }, password: m.password, kind: 'member' })),
  { id: OUTSIDER.id, password: OUTSIDER.password, kind: 'non-member' },
  { id: 'anonymous', kind: 'anonymous' },
];
const byId = (id: string) => MEMBERS.find((m) => m.id === id)!;

/** A database of the space: an audience's, or a reading room. */
export type SpaceDatabase = { kind: 'audience'; name: string; audience: Audience } | { kind: 'room'; name: string; room: ReadingRoom };

export const audienceDb = (audience: Audience) => audienceDatabase(SPACE, audience);
export const roomDb = (room: ReadingRoom): SpaceDatabase => ({ kind: 'room', name: roomDatabase(SPACE, room), room });

// ---------------------------------------------------------------------------------------------
// Records

/** A collection's audience rules, from builtInCollections (a collection not there: the space). */
export function rulesOf(collection: string): AudienceRules {
  const definition = (builtInCollections as Record<string, (typeof builtInCollections)[string] | undefined>)[collection];
  if (!definition) return {};
  return {
    ...(definition.readableBy ? { readableBy: definition.readableBy } : {}),
    ...(definition.addressee ? { addressee: definition.addressee } : {}),
    ...(definition.feedbackOn?.visibleWithTarget ? { followsTarget: true } : {}),
  };
}
const definitionOf = (collection: string) => (builtInCollections as Record<string, (typeof builtInCollections)[string] | undefined>)[collection];
const staffOnly = (collection: string) => definitionOf(collection)?.createdBy === 'staff';
const unmoderated = (collection: string) => !!(definitionOf(collection)?.unmoderated || definitionOf(collection)?.feedbackOn?.unmoderated);
/** Records no moderator decides on (as can.ts and the store's private collections). */
export function isPrivateRecord(doc: Doc): boolean {
  const rule = rulesOf(String(doc.collection)).readableBy;
  if (rule === 'author-and-staff' || rule === 'addressee-and-staff') return true;
  return rule === 'journal-visibility' && doc.visibility !== 'space' && doc.visibility !== 'school';
}

export type Doc = Record<string, unknown> & { _id: string };

let clock = 0;
export function record(collection: string, id: string, authorId: string, fields: Record<string, unknown> = {}): Doc {
  const author = MEMBERS.find((m) => m.id === authorId);
  return {
    _id: `${collection}:${id}`,
    id,
    space: SPACE,
    collection,
    schemaVersion: definitionOf(collection)?.version ?? 1,
    createdAt: TIME,
    updatedAt: new Date(Date.parse(TIME) + ++clock * 1000).toISOString(),
    author: { id: authorId, name: `Name of ${authorId}`, ...(author?.school ? { school: author.school } : {}) },
    status: 'published',
    ...fields,
  };
}

/** The audience of a record, by policy/audience.ts; `target`: the audience of what feedback is on. */
export const audienceOfDoc = (doc: Doc, target?: Audience) => audienceOf(doc, rulesOf(String(doc.collection)), target);

/** One record or file held in the space, and who may read it. */
export interface Seed {
  doc: Doc;
  audience: Audience;
  database: string;
  /** For a file document: the bytes served at `/<db>/attachment:<id>/file`. */
  file?: boolean;
}

const seed = (doc: Doc, target?: Audience): Seed => {
  const audience = audienceOfDoc(doc, target);
  const database = audienceDb(audience);
  return { doc: { ...doc, [HOME_FIELD]: database }, audience, database };
};
const fileSeed = (id: string, owner: string, audience: Audience): Seed => {
  const database = audienceDb(audience);
  const doc: Doc = {
    _id: attachmentDocumentId(id),
    owner,
    [HOME_FIELD]: database,
    _attachments: { file: { content_type: 'image/png', data: Buffer.from(`png bytes of ${id}`).toString('base64') } },
  };
  return { doc, audience, database, file: true };
};

const [A, B] = SCHOOLS;
/** Realistic records of every audience, each held in its audience's database (checked by the test). */
export function seeds(): Seed[] {
  const schoolPending: Audience = { kind: 'school-moderators', school: B, person: 'pup-b2' };
  const spacePending: Audience = { kind: 'moderators', person: 'pup-a2' };
  return [
    seed(record('board', 'post-published', 'pup-a1', { body: 'Our river walk' })),
    seed(record('journal', 'entry-space', 'pup-b1', { visibility: 'space', body: 'For everyone' })),
    seed(record('journal', 'entry-school-a', 'pup-a1', { visibility: 'school', body: 'For my school' })),
    seed(record('journal', 'entry-school-b', 'pup-b1', { visibility: 'school', body: 'Dla mojej szkoły' })),
    seed(record('journal-feedback', 'fb-school-a', 'pup-a2', { target: 'entry-school-a', body: 'Nice' }), { kind: 'school', school: A }),
    seed(record('board', 'post-pending', 'pup-a2', { status: 'pending', body: 'Waiting for approval' })),
    seed(record('journal', 'entry-space-pending', 'pup-a2', { status: 'pending', visibility: 'space', body: 'Waiting, for all' })),
    seed(record('journal', 'entry-school-pending', 'pup-b2', { status: 'pending', visibility: 'school', body: 'Waiting, for my school' })),
    // Pending feedback on someone else's pending entry: the moderators (of the school) only.
    seed(record('journal-feedback', 'fb-pending-space', 'pup-a1', { status: 'pending', target: 'entry-space-pending', body: 'Pending on pending' }), spacePending),
    seed(record('journal-feedback', 'fb-pending-school', 'pup-b1', { status: 'pending', target: 'entry-school-pending', body: 'Pending on pending' }), schoolPending),
    seed(record('journal', 'entry-private', 'pup-a1', { status: 'pending', visibility: 'private', body: 'Only me' })),
    seed(record('journal', 'entry-private-moderator', 'mod-b', { visibility: 'private', body: 'Only me, a moderator' })),
    seed(record('journal', 'entry-private-teacher', 'tea-a', { visibility: 'private', body: 'Only me, a teacher' })),
    seed(record('journal', 'entry-school-hidden', 'mod-a', { status: 'hidden', visibility: 'school', body: 'Hidden', review: { by: { id: 'tea-a' }, note: 'off topic' } })),
    seed(record('goal-rating', 'rating', 'pup-b1', { goal: 'g1', rating: 3 })),
    seed(record('journal-note', 'note', 'tea-a', { pupil: 'pup-a2', entry: 'entry-x', body: 'Well done' })),
    seed(record('journal-note', 'note-hidden', 'tea-b', { status: 'hidden', pupil: 'pup-b1', body: 'Hidden note' })),
    seed(record('board', 'post-hidden', 'pup-b2', { status: 'hidden', body: 'Hidden post', review: { by: { id: 'mod-b' }, note: 'unkind' } })),
    seed(record('board-flag', 'flag', 'pup-a1', { target: 'post-published', reason: 'spam' })),
    fileSeed('file-space', 'pup-a1', { kind: 'space' }),
    fileSeed('file-private', 'pup-a1', { kind: 'person', person: 'pup-a1' }),
    fileSeed('file-pending', 'pup-a2', spacePending),
    fileSeed('file-school-b', 'pup-b1', { kind: 'school', school: B }),
  ];
}

// ---------------------------------------------------------------------------------------------
// Reading

/** May `person` open `db` at all (its info, any route)? */
export function mayOpen(db: SpaceDatabase, person: Person): boolean {
  const user = person.user;
  if (!user) return false;
  if (db.kind === 'room') return db.room.kind === 'pupil' ? db.room.person === user.id : audienceIncludes(sharedBy(db.room), user);
  return db.audience.kind === 'space' || audienceIncludes(db.audience, user);
}

/** The group whose readers share a room: whoever reads every record of that group reads the room. */
function sharedBy(room: Exclude<ReadingRoom, { kind: 'pupil' }>): Audience {
  return room.kind === 'school-moderators' ? { kind: 'school-moderators', school: room.school } : { kind: room.kind };
}

/** May `person` read a record of `audience`? Only the space's members, as `audienceIncludes` says. */
export const mayRead = (audience: Audience, person: Person) => !!person.user && audienceIncludes(audience, person.user);

// ---------------------------------------------------------------------------------------------
// Writing

export type WriteKind =
  | 'create-own'
  | 'create-no-home'
  | 'create-wrong-home'
  | 'create-other-name'
  | 'create-wrong-database'
  | 'create-with-review'
  | 'arrival-own-with-review'
  | 'update-own'
  | 'update-other'
  | 'decide-other'
  | 'delete-own'
  | 'delete-other'
  | 'move-out-own'
  | 'move-out-other'
  | 'arrival-other-name'
  | 'file-own'
  | 'file-other-name'
  | 'tombstone-with-content'
  | 'replicated-write'
  | 'room-create'
  | 'room-delete'
  | 'room-local-note'
  | 'design'
  | 'security'
  | 'local-security'
  | 'local-document';

/** What the policy says of one write; `gap`: the policy refuses it but a database's rules cannot tell (documented). */
export interface Verdict {
  allow: boolean;
  why: string;
  gap?: string;
}

export interface WriteCase {
  kind: WriteKind;
  actor: Person;
  db: SpaceDatabase;
  /** Written by a server admin before the attempt (the record the attempt changes). */
  fixture?: Doc;
  /** The attempt, given the fixture's revision. */
  request(rev?: string): { method: string; path: string; body?: unknown; query?: string };
  /** A document already there (not written for the attempt) whose current revision the attempt names. */
  revOf?: string;
  /** For writes answered without saying whether they were kept (new_edits=false): the document to look for. */
  landed?: string;
  verdict: Verdict;
  label: string;
}

const allow = (why: string): Verdict => ({ allow: true, why });
const deny = (why: string, gap?: string): Verdict => ({ allow: false, why, ...(gap ? { gap } : {}) });

const needsApproval = (user: TwinUser) => user.role === 'pupil'; // moderation: 'pupils'

/**
 * The policy for a record write (the database's own checks come first, in `verdictOf`). `stored`:
 * the version written over (update, decide, delete, move-out).
 */
function recordVerdict(kind: WriteKind, user: TwinUser, db: Extract<SpaceDatabase, { kind: 'audience' }>, doc: Doc, stored?: Doc): Verdict {
  const staff = isStaff(user.role);
  const target = stored ?? doc;
  const own = authorIdOf(target) === user.id;
  const hidden = target.status === 'hidden';
  switch (kind) {
    case 'create-no-home':
    case 'create-wrong-home':
      return deny('every live document names its own database in twinkitHome');
    case 'create-own':
    case 'create-wrong-database':
    case 'create-other-name':
    case 'arrival-other-name': {
      if (audienceDb(audienceOfDocInPlace(doc, db.audience)) !== db.name) return deny('a record is held only in the database of its audience');
      if (kind === 'arrival-other-name') {
        if (staff) return allow('staff move anyone\'s record (a decision)');
        if (user.role === 'moderator' && !isPrivateRecord(doc)) {
          return deny('a moderator moves only records they decided on', 'an arrival is trusted as a decision: the rules cannot read the database it came from');
        }
        return deny('only staff and moderators move someone else\'s record');
      }
      if (authorIdOf(doc) !== user.id) return deny('records are created in one\'s own name');
      if (staff) return allow('staff create any record');
      if (staffOnly(String(doc.collection))) return deny('only staff add this collection');
      if (doc.status === 'hidden') return deny('a new record is not hidden');
      if (doc.status === 'published' && needsApproval(user) && !unmoderated(String(doc.collection))) return deny('a pupil\'s new record waits for approval');
      return allow('own record, in its audience\'s database');
    }
    case 'update-own':
    case 'update-other':
      if (staff) return allow('staff edit any record');
      if (!own) return deny('only one\'s own records are edited');
      if (hidden) return deny('a hidden record is locked for its author');
      if (target.status === 'published' && needsApproval(user) && !unmoderated(String(target.collection))) return deny('a pupil\'s edit of a published record waits for approval (it moves)');
      return allow('own record');
    case 'decide-other':
      if (staff) return allow('staff decide on any record');
      if (user.role === 'moderator' && !own && !isPrivateRecord(target) && !hidden) return allow('a moderator decides on records they read');
      return deny('only staff and moderators decide, never on private records');
    case 'delete-own':
    case 'delete-other':
      if (staff) return allow('staff delete any record');
      if (!own) return deny('only one\'s own records are deleted');
      if (hidden) return deny('a hidden record is locked for its author');
      return allow('own record');
    case 'move-out-own':
    case 'move-out-other':
      if (staff) return allow('staff move any record');
      if (own) return hidden ? deny('a hidden record is locked for its author') : allow('an author moves their own record');
      if (user.role === 'moderator' && !isPrivateRecord(target) && !hidden) return allow('a moderator moves a record they decide on');
      return deny('only its author, staff or a moderator deciding moves a record');
    default:
      throw new Error(`not a record write: ${kind}`);
  }
}

/**
 * Feedback that follows its target (journal feedback) is held with its target's readers: for the
 * policy, its audience is that of the feedback on a record of this database.
 */
function audienceOfDocInPlace(doc: Doc, here: Audience): Audience {
  return rulesOf(String(doc.collection)).followsTarget ? audienceOfDoc(doc, here) : audienceOfDoc(doc);
}

/** The policy's answer to one write attempt. */
export function verdictOf(kind: WriteKind, actor: Person, db: SpaceDatabase, doc?: Doc, stored?: Doc): Verdict {
  const user = actor.user;
  if (!user) return deny(actor.kind === 'anonymous' ? 'not signed in' : 'not a member of the space');
  if (kind === 'design' || kind === 'security' || kind === 'local-security') return deny('only server admins change a database\'s rules and members');
  if (!mayOpen(db, actor)) return deny('not a member of this database');
  if (kind === 'local-document' || kind === 'room-local-note') {
    // docs/couchdb.md, "_local documents": any member of a database writes any _local document.
    return deny('nobody stores content outside the records\' rules', '_local documents skip validate_doc_update on every server (documented in docs/couchdb.md)');
  }
  if (db.kind === 'room') return deny('a reading room is filled by the server only');
  if (!isMember(user.role)) return deny('observers do not write');
  switch (kind) {
    case 'file-own':
      return allow('any member uploads a file in their own name');
    case 'file-other-name':
      return deny('a file is uploaded in one\'s own name');
    case 'tombstone-with-content':
      // Content in a tombstone is read over HTTP (_changes?include_docs) by every reader of the database.
      return deny('a deletion carries no new content, whoever writes it');
    case 'replicated-write':
      return recordVerdict('create-own', user, db, doc!);
    case 'create-with-review':
    case 'arrival-own-with-review': {
      // A review note is written by whoever decides (staff, a moderator on someone else's record).
      const base = recordVerdict('create-own', user, db, doc!);
      if (!base.allow || staff(user)) return base;
      return kind === 'create-with-review'
        ? deny('a new record carries no review note: those who decide write one')
        : deny('a review note is written by those who decide', 'a review note on one\'s own arrival is trusted as the one the record had: the rules cannot read the database it came from');
    }
    default:
      return recordVerdict(kind, user, db, doc!, stored);
  }
}
const staff = (user: TwinUser) => isStaff(user.role);

// ---------------------------------------------------------------------------------------------
// The records a write attempt uses

/** A record authored by `author` that belongs in the database of `audience` (see the switch), as they would write it. */
export function naturalRecord(audience: Audience, authorId: string, id: string, options: { decided?: boolean } = {}): Doc {
  const author = byId(authorId);
  const pupil = author?.role === 'pupil';
  switch (audience.kind) {
    case 'space':
      // A pupil publishes at once only a reaction; an approved post arrives published.
      return pupil && !options.decided ? record('board-reaction', id, authorId, { target: 'post-published', emoji: '👍' }) : record('board', id, authorId, { body: `post ${id}` });
    case 'school':
      return record('journal', id, authorId, { visibility: 'school', author: { id: authorId, name: `Name of ${authorId}`, school: audience.school }, body: `entry ${id}` });
    case 'moderators':
      if (audience.person === authorId) return record('board', id, authorId, { status: 'pending', body: `pending post ${id}` });
      if (audience.person) return record('journal-feedback', id, authorId, { target: 'entry-under-review', body: `feedback ${id}` });
      return record('journal-feedback', id, authorId, { status: 'pending', target: 'entry-under-review', body: `pending feedback ${id}` });
    case 'school-moderators':
      if (audience.person === authorId) {
        return record('journal', id, authorId, { status: 'pending', visibility: 'school', author: { id: authorId, name: `Name of ${authorId}`, school: audience.school }, body: `pending entry ${id}` });
      }
      if (audience.person) return record('journal-feedback', id, authorId, { target: 'entry-under-review', body: `feedback ${id}` });
      return record('journal-feedback', id, authorId, { status: 'pending', target: 'entry-under-review', body: `pending feedback ${id}` });
    case 'person':
      if (audience.person === authorId) return record('journal', id, authorId, { status: pupil ? 'pending' : 'published', visibility: 'private', body: `private ${id}` });
      return record('journal-note', id, authorId, { pupil: audience.person, body: `note ${id}` });
    case 'staff':
      return record('journal-note', id, authorId, { body: `staff note ${id}` });
  }
}

/**
 * For feedback: the audience of what it is on, so that `audienceOf` places it here (a pending
 * feedback in a moderators' database is on someone else's pending record).
 */
export function targetFor(audience: Audience, doc: Doc): Audience | undefined {
  if (!rulesOf(String(doc.collection)).followsTarget) return undefined;
  if (audience.kind === 'moderators' && !audience.person) return { kind: 'moderators', person: otherThan(authorIdOf(doc)) };
  if (audience.kind === 'school-moderators' && !audience.person) return { ...audience, person: otherThan(authorIdOf(doc), audience.school) };
  return audience;
}

/** A pupil other than `id` (of `school`, if given). */
function otherThan(id: string | undefined, school?: string): string {
  return MEMBERS.find((m) => m.role === 'pupil' && m.id !== id && (school === undefined || sameSchool(m.school, school)))!.id;
}

/** Someone else whose record an actor might find in this database. */
export function otherAuthor(audience: Audience, actorId: string): string {
  const person = 'person' in audience ? audience.person : undefined;
  const school = 'school' in audience ? audience.school : undefined;
  if (person && person !== actorId) return person;
  if (person === actorId) {
    // Someone who writes to them there: a moderator (of their school), or a teacher in a person's database.
    if (audience.kind === 'person') return MEMBERS.find((m) => m.role === 'teacher' && m.id !== actorId)!.id;
    return MEMBERS.find((m) => m.role === 'moderator' && m.id !== actorId && (school === undefined || sameSchool(m.school, school)))?.id ?? 'tea-a';
  }
  if (audience.kind === 'staff') return actorId === 'tea-b' ? 'tea-a' : 'tea-b';
  return otherThan(actorId, school);
}

/** Two records of `actorId` that do not belong in this database. */
export function wrongRecords(audience: Audience, actorId: string, id: string): Doc[] {
  const author = byId(actorId);
  const pupil = author?.role === 'pupil';
  const candidates = [
    record('journal', `${id}-private`, actorId, { status: pupil ? 'pending' : 'published', visibility: 'private', body: 'private, in the wrong place' }),
    record('board', `${id}-pending`, actorId, { status: 'pending', body: 'pending, in the wrong place' }),
    record('board', `${id}-published`, actorId, { body: 'published, in the wrong place' }),
    record('journal', `${id}-school`, actorId, { visibility: 'school', author: { id: actorId, name: 'x', school: author?.school ?? A }, body: 'school, in the wrong place' }),
  ];
  return candidates.filter((doc) => audienceDb(audienceOfDoc(doc)) !== audienceDb(audience)).slice(0, 2);
}

export const withHome = (doc: Doc, home: string | undefined): Doc => {
  const { [HOME_FIELD]: _old, ...rest } = doc;
  return home === undefined ? (rest as Doc) : { ...rest, [HOME_FIELD]: home };
};

const path = (db: string, id?: string) => `/${encodeURIComponent(db)}${id === undefined ? '' : `/${id.startsWith('_design/') || id.startsWith('_local/') ? id : encodeURIComponent(id)}`}`;
const later = (doc: Doc, fields: Record<string, unknown>) => ({ ...doc, updatedAt: new Date(Date.parse(String(doc.updatedAt ?? TIME)) + 3600_000).toISOString(), ...fields });

/** Every write attempt of `actor` on `dbs`. */
export function writeCases(actor: Person, dbs: SpaceDatabase[]): WriteCase[] {
  const cases: WriteCase[] = [];
  const a = actor.id;
  const add = (c: Omit<WriteCase, 'label'>) => cases.push({ ...c, label: `${a} ${c.kind} ${c.db.name}` });
  const spaceName = audienceDb({ kind: 'space' });
  for (const db of dbs) {
    const tag = `w-${a}-${db.name.replace(/[^a-z0-9]/g, '').slice(-24)}`;
    for (const kind of ['design', 'security', 'local-security', 'local-document'] as const) {
      const request = {
        design: () => ({ method: 'PUT', path: path(db.name, `_design/${tag}`), body: { views: { all: { map: 'function (doc) { emit(doc._id, doc); }' } } } }),
        security: () => ({ method: 'PUT', path: `${path(db.name)}/_security`, body: { admins: { names: [a], roles: [] }, members: { names: [], roles: [] } } }),
        'local-security': () => ({ method: 'PUT', path: path(db.name, '_local/_security'), body: { admins: { names: [a], roles: [] }, members: { names: [], roles: [] } } }),
        'local-document': () => ({ method: 'PUT', path: path(db.name, `_local/${tag}`), body: { body: 'content no rule looked at' } }),
      }[kind];
      add({ kind, actor, db, request, verdict: verdictOf(kind, actor, db) });
    }
    if (db.kind === 'room') {
      const doc = withHome(record('board', `${tag}-room`, a, { status: 'pending' }), db.name);
      add({ kind: 'room-create', actor, db, request: () => ({ method: 'PUT', path: path(db.name, doc._id), body: doc }), verdict: verdictOf('room-create', actor, db, doc) });
      const fixture = withHome(record('journal', `${tag}-in-room`, a, { visibility: 'private', status: 'pending' }), db.name);
      add({ kind: 'room-delete', actor, db, fixture, request: (rev) => ({ method: 'DELETE', path: path(db.name, fixture._id), query: `rev=${rev}` }), verdict: verdictOf('room-delete', actor, db, fixture, fixture) });
      add({
        kind: 'room-local-note',
        actor,
        db,
        revOf: '_local/twinkit-room',
        request: (rev) => ({ method: 'PUT', path: path(db.name, '_local/twinkit-room'), body: { sources: [], ...(rev ? { _rev: rev } : {}) } }),
        verdict: verdictOf('room-local-note', actor, db),
      });
      continue;
    }
    const home = db.name;
    const audience = db.audience;
    const other = otherAuthor(audience, a);
    const put = (doc: Doc) => () => ({ method: 'PUT', path: path(home, doc._id), body: doc });
    const mine = (suffix: string) => withHome(naturalRecord(audience, a, `${tag}-${suffix}`), home);
    const theirs = (suffix: string, options?: { decided?: boolean }) => withHome(naturalRecord(audience, other, `${tag}-${suffix}`, options), home);

    const own = mine('own');
    add({ kind: 'create-own', actor, db, request: put(own), verdict: verdictOf('create-own', actor, db, own) });
    const noHome = withHome(mine('nohome'), undefined);
    add({ kind: 'create-no-home', actor, db, request: put(noHome), verdict: verdictOf('create-no-home', actor, db, noHome) });
    const wrongHome = withHome(mine('wronghome'), home === spaceName ? audienceDb({ kind: 'staff' }) : spaceName);
    add({ kind: 'create-wrong-home', actor, db, request: put(wrongHome), verdict: verdictOf('create-wrong-home', actor, db, wrongHome) });
    const forged = theirs('forged');
    add({ kind: 'create-other-name', actor, db, request: put(forged), verdict: verdictOf('create-other-name', actor, db, forged) });
    for (const wrong of wrongRecords(audience, a, `${tag}-wrongdb`)) {
      const doc = withHome(wrong, home);
      add({ kind: 'create-wrong-database', actor, db, request: put(doc), verdict: verdictOf('create-wrong-database', actor, db, doc) });
    }
    const changeOf = (fixture: Doc) => (rev?: string) => ({ method: 'PUT', path: path(home, fixture._id), body: later({ ...fixture, _rev: rev }, { body: 'changed' }) });
    const ownFixture = mine('upd-own');
    add({ kind: 'update-own', actor, db, fixture: ownFixture, request: changeOf(ownFixture), verdict: verdictOf('update-own', actor, db, ownFixture, ownFixture) });
    const otherFixture = theirs('upd-other');
    add({ kind: 'update-other', actor, db, fixture: otherFixture, request: changeOf(otherFixture), verdict: verdictOf('update-other', actor, db, otherFixture, otherFixture) });
    const pendingFixture = theirs('decide');
    if (pendingFixture.status === 'pending') {
      add({
        kind: 'decide-other',
        actor,
        db,
        fixture: pendingFixture,
        request: (rev) => ({ method: 'PUT', path: path(home, pendingFixture._id), body: later({ ...pendingFixture, _rev: rev }, { status: 'hidden', review: { by: { id: a, name: `Name of ${a}` }, note: 'hidden' } }) }),
        verdict: verdictOf('decide-other', actor, db, pendingFixture, pendingFixture),
      });
    }
    const del = (fixture: Doc) => (rev?: string) => ({ method: 'DELETE', path: path(home, fixture._id), query: `rev=${rev}` });
    const ownDel = mine('del-own');
    add({ kind: 'delete-own', actor, db, fixture: ownDel, request: del(ownDel), verdict: verdictOf('delete-own', actor, db, ownDel, ownDel) });
    const otherDel = theirs('del-other');
    add({ kind: 'delete-other', actor, db, fixture: otherDel, request: del(otherDel), verdict: verdictOf('delete-other', actor, db, otherDel, otherDel) });
    const moveOut = (fixture: Doc) => (rev?: string) => ({
      method: 'PUT',
      path: path(home, fixture._id),
      body: { _id: fixture._id, _rev: rev, _deleted: true, [HOME_FIELD]: home, [MOVED_TO_FIELD]: { kind: 'moderators', person: authorIdOf(fixture) } },
    });
    const ownMove = mine('mv-own');
    add({ kind: 'move-out-own', actor, db, fixture: ownMove, request: moveOut(ownMove), verdict: verdictOf('move-out-own', actor, db, ownMove, ownMove) });
    const otherMove = theirs('mv-other');
    add({ kind: 'move-out-other', actor, db, fixture: otherMove, request: moveOut(otherMove), verdict: verdictOf('move-out-other', actor, db, otherMove, otherMove) });
    const reviewer = MEMBERS.find((m) => m.role === 'teacher' && m.id !== a)!.id;
    const review = { by: { id: reviewer, name: `Name of ${reviewer}` }, note: 'Approved: well done' };
    const reviewed = { ...mine('review'), review };
    add({ kind: 'create-with-review', actor, db, request: put(reviewed), verdict: verdictOf('create-with-review', actor, db, reviewed) });
    const ownArrival = { ...mine('own-arrival'), review, [MOVED_FROM_FIELD]: audienceDb({ kind: 'moderators', person: a }) };
    add({ kind: 'arrival-own-with-review', actor, db, request: put(ownArrival), verdict: verdictOf('arrival-own-with-review', actor, db, ownArrival) });
    const arrival = { ...theirs('arrival', { decided: true }), [MOVED_FROM_FIELD]: audienceDb({ kind: 'moderators', person: other }) };
    add({ kind: 'arrival-other-name', actor, db, request: put(arrival), verdict: verdictOf('arrival-other-name', actor, db, arrival) });
    for (const [kind, owner] of [['file-own', a], ['file-other-name', other]] as const) {
      const file: Doc = { _id: attachmentDocumentId(`${tag}-${kind}`), owner, [HOME_FIELD]: home, _attachments: { file: { content_type: 'image/png', data: Buffer.from('png').toString('base64') } } };
      add({ kind, actor, db, request: put(file), verdict: verdictOf(kind, actor, db, file) });
    }
    if (audience.kind === 'space') {
      const ghost = { _id: `board:${tag}-ghost`, _deleted: true, [HOME_FIELD]: home, body: 'unmoderated text, read by everyone through _changes?include_docs=true' };
      add({ kind: 'tombstone-with-content', actor, db, request: put(ghost), verdict: verdictOf('tombstone-with-content', actor, db, ghost) });
      const replicated = withHome(record('board', `${tag}-replicated`, a, { body: 'published without approval' }), home);
      add({
        kind: 'replicated-write',
        actor,
        db,
        request: () => ({ method: 'POST', path: `${path(home)}/_bulk_docs`, body: { new_edits: false, docs: [{ ...replicated, _rev: '1-0123456789abcdef0123456789abcdef' }] } }),
        landed: replicated._id,
        verdict: verdictOf('replicated-write', actor, db, replicated),
      });
    }
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// The table of docs/couchdb-access.md

/** The columns: a database as the row's person sees it (their school A, their own name). */
function columns(personId: string): [string, SpaceDatabase][] {
  const pupil = MEMBERS.find((m) => m.id === personId && m.role === 'pupil');
  const otherPupil = personId === 'pup-a2' ? 'pup-a1' : 'pup-a2';
  const aud = (audience: Audience): SpaceDatabase => ({ kind: 'audience', name: audienceDb(audience), audience });
  return [
    ['space', aud({ kind: 'space' })],
    ['school (own)', aud({ kind: 'school', school: A })],
    ['school (other)', aud({ kind: 'school', school: B })],
    ['moderators', aud({ kind: 'moderators' })],
    ['moderators + self', aud({ kind: 'moderators', person: personId })],
    ['moderators + other', aud({ kind: 'moderators', person: otherPupil })],
    ['school-moderators (own school)', aud({ kind: 'school-moderators', school: A })],
    ['school-moderators + self', aud({ kind: 'school-moderators', school: A, person: personId })],
    ['school-moderators + other (own school)', aud({ kind: 'school-moderators', school: A, person: otherPupil })],
    ['school-moderators (other school)', aud({ kind: 'school-moderators', school: B, person: 'pup-b1' })],
    ['person: self', aud({ kind: 'person', person: personId })],
    ['person: other', aud({ kind: 'person', person: otherPupil })],
    ['staff', aud({ kind: 'staff' })],
    ['own room (a pupil\'s)', pupil ? roomDb({ kind: 'pupil', person: personId }) : { kind: 'room', name: '(none)', room: { kind: 'pupil', person: personId } }],
    ['moderators\' room', roomDb({ kind: 'moderators' })],
    ['school moderators\' room (own school)', roomDb({ kind: 'school-moderators', school: A })],
    ['school moderators\' room (other school)', roomDb({ kind: 'school-moderators', school: B })],
    ['staff room', roomDb({ kind: 'staff' })],
  ];
}

/** The table's columns: a person of each role (of school A). */
const ROWS: [string, string][] = [
  ['admin', 'adm'],
  ['teacher', 'tea-a'],
  ['moderator', 'mod-a'],
  ['pupil', 'pup-a1'],
  ['observer', 'obs'],
  ['other space', 'out'],
  ['not signed in', 'anonymous'],
];

/** The databases the layout makes for MEMBERS. */
const existing = () => {
  const layout = layoutOf(SPACE, MEMBERS);
  return new Set([...layout.audiences.map(audienceDb), ...layout.rooms.map(({ database }) => database)]);
};

/** One cell: what `person` may do in `db`, from the verdicts above. */
export function cell(person: Person, db: SpaceDatabase, databases = existing()): string {
  if (!databases.has(db.name)) return 'no such database';
  if (!mayOpen(db, person)) return '—';
  if (db.kind === 'room') return 'read';
  const cases = writeCases(person, [db]);
  const allowed = (kind: WriteKind) => cases.some((c) => c.kind === kind && c.verdict.allow);
  if (allowed('update-other')) return 'read, write any';
  const parts = ['read'];
  if (allowed('create-own')) parts.push('write own');
  else if (allowed('update-own') || allowed('delete-own')) parts.push('change own');
  if (allowed('decide-other') || allowed('move-out-other')) parts.push('decide on others\'');
  return parts.join(', ');
}

/** The database × role table, as Markdown (a database as the column's person sees it: their school is A). */
export function accessTableMarkdown(): string {
  const people = ROWS.map(([, id]) => PEOPLE.find((p) => p.id === id)!);
  const byPerson = people.map((person) => columns(person.id));
  const lines = [`| database | ${ROWS.map(([role]) => role).join(' | ')} |`, `|---|${ROWS.map(() => '---').join('|')}|`];
  columns('pup-a1').forEach(([name], row) => {
    lines.push(`| ${name} | ${people.map((person, i) => cell(person, byPerson[i][row][1])).join(' | ')} |`);
  });
  return lines.join('\n');
}
