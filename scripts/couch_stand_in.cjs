// Starts pouchdb-server, the tests' stand-in for CouchDB (run with `node` directly, so
// killing this process stops the server), with one bug of the stand-in mended on load:
// pouchdb-validation replaces an incoming document's `_revisions` with the stored
// document's before running validate_doc_update (CouchDB does not), so on a database with
// a design document's rules a replicated edit (`_bulk_docs` with `new_edits: false`) of
// an existing document is answered as stored and silently dropped. The app is written to
// CouchDB's documentation; this keeps the stand-in from failing it where CouchDB would not.
// Used by the browser tests (tests/e2e/harness.mjs) and by `SYNC=1 scripts/serve.sh`.
// Usage: node scripts/couch_stand_in.cjs [pouchdb-server options]
const fs = require('node:fs');
const Module = require('node:module');

const target = require.resolve('pouchdb-validation/lib/index.js');
const wrong = 'newDoc._revisions = (oldDoc || {})._revisions;';
const load = Module._extensions['.js'];
Module._extensions['.js'] = function (module, filename) {
  if (filename !== target) return load(module, filename);
  const source = fs.readFileSync(filename, 'utf8');
  if (!source.includes(wrong)) throw new Error('pouchdb-validation changed: check the mend in scripts/couch_stand_in.cjs');
  module._compile(source.replace(wrong, 'if (!newDoc._revisions) { ' + wrong + ' }'), filename);
};
require('pouchdb-server/lib/index.js');
