import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';
import { transformSync } from 'esbuild';
import type { Audience } from '../../../policy/audience.js';
import type { ModerationMode, Role } from '../../../policy/roles.js';
import { audienceDatabase } from '../audience-databases.js';
import { designDoc } from './design-doc.js';
import { roomDesignDoc } from './room-design-doc.js';
import {
  ARRANGEMENT_FIELDS,
  MODERATOR_FIELDS,
  PRIVATE_COLLECTIONS,
  STAFF_ONLY_COLLECTIONS,
  UNMODERATED_COLLECTIONS,
  validateDocUpdateSource,
  VISIBILITY_COLLECTIONS,
} from './validate-doc-update.js';
import { FILE_TYPES, MAX_FILE_BYTES, MAX_RECORD_CHARS } from './file-rules.js';

/**
 * The server's rules, run as CouchDB runs them: the source text evaluated in an empty context (no
 * helpers of this project's build in scope), called with (newDoc, oldDoc, userCtx, secObj).
 */
const SPACE = 'coasts';
type Doc = Record<string, unknown>;
type Outcome = 'ok' | { forbidden: string } | { unauthorized: string };
type Validate = (newDoc: Doc, oldDoc: Doc | null, userCtx: unknown, secObj: unknown) => void;

const validators = new Map<ModerationMode, Validate>();
function validator(moderation: ModerationMode): Validate {
  if (!validators.has(moderation)) {
    validators.set(moderation, runInNewContext(`(${validateDocUpdateSource({ space: SPACE, moderation })})`, Object.create(null)) as Validate);
  }
  return validators.get(moderation)!;
}

const as = (name: string, role: Role, space = SPACE) => ({ name, roles: [`twinkit.${space}.${role}`] });
const NO_SECURITY = { admins: { names: [], roles: [] }, members: { names: [], roles: [] } };

interface Attempt {
  user: unknown;
  doc: Doc;
  old?: Doc | null;
  moderation?: ModerationMode;
  secObj?: unknown;
  /** Made with `approvalCollections: ['journal-feedback']` (teachers approve peer feedback). */
  approval?: boolean;
  /** The design document of this audience's database (one database per audience). */
  audience?: Audience;
}
let approving: Validate | undefined;
const audienceValidators = new Map<string, Validate>();
function validatorIn(audience: Audience, moderation: ModerationMode): Validate {
  const key = JSON.stringify([audience, moderation]);
  if (!audienceValidators.has(key)) {
    audienceValidators.set(key, runInNewContext(`(${designDoc({ space: SPACE, moderation, audience }).validate_doc_update})`, Object.create(null)) as Validate);
  }
  return audienceValidators.get(key)!;
}
function attempt({ user, doc, old = null, moderation = 'off', secObj = NO_SECURITY, approval = false, audience }: Attempt): Outcome {
  try {
    const validate = audience
      ? validatorIn(audience, moderation)
      : approval
        ? (approving ??= runInNewContext(`(${validateDocUpdateSource({ space: SPACE, moderation: 'off', approvalCollections: ['journal-feedback'] })})`, Object.create(null)) as Validate)
        : validator(moderation);
    // Through JSON, as CouchDB hands documents over: plain data, no shared objects.
    validate(JSON.parse(JSON.stringify(doc)), old && JSON.parse(JSON.stringify(old)), user, secObj);
    return 'ok';
  } catch (error) {
    const thrown = error as { forbidden?: string; unauthorized?: string };
    if (typeof thrown.forbidden === 'string') return { forbidden: thrown.forbidden };
    if (typeof thrown.unauthorized === 'string') return { unauthorized: thrown.unauthorized };
    throw error;
  }
}
const allowed = (input: Attempt) => assert.equal(attempt(input), 'ok');
/** Refused, with a message that is a sentence containing `words`. */
function refused(input: Attempt, words: RegExp) {
  const outcome = attempt(input);
  assert.notEqual(outcome, 'ok', 'expected a refusal');
  const message = (outcome as { forbidden?: string }).forbidden;
  assert.ok(message, `expected "forbidden", got ${JSON.stringify(outcome)}`);
  assert.match(message, words);
  assert.match(message, /^[A-Z].*\.$/, 'a message is a sentence');
}

const TIME = '2025-03-01T10:00:00.000Z';
const LATER = '2025-03-02T10:00:00.000Z';
const person = (id: string) => ({ id, name: `Name of ${id}`, school: 'SP 12 Gdynia' });

function record(fields: Doc = {}): Doc {
  const collection = (fields.collection as string) ?? 'board';
  const id = (fields.id as string) ?? 'r1';
  return {
    _id: `${collection}:${id}`,
    id,
    space: SPACE,
    collection,
    schemaVersion: 1,
    createdAt: TIME,
    updatedAt: TIME,
    author: person('pia'),
    status: 'published',
    text: 'Our harbour at dawn',
    ...fields,
  };
}
const stored = (fields: Doc = {}) => ({ ...record(fields), _rev: '1-abc' });
const edited = (old: Doc, fields: Doc) => ({ ...old, _rev: '1-abc', updatedAt: LATER, twinkitOrigin: 'store-x', ...fields });
const deletion = (old: Doc) => ({ _id: old._id, _rev: '1-abc', _deleted: true });

const entry = (fields: Doc = {}): Doc =>
  stored({ collection: 'glossary', id: 'g1', text: undefined, translations: { en: { term: 'tide', definition: 'The sea rising and falling.' } }, ...fields });

describe('validate_doc_update: the source text', () => {
  it('is one function, evaluated with nothing else in scope', () => {
    const source = validateDocUpdateSource({ space: SPACE, moderation: 'pupils' });
    assert.match(source, /^function \(newDoc, oldDoc, userCtx, secObj\) \{/);
    assert.equal(typeof runInNewContext(`(${source})`, Object.create(null)), 'function');
  });

  it('is ES5: nothing in it needs lowering for an old SpiderMonkey', () => {
    const source = `(${validateDocUpdateSource({ space: SPACE, moderation: 'all' })});`;
    const es5 = transformSync(source, { target: 'es5', loader: 'js' }).code;
    const latest = transformSync(source, { target: 'esnext', loader: 'js' }).code;
    assert.equal(es5, latest);
  });

  it('embeds any space id as data, not code', () => {
    const space = 'a"b\u2028c';
    const check = runInNewContext(`(${validateDocUpdateSource({ space, moderation: 'off' })})`, Object.create(null)) as Validate;
    const doc = { ...record(), space };
    assert.doesNotThrow(() => check(doc, null, { name: 'pia', roles: [`twinkit.${space}.pupil`] }, NO_SECURITY));
  });

  it('refuses an unknown moderation mode when it is generated', () => {
    assert.throws(() => validateDocUpdateSource({ space: SPACE, moderation: 'sometimes' as ModerationMode }), /not a moderation mode/);
  });
});

describe('validate_doc_update: who may write at all', () => {
  it('lets server admins do anything, even write as someone else', () => {
    allowed({ user: { name: 'root', roles: ['_admin'] }, doc: record({ author: person('nobody'), space: 'elsewhere' }) });
    allowed({ user: { name: 'root', roles: ['_admin'] }, doc: { _id: '_design/twinkit', views: {} } });
  });

  it('lets database admins named in _security do anything', () => {
    const secObj = { admins: { names: ['dba'], roles: ['school-it'] }, members: { names: [], roles: [] } };
    allowed({ user: { name: 'dba', roles: [] }, doc: record({ author: person('x') }), secObj });
    allowed({ user: { name: 'it', roles: ['school-it'] }, doc: record({ author: person('x') }), secObj });
  });

  it('asks who is not signed in to sign in', () => {
    assert.deepEqual(attempt({ user: { name: null, roles: [] }, doc: record() }), { unauthorized: 'Please sign in to change anything in this space.' });
  });

  it('refuses someone with no role in this space (a role in another space does not count)', () => {
    refused({ user: as('pia', 'teacher', 'other-space'), doc: record() }, /not a member of this space/);
  });

  it('refuses observers every write', () => {
    const old = stored({ author: person('olga') });
    refused({ user: as('olga', 'observer'), doc: record({ author: person('olga') }) }, /Observers can read/);
    refused({ user: as('olga', 'observer'), doc: edited(old, { text: 'x' }), old }, /Observers can read/);
    refused({ user: as('olga', 'observer'), doc: deletion(old), old }, /Observers can read/);
  });

  it('takes the highest of several roles in the space', () => {
    allowed({ user: { name: 'tom', roles: ['twinkit.coasts.pupil', 'twinkit.coasts.teacher'] }, doc: edited(stored(), { text: 'fixed' }), old: stored() });
  });

  it('keeps the design document for server admins', () => {
    refused({ user: as('tom', 'admin'), doc: { _id: '_design/twinkit', views: {} } }, /server administrator/);
  });

  it('refuses documents that are neither records nor files', () => {
    refused({ user: as('tom', 'teacher'), doc: { _id: 'settings', anything: true } }, /collection and a record id joined by a colon/);
  });
});

describe('validate_doc_update: creating a record', () => {
  it('must be in the signed-in user\'s own name, for every role', () => {
    refused({ user: as('pia', 'pupil'), doc: record({ author: person('kasia') }) }, /only in your own name/);
    refused({ user: as('tom', 'teacher'), doc: record({ author: person('kasia') }) }, /only in your own name/);
    allowed({ user: as('pia', 'pupil'), doc: record() });
  });

  it('must belong to this space, under the id <collection>:<id>', () => {
    refused({ user: as('pia', 'pupil'), doc: record({ space: 'elsewhere' }) }, /space must be "coasts"/);
    refused({ user: as('pia', 'pupil'), doc: { ...record(), _id: 'board:other' } }, /joined by a colon/);
    refused({ user: as('pia', 'pupil'), doc: { ...record({ collection: 'a:b', id: 'c' }) } }, /may not contain a colon/);
    refused({ user: as('pia', 'pupil'), doc: record({ status: 'draft' }) }, /published, pending or hidden/);
    refused({ user: as('pia', 'pupil'), doc: record({ author: 'pia' }) }, /name its author/);
  });

  it('gets the status the moderation mode gives (pending under moderation)', () => {
    const pupil = as('pia', 'pupil');
    allowed({ user: pupil, doc: record(), moderation: 'off' });
    refused({ user: pupil, doc: record(), moderation: 'pupils' }, /wait for approval/);
    allowed({ user: pupil, doc: record({ status: 'pending' }), moderation: 'pupils' });
    refused({ user: pupil, doc: record({ status: 'hidden' }), moderation: 'off' }, /cannot be hidden/);
    // A moderator publishes at once unless everyone's records wait.
    const moderator = { ...as('pia', 'moderator') };
    allowed({ user: moderator, doc: record(), moderation: 'pupils' });
    refused({ user: moderator, doc: record(), moderation: 'all' }, /wait for approval/);
    // Staff publish at once in every mode.
    allowed({ user: as('tom', 'teacher'), doc: record({ author: person('tom') }), moderation: 'all' });
  });

  it('accepts pending when the space would publish (a page set stricter than the server)', () => {
    allowed({ user: as('pia', 'pupil'), doc: record({ status: 'pending' }), moderation: 'off' });
  });

  it('publishes reactions at once, as the store does', () => {
    allowed({ user: as('pia', 'pupil'), doc: record({ collection: 'glossary-reaction', target: 'g1', kind: 'helpful' }), moderation: 'all' });
  });

  it('carries no review note from a pupil', () => {
    refused({ user: as('pia', 'pupil'), doc: record({ review: { note: 'Approved', by: person('tom'), at: TIME } }) }, /review note/);
  });

  it('may replace a deleted record of the same id', () => {
    allowed({ user: as('pia', 'pupil'), doc: record(), old: { _id: 'board:r1', _rev: '2-x', _deleted: true } });
  });
});

describe('validate_doc_update: changing one\'s own record', () => {
  const pupil = as('pia', 'pupil');

  it('is allowed, and an edit of a published record waits for approval again under moderation', () => {
    const old = stored();
    allowed({ user: pupil, doc: edited(old, { text: 'new words' }), old, moderation: 'off' });
    refused({ user: pupil, doc: edited(old, { text: 'new words' }), old, moderation: 'pupils' }, /save the edited record as pending/);
    allowed({ user: pupil, doc: edited(old, { text: 'new words', status: 'pending' }), old, moderation: 'pupils' });
  });

  it('cannot publish a pending record: a teacher or moderator does', () => {
    const old = stored({ status: 'pending' });
    refused({ user: pupil, doc: edited(old, { status: 'published' }), old, moderation: 'pupils' }, /waiting for approval/);
    refused({ user: as('pia', 'moderator'), doc: edited(old, { status: 'published' }), old, moderation: 'all' }, /waiting for approval/);
    allowed({ user: pupil, doc: edited(old, { text: 'still waiting' }), old, moderation: 'pupils' });
  });

  it('lets a teacher publish their own pending record', () => {
    const old = stored({ status: 'pending', author: person('tom') });
    allowed({ user: as('tom', 'teacher'), doc: edited(old, { status: 'published' }), old });
  });

  it('is locked once hidden: no edit, no delete, no bringing it back', () => {
    const old = stored({ status: 'hidden' });
    refused({ user: pupil, doc: edited(old, { text: 'sorry' }), old }, /can no longer change or delete it/);
    refused({ user: pupil, doc: edited(old, { status: 'published' }), old }, /can no longer change or delete it/);
    refused({ user: pupil, doc: deletion(old), old }, /can no longer change or delete it/);
    refused({ user: as('pia', 'moderator'), doc: deletion(old), old }, /can no longer change or delete it/);
  });

  it('may be deleted while not hidden', () => {
    const old = stored({ status: 'pending' });
    allowed({ user: pupil, doc: deletion(old), old });
  });

  it('may be hidden by a moderator author, not by a pupil', () => {
    const old = stored();
    allowed({ user: as('pia', 'moderator'), doc: edited(old, { status: 'hidden' }), old });
    refused({ user: pupil, doc: edited(old, { status: 'hidden' }), old }, /Only teachers and moderators can hide/);
  });

  it('keeps the teacher\'s review note out of the author\'s reach', () => {
    const old = stored({ status: 'pending', review: { note: 'Please add a source.', by: person('tom'), at: TIME } });
    refused({ user: pupil, doc: edited(old, { review: undefined }), old, moderation: 'pupils' }, /review note/);
    allowed({ user: pupil, doc: edited(old, { text: 'with a source' }), old, moderation: 'pupils' });
  });
});

describe('validate_doc_update: someone else\'s record', () => {
  const old = stored({ author: person('kasia') });

  it('is refused to a pupil, for edit and delete', () => {
    refused({ user: as('pia', 'pupil'), doc: edited(old, { text: 'mine now' }), old }, /only your own records/);
    refused({ user: as('pia', 'pupil'), doc: deletion(old), old }, /delete only your own records/);
    refused({ user: as('pia', 'pupil'), doc: edited(old, { status: 'hidden' }), old }, /Only teachers and moderators can approve or hide/);
  });

  it('is open to teachers and admins', () => {
    allowed({ user: as('tom', 'teacher'), doc: edited(old, { text: 'typo fixed' }), old });
    allowed({ user: as('ada', 'admin'), doc: deletion(old), old });
    allowed({ user: as('tom', 'teacher'), doc: edited(stored({ author: person('kasia'), status: 'hidden' }), { status: 'published' }), old: stored({ author: person('kasia'), status: 'hidden' }) });
  });

  it('may be approved, sent back or hidden by a moderator, changing only status, review and time', () => {
    const moderator = as('mo', 'moderator');
    const pending = stored({ author: person('kasia'), status: 'pending' });
    allowed({ user: moderator, doc: edited(pending, { status: 'published' }), old: pending, moderation: 'pupils' });
    allowed({ user: moderator, doc: edited(old, { status: 'hidden', review: { note: 'Names a classmate.', by: person('mo'), at: LATER } }), old });
    allowed({ user: moderator, doc: edited(old, { status: 'pending', review: { note: 'Add a photo credit.', by: person('mo'), at: LATER } }), old });
    refused({ user: moderator, doc: edited(pending, { status: 'published', text: 'better' }), old: pending }, /moderators can change only the status and the review note/);
    refused({ user: moderator, doc: edited(old, { review: { note: 'x', by: person('tom'), at: LATER } }), old }, /signed with your own user id/);
    refused({ user: moderator, doc: deletion(old), old }, /delete only your own records/);
  });

  it('stays hidden for moderators: only staff bring it back', () => {
    const hidden = stored({ author: person('kasia'), status: 'hidden' });
    refused({ user: as('mo', 'moderator'), doc: edited(hidden, { status: 'published' }), old: hidden }, /Only a teacher or an admin can bring back/);
    refused({ user: as('mo', 'moderator'), doc: edited(hidden, { status: 'pending' }), old: hidden }, /Only a teacher or an admin can bring back/);
  });

  it('never changes author or creation time, not even for a teacher', () => {
    refused({ user: as('tom', 'teacher'), doc: edited(old, { author: person('tom') }), old }, /who wrote a record/);
    refused({ user: as('tom', 'teacher'), doc: edited(old, { createdAt: LATER }), old }, /when a record was created/);
    refused({ user: as('tom', 'teacher'), doc: edited(old, { space: 'elsewhere' }), old }, /does not belong to this space/);
  });

  it('compares fields whatever the order of their keys, and ignores CouchDB\'s bookkeeping', () => {
    const reordered = { ...edited(old, { status: 'hidden' }), author: { school: 'SP 12 Gdynia', name: 'Name of kasia', id: 'kasia' }, _revisions: { start: 1, ids: ['abc'] } };
    allowed({ user: as('mo', 'moderator'), doc: reordered, old });
  });
});

describe('validate_doc_update: adding a missing language to a partner\'s glossary entry', () => {
  const partner = as('pablo', 'pupil');
  const old = entry({ author: person('kasia') });
  const withSpanish = (by: string, more: Doc = {}) => ({
    ...(old.translations as Doc),
    es: { term: 'marea', addedBy: person(by) },
    ...more,
  });

  it('is allowed when signed with one\'s own id, on a published entry, with no approval needed', () => {
    allowed({ user: partner, doc: edited(old, { translations: withSpanish('pablo') }), old, moderation: 'off' });
    allowed({ user: as('mo', 'moderator'), doc: edited(old, { translations: withSpanish('mo') }), old, moderation: 'pupils' });
  });

  it('is refused when signed as someone else', () => {
    refused({ user: partner, doc: edited(old, { translations: withSpanish('kasia') }), old }, /signed with your own user id/);
  });

  it('may not change or remove a language already there', () => {
    const changed = withSpanish('pablo', { en: { term: 'tide', definition: 'Changed.' } });
    refused({ user: partner, doc: edited(old, { translations: changed }), old }, /not change or remove the languages/);
    refused({ user: partner, doc: edited(old, { translations: { es: { term: 'marea', addedBy: person('pablo') } } }), old }, /not change or remove/);
  });

  it('may not change anything else with it', () => {
    refused({ user: partner, doc: edited(old, { translations: withSpanish('pablo'), category: 'sea' }), old }, /only your own records/);
  });

  it('is refused on an entry that is not published, or when one\'s writing waits for approval', () => {
    const pending = entry({ author: person('kasia'), status: 'pending' });
    refused({ user: partner, doc: edited(pending, { translations: withSpanish('pablo') }), old: pending }, /only to published entries/);
    refused({ user: partner, doc: edited(old, { translations: withSpanish('pablo') }), old, moderation: 'pupils' }, /waits for approval/);
  });

  it('is only the glossary\'s: a board post has no languages to add', () => {
    const post = stored({ author: person('kasia'), translations: { en: { term: 'x' } } });
    refused({ user: partner, doc: edited(post, { translations: { en: { term: 'x' }, es: { term: 'y', addedBy: person('pablo') } } }), old: post }, /only your own records/);
  });
});

describe('validate_doc_update: files', () => {
  const file = (owner: string) => ({ _id: 'attachment:f1', owner, _attachments: { file: { content_type: 'image/png', data: 'iVBORw0KGgo=' } } });
  const storedFile = (owner: string) => ({ _id: 'attachment:f1', _rev: '1-f', owner, _attachments: { file: { stub: true, content_type: 'image/png', length: 8 } } });

  it('may be uploaded by any member, in their own name', () => {
    allowed({ user: as('pia', 'pupil'), doc: file('pia'), moderation: 'all' });
    refused({ user: as('pia', 'pupil'), doc: file('kasia') }, /in your own name/);
    refused({ user: as('olga', 'observer'), doc: file('olga') }, /Observers can read/);
  });

  it('may be changed or deleted by its owner or staff only, and its owner never changes', () => {
    const old = storedFile('kasia');
    refused({ user: as('pia', 'pupil'), doc: deletion(old), old }, /Only the person who uploaded this file, or a teacher/);
    refused({ user: as('mo', 'moderator'), doc: deletion(old), old }, /Only the person who uploaded this file/);
    allowed({ user: as('kasia', 'pupil'), doc: deletion(old), old });
    allowed({ user: as('tom', 'teacher'), doc: deletion(old), old });
    refused({ user: as('kasia', 'pupil'), doc: { ...file('pia'), _rev: '1-f' }, old }, /who uploaded a file/);
  });

  const typed = (content_type: string, data = 'iVBORw0KGgo=') => ({ _id: 'attachment:f2', owner: 'pia', _attachments: { file: { content_type, data } } });
  it('accepts only the types the widgets accept, by declared type', () => {
    for (const type of FILE_TYPES) allowed({ user: as('pia', 'pupil'), doc: typed(type) });
    allowed({ user: as('pia', 'pupil'), doc: typed('Audio/Ogg; codecs=opus') });
    for (const type of ['text/html', 'image/svg+xml', 'application/javascript', 'text/javascript', 'application/xml', 'text/xml', 'application/xhtml+xml', 'text/plain', 'application/octet-stream', '']) {
      refused({ user: as('pia', 'pupil'), doc: typed(type) }, /type of file is not accepted/);
    }
    // Staff are held to it too: only server admins are not.
    refused({ user: as('tom', 'teacher'), doc: { ...typed('text/html'), owner: 'tom' } }, /not accepted/);
    allowed({ user: { name: 'admin', roles: ['_admin'] }, doc: typed('text/html') });
  });

  it('holds one file named "file", no larger than the largest widget limit', () => {
    refused({ user: as('pia', 'pupil'), doc: { ...typed('image/png'), _attachments: { 'x.html': { content_type: 'image/png', data: 'AAAA' } } } }, /one file, named "file"/);
    const size = (length: number) => ({ ...typed('video/mp4'), _attachments: { file: { content_type: 'video/mp4', stub: true, length } } });
    allowed({ user: as('pia', 'pupil'), doc: size(MAX_FILE_BYTES) });
    refused({ user: as('pia', 'pupil'), doc: size(MAX_FILE_BYTES + 1) }, /too large: at most 20 MB/);
    // Inline base64, as the adapter writes: 4 characters carry 3 bytes.
    const inline = (bytes: number) => typed('application/pdf', 'A'.repeat(Math.floor(bytes / 3) * 4) + ['', 'AA==', 'AAA='][bytes % 3]);
    allowed({ user: as('pia', 'pupil'), doc: inline(MAX_FILE_BYTES) });
    refused({ user: as('pia', 'pupil'), doc: inline(MAX_FILE_BYTES + 1) }, /too large/);
    refused({ user: as('pia', 'pupil'), doc: { ...typed('image/png'), _attachments: { file: { content_type: 'image/png' } } } }, /size of this file is unknown/);
  });

  it('keeps files out of records, and records within their size', () => {
    refused({ user: as('pia', 'pupil'), doc: record({ _attachments: { file: { content_type: 'image/png', data: 'AAAA' } } }) }, /Records cannot carry files/);
    refused({ user: as('pia', 'pupil'), doc: record({ text: 'x'.repeat(MAX_RECORD_CHARS) }) }, /too large: at most/);
    allowed({ user: as('pia', 'pupil'), doc: record({ text: 'x'.repeat(MAX_RECORD_CHARS - 1000) }) });
  });
});

describe('validate_doc_update: the project plan and self-ratings', () => {
  const rating = (fields: Doc = {}) => record({ collection: 'goal-rating', id: 'before.4.goal.pia', text: undefined, goal: 'goal', moment: 'before', value: 3, ...fields });

  it('lets only teachers add phases, activities, goals and the project settings, as the store does', () => {
    for (const collection of ['phase', 'activity', 'goal', 'project']) {
      refused({ user: as('pia', 'pupil'), doc: record({ collection }) }, /Only teachers can add .* records: the project plan/);
      refused({ user: as('mo', 'moderator'), doc: record({ collection, author: person('mo') }) }, /Only teachers can add .* records: the project plan/);
      allowed({ user: as('tom', 'teacher'), doc: record({ collection, author: person('tom') }) });
    }
  });

  it("publishes a pupil's self-rating at once and keeps it published when she changes it, whatever the moderation", () => {
    allowed({ user: as('pia', 'pupil'), doc: rating(), moderation: 'all' });
    const old = stored({ ...rating() });
    allowed({ user: as('pia', 'pupil'), doc: edited(old, { value: 4 }), old, moderation: 'pupils' });
  });

  it("keeps moderators away from someone else's self-rating: it is the pupil's and the teachers' only", () => {
    const old = stored({ ...rating({ author: person('kasia') }) });
    refused({ user: as('mo', 'moderator'), doc: edited(old, { status: 'hidden' }), old }, /belongs to its author and the teachers/);
    allowed({ user: as('tom', 'teacher'), doc: edited(old, { status: 'hidden' }), old });
  });
});

describe('validate_doc_update: the journal', () => {
  const note = (fields: Doc = {}) => record({ collection: 'journal-note', id: 'n1', text: undefined, author: person('tom'), pupil: 'pia', body: 'Well done', ...fields });
  const journal = (visibility: string, fields: Doc = {}) =>
    record({ collection: 'journal', id: 'j1', text: undefined, author: person('kasia'), date: '2027-01-11', title: 'Day one', visibility, ...fields });
  const feedback = (fields: Doc = {}) => record({ collection: 'journal-feedback', id: 'f1', text: undefined, target: 'j1', kind: 'liked', body: 'Nice', ...fields });

  it('knows the journal\'s staff-only, private and visibility collections from the store\'s definitions', () => {
    assert.deepEqual([...STAFF_ONLY_COLLECTIONS].sort(), ['activity', 'board-section', 'board-settings', 'goal', 'journal-note', 'journal-prompt', 'journal-settings', 'phase', 'project']);
    assert.deepEqual([...PRIVATE_COLLECTIONS].sort(), ['goal-rating', 'journal-note']);
    assert.deepEqual(VISIBILITY_COLLECTIONS, ['journal']);
  });

  it('lets only teachers add prompt sets, notes and the journal settings', () => {
    for (const collection of ['journal-prompt', 'journal-note', 'journal-settings']) {
      refused({ user: as('pia', 'pupil'), doc: record({ collection }) }, new RegExp(`Only teachers can add ${collection} records`));
      refused({ user: as('mo', 'moderator'), doc: record({ collection, author: person('mo') }) }, /Only teachers can add/);
      allowed({ user: as('tom', 'teacher'), doc: record({ collection, author: person('tom') }) });
    }
  });

  it('keeps moderators and the pupil named away from changing a note', () => {
    const old = stored(note());
    refused({ user: as('mo', 'moderator'), doc: edited(old, { status: 'hidden' }), old }, /belongs to its author and the teachers/);
    refused({ user: as('pia', 'pupil'), doc: edited(old, { body: 'Changed' }), old }, /belongs to its author and the teachers/);
    refused({ user: as('pia', 'pupil'), doc: deletion(old), old }, /delete only your own records/);
    allowed({ user: as('tom', 'teacher'), doc: edited(old, { body: 'Well done, really' }), old });
  });

  it('keeps moderators from deciding on a private journal entry; a shared one they may hide', () => {
    const moderator = as('mo', 'moderator');
    const secret = stored(journal('private'));
    refused({ user: moderator, doc: edited(secret, { status: 'hidden' }), old: secret }, /private to its author and the teachers/);
    const unknown = stored(journal('friends'));
    refused({ user: moderator, doc: edited(unknown, { status: 'hidden' }), old: unknown }, /private to its author/);
    for (const visibility of ['space', 'school']) {
      const shared = stored(journal(visibility));
      allowed({ user: moderator, doc: edited(shared, { status: 'hidden' }), old: shared });
    }
    allowed({ user: as('tom', 'teacher'), doc: edited(secret, { status: 'hidden' }), old: secret });
    allowed({ user: as('kasia', 'pupil'), doc: edited(secret, { title: 'Day one, again' }), old: secret });
  });

  it('makes pupils\' journal feedback wait for approval when the design document is made with approvalCollections', () => {
    const pupil = as('pia', 'pupil');
    refused({ user: pupil, doc: feedback(), approval: true }, /wait for approval: save it as pending/);
    allowed({ user: pupil, doc: feedback({ status: 'pending' }), approval: true });
    allowed({ user: pupil, doc: feedback() }); // Without the option, it is published.
    allowed({ user: as('mo', 'moderator'), doc: feedback({ author: person('mo') }), approval: true });
    allowed({ user: as('tom', 'teacher'), doc: feedback({ author: person('tom') }), approval: true });
    // A pupil's other records are not concerned, and an edit of her published feedback waits again.
    allowed({ user: pupil, doc: record(), approval: true });
    const old = stored(feedback());
    refused({ user: pupil, doc: edited(old, { body: 'Nicer' }), old, approval: true }, /save the edited record as pending/);
    allowed({ user: pupil, doc: edited(old, { body: 'Nicer', status: 'pending' }), old, approval: true });
  });
});

describe('validate_doc_update: the board', () => {
  const pupil = as('pia', 'pupil');
  const moderator = as('mo', 'moderator');
  const post = (fields: Doc = {}) => record({ collection: 'board', id: 'p1', text: undefined, kind: 'text', section: 's1', position: 'a0', title: 'Our harbour', ...fields });

  it('knows the board\'s staff-only, unmoderated, arrangement and moderator fields from the store\'s definitions', () => {
    assert.ok(STAFF_ONLY_COLLECTIONS.includes('board-section') && STAFF_ONLY_COLLECTIONS.includes('board-settings'));
    assert.deepEqual(UNMODERATED_COLLECTIONS.filter((name) => name.startsWith('board')).sort(), ['board-flag', 'board-reaction']);
    assert.equal(PRIVATE_COLLECTIONS.includes('board-flag'), false, 'moderators decide on flags');
    assert.deepEqual(ARRANGEMENT_FIELDS, { board: ['position', 'section'], 'board-section': ['position'] });
    assert.deepEqual(MODERATOR_FIELDS, { board: ['pinned'] });
  });

  it('lets only teachers add sections and the board settings', () => {
    for (const collection of ['board-section', 'board-settings']) {
      refused({ user: pupil, doc: record({ collection }) }, /Only teachers can add .* records: .*the board's sections and settings/);
      refused({ user: moderator, doc: record({ collection, author: person('mo') }) }, /Only teachers can add/);
      allowed({ user: as('tom', 'teacher'), doc: record({ collection, author: person('tom') }) });
    }
  });

  it('publishes reactions and flags at once under moderation', () => {
    for (const collection of ['board-reaction', 'board-flag']) allowed({ user: pupil, doc: record({ collection, target: 'p1' }), moderation: 'all' });
    refused({ user: pupil, doc: record({ collection: 'board-comment', target: 'p1' }), moderation: 'pupils' }, /wait for approval/);
  });

  it('keeps a moved post published under moderation; any other change waits for approval', () => {
    const old = stored(post());
    allowed({ user: pupil, doc: edited(old, { position: 'a0V', section: 's2' }), old, moderation: 'pupils' });
    allowed({ user: pupil, doc: edited(old, { position: 'a1', schemaVersion: 2 }), old, moderation: 'pupils' });
    refused({ user: pupil, doc: edited(old, { position: 'a1', title: 'Moved and renamed' }), old, moderation: 'pupils' }, /save the edited record as pending/);
    const pending = stored(post({ status: 'pending' }));
    refused({ user: pupil, doc: edited(pending, { position: 'a1', status: 'published' }), old: pending, moderation: 'pupils' }, /waiting for approval/);
    allowed({ user: pupil, doc: edited(pending, { position: 'a1' }), old: pending, moderation: 'pupils' });
  });

  it('lets only moderators and staff pin, a moderator also on someone else\'s post, changing nothing else', () => {
    refused({ user: pupil, doc: post({ pinned: true }) }, /Only teachers and moderators can set pinned on board records/);
    refused({ user: pupil, doc: post({ pinned: false }) }, /can set pinned/);
    allowed({ user: moderator, doc: post({ author: person('mo'), pinned: true }) });
    const own = stored(post());
    refused({ user: pupil, doc: edited(own, { pinned: true }), old: own }, /Only teachers and moderators can change pinned/);
    const pinned = stored(post({ pinned: true }));
    refused({ user: pupil, doc: edited(pinned, { pinned: undefined }), old: pinned }, /can change pinned/);
    allowed({ user: moderator, doc: edited(own, { pinned: true }), old: own, moderation: 'all' });
    refused({ user: moderator, doc: edited(own, { pinned: true, title: 'Better' }), old: own }, /moderators can change only the status and the review note/);
    refused({ user: moderator, doc: edited(own, { position: 'a1' }), old: own }, /moderators can change only/);
    const mine = stored(post({ author: person('mo') }));
    allowed({ user: moderator, doc: edited(mine, { pinned: true }), old: mine, moderation: 'all' });
    allowed({ user: as('tom', 'teacher'), doc: edited(own, { pinned: true }), old: own });
  });
});

describe('validate_doc_update: replicated writes (new_edits=false)', () => {
  // What the replicator hands over: the revision as it is on the other server, with its history.
  const replicated = (fields: Doc) => ({ ...record(fields), _rev: '3-b2', _revisions: { start: 3, ids: ['b2', 'b1', 'abc'] }, twinkitOrigin: 'store-far', twinkitWrite: 'w-far' });
  const otherBranch = { ...stored({ author: person('kasia'), text: 'Kasia\'s version' }), _rev: '2-a1', twinkitWrite: 'w-near' };
  const replicators = [{ name: 'admin', roles: ['_admin'] }, { name: null, roles: ['_admin'] }, { name: 'repl', roles: ['_replicator'] }];

  it('stores an update whose oldDoc is another branch, in anyone\'s name, for a server admin or the replicator', () => {
    for (const user of replicators) {
      allowed({ user, doc: replicated({ text: 'Pia\'s version', status: 'hidden' }), old: otherBranch, moderation: 'all' });
      allowed({ user, doc: replicated({ createdAt: LATER, updatedAt: TIME }), old: otherBranch });
    }
  });

  it('stores tombstones and writes over tombstones for them', () => {
    const tombstone = { _id: 'board:r1', _rev: '3-b2', _deleted: true, _revisions: { start: 3, ids: ['b2', 'b1', 'abc'] }, twinkitOrigin: 'store-far', twinkitWrite: 'w-far' };
    for (const user of replicators) {
      allowed({ user, doc: tombstone, old: otherBranch });
      allowed({ user, doc: tombstone, old: null });
      allowed({ user, doc: replicated({ author: person('kasia') }), old: { ...tombstone, _rev: '2-a1' } });
    }
  });

  it('keeps every rule for members writing with new_edits=false', () => {
    refused({ user: as('pia', 'pupil'), doc: replicated({}), old: otherBranch }, /who wrote a record/);
    refused({ user: as('pia', 'pupil'), doc: replicated({ author: person('kasia') }), old: otherBranch }, /only your own records/);
    refused({ user: as('pia', 'pupil'), doc: replicated({ status: 'pending' }), old: stored({ status: 'hidden' }) }, /can no longer change or delete it/);
    refused({ user: { name: 'repl', roles: ['replicator'] }, doc: replicated({}), old: otherBranch }, /not a member of this space/);
  });
});

describe('validate_doc_update: over a tombstone', () => {
  const tombstone = (fields: Doc = {}) => ({ _id: 'board:r1', _rev: '2-x', _deleted: true, twinkitOrigin: 'store-x', twinkitWrite: 'w1', ...fields });
  const teacher = as('tom', 'teacher');

  it('lets teachers and admins bring back anyone\'s record, with its author and status', () => {
    allowed({ user: teacher, doc: { ...record({ status: 'hidden', review: { note: 'Hidden', by: person('tom'), at: TIME } }), _rev: '2-x' }, old: tombstone() });
    allowed({ user: as('ada', 'admin'), doc: record({ author: person('kasia') }), old: tombstone(), moderation: 'all' });
    // pouchdb-server hands no oldDoc for a deleted document: the revision named says what is written over.
    allowed({ user: teacher, doc: { ...record(), _rev: '2-x' }, old: null });
    refused({ user: teacher, doc: record(), old: null }, /only in your own name/);
  });

  it('lets a pupil or moderator re-create only their own record, as a new one', () => {
    allowed({ user: as('pia', 'pupil'), doc: record(), old: tombstone() });
    refused({ user: as('pia', 'pupil'), doc: record(), old: tombstone(), moderation: 'pupils' }, /wait for approval/);
    allowed({ user: as('pia', 'pupil'), doc: record({ status: 'pending' }), old: tombstone(), moderation: 'pupils' });
    refused({ user: as('mo', 'moderator'), doc: { ...record(), _rev: '2-x' }, old: tombstone() }, /only in your own name/);
    refused({ user: as('pia', 'pupil'), doc: record({ review: { note: 'ok', by: person('tom'), at: TIME } }), old: tombstone() }, /review note/);
  });

  it('lets teachers bring back anyone\'s file, and others only their own', () => {
    const file = { _id: 'attachment:f1', _rev: '2-x', owner: 'kasia', _attachments: {} };
    allowed({ user: teacher, doc: file, old: { _id: 'attachment:f1', _rev: '2-x', _deleted: true } });
    refused({ user: as('pia', 'pupil'), doc: file, old: { _id: 'attachment:f1', _rev: '2-x', _deleted: true } }, /in your own name/);
  });

  it('accepts a delete written over a tombstone (a delete made twice, on two devices)', () => {
    for (const user of [teacher, as('pia', 'pupil'), as('mo', 'moderator')]) allowed({ user, doc: tombstone({ _rev: '3-y' }), old: tombstone() });
  });
});

describe('validate_doc_update: the write id (twinkitWrite)', () => {
  const WRITE = 'w'.repeat(64);

  it('is accepted on records, files and tombstones, for whoever may write them', () => {
    const old = stored();
    allowed({ user: as('pia', 'pupil'), doc: record({ twinkitWrite: WRITE }) });
    allowed({ user: as('pia', 'pupil'), doc: edited(old, { text: 'x', twinkitWrite: 'w2' }), old });
    for (const user of [as('pia', 'pupil'), as('tom', 'teacher'), as('ada', 'admin')]) {
      allowed({ user, doc: { ...deletion(old), twinkitOrigin: 'store-x', twinkitWrite: WRITE }, old });
    }
    allowed({ user: as('pia', 'pupil'), doc: { _id: 'attachment:f1', owner: 'pia', twinkitWrite: 'w3' } });
  });

  it('is not content: a moderator\'s decision and a partner\'s language may carry a new one', () => {
    const post = stored({ author: person('kasia'), status: 'pending', twinkitWrite: 'w1' });
    allowed({ user: as('mo', 'moderator'), doc: edited(post, { status: 'published', twinkitWrite: 'w2' }), old: post, moderation: 'pupils' });
    const glossary = entry({ author: person('kasia'), twinkitWrite: 'w1' });
    const added = { ...glossary.translations as Doc, es: { term: 'marea', addedBy: person('pablo') } };
    allowed({ user: as('pablo', 'moderator'), doc: edited(glossary, { translations: added, twinkitWrite: 'w2' }), old: glossary });
  });

  it('must be a string of at most 64 characters, on tombstones too', () => {
    const old = stored();
    refused({ user: as('pia', 'pupil'), doc: record({ twinkitWrite: `${WRITE}x` }) }, /at most 64 characters/);
    refused({ user: as('pia', 'pupil'), doc: record({ twinkitWrite: 7 }) }, /must be a string/);
    refused({ user: as('tom', 'teacher'), doc: { ...deletion(old), twinkitWrite: null }, old }, /must be a string/);
    refused({ user: as('pia', 'pupil'), doc: { _id: 'attachment:f1', owner: 'pia', twinkitWrite: ['w'] } }, /must be a string/);
  });
});

describe('validate_doc_update in an audience\'s database', () => {
  const SCHOOL = 'SP 12 Gdynia';
  const space: Audience = { kind: 'space' };
  const moderatorsOf = (id?: string): Audience => (id ? { kind: 'moderators', person: id } : { kind: 'moderators' });
  const personOf = (id: string): Audience => ({ kind: 'person', person: id });
  const home = (audience: Audience) => audienceDatabase(SPACE, audience);
  /** A document as the client writes it to `audience`'s database. */
  const at = (audience: Audience, doc: Doc): Doc => ({ ...doc, twinkitHome: home(audience) });
  const moveOut = (old: Doc, to: Audience): Doc => ({ ...deletion(old), twinkitMovedTo: to, twinkitWrite: 'w-move', twinkitOrigin: 'store-x' });
  const arriving = (audience: Audience, from: Audience, fields: Doc): Doc => at(audience, record({ ...fields, twinkitMovedFrom: home(from), twinkitLineage: 2 }));
  const journal = (visibility: string, fields: Doc = {}) =>
    record({ collection: 'journal', id: 'j1', text: undefined, author: person('kasia'), date: '2027-01-11', title: 'Day one', visibility, ...fields });
  const rating = (fields: Doc = {}) => record({ collection: 'goal-rating', id: 'g1', text: undefined, goal: 'goal-1', level: 3, ...fields });
  const review = (by: string) => ({ note: 'Please add a source.', by: person(by), at: LATER });
  const pupil = as('pia', 'pupil');
  const moderator = as('mo', 'moderator');

  describe('the home of a document', () => {
    it('must be this database, on records and files alike', () => {
      refused({ user: pupil, doc: record(), audience: space }, /This database is "twinkit-coasts": a record or file written to it must name it in twinkitHome/);
      refused({ user: pupil, doc: at(moderatorsOf('pia'), record()), audience: space }, /must name it in twinkitHome/);
      allowed({ user: pupil, doc: at(space, record()), audience: space });
      const file = { _id: 'attachment:f1', owner: 'pia', _attachments: { file: { content_type: 'image/png', data: 'iVBORw0KGgo=' } } };
      refused({ user: pupil, doc: file, audience: personOf('pia') }, /must name it in twinkitHome/);
      allowed({ user: pupil, doc: at(personOf('pia'), file), audience: personOf('pia') });
      // Staff too; only the server's own writes are not asked.
      refused({ user: as('tom', 'teacher'), doc: record({ author: person('tom') }), audience: space }, /twinkitHome/);
      allowed({ user: { name: 'repl', roles: ['_replicator'] }, doc: record(), audience: space });
    });

    it('is not asked of tombstones', () => {
      const old = stored({ twinkitHome: home(space) });
      allowed({ user: pupil, doc: deletion(old), old, audience: space });
    });

    it('is only asked in an audience\'s database: a space\'s only database has none of these rules', () => {
      allowed({ user: pupil, doc: record({ twinkitLineage: -1, twinkitMovedFrom: 7 }) });
      refused({ user: as('mo', 'moderator'), doc: record({ twinkitMovedFrom: 'twinkit-coasts$moderators-pia' }) }, /only in your own name/);
    });
  });

  describe('the audience of a record', () => {
    it('keeps a private journal entry out of the space\'s database, in its author\'s', () => {
      const kasia = as('kasia', 'pupil');
      refused({ user: kasia, doc: at(space, journal('private')), audience: space }, /This record is for "kasia" only, and this database is for everyone in the space: write it to the database of its audience/);
      allowed({ user: kasia, doc: at(personOf('kasia'), journal('private')), audience: personOf('kasia') });
      allowed({ user: kasia, doc: at(space, journal('space')), audience: space });
      const school: Audience = { kind: 'school', school: ' sp 12  GDYNIA' };
      allowed({ user: kasia, doc: at(school, journal('school')), audience: school });
      refused({ user: kasia, doc: at(personOf('kasia'), journal('school')), audience: personOf('kasia') }, /for the school "SP 12 Gdynia"/);
    });

    it('holds a pending post only in the database of its author and the moderators', () => {
      const pending = record({ status: 'pending' });
      allowed({ user: pupil, doc: at(moderatorsOf('pia'), pending), audience: moderatorsOf('pia'), moderation: 'pupils' });
      for (const audience of [space, moderatorsOf(), moderatorsOf('kasia'), personOf('pia'), { kind: 'school-moderators', school: SCHOOL, person: 'pia' } as Audience]) {
        refused({ user: pupil, doc: at(audience, pending), audience, moderation: 'pupils' }, /This record is for the moderators and "pia"/);
      }
    });

    it('is a record\'s own audience: not built in, the space\'s', () => {
      allowed({ user: pupil, doc: at(space, record({ collection: 'poll' })), audience: space });
    });

    it('keeps a moderator\'s decision in place only when it does not change the audience', () => {
      const pending = stored({ status: 'pending', twinkitHome: home(moderatorsOf('pia')) });
      const audience = moderatorsOf('pia');
      allowed({ user: moderator, doc: edited(pending, { status: 'hidden', review: review('mo') }), old: pending, audience });
      refused({ user: moderator, doc: edited(pending, { status: 'published' }), old: pending, audience }, /This record is for everyone in the space, and this database is for the moderators and "pia"/);
    });

    it('lets feedback that follows its target sit in a narrower database, never in a wider one', () => {
      const feedback = record({ collection: 'journal-feedback', id: 'f1', text: undefined, target: 'j1', kind: 'liked', body: 'Nice', status: 'pending' });
      for (const audience of [moderatorsOf('pia'), moderatorsOf(), { kind: 'school-moderators', school: SCHOOL, person: 'pia' } as Audience, personOf('pia'), { kind: 'staff' } as Audience]) {
        allowed({ user: pupil, doc: at(audience, feedback), audience });
      }
      for (const audience of [space, { kind: 'school', school: SCHOOL } as Audience, moderatorsOf('kasia'), personOf('kasia')]) {
        refused({ user: pupil, doc: at(audience, feedback), audience }, /This record is for the moderators and "pia" at most/);
      }
      // Published, its own audience is the space: any database its target's readers have.
      allowed({ user: pupil, doc: at(personOf('kasia'), { ...feedback, status: 'published' }), audience: personOf('kasia') });
    });

    it('does not count where a record lives and came from as content', () => {
      const audience = moderatorsOf('kasia');
      const old = stored({ author: person('kasia'), status: 'pending', twinkitHome: home(audience) });
      allowed({ user: moderator, doc: edited(old, { status: 'hidden', twinkitMovedFrom: home(space), twinkitLineage: 3 }), old, audience });
      const mine = stored({ twinkitHome: home(space) });
      allowed({ user: pupil, doc: edited(mine, { position: 'a1', twinkitLineage: 1 }), old: mine, audience: space });
    });
  });

  describe('the lineage', () => {
    it('is a whole number, 0 or more, on any document', () => {
      for (const lineage of [-1, 1.5, '3', null]) {
        refused({ user: pupil, doc: at(space, record({ twinkitLineage: lineage })), audience: space }, /lineage \(twinkitLineage\) must be a whole number, 0 or more/);
      }
      for (const lineage of [0, 7]) allowed({ user: pupil, doc: at(space, record({ twinkitLineage: lineage })), audience: space });
      const old = stored({ twinkitHome: home(space) });
      refused({ user: pupil, doc: { ...deletion(old), twinkitLineage: -1 }, old, audience: space }, /whole number/);
    });
  });

  describe('moving out (a tombstone naming twinkitMovedTo)', () => {
    const post = stored({ author: person('kasia'), twinkitHome: home(space) });

    it('is a moderator\'s decision on a board post', () => {
      allowed({ user: moderator, doc: moveOut(post, moderatorsOf('kasia')), old: post, audience: space });
      // A plain delete stays refused.
      refused({ user: moderator, doc: deletion(post), old: post, audience: space }, /delete only your own records/);
    });

    it('is refused to a moderator on a self-rating, a private journal entry and a hidden record', () => {
      const selfRating = stored({ ...rating({ author: person('kasia') }), twinkitHome: home(personOf('kasia')) });
      refused({ user: moderator, doc: moveOut(selfRating, space), old: selfRating, audience: personOf('kasia') }, /belongs to its author and the teachers/);
      const secret = stored({ ...journal('private'), twinkitHome: home(personOf('kasia')) });
      refused({ user: moderator, doc: moveOut(secret, space), old: secret, audience: personOf('kasia') }, /private to its author and the teachers/);
      const hidden = stored({ author: person('kasia'), status: 'hidden', twinkitHome: home(moderatorsOf('kasia')) });
      refused({ user: moderator, doc: moveOut(hidden, space), old: hidden, audience: moderatorsOf('kasia') }, /Only a teacher or an admin can bring back a hidden record/);
    });

    it('is refused to another pupil, allowed to the author (unless hidden) and to staff', () => {
      refused({ user: pupil, doc: moveOut(post, moderatorsOf('kasia')), old: post, audience: space }, /Only its author, a teacher or a moderator can move a record to another database/);
      allowed({ user: as('kasia', 'pupil'), doc: moveOut(post, moderatorsOf('kasia')), old: post, audience: space });
      allowed({ user: as('tom', 'teacher'), doc: moveOut(post, moderatorsOf('kasia')), old: post, audience: space });
      const hidden = stored({ author: person('kasia'), status: 'hidden', twinkitHome: home(moderatorsOf('kasia')) });
      refused({ user: as('kasia', 'pupil'), doc: moveOut(hidden, space), old: hidden, audience: moderatorsOf('kasia') }, /can no longer change or delete it/);
      allowed({ user: as('tom', 'teacher'), doc: moveOut(hidden, space), old: hidden, audience: moderatorsOf('kasia') });
    });

    it('names an audience', () => {
      for (const to of ['space', { person: 'kasia' }, null]) {
        refused({ user: as('tom', 'teacher'), doc: { ...moveOut(post, space), twinkitMovedTo: to }, old: post, audience: space }, /twinkitMovedTo must be an object with a kind/);
      }
    });
  });

  describe('feedback following its target', () => {
    const school: Audience = { kind: 'school', school: SCHOOL };
    /** Luca's feedback on Kasia's entry, where it sits. */
    const feedback = (audience: Audience, fields: Doc = {}) =>
      stored({ collection: 'journal-feedback', id: 'f1', _id: 'journal-feedback:f1', text: undefined, author: person('luca'), target: 'j1', kind: 'liked', body: 'Nice', twinkitTargetAuthor: 'kasia', twinkitHome: home(audience), ...fields });
    const kasia = as('kasia', 'pupil');
    const { _rev, twinkitHome: _home, ...content } = feedback(space) as Doc;

    it('is taken along by the entry\'s author into her own database, from any database', () => {
      allowed({ user: kasia, doc: moveOut(feedback(space), personOf('kasia')), old: feedback(space), audience: space });
      allowed({ user: kasia, doc: moveOut(feedback(school), personOf('kasia')), old: feedback(school), audience: school });
      allowed({ user: kasia, doc: arriving(personOf('kasia'), space, content), audience: personOf('kasia') });
    });

    it('goes nowhere else by a pupil\'s move: not to her school, not back to the space, not by another pupil', () => {
      const refusedMove = /Only its author, a teacher or a moderator can move a record/;
      const refusedArrival = /Only teachers and moderators can move someone else's record here/;
      refused({ user: kasia, doc: moveOut(feedback(space), school), old: feedback(space), audience: space }, refusedMove);
      refused({ user: kasia, doc: arriving(school, space, content), audience: school }, refusedArrival);
      refused({ user: kasia, doc: moveOut(feedback(school), space), old: feedback(school), audience: school }, refusedMove);
      refused({ user: kasia, doc: arriving(space, school, content), audience: space }, refusedArrival);
      refused({ user: kasia, doc: arriving(moderatorsOf('kasia'), space, content), audience: moderatorsOf('kasia') }, refusedArrival);
      // Not her entry (as the feedback says), or the feedback does not say.
      refused({ user: pupil, doc: moveOut(feedback(space), personOf('pia')), old: feedback(space), audience: space }, refusedMove);
      refused({ user: pupil, doc: arriving(personOf('pia'), space, content), audience: personOf('pia') }, refusedArrival);
      const unsaid = feedback(space, { twinkitTargetAuthor: undefined });
      refused({ user: kasia, doc: moveOut(unsaid, personOf('kasia')), old: unsaid, audience: space }, refusedMove);
      // Other records are no feedback: a pupil moves only her own.
      const post = stored({ author: person('luca'), twinkitHome: home(space) });
      refused({ user: kasia, doc: moveOut(post, personOf('kasia')), old: post, audience: space }, refusedMove);
      const note = record({ collection: 'journal-note', id: 'n1', text: undefined, author: person('luca'), pupil: 'kasia', body: 'Well done', twinkitTargetAuthor: 'kasia' });
      refused({ user: kasia, doc: arriving(personOf('kasia'), space, note), audience: personOf('kasia') }, refusedArrival);
    });

    it('is not an observer\'s to move', () => {
      refused({ user: as('olga', 'observer'), doc: moveOut(feedback(space), personOf('olga')), old: feedback(space), audience: space }, /Observers can read this space but cannot change anything/);
    });
  });

  describe('arriving (a create naming twinkitMovedFrom)', () => {
    it('in the author\'s name is a moderator\'s or a teacher\'s decision: approve, hide or send back', () => {
      const approved = arriving(space, moderatorsOf('kasia'), { author: person('kasia') });
      allowed({ user: moderator, doc: approved, audience: space, moderation: 'all' });
      allowed({ user: as('tom', 'teacher'), doc: approved, audience: space });
      const hidden = arriving(moderatorsOf('kasia'), space, { author: person('kasia'), status: 'hidden', review: review('mo') });
      allowed({ user: moderator, doc: hidden, audience: moderatorsOf('kasia') });
      const sentBack = arriving(moderatorsOf('kasia'), space, { author: person('kasia'), status: 'pending', review: review('mo') });
      allowed({ user: moderator, doc: sentBack, audience: moderatorsOf('kasia') });
      refused({ user: moderator, doc: { ...hidden, review: 'hidden' }, audience: moderatorsOf('kasia') }, /review note must name who wrote it/);
    });

    it('in someone else\'s name is refused to a pupil, and without twinkitMovedFrom to a moderator', () => {
      refused({ user: pupil, doc: arriving(space, moderatorsOf('kasia'), { author: person('kasia') }), audience: space }, /Only teachers and moderators can move someone else's record here/);
      refused({ user: moderator, doc: at(space, record({ author: person('kasia') })), audience: space }, /only in your own name/);
    });

    it('is refused to a moderator for a private collection\'s record or a private journal entry', () => {
      const selfRating = arriving(personOf('kasia'), space, rating({ author: person('kasia') }));
      refused({ user: moderator, doc: selfRating, audience: personOf('kasia') }, /belongs to its author and the teachers/);
      const secret = arriving(personOf('kasia'), space, journal('private'));
      refused({ user: moderator, doc: secret, audience: personOf('kasia') }, /private to its author and the teachers/);
      allowed({ user: as('tom', 'teacher'), doc: secret, audience: personOf('kasia') });
    });

    it('in one\'s own name is a new record that keeps its review note', () => {
      const audience = moderatorsOf('pia');
      const sentBack = arriving(audience, space, { status: 'pending', review: review('tom') });
      allowed({ user: pupil, doc: sentBack, audience, moderation: 'pupils' });
      refused({ user: pupil, doc: { ...sentBack, twinkitMovedFrom: undefined }, audience, moderation: 'pupils' }, /cannot carry a review note/);
      refused({ user: pupil, doc: { ...sentBack, review: { note: 'ok' } }, audience }, /review note must name who wrote it/);
      // Published only where it need not wait; hidden only by a moderator, as in place.
      refused({ user: pupil, doc: arriving(space, audience, {}), audience: space, moderation: 'pupils' }, /wait for approval/);
      allowed({ user: pupil, doc: arriving(space, audience, {}), audience: space, moderation: 'off' });
      refused({ user: pupil, doc: arriving(audience, space, { status: 'hidden' }), audience }, /cannot be hidden/);
      const mine = moderatorsOf('mo');
      allowed({ user: moderator, doc: arriving(mine, space, { author: person('mo'), status: 'hidden' }), audience: mine });
      refused({ user: pupil, doc: arriving(space, audience, { collection: 'board-section' }), audience: space }, /Only teachers can add/);
    });

    it('must say where it came from with a database name', () => {
      refused({ user: pupil, doc: at(space, record({ twinkitMovedFrom: 7 })), audience: space }, /twinkitMovedFrom\) must be the name of a database/);
    });
  });

  describe('the design document', () => {
    it('is ES5, and names its database', () => {
      const source = `(${designDoc({ space: SPACE, moderation: 'pupils', audience: { kind: 'school-moderators', school: SCHOOL, person: 'pia' } }).validate_doc_update});`;
      assert.equal(transformSync(source, { target: 'es5', loader: 'js' }).code, transformSync(source, { target: 'esnext', loader: 'js' }).code);
      assert.ok(source.includes(JSON.stringify(home({ kind: 'school-moderators', school: SCHOOL, person: 'pia' }))));
    });

    it('is not made for a group that names no school or person', () => {
      for (const audience of [{ kind: 'school', school: '  ' }, { kind: 'person', person: '' }, { kind: 'school-moderators', school: SCHOOL, person: '' }, { kind: 'everyone' }]) {
        assert.throws(() => validateDocUpdateSource({ space: SPACE, moderation: 'off', audience: audience as Audience }), /not an audience a database can hold/);
      }
    });
  });
});

describe('a reading room\'s design document', () => {
  const room = roomDesignDoc();
  const check = runInNewContext(`(${room.validate_doc_update})`, Object.create(null)) as Validate;
  const outcome = (user: unknown, doc: Doc) => {
    try {
      check(doc, null, user, NO_SECURITY);
      return 'ok';
    } catch (error) {
      // Thrown in another context: its own Object, so compared as plain data.
      return JSON.parse(JSON.stringify(error)) as { forbidden?: string };
    }
  };

  it('is the views and rules that keep the room for the server', () => {
    assert.equal(room._id, '_design/twinkit');
    assert.equal(room.language, 'javascript');
    assert.match(room.validate_doc_update, /^function /);
    const source = `(${room.validate_doc_update});`;
    assert.equal(transformSync(source, { target: 'es5', loader: 'js' }).code, transformSync(source, { target: 'esnext', loader: 'js' }).code);
  });

  it('refuses every member\'s write, a teacher\'s too', () => {
    for (const user of [as('pia', 'pupil'), as('tom', 'teacher'), as('ada', 'admin'), { name: null, roles: [] }]) {
      assert.deepEqual(outcome(user, record()), { forbidden: 'A reading room is filled by the server: write to the record\'s own database.' });
      assert.notEqual(outcome(user, { _id: 'board:r1', _deleted: true }), 'ok');
    }
  });

  it('accepts the replicator\'s and server admins\' writes', () => {
    for (const user of [{ name: 'repl', roles: ['_replicator'] }, { name: 'root', roles: ['_admin'] }, { name: null, roles: ['_admin'] }]) {
      assert.equal(outcome(user, record()), 'ok');
    }
  });
});

describe('validate_doc_update: files that follow a moved record', () => {
  const space: Audience = { kind: 'space' };
  const hidden: Audience = { kind: 'moderators', person: 'kasia' };
  const home = (audience: Audience) => audienceDatabase(SPACE, audience);
  const stored = { _id: 'attachment:f1', _rev: '1-f', owner: 'kasia', twinkitHome: home(space), _attachments: { file: { stub: true, content_type: 'image/png', length: 8 } } };
  const copy = (owner: string, extra: Doc = {}) => ({ _id: 'attachment:f1', owner, twinkitHome: home(hidden), _attachments: { file: { content_type: 'image/png', data: 'iVBORw0KGgo=' } }, ...extra });
  const leaving = { _id: 'attachment:f1', _rev: '1-f', _deleted: true, twinkitHome: home(space), twinkitMovedTo: hidden };

  it('are copied in their uploader\'s name by whoever may move the record', () => {
    allowed({ user: as('mo', 'moderator'), doc: copy('kasia', { twinkitMovedFrom: home(space) }), audience: hidden });
    allowed({ user: as('tom', 'teacher'), doc: copy('kasia', { twinkitMovedFrom: home(space) }), audience: hidden });
    refused({ user: as('pia', 'pupil'), doc: copy('kasia', { twinkitMovedFrom: home(space) }), audience: hidden }, /in your own name/);
    refused({ user: as('mo', 'moderator'), doc: copy('kasia'), audience: hidden }, /in your own name/);
  });

  it('leave the old database with a tombstone naming where they went; a moderator may, a pupil may not', () => {
    allowed({ user: as('mo', 'moderator'), doc: leaving, old: stored, audience: space });
    refused({ user: as('mo', 'moderator'), doc: deletion(stored), old: stored, audience: space }, /Only the person who uploaded this file/);
    refused({ user: as('pia', 'pupil'), doc: leaving, old: stored, audience: space }, /Only the person who uploaded this file/);
  });

  it('and a deletion carries no new content', () => {
    refused({ user: as('kasia', 'pupil'), doc: { ...leaving, note: 'hello' }, old: stored, audience: space }, /A deletion carries no content: "note"/);
  });
});
