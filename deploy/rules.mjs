// Who may do what on the district server: one declaration, used in two places.
//  - `authorize`: the request rule at the public door. nginx asks the relay service
//    (deploy/relay.mjs, `/authorize`) before passing any /db/ request on to CouchDB; the
//    test server's proxy (scripts/serve-dist.mjs) asks the same relay the same way.
//  - `judge`: the copy rule of the server's own traffic. The relay, not CouchDB's
//    replicator, carries documents between databases, and carries a revision only if
//    the account it came from may have written it (docs/SECURITY.md says why).
// CouchDB's own checks stay underneath as the second wall: each database's security
// object (who reads) and validate_doc_update.js (who writes what).
// Pure functions: no I/O (tests/server/rules.test.mjs).

/** The relay service's account carries this role (a member of every database, no admin). */
export const RELAY_ROLE = 'cs-relay';
/** The relay's own database: its checkpoints. */
export const RELAY_DB = 'cs-relay';
export const DISTRICT_DB = 'district';
/** The kinds of record the app keeps, by their `_id` prefix (src/format/documents.rs). */
export const PUBLIC_KINDS = ['compound', 'change'];
export const RECORD_KINDS = ['report', 'mediation', 'arrears'];
export const OWN_KINDS = ['report'];
/** What the relay writes into the district database when it refuses a revision. */
export const REFUSAL_KIND = 'refusal';

const COMPOUND_ID = /^[a-z0-9][a-z0-9_-]*$/;

/** CouchDB's per-user database name: `userdb-` and the name's UTF-8 bytes in hex. */
export function userDb(name) {
  return 'userdb-' + Buffer.from(name, 'utf8').toString('hex');
}

/** What a database holds, from its name; `null` for one that is not the app's. */
export function dbKind(db) {
  if (db === DISTRICT_DB) return { type: 'district' };
  if (db === RELAY_DB) return { type: 'relay' };
  const m = /^(c|r)-(.+)$/.exec(db);
  if (m && COMPOUND_ID.test(m[2])) return { type: m[1] === 'c' ? 'public' : 'records', compound: m[2] };
  const u = /^userdb-((?:[0-9a-f]{2})+)$/.exec(db);
  if (u) {
    const owner = Buffer.from(u[1], 'hex').toString('utf8');
    // A name that is not valid UTF-8 does not come back to the same hex.
    if (userDb(owner) === db) return { type: 'user', owner };
  }
  return null;
}

/** Who is asking, from CouchDB's `userCtx` (`GET /_session`). */
export function who(userCtx) {
  const roles = userCtx?.roles ?? [];
  const name = userCtx?.name ?? null;
  return {
    name,
    anonymous: !name,
    office: roles.includes('district'),
    relay: roles.includes(RELAY_ROLE),
    stewardOf: roles.filter((r) => r.startsWith('steward:')).map((r) => r.slice('steward:'.length)).filter(Boolean),
  };
}

/**
 * What `userCtx` may do with database `db`: `read` (documents, changes, revisions),
 * `write` (documents, each judged by validate_doc_update), `checkpoint` (its own
 * `_local/…` replication checkpoints: only where it writes, so readers cannot fill a
 * public database with them).
 */
export function access(userCtx, db) {
  const u = who(userCtx);
  const kind = dbKind(db);
  const none = { read: false, write: false, checkpoint: false };
  if (!kind) return none;
  const all = { read: true, write: true, checkpoint: true };
  switch (kind.type) {
    case 'public': {
      const keeper = u.relay || u.office || u.stewardOf.includes(kind.compound);
      if (keeper) return all;
      // Everyone reads a roster; a signed-in account may offer an edit (the rules refuse
      // it with a reason the app shows); nobody else keeps checkpoints there.
      return { read: true, write: !u.anonymous, checkpoint: false };
    }
    case 'records':
      return u.relay || u.office || u.stewardOf.includes(kind.compound) ? all : none;
    case 'user':
      return u.relay || (!u.anonymous && u.name === kind.owner) ? all : none;
    case 'district':
      return u.relay || u.office ? all : none;
    case 'relay':
      return u.relay ? all : none;
    default:
      return none;
  }
}

/** A request path (after `/db`) as CouchDB reads it: the database, and what in it. */
export function parsePath(path) {
  const bare = path.split('?')[0];
  if (bare === '' || bare === '/') return { server: '' };
  if (!bare.startsWith('/')) return null;
  const raw = bare.slice(1).replace(/\/$/, '').split('/');
  let parts;
  try {
    parts = raw.map(decodeURIComponent);
  } catch {
    return null;
  }
  // An empty segment (`//`) is read differently by different servers: refused.
  if (parts.some((p) => p === '')) return null;
  if (parts[0].startsWith('_')) return { server: parts.join('/') };
  const [db, ...rest] = parts;
  if (rest.length === 0) return { db, what: 'info' };
  const [first, ...more] = rest;
  // `_design%2Fcs` and `_design/cs` are the same document to CouchDB.
  for (const prefix of ['_design', '_local']) {
    if (first === prefix && more.length > 0) return { db, what: prefix, doc: `${prefix}/${more[0]}`, sub: more.slice(1) };
    if (first.startsWith(prefix + '/')) return { db, what: prefix, doc: first, sub: more };
  }
  if (first.startsWith('_')) return { db, what: first, sub: more };
  return { db, what: 'doc', doc: first, sub: more };
}

const READ_ENDPOINTS = {
  info: ['GET', 'HEAD'],
  _all_docs: ['GET', 'HEAD', 'POST'],
  _changes: ['GET', 'HEAD', 'POST'],
  _bulk_get: ['POST'],
  _revs_diff: ['POST'],
  _missing_revs: ['POST'],
};

const refuse = (reason) => ({ allow: false, reason });
const allow = { allow: true, reason: '' };

/**
 * The public door's rule for one request through `/db/`. Only what the app uses is
 * open: the session, and on the app's databases reading, writing documents and
 * replication checkpoints. Everything else (`_find`, design documents, `_security`,
 * creating or deleting databases, the server's own endpoints) is not reachable from
 * outside, whoever asks: operators use the server's internal address.
 */
export function authorize(userCtx, method, path) {
  const p = parsePath(path);
  if (!p) return refuse('malformed path');
  const get = method === 'GET' || method === 'HEAD';
  if (p.server !== undefined) {
    if (p.server === '' && get) return allow;
    if (p.server === '_session' && ['GET', 'HEAD', 'POST', 'DELETE'].includes(method)) return allow;
    if (p.server === '_up' && get) return allow;
    return refuse(`/${p.server} is not open to the public`);
  }
  const may = access(userCtx, p.db);
  if (!may.read) return refuse(`no access to ${p.db}`);
  if (READ_ENDPOINTS[p.what]) {
    return READ_ENDPOINTS[p.what].includes(method) ? allow : refuse(`${method} ${p.what} is not open`);
  }
  if (p.what === '_bulk_docs') {
    if (method !== 'POST') return refuse(`${method} _bulk_docs is not open`);
    return may.write ? allow : refuse(`no write access to ${p.db}`);
  }
  if (p.what === '_local') {
    if (get) return allow;
    if (method !== 'PUT' && method !== 'DELETE') return refuse(`${method} on a checkpoint is not open`);
    if (p.sub.length > 0) return refuse('checkpoints have no attachments');
    return may.checkpoint ? allow : refuse(`no checkpoints in ${p.db} for this account`);
  }
  if (p.what === '_design') {
    // Reading the rules is harmless (they are public); changing them is setup's alone.
    if (get && p.sub.length === 0) return allow;
    return refuse('design documents are changed by the server set-up only');
  }
  if (p.what === 'doc') {
    if (get) return allow;
    if (method === 'PUT' || method === 'DELETE') return may.write ? allow : refuse(`no write access to ${p.db}`);
    return refuse(`${method} on a document is not open`);
  }
  return refuse(`${p.what} is not open to the public`);
}

// ---- the relay's copy rule -------------------------------------------------------

/** The kind of a document, from its `_id`'s prefix. */
export const kindOf = (id) => String(id).split(':')[0];

/** Revision ids of a revision's history (`_revisions`), newest first: `3-abc`, `2-def`… */
export function historyOf(doc) {
  const h = doc._revisions;
  if (!h || !Array.isArray(h.ids)) return [doc._rev];
  return h.ids.map((id, i) => `${h.start - i}-${id}`);
}

/**
 * Where a revision read from `source` goes next (the relay's routes), from its body:
 *  - a resident's own database → their compound's stewards (`r-…`) and the district;
 *  - a compound's stewards' database → the district, and a report a resident filed
 *    back to that resident's own database (the stewards' progress);
 *  - a compound's public roster → the district.
 * `compounds` is the set of compound ids the server has databases for.
 */
export function targetsOf(source, doc, compounds) {
  const kind = dbKind(source);
  if (!kind) return [];
  if (kind.type === 'user') {
    if (doc._deleted || kindOf(doc._id) !== 'report') return [DISTRICT_DB];
    const out = [DISTRICT_DB];
    if (typeof doc.compound === 'string' && compounds.has(doc.compound)) out.push(`r-${doc.compound}`);
    return out;
  }
  if (kind.type === 'records') {
    const out = [DISTRICT_DB];
    if (!doc._deleted && kindOf(doc._id) === 'report' && typeof doc.filed_by === 'string' && doc.filed_by) {
      out.push(userDb(doc.filed_by));
    }
    return out;
  }
  if (kind.type === 'public') return [DISTRICT_DB];
  return [];
}

// A report's fields by who may change them: the reporter (a resident's account), the
// stewards, or nobody once it exists. Anything else (`updated_at`, `deleted`, fields a
// newer app adds) either may change.
const FIXED_FIELDS = ['id', 'compound', 'created_at', 'filed_by'];
const STEWARD_FIELDS = ['assigned', 'expected_by', 'received_at'];
const REPORTER_FIELDS = ['satisfaction'];
const SUBMISSION_FIELDS = ['assigned', 'expected_by'];
// The reporter's own steps on a report (an event with no steward role, `by: null`).
const REPORTER_STATUSES = ['submitted', 'confirmed', 'reopened', 'Submitted', 'Confirmed', 'Reopened'];

const empty = (v) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Whether `doc` (a revision read from `source`, with `_revisions`) may be written into
 * `target`, given what the target holds of the same document: `known` is null when it
 * has none, else `{ revs: Set of every revision id it knows, leaves: [bodies of its
 * current leaves], parent: body of the revision `doc` continues, or undefined when that
 * revision's body is no longer stored }`. Returns `{ ok: true }` or `{ ok: false, code, reason }`.
 */
export function judge(source, target, doc, known) {
  const from = dbKind(source);
  const to = dbKind(target);
  if (!from || !to) return no('not_allowed', 'not one of the app\'s databases');
  const kind = kindOf(doc._id);
  if (doc._id.startsWith('_design/') || doc._id.startsWith('_local/')) return no('not_allowed', 'design documents and checkpoints are not copied');
  const allowedKinds = {
    public: PUBLIC_KINDS, records: RECORD_KINDS, user: OWN_KINDS, district: [...PUBLIC_KINDS, ...RECORD_KINDS],
  }[to.type] ?? [];
  if (!allowedKinds.includes(kind)) return no('not_allowed', `a ${kind} does not belong in ${target}`);
  if (!['user', 'records', 'public'].includes(from.type)) return no('not_allowed', `nothing is copied out of ${source}`);
  const leaves = known?.leaves ?? [];
  // 1. Whose document it is: the source's account or compound, here and in the target.
  if (from.type === 'user') {
    if (kind !== 'report') return no('not_allowed', 'a resident\'s database holds their reports only');
    if (!doc._deleted && doc.filed_by !== from.owner) return no('not_theirs', `filed by ${JSON.stringify(doc.filed_by ?? null)}, not by ${from.owner}`);
    if (leaves.some((l) => l && l.filed_by !== from.owner)) return no('not_theirs', `another account's report: ${from.owner} may not change it`);
  } else {
    const compound = from.compound;
    const own = (b) => (kindOf(b._id) === 'compound' ? b.id === compound && b._id === `compound:${compound}` : b.compound === compound);
    if (!doc._deleted && !own(doc)) return no('not_theirs', `not a record of ${compound}`);
    if (leaves.some((l) => l && !l._deleted && !own(l))) return no('not_theirs', `another compound's record: the stewards of ${compound} may not change it`);
  }
  if (to.type === 'user' && !doc._deleted && doc.filed_by !== to.owner) return no('not_theirs', 'not this resident\'s report');
  // 2. Where it comes from: a new branch must grow out of a revision the target knows.
  // A made-up history ("999-fff…") reaches none and would otherwise win by its height.
  if (known) {
    const history = historyOf(doc).slice(1);
    if (!history.some((rev) => known.revs.has(rev))) {
      return no('unknown_history', 'its history reaches no revision this server has (a forged or foreign version)');
    }
  }
  // 3. What changed: only what the writer's role may change, judged against the revision
  // it continues; what another current version already has is a merge, not a change.
  if (kind === 'report' && !doc._deleted) {
    const writer = from.type === 'user' ? 'reporter' : 'steward';
    const parent = known ? known.parent : null;
    if (known && parent === undefined) return no('too_old', 'the version it continues is no longer stored here: sync again from a current copy');
    const why = reportChange(writer, parent, doc, leaves);
    if (why) return no('not_their_step', why);
  }
  return { ok: true };
}

/** Why a revision was not copied, as a code the office's app words in its language
 *  (src/domain/district/refusal.rs) and the detail in English for the record. */
export const REFUSAL_CODES = ['not_theirs', 'unknown_history', 'not_their_step', 'too_old', 'not_allowed'];

function no(code, reason) {
  return { ok: false, code, reason };
}

/** Why `doc` is not a change `writer` may make to `parent` (null: a new report), or ''. */
export function reportChange(writer, parent, doc, others) {
  const seenElsewhere = (field, value) => others.some((o) => o && same(o[field], value));
  const base = parent ?? {};
  for (const field of FIXED_FIELDS) {
    if (parent && !same(parent[field], doc[field])) return `${field} may not change`;
  }
  const theirs = writer === 'reporter' ? STEWARD_FIELDS : (doc.filed_by ? REPORTER_FIELDS : []);
  for (const field of theirs) {
    // Submitting routes a report itself (src/domain/report_rules.rs `submit`): the new
    // report names the responsible steward and its deadline; after that they are the
    // stewards' to change.
    if (!parent && writer === 'reporter' && SUBMISSION_FIELDS.includes(field)) continue;
    const unchanged = parent ? same(parent[field], doc[field]) : empty(doc[field]);
    if (!unchanged && !seenElsewhere(field, doc[field])) return `${field} is not the ${writer}'s to set`;
  }
  if (!parent && writer === 'steward' && doc.filed_by) return 'a report filed by a resident reaches the server from their own account only';
  // The timeline only grows, and each new step is one this writer may record.
  const before = (base.timeline ?? []).map((e) => JSON.stringify(e));
  const elsewhere = new Set(others.flatMap((o) => (o?.timeline ?? []).map((e) => JSON.stringify(e))));
  const after = (doc.timeline ?? []).map((e) => JSON.stringify(e));
  for (const event of before) {
    if (!after.includes(event)) return 'a step was taken out of the timeline';
  }
  for (const [i, event] of after.entries()) {
    if (before.includes(event) || elsewhere.has(event)) continue;
    const step = doc.timeline[i] ?? {};
    const byReporter = step.by === null || step.by === undefined;
    if (writer === 'reporter' && !byReporter) return 'only a steward records a steward\'s step';
    if (writer === 'reporter' && !REPORTER_STATUSES.includes(step.status)) return `the reporter may not record "${step.status}"`;
    // A steward records a reporter's step only for a report taken in by hand (a link or
    // a call): one a resident filed from their account is confirmed from that account.
    if (writer === 'steward' && byReporter && doc.filed_by && parent) return 'the reporter\'s steps come from the reporter\'s account';
  }
  return '';
}
