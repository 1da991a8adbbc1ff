// Starts pouchdb-server, the tests' stand-in for CouchDB 3 (run with `node` directly, so
// killing this process stops the server), with the stand-in's known differences from
// CouchDB mended on load where they would make the tests weaker than production
// (docs/SECURITY.md, "The test server"):
//  1. pouchdb-validation replaces an incoming document's `_revisions` with the stored
//     document's before running validate_doc_update (CouchDB does not), so a replicated
//     edit (`_bulk_docs` with `new_edits: false`) of an existing document was answered as
//     stored and silently dropped.
//  2. `_bulk_get` ran without the caller's session (express-pouchdb leaves it out), so it
//     skipped the security object: anyone read a stewards' database there. CouchDB 3
//     checks membership on `_bulk_get` like on any read.
//     Its `binary=true` (which CouchDB does not have: attachments come as base64 in the
//     JSON) sent Node's Buffers as JSON arrays, which PouchDB in the browser could not read
//     and skipped: the query parameter is ignored, as CouchDB ignores it.
//  3. A database member could write `_local/_security` (the stand-in keeps the security
//     object there, as a local document, which validate_doc_update never sees); CouchDB
//     keeps it apart and lets only database admins change it.
//  4. `_db_updates` answered 400. CouchDB 3 streams one line per database changed
//     (`feed=continuous`), which the relay (deploy/relay.mjs) follows.
//  5. Its replicator (documents in `_replicator`) crashes the whole server when such a
//     document is deleted while it runs. The design runs no server replications (the
//     relay carries), so it is not started: `_replicator` is a plain database here, which
//     `setup.mjs` empties of an older set-up's replications.
// Each mend fails loudly if the stand-in's source changed under it.
// Used by the browser and server tests (tests/e2e/harness.mjs, tests/server/) and by
// `SYNC=1 scripts/serve.sh`. Usage: node scripts/couch_stand_in.cjs [pouchdb-server options]
const fs = require('node:fs');
const Module = require('node:module');
const { EventEmitter } = require('node:events');

const updates = new EventEmitter();
updates.setMaxListeners(0);
global.__csDbUpdates = updates;

const ADMIN_ONLY_SECURITY = `
    if (/^_local\\/_security$/.test(String(req.params.id)) &&
        !(((req.couchSession || {}).userCtx || {}).roles || []).includes('_admin')) {
      return utils.sendJSON(res, 403, { error: 'forbidden', reason: 'Only admins may change the security object.' });
    }`;

const mends = {
  'pouchdb-validation/lib/index.js': [
    ['newDoc._revisions = (oldDoc || {})._revisions;', 'if (!newDoc._revisions) { newDoc._revisions = (oldDoc || {})._revisions; }'],
  ],
  'express-pouchdb/lib/routes/bulk-get.js': [
    ['var opts = req.body || {};', 'var opts = utils.makeOpts(req, Object.assign({}, req.body || {})); delete opts.binary;'],
  ],
  'express-pouchdb/lib/routes/documents.js': [
    ["app.put('/:db/:id(*)', utils.jsonParser, function (req, res) {", "app.put('/:db/:id(*)', utils.jsonParser, function (req, res) {" + ADMIN_ONLY_SECURITY],
    ["app.delete('/:db/:id(*)', function (req, res) {", "app.delete('/:db/:id(*)', function (req, res) {" + ADMIN_ONLY_SECURITY],
    ["app.post('/:db/:id(*)', utils.jsonParser, function (req, res) {", "app.post('/:db/:id(*)', utils.jsonParser, function (req, res) {" + ADMIN_ONLY_SECURITY],
  ],
  'express-pouchdb/lib/routes/bulk-docs.js': [
    ["app.post('/:db/_bulk_docs', utils.jsonParser, function (req, res) {",
      "app.post('/:db/_bulk_docs', utils.jsonParser, function (req, res) {\n" +
      "    if ((req.body.docs || []).some(function (d) { return d && d._id === '_local/_security'; }) &&\n" +
      "        !(((req.couchSession || {}).userCtx || {}).roles || []).includes('_admin')) {\n" +
      "      return utils.sendJSON(res, 403, { error: 'forbidden', reason: 'Only admins may change the security object.' });\n" +
      "    }"],
  ],
  'express-pouchdb/lib/replicator.js': [
    ['module.exports = function enableReplicator(app) {', 'module.exports = function enableReplicator(app) {\n  if (app) return;'],
  ],
  'express-pouchdb/lib/routes/db-updates.js': [
    [`  app.all('/_db_updates', function (req, res) {
    // TODO: implement
    res.status(400).end();`,
    `  // Every database as express-pouchdb opens it: after a write succeeds, _db_updates
  // says which database changed, as CouchDB's does.
  app.dbWrapper.registerWrapper(function (name, db, next) {
    ['bulkDocs', 'put', 'post', 'remove'].forEach(function (method) {
      var original = db[method];
      if (typeof original !== 'function') return;
      db[method] = function () {
        var args = Array.prototype.slice.call(arguments);
        var callback = typeof args[args.length - 1] === 'function' ? args.pop() : null;
        var done = Promise.resolve(original.apply(db, args)).then(function (result) {
          setImmediate(function () { global.__csDbUpdates.emit('update', { db_name: name, type: 'updated' }); });
          return result;
        });
        if (callback) done.then(function (r) { callback(null, r); }, function (e) { callback(e); });
        return done;
      };
    });
    next();
  });
  app.get('/_db_updates', function (req, res) {
    var roles = ((req.couchSession || {}).userCtx || {}).roles || [];
    if (roles.indexOf('_admin') === -1) {
      return res.status(401).json({ error: 'unauthorized', reason: 'You are not a server admin.' });
    }
    if (req.query.feed !== 'continuous') {
      return res.status(400).json({ error: 'bad_request', reason: 'the stand-in streams feed=continuous only' });
    }
    res.status(200).set('content-type', 'application/json');
    res.flushHeaders();
    var seq = 0;
    // express-pouchdb compresses its answers: each line is flushed as it is written.
    var line = function (text) { res.write(text); if (res.flush) res.flush(); };
    var send = function (event) { line(JSON.stringify(Object.assign({ seq: String(++seq) }, event)) + '\\n'); };
    var heartbeat = setInterval(function () { line('\\n'); }, Number(req.query.heartbeat) || 10000);
    global.__csDbUpdates.on('update', send);
    couchDbUpdates.on('update', send);
    req.on('close', function () {
      clearInterval(heartbeat);
      global.__csDbUpdates.removeListener('update', send);
      couchDbUpdates.removeListener('update', send);
    });
    return;`],
  ],
};

const targets = new Map(Object.keys(mends).map((m) => [require.resolve(m), mends[m]]));
const load = Module._extensions['.js'];
Module._extensions['.js'] = function (module, filename) {
  const fixes = targets.get(filename);
  if (!fixes) return load(module, filename);
  let source = fs.readFileSync(filename, 'utf8');
  for (const [wrong, right] of fixes) {
    if (!source.includes(wrong)) throw new Error(`${filename} changed: check the mends in scripts/couch_stand_in.cjs`);
    source = source.replace(wrong, right);
  }
  module._compile(source, filename);
};

require('pouchdb-server/lib/index.js');
