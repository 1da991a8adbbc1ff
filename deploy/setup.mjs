#!/usr/bin/env node
// Sets up a CouchDB 3 server (or any server speaking its protocol) for 小区管家: the
// databases, who may read them (security objects), who may write what (the design
// document with deploy/validate_doc_update.js), the server-side copies into the district
// database, and users with their roles. Run again at any time: what is there is updated,
// nothing is lost.
//
//   COUCH=https://admin:PASSWORD@couch.example:5984 node deploy/setup.mjs init [district.json]
//   COUCH=… node deploy/setup.mjs user NAME PASSWORD [ROLE…]
//
// Roles: `steward:<compound id>` (a steward of that compound), `district` (the office).
// A user with neither is a resident: they read their compound's roster and file reports
// into their own database (`userdb-<hex of name>`, as CouchDB's couch_peruser makes it).
// Node 18 or newer; no packages.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const server = new URL(process.env.COUCH ?? 'http://127.0.0.1:5984');
const auth = server.username
  ? 'Basic ' + Buffer.from(`${decodeURIComponent(server.username)}:${decodeURIComponent(server.password)}`).toString('base64')
  : null;
const adminUrl = server.href.endsWith('/') ? server.href : server.href + '/';
server.username = '';
server.password = '';
const base = server.href.endsWith('/') ? server.href : server.href + '/';

async function couch(method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(auth ? { authorization: auth } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  return { status: response.status, answer };
}

async function must(method, path, body, fine = []) {
  const { status, answer } = await couch(method, path, body);
  if (status >= 300 && !fine.includes(status)) {
    throw new Error(`${method} /${path}: ${status} ${JSON.stringify(answer)}`);
  }
  return answer;
}

/** PUT a document, keeping its current _rev so a second run updates it. */
async function putDoc(db, id, doc) {
  const current = await couch('GET', `${db}/${encodeURIComponent(id)}`);
  const rev = current.status === 200 ? { _rev: current.answer._rev } : {};
  return must('PUT', `${db}/${encodeURIComponent(id)}`, { ...doc, ...rev });
}

async function database(name, members) {
  await must('PUT', name, undefined, [412]);
  // CouchDB 3 makes new databases admin-only: say who reads each (no roles: everyone).
  await must('PUT', `${name}/_security`, { admins: { names: [], roles: [] }, members: { names: [], roles: members } });
  await putDoc(name, '_design/cs', designDoc(name));
}

/** A database's design document: its rules, and the filter the server's replications
 *  use so design documents stay where they are. */
function designDoc(db) {
  return {
    validate_doc_update: validate.replace("'__DATABASE__'", JSON.stringify(db)),
    filters: { shared: "function (doc) { return doc._id.indexOf('_design/') !== 0; }" },
  };
}

/** The server's own replicator keeps `target` a copy of `source` (filtered, if given). */
async function aggregate(source, target = 'district', filter = { filter: 'cs/shared' }) {
  const id = `cs-${source}-to-${target}`;
  // A running replication's document cannot be edited; one that exists is left running.
  if ((await couch('GET', `_replicator/${id}`)).status === 200) return;
  await must('PUT', `_replicator/${id}`, {
    // The admin's credentials in the URLs: CouchDB 3 and PouchDB's replicator both take them.
    source: adminUrl + source,
    target: adminUrl + target,
    continuous: true,
    ...filter,
  });
}

// A compound's records (not its roster, not a design document): what goes from the
// district database to that compound's stewards.
const recordsOf = `function (doc, req) {
  var kind = String(doc._id).split(':')[0];
  return ['report', 'mediation', 'arrears'].indexOf(kind) !== -1 && doc.compound === req.query.compound;
}`;

// The district database to a resident's own: their reports as the stewards moved them on.
const reportsOf = `function (doc, req) {
  return String(doc._id).indexOf('report:') === 0 && doc.filed_by === req.query.user;
}`;

const userDb = (name) => 'userdb-' + Buffer.from(name, 'utf8').toString('hex');
const validate = (await readFile(join(here, 'validate_doc_update.js'), 'utf8'))
  .split('\n').filter((line) => !line.startsWith('//')).join('\n').trim();

async function init(datasetPath) {
  const dataset = JSON.parse(await readFile(datasetPath, 'utf8'));
  const ids = (dataset.data?.compounds ?? dataset.compounds ?? []).map((c) => c.id).filter((id) => /^[a-z0-9][a-z0-9_-]*$/.test(id));
  for (const system of ['_users', '_replicator']) await must('PUT', system, undefined, [412]);
  await database('district', ['district']);
  // The district database is the hub: residents' reports reach it from their own
  // databases, and go on from it to their compound's stewards (this filter picks them).
  await putDoc('district', '_design/district', { filters: { records_of: recordsOf, reports_of: reportsOf } });
  for (const id of ids) {
    await database(`c-${id}`, []);
    await database(`r-${id}`, [`steward:${id}`, 'district']);
    if (!process.env.NO_AGGREGATE) {
      await aggregate(`c-${id}`);
      await aggregate(`r-${id}`);
      await aggregate('district', `r-${id}`, { filter: 'district/records_of', query_params: { compound: id } });
    }
  }
  console.log(`set up ${ids.length} compounds (c-… public rosters, r-… stewards' records) and the district database at ${base}`);
}

async function user(name, password, roles) {
  if (!name || !password) throw new Error('usage: setup.mjs user NAME PASSWORD [ROLE…]');
  await putDoc('_users', `org.couchdb.user:${name}`, { name, password, roles, type: 'user' });
  if (!roles.some((r) => r.startsWith('steward:') || r === 'district')) {
    // A resident's own database (couch_peruser makes it on CouchDB; made here otherwise).
    const db = userDb(name);
    await must('PUT', db, undefined, [412]);
    await must('PUT', `${db}/_security`, { admins: { names: [], roles: [] }, members: { names: [name], roles: [] } });
    await putDoc(db, '_design/cs', designDoc(db));
    if (!process.env.NO_AGGREGATE) {
      await aggregate(db);
      // ... and back: the stewards' progress on the reports they filed.
      await aggregate('district', db, { filter: 'district/reports_of', query_params: { user: name } });
    }
  }
  console.log(`user ${name}: ${roles.join(', ') || 'resident'}`);
}

const [command, ...args] = process.argv.slice(2);
try {
  if (command === 'init') await init(args[0] ?? join(here, '..', 'public', 'data', 'district.json'));
  else if (command === 'user') await user(args[0], args[1], args.slice(2));
  else throw new Error('usage: setup.mjs init [district.json] | setup.mjs user NAME PASSWORD [ROLE…]');
} catch (error) {
  console.error(`setup failed: ${error.message}`);
  process.exit(1);
}
