#!/usr/bin/env node
// Sets up a CouchDB 3 server for 小区管家 (docs/SECURITY.md is the design): the
// databases, who may read them (security objects), who may write what (the design
// document with deploy/validate_doc_update.js), the relay's account and users with their
// roles. The server's traffic between databases is the relay's (deploy/relay.mjs), not
// CouchDB replications. Run again at any time: what is there is updated, nothing stored
// is lost, and what an older set-up left open is closed (couch_peruser's admin rights,
// the admin-run replications).
//
//   COUCH=https://admin:PASSWORD@couch.example:5984 node deploy/setup.mjs init [district.json]
//   COUCH=… node deploy/setup.mjs relay PASSWORD
//   COUCH=… node deploy/setup.mjs user NAME PASSWORD [ROLE…]
//
// Roles: `steward:<compound id>` (a steward of that compound), `district` (the office),
// `community:<street>/<community>` and `street:<street>` (a community and a street, as
// the dataset names them: they read — a community also writes — the records of the
// compounds the dataset places in them; `init` writes that into each compound's security
// object and into the relay's `tiers` document, which the door reads).
// A user with none is a resident: they read their compound's roster and file reports
// into their own database (`userdb-<hex of name>`, which this makes).
// Node 18 or newer; no packages.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DISTRICT_DB, RELAY_DB, RELAY_ROLE, dbKind, tierRoles, userDb } from './rules.mjs';

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

/** Creates a database (one shard: the app's databases are small, and a district has
 *  thousands; CouchDB's default of two is for large ones) with its readers and rules. */
async function database(name, security, community = '') {
  await must('PUT', `${name}?q=1`, undefined, [412]);
  // Nobody but the server's admins is a database admin: a database admin may change its
  // rules and its readers. CouchDB 3 makes new databases admin-only: say who reads each
  // (members with no names and no roles: everyone).
  await must('PUT', `${name}/_security`, { admins: { names: [], roles: [] }, members: security });
  await putDoc(name, '_design/cs', designDoc(name, community));
}

/** A database's design document: its rules (deploy/validate_doc_update.js), with its name
 *  and the role of the community whose records it holds ('' for none) written in. */
function designDoc(db, community = '') {
  return {
    validate_doc_update: validate
      .replace("'__DATABASE__'", JSON.stringify(db))
      .replace("'__COMMUNITY__'", JSON.stringify(community)),
  };
}

const validate = (await readFile(join(here, 'validate_doc_update.js'), 'utf8'))
  .split('\n').filter((line) => !line.startsWith('//')).join('\n').trim();

/** Every database the server has (admins only). */
async function allDbs() {
  return must('GET', '_all_dbs');
}

/** A resident's own database: they read and write it, the relay carries from and to it;
 *  nobody else is a member and nobody is its admin. Made here, not by couch_peruser
 *  (which makes every user the admin of theirs: docs/SECURITY.md). */
async function residentDb(name) {
  const db = userDb(name);
  await database(db, { names: [name], roles: [RELAY_ROLE] });
  return db;
}

/** Takes down what an older set-up made: CouchDB's per-user databases made their users
 *  admins, and the server's continuous replications ran as the admin. Nothing stored in
 *  a database is touched. */
async function closeOldWays() {
  // couch_peruser off on every node (a cluster answers _membership; others have no nodes).
  const membership = await couch('GET', '_membership');
  for (const node of membership.answer?.all_nodes ?? []) {
    const off = await couch('PUT', `_node/${encodeURIComponent(node)}/_config/couch_peruser/enable`, 'false');
    if (off.status >= 300) console.warn(`could not turn couch_peruser off on ${node} (${off.status}): set [couch_peruser] enable = false in its local.ini`);
    // Sessions as deploy/README.md sets them: a phone a week offline comes back signed in
    // (signing out still ends a session at once: the door).
    for (const [key, value] of [['timeout', '691200'], ['allow_persistent_cookies', 'true']]) {
      const set = await couch('PUT', `_node/${encodeURIComponent(node)}/_config/chttpd_auth/${key}`, value);
      if (set.status >= 300) console.warn(`could not set chttpd_auth/${key} on ${node} (${set.status}): set it in its local.ini`);
    }
  }
  const replications = await couch('GET', '_replicator/_all_docs?start_key=%22cs-%22&end_key=%22cs.%22');
  for (const row of replications.answer?.rows ?? []) {
    await must('DELETE', `_replicator/${encodeURIComponent(row.id)}?rev=${row.value.rev}`, undefined, [404, 409]);
  }
  const old = await couch('GET', 'district/_design/district');
  if (old.status === 200) await must('DELETE', `district/_design/district?rev=${old.answer._rev}`);
  let fixed = 0;
  for (const db of await allDbs()) {
    const kind = dbKind(db);
    if (kind?.type !== 'user') continue;
    await residentDb(kind.owner);
    fixed++;
  }
  return { replications: replications.answer?.rows?.length ?? 0, residents: fixed };
}

async function init(datasetPath) {
  const dataset = JSON.parse(await readFile(datasetPath, 'utf8'));
  const compounds = (dataset.data?.compounds ?? dataset.compounds ?? []).filter((c) => /^[a-z0-9][a-z0-9_-]*$/.test(c?.id ?? ''));
  const ids = compounds.map((c) => c.id);
  for (const system of ['_users', '_replicator']) await must('PUT', system, undefined, [412]);
  const closed = await closeOldWays();
  await database(RELAY_DB, { names: [], roles: [RELAY_ROLE] });
  await database(DISTRICT_DB, { names: [], roles: ['district', RELAY_ROLE] });
  const tiers = {};
  for (const c of compounds) {
    const id = c.id;
    const tier = tierRoles(c);
    await database(`c-${id}`, { names: [], roles: [] });
    // The compound's community and street read its records (CouchDB's own wall); the
    // community writes there too, judged by the rules (which name its role).
    await database(`r-${id}`, { names: [], roles: [`steward:${id}`, ...tier, 'district', RELAY_ROLE] },
      tier.find((r) => r.startsWith('community:')) ?? '');
    if (tier.length) tiers[id] = { street: c.subdistrict.trim(), community: tier.length > 1 ? c.community.trim() : '' };
  }
  // The door's copy of the same (it reads no security objects: it is not an admin).
  await putDoc(RELAY_DB, 'tiers', { compounds: tiers });
  console.log(`set up ${ids.length} compounds (c-… public rosters, r-… stewards' records), the district and relay databases at ${base}` +
    (closed.replications || closed.residents ? `; took down ${closed.replications} old server replications, re-secured ${closed.residents} residents' databases` : ''));
}

async function user(name, password, roles) {
  if (!name || !password) throw new Error('usage: setup.mjs user NAME PASSWORD [ROLE…]');
  if (roles.includes(RELAY_ROLE) || roles.some((r) => r.startsWith('_'))) throw new Error(`${RELAY_ROLE} and _… roles are not given to people (setup.mjs relay PASSWORD makes the relay's account)`);
  await putDoc('_users', `org.couchdb.user:${name}`, { name, password, roles, type: 'user' });
  const malformed = roles.filter((r) => (r.startsWith('street:') && r.slice(7).includes('/')) || (r.startsWith('community:') && !/^[^/]+\/[^/]+$/.test(r.slice(10))));
  if (malformed.length) throw new Error(`roles ${malformed.join(', ')}: a street is street:<street>, a community community:<street>/<community>`);
  if (!roles.some((r) => /^(steward|street|community):/.test(r) || r === 'district')) await residentDb(name);
  console.log(`user ${name}: ${roles.join(', ') || 'resident'}`);
}

/** The relay service's account: a member of every database, admin of none. */
async function relayAccount(password) {
  if (!password) throw new Error('usage: setup.mjs relay PASSWORD');
  await putDoc('_users', `org.couchdb.user:${RELAY_ROLE}`, { name: RELAY_ROLE, password, roles: [RELAY_ROLE], type: 'user' });
  console.log(`relay account ${RELAY_ROLE}: give deploy/relay.mjs COUCH=…//${RELAY_ROLE}:PASSWORD@…`);
}

const [command, ...args] = process.argv.slice(2);
try {
  if (command === 'init') await init(args[0] ?? join(here, '..', 'public', 'data', 'district.json'));
  else if (command === 'user') await user(args[0], args[1], args.slice(2));
  else if (command === 'relay') await relayAccount(args[0]);
  else throw new Error('usage: setup.mjs init [district.json] | setup.mjs relay PASSWORD | setup.mjs user NAME PASSWORD [ROLE…]');
} catch (error) {
  console.error(`setup failed: ${error.message}`);
  process.exit(1);
}
