// The attacks of issue #26, each tried as an attacker would (plain HTTP through the
// public door — nginx with deploy/nginx.conf and the relay's /authorize — with their own
// account), against the test server set up by
// deploy/setup.mjs with the relay carrying between databases. Each failed on the design
// before the relay (continuous replications run as the admin, couch_peruser's database
// admins, rules that never read `_id`); docs/SECURITY.md says why each now holds.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { couchAdmin, root, startCouch } from '../e2e/harness.mjs';
import { startNginx } from './nginx.mjs';

const USERS = [
  ['li', 'pw-li'],
  ['zhang', 'pw-zhang'],
  ['wang', 'pw-wang', 'steward:dongtangcun'],
  ['zhou', 'pw-zhou', 'steward:tianhecun'],
  ['office', 'pw-office', 'district'],
  // Signed out in the tests (which signs the account out everywhere): used nowhere else.
  ['sun', 'pw-sun', 'steward:dongtangcun'],
  ['qian', 'pw-qian'],
];
const LI_DB = 'userdb-6c69';
const ZHANG_DB = 'userdb-7a68616e67';
const QIAN_DB = 'userdb-7169616e';
const FORGED_REV = `999-${'f'.repeat(32)}`;

async function until(check, what, ms = 15000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A report as the app writes it (src/domain/report.rs), submitted by its reporter. */
function report(id, compound, extra = {}) {
  return {
    _id: `report:${id}`, id, compound, building: null, unit: null, category: 'Leak', answers: [],
    description: '楼道漏水', urgency: 'Normal', reporter_name: '李', reporter_phone: '13800000001',
    share_phone: false, photos: [], timeline: [{ at: 1, status: 'Submitted', note: '', by: null }],
    assigned: null, expected_by: null, satisfaction: null, followers: 0, created_at: 1, updated_at: 1,
    deleted: false, ...extra,
  };
}

describe('the attacks of issue #26', () => {
  let couch;
  let site;
  const cookie = {};
  /** A request through the door as `who` (a name, or null for anonymous). */
  async function as(who, method, path, body) {
    const r = await fetch(`${site.url}/db/${path}`, {
      method,
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(who ? { cookie: cookie[who] } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    let json = null;
    try { json = JSON.parse(text); } catch { json = text; }
    return { status: r.status, json };
  }
  const admin = (method, path, body) => couchAdmin(couch, method, path, body);
  /** What readers see of a document: its winner and its other current versions. */
  const seen = (db, id) => admin('GET', `${db}/${encodeURIComponent(id)}?conflicts=true`);
  const refusals = async () => (await admin('GET', 'district/_all_docs?start_key=%22refusal:%22&end_key=%22refusal;%22&include_docs=true')).rows.map((r) => r.doc);

  before(async () => {
    couch = await startCouch({ users: USERS, hub: true });
    site = await startNginx(couch);
    for (const [name, password] of USERS) {
      const r = await fetch(`${site.url}/db/_session`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }),
      });
      cookie[name] = r.headers.get('set-cookie').split(';')[0];
    }
    // li files a report from her account; the relay carries it to the stewards and the office.
    const filed = await as('li', 'PUT', `${LI_DB}/report:R1`, report('R1', 'dongtangcun', { filed_by: 'li' }));
    assert.equal(filed.status, 201);
    await until(async () => (await seen('r-dongtangcun', 'report:R1'))._rev && (await seen('district', 'report:R1'))._rev, 'li\'s report to reach the stewards and the office');
  });
  after(async () => {
    await site?.stop();
    await couch?.stop();
  });

  it('a forged high revision of another resident\'s report, sent into the forger\'s own database, reaches nobody', async () => {
    const forged = report('R1', 'dongtangcun', {
      filed_by: 'zhang', description: '已处理，无需上门',
      timeline: [{ at: 1, status: 'Submitted', note: '', by: null }, { at: 2, status: 'Resolved', note: '已处理', by: 'Red' }],
      _rev: FORGED_REV,
    });
    const sent = await as('zhang', 'POST', `${ZHANG_DB}/_bulk_docs`, { new_edits: false, docs: [forged] });
    assert.equal(sent.status, 201, 'his own database takes it: it is his');
    const refused = await until(async () => (await refusals()).find((r) => r.doc === 'report:R1' && r.account === 'zhang'), 'the relay\'s refusal');
    assert.match(refused.reason, /another account/);
    for (const db of ['district', 'r-dongtangcun', LI_DB]) {
      const doc = await seen(db, 'report:R1');
      assert.equal(doc.description, '楼道漏水', `${db} shows li's report`);
      assert.equal(doc._conflicts, undefined, `${db} has no hidden version from zhang`);
    }
    // The same, claiming to be li's, is refused by the rules of his own database.
    const claimed = await as('zhang', 'POST', `${ZHANG_DB}/_bulk_docs`, { new_edits: false, docs: [{ ...forged, filed_by: 'li', _rev: `998-${'e'.repeat(32)}` }] });
    assert.equal(claimed.json[0]?.error, 'forbidden');
  });

  it('a resident\'s own report forged high, with a steward\'s step, does not win either', async () => {
    const forged = report('R1', 'dongtangcun', {
      filed_by: 'li', timeline: [{ at: 1, status: 'Submitted', note: '', by: null }, { at: 3, status: 'Closed', note: '', by: 'Red' }],
      // A made-up history of its own (without one, the stand-in takes the stored one).
      _rev: FORGED_REV, _revisions: { start: 999, ids: ['f'.repeat(32), 'e'.repeat(32)] },
    });
    const sent = await as('li', 'POST', `${LI_DB}/_bulk_docs`, { new_edits: false, docs: [forged] });
    assert.equal(sent.status, 201);
    const refused = await until(async () => (await refusals()).find((r) => r.rev === FORGED_REV && r.account === 'li'), 'the refusal');
    assert.match(refused.reason, /history reaches no revision/);
    const doc = await seen('r-dongtangcun', 'report:R1');
    assert.equal(doc.timeline.length, 1);
    assert.equal(doc._conflicts, undefined);
  });

  it('a resident continuing their report may confirm, but not record a steward\'s step', async () => {
    const current = await as('li', 'GET', `${LI_DB}/report:R1`);
    const step = { ...current.json, timeline: [...current.json.timeline, { at: 4, status: 'InProgress', note: '我自己写的', by: 'Property' }] };
    const put = await as('li', 'PUT', `${LI_DB}/report:R1`, step);
    assert.equal(put.status, 201, 'her own database takes it');
    await until(async () => (await refusals()).find((r) => r.rev === put.json.rev), 'the refusal');
    const doc = await seen('r-dongtangcun', 'report:R1');
    assert.equal(doc.timeline.length, 1, 'the stewards still see the report as filed');
  });

  it('a resident cannot write a design document or a security object anywhere, their own database included', async () => {
    // As couch_peruser leaves a resident's database on CouchDB (the earlier guide turned
    // it on): the resident is its admin. The door holds even then.
    await admin('PUT', `${LI_DB}/_security`, { admins: { names: ['li'], roles: [] }, members: { names: ['li'], roles: [] } });
    for (const db of [LI_DB, 'c-dongtangcun', 'r-dongtangcun', 'district']) {
      const ddoc = await as('li', 'PUT', `${db}/_design/cs`, { validate_doc_update: 'function () {}' });
      assert.ok([401, 403].includes(ddoc.status), `${db} _design: ${ddoc.status}`);
      const sec = await as('li', 'PUT', `${db}/_security`, { admins: { names: ['li'] }, members: {} });
      assert.ok([401, 403].includes(sec.status), `${db} _security: ${sec.status}`);
    }
    assert.match((await admin('GET', `${LI_DB}/_design/cs`)).validate_doc_update, /filed_by/, 'the rules are the set-up\'s');
    // As setup.mjs leaves it: and behind the door, CouchDB's own wall — li is a member of
    // her database, no admin.
    await admin('PUT', `${LI_DB}/_security`, { admins: { names: [], roles: [] }, members: { names: ['li'], roles: ['cs-relay'] } });
    const direct = await fetch(`${couch.url}/${LI_DB}/_design/cs2`, {
      method: 'PUT', headers: { 'content-type': 'application/json', cookie: cookie.li }, body: JSON.stringify({ validate_doc_update: 'function () {}' }),
    });
    assert.ok([401, 403].includes(direct.status), `directly: ${direct.status}`);
    const security = await admin('GET', `${LI_DB}/_security`);
    assert.deepEqual(security.admins, { names: [], roles: [] });
  });

  it('a steward\'s roster under another compound\'s _id is refused', async () => {
    const r = await as('wang', 'PUT', 'c-dongtangcun/compound%3Atianhecun', { id: 'dongtangcun', name: '东塘村小区' });
    assert.equal(r.status, 403);
    assert.match(r.json.reason, /另一个小区|another compound/);
  });

  it('a steward\'s record under the _id of another compound\'s report never reaches the office or that compound', async () => {
    // zhou's compound has report R2 (as the relay carried it from a resident); wang writes
    // a report of his own compound under the same _id.
    await admin('POST', 'r-tianhecun/_bulk_docs', { new_edits: false, docs: [{ ...report('R2', 'tianhecun'), _rev: `1-${'2'.repeat(32)}` }] });
    await until(async () => (await seen('district', 'report:R2'))._rev, 'R2 to reach the office');
    const taken = await as('wang', 'POST', 'r-dongtangcun/_bulk_docs', { new_edits: false, docs: [{ ...report('R2', 'dongtangcun', { description: '冒充' }), _rev: `50-${'3'.repeat(32)}` }] });
    assert.equal(taken.status, 201);
    await until(async () => (await refusals()).find((r) => r.doc === 'report:R2' && r.account === 'steward:dongtangcun'), 'the refusal');
    const doc = await seen('district', 'report:R2');
    assert.equal(doc.compound, 'tianhecun');
    assert.equal(doc._conflicts, undefined);
    const theirs = await seen('r-tianhecun', 'report:R2');
    assert.equal(theirs.description, '楼道漏水');
  });

  it('anonymous visitors cannot leave anything on the server, checkpoints included', async () => {
    for (const [method, path, body] of [
      ['PUT', 'c-dongtangcun/_local/fill-1', { x: 'y'.repeat(1000) }],
      ['POST', 'c-dongtangcun/_bulk_docs', { docs: [{ _id: '_local/fill-2' }] }],
      ['PUT', 'c-dongtangcun/anything', {}],
      ['PUT', 'newdb', undefined],
    ]) {
      const r = await as(null, method, path, body);
      assert.equal(r.status, 401, `${method} ${path}`);
    }
    assert.equal((await admin('GET', 'c-dongtangcun/_local/fill-1')).error, 'not_found');
    // A signed-in resident reads rosters but keeps no checkpoints there either.
    assert.equal((await as('li', 'PUT', 'c-dongtangcun/_local/fill-3', { x: 1 })).status, 403);
  });

  it('nobody reads another\'s records through _bulk_get, whatever the stand-in used to allow', async () => {
    for (const [who, db] of [[null, 'r-dongtangcun'], ['zhang', LI_DB], ['li', 'district'], ['zhou', 'r-dongtangcun']]) {
      const r = await as(who, 'POST', `${db}/_bulk_get`, { docs: [{ id: 'report:R1' }] });
      assert.ok([401, 403].includes(r.status), `${who} on ${db}: ${r.status}`);
    }
    // Behind the door too (the stand-in mended as CouchDB 3 behaves).
    const direct = await fetch(`${couch.url}/r-dongtangcun/_bulk_get`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ docs: [{ id: 'report:R1' }] }),
    });
    assert.equal(direct.status, 401);
  });

  it('a signed-out session opens nothing, even if its cookie was kept', async () => {
    const r = await fetch(`${site.url}/db/_session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'sun', password: 'pw-sun' }),
    });
    const kept = r.headers.get('set-cookie').split(';')[0];
    const before = await fetch(`${site.url}/db/r-dongtangcun/_all_docs`, { headers: { cookie: kept } });
    assert.equal(before.status, 200);
    const out = await fetch(`${site.url}/db/_session`, { method: 'DELETE', headers: { cookie: kept } });
    assert.equal(out.status, 200);
    const afterwards = await fetch(`${site.url}/db/r-dongtangcun/_all_docs`, { headers: { cookie: kept } });
    assert.equal(afterwards.status, 401);
    const session = await fetch(`${site.url}/db/_session`, { headers: { cookie: kept } });
    assert.equal(session.status, 401);
  });

  /** A request as sent, path and all: fetch() would resolve `..` before sending. */
  function raw(who, method, path, body) {
    return new Promise((resolve, reject) => {
      const url = new URL(site.url);
      const req = request({
        host: url.hostname, port: url.port, method, path,
        headers: { 'content-type': 'application/json', ...(who ? { cookie: cookie[who] } : {}) },
      }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
  }

  it('a path with `..` is refused at the door, not resolved by nginx into another request', async () => {
    for (const [who, method, path, body] of [
      [null, 'GET', '/db/c-dongtangcun/../_all_dbs'],
      [null, 'GET', '/db/c-dongtangcun/%2e%2e/_all_dbs'],
      [null, 'POST', '/db/c-dongtangcun/_bulk_get/../_bulk_docs', { docs: [{ _id: '_local/dots' }] }],
      [null, 'POST', '/db/c-dongtangcun/_all_docs/../../_users', { _id: 'org.couchdb.user:mallory', name: 'mallory', password: 'x', roles: [], type: 'user' }],
      ['li', 'PUT', '/db/c-dongtangcun/a/../_local/dots-li', { x: 1 }],
      ['li', 'GET', '/db/c-dongtangcun/_design%2Fcs%2F_info'],
    ]) {
      const status = await raw(who, method, path, body);
      assert.ok([400, 401, 403, 404].includes(status), `${method} ${path}: ${status}`);
    }
    assert.equal((await admin('GET', 'c-dongtangcun/_local/dots')).error, 'not_found');
    assert.equal((await admin('GET', 'c-dongtangcun/_local/dots-li')).error, 'not_found');
    assert.equal((await admin('GET', '_users/org.couchdb.user:mallory')).error, 'not_found');
  });

  it('a steward cannot confirm, rewrite or delete a report a resident filed from their account', async () => {
    const current = await as('wang', 'GET', 'r-dongtangcun/report:R1');
    const faked = {
      ...current.json, description: '无问题，居民撤回', reporter_phone: '10000000000',
      timeline: [...current.json.timeline, { at: 5, status: 'Resolved', note: '', by: 'Red' }, { at: 6, status: 'Confirmed', note: '', by: 'Red' }],
    };
    const put = await as('wang', 'PUT', 'r-dongtangcun/report:R1', faked);
    assert.equal(put.status, 201, 'his compound\'s database takes it');
    await until(async () => (await refusals()).find((r) => r.rev === put.json.rev), 'the refusal');
    const gone = await as('wang', 'DELETE', `r-dongtangcun/report:R1?rev=${put.json.rev}`);
    assert.equal(gone.status, 200);
    await until(async () => (await refusals()).find((r) => r.rev === gone.json.rev), 'the refusal of the deletion');
    for (const db of ['district', LI_DB]) {
      const doc = await seen(db, 'report:R1');
      assert.equal(doc.description, '楼道漏水', `${db}: li's words`);
      assert.ok(!doc.timeline.some((e) => e.status === 'Confirmed'), `${db}: not confirmed for her`);
      assert.equal(doc._deleted, undefined);
    }
  });

  it('a resident cannot hide the stewards\' work behind a taller version of her report', async () => {
    const filed = await as('li', 'PUT', `${LI_DB}/report:R5`, report('R5', 'dongtangcun', { filed_by: 'li' }));
    await until(async () => (await seen('r-dongtangcun', 'report:R5'))._rev, 'R5 with the stewards');
    const theirs = await as('wang', 'GET', 'r-dongtangcun/report:R5');
    const step = await as('wang', 'PUT', 'r-dongtangcun/report:R5', { ...theirs.json, timeline: [...theirs.json.timeline, { at: 7, status: 'Resolved', note: '已修', by: 'Property' }] });
    assert.equal(step.status, 201);
    await until(async () => (await seen('district', 'report:R5')).timeline?.length === 2, 'the steward\'s step with the office');
    // Fifty versions on from her own first one, none with the steward's step.
    const ids = [`${'a'.repeat(31)}z`, ...Array.from({ length: 48 }, (_, i) => String(i).padStart(32, '0')), filed.json.rev.split('-')[1]];
    const tall = { ...report('R5', 'dongtangcun', { filed_by: 'li', description: '管家从未处理' }), _rev: `50-${ids[0]}`, _revisions: { start: 50, ids } };
    await as('li', 'POST', `${LI_DB}/_bulk_docs`, { new_edits: false, docs: [tall] });
    await until(async () => (await refusals()).find((r) => r.rev === tall._rev), 'the refusal');
    const doc = await seen('district', 'report:R5');
    assert.equal(doc.timeline.length, 2, 'the office sees the steward\'s step');
    assert.equal(doc._conflicts, undefined);
  });

  it('one unreadable report is refused and does not hold up the next', async () => {
    await as('li', 'PUT', `${LI_DB}/report:P1`, { ...report('P1', 'dongtangcun', { filed_by: 'li' }), timeline: {} });
    await as('li', 'PUT', `${LI_DB}/report:P2`, report('P2', 'dongtangcun', { filed_by: 'li' }));
    await until(async () => (await seen('r-dongtangcun', 'report:P2'))._rev, 'P2 with the stewards');
    const refused = await until(async () => (await refusals()).find((r) => r.doc === 'report:P1'), 'P1 refused');
    assert.equal(refused.code, 'malformed');
  });

  it('a report carries photos only: a page or a script attached to it goes nowhere', async () => {
    const page = Buffer.from('<script src="x.js"></script>').toString('base64');
    await as('li', 'PUT', `${LI_DB}/report:H1`, {
      ...report('H1', 'dongtangcun', { filed_by: 'li' }),
      _attachments: { 'x.html': { content_type: 'text/html', data: page } },
    });
    const refused = await until(async () => (await refusals()).find((r) => r.doc === 'report:H1'), 'H1 refused');
    assert.equal(refused.code, 'malformed');
    assert.equal((await seen('r-dongtangcun', 'report:H1')).error, 'not_found');
    // And what the server serves of a document is never a page of this origin.
    const served = await fetch(`${site.url}/db/${LI_DB}/report:H1/x.html`, { headers: { cookie: cookie.li } });
    assert.match(served.headers.get('content-security-policy') ?? '', /sandbox/);
  });

  it('a resident leaves no checkpoints in a public roster, not even inside _bulk_docs', async () => {
    const r = await as('li', 'POST', 'c-dongtangcun/_bulk_docs', { docs: [{ _id: '_local/li-spam', x: 1 }] });
    assert.equal(r.status, 403);
    assert.equal((await admin('GET', 'c-dongtangcun/_local/li-spam')).error, 'not_found');
  });

  it('a signed-out session stays signed out however its cookie is spelled, and across a restart of the door', async () => {
    const r = await fetch(`${site.url}/db/_session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'qian', password: 'pw-qian' }),
    });
    const kept = r.headers.get('set-cookie').split(';')[0];
    const value = kept.slice('AuthSession='.length);
    assert.equal((await fetch(`${site.url}/db/${QIAN_DB}/_all_docs`, { headers: { cookie: kept } })).status, 200);
    assert.equal((await fetch(`${site.url}/db/_session`, { method: 'DELETE', headers: { cookie: kept } })).status, 200);
    await couch.restartRelay();
    for (const spelled of [kept, `AuthSession="${value}"`, `AuthSession =${value}`, `authsession=${value}`, `x=1; AuthSession=${value}`]) {
      const again = await fetch(`${site.url}/db/${QIAN_DB}/_all_docs`, { headers: { cookie: spelled } });
      assert.equal(again.status, 401, spelled);
    }
    // Signing in again opens a new session.
    // Signing in again opens a new session (with the old cookie still in the jar, too).
    // CouchDB's cookies name the second they were issued: one of the same second as the
    // one signed out with is taken as issued up to it.
    await new Promise((res) => setTimeout(res, 1100));
    const back = await fetch(`${site.url}/db/_session`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie: kept }, body: JSON.stringify({ name: 'qian', password: 'pw-qian' }),
    });
    assert.equal(back.status, 200);
    const fresh = back.headers.get('set-cookie').split(';')[0];
    assert.equal((await fetch(`${site.url}/db/${QIAN_DB}/_all_docs`, { headers: { cookie: fresh } })).status, 200);
  });

  it('setup run again on a server set up the old way closes the holes and keeps every document', async () => {
    // As couch_peruser left it: the resident the admin of their database, with rules of
    // their own, and the old admin-run replications.
    await admin('PUT', `${ZHANG_DB}/_security`, { admins: { names: ['zhang'], roles: [] }, members: { names: ['zhang'], roles: [] } });
    const ddoc = await admin('GET', `${ZHANG_DB}/_design/cs`);
    await admin('PUT', `${ZHANG_DB}/_design/cs`, { _rev: ddoc._rev, validate_doc_update: 'function () {}' });
    await admin('PUT', '_replicator/cs-userdb-7a68616e67-to-district', {
      source: `${couch.admin}/${ZHANG_DB}`, target: `${couch.admin}/district`, continuous: true,
    });
    const before = (await admin('GET', `${ZHANG_DB}/_all_docs`)).rows.length;
    await new Promise((resolve, reject) => {
      const run = spawn(process.execPath, [join(root, 'deploy', 'setup.mjs'), 'init'], { env: { ...process.env, COUCH: couch.admin }, stdio: ['ignore', 'ignore', 'inherit'] });
      run.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`setup exited ${code}`))));
    });
    const security = await admin('GET', `${ZHANG_DB}/_security`);
    assert.deepEqual(security.admins, { names: [], roles: [] });
    assert.deepEqual(security.members.names, ['zhang']);
    assert.match((await admin('GET', `${ZHANG_DB}/_design/cs`)).validate_doc_update, /filed_by/);
    assert.equal((await admin('GET', '_replicator/cs-userdb-7a68616e67-to-district')).error, 'not_found');
    assert.equal((await admin('GET', `${ZHANG_DB}/_all_docs`)).rows.length, before, 'no document lost');
    assert.equal((await seen('district', 'report:R1')).description, '楼道漏水');
  });
});
