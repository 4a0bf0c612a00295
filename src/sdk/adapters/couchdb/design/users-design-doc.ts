/**
 * A design document for `_users`: a user changes only their own password; roles, names and new
 * users come from a server admin. Apache CouchDB already refuses role edits by the user; pouchdb-server
 * 4.2 does not (it counts a user as `_admin` on requests to their own user document), so there the
 * setup names the server's admins and only they are trusted. Sign-up is closed unless the admin opens
 * it, and then a new user has no roles.
 *
 * ES5 source text beginning with `function`, as the space's `validate_doc_update` (see there why).
 */
export const USERS_DESIGN_DOC_ID = '_design/twinkit-users';

export interface UsersRulesOptions {
  /** Anyone may create a user, with no roles. Default: closed. */
  allowSignup?: boolean;
  /** Trust `_admin` only for these names (pouchdb-server); undefined trusts the role (CouchDB 3). */
  adminNames?: readonly string[];
}

export interface UsersDesignDoc {
  _id: typeof USERS_DESIGN_DOC_ID;
  language: 'javascript';
  validate_doc_update: string;
}

/** What a user may change in their own document: CouchDB and pouchdb-server hash `password` into the rest. */
export const PASSWORD_FIELDS = ['password', 'password_scheme', 'iterations', 'derived_key', 'salt', 'pbkdf2_prf', 'password_sha'] as const;

export function usersDesignDoc(options: UsersRulesOptions = {}): UsersDesignDoc {
  const settings = [
    `  var ALLOW_SIGNUP = ${options.allowSignup === true};`,
    `  var ADMIN_NAMES = ${JSON.stringify(options.adminNames ?? null)};`,
    `  var PASSWORD_FIELDS = ${JSON.stringify(PASSWORD_FIELDS)};`,
  ];
  return {
    _id: USERS_DESIGN_DOC_ID,
    language: 'javascript',
    validate_doc_update: ['function (newDoc, oldDoc, userCtx) {', ...settings, RULES, '}'].join('\n'),
  };
}

const RULES = String.raw`
  function refuse(message) {
    throw { forbidden: message };
  }
  function has(list, value) {
    for (var i = 0; i < list.length; i++) if (list[i] === value) return true;
    return false;
  }
  function owns(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }
  function same(a, b) {
    return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
  }
  // Key order differs between servers and clients: compare with keys sorted.
  function sorted(value) {
    if (value === null || typeof value !== 'object') return value;
    if (Object.prototype.toString.call(value) === '[object Array]') {
      var list = [];
      for (var i = 0; i < value.length; i++) list.push(sorted(value[i]));
      return list;
    }
    var keys = [];
    for (var key in value) if (owns(value, key)) keys.push(key);
    keys.sort();
    var out = {};
    for (var k = 0; k < keys.length; k++) out[keys[k]] = sorted(value[keys[k]]);
    return out;
  }
  // The server's own bookkeeping, and the password, which the server hashes.
  function mayChange(key) {
    return key === '_id' || key === '_rev' || key === '_revisions' || has(PASSWORD_FIELDS, key);
  }

  var name = (userCtx && userCtx.name) || null;
  var roles = (userCtx && userCtx.roles) || [];
  if (has(roles, '_admin') && (ADMIN_NAMES === null || has(ADMIN_NAMES, name))) return;

  var stored = oldDoc && !oldDoc._deleted ? oldDoc : null;
  if (newDoc._deleted === true) refuse('Only a server admin can remove a user.');
  if (!stored) {
    if (!ALLOW_SIGNUP) refuse('Sign-up is closed on this server: a school admin adds people.');
    if (Object.prototype.toString.call(newDoc.roles) !== '[object Array]' || newDoc.roles.length > 0) refuse('A new user starts with no roles: a school admin gives them.');
    if (ADMIN_NAMES !== null && has(ADMIN_NAMES, newDoc.name)) refuse('This name belongs to a server admin.');
    if (newDoc._attachments !== undefined) refuse('A user document holds no files.');
    return;
  }
  if (!name) throw { unauthorized: 'Please sign in to change your password.' };
  if (stored.name !== name) refuse('You can change only your own user document.');
  var key;
  for (key in stored) {
    if (owns(stored, key) && !mayChange(key) && !(owns(newDoc, key) && same(stored[key], newDoc[key]))) refuse('You can change only your password: your name and roles are set by a school admin.');
  }
  for (key in newDoc) {
    if (owns(newDoc, key) && !mayChange(key) && !owns(stored, key)) refuse('You can change only your password: your name and roles are set by a school admin.');
  }`;
