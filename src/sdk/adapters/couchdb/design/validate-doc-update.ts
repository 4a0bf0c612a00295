/**
 * The `validate_doc_update` function of a space's design document: the server's copy of the policy
 * the store enforces in the browser (`can`, `initialStatus`, `canContribute` and the glossary's
 * `addsOwnTranslationsOnly`), so that a member who bypasses the store (devtools, curl) is refused too.
 *
 * CouchDB (SpiderMonkey or QuickJS) and pouchdb-server evaluate it as source text, so it is kept as
 * an ES5 string, not as a compiled function whose text a bundler could change. The source must begin
 * with `function`: pouchdb-server evaluates `return <source>`, where a leading comment would end the
 * statement. The space and its moderation mode are written into the text when the design document is
 * made; change the moderation mode by running the setup again.
 *
 * What it cannot mirror: it sees only the document being written (and its previous version), so
 * - who may READ a record (a private journal entry, a school-only entry, a note to one pupil,
 *   feedback on an entry one cannot read) is not enforced by CouchDB per document: every member
 *   with access to the database can read all of it through the HTTP API. The store enforces read
 *   rules; a deployment that must keep entries from other pupils needs a proxy or one database
 *   per audience (`audience`, below);
 * - rules that depend on another record are not checked: a feedback's target being readable, a
 *   reference (an activity's phase) existing, the journal settings' `feedbackApproval` (pass
 *   `approvalCollections` when the design document is made instead);
 * - the user's school is unknown to CouchDB, so a moderator's decision on a `school` journal entry
 *   of another school is not refused (one on a `private` entry is).
 *
 * The store's `arrangementFields` and `moderatorFields` are mirrored: moving one's published post
 * needs no approval, only moderators and staff set `pinned`, and a moderator may pin someone
 * else's post. A version-1 post whose body or colour the store migrates while moving or pinning it
 * changes those too, which the server then counts as content (approval, or a moderator refused).
 *
 * With `audience` (one database per audience, audience-databases.ts) the rules are those of that
 * audience's database, on top of the above:
 * - every live document (records and files) names this database in `twinkitHome`;
 * - a record's own audience (audience-rules.ts: read rule and status) is this database's; feedback
 *   that follows its target may sit in a narrower database (within its own audience), as the
 *   client puts it with its target's readers, which the server cannot see;
 * - a record whose audience changes MOVES: a tombstone naming `twinkitMovedTo` here, by its author
 *   (unless hidden), staff, or a moderator deciding on it; then an ARRIVAL (a create naming
 *   `twinkitMovedFrom`) there. An arrival in someone else's name is a decision: staff's, or a
 *   moderator's on a record they may decide on (any status: approve, hide or send back). One in
 *   the writer's own name is a new record (it may be published only where it need not wait, etc.),
 *   but it keeps its review note and a moderator may hide their own, as they may in place;
 * - feedback that follows its target moves with it (audiences/follow-target.ts), by whoever moved
 *   the target: staff and moderators as any record; the target's author (`twinkitTargetAuthor`
 *   on the feedback) takes someone else's only into her own database, as tombstone and arrival;
 * - `twinkitHome`, `twinkitMovedFrom` and `twinkitLineage` are bookkeeping, not content.
 * What it cannot check: that an arrival matches what left the other database (it cannot read
 * it), so a moderator's arrival is trusted as a decision, a review note on an own arrival as the
 * one it had, and feedback an entry's author moved into her own database as the feedback that was
 * there (seen by her and the teachers only).
 */
import { addsOwnTranslationsOnly } from '../../../policy/glossary-contribution.js';
import type { Audience } from '../../../policy/audience.js';
import { MODERATION_MODES, ROLES, type ModerationMode } from '../../../policy/roles.js';
import { builtInCollections } from '../../../schemas/collections.js';
import { RECORD_STATUSES } from '../../../schemas/envelope.js';
import { audienceDatabase } from '../audience-databases.js';
import { ATTACHMENT_NAME, ATTACHMENT_PREFIX, HOME_FIELD, LINEAGE_FIELD, MOVED_FROM_FIELD, MOVED_TO_FIELD, ORIGIN_FIELD, TARGET_AUTHOR_FIELD } from '../couch-names.js';
import { AUDIENCE_SOURCE, checkedAudience, literal } from './audience-rules.js';
import { FILE_TYPES, MAX_FILE_BYTES, MAX_RECORD_CHARS } from './file-rules.js';

export interface ValidateDocUpdateOptions {
  space: string;
  moderation: ModerationMode;
  /** Collections whose new records are published at once whatever the moderation (reactions). */
  unmoderatedCollections?: readonly string[];
  /** Collections where any member may add a missing language, signed with their id (the glossary). */
  translationCollections?: readonly string[];
  /**
   * Collections whose pupils' new and edited records wait for approval whatever the moderation
   * mode: the server's copy of the journal settings' `feedbackApproval` (pass
   * `['journal-feedback']` when it is on; rerun the setup when it changes). Default: none.
   */
  approvalCollections?: readonly string[];
  /**
   * The audience whose database this is (one database per audience). Without it, the rules are
   * those of a space's only database.
   */
  audience?: Audience;
}

const builtIns = Object.values(builtInCollections);
export const UNMODERATED_COLLECTIONS = builtIns.filter((definition) => definition.unmoderated || definition.feedbackOn?.unmoderated).map((definition) => definition.name);
/** Collections only staff add to (the project's plan), as the store's `createdBy: 'staff'`. */
export const STAFF_ONLY_COLLECTIONS = builtIns.filter((definition) => definition.createdBy === 'staff').map((definition) => definition.name);
/**
 * Collections whose records are their author's (or addressee's) and the teachers' only
 * (self-ratings, notes to a pupil): no moderator decides on them.
 */
export const PRIVATE_COLLECTIONS = builtIns
  .filter((definition) => definition.readableBy === 'author-and-staff' || definition.readableBy === 'addressee-and-staff')
  .map((definition) => definition.name);
/** Collections whose records say who reads them in `visibility` (journal entries): no moderator decides on a `private` one. */
export const VISIBILITY_COLLECTIONS = builtIns.filter((definition) => definition.readableBy === 'journal-visibility').map((definition) => definition.name);
/** Per collection, the store's `arrangementFields` or `moderatorFields` (only collections that have some). */
function fieldLists(key: 'arrangementFields' | 'moderatorFields'): Record<string, readonly string[]> {
  return Object.fromEntries(builtIns.flatMap((definition) => (definition[key]?.length ? [[definition.name, definition[key]]] : [])));
}
/** Fields that only place a record (a post's position and section): changing only these needs no approval. */
export const ARRANGEMENT_FIELDS = fieldLists('arrangementFields');
/** Fields only moderators and staff set (a post's `pinned`); a moderator may change them on anyone's record. */
export const MODERATOR_FIELDS = fieldLists('moderatorFields');
/** The id of the write that made a revision (tombstones too): the client's own bookkeeping, like `twinkitOrigin`. */
export const WRITE_FIELD = 'twinkitWrite';
export const WRITE_ID_MAX_LENGTH = 64;
export const TRANSLATION_COLLECTIONS = builtIns.filter((definition) => definition.contribution === addsOwnTranslationsOnly).map((definition) => definition.name);

export function validateDocUpdateSource(options: ValidateDocUpdateOptions): string {
  if (!options.space) throw new Error('validateDocUpdateSource needs the space id.');
  if (!MODERATION_MODES.includes(options.moderation)) {
    throw new Error(`"${options.moderation}" is not a moderation mode: use ${MODERATION_MODES.join(', ')}.`);
  }
  const audience = checkedAudience(options.audience);
  const settings = [
    `  var SPACE = ${literal(options.space)};`,
    `  var MODERATION = ${literal(options.moderation)};`,
    `  var UNMODERATED = ${literal(options.unmoderatedCollections ?? UNMODERATED_COLLECTIONS)};`,
    `  var TRANSLATABLE = ${literal(options.translationCollections ?? TRANSLATION_COLLECTIONS)};`,
    `  var STAFF_ONLY = ${literal(STAFF_ONLY_COLLECTIONS)};`,
    `  var PRIVATE = ${literal(PRIVATE_COLLECTIONS)};`,
    `  var VISIBILITY = ${literal(VISIBILITY_COLLECTIONS)};`,
    `  var APPROVAL = ${literal(options.approvalCollections ?? [])};`,
    `  var ARRANGEMENT = ${literal(ARRANGEMENT_FIELDS)};`,
    `  var MODERATOR_FIELDS = ${literal(MODERATOR_FIELDS)};`,
    `  var ATTACHMENT_PREFIX = ${literal(ATTACHMENT_PREFIX)};`,
    `  var ATTACHMENT_NAME = ${literal(ATTACHMENT_NAME)};`,
    `  var FILE_TYPES = ${literal(FILE_TYPES)};`,
    `  var MAX_FILE_BYTES = ${literal(MAX_FILE_BYTES)};`,
    `  var MAX_RECORD_CHARS = ${literal(MAX_RECORD_CHARS)};`,
    `  var ORIGIN_FIELD = ${literal(ORIGIN_FIELD)};`,
    `  var WRITE_FIELD = ${literal(WRITE_FIELD)};`,
    `  var WRITE_ID_MAX = ${literal(WRITE_ID_MAX_LENGTH)};`,
    // Highest first: a user with several roles in the space acts with the highest.
    `  var ROLES = ${literal(ROLES)};`,
    `  var STATUSES = ${literal(RECORD_STATUSES)};`,
    // Null in a space's only database: then none of the audience rules apply.
    `  var AUDIENCE = ${literal(audience ?? null)};`,
    `  var HOME = ${literal(audience ? audienceDatabase(options.space, audience) : null)};`,
    `  var HOME_FIELD = ${literal(HOME_FIELD)};`,
    `  var MOVED_TO_FIELD = ${literal(MOVED_TO_FIELD)};`,
    `  var TOMBSTONE_FIELDS = ${literal([ORIGIN_FIELD, WRITE_FIELD, HOME_FIELD, LINEAGE_FIELD, MOVED_TO_FIELD, MOVED_FROM_FIELD])};`,
    `  var MOVED_FROM_FIELD = ${literal(MOVED_FROM_FIELD)};`,
    `  var LINEAGE_FIELD = ${literal(LINEAGE_FIELD)};`,
    `  var TARGET_AUTHOR_FIELD = ${literal(TARGET_AUTHOR_FIELD)};`,
  ];
  const heading = "  // Twinkit: who may write what in this space (the same policy as the store's).";
  return ['function (newDoc, oldDoc, userCtx, secObj) {', heading, ...settings, AUDIENCE_SOURCE, RULES, '}'].join('\n');
}

/** The rules, after the settings above. ES5 only: `var`, `function`, no arrows or template strings. */
const RULES = String.raw`
  var LOCKED = 'A teacher or moderator hid this record, so its author can no longer change or delete it. Ask a teacher if it should come back.';

  function refuse(message) {
    throw { forbidden: message };
  }
  function has(list, value) {
    for (var i = 0; i < list.length; i++) if (list[i] === value) return true;
    return false;
  }
  // Checked this way, not with instanceof, so that arrays from any context count.
  function isArray(value) {
    return Object.prototype.toString.call(value) === '[object Array]';
  }
  function isObject(value) {
    return value !== null && typeof value === 'object' && !isArray(value);
  }
  // Not value.hasOwnProperty(key): a document may have a field of that name.
  function owns(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }
  // Deep equality that ignores the order of keys: the browser and CouchDB may write them differently.
  function same(a, b) {
    if (a === b) return true;
    if (isArray(a) && isArray(b)) {
      if (a.length !== b.length) return false;
      for (var i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
      return true;
    }
    if (!isObject(a) || !isObject(b)) return false;
    var key;
    for (key in a) if (owns(a, key) && (!owns(b, key) || !same(a[key], b[key]))) return false;
    for (key in b) if (owns(b, key) && !owns(a, key)) return false;
    return true;
  }
  // Keys that change with every write without changing the record: CouchDB's own, the write's origin
  // and id, and in an audience's database where the record lives and came from.
  function isBookkeeping(key) {
    if (AUDIENCE && (key === HOME_FIELD || key === MOVED_FROM_FIELD || key === LINEAGE_FIELD || key === TARGET_AUTHOR_FIELD)) return true;
    return (key.charAt(0) === '_' && key !== '_attachments') || key === ORIGIN_FIELD || key === WRITE_FIELD || key === 'rev';
  }
  // The record's keys that differ between two versions.
  function changedKeys(before, after) {
    var changed = [];
    var key;
    for (key in before) if (owns(before, key) && !isBookkeeping(key) && !(owns(after, key) && same(before[key], after[key]))) changed.push(key);
    for (key in after) if (owns(after, key) && !isBookkeeping(key) && !owns(before, key)) changed.push(key);
    return changed;
  }
  function without(keys, removed) {
    var kept = [];
    for (var i = 0; i < keys.length; i++) if (!has(removed, keys[i])) kept.push(keys[i]);
    return kept;
  }
  // Records no moderator decides on: self-ratings and notes (their author's and the teachers'), and
  // journal entries that are not shared.
  function keepToAuthor(collection, visibility) {
    if (has(PRIVATE, collection)) refuse('This record belongs to its author and the teachers: nobody else can change it.');
    if (has(VISIBILITY, collection) && visibility !== 'space' && visibility !== 'school') {
      refuse('This journal entry is private to its author and the teachers: nobody else can change it or decide on it.');
    }
  }
  // A review note as the store writes it, naming who wrote it.
  function isReview(review) {
    return isObject(review) && isObject(review.by) && typeof review.by.id === 'string';
  }

  // The document without its files and pouchdb-server's revision list, as JSON.
  function checkSize(doc) {
    var body = {};
    for (var key in doc) if (owns(doc, key) && key !== '_attachments' && key !== '_revisions') body[key] = doc[key];
    if (JSON.stringify(body).length > MAX_RECORD_CHARS) refuse('This record is too large: at most ' + MAX_RECORD_CHARS + ' characters of JSON.');
  }
  // Bytes of a file as written: the stub's length (CouchDB), the base64 data inline, or the raw data
  // pouchdb-server hands over for a standalone attachment upload.
  function fileSize(file) {
    if (typeof file.length === 'number') return file.length;
    if (typeof file.data === 'string') {
      var data = file.data.replace(/\s/g, '');
      var padding = data.charAt(data.length - 1) === '=' ? (data.charAt(data.length - 2) === '=' ? 2 : 1) : 0;
      return Math.floor(data.length / 4) * 3 - padding;
    }
    if (file.data && typeof file.data.length === 'number') return file.data.length;
    return -1;
  }
  // Only the types the widgets accept, by declared type: served from the school's origin, an HTML
  // or SVG file could run as a page.
  function checkFiles(files) {
    if (files === undefined) return;
    if (!isObject(files)) refuse('A file document holds its file in _attachments.');
    for (var key in files) {
      if (!owns(files, key)) continue;
      if (key !== ATTACHMENT_NAME) refuse('A file document holds one file, named "' + ATTACHMENT_NAME + '".');
      var file = files[key];
      var type = isObject(file) && typeof file.content_type === 'string' ? file.content_type.split(';')[0].replace(/\s/g, '').toLowerCase() : '';
      if (!has(FILE_TYPES, type)) refuse('This type of file is not accepted (' + (type || 'no type') + '): pictures (PNG, JPEG, GIF, WebP), sound, video, PDF and office documents only.');
      var size = fileSize(file);
      if (size < 0) refuse('The size of this file is unknown, so it is not accepted.');
      if (size > MAX_FILE_BYTES) refuse('This file is too large: at most ' + MAX_FILE_BYTES / 1048576 + ' MB.');
    }
  }

  var name = userCtx && userCtx.name;
  var userRoles = (userCtx && userCtx.roles) || [];
  var admins = (secObj && secObj.admins) || {};
  var adminRoles = admins.roles || [];
  // Server admins (and database admins, if a school names any) are trusted: restores, repairs, replication.
  // Replication writes (new_edits=false) come as they were on the other server: another branch than
  // oldDoc, anyone's author, tombstones. Refusing one would leave the two servers different for good.
  if (has(userRoles, '_admin') || has(userRoles, '_replicator') || (name && has(admins.names || [], name))) return;
  for (var r = 0; r < adminRoles.length; r++) if (has(userRoles, adminRoles[r])) return;

  var docId = String(newDoc._id);
  if (docId.indexOf('_design/') === 0) refuse('Only a server administrator can change the design document of this space.');
  if (!name) throw { unauthorized: 'Please sign in to change anything in this space.' };

  // The user's role here: the highest of their roles named twinkit.<space>.<role>.
  var role = null;
  for (var i = 0; i < ROLES.length && !role; i++) if (has(userRoles, 'twinkit.' + SPACE + '.' + ROLES[i])) role = ROLES[i];
  if (!role) refuse('You are not a member of this space, so you cannot change anything in it.');
  if (role === 'observer') refuse('Observers can read this space but cannot change anything in it.');
  if (owns(newDoc, WRITE_FIELD) && !(typeof newDoc[WRITE_FIELD] === 'string' && newDoc[WRITE_FIELD].length <= WRITE_ID_MAX)) {
    refuse('The write id (' + WRITE_FIELD + ') must be a string of at most ' + WRITE_ID_MAX + ' characters.');
  }
  // A deletion carries no new content (everyone who reads the database reads its tombstone too):
  // CouchDB's fields, the bookkeeping of the write (who sent it, where a moved record went), and
  // what the deleted version held already (pouchdb-server's DELETE keeps the body).
  if (newDoc._deleted === true) {
    var deletedVersion = oldDoc && !oldDoc._deleted ? oldDoc : {};
    for (var field in newDoc) {
      if (!owns(newDoc, field) || field.charAt(0) === '_' || has(TOMBSTONE_FIELDS, field)) continue;
      if (!owns(deletedVersion, field) || !same(deletedVersion[field], newDoc[field])) refuse('A deletion carries no content: "' + field + '" cannot be stored on it.');
    }
  }
  if (newDoc._deleted !== true) {
    checkSize(newDoc);
    if (docId.indexOf(ATTACHMENT_PREFIX) === 0) checkFiles(newDoc._attachments);
    else if (newDoc._attachments !== undefined) refuse('Records cannot carry files: a file is stored on its own, as "' + ATTACHMENT_PREFIX + '<id>".');
  }
  // In an audience's database, every live record and file says it was written here (a reading room
  // gathers several databases), and the revisions it had before a move are a whole number.
  if (AUDIENCE) {
    if (newDoc._deleted !== true && newDoc[HOME_FIELD] !== HOME) refuse('This database is "' + HOME + '": a record or file written to it must name it in ' + HOME_FIELD + '.');
    var lineage = newDoc[LINEAGE_FIELD];
    if (owns(newDoc, LINEAGE_FIELD) && !(typeof lineage === 'number' && lineage >= 0 && Math.floor(lineage) === lineage && isFinite(lineage))) {
      refuse('The lineage (' + LINEAGE_FIELD + ') must be a whole number, 0 or more.');
    }
    if (newDoc._deleted !== true && owns(newDoc, MOVED_FROM_FIELD) && typeof newDoc[MOVED_FROM_FIELD] !== 'string') {
      refuse('Where a record moved from (' + MOVED_FROM_FIELD + ') must be the name of a database.');
    }
  }
  var staff = role === 'admin' || role === 'teacher';
  // As initialStatus: under moderation, pupils' records (or everyone's but staff's) wait for approval;
  // pupils' records of an approval collection (journal feedback, when teachers approve it) always do.
  var needsApproval = !staff && (MODERATION === 'all' || (MODERATION === 'pupils' && role === 'pupil'));
  if (role === 'pupil' && has(APPROVAL, String(newDoc.collection))) needsApproval = true;

  var deleting = newDoc._deleted === true;
  // A deleted document is no document: writing over its tombstone creates a new one.
  var stored = oldDoc && !oldDoc._deleted ? oldDoc : null;
  // Over a tombstone, staff may bring back anyone's record or file (undoing a delete, or an edit that
  // crossed a delete on another device). pouchdb-server passes no oldDoc for a deleted document, so a
  // write naming a revision of a document it has no live version of is over a tombstone too.
  var restoring = staff && !deleting && !stored && (oldDoc ? oldDoc._deleted === true : typeof newDoc._rev === 'string');

  // Files: any member uploads in their own name; only the uploader or staff change or delete them.
  if (docId.indexOf(ATTACHMENT_PREFIX) === 0) {
    if (!stored) {
      // A file that follows its record to a new database keeps its uploader, when whoever moves
      // the record may (staff, a moderator): the uploader can still remove it from their record.
      var followsRecord = AUDIENCE && (staff || role === 'moderator') && typeof newDoc[MOVED_FROM_FIELD] === 'string' && typeof newDoc.owner === 'string';
      if (!deleting && !restoring && !followsRecord && newDoc.owner !== name) refuse('A file must be uploaded in your own name: its owner must be "' + name + '".');
      return;
    }
    // A file follows the records that use it: a moderator who moves a record (hides it, say) takes
    // its files out of the old audience's database too, with a tombstone naming the new audience.
    var followsMove = AUDIENCE && deleting && role === 'moderator' && isObject(newDoc[MOVED_TO_FIELD]) && typeof newDoc[MOVED_TO_FIELD].kind === 'string';
    if (stored.owner !== name && !staff && !followsMove) refuse('Only the person who uploaded this file, or a teacher, can change or delete it.');
    if (!deleting && newDoc.owner !== stored.owner) refuse('Nobody can change who uploaded a file.');
    return;
  }

  // Records: the document id is "<collection>:<id>".
  var colon = docId.indexOf(':');
  if (colon <= 0 || colon === docId.length - 1) {
    refuse('This database holds only Twinkit records and files: a document id must be a collection and a record id joined by a colon.');
  }
  var collection = docId.slice(0, colon);
  var storedAuthor = stored && isObject(stored.author) ? stored.author.id : undefined;
  var own = storedAuthor === name;

  // Feedback delivered only with its target (journal feedback) sits with the target's readers.
  var followsTarget = AUDIENCE && owns(AUDIENCE_RULES, collection) && AUDIENCE_RULES[collection].followsTarget === true;

  if (deleting) {
    // A move out (its audience changed): by its author, staff, or a moderator deciding on it.
    if (AUDIENCE && owns(newDoc, MOVED_TO_FIELD)) {
      var to = newDoc[MOVED_TO_FIELD];
      if (!isObject(to) || typeof to.kind !== 'string') refuse('A record moved out of this database names the audience it moved to: ' + MOVED_TO_FIELD + ' must be an object with a kind.');
      if (!stored || staff) return;
      if (own) {
        if (stored.status === 'hidden') refuse(LOCKED);
        return;
      }
      // Following the entry it is on to fewer readers: the entry's author (as the feedback says)
      // takes it into her own database, narrower than any she may write to.
      if (followsTarget && stored[TARGET_AUTHOR_FIELD] === name && to.kind === 'person' && to.person === name) return;
      if (role !== 'moderator') refuse('Only its author, a teacher or a moderator can move a record to another database.');
      keepToAuthor(collection, stored.visibility);
      if (stored.status === 'hidden') refuse('Only a teacher or an admin can bring back a hidden record.');
      return;
    }
    if (!stored || staff) return;
    if (!own) refuse('You can delete only your own records.');
    if (stored.status === 'hidden') refuse(LOCKED);
    return;
  }

  // Every version of a record must be whole and belong here, whoever writes it.
  if (newDoc.space !== SPACE) refuse('This record does not belong to this space: its space must be "' + SPACE + '".');
  if (typeof newDoc.collection !== 'string' || typeof newDoc.id !== 'string' || newDoc.collection.indexOf(':') !== -1 || newDoc.collection + ':' + newDoc.id !== docId) {
    refuse('A record\'s document id must be its collection and its id joined by a colon, and its collection may not contain a colon.');
  }
  if (!isObject(newDoc.author) || typeof newDoc.author.id !== 'string') refuse('A record must name its author.');
  if (!has(STATUSES, newDoc.status)) refuse('A record\'s status must be published, pending or hidden.');

  // In an audience's database, only the records its members may all read, and no one else may.
  if (AUDIENCE) {
    var rules = owns(AUDIENCE_RULES, collection) ? AUDIENCE_RULES[collection] : {};
    var readers = recordAudience(newDoc, rules);
    if (rules.followsTarget && !within(AUDIENCE, readers)) {
      refuse('This record is for ' + audienceText(readers) + ' at most, and this database is for ' + audienceText(AUDIENCE) + ': write it to the database of its audience.');
    }
    if (!rules.followsTarget && !sameAudience(readers, AUDIENCE)) {
      refuse('This record is for ' + audienceText(readers) + ', and this database is for ' + audienceText(AUDIENCE) + ': write it to the database of its audience.');
    }
  }

  // The store's moderatorFields (only moderators and staff pin a post) and arrangementFields (a move keeps the status).
  var moderatorOnly = owns(MODERATOR_FIELDS, newDoc.collection) ? MODERATOR_FIELDS[newDoc.collection] : [];
  var keepsStatus = moderatorOnly.concat(owns(ARRANGEMENT, newDoc.collection) ? ARRANGEMENT[newDoc.collection] : []);
  // The store raises a record's schema version on any edit: not content.
  if (keepsStatus.length) keepsStatus.push('schemaVersion');

  if (!stored) {
    // An arrival (a record moved here from another audience's database) in someone else's name
    // is a decision on it: staff's, or a moderator's on a record they may decide on.
    var arrival = AUDIENCE !== null && typeof newDoc[MOVED_FROM_FIELD] === 'string';
    if (arrival && newDoc.author.id !== name) {
      if (staff) return;
      // Feedback following the entry it is on, which its author gave fewer readers: into her own
      // database only (within the feedback's own audience, checked above), where a forgery would
      // reach nobody but her and the teachers.
      if (followsTarget && role !== 'moderator' && AUDIENCE.kind === 'person' && AUDIENCE.person === name && newDoc[TARGET_AUTHOR_FIELD] === name) return;
      if (role !== 'moderator') refuse('Only teachers and moderators can move someone else\'s record here: you can create records only in your own name.');
      keepToAuthor(collection, newDoc.visibility);
      if (newDoc.review !== undefined && !isReview(newDoc.review)) refuse('A review note must name who wrote it (by.id).');
      return;
    }
    if (newDoc.author.id !== name && !restoring) refuse('You can create records only in your own name: the author id must be "' + name + '".');
    if (staff) return;
    if (has(STAFF_ONLY, newDoc.collection)) {
      refuse('Only teachers can add ' + newDoc.collection + ' records: the project plan (phases, activities, learning goals, settings), the journal\'s prompt sets, notes and settings, and the board\'s sections and settings are theirs.');
    }
    for (var f = 0; f < moderatorOnly.length; f++) {
      if (role !== 'moderator' && owns(newDoc, moderatorOnly[f])) refuse('Only teachers and moderators can set ' + moderatorOnly[f] + ' on ' + newDoc.collection + ' records.');
    }
    // One's own record arriving is a new record, except that it keeps its review note, and that a
    // moderator may hide their own (as they may where it was).
    if (newDoc.review !== undefined && !arrival) refuse('A new record cannot carry a review note: teachers and moderators add one when they decide on it.');
    if (newDoc.review !== undefined && !isReview(newDoc.review)) refuse('A review note must name who wrote it (by.id).');
    if (newDoc.status === 'hidden' && !(arrival && role === 'moderator')) refuse('A new record cannot be hidden.');
    // A stricter status than the space asks for (pending) is always accepted.
    if (newDoc.status === 'published' && needsApproval && !has(UNMODERATED, newDoc.collection)) {
      refuse('In this space your new records wait for approval: save it as pending, and a teacher or moderator will publish it.');
    }
    return;
  }

  if (!same(newDoc.author, stored.author)) refuse('Nobody can change who wrote a record.');
  if (newDoc.createdAt !== stored.createdAt) refuse('Nobody can change when a record was created.');
  if (staff) return;

  var changed = changedKeys(stored, newDoc);
  // What a moderation decision may change: the status, its note and the time.
  var content = without(changed, ['status', 'review', 'updatedAt']);
  var reviewChanged = has(changed, 'review');
  var reviewSigned = newDoc.review === undefined || (isObject(newDoc.review) && isObject(newDoc.review.by) && newDoc.review.by.id === name);
  for (var c = 0; c < moderatorOnly.length; c++) {
    if (role !== 'moderator' && has(changed, moderatorOnly[c])) refuse('Only teachers and moderators can change ' + moderatorOnly[c] + ' on ' + newDoc.collection + ' records.');
  }

  if (own) {
    if (stored.status === 'hidden') refuse(LOCKED);
    if (reviewChanged && (role !== 'moderator' || content.length > 0)) refuse('Only a teacher or moderator can write a review note, when they decide on a record.');
    if (reviewChanged && !reviewSigned) refuse('A review note must be signed with your own user id.');
    if (newDoc.status === 'hidden' && role !== 'moderator') refuse('Only teachers and moderators can hide a record.');
    if (newDoc.status === 'published' && stored.status !== 'published') {
      refuse('Your record is waiting for approval: a teacher or moderator publishes it, not its author.');
    }
    if (newDoc.status === 'published' && needsApproval && without(content, keepsStatus).length > 0 && !has(UNMODERATED, newDoc.collection)) {
      refuse('In this space your changes wait for approval: save the edited record as pending, and a teacher or moderator will publish it.');
    }
    return;
  }

  keepToAuthor(collection, stored.visibility);
  // Someone else's record: a moderator's decision on it (or pin)...
  if (role === 'moderator' && without(content, moderatorOnly).length === 0) {
    if (stored.status === 'hidden' && newDoc.status !== 'hidden') refuse('Only a teacher or an admin can bring back a hidden record.');
    if (reviewChanged && !reviewSigned) refuse('A review note must be signed with your own user id.');
    return;
  }
  if (content.length === 0 && role === 'pupil' && (has(changed, 'status') || reviewChanged)) refuse('Only teachers and moderators can approve or hide records.');

  // ...or a partner's missing language, added to a published record and signed with their id.
  if (has(TRANSLATABLE, newDoc.collection) && has(content, 'translations') && without(changed, ['translations', 'updatedAt', 'schemaVersion']).length === 0) {
    var before = isObject(stored.translations) ? stored.translations : {};
    var after = isObject(newDoc.translations) ? newDoc.translations : {};
    var lang;
    for (lang in before) {
      if (owns(before, lang) && !(owns(after, lang) && same(before[lang], after[lang]))) {
        refuse('You can add a missing language to someone else\'s entry, but not change or remove the languages it already has.');
      }
    }
    for (lang in after) {
      if (owns(after, lang) && !owns(before, lang) && !(isObject(after[lang]) && isObject(after[lang].addedBy) && after[lang].addedBy.id === name)) {
        refuse('A language you add to someone else\'s entry must be signed with your own user id (addedBy).');
      }
    }
    if (stored.status !== 'published') refuse('Languages can be added only to published entries.');
    if (needsApproval) refuse('In this space your writing waits for approval, so you cannot add to someone else\'s entry directly. Suggest it in a comment instead.');
    return;
  }

  refuse(role === 'moderator'
    ? 'You can change only your own records. On other people\'s records, moderators can change only the status and the review note.'
    : 'You can change only your own records.');`;
