// The governance records (src/domain/governance/: 业委会 per compound, 连片托管 contracts)
// on the district server: the office writes them into `district` and nobody else writes
// them anywhere (docs/SECURITY.md, "Who writes each kind"). Tried as an attacker would,
// through the public door (nginx with deploy/nginx.conf and the relay's /authorize), each
// with their own account; and the relay's copy rule as a pure function.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { couchAdmin, root, startCouch } from '../e2e/harness.mjs';
import { startNginx } from './nginx.mjs';
import { OFFICE_KINDS, judge } from '../../deploy/rules.mjs';

const USERS = [
  ['li', 'pw-li'],
  ['wang', 'pw-wang', 'steward:dongtangcun'],
  ['office', 'pw-office', 'district'],
];
const LI_DB = 'userdb-6c69';

/** As the app writes them (src/domain/governance/committee.rs, contract.rs). */
const committee = (compound, stage = 'Elected') => ({
  _id: `committee:${compound}`, id: compound, compound,
  current: { stage, steps: [['Vote', '2025-06-20']], members: [{ name: '示例甲', post: '主任' }], term_start: '2025-07-01', term_end: '2030-06-30', note: '', recorded_at: 1 },
  history: [], sample: false, updated_at: 1, deleted: false,
});
const contract = (id, extra = {}) => ({
  _id: `contract:${id}`, id, company: '金地物业', compounds: ['dongtangcun'], start: '2026-07-01', term_months: 36,
  scope: ['Cleaning', 'Parking'], fee_fen: 45, ended_on: null, history: [], migrated: false, sample: false, updated_at: 1, deleted: false, ...extra,
});
const meeting = (id, extra = {}) => ({
  _id: `meeting:${id}`, id, kind: 'Quarterly', date: '2026-10-15', attendees: ['书院路街道', '金地物业'], decisions: [],
  follow_ups: [{ what: '化粪池清掏', owner: '金地物业', due: '2026-11-30', done: false }], sample: false, updated_at: 1, deleted: false, ...extra,
});
const keyCase = (id, extra = {}) => ({
  _id: `case:${id}`, id, title: '不动产办证', kind: 'Certificates', compounds: ['yunfeng', 'baili-plaza'], households: 1000, opened: '2026-03-02',
  progress: [{ date: '2026-06-30', what: '完成首批', done: 300 }], status: 'Open', resolved_on: null, sample: false, updated_at: 1, deleted: false, ...extra,
});
const improvement = (id, extra = {}) => ({
  _id: `improvement:${id}`, id, compound: 'guihuacun', kind: 'BicycleShed', description: '', quantity: 2, done_on: '2026-10-19', note: '',
  sample: false, updated_at: 1, deleted: false, ...extra,
});
/** A party census (src/domain/governance/census.rs): names, and the figures they make. */
const census = (compound, extra = {}) => ({
  _id: `census:${compound}`, id: compound, compound, date: '2026-10-20',
  members: [
    { name: '示例甲', building: '1栋', official: false, reported_on: null },
    { name: '示例乙', building: '2栋', official: true, reported_on: '2026-11-02' },
    { name: '示例丙', building: '2栋', official: true, reported_on: null },
  ],
  tally: { by_building: [{ building: '1栋', members: 1 }, { building: '2栋', members: 2 }], officials: 2, reported: 1 },
  sample: false, updated_at: 1, deleted: false, ...extra,
});
const company = (id, extra = {}) => ({
  _id: `company:${id}`, id, name: '金地物业', contacts: [{ name: '示例甲', phone: '13800000001', post: '项目经理' }], compounds: ['dongtangcun'],
  decisions: [{ decision: 'Admit', date: '2026-10-10', scorecard: { quarter: '2026Q3', reports: 12, total: 84.5, basis: 100, verdict: 'Keep' }, note: '' }],
  training: [{ date: '2026-06-15', topic: '物业服务标准' }], sample: false, updated_at: 1, deleted: false, ...extra,
});

describe('the design document\'s shape checks, from the Rust declarations', () => {
  it('lists every value of each office record\'s enums as the app writes it (serde: the variant\'s name)', () => {
    const design = readFileSync(join(root, 'deploy', 'validate_doc_update.js'), 'utf8');
    const variants = (file, name) => {
      const rust = readFileSync(join(root, 'src', 'domain', 'governance', file), 'utf8');
      const start = rust.indexOf(`pub enum ${name} {`);
      const body = rust.slice(start, rust.indexOf('\n    }\n', start));
      return [...body.matchAll(/^\s+(\w+) = "/gm)].map((m) => m[1]);
    };
    for (const [file, name] of [['committee.rs', 'Stage'], ['meeting.rs', 'MeetingKind'], ['case.rs', 'CaseKind'], ['case.rs', 'CaseStatus'], ['improvement.rs', 'ImprovementKind']]) {
      const values = variants(file, name);
      assert.ok(values.length >= 2, `${name} read from ${file}`);
      const literal = `[${values.map((v) => `'${v}'`).join(', ')}]`;
      assert.ok(design.includes(literal), `deploy/validate_doc_update.js checks ${name} against ${literal}`);
    }
  });
});

describe('who writes the governance records', () => {
  let couch;
  let site;
  const cookie = {};
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
  const held = async (db, id) => (await admin('GET', `${db}/${encodeURIComponent(id)}`))._id === id;

  before(async () => {
    couch = await startCouch({ users: USERS, hub: true });
    site = await startNginx(couch);
    for (const [name, password] of USERS) {
      const r = await fetch(`${site.url}/db/_session`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }),
      });
      cookie[name] = r.headers.get('set-cookie').split(';')[0];
    }
  });
  after(async () => {
    await site?.stop();
    await couch?.stop();
  });

  it('the office enters a committee, a contract and a company, and corrects the contract as a new revision', async () => {
    assert.equal((await as('office', 'PUT', 'district/committee%3Atianhecun', committee('tianhecun'))).status, 201);
    const first = await as('office', 'PUT', 'district/contract%3Ak1', contract('k1'));
    assert.equal(first.status, 201);
    const fixed = await as('office', 'PUT', 'district/contract%3Ak1', { ...contract('k1', { fee_fen: 50 }), _rev: first.json.rev });
    assert.equal(fixed.status, 201);
    assert.match(fixed.json.rev, /^2-/);
    assert.equal((await as('office', 'PUT', 'district/company%3Aco1', company('co1'))).status, 201);
    assert.equal((await as('office', 'PUT', 'district/meeting%3Am1', meeting('m1'))).status, 201);
    // The party census: entered, then corrected (an official reported in) as a new revision.
    const counted = await as('office', 'PUT', 'district/census%3Adongtangcun', census('dongtangcun'));
    assert.equal(counted.status, 201, JSON.stringify(counted.json));
    const reported = census('dongtangcun');
    reported.members[2].reported_on = '2026-12-01';
    reported.tally.reported = 2;
    const recount = await as('office', 'PUT', 'district/census%3Adongtangcun', { ...reported, _rev: counted.json.rev });
    assert.equal(recount.status, 201, JSON.stringify(recount.json));
    assert.match(recount.json.rev, /^2-/);
    assert.equal((await admin('GET', 'district/census%3Adongtangcun')).tally.reported, 2);
    // The shipped sample's shape: figures, no names.
    assert.equal((await as('office', 'PUT', 'district/census%3Atianhecun', census('tianhecun', { members: [], sample: true }))).status, 201);
    assert.equal((await admin('GET', 'district/contract%3Ak1')).fee_fen, 50);
  });

  it('the office\'s malformed records are refused by the rules: a committee under another compound\'s id, a contract with no company or compounds', async () => {
    const wrongId = await as('office', 'PUT', 'district/committee%3Adongtangcun', { ...committee('tianhecun'), _id: 'committee:dongtangcun' });
    assert.equal(wrongId.status, 403);
    assert.match(wrongId.json.reason, /业委会|committee/);
    const badStage = await as('office', 'PUT', 'district/committee%3Asongtaoli', committee('songtaoli', 'Dissolved'));
    assert.equal(badStage.status, 403);
    for (const bad of [contract('k2', { company: ' ' }), contract('k3', { compounds: [] }), company('co2', { name: '' }), meeting('m2', { kind: 'Party' }), meeting('m3', { date: null }),
      { ...census('tianhecun'), _id: 'census:songtaoli' }, census('guihuacun', { date: '昨天' }),
      census('guihuacun', { members: [{ name: '', building: '1栋' }] }),
      census('guihuacun', { tally: { by_building: [{ building: '1栋', members: -1 }], officials: 0, reported: 0 } }),
      census('guihuacun', { tally: { by_building: [{ building: '1栋', members: 3 }], officials: 2, reported: 2 } })]) {
      const r = await as('office', 'PUT', `district/${encodeURIComponent(bad._id)}`, bad);
      assert.equal(r.status, 403, JSON.stringify(r.json));
      assert.equal(await held('district', bad._id), false);
    }
  });

  it('a steward cannot write a contract, a committee or a company: not into district (the door), not into the compound\'s records (the rules)', async () => {
    const direct = await as('wang', 'PUT', 'district/contract%3Aw1', contract('w1'));
    assert.equal(direct.status, 403);
    const bulk = await as('wang', 'POST', 'district/_bulk_docs', { docs: [committee('dongtangcun'), company('w3'), meeting('w5'), census('dongtangcun')] });
    assert.equal(bulk.status, 403);
    const count = await as('wang', 'PUT', 'district/census%3Adongtangcun', census('dongtangcun'));
    assert.equal(count.status, 403, 'nor count his compound\'s party members');
    const inRecords = await as('wang', 'PUT', 'r-dongtangcun/census%3Adongtangcun', census('dongtangcun'));
    assert.equal(inRecords.status, 403);
    assert.equal(await held('r-dongtangcun', 'census:dongtangcun'), false);
    const asCompany = await as('wang', 'PUT', 'r-dongtangcun/company%3Aw4', { ...company('w4'), compound: 'dongtangcun' });
    assert.equal(asCompany.status, 403, 'nor enter his own company in the register');
    const sideways = await as('wang', 'PUT', 'r-dongtangcun/contract%3Aw2', { ...contract('w2'), compound: 'dongtangcun' });
    assert.equal(sideways.status, 403);
    assert.match(sideways.json.reason, /只放报事|Only reports/);
    const replicated = await as('wang', 'POST', 'r-dongtangcun/_bulk_docs', { new_edits: false, docs: [{ ...committee('dongtangcun'), _rev: `1-${'c'.repeat(32)}` }] });
    assert.equal(replicated.json[0]?.error, 'forbidden');
    for (const [db, id] of [['district', 'contract:w1'], ['district', 'committee:dongtangcun'], ['r-dongtangcun', 'contract:w2'], ['r-dongtangcun', 'committee:dongtangcun']]) {
      assert.equal(await held(db, id), false, `${db} has no ${id}`);
    }
  });

  it('a resident writes none of them anywhere, their own database included', async () => {
    for (const [db, doc] of [[LI_DB, contract('l1')], [LI_DB, committee('dongtangcun')], [LI_DB, company('l3')], ['district', contract('l2')], ['district', company('l4')], [LI_DB, meeting('l5')], [LI_DB, census('dongtangcun')], ['district', census('guihuacun')], ['r-dongtangcun', committee('dongtangcun')]]) {
      const r = await as('li', 'PUT', `${db}/${encodeURIComponent(doc._id)}`, doc);
      assert.ok([401, 403].includes(r.status), `${db} ${doc._id}: ${r.status}`);
      assert.equal(await held(db, doc._id), false, `${db} has no ${doc._id}`);
    }
  });

  it('the office enters a key case and an improvement, and corrects the case (resolved) as a new revision; malformed ones are refused', async () => {
    const first = await as('office', 'PUT', 'district/case%3Ac1', keyCase('c1'));
    assert.equal(first.status, 201, JSON.stringify(first.json));
    const resolved = await as('office', 'PUT', 'district/case%3Ac1', { ...keyCase('c1', { status: 'Resolved', resolved_on: '2026-10-19' }), _rev: first.json.rev });
    assert.equal(resolved.status, 201);
    assert.match(resolved.json.rev, /^2-/);
    assert.equal((await admin('GET', 'district/case%3Ac1')).status, 'Resolved');
    assert.equal((await as('office', 'PUT', 'district/improvement%3Ai1', improvement('i1'))).status, 201);
    assert.equal((await as('office', 'PUT', 'district/improvement%3Ai2', improvement('i2', { kind: 'Other', description: '休闲座椅' }))).status, 201);
    for (const bad of [
      keyCase('c2', { title: ' ' }), keyCase('c3', { kind: 'Flood' }), keyCase('c4', { compounds: [] }), keyCase('c5', { households: 0 }),
      keyCase('c6', { households: 12.5 }), keyCase('c7', { opened: null }), keyCase('c8', { status: 'Resolved' }),
      keyCase('c9', { status: 'Resolved', resolved_on: '2026-01-01' }), keyCase('c10', { status: 'Closed' }),
      improvement('i3', { compound: '' }), improvement('i4', { kind: 'Pool' }), improvement('i5', { kind: 'Other', description: '' }),
      improvement('i6', { quantity: 0 }), improvement('i7', { quantity: '2' }), improvement('i8', { done_on: 'soon' }),
    ]) {
      const r = await as('office', 'PUT', `district/${encodeURIComponent(bad._id)}`, bad);
      assert.equal(r.status, 403, `${bad._id}: ${JSON.stringify(r.json)}`);
      assert.equal(await held('district', bad._id), false);
    }
  });

  it('a steward or a resident writes neither a key case nor an improvement, anywhere', async () => {
    const bulk = await as('wang', 'POST', 'district/_bulk_docs', { docs: [keyCase('w6'), improvement('w7')] });
    assert.equal(bulk.status, 403);
    for (const [who, db, doc] of [
      ['wang', 'district', keyCase('w8')], ['wang', 'district', improvement('w9')],
      ['wang', 'r-dongtangcun', { ...keyCase('w10'), compound: 'dongtangcun' }], ['wang', 'r-dongtangcun', { ...improvement('w11'), compound: 'dongtangcun' }],
      ['li', LI_DB, keyCase('l6')], ['li', LI_DB, improvement('l7')], ['li', 'district', keyCase('l8')], ['li', 'district', improvement('l9')],
    ]) {
      const r = await as(who, 'PUT', `${db}/${encodeURIComponent(doc._id)}`, doc);
      assert.ok([401, 403].includes(r.status), `${who} ${db} ${doc._id}: ${r.status}`);
      assert.equal(await held(db, doc._id), false, `${db} has no ${doc._id}`);
    }
    for (const id of ['case:w6', 'improvement:w7']) assert.equal(await held('district', id), false);
  });

  it('a contract that got into a compound\'s database anyway is not carried to the office', () => {
    const k = { ...contract('x1'), compound: 'dongtangcun', _rev: '1-a' };
    assert.equal(judge('r-dongtangcun', 'district', k, null).ok, false);
    assert.equal(judge(LI_DB, 'district', { ...committee('dongtangcun'), filed_by: 'li', _rev: '1-a' }, null).ok, false);
    assert.equal(judge('r-dongtangcun', 'district', { ...census('dongtangcun'), _rev: '1-a' }, null).ok, false);
  });
});

it('the office\'s kinds are the ones the app sends to the district database (src/format/replication/databases.rs)', () => {
  const rust = readFileSync(join(root, 'src', 'format', 'replication', 'databases.rs'), 'utf8');
  const start = rust.indexOf('const DISTRICT_KINDS');
  const line = rust.slice(start, rust.indexOf('];', start));
  const documents = readFileSync(join(root, 'src', 'format', 'documents.rs'), 'utf8');
  const key = (variant) => new RegExp(`${variant} = "(\\w+)"`).exec(documents)[1];
  assert.deepEqual([...line.matchAll(/DocKind::(\w+)/g)].map((m) => key(m[1])), OFFICE_KINDS);
  const rules = readFileSync(join(root, 'deploy', 'validate_doc_update.js'), 'utf8');
  assert.ok(rules.includes(JSON.stringify(OFFICE_KINDS).replaceAll('"', "'").replaceAll(',', ', ')), 'validate_doc_update.js lets the office write exactly these');
});
