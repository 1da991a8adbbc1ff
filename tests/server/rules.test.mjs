// deploy/rules.mjs as pure functions: the door's reading of paths, and the relay's
// judgement of revisions (what each role may change, merges, made-up histories).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORIES, CHANGE_ROLES, CHANGEABLE, ROLES } from '../../deploy/report_changes.mjs';
import { vocabulary } from '../../deploy/prerender_module.mjs';
import { NEXT_STATUS, PHOTO_MAX_COUNT, access, authorize, dbKind, judge, parsePath, reportChange, targetsOf, tierRoles, userDb } from '../../deploy/rules.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const li = { name: 'li', roles: [] };
const wang = { name: 'wang', roles: ['steward:dongtangcun'] };
const LI = userDb('li');

function report(extra = {}) {
  return {
    _id: 'report:R1', id: 'R1', compound: 'dongtangcun', filed_by: 'li', description: '漏水', satisfaction: null,
    assigned: 's1', expected_by: 10, timeline: [{ at: 1, status: 'Submitted', note: '', by: null }], created_at: 1, updated_at: 1,
    ...extra,
  };
}
const withRev = (doc, rev, ...older) => ({ ...doc, _rev: rev, _revisions: { start: Number(rev.split('-')[0]), ids: [rev, ...older].map((r) => r.split('-')[1]) } });
const resolved = { at: 2, status: 'Resolved', note: '修好了', by: 'Property' };
const confirmed = { at: 3, status: 'Confirmed', note: '', by: null };

describe('the door reads paths as CouchDB does', () => {
  it('names databases, design documents and checkpoints however they are spelled', () => {
    assert.deepEqual(parsePath('/c-x/_design%2Fcs'), { db: 'c-x', what: '_design', doc: '_design/cs', sub: [] });
    assert.deepEqual(parsePath('/c-x/_design/cs/_view/v'), { db: 'c-x', what: '_design', doc: '_design/cs', sub: ['_view', 'v'] });
    assert.deepEqual(parsePath('/c-x/_local/abc?x=1'), { db: 'c-x', what: '_local', doc: '_local/abc', sub: [] });
    assert.equal(parsePath('/c-x//_all_docs'), null, 'an empty segment');
    assert.equal(parsePath('/c-x/%E0%A4%A'), null, 'broken percent-encoding');
    assert.deepEqual(parsePath('/_session'), { server: '_session' });
  });

  it('knows whose database a userdb is, and nothing else by that name', () => {
    assert.deepEqual(dbKind(LI), { type: 'user', owner: 'li' });
    assert.deepEqual(dbKind(userDb('王')), { type: 'user', owner: '王' });
    assert.equal(dbKind('userdb-ff'), null, 'not UTF-8');
    assert.equal(dbKind('r-../x'), null);
    assert.equal(dbKind('_users'), null);
  });

  it('lets a design document be read, never written, whoever asks', () => {
    const office = { name: 'o', roles: ['district', '_admin'] };
    assert.equal(authorize(office, 'PUT', '/district/_design/cs').allow, false);
    assert.equal(authorize(office, 'PUT', '/district/_design%2Fcs').allow, false);
    assert.equal(authorize(wang, 'GET', '/r-dongtangcun/_design/cs').allow, true);
    assert.equal(authorize(wang, 'GET', '/r-dongtangcun/_design/cs/_view/all').allow, false);
  });

  it('gives a roster\'s reader no checkpoints there, and its steward both', () => {
    assert.equal(authorize(li, 'PUT', '/c-dongtangcun/_local/abc').allow, false);
    assert.equal(authorize({}, 'GET', '/c-dongtangcun/_local/abc').allow, true);
    assert.equal(authorize(wang, 'PUT', '/c-dongtangcun/_local/abc').allow, true);
    assert.equal(authorize(wang, 'DELETE', '/c-dongtangcun/_local/abc/att').allow, false);
  });
});

describe('streets and communities at the door (docs/SECURITY.md, "Who")', () => {
  const tiers = { dongtangcun: { street: '书院路街道', community: '新塘社区' }, songtaoli: { street: '', community: '' } };
  const as = (...roles) => ({ name: 'x', roles });
  const may = (u, db) => { const a = access(u, db, tiers); return [a.read, a.write, a.checkpoint].map(Number).join(''); };
  it('a community keeps its compounds\' records, a street reads them, nobody else by a look-alike role', () => {
    assert.equal(may(as('community:书院路街道/新塘社区'), 'r-dongtangcun'), '111');
    assert.equal(may(as('street:书院路街道'), 'r-dongtangcun'), '100');
    for (const role of ['community:书院路街道/晓塘社区', 'street:建设路街道', 'community:新塘社区', 'street:书院路街道/新塘社区', 'community:书院路街道/新塘社区/x', 'street:']) {
      assert.equal(may(as(role), 'r-dongtangcun'), '000', role);
    }
    // A compound the tiers place nowhere, the office's database and residents' databases.
    assert.equal(may(as('street:书院路街道'), 'r-songtaoli'), '000');
    for (const db of ['district', 'cs-relay', userDb('li')]) assert.equal(may(as('community:书院路街道/新塘社区', 'street:书院路街道'), db), '000', db);
    // Without the tiers (the door could not read them yet), no tier opens anything.
    assert.equal(access(as('street:书院路街道'), 'r-dongtangcun').read, false);
    assert.equal(authorize(as('street:书院路街道'), 'PUT', '/r-dongtangcun/mediation%3A1', tiers).allow, false);
  });
  it('the set-up names a compound\'s tiers from the dataset, none for a name it could not tell apart', () => {
    assert.deepEqual(tierRoles({ subdistrict: ' 书院路街道 ', community: '新塘社区' }), ['street:书院路街道', 'community:书院路街道/新塘社区']);
    assert.deepEqual(tierRoles({ subdistrict: '书院路街道', community: '' }), ['street:书院路街道']);
    assert.deepEqual(tierRoles({ subdistrict: '', community: '新塘社区' }), []);
    assert.deepEqual(tierRoles({ subdistrict: 'a/b', community: 'c' }), []);
    assert.deepEqual(tierRoles({ subdistrict: 'a', community: 'b/c' }), ['street:a']);
  });
});

describe('the relay judges a revision by the account it came from', () => {
  it('knows the status rules as the app does (src/domain/report.rs Status::next)', () => {
    const rust = readFileSync(join(root, 'src', 'domain', 'report.rs'), 'utf8');
    const table = rust.slice(rust.indexOf('pub fn next(self)'), rust.indexOf('pub fn can_become'));
    const fromRust = {};
    for (const [, from, to] of table.matchAll(/(\w+) => &\[([^\]]*)\]/g)) {
      fromRust[from] = to.split(',').map((t) => t.trim()).filter(Boolean);
    }
    assert.deepEqual(fromRust, NEXT_STATUS);
  });

  it('allows as many photos on a report as the app lets a reporter add (src/domain/photo.rs MAX_PHOTOS)', () => {
    const rust = readFileSync(join(root, 'src', 'domain', 'photo.rs'), 'utf8');
    assert.equal(Number(rust.match(/pub const MAX_PHOTOS: usize = (\d+);/)[1]), PHOTO_MAX_COUNT);
  });

  it('refuses a deletion that would make a record vanish, and takes one that closes a conflict', () => {
    const a = withRev(report(), '1-a');
    const b = withRev(report({ timeline: [...report().timeline, resolved] }), '2-b', '1-a');
    const c = withRev(report({ description: '楼道漏水，三楼' }), '2-c', '1-a');
    const only = { revs: new Set(['1-a', '2-b']), leaves: [b], parent: b };
    const gone = { _id: 'report:R1', _deleted: true, _rev: '3-d', _revisions: { start: 3, ids: ['d', 'b', 'a'] } };
    assert.match(judge('r-dongtangcun', 'district', gone, only).reason, /not deleted/);
    const both = { revs: new Set(['1-a', '2-b', '2-c']), leaves: [b, c], parent: c };
    const closeC = { _id: 'report:R1', _deleted: true, _rev: '3-e', _revisions: { start: 3, ids: ['e', 'c', 'a'] } };
    assert.deepEqual(judge(LI, 'district', closeC, both), { ok: true });
    // The reporter may not close the branch that holds the steward's step, unless it is kept.
    const closeB = { _id: 'report:R1', _deleted: true, _rev: '3-f', _revisions: { start: 3, ids: ['f', 'b', 'a'] } };
    assert.match(judge(LI, 'district', closeB, { ...both, parent: b }).reason, /other side/);
    void a;
  });

  it('refuses a taller branch that leaves out the other side\'s steps', () => {
    const filed = withRev(report(), '1-a');
    const done = withRev(report({ timeline: [...report().timeline, resolved] }), '2-b', '1-a');
    const known = { revs: new Set(['1-a', '2-b']), leaves: [done], parent: filed };
    // A made-up history of 49 steps on from her own first revision: it reaches 1-a.
    const ids = ['z', ...Array.from({ length: 48 }, (_, i) => `m${i}`), 'a'];
    const tall = { ...report({ description: '管家从未处理' }), _rev: '50-z', _revisions: { start: 50, ids } };
    assert.match(judge(LI, 'district', tall, known).reason, /leaves out a step/);
  });

  it('reads a malformed report as refused, never as a reason to stop', () => {
    const bad = withRev(report({ timeline: {} }), '1-a');
    assert.equal(judge(LI, 'district', bad, null).code, 'malformed');
    const html = withRev(report({ _attachments: { 'x.html': { content_type: 'text/html', length: 10, stub: true } } }), '1-a');
    assert.equal(judge(LI, 'district', html, null).code, 'malformed');
    const photo = withRev(report({ _attachments: { 'p1.jpg': { content_type: 'image/jpeg', length: 1000, stub: true, digest: 'md5-x' } } }), '1-a');
    assert.deepEqual(judge(LI, 'district', photo, null), { ok: true });
    const confirmedAtOnce = withRev(report({ timeline: [...report().timeline, confirmed] }), '1-a');
    assert.match(judge(LI, 'district', confirmedAtOnce, null).reason, /cannot follow/);
  });

  it('routes a resident\'s report to their compound\'s stewards and the office, and progress back', () => {
    assert.deepEqual(targetsOf(LI, report(), new Set(['dongtangcun'])), ['district', 'r-dongtangcun']);
    assert.deepEqual(targetsOf(LI, report({ compound: 'nowhere' }), new Set(['dongtangcun'])), ['district']);
    assert.deepEqual(targetsOf('r-dongtangcun', report(), new Set()), ['district', LI]);
  });

  it('takes a new report from its reporter, routed and dated as submitting does', () => {
    assert.deepEqual(judge(LI, 'r-dongtangcun', withRev(report(), '1-a'), null), { ok: true });
    const stewardStep = withRev(report({ timeline: [...report().timeline, resolved] }), '1-a');
    assert.equal(judge(LI, 'r-dongtangcun', stewardStep, null).ok, false);
    assert.equal(judge(LI, 'r-dongtangcun', withRev(report({ received_at: 5 }), '1-a'), null).ok, false);
    assert.equal(judge(LI, 'district', withRev(report({ filed_by: 'zhang' }), '1-a'), null).ok, false);
  });

  it('refuses a version whose history reaches nothing the target knows', () => {
    const known = { revs: new Set(['1-a']), leaves: [withRev(report(), '1-a')], parent: undefined };
    const forged = withRev(report({ timeline: [...report().timeline, confirmed] }), '999-f', '998-e');
    assert.match(judge(LI, 'district', forged, known).reason, /history reaches no revision/);
  });

  it('lets the reporter confirm a resolved report, not resolve it themselves', () => {
    const resolvedDoc = withRev(report({ timeline: [...report().timeline, resolved] }), '2-b', '1-a');
    const known = { revs: new Set(['1-a', '2-b']), leaves: [resolvedDoc], parent: resolvedDoc };
    const confirm = withRev(report({ timeline: [...resolvedDoc.timeline, confirmed], satisfaction: 5 }), '3-c', '2-b', '1-a');
    assert.deepEqual(judge(LI, 'r-dongtangcun', confirm, known), { ok: true });
    const sneaky = withRev(report({ timeline: [...resolvedDoc.timeline, confirmed], assigned: 'me' }), '3-c', '2-b', '1-a');
    assert.match(judge(LI, 'r-dongtangcun', sneaky, known).reason, /assigned/);
    const erased = withRev(report(), '3-d', '2-b', '1-a');
    assert.match(judge(LI, 'r-dongtangcun', erased, known).reason, /taken out/);
  });

  it('lets a steward move a report on, but not confirm or rate one a resident filed from their account', () => {
    const filed = withRev(report(), '1-a');
    const known = { revs: new Set(['1-a']), leaves: [filed], parent: filed };
    const step = withRev(report({ timeline: [...report().timeline, resolved] }), '2-b', '1-a');
    assert.deepEqual(judge('r-dongtangcun', 'district', step, known), { ok: true });
    const rated = withRev(report({ satisfaction: 5 }), '2-b', '1-a');
    assert.match(judge('r-dongtangcun', 'district', rated, known).reason, /satisfaction/);
    const resolvedDoc = withRev(report({ timeline: [...report().timeline, resolved] }), '2-b', '1-a');
    const resolvedKnown = { revs: new Set(['1-a', '2-b']), leaves: [resolvedDoc], parent: resolvedDoc };
    const confirm = withRev(report({ timeline: [...resolvedDoc.timeline, confirmed] }), '3-c', '2-b', '1-a');
    assert.match(judge('r-dongtangcun', 'district', confirm, resolvedKnown).reason, /reporter's steps/);
    // ... whatever role it names for the step.
    const disguised = withRev(report({ timeline: [...resolvedDoc.timeline, { ...confirmed, by: 'Red' }] }), '3-c', '2-b', '1-a');
    assert.match(judge('r-dongtangcun', 'district', disguised, resolvedKnown).reason, /reporter's steps/);
    // Nor rewrite what the reporter wrote, nor withdraw it for them.
    const rewritten = withRev(report({ description: '无问题，居民撤回' }), '2-x', '1-a');
    assert.match(judge('r-dongtangcun', 'district', rewritten, known).reason, /description/);
    const withdrawn = withRev(report({ deleted: true }), '2-x', '1-a');
    assert.match(judge('r-dongtangcun', 'district', withdrawn, known).reason, /deleted/);
    // A report taken in by hand (no account): the steward records what the reporter said.
    const byHand = withRev(report({ filed_by: undefined, timeline: [...report().timeline, resolved, confirmed] }), '3-c', '2-b', '1-a');
    const handKnown = { revs: new Set(['1-a', '2-b']), leaves: [], parent: { ...report({ filed_by: undefined }), timeline: [...report().timeline, resolved] } };
    assert.deepEqual(judge('r-dongtangcun', 'district', byHand, handKnown), { ok: true });
  });

  it('takes a merge: what another current version holds is not a change by the merger', () => {
    const base = report({ timeline: [...report().timeline, resolved] });
    const theirs = withRev({ ...base, timeline: [...base.timeline, confirmed], satisfaction: 4 }, '3-r', '2-b', '1-a');
    const mine = withRev({ ...base, assigned: 's2' }, '3-s', '2-b', '1-a');
    const known = { revs: new Set(['1-a', '2-b', '3-r', '3-s']), leaves: [theirs, mine], parent: mine };
    const merged = withRev({ ...base, timeline: theirs.timeline, satisfaction: 4, assigned: 's2' }, '4-m', '3-s', '2-b', '1-a');
    assert.deepEqual(judge('r-dongtangcun', 'district', merged, known), { ok: true });
    assert.equal(reportChange('steward', mine, { ...merged, satisfaction: 1 }, [theirs, mine]).includes('satisfaction'), true);
  });

  it('keeps each compound\'s records to its own stewards', () => {
    const theirs = withRev(report({ compound: 'tianhecun', filed_by: undefined }), '1-a');
    const known = { revs: new Set(['1-a']), leaves: [theirs], parent: theirs };
    const mine = withRev(report({ filed_by: undefined, description: '冒充' }), '2-x', '1-a');
    assert.match(judge('r-dongtangcun', 'district', mine, known).reason, /another compound/);
    const roster = { _id: 'compound:tianhecun', id: 'dongtangcun', _rev: '1-a' };
    assert.equal(judge('c-dongtangcun', 'district', roster, null).ok, false);
    assert.equal(judge('c-dongtangcun', 'district', { _id: 'compound:dongtangcun', id: 'dongtangcun', _rev: '1-a' }, null).ok, true);
    assert.equal(judge('c-dongtangcun', 'district', { _id: '_design/cs', _rev: '1-a' }, null).ok, false);
  });

  it('reads who may take which change step from the built app, as src/domain/report_changes.rs says', () => {
    const rust = readFileSync(join(root, 'src', 'domain', 'report_changes.rs'), 'utf8');
    const roles = rust.slice(rust.indexOf('pub fn roles(self)'), rust.indexOf('pub fn may('));
    const fromRust = {};
    for (const [, kind, list] of roles.matchAll(/ChangeKind::(\w+) => &\[([^\]]*)\]/g)) {
      fromRust[kind] = list.split(',').map((t) => t.trim()).filter(Boolean);
    }
    assert.deepEqual(fromRust, CHANGE_ROLES);
    const changeable = rust.slice(rust.indexOf('pub fn changeable'), rust.indexOf('/// Why a change was refused'));
    assert.deepEqual([...changeable.matchAll(/Status::(\w+)/g)].map((m) => m[1]).filter((s) => s !== 'Status'), CHANGEABLE);
    // The step's two limits, as the Rust constants say.
    const limits = readFileSync(join(root, 'src', 'domain', 'limits.rs'), 'utf8');
    const words = vocabulary();
    assert.equal(words.note_max, Number(limits.match(/pub const NOTE_MAX: usize = (\d+);/)[1]));
    assert.equal(words.deadline_max_days, Number(rust.match(/pub const DEADLINE_MAX_DAYS: Millis = (\d+);/)[1]));
  });

  it('reads every category and role from the built app, as src/domain/category.rs and steward.rs declare them', () => {
    const variants = (file, name) => {
      const rust = readFileSync(join(root, 'src', 'domain', file), 'utf8');
      const body = rust.slice(rust.indexOf(`pub enum ${name} {`), rust.indexOf('\n    }\n}', rust.indexOf(`pub enum ${name} {`)));
      return [...body.matchAll(/^\s+(\w+) = "/gm)].map((m) => m[1]);
    };
    assert.deepEqual(variants('category.rs', 'Category'), CATEGORIES);
    assert.deepEqual(variants('steward.rs', 'Role'), ROLES);
  });

  describe('a steward\'s change steps', () => {
    const DAY = 24 * 3600 * 1000;
    const filed = withRev(report(), '1-a');
    const known = { revs: new Set(['1-a']), leaves: [filed], parent: filed };
    const stepped = (step, extra = {}) => withRev(report({ timeline: [...report().timeline, step], ...extra }), '2-b', '1-a');
    const change = (by, change, more = {}) => ({ at: 5, status: 'Submitted', note: '归错类了', by, change, ...more });

    it('takes each from a role that may, with the fields they set', () => {
      const cases = [
        [change('Peacemaker', { Reassign: 's9' }), { assigned: 's9' }],
        [change('Red', { Recategorise: 'Drainage' }), { category: 'Drainage' }],
        [change('Property', { Deadline: 5 + 9 * DAY }), { expected_by: 5 + 9 * DAY }],
        [change('Peacemaker', { DuplicateOf: 'R20261130-BBBBB' }), {}],
      ];
      for (const [step, fields] of cases) {
        assert.deepEqual(judge('r-dongtangcun', 'district', stepped(step, fields), known), { ok: true }, JSON.stringify(step));
      }
    });

    it('refuses a role that may not, the reporter, another status, no reason, an unknown shape', () => {
      const cases = [
        ['r-dongtangcun', change('Peacemaker', { Recategorise: 'Drainage' }), { category: 'Drainage' }, /Peacemaker may not take a Recategorise/],
        ['r-dongtangcun', change('Peacemaker', { Deadline: 5 + DAY }), { expected_by: 5 + DAY }, /Peacemaker may not take a Deadline/],
        [LI, change(null, { Reassign: 's9' }), {}, /only a steward/],
        [LI, change('Red', { Recategorise: 'Parking' }), { category: 'Parking' }, /only a steward/],
        ['r-dongtangcun', change('Red', { Reassign: 's9' }, { status: 'InProgress' }), { assigned: 's9' }, /cannot be taken in "Submitted"/],
        ['r-dongtangcun', change('Red', { Reassign: 's9' }, { note: '  ' }), { assigned: 's9' }, /says why/],
        ['r-dongtangcun', change('Red', { Deadline: 4 }), {}, /not one the app writes/],
        ['r-dongtangcun', change('Red', { Deadline: 5 + 181 * DAY }), {}, /not one the app writes/],
        ['r-dongtangcun', change('Red', { Reassign: 's9', Recategorise: 'Parking' }), {}, /not one the app writes/],
        ['r-dongtangcun', change('Red', { Archive: true }), {}, /not one the app writes/],
      ];
      for (const [source, step, fields, why] of cases) {
        const r = judge(source, source === LI ? 'r-dongtangcun' : 'district', stepped(step, fields), known);
        assert.equal(r.ok, false, JSON.stringify(step));
        assert.match(r.reason, why, JSON.stringify(step));
      }
    });

    it('lets the category follow the steps only: a steward may not set it without one', () => {
      const bare = withRev(report({ category: 'Drainage' }), '2-b', '1-a');
      assert.match(judge('r-dongtangcun', 'district', bare, known).reason, /category/);
      const other = stepped(change('Red', { Recategorise: 'Drainage' }), { category: 'Parking' });
      assert.match(judge('r-dongtangcun', 'district', other, known).reason, /category/);
    });

    it('lets only a Red steward re-categorise a complaint about the property company', () => {
      const complaint = withRev(report({ category: 'PropertyService' }), '1-a');
      const held = { revs: new Set(['1-a']), leaves: [complaint], parent: complaint };
      const away = (by) => withRev(report({ category: 'Sanitation', timeline: [...report().timeline, change(by, { Recategorise: 'Sanitation' })] }), '2-b', '1-a');
      const refused = judge('r-dongtangcun', 'district', away('Property'), held);
      assert.equal(refused.ok, false);
      assert.match(refused.reason, /Red steward only/);
      assert.deepEqual(judge('r-dongtangcun', 'district', away('Red'), held), { ok: true });
      // Any other report, as before: a 物管家 may re-categorise it.
      assert.deepEqual(judge('r-dongtangcun', 'district', stepped(change('Property', { Recategorise: 'Drainage' }), { category: 'Drainage' }), known), { ok: true });
    });

    it('takes no change step once the report is resolved, closed or confirmed', () => {
      const resolvedDoc = withRev(report({ timeline: [...report().timeline, resolved] }), '2-b', '1-a');
      const resolvedKnown = { revs: new Set(['1-a', '2-b']), leaves: [resolvedDoc], parent: resolvedDoc };
      const late = withRev(report({ timeline: [...resolvedDoc.timeline, change('Red', { Reassign: 's9' }, { at: 6, status: 'Resolved' })], assigned: 's9' }), '3-c', '2-b', '1-a');
      assert.match(judge('r-dongtangcun', 'district', late, resolvedKnown).reason, /cannot be taken in "Resolved"/);
    });
  });
});

