// Loaded into pouchdb-server with `node --require` (scripts/couch/start-couch-server.mjs does it).
// It closes two holes of pouchdb-server 4.2 that Apache CouchDB does not have:
//  1. `_find`, `_explain` and `_index` skip the database's `_security` (pouchdb-find is added to
//     the databases after pouchdb-security has wrapped their methods): anyone, signed in or not,
//     could read every document of every database. They are left to server admins; Twinkit does
//     not use them.
//  2. A user's request to their own `_users` document counts as a server admin's, so with
//     `?new_edits=false` it could write any document of `_users`, design documents included (which
//     skip every validate_doc_update). Writes to `_users` with `new_edits=false`, and `_bulk_docs`
//     there, are refused to everyone: the setup writes users one by one.
'use strict';
const { dirname, join } = require('node:path');

const expressPouchDB = dirname(require.resolve('express-pouchdb/package.json', { paths: [dirname(require.resolve('pouchdb-server/package.json'))] }));

function refuse(res, status, reason) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ error: status === 401 ? 'unauthorized' : 'forbidden', reason }));
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

// Registered before every document route: `routes/db` comes first among them.
guardRoutes('db', (app) => {
  app.use('/_users', (req, res, next) => {
    const write = req.method !== 'GET' && req.method !== 'HEAD';
    const replicated = req.query && (req.query.new_edits === false || req.query.new_edits === 'false');
    if (write && (replicated || /^\/_bulk_docs\/?$/.test(req.path))) return refuse(res, 403, 'This server does not take replicated or bulk writes to _users: write one user document at a time.');
    next();
  });
});

guardRoutes('find', (app) => {
  const adminOnly = (req, res, next) => (isServerAdmin(req) ? next() : refuse(res, req.couchSession && req.couchSession.userCtx.name ? 403 : 401, 'Queries (_find, _explain, _index) are for server admins on this server.'));
  app.all('/:db/_find', adminOnly);
  app.all('/:db/_explain', adminOnly);
  app.all('/:db/_index', adminOnly);
  app.all('/:db/_index/*', adminOnly);
});
