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
/** What the office writes in the district database itself, and nobody else anywhere: its
 *  scoring and its governance records (业委会, contracts, the company register, meetings, key
 *  cases, improvements, the party census). Never carried by the relay. */
export const OFFICE_KINDS = ['scoring', 'committee', 'contract', 'company', 'meeting', 'case', 'improvement', 'census'];
/** What the relay writes into the district database when it refuses a revision. */
export const REFUSAL_KIND = 'refusal';

import { changeOf, changeStep, settled } from './report_changes.mjs';

export const COMPOUND_ID = /^[a-z0-9][a-z0-9_-]*$/;

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
  const roles = (userCtx?.roles ?? []).filter((r) => typeof r === 'string');
  const name = userCtx?.name ?? null;
  const after = (prefix) => roles.filter((r) => r.startsWith(prefix)).map((r) => r.slice(prefix.length)).filter(Boolean);
  return {
    name,
    anonymous: !name,
    office: roles.includes('district'),
    relay: roles.includes(RELAY_ROLE),
    stewardOf: after('steward:'),
    streets: after('street:'),
    communities: after('community:'),
  };
}

/** The roles of a compound's street and community (docs/SECURITY.md, "Who"): `street:<street>`
 *  and `community:<street>/<community>`; none for a compound the dataset places nowhere. */
export function tierRoles(compound) {
  const street = typeof compound?.subdistrict === 'string' ? compound.subdistrict.trim() : '';
  const community = typeof compound?.community === 'string' ? compound.community.trim() : '';
  // A name with a slash could not be told apart in a community's role: no tier for it.
  if (!street || street.includes('/')) return [];
  return [`street:${street}`, ...(community && !community.includes('/') ? [`community:${street}/${community}`] : [])];
}

/** The tiers as the set-up wrote them (`cs-relay`'s `tiers` document: compound id →
 *  `{ street, community }`) for one compound: whether `u` is its community, or its street. */
function tierOf(u, compound, tiers) {
  const t = tiers?.[compound];
  if (!t || typeof t.street !== 'string' || !t.street) return { community: false, street: false };
  const community = typeof t.community === 'string' && t.community !== '' && u.communities.includes(`${t.street}/${t.community}`);
  return { community, street: u.streets.includes(t.street) };
}

/**
 * What `userCtx` may do with database `db`: `read` (documents, changes, revisions),
 * `write` (documents, each judged by validate_doc_update), `checkpoint` (its own
 * `_local/…` replication checkpoints: only where it writes, so readers cannot fill a
 * public database with them). `tiers` says which street and community each compound is
 * in (set up by the server's admin, never read from a roster).
 */
export function access(userCtx, db, tiers = {}) {
  const u = who(userCtx);
  const kind = dbKind(db);
  const none = { read: false, write: false, checkpoint: false };
  if (!kind) return none;
  const all = { read: true, write: true, checkpoint: true };
  switch (kind.type) {
    case 'public': {
      const keeper = u.relay || u.office || u.stewardOf.includes(kind.compound);
      if (keeper) return all;
      // Everyone reads a roster; only its keepers write there, checkpoints included (a
      // `_bulk_docs` may carry `_local` documents, which no rules see, and the door does
      // not read bodies). The app tells a signed-in non-steward so itself, unsent.
      return { read: true, write: false, checkpoint: false };
    }
    case 'records': {
      if (u.relay || u.office || u.stewardOf.includes(kind.compound)) return all;
      // A community handles its compounds' records; a street reads them (上下联动).
      const tier = tierOf(u, kind.compound, tiers);
      if (tier.community) return all;
      return tier.street ? { read: true, write: false, checkpoint: false } : none;
    }
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
  // Segments servers read differently, refused: an empty one (`//`), a dot segment (`..`
  // would let nginx send CouchDB another path than the one judged here), control
  // characters, backslashes.
  if (parts.some((p) => p === '' || p === '.' || p === '..' || /[\u0000-\u001f\\]/.test(p))) return null;
  if (parts[0].startsWith('_')) {
    if (parts.some((p) => p.includes('/'))) return null;
    return { server: parts.join('/') };
  }
  const [db, ...rest] = parts;
  if (db.includes('/')) return null;
  if (rest.length === 0) return { db, what: 'info' };
  const [first, ...more] = rest;
  // `_design%2Fcs` and `_design/cs` are the same document to CouchDB; an encoded slash
  // anywhere else names something no app request does.
  for (const prefix of ['_design', '_local']) {
    if (first === prefix && more.length > 0) {
      if (more.some((p) => p.includes('/'))) return null;
      return { db, what: prefix, doc: `${prefix}/${more[0]}`, sub: more.slice(1) };
    }
    if (first.startsWith(prefix + '/')) {
      const name = first.slice(prefix.length + 1);
      if (name === '' || name.includes('/') || more.length > 0) return null;
      return { db, what: prefix, doc: first, sub: [] };
    }
  }
  if (rest.some((p) => p.includes('/'))) return null;
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
export function authorize(userCtx, method, path, tiers = {}) {
  const p = parsePath(path);
  if (!p) return refuse('malformed path');
  const get = method === 'GET' || method === 'HEAD';
  if (p.server !== undefined) {
    if (p.server === '' && get) return allow;
    if (p.server === '_session' && ['GET', 'HEAD', 'POST', 'DELETE'].includes(method)) return allow;
    if (p.server === '_up' && get) return allow;
    return refuse(`/${p.server} is not open to the public`);
  }
  const may = access(userCtx, p.db, tiers);
  if (!may.read) return refuse(`no access to ${p.db}`);
  if (READ_ENDPOINTS[p.what]) {
    return READ_ENDPOINTS[p.what].includes(method) ? allow : refuse(`${method} ${p.what} is not open`);
  }
  if (p.what === '_bulk_docs') {
    if (method !== 'POST') return refuse(`${method} _bulk_docs is not open`);
    return may.write ? allow : refuse(`no write access to ${p.db}`);
  }
  if (p.what === '_local') {
    if (p.sub.length > 0) return refuse('checkpoints have no attachments');
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

// A report's fields by who may change them (src/domain/report.rs `Report`): nobody once it
// exists, the stewards, or — on a report a resident filed from their account — that
// reporter alone. A report taken in by hand (no `filed_by`) is the stewards' to write
// down, content included. Anything else (`updated_at`, `followers`, fields a newer app
// adds) either may change.
const FIXED_FIELDS = ['id', 'compound', 'created_at', 'filed_by', 'filed_signed_in'];
const STEWARD_FIELDS = ['assigned', 'expected_by', 'received_at', 'same_problem'];
const REPORTER_FIELDS = [
  'category', 'answers', 'description', 'urgency', 'reporter_name', 'reporter_phone', 'share_phone',
  'photos', 'building', 'unit', 'satisfaction', 'deleted', '_attachments',
];
// Submitting routes a report itself (src/domain/report_rules.rs `submit`): the new report
// names the responsible steward and its deadline; after that they are the stewards'.
const SUBMISSION_FIELDS = ['assigned', 'expected_by'];
// The reporter's own steps; a steward records them only for a report taken in by hand.
const REPORTER_STATUSES = ['Submitted', 'Confirmed', 'Reopened'];
/** The legal next statuses: src/domain/report.rs `Status::next`, word for word
 *  (tests/server/rules.test.mjs reads both and checks they agree). */
export const NEXT_STATUS = {
  Draft: ['Submitted'],
  Submitted: ['Acknowledged', 'InProgress', 'Resolved', 'Closed'],
  Acknowledged: ['InProgress', 'Resolved', 'Closed'],
  InProgress: ['Resolved', 'Closed'],
  Resolved: ['Confirmed', 'Reopened'],
  Reopened: ['Acknowledged', 'InProgress', 'Resolved', 'Closed'],
  Confirmed: ['Closed'],
  Closed: [],
};
// Photos carried with a report: pictures only, each at most this big, at most this many.
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const PHOTO_MAX_COUNT = 4; // src/domain/photo.rs MAX_PHOTOS (a test reads both)

const empty = (v) => v === null || v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0);
const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const byReporter = (e) => e.by === null || e.by === undefined;
const live = (l) => l && !l._deleted;

/**
 * Whether `doc` (a revision read from `source`, with `_revisions`) may be written into
 * `target`, given what the target holds of the same document: `known` is null when it
 * has none, else `{ revs: Set of every revision id it knows, leaves: [bodies of its
 * current leaves], parent: body of the revision `doc` continues, or undefined when that
 * revision's body is no longer stored }`. Returns `{ ok: true }` or `{ ok: false, code, reason }`.
 */
export function judge(source, target, doc, known) {
  try {
    return judged(source, target, doc, known);
  } catch (e) {
    // A document whose shape the rules cannot read is refused, never a reason to stop.
    return no('malformed', `unreadable: ${String(e.message).slice(0, 100)}`);
  }
}

function judged(source, target, doc, known) {
  const from = dbKind(source);
  const to = dbKind(target);
  if (!from || !to) return no('not_allowed', 'not one of the app\'s databases');
  if (typeof doc._id !== 'string') return no('malformed', 'no _id');
  const kind = kindOf(doc._id);
  if (doc._id.startsWith('_design/') || doc._id.startsWith('_local/')) return no('not_allowed', 'design documents and checkpoints are not copied');
  const allowedKinds = {
    public: PUBLIC_KINDS, records: RECORD_KINDS, user: OWN_KINDS, district: [...PUBLIC_KINDS, ...RECORD_KINDS],
  }[to.type] ?? [];
  if (!allowedKinds.includes(kind)) return no('not_allowed', `a ${kind} does not belong in ${target}`);
  if (!['user', 'records', 'public'].includes(from.type)) return no('not_allowed', `nothing is copied out of ${source}`);
  const leaves = known?.leaves ?? [];
  const liveLeaves = leaves.filter(live);
  // 1. Whose document it is: the source's account or compound, here and in the target.
  if (from.type === 'user') {
    if (kind !== 'report') return no('not_allowed', 'a resident\'s database holds their reports only');
    if (!doc._deleted && doc.filed_by !== from.owner) return no('not_theirs', `filed by ${JSON.stringify(doc.filed_by ?? null)}, not by ${from.owner}`);
    if (liveLeaves.some((l) => l.filed_by !== from.owner)) return no('not_theirs', `another account's report: ${from.owner} may not change it`);
  } else {
    const compound = from.compound;
    const own = (b) => (kindOf(b._id) === 'compound' ? b.id === compound && b._id === `compound:${compound}` : b.compound === compound);
    if (!doc._deleted && !own(doc)) return no('not_theirs', `not a record of ${compound}`);
    if (liveLeaves.some((l) => !own(l))) return no('not_theirs', `another compound's record: the stewards of ${compound} may not change it`);
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
  // 3. A deletion only closes a branch of a conflict: the record itself stays, and what
  // the closed branch held of the other role's work is in a version that stays.
  if (doc._deleted) {
    if (!known) return no('not_allowed', 'a deletion of a record the server does not have');
    if (known.parent === undefined) return no('too_old', 'the version it deletes is no longer stored here');
    const staying = liveLeaves.filter((l) => l._rev !== known.parent?._rev);
    if (staying.length === 0) return no('not_allowed', 'records are not deleted; a report is withdrawn or closed by its steps');
    if (kind === 'report' && known.parent) {
      const writer = from.type === 'user' ? 'reporter' : 'steward';
      const kept = new Set(staying.flatMap((l) => (Array.isArray(l.timeline) ? l.timeline : []).map((e) => JSON.stringify(e))));
      const theirs = (known.parent.timeline ?? []).filter((e) => (writer === 'reporter' ? !byReporter(e) : byReporter(e)));
      if (theirs.some((e) => !kept.has(JSON.stringify(e)))) return no('not_their_step', 'closing that version would drop the other side\'s steps');
    }
    return { ok: true };
  }
  // 4. What changed: only what the writer's role may change, judged against the revision
  // it continues and every current version; what another current version already has is
  // a merge, not a change.
  if (kind === 'report') {
    const writer = from.type === 'user' ? 'reporter' : 'steward';
    const parent = known ? known.parent : null;
    if (known && parent === undefined) return no('too_old', 'the version it continues is no longer stored here: sync again from a current copy');
    const shape = reportShape(doc);
    if (shape) return no('malformed', shape);
    const why = reportChange(writer, parent, doc, liveLeaves);
    if (why) return no('not_their_step', why);
  } else if (doc._attachments) {
    return no('not_allowed', 'only a report carries photos');
  }
  return { ok: true };
}

/** Why a report's body is not one the app writes, or ''. */
export function reportShape(doc) {
  if (!Array.isArray(doc.timeline)) return 'its timeline is not a list';
  for (const e of doc.timeline) {
    if (!e || typeof e !== 'object' || typeof e.status !== 'string' || !(e.status in NEXT_STATUS)) return 'a step of its timeline is not one the app writes';
    if (e.change !== undefined && !changeOf(e)) return 'a change in its timeline is not one the app writes';
  }
  const photos = Object.entries(doc._attachments ?? {});
  if (photos.length > PHOTO_MAX_COUNT) return `more than ${PHOTO_MAX_COUNT} photos`;
  for (const [name, a] of photos) {
    if (!PHOTO_TYPES.includes(a?.content_type)) return `${name.slice(0, 40)} is not a photo`;
    const size = a.length ?? (typeof a.data === 'string' ? Math.floor((a.data.length * 3) / 4) : 0);
    if (size > PHOTO_MAX_BYTES) return `${name.slice(0, 40)} is larger than ${PHOTO_MAX_BYTES} bytes`;
  }
  return '';
}

const digests = (doc) => JSON.stringify(Object.entries(doc?._attachments ?? {}).map(([n, a]) => [n, a.digest ?? a.data]).sort());

/** Why a revision was not copied, as a code the office's app words in its language
 *  (src/domain/district/refusal.rs) and the detail in English for the record. */
export const REFUSAL_CODES = ['not_theirs', 'unknown_history', 'not_their_step', 'too_old', 'malformed', 'not_allowed'];

function no(code, reason) {
  return { ok: false, code, reason: String(reason).slice(0, 300) };
}

/** Why `doc` is not a change `writer` may make to `parent` (null: a new report), given
 *  the target's current versions (`others`), or ''. */
export function reportChange(writer, parent, doc, others) {
  const seenElsewhere = (field, value) => others.some((o) => same(o[field], value));
  const filed = Boolean(doc.filed_by);
  for (const field of FIXED_FIELDS) {
    if (parent && !same(parent[field], doc[field])) return `${field} may not change`;
  }
  if (!parent && writer === 'steward' && filed) return 'a report filed by a resident reaches the server from their own account only';
  // The other side's fields: as they were, or as another current version has them.
  const theirs = writer === 'reporter' ? STEWARD_FIELDS : (filed ? REPORTER_FIELDS : []);
  for (const field of theirs) {
    if (!parent && writer === 'reporter' && SUBMISSION_FIELDS.includes(field)) continue;
    if (field === '_attachments') {
      if (parent ? digests(parent) !== digests(doc) && !others.some((o) => digests(o) === digests(doc)) : !empty(doc._attachments)) {
        return 'the reporter\'s photos are the reporter\'s to change';
      }
      continue;
    }
    // A steward re-categorises by a step: the category is what the steps say.
    if (field === 'category' && doc.category === settled(doc.timeline, 'Recategorise')) continue;
    const unchanged = parent ? same(parent[field], doc[field]) : empty(doc[field]);
    if (!unchanged && !seenElsewhere(field, doc[field])) return `${field} is not the ${writer}'s to set`;
  }
  // The timeline only grows: nothing of the version it continues, nor of the other side's
  // steps in any current version, is taken out; each new step is one this writer may
  // record, in an order the status rules allow.
  const after = doc.timeline.map((e) => JSON.stringify(e));
  const before = (parent?.timeline ?? []).map((e) => JSON.stringify(e));
  for (const event of before) {
    if (!after.includes(event)) return 'a step was taken out of the timeline';
  }
  const otherSide = (e) => (writer === 'reporter' ? !byReporter(e) : byReporter(e));
  for (const o of others) {
    for (const e of Array.isArray(o.timeline) ? o.timeline : []) {
      if (otherSide(e) && !after.includes(JSON.stringify(e))) return 'it leaves out a step the other side recorded: sync again and edit the current version';
    }
  }
  const elsewhere = new Set(others.flatMap((o) => (Array.isArray(o.timeline) ? o.timeline : []).map((e) => JSON.stringify(e))));
  for (const [i, event] of after.entries()) {
    if (before.includes(event) || elsewhere.has(event)) continue;
    const step = doc.timeline[i];
    const previous = i === 0 ? 'Draft' : doc.timeline[i - 1].status;
    if (step.change !== undefined) {
      const why = changeStep(writer, step, previous);
      if (why) return why;
      // A complaint about the property company (src/domain/report_changes.rs
      // `check_change`): only a 红管家 says it is about something else.
      const category = settled(doc.timeline.slice(0, i), 'Recategorise') ?? parent?.category ?? null;
      if (changeOf(step)[0] === 'Recategorise' && category === 'PropertyService' && step.by !== 'Red') {
        return 'a complaint about the property company is re-categorised by a Red steward only';
      }
      continue;
    }
    if (!NEXT_STATUS[previous]?.includes(step.status)) return `"${step.status}" cannot follow "${previous}"`;
    const reporterStep = REPORTER_STATUSES.includes(step.status);
    if (writer === 'reporter' && (!byReporter(step) || !reporterStep)) return 'only a steward records a steward\'s step';
    // A steward records a reporter's step only for a report taken in by hand (a link or
    // a call): one a resident filed from their account is confirmed from that account.
    if (writer === 'steward' && filed && (reporterStep || byReporter(step))) return 'the reporter\'s steps come from the reporter\'s account';
  }
  return '';
}

