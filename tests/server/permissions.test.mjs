// The permission matrix of docs/SECURITY.md, request by request: every account × every
// database kind × every endpoint, plain HTTP through the public door — nginx with
// deploy/nginx.conf asking the relay's /authorize, and the tests' own proxy
// (scripts/serve-dist.mjs) asking it the same way — against the test server set up by
// deploy/setup.mjs. The expected answers are read from the document's
// tables, so the document and the server cannot drift apart unnoticed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { couchAdmin, root, startCouch, startServer } from '../e2e/harness.mjs';
import { startNginx } from './nginx.mjs';

const USERS = [
  ['li', 'pw-li'],
  ['zhang', 'pw-zhang'],
  ['wang', 'pw-wang', 'steward:dongtangcun'],
  ['zhou', 'pw-zhou', 'steward:tianhecun'],
  ['office', 'pw-office', 'district'],
  // The tiers (上下联动): dongtangcun's community, another community of its street, the
  // street of both, and another street.
  ['xintang', 'pw-xintang', 'community:书院路街道/新塘社区'],
  ['xiaotang', 'pw-xiaotang', 'community:书院路街道/晓塘社区'],
  ['shuyuan', 'pw-shuyuan', 'street:书院路街道'],
  ['jianshe', 'pw-jianshe', 'street:建设路街道'],
];
const PASSWORDS = Object.fromEntries(USERS.map(([n, p]) => [n, p]));

/** The tables of docs/SECURITY.md: { db: { endpoint: { account: '✓' | 'door' | 'rules' } } }. */
export function matrix() {
  const text = readFileSync(join(root, 'docs', 'SECURITY.md'), 'utf8');
  const out = {};
  for (const section of text.split('<!-- matrix: ').slice(1)) {
    const db = section.slice(0, section.indexOf(' -->'));
    // The table right under the marker, to its first line that is not a row.
    const rest = section.split('\n').slice(1);
    const lines = rest.slice(0, rest.findIndex((l) => !l.startsWith('|')) >>> 0);
    const header = lines[0].split('|').slice(2, -1).map((s) => s.trim());
    out[db] = {};
    for (const line of lines.slice(2)) {
      const [endpoint, ...cells] = line.split('|').slice(1, -1).map((s) => s.trim());
      out[db][endpoint] = Object.fromEntries(header.map((who, i) => [who, cells[i]]));
    }
  }
  return out;
}

let n = 0;
/** A document of the kind `db` holds, for dongtangcun, new each time. */
function docFor(db) {
  n += 1;
  if (db.startsWith('c-')) return { _id: `change:M${n}`, compound: 'dongtangcun', at: n, summary: 'x' };
  if (db.startsWith('r-')) return { _id: `mediation:M${n}`, id: `M${n}`, compound: 'dongtangcun' };
  if (db.startsWith('userdb-')) return { _id: `report:RM${n}`, id: `RM${n}`, compound: 'dongtangcun', filed_by: 'li', timeline: [] };
  if (db === 'district') return { _id: `scoring:2026Q${n}`, compound: '' };
  return { _id: `x:${n}` };
}

/** One cell's request: method, path under /db/, body. */
function requestFor(db, endpoint) {
  const existing = db === '_users' ? 'org.couchdb.user:li' : db === 'c-dongtangcun' ? 'compound:dongtangcun' : 'seed:1';
  const doc = docFor(db);
  switch (endpoint) {
    case 'GET doc': return ['GET', `${db}/${encodeURIComponent(existing)}`];
    case "GET a photo (a report's attachment)": return ['GET', `${db}/${encodeURIComponent(existing)}/p1`];
    case '_all_docs': return ['GET', `${db}/_all_docs`];
    case '_changes': return ['GET', `${db}/_changes`];
    case '_bulk_get': return ['POST', `${db}/_bulk_get`, { docs: [{ id: existing }] }];
    case '_revs_diff': return ['POST', `${db}/_revs_diff`, { [existing]: ['1-00000000000000000000000000000000'] }];
    case '_find': return ['POST', `${db}/_find`, { selector: {} }];
    case '_bulk_docs': return ['POST', `${db}/_bulk_docs`, { docs: [doc] }];
    case '_bulk_docs new_edits:false':
      return ['POST', `${db}/_bulk_docs`, { new_edits: false, docs: [{ ...doc, _rev: `1-${String(n).padStart(32, 'a')}` }] }];
    case 'PUT doc': return ['PUT', `${db}/${encodeURIComponent(doc._id)}`, doc];
    case 'PUT a 业委会 record': return ['PUT', `${db}/committee%3Ap${n}`, { _id: `committee:p${n}`, id: `p${n}`, compound: `p${n}`, current: { stage: 'Preparing', steps: [['Petition', '2026-09-01']], members: [], recorded_at: 1 }, history: [], updated_at: 1 }];
    case 'PUT a contract': return ['PUT', `${db}/contract%3Ak${n}`, { _id: `contract:k${n}`, id: `k${n}`, company: '金地物业', compounds: ['dongtangcun'], compound: 'dongtangcun', filed_by: 'li', start: '2026-07-01', term_months: 36, scope: ['Cleaning'], fee_fen: 45, history: [], updated_at: 1 }];
    case "PUT another compound's roster": return ['PUT', `${db}/compound%3Atianhecun`, { id: 'dongtangcun', name: '东塘村小区' }];
    case 'GET _design/cs': return ['GET', `${db}/_design/cs`];
    case 'PUT _design': return ['PUT', `${db}/_design/mine`, { validate_doc_update: 'function () {}' }];
    case 'GET _local': return ['GET', `${db}/_local/seed`];
    case 'PUT _local': return ['PUT', `${db}/_local/m${n}`, { since: 1 }];
    case 'GET _security': return ['GET', `${db}/_security`];
    case 'PUT _security': return ['PUT', `${db}/_security`, { admins: { names: ['li'] }, members: {} }];
    case 'GET /': return ['GET', ''];
    case 'GET _session': return ['GET', '_session'];
    case 'GET _all_dbs': return ['GET', '_all_dbs'];
    case 'GET _db_updates': return ['GET', '_db_updates?feed=normal'];
    case 'GET _replicator': return ['GET', '_replicator/_all_docs'];
    case 'POST _replicate': return ['POST', '_replicate', { source: 'r-dongtangcun', target: 'userdb-6c69' }];
    case 'GET _node/_local/_config': return ['GET', '_node/_local/_config'];
    case 'GET _scheduler/jobs': return ['GET', '_scheduler/jobs'];
    case 'PUT new database': return ['PUT', `newdb${n}`];
    case 'GET _uuids': return ['GET', '_uuids'];
    default: throw new Error(`no request for ${endpoint}`);
  }
}

/** What the server did: 'door' (401/403 from the door), 'rules' (a document refused by
 *  validate_doc_update), '✓' (done), or a description of anything else. */
function outcome(status, body) {
  const refusedDoc = (d) => d && (d.error === 'forbidden' || d.error === 'unauthorized');
  if ((status === 401 || status === 403) && body?.error && body?.reason !== undefined) {
    // The door's answers name no CouchDB internals; the rules' reasons are Chinese first.
    return /[\u4e00-\u9fff]/.test(body.reason) ? 'rules' : 'door';
  }
  if (Array.isArray(body) && body.some(refusedDoc)) return 'rules';
  if (status >= 200 && status < 300) return '✓';
  return `${status} ${JSON.stringify(body).slice(0, 120)}`;
}

describe('the permission matrix of docs/SECURITY.md', () => {
  let couch;
  const fronts = {};
  const sessions = {};
  before(async () => {
    couch = await startCouch({ users: USERS });
    fronts.nginx = await startNginx(couch);
    fronts.proxy = await startServer(undefined, { couch });
    // Something to read in each database, put there by the admin (not through the door).
    for (const db of ['r-dongtangcun', 'userdb-6c69', 'district', 'cs-relay']) {
      // With a photo where reports keep theirs.
      const photo = db === 'cs-relay' ? {} : { photos: ['p1'], _attachments: { p1: { content_type: 'image/jpeg', data: 'aGVsbG8=' } } };
      await couchAdmin(couch, 'PUT', `${db}/seed:1`, { compound: 'dongtangcun', filed_by: 'li', ...photo });
    }
    for (const db of ['c-dongtangcun', 'r-dongtangcun', 'userdb-6c69', 'district', 'cs-relay']) {
      await couchAdmin(couch, 'PUT', `${db}/_local/seed`, { since: 0 });
    }
    await couchAdmin(couch, 'PUT', 'c-dongtangcun/compound:dongtangcun', { id: 'dongtangcun', name: '东塘村小区' });
    // Each account signs in as the app does: a session cookie.
    for (const [name, password] of USERS) {
      const r = await fetch(`${fronts.nginx.url}/db/_session`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }),
      });
      assert.equal(r.status, 200, `${name} signs in`);
      sessions[name] = r.headers.get('set-cookie').split(';')[0];
    }
  });
  after(async () => {
    await fronts.nginx?.stop();
    fronts.proxy?.stop();
    await couch?.stop();
  });

  for (const [front, pace] of [['nginx', 50], ['proxy', 0]]) {
    for (const [db, rows] of Object.entries(matrix())) {
      it(`${db}, through ${front === 'nginx' ? 'nginx (deploy/nginx.conf)' : 'the test proxy'}: every account, every endpoint`, async () => {
        const wrong = [];
        for (const [endpoint, cells] of Object.entries(rows)) {
          for (const [account, expected] of Object.entries(cells)) {
            const [method, path, body] = requestFor(db, endpoint);
            const headers = { 'content-type': 'application/json', accept: 'application/json' };
            if (account !== 'anonymous') headers.cookie = sessions[account];
            // nginx limits a client to 30 requests a second (a burst of 300): kept to.
            if (pace) await new Promise((r) => setTimeout(r, pace));
            const r = await fetch(`${fronts[front].url}/db/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
            const text = await r.text();
            let json = null;
            try { json = JSON.parse(text); } catch { json = text; }
            const got = outcome(r.status, json);
            if (got !== expected) wrong.push(`${endpoint} as ${account}: expected ${expected}, got ${got}`);
          }
        }
        assert.deepEqual(wrong, [], `${db}:\n${wrong.join('\n')}`);
      });
    }
  }

  it('a password that is wrong opens nothing, not even what is public', async () => {
    const r = await fetch(`${fronts.nginx.url}/db/c-dongtangcun/_all_docs`, {
      headers: { authorization: 'Basic ' + Buffer.from(`li:${PASSWORDS.zhang}`).toString('base64') },
    });
    assert.equal(r.status, 401);
  });

  it('paths that read differently on different servers are refused', async () => {
    for (const path of ['r-dongtangcun//_all_docs', 'c-dongtangcun/_design%2Fmine', 'c-dongtangcun/%E0%A4%A']) {
      const method = path.includes('_design') ? 'PUT' : 'GET';
      const r = await fetch(`${fronts.nginx.url}/db/${path}`, { method, headers: { cookie: sessions.wang }, body: method === 'PUT' ? '{}' : undefined });
      assert.ok([400, 401, 403].includes(r.status), `${path}: ${r.status}`);
    }
  });

  it('one client sending without pause is slowed at the door before CouchDB sees it', async () => {
    const answers = [];
    for (let batch = 0; batch < 12; batch++) {
      answers.push(...await Promise.all(Array.from({ length: 50 }, () =>
        fetch(`${fronts.nginx.url}/db/c-dongtangcun/_all_docs?limit=1`).then((r) => r.status))));
    }
    assert.ok(answers.filter((s) => s === 503).length > 150, `refused: ${answers.filter((s) => s === 503).length} of 600`);
    assert.ok(answers.includes(200));
  });
});
