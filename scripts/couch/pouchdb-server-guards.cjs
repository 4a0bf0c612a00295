// Loaded into pouchdb-server with `node --require` (scripts/couch/start-couch-server.mjs does it).
// It closes holes of pouchdb-server 4.2 that Apache CouchDB does not have. Each was shown over plain
// HTTP (src/sdk/adapters/couchdb/server-endpoints.node.test.ts tries them all):
//  1. `_find`, `_explain` and `_index` skip the database's `_security` (pouchdb-find is added to
//     the databases after pouchdb-security has wrapped their methods): anyone, signed in or not,
//     could read every document of every database. They are left to server admins; Twinkit does
//     not use them.
//  2. A user's request to their own `_users` document counts as a server admin's (express-pouchdb
//     adds `_admin` to the request's roles), and the body's `_id` (or `?id=`, a multipart part, a
//     COPY's Destination) wins over the address's: through her own document she wrote any document
//     of `_users`, design documents included (which skip every validate_doc_update, and whose
//     `_update` functions then read every user's password hash to anyone), and `_local/_security`.
//     Writes to `_users` with `new_edits=false`, and `_bulk_docs` there, are refused to everyone
//     (the setup writes users one by one); anyone but a server admin may only read, write (with the
//     body's `_id`, if any, the address's, and JSON only) or delete one user document by its address.
//  3. `_bulk_get` passes no user to the database (express-pouchdb forgets it there), which then
//     counts the request as a server admin's: anyone read every document of every database, `_users`
//     included. Here it gets the signed-in user; and any request to a database whose `_security`
//     names members is refused to everyone else (401, as pouchdb-security answers), before any
//     route runs, as CouchDB does: no endpoint, known or not, answers a non-member.
//  4. `_security` is kept in the document `_local/_security`, which members could write or delete
//     like any local document (PUT, DELETE, `_bulk_docs`, COPY): a member made herself the
//     database's admin (then wrote design documents) or let anyone in. Only server admins write it.
//  5. `/_replicate` checks that the caller may read the source, not that she may write the target,
//     and writes without the target's `_security` or validate_doc_update; a `_replicator` document
//     does the same (and a failing one stopped the server). A member of one database copied it into
//     any other. Both are left to server admins (the replicated-pair script is one).
//  6. `/_config`, `/_log`, `/_active_tasks`, `/_db_updates` are checked for a server admin before
//     `/_node/node1@127.0.0.1/…` is rewritten to them: through that address anyone read the
//     configuration (the admins' password hashes, the session secret) and wrote it (made herself a
//     server admin). Now checked after every rewrite. `/_all_dbs` too is left to server admins, as
//     on CouchDB 3: the names of the databases name people and schools.
//  7. Requests that stopped the whole server: `PUT /<new database>` and `DELETE /<database>` by
//     anyone but a server admin (refused, then the refusal thrown again), and `_changes?filter=`
//     naming a filter or view that does not exist (or `_selector`, which pouchdb-server does not
//     have). They are answered (401/403, 400 or 404) instead.
'use strict';
const { dirname, join } = require('node:path');

const expressPouchDB = dirname(require.resolve('express-pouchdb/package.json', { paths: [dirname(require.resolve('pouchdb-server/package.json'))] }));
/** A module as express-pouchdb loads it (the same copy). */
const fromExpressPouchDB = (id) => require(require.resolve(id, { paths: [expressPouchDB] }));
const utils = require(join(expressPouchDB, 'lib', 'utils'));
const Security = fromExpressPouchDB('pouchdb-security');
const wrappers = fromExpressPouchDB('pouchdb-wrappers');

const SECURITY_DOC = '_local/_security';

function refuse(res, status, reason) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ error: { 400: 'bad_request', 401: 'unauthorized', 404: 'not_found' }[status] || 'forbidden', reason }));
}

/** Replaces a route module of express-pouchdb with one that registers `guard` first. */
function guardRoutes(file, guard) {
  const path = require.resolve(join(expressPouchDB, 'lib', 'routes', file));
  const original = require(path);
  require.cache[path].exports = function (app) {
    guard(app);
    original(app);
  };
}

const isServerAdmin = (req) => !!req.couchSession && req.couchSession.userCtx.roles.indexOf('_admin') !== -1;
const signedIn = (req) => !!(req.couchSession && req.couchSession.userCtx.name);
/** 401 for someone not signed in, 403 for a user who is. */
const refuseUser = (req, res, reason) => refuse(res, signedIn(req) ? 403 : 401, reason);
const serverAdminOnly = (reason) => (req, res, next) => (isServerAdmin(req) ? next() : refuseUser(req, res, reason));

/** As pouchdb-security decides: a database admin, or a member (everyone when `members` names nobody). */
function isMember(userCtx, security) {
  const section = (part) => ({ names: (part && part.names) || [], roles: (part && part.roles) || [] });
  const within = (part) => part.names.indexOf(userCtx.name) !== -1 || part.roles.some((role) => userCtx.roles.indexOf(role) !== -1);
  const admins = section(security && security.admins);
  const members = section(security && security.members);
  return within(admins) || members.names.length + members.roles.length === 0 || within(members);
}

/** An error the routes answer as `{ error: name, reason: message }` with `status`. */
function refusal(status, name, message) {
  return Object.assign(new Error(message), { status, name, message });
}

// Registered after every rewrite (vhosts, `/_node/node1@127.0.0.1/…`, `_rewrite`): `routes/root`
// is the first route module after them.
guardRoutes('root', (app) => {
  const reason = 'Only a server admin may use this on this server.';
  for (const path of ['/_config', '/_log', '/_active_tasks', '/_db_updates', '/_restart', '/_all_dbs', '/_replicate', '/_replicator']) {
    app.use(path, serverAdminOnly(reason));
  }
  app.put('/:db', serverAdminOnly('Only a server admin may create a database.'));
  const deleteDatabase = serverAdminOnly('Only a server admin may delete a database.');
  app.delete('/:db', (req, res, next) => (req.params.db === '_session' ? next() : deleteDatabase(req, res, next)));
});

// Registered before every document route: `routes/db` comes first among them.
guardRoutes('db', (app) => {
  app.use('/_users', (req, res, next) => {
    const write = req.method !== 'GET' && req.method !== 'HEAD';
    const replicated = req.query && (req.query.new_edits === false || req.query.new_edits === 'false');
    if (write && (replicated || /^\/_bulk_docs\/?$/.test(req.path))) return refuse(res, 403, 'This server does not take replicated or bulk writes to _users: write one user document at a time.');
    next();
  });
  app.use('/_users', (req, res, next) => (isServerAdmin(req) || req.method !== 'PUT' ? next() : utils.jsonParser(req, res, next)), (req, res, next) => {
    if (isServerAdmin(req)) return next();
    const refused = () => refuseUser(req, res, 'On this server, users read and write only one user document at a time, by its address.');
    // One user document by its address: `/_users/<id>`, no attachment, no design or local document.
    const match = /^\/([^/]+)$/.exec(req.path);
    if (!match || ['GET', 'HEAD', 'PUT', 'DELETE'].indexOf(req.method) === -1) return refused();
    let id;
    try {
      id = decodeURIComponent(match[1]);
    } catch {
      return refused();
    }
    if (id.charAt(0) === '_') return refused();
    if (req.method === 'PUT') {
      const body = req.body;
      const json = /^application\/json\b/i.test(String(req.headers['content-type'] || ''));
      if (!json || !body || typeof body !== 'object' || Array.isArray(body)) return refused();
      if ((body._id !== undefined && body._id !== id) || (req.query.id !== undefined && req.query.id !== id)) return refused();
    }
    next();
  });

  // Everyone but a server admin, in every database: a member, or nothing. The database is found as
  // express-pouchdb's next middleware finds it (it answers 404 no_db_file the same way).
  app.all(['/:db', '/:db/*'], (req, res, next) => {
    if (isServerAdmin(req)) return next();
    utils.setDBOnReq(req.params.db, app.dbWrapper, req, res, () => {
      Security.getSecurity.call(req.db).then(
        (security) => (isMember(req.couchSession.userCtx, security) ? next() : refuse(res, 401, 'You are not authorized to access this db.')),
        (failure) => utils.sendError(res, failure),
      );
    });
  });

  // _bulk_get as the signed-in user, whatever the body or the query say (behind the check above, so
  // that the database's own checks, `_users`' included, see who asks).
  app.post('/:db/_bulk_get', utils.jsonParser, (req, res, next) => {
    delete req.query.userCtx;
    delete req.query.secObj;
    if (req.body && typeof req.body === 'object' && !Array.isArray(req.body)) {
      delete req.body.secObj;
      req.body.userCtx = req.couchSession.userCtx;
    }
    next();
  });

  // Only filters the server has: a missing one is answered 404 and then stops the process.
  app.all('/:db/_changes', (req, res, next) => (req.method === 'POST' ? utils.jsonParser(req, res, next) : next()), (req, res, next) => {
    const filter = req.query.filter;
    if (filter === undefined || filter === '' || isServerAdmin(req)) return next();
    const bad = (reason) => refuse(res, 400, reason);
    if (filter === '_doc_ids') return Array.isArray(req.query.doc_ids) || Array.isArray(req.body && req.body.doc_ids) ? next() : bad('filter=_doc_ids needs doc_ids.');
    const named = filter === '_view' ? req.query.view : filter;
    const parts = typeof named === 'string' ? named.split('/') : [];
    if (parts.length !== 2 || !parts[0] || !parts[1]) return bad(`No such filter on this server: ${JSON.stringify(filter)}.`);
    req.db.get(`_design/${parts[0]}`).then(
      (ddoc) => {
        const found = filter === '_view' ? ddoc.views && ddoc.views[parts[1]] && ddoc.views[parts[1]].map : ddoc.filters && ddoc.filters[parts[1]];
        return found ? next() : refuse(res, 404, `No ${filter === '_view' ? 'view' : 'filter'} ${named} in this database.`);
      },
      () => refuse(res, 404, `No design document _design/${parts[0]} in this database.`),
    );
  });

  // `_security` as a document: server admins only (putSecurity writes it with no user, as the server).
  const trusted = (options) => !options || !options.userCtx || options.userCtx.roles.indexOf('_admin') !== -1;
  const securityDocRefused = () => Promise.reject(refusal(403, 'forbidden', `Only a server admin may change ${SECURITY_DOC}: use PUT _security.`));
  const touches = (doc) => !!doc && doc._id === SECURITY_DOC;
  const oneDoc = (original, args) => (touches(args.doc) && !trusted(args.options) ? securityDocRefused() : original());
  const byId = (original, args) => (args.docId === SECURITY_DOC && !trusted(args.options) ? securityDocRefused() : original());
  const guards = {
    put: oneDoc,
    post: oneDoc,
    remove: oneDoc,
    bulkDocs: (original, args) => ((args.docs || []).some(touches) && !trusted(args.options) ? securityDocRefused() : original()),
    putAttachment: byId,
    removeAttachment: byId,
  };
  app.dbWrapper.registerWrapper((name, db, next) => {
    wrappers.installWrapperMethods(db, guards);
    return next();
  });
});

guardRoutes('find', (app) => {
  const adminOnly = serverAdminOnly('Queries (_find, _explain, _index) are for server admins on this server.');
  app.all('/:db/_find', adminOnly);
  app.all('/:db/_explain', adminOnly);
  app.all('/:db/_index', adminOnly);
  app.all('/:db/_index/*', adminOnly);
});
