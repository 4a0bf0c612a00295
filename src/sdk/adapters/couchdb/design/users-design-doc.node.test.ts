import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';
import { transformSync } from 'esbuild';
import { usersDesignDoc, type UsersRulesOptions } from './users-design-doc.js';

/** The `_users` rules as the server runs them: source text in an empty context. */
type Doc = Record<string, unknown>;
function attempt(options: UsersRulesOptions, user: unknown, doc: Doc, old: Doc | null = null): string {
  const validate = runInNewContext(`(${usersDesignDoc(options).validate_doc_update})`, Object.create(null));
  try {
    validate(JSON.parse(JSON.stringify(doc)), old && JSON.parse(JSON.stringify(old)), user);
    return 'ok';
  } catch (error) {
    const thrown = error as { forbidden?: string; unauthorized?: string };
    return thrown.forbidden ?? thrown.unauthorized ?? String(error);
  }
}

const pia = { _id: 'org.couchdb.user:pia', _rev: '1-a', name: 'pia', type: 'user', roles: ['twinkit.coasts.pupil'], displayName: 'Pia', password_scheme: 'pbkdf2', iterations: 10, salt: 's', derived_key: 'k' };
const asPia = { name: 'pia', roles: ['twinkit.coasts.pupil'] };
/** pouchdb-server 4.2 on a request to the user's own document. */
const asPiaPromoted = { name: 'pia', roles: ['twinkit.coasts.pupil', '_admin'] };
const admin = { name: 'admin', roles: ['_admin'] };
const POUCH = { adminNames: ['admin'] };

describe('the _users rules', () => {
  it('are ES5 source beginning with function', () => {
    const source = usersDesignDoc().validate_doc_update;
    assert.match(source, /^function \(newDoc, oldDoc, userCtx\) \{/);
    const wrapped = `(${source});`;
    assert.equal(transformSync(wrapped, { target: 'es5', loader: 'js' }).code, transformSync(wrapped, { target: 'esnext', loader: 'js' }).code);
  });

  it('let a user change only their own password', () => {
    for (const options of [{}, POUCH]) {
      assert.equal(attempt(options, asPia, { ...pia, password: 'new' }, pia), 'ok');
      assert.equal(attempt(options, asPia, { ...pia, salt: 't', derived_key: 'l', pbkdf2_prf: 'sha256' }, pia), 'ok');
      assert.match(attempt(options, asPia, { ...pia, roles: ['twinkit.coasts.pupil', 'twinkit.coasts.teacher'] }, pia), /only your password/);
      assert.match(attempt(options, asPia, { ...pia, roles: [] }, pia), /only your password/);
      assert.match(attempt(options, asPia, { ...pia, name: 'tom' }, pia), /only your password/);
      assert.match(attempt(options, asPia, { ...pia, displayName: 'Teacher Pia' }, pia), /only your password/);
      assert.match(attempt(options, asPia, { ...pia, admin: true }, pia), /only your password/);
      assert.match(attempt(options, asPia, { _id: pia._id, _rev: pia._rev, _deleted: true }, pia), /Only a server admin can remove/);
      assert.match(attempt(options, { name: 'kasia', roles: [] }, { ...pia, password: 'x' }, pia), /only your own user document/);
      assert.match(attempt(options, { name: null, roles: [] }, { ...pia, password: 'x' }, pia), /sign in/);
    }
  });

  it('on pouchdb-server, trust _admin only for the server admins by name', () => {
    assert.match(attempt(POUCH, asPiaPromoted, { ...pia, roles: ['twinkit.coasts.admin'] }, pia), /only your password/);
    const eve = { _id: 'org.couchdb.user:eve', name: 'eve', type: 'user', roles: ['twinkit.coasts.admin'] };
    assert.match(attempt(POUCH, asPiaPromoted, eve), /Sign-up is closed/);
    assert.equal(attempt(POUCH, admin, eve), 'ok');
    assert.equal(attempt(POUCH, admin, { ...pia, roles: ['twinkit.coasts.teacher'] }, pia), 'ok');
    // On CouchDB 3 the role is the server's word.
    assert.equal(attempt({}, { name: 'ops', roles: ['_admin'] }, eve), 'ok');
  });

  it('close sign-up unless asked, and then give a new user no roles', () => {
    const newcomer = { _id: 'org.couchdb.user:nel', name: 'nel', type: 'user', roles: [], password: 'p' };
    assert.match(attempt(POUCH, { name: null, roles: [] }, newcomer), /Sign-up is closed/);
    assert.equal(attempt({ ...POUCH, allowSignup: true }, { name: null, roles: [] }, newcomer), 'ok');
    assert.match(attempt({ ...POUCH, allowSignup: true }, { name: null, roles: [] }, { ...newcomer, roles: ['twinkit.coasts.admin'] }), /no roles/);
    assert.match(attempt({ ...POUCH, allowSignup: true }, { name: null, roles: [] }, { ...newcomer, _id: 'org.couchdb.user:admin', name: 'admin' }), /server admin/);
    // A deleted user is no user: coming back is a sign-up.
    assert.match(attempt(POUCH, { name: null, roles: [] }, newcomer, { _id: newcomer._id, _rev: '2-d', _deleted: true }), /Sign-up is closed/);
  });
});
