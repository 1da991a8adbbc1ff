#!/usr/bin/env node
// The relay: the district server's one small service beside CouchDB (docs/SECURITY.md,
// docs/SCALE.md). Two jobs, one process:
//  1. The public door (deploy/door.mjs). nginx asks `GET /authorize` (auth_request) before passing
//     any /db/ request on, with the request's method, path and credentials; the relay
//     asks CouchDB who that is (`/_session`) and answers by deploy/rules.mjs `authorize`.
//  2. The server's own traffic. Instead of CouchDB replications (continuous jobs the
//     scheduler rotates, run as an admin nobody's rules check), the relay watches
//     `_db_updates` and copies what changed, when it changed, along the app's routes
//     (`targetsOf`): a resident's report to their compound's stewards and the district,
//     the stewards' progress back to that resident, rosters and records to the district.
//     Each revision is judged first (`judge`): one its source's account may not have
//     written is not copied but recorded in the district database as a refusal.
//  3. With `PUBLISH_SITE` (the built site's folder), the publishing job (deploy/publish.mjs):
//     a roster carried from `c-<id>` into `district` is published into the site's files
//     (data, cards, directory) within a second or so — from `district`, so only from
//     what the judge accepted — and so is the public part of an office record written
//     there (a compound's 业委会, a contract: data/records.json). Here rather than a service of its own: the relay already
//     hears of every change and knows when a roster has been judged and carried.
// It reads and writes as its own account (role cs-relay, a member of every database, no
// admin), so validate_doc_update.js checks its writes like anyone's. The admin
// credentials are used for two reads only, which CouchDB keeps for admins: the list of
// databases and `_db_updates`.
//
//   COUCH=http://cs-relay:PW@10.0.0.11:5984 COUCH_ADMIN=http://admin:PW@10.0.0.11:5984 \
//     PORT=5985 [PUBLISH_SITE=/srv/steward/dist] node deploy/relay.mjs [--door-only]
// Node 18 or newer; no packages.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { client } from './couch_client.mjs';
import { answer, door } from './door.mjs';
import { Publisher, loadPrerender } from './publish.mjs';
import { COMPOUND_ID, DISTRICT_DB, RELAY_DB, dbKind, historyOf, judge, targetsOf } from './rules.mjs';

const enc = encodeURIComponent;
/** Changes read from a database in one pass. */
const BATCH = 200;
/** Revisions a resident's own database may send in an hour. */
const RESIDENT_QUOTA = 300;

/** Every revision id the target knows of a document and its current leaves, with the
 *  body of every leaf; null: no such document there. */
async function knownOf(couch, db, doc) {
  const { status, json } = await couch.call('GET', `${db}/${enc(doc._id)}?open_revs=all&revs=true`);
  if (status === 404 || !Array.isArray(json)) return null;
  const leaves = json.filter((r) => r.ok).map((r) => r.ok);
  if (leaves.length === 0) return null;
  return { db, couch, revs: new Set(leaves.flatMap(historyOf)), leaves, bodies: new Map() };
}

/** The revision `doc` continues: the newest of its history the target knows. */
function knownOfParent(known, doc) {
  return historyOf(doc).slice(1).find((rev) => known.revs.has(rev));
}

/** The body of that revision, when the target still stores it (a leaf, or read below). */
function parentIn(known, doc, rev) {
  if (!rev) return undefined;
  return known.leaves.find((l) => l._rev === rev) ?? known.bodies.get(rev);
}

/** What the target holds once `doc` is written. */
function grown(known, doc) {
  const history = historyOf(doc);
  if (!known) return { revs: new Set(history), leaves: [doc], bodies: new Map() };
  const leaves = known.leaves.filter((l) => !history.includes(l._rev));
  return { ...known, revs: new Set([...known.revs, ...history]), leaves: [...leaves, doc] };
}

/** Who wrote what arrives from `source`, in the words of a refusal. */
function accountOf(source) {
  const kind = dbKind(source);
  if (kind?.type === 'user') return kind.owner;
  if (kind?.type === 'records' || kind?.type === 'public') return `steward:${kind.compound}`;
  return source;
}

/** The compound a refused record is of, so a street's or a compound's drill-down lists it:
 *  a compound's database's own (`c-…`, `r-…`: the target's, then the source's), or what a
 *  resident's report names if it reads as a compound's id; '' when none says. */
function compoundOf(source, target, doc) {
  const kind = dbKind(target)?.compound ? dbKind(target) : dbKind(source);
  if (kind?.compound) return kind.compound;
  const named = doc.compound;
  return typeof named === 'string' && named.length <= 100 && COMPOUND_ID.test(named) ? named : '';
}

export class Relay {
  constructor({ couch, admin, log = () => {}, publisher = null }) {
    this.couch = client(couch);
    this.publisher = publisher;
    this.admin = client(admin);
    this.log = log;
    this.dbs = new Set();
    // Databases to copy from: what `_db_updates` announced comes before what a sweep
    // (at start, after the feed broke) queued, so a report filed now does not wait
    // behind a thousand unchanged databases.
    this.dirty = new Set();
    this.swept = new Set();
    this.checkpoints = new Map();
    this.quota = new Map();
    this.running = new Map();
    this.stopped = false;
  }

  /** The databases there are (admin: `_all_dbs`), each then copied from its checkpoint. */
  async sweep() {
    const { json } = await this.admin.call('GET', '_all_dbs');
    for (const db of json ?? []) {
      this.dbs.add(db);
      this.touch(db, { sweep: true });
    }
  }

  compounds() {
    return new Set([...this.dbs].map(dbKind).filter((k) => k?.type === 'records').map((k) => k.compound));
  }

  /** A database changed: copy from it soon (once more if a copy is running now). */
  touch(db, { sweep = false } = {}) {
    const kind = dbKind(db);
    // The office writes its records straight into `district`: the publishing job reads
    // on from its own place there for the ones residents see a summary of.
    if (kind?.type === 'district') this.publisher?.followDistrict();
    if (!kind || !['user', 'records', 'public'].includes(kind.type)) return;
    if (sweep) {
      if (!this.dirty.has(db)) this.swept.add(db);
    } else {
      this.swept.delete(db);
      this.dirty.add(db);
    }
    this.pump();
  }

  pump() {
    for (const [queue, db] of [...[...this.dirty].map((d) => [this.dirty, d]), ...[...this.swept].map((d) => [this.swept, d])]) {
      if (this.running.has(db) || this.running.size >= 4) continue;
      queue.delete(db);
      const run = this.pass(db)
        .catch((e) => { this.log(`copy from ${db} failed: ${e.message}`); setTimeout(() => this.touch(db), 2000); })
        .finally(() => { this.running.delete(db); this.pump(); });
      this.running.set(db, run);
    }
  }

  /** Whether nothing is waiting to be copied (`GET /idle`: tests, measurements). */
  isIdle() {
    return this.running.size === 0 && this.dirty.size === 0 && this.swept.size === 0;
  }

  /** Copies what changed in `source` since the last pass, judged revision by revision. */
  async pass(source) {
    const key = `${RELAY_DB}/_local/${enc('from:' + source)}`;
    if (!this.checkpoints.has(source)) {
      const cp = await this.couch.call('GET', key);
      this.checkpoints.set(source, cp.status === 200 ? { since: cp.json.since, rev: cp.json._rev } : { since: '0' });
    }
    let { since, rev } = this.checkpoints.get(source);
    for (;;) {
      if (!this.withinQuota(source)) return;
      const changes = await this.couch.call('GET', `${enc(source)}/_changes?style=all_docs&limit=${BATCH}&since=${enc(since)}`);
      if (changes.status !== 200) throw new Error(`_changes ${changes.status}`);
      const rows = changes.json.results ?? [];
      const wanted = rows
        .filter((r) => !r.id.startsWith('_design/'))
        .flatMap((r) => r.changes.map((c) => ({ id: r.id, rev: c.rev })));
      if (wanted.length) await this.carry(source, wanted);
      // A roster carried (or refused) into `district`: its published files follow.
      const kind = dbKind(source);
      if (this.publisher && kind?.type === 'public' && wanted.some((w) => w.id === `compound:${kind.compound}`)) {
        this.publisher.schedule(`compound:${kind.compound}`);
      }
      // Nothing new: the checkpoint stands (an unchanged database costs one request).
      if (JSON.stringify(changes.json.last_seq) === JSON.stringify(since)) return;
      since = changes.json.last_seq;
      const saved = await this.couch.call('PUT', key, { since, ...(rev ? { _rev: rev } : {}) });
      if (saved.status >= 300) {
        this.checkpoints.delete(source);
        throw new Error(`checkpoint ${saved.status}`);
      }
      rev = saved.json.rev;
      this.checkpoints.set(source, { since, rev });
      // One batch a pass: a database with a long backlog goes to the back of the queue,
      // so one account filling its database cannot hold the relay for everyone else.
      if (rows.length >= BATCH) this.requeue(source);
      return;
    }
  }

  requeue(source) {
    setImmediate(() => {
      this.dirty.delete(source);
      this.touch(source);
    });
  }

  async carry(source, wanted) {
    // Attachments as stubs (name, type, length, digest): judged from those, and fetched
    // one document at a time only for what is copied (a batch of photos is not held in
    // memory at once).
    const got = await this.couch.call('POST', `${enc(source)}/_bulk_get?revs=true`, { docs: wanted });
    if (got.status !== 200) throw new Error(`_bulk_get ${got.status}`);
    const docs = got.json.results.flatMap((r) => r.docs.filter((d) => d.ok).map((d) => d.ok));
    this.spend(source, docs.length);
    const compounds = this.compounds();
    const byTarget = new Map();
    for (const doc of docs) {
      for (const target of targetsOf(source, doc, compounds)) {
        if (!this.dbs.has(target)) continue;
        if (!byTarget.has(target)) byTarget.set(target, []);
        byTarget.get(target).push(doc);
      }
    }
    // The district first: a steward's copy never arrives before the office's.
    const order = [...byTarget.keys()].sort((a, b) => (a === DISTRICT_DB ? -1 : b === DISTRICT_DB ? 1 : 0));
    for (const target of order) await this.deliver(source, target, byTarget.get(target));
  }

  async deliver(source, target, docs) {
    const ask = {};
    for (const d of docs) (ask[d._id] ??= []).push(d._rev);
    const diff = await this.couch.call('POST', `${enc(target)}/_revs_diff`, ask);
    if (diff.status !== 200) throw new Error(`_revs_diff ${target} ${diff.status}`);
    const lacking = docs.filter((d) => diff.json[d._id]?.missing?.includes(d._rev));
    const accepted = [];
    const refusals = [];
    const knowns = new Map();
    for (const doc of lacking) {
      // Revisions of one document are judged one after another, each against what the
      // target will hold once the ones before it are written: two first versions sent
      // together are one first version and one that grows from nothing known.
      if (!knowns.has(doc._id)) knowns.set(doc._id, await knownOf(this.couch, target, doc));
      const known = knowns.get(doc._id);
      const continues = known && knownOfParent(known, doc);
      if (continues && !parentIn(known, doc, continues)) {
        // An older revision than the current leaves: its body, if the target still has it.
        const old = await this.couch.call('GET', `${enc(target)}/${enc(doc._id)}?rev=${enc(continues)}`);
        if (old.status === 200 && old.json && !old.json._deleted) known.bodies.set(continues, old.json);
      }
      const verdict = judge(source, target, doc, known && { ...known, parent: parentIn(known, doc, continues) });
      if (!verdict.ok) {
        refusals.push({ doc, code: verdict.code, reason: verdict.reason });
        continue;
      }
      accepted.push(doc);
      knowns.set(doc._id, grown(known, doc));
    }
    const full = [];
    for (const doc of accepted) full.push(doc._attachments ? await this.withAttachments(source, doc) : doc);
    if (full.length) {
      const put = await this.couch.call('POST', `${enc(target)}/_bulk_docs`, { new_edits: false, docs: full });
      if (put.status >= 300) throw new Error(`_bulk_docs ${target} ${put.status}`);
      for (const answer of Array.isArray(put.json) ? put.json : []) {
        if (answer.error) {
          const doc = accepted.find((d) => d._id === answer.id);
          refusals.push({ doc, code: 'not_allowed', reason: `${answer.error}: ${answer.reason}` });
        }
      }
    }
    for (const r of refusals) await this.refuse(source, target, r.doc, r.code, r.reason);
  }

  /** A revision with its attachments' data, as the target needs it to store them. */
  async withAttachments(source, doc) {
    const got = await this.couch.call('GET', `${enc(source)}/${enc(doc._id)}?rev=${enc(doc._rev)}&revs=true&attachments=true`);
    if (got.status !== 200) throw new Error(`attachments of ${doc._id} ${got.status}`);
    return got.json;
  }

  // How much a resident's database may send in an hour (revisions read): far more than
  // anyone files, far less than a script sends. Past it the database waits for the next
  // hour; the rest of the district goes on.
  withinQuota(source) {
    if (dbKind(source)?.type !== 'user') return true;
    const hour = Math.floor(Date.now() / 3600000);
    const used = this.quota.get(source);
    if (!used || used.hour !== hour || used.count < RESIDENT_QUOTA) return true;
    if (!used.waiting) {
      used.waiting = true;
      this.log(`${source} is over its hourly quota: it waits for the next hour`);
      setTimeout(() => { used.waiting = false; this.touch(source); }, (hour + 1) * 3600000 - Date.now() + 1000).unref?.();
    }
    return false;
  }

  spend(source, count) {
    if (dbKind(source)?.type !== 'user') return;
    const hour = Math.floor(Date.now() / 3600000);
    const used = this.quota.get(source);
    if (!used || used.hour !== hour) this.quota.set(source, { hour, count, waiting: false });
    else used.count += count;
  }

  /** Records in the district database what was not copied, for the office to see. */
  async refuse(source, target, doc, code, reason) {
    // One record per account and document: a thousand refused versions of one report, or
    // the same one refused for two databases, are one line for the office.
    const hash = createHash('sha256').update(`${source}\n${doc._id}`).digest('hex').slice(0, 24);
    // The app's record of a refusal (src/domain/district/refusal.rs).
    const record = {
      _id: `refusal:${hash}`,
      id: hash,
      code,
      account: accountOf(source),
      source,
      target,
      compound: compoundOf(source, target, doc),
      doc: String(doc._id).slice(0, 200),
      rev: String(doc._rev).slice(0, 200),
      reason: String(reason).slice(0, 300),
      updated_at: Date.now(),
    };
    this.log(`refused ${record.doc} ${record.rev} from ${source} to ${target}: ${record.reason}`);
    const path = `${DISTRICT_DB}/${enc(record._id)}`;
    const failed = (e) => ({ status: 0, json: { reason: e.message } });
    let put = await this.couch.call('PUT', path, { ...record, count: 1 }).catch(failed);
    if (put.status === 409) {
      // Refused before: the record says the latest, and how many times.
      const was = await this.couch.call('GET', path).catch(failed);
      // The compound first recorded stays: a resident resending the document under
      // another compound's name cannot move the refusal off the first one's list.
      if (was.status === 200) put = await this.couch.call('PUT', path, { ...record, compound: was.json.compound || record.compound, _rev: was.json._rev, count: (was.json.count ?? 1) + 1 }).catch(failed);
    }
    // Not recordable (or updated meanwhile): the copying goes on either way — a refusal
    // that cannot be written must not stop the database it came from.
    if (put.status >= 300 && put.status !== 409) this.log(`could not record the refusal: ${put.status} ${JSON.stringify(put.json).slice(0, 200)}`);
  }

  /** Follows `_db_updates` (CouchDB 3: admins only), reconnecting when it ends. */
  async watch() {
    while (!this.stopped) {
      try {
        this.controller = new AbortController();
        const response = await fetch(`${this.admin.base}/_db_updates?feed=continuous&heartbeat=10000&since=now`, {
          headers: { accept: 'application/json', ...(this.admin.auth ? { authorization: this.admin.auth } : {}) },
          signal: this.controller.signal,
        });
        if (!response.ok) throw new Error(`_db_updates ${response.status}`);
        // Whatever changed while the feed was down: every database from its checkpoint.
        await this.sweep();
        let buffer = '';
        for await (const chunk of response.body) {
          buffer += Buffer.from(chunk).toString('utf8');
          let nl;
          while ((nl = buffer.indexOf('\n')) >= 0) {
            const line = buffer.slice(0, nl).trim();
            buffer = buffer.slice(nl + 1);
            if (!line) continue;
            const event = JSON.parse(line);
            if (event.type === 'deleted') this.dbs.delete(event.db_name);
            else if (event.db_name) {
              this.dbs.add(event.db_name);
              this.touch(event.db_name);
            }
          }
        }
      } catch (e) {
        if (this.stopped) return;
        this.log(`_db_updates: ${e.message}; again in 2 s`);
        await new Promise((r) => setTimeout(r, 2000));
      }
    }
  }

  stop() {
    this.stopped = true;
    this.controller?.abort();
  }
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const couch = process.env.COUCH;
  const admin = process.env.COUCH_ADMIN;
  if (!couch || !admin) {
    console.error('relay: set COUCH (the relay account) and COUCH_ADMIN (for _db_updates and _all_dbs)');
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 5985);
  const gate = door(couch);
  const log = (line) => console.error(`relay: ${line}`);
  const site = process.env.PUBLISH_SITE;
  const publisher = site && !process.argv.includes('--door-only')
    ? new Publisher({ site, couch: client(couch), log, prerender: await loadPrerender() })
    : null;
  const relay = process.argv.includes('--door-only') ? null : new Relay({ couch, admin, log, publisher });
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    // Whether the copying has caught up (for monitoring and the measurements).
    if (path === '/idle') return answer(res, relay && !relay.isIdle() ? 503 : 200, '');
    if (path !== '/authorize') return answer(res, 404, 'not found');
    gate(req, res).catch((e) => answer(res, 503, `the sync server does not answer: ${e.message}`));
  });
  server.listen(port, process.env.HOST ?? '127.0.0.1', () => console.log(`relay: door on ${port}`));
  relay?.watch();
  // What was carried while the job was not running (the published files say how new).
  publisher?.start();
}
