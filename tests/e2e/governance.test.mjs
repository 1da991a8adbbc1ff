// The office's governance records on /district: each compound's 业委会 and the 连片托管
// contracts. What the office sees: the figures (sample records and the published list's
// contracts counted), a form that says beside each field what is wrong and stores
// nothing until all is right, corrections and history, sorting and CSV.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectSeen, root, screenshot, storageSnapshot, storedDocs, storedRecords, useSite, watchErrors, winner } from './harness.mjs';
import { DistrictPage } from './pages/district.mjs';
import { GovernanceRecords } from './pages/governance.mjs';

const site = useSite();
const dataset = JSON.parse(readFileSync(join(root, 'public', 'data', 'district.json'), 'utf8')).data;
const samples = JSON.parse(readFileSync(join(root, 'public', 'data', 'governance.json'), 'utf8'));

async function office(viewport = { width: 1280, height: 900 }) {
  const context = await site.phone.newPhone({ viewport, isMobile: viewport.width < 600, hasTouch: viewport.width < 600 });
  const page = await context.newPage();
  const district = await DistrictPage.open(page, site.server.url);
  return { context, page, district };
}

/** What a refused save must leave as it was: the document store and localStorage. */
const everything = async (page) => ({ docs: await storedDocs(page), storage: await storageSnapshot(page) });

describe('业委会 per compound', () => {
  it('counts the sample records, refuses a bad form with its sentences and stores nothing, then saves and corrects', async () => {
    const { context, page, district } = await office();
    const errors = watchErrors(page);
    const committees = new GovernanceRecords(page, 'committee');
    const total = dataset.compounds.length;
    assert.equal(samples.committees.length, 2);
    // The sample records arrive with the page's second file: waited for as a person would.
    await expectSeen(page.locator('[data-committee-counts]', { hasText: '已成立 1 个' }), 'the sample committees counted');
    assert.equal(await committees.counts(), `业委会：已成立 1 个，筹备中 1 个，未成立 ${total - 2} 个；任期已满 0 个。`);
    const listed = await district.rows('committees');
    assert.deepEqual(listed.map((r) => [r[0], r[1]]).sort(), [['松涛里小区（示例）', '已成立'], ['桂花村（示例）', '筹备中']]);

    await committees.open();
    await committees.fill({ compound: 'dongtangcun', stage: 'preparing', members: '张三' });
    const before = await everything(page);
    await committees.save();
    await expectSeen(page.locator('[data-record-form="committee"] [data-not-saved]'), 'the form saying nothing was saved');
    assert.equal(await committees.problem('step_petition'), '筹备中至少要有一个步骤的日期。');
    assert.equal(await committees.problem('members'), '每行写一位委员：姓名、空格、职务（各不超过 20 字）。');
    assert.deepEqual((await committees.problems()).sort(), ['members', 'step_petition']);
    assert.deepEqual(await everything(page), before, 'a refused form stores nothing');
    // A date after today is refused too.
    await committees.fill({ members: '', step_petition: '2099-01-01' });
    await committees.save();
    assert.equal(await committees.problem('step_petition'), '日期不能晚于今天。');
    assert.deepEqual(await everything(page), before);

    await committees.fill({ step_petition: '2026-08-05', step_group: '2026-09-18' });
    await committees.save();
    await expectSeen(page.locator('[data-record-form="committee"] [data-saved]'), 'the form saying it saved');
    assert.deepEqual(await committees.problems(), []);
    await expectSeen(page.locator('[data-committee-counts]', { hasText: `已成立 1 个，筹备中 2 个，未成立 ${total - 3} 个` }), 'the new figures');
    const row = (await district.rows('committees')).find((r) => r[0] === '东塘村小区');
    assert.deepEqual(row.slice(1, 4), ['筹备中', '成立筹备组 2026-09-18', '0']);

    // Elected: the preparing state goes to the history.
    await committees.fill({ stage: 'elected', step_vote: '2026-11-20', members: '示例丁 主任\n示例戊 委员', term_start: '2026-12-01', term_end: '2026-11-30' });
    await committees.save();
    assert.equal(await committees.problem('term_end'), '不能早于开始日期。');
    await committees.fill({ term_end: '2031-11-30' });
    await committees.save();
    await expectSeen(page.locator('[data-committee-counts]', { hasText: `已成立 2 个，筹备中 1 个` }), 'the elected committee counted');
    const elected = (await district.rows('committees')).find((r) => r[0] === '东塘村小区');
    assert.deepEqual([elected[1], elected[3], elected[4], elected[5]], ['已成立', '2', '2026-12-01 – 2031-11-30', '筹备中']);
    // Stored as one document with two revisions' worth of history, kept over a reload.
    const [stored] = (await storedRecords(page, 'committee')).filter((k) => k.compound === 'dongtangcun');
    assert.equal(stored.current.stage, 'Elected');
    assert.deepEqual(stored.history.map((h) => h.stage), ['Preparing']);
    await page.reload();
    await expectSeen(page.locator('[data-committee-counts]', { hasText: '已成立 2 个' }), 'the figures after a reload');
    await screenshot(page, '75-district-committees-1280');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the list sorts and exports as CSV what it shows', async () => {
    const { context, page, district } = await office();
    await expectSeen(page.locator('[data-table="committees"] tbody th', { hasText: '（示例）' }), 'the sample committees');
    const header = page.locator('[data-table="committees"] thead th').nth(1);
    await header.locator('button').click();
    assert.equal(await header.getAttribute('aria-sort'), 'descending');
    const stages = (await district.rows('committees')).map((r) => r[1]);
    assert.deepEqual(stages, [...stages].sort().reverse());
    const { name, text } = await district.csv('committees');
    assert.equal(name, 'committees.csv');
    const lines = text.trim().split('\r\n').map((l) => l.replaceAll('"', ''));
    assert.match(lines[0], /小区,阶段,最近一步,委员数,任期,历史,保存于/);
    assert.equal(lines.length, 1 + samples.committees.length);
    assert.ok(lines.some((l) => l.startsWith('松涛里小区（示例）,已成立,街道备案 2025-04-10,3,2025-04-01 – 2030-03-31,筹备中,')), lines.join('\n'));
    await context.close();
  });
});

describe('连片托管 contracts', () => {
  it('lists the published contracts migrated, refuses bad terms with their sentences, and keeps renewals as history', async () => {
    const { context, page, district } = await office();
    const errors = watchErrors(page);
    const contracts = new GovernanceRecords(page, 'contract');
    const published = JSON.parse(readFileSync(join(root, 'public', 'data', 'district.json'), 'utf8')).data.district.contracts;
    // Every published contract is there, to be completed; the sample beside it.
    await expectSeen(page.locator('[data-table="contracts"] tbody th', { hasText: '（示例）' }), 'the sample contract');
    const rows = await district.rows('contracts');
    for (const p of published) {
      const names = p.compounds.map((id) => dataset.compounds.find((c) => c.id === id).name);
      assert.ok(rows.some((r) => r[0] === `${p.company}（来自公布名单，待补全）` && names.every((n) => r[1].includes(n))), `${p.company} is listed`);
    }
    assert.equal(rows.length, published.length + samples.contracts.length);
    // A sample is marked once, though its company's sample name says 示例 already.
    for (const k of samples.contracts) {
      const shown = k.company.includes('（示例）') ? k.company : `${k.company}（示例）`;
      assert.ok(rows.some((r) => r[0] === shown), `${shown} in ${rows.map((r) => r[0]).join(' / ')}`);
    }
    assert.ok(!rows.some((r) => r[0].includes('（示例）（示例）')), 'no sample marked twice');
    const covered = new Set([...published.flatMap((p) => p.compounds), ...samples.contracts.flatMap((k) => k.compounds)]).size;
    assert.equal(await contracts.counts(), `在履行的合同 ${rows.length} 份，覆盖 ${covered} 个小区。`);

    await contracts.open();
    await contracts.fill({ company: '示例物业', compounds: ['tianhecun'], start: '2026-07-01', term: '0', scope: [], fee: '0.456' });
    const before = await everything(page);
    await contracts.save();
    assert.equal(await contracts.problem('term'), '请填写 1 到 120 之间的整数。');
    assert.equal(await contracts.problem('fee'), '请填写大于 0、不超过 20 的金额，最多两位小数。');
    assert.equal(await contracts.problem('scope'), '至少选一项服务内容。');
    assert.deepEqual((await contracts.problems()).sort(), ['fee', 'scope', 'term']);
    assert.deepEqual(await everything(page), before, 'a refused form stores nothing');

    await contracts.fill({ term: '36', scope: ['cleaning', 'parking'], fee: '0.45' });
    await contracts.save();
    await expectSeen(page.locator('[data-record-form="contract"] [data-saved]'), 'the form saying it saved');
    const mine = (await district.rows('contracts')).find((r) => r[0] === '示例物业');
    assert.deepEqual(mine.slice(1, 8), ['天鹤村小区', '2026-07-01', '36', '2029-06-30', '保洁进楼、停车有序', '0.45', '履行中']);

    // The published 金地物业 contract completed: a correction, under the same id.
    const jindi = published[0];
    const id = `published-${[...jindi.compounds].sort()[0]}`;
    await contracts.pick(id);
    await contracts.fill({ start: '2026-07-01', term: '36', scope: ['cleaning', 'parking', 'living'], fee: '0.40' });
    await contracts.save();
    await expectSeen(page.locator('[data-table="contracts"] tbody th', { hasText: /^金地物业$/ }), 'the completed contract without its mark');
    let all = await district.rows('contracts');
    assert.equal(all.length, published.length + samples.contracts.length + 1, 'completed, not added');
    // Then renewed: the old term is history.
    await contracts.fill({ change: 'renew', start: '2029-07-01', fee: '0.50' });
    await contracts.save();
    await expectSeen(page.locator('[data-table="contracts"] tbody tr', { hasText: '续签前' }), 'the renewal in the history');
    all = await district.rows('contracts');
    const renewed = all.find((r) => r[0] === '金地物业');
    assert.deepEqual([renewed[2], renewed[6], renewed[8]], ['2029-07-01', '0.50', '2026-07-01 36 · 续签前']);
    // An end needs its date.
    await contracts.fill({ change: 'end' });
    const beforeEnd = await everything(page);
    await contracts.save();
    assert.equal(await contracts.problem('ended_on'), '终止要填写终止日期。');
    assert.deepEqual(await everything(page), beforeEnd);
    const stored = (await storedRecords(page, 'contract')).find((k) => k.id === id);
    assert.equal(stored.history.length, 1);
    assert.equal(stored.fee_fen, 50);
    await screenshot(page, '76-district-contracts-1280');
    const text = (await district.csv('contracts')).text.replaceAll('"', '');
    assert.match(text, /金地物业,/);
    assert.match(text.split('\r\n')[0], /物业公司,托管的小区,开始日期,期限（月）,结束,服务内容,/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('on a 390 px phone the open forms fit without scrolling sideways', async () => {
    const { context, page } = await office({ width: 390, height: 844 });
    for (const kind of ['committee', 'contract', 'company', 'meeting', 'case', 'improvement', 'census']) await new GovernanceRecords(page, kind).open();
    for (const kind of ['contract', 'decision', 'case', 'improvement']) await new GovernanceRecords(page, kind).save();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0);
    await screenshot(page, '77-district-records-390');
    await context.close();
  });
});

describe('the register of property companies', () => {
  it('counts the sample, refuses a bad entry or a decision without a scorecard, and records decisions and training', async () => {
    const { context, page, district } = await office();
    const errors = watchErrors(page);
    const editor = new GovernanceRecords(page, 'company');
    const company = new GovernanceRecords(page, 'company');
    const decision = new GovernanceRecords(page, 'decision');
    const training = new GovernanceRecords(page, 'training');
    assert.equal(samples.companies.length, 1);
    const sample = samples.companies[0];
    const recent = (t) => Date.now() - Date.parse(`${t.date}T00:00:00+08:00`) <= 183 * 86_400_000;
    const trained = sample.training.some(recent) ? 1 : 0;
    await expectSeen(page.locator('[data-company-counts]', { hasText: '登记物业公司 1 家' }), 'the sample company counted');
    assert.equal(await editor.counts(), `登记物业公司 1 家：准入 1 家，约谈整改 0 家，退出 0 家；近半年参加培训 ${trained} 家。`);
    const [row] = await district.rows('companies');
    assert.equal(row[0], `${sample.name}（示例）`);
    assert.match(row[5], new RegExp(`^准入 ${sample.decisions[0].date}（${sample.decisions[0].scorecard.quarter} `));

    await editor.open();
    // A name already registered and a phone that cannot be dialled: both said, nothing kept.
    await company.fill({ name: sample.name, contacts: '示例己 12 经理' });
    const before = await everything(page);
    await company.save();
    assert.equal(await company.problem('name'), '已经登记了同名的公司。');
    assert.equal(await company.problem('contacts'), '每行写一位联系人：姓名、电话、职务，用空格隔开；电话要能拨通。');
    assert.deepEqual(await everything(page), before);
    await company.fill({ name: '示例新物业', contacts: '示例己 138 0000 0009 经理', compounds: ['tianhecun'] });
    await company.save();
    await expectSeen(page.locator('[data-record-form="company"] [data-saved]'), 'the company saved');
    await expectSeen(page.locator('[data-company-counts]', { hasText: '登记物业公司 2 家' }), 'two companies counted');
    const added = (await district.rows('companies')).find((r) => r[0] === '示例新物业');
    assert.deepEqual([added[1], added[2], added[3], added[5]], ['示例己 13800000009 经理', '天鹤村小区', '0', '—']);

    // A decision needs the quarter's scorecard: the new company serves no compound yet.
    const stored = (await storedRecords(page, 'company')).find((k) => k.name === '示例新物业');
    const quarter = await page.locator('[data-record-form="decision"] select[name="quarter"] option').nth(1).getAttribute('value');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await decision.fill({ company: stored.id, decision: 'warn', quarter, date: today });
    const beforeDecision = await everything(page);
    await decision.save();
    assert.equal(await decision.problem('quarter'), '这家公司这个季度没有考核成绩，不能据此决定。');
    assert.deepEqual(await everything(page), beforeDecision);
    // The sample company serves compounds: its scorecard is attached.
    await decision.fill({ company: sample.id, decision: 'exit' });
    await decision.save();
    await expectSeen(page.locator('[data-record-form="decision"] [data-saved]'), 'the decision saved');
    await expectSeen(page.locator('[data-company-counts]', { hasText: '准入 0 家，约谈整改 0 家，退出 1 家' }), 'the exit counted');
    const exited = (await storedRecords(page, 'company')).find((k) => k.id === sample.id);
    assert.equal(exited.decisions.at(-1).decision, 'Exit');
    assert.equal(exited.decisions.at(-1).scorecard.quarter, quarter);
    assert.match((await district.rows('companies')).find((r) => r[0] === sample.name)[5], new RegExp(`^退出 ${today}（${quarter} `));

    await training.fill({ company: stored.id, date: today, topic: '考核评价办法培训' });
    await training.save();
    await expectSeen(page.locator('[data-company-counts]', { hasText: `近半年参加培训 ${trained + 1} 家` }), 'the training counted');
    assert.equal((await district.rows('companies')).find((r) => r[0] === '示例新物业')[6], `1 · ${today} 考核评价办法培训`);
    const { name, text: quoted } = await district.csv('companies');
    const text = quoted.replaceAll('"', '');
    assert.equal(name, 'companies.csv');
    assert.match(text, /示例新物业,示例己 13800000009 经理,天鹤村小区,0,/);
    await screenshot(page, '78-district-companies-1280');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('property-management meetings', () => {
  it('counts the sample meeting, refuses a bad follow-up with its sentence, records a meeting and marks its follow-up done', async () => {
    const { context, page, district } = await office();
    const errors = watchErrors(page);
    const meetings = new GovernanceRecords(page, 'meeting');
    assert.equal(samples.meetings.length, 1);
    const sample = samples.meetings[0];
    await expectSeen(page.locator('[data-table="meetings"] tbody th', { hasText: '（示例）' }), 'the sample meeting');
    const cst = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
    const today = cst(Date.now());
    const quarterOf = (date) => `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
    const sampleThisQuarter = quarterOf(sample.date) === quarterOf(today) ? 1 : 0;
    const open = sample.follow_ups.filter((u) => !u.done);
    const late = open.filter((u) => u.due < today).length;
    assert.equal(await meetings.counts(), `本季度开了 ${sampleThisQuarter} 次物业管理专题会议；待办 ${open.length} 项没办完，其中 ${late} 项已过期。`);

    await meetings.open();
    await meetings.fill({ kind: 'quarterly', date: today, attendees: '书院路街道\n示例物业', follow_ups: '电动车充电桩 | 示例物业' });
    const before = await everything(page);
    await meetings.save();
    assert.equal(await meetings.problem('follow_ups'), '每行一项待办：事项 | 负责人 | 到期日（年-月-日），办完了再加“| 完成”。');
    assert.deepEqual(await meetings.problems(), ['follow_ups']);
    assert.deepEqual(await everything(page), before, 'a refused form stores nothing');
    await meetings.fill({ decisions: '桂花村加装智慧单车棚', follow_ups: '电动车充电桩 | 示例物业 | 2020-01-31' });
    await meetings.save();
    await expectSeen(page.locator('[data-record-form="meeting"] [data-saved]'), 'the meeting saved');
    await expectSeen(page.locator('[data-meeting-counts]', { hasText: `本季度开了 ${sampleThisQuarter + 1} 次物业管理专题会议；待办 ${open.length + 1} 项没办完，其中 ${late + 1} 项已过期` }), 'the meeting and its overdue follow-up counted');
    const row = (await district.rows('meetings')).find((r) => r[0] === today);
    assert.deepEqual(row.slice(1), ['物业管理专题会议（季度）', '书院路街道、示例物业', '桂花村加装智慧单车棚', '电动车充电桩（示例物业、2020-01-31）', '1', '1']);
    // Done: a correction of the same meeting.
    await meetings.fill({ follow_ups: '电动车充电桩 | 示例物业 | 2020-01-31 | 完成' });
    await meetings.save();
    await expectSeen(page.locator('[data-meeting-counts]', { hasText: `待办 ${open.length} 项没办完，其中 ${late} 项已过期` }), 'the follow-up done');
    const stored = (await storedRecords(page, 'meeting')).filter((m) => !m.sample);
    assert.equal(stored.length, 1, 'corrected, not added');
    assert.equal(stored[0].follow_ups[0].done, true);
    const text = (await district.csv('meetings')).text.replaceAll('"', '');
    assert.match(text.split('\r\n')[0], /会议日期,会议类型,参会,决定,待办,未办,已过期/);
    assert.ok(text.includes(`${today},物业管理专题会议（季度）,书院路街道、示例物业,桂花村加装智慧单车棚,电动车充电桩（示例物业、2020-01-31，已完成）,0,0`), text);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

/** The winning revision's number of each stored document of a kind, by record id. */
const revisions = async (page, kind) => {
  await storedRecords(page, kind);
  return Object.fromEntries((await storedDocs(page, kind)).map((row) => [winner(row.tree).body.id, Number(winner(row.tree).rev.split('-')[0])]));
};

describe('key cases spanning many households', () => {
  it('counts the sample case, refuses a bad value with its sentence, records a case and resolves it as a new revision; sorts and exports', async () => {
    const { context, page, district } = await office();
    const errors = watchErrors(page);
    const cases = new GovernanceRecords(page, 'case');
    assert.equal(samples.cases.length, 1);
    const sample = samples.cases[0];
    assert.deepEqual(sample.compounds, ['yunfeng', 'baili-plaza']);
    for (const id of sample.compounds) assert.ok(dataset.compounds.some((c) => c.id === id), `${id} is a compound of the sample data`);
    await expectSeen(page.locator('[data-table="cases"] tbody th', { hasText: '（示例）' }), 'the sample case');
    assert.equal(await cases.counts(), `在办的重点个案 0 件；涉及 ${sample.households} 户，已解决 ${sample.households} 户。`);
    const sampleRow = (await district.rows('cases')).find((r) => r[0].includes('（示例）'));
    assert.deepEqual(sampleRow.slice(1, 4), ['不动产办证', '云峰安置区、柏丽广场', String(sample.households)]);

    await cases.open();
    await cases.fill({ title: '示例小区维修资金续筹', kind: 'repair_fund', compounds: ['dongtangcun'], households: '0', opened: '2026-09-01', progress: '2026-09-15 召开业主大会', status: 'open' });
    const before = await everything(page);
    await cases.save();
    await expectSeen(page.locator('[data-record-form="case"] [data-not-saved]'), 'the form saying nothing was saved');
    assert.equal(await cases.problem('households'), '请填写大于 0 的整数。');
    assert.equal(await cases.problem('progress'), '每行一条进展：日期 | 进展 | 已解决户数（可不填）；日期不早于立案、不晚于今天，户数不超过涉及户数。');
    assert.deepEqual((await cases.problems()).sort(), ['households', 'progress']);
    assert.deepEqual(await everything(page), before, 'a refused form stores nothing');
    await cases.fill({ households: '200', progress: '2026-09-15 | 召开业主大会 | 120' });
    await cases.save();
    await expectSeen(page.locator('[data-record-form="case"] [data-saved]'), 'the case saved');
    await expectSeen(page.locator('[data-case-counts]', { hasText: `在办的重点个案 1 件；涉及 ${sample.households + 200} 户，已解决 ${sample.households + 120} 户。` }), 'the new case counted');
    const row = (await district.rows('cases')).find((r) => r[0] === '示例小区维修资金续筹');
    assert.deepEqual(row.slice(1), ['维修资金', '东塘村小区', '200', '2026-09-01', '2026-09-15 召开业主大会', '在办', '120']);
    const [first] = (await storedRecords(page, 'case')).filter((k) => !k.sample);
    const revBefore = (await revisions(page, 'case'))[first.id];

    // Resolved: a correction of the same case; a resolved day before it opened is refused.
    await cases.fill({ status: 'resolved', resolved_on: '2026-08-31' });
    const stillBefore = await everything(page);
    await cases.save();
    assert.equal(await cases.problem('resolved_on'), '不能早于立案日期。');
    assert.deepEqual(await everything(page), stillBefore, 'a refused correction stores nothing');
    await cases.fill({ resolved_on: '2026-10-31' });
    await cases.save();
    await expectSeen(page.locator('[data-case-counts]', { hasText: `在办的重点个案 0 件；涉及 ${sample.households + 200} 户，已解决 ${sample.households + 200} 户。` }), 'the case resolved');
    const stored = (await storedRecords(page, 'case')).filter((k) => !k.sample);
    assert.equal(stored.length, 1, 'corrected, not added');
    assert.equal(stored[0].status, 'Resolved');
    assert.equal((await revisions(page, 'case'))[first.id], revBefore + 1, 'a new revision');

    const header = page.locator('[data-table="cases"] thead th').nth(3);
    await header.locator('button').click();
    const sorted = (await district.rows('cases')).map((r) => Number(r[3]));
    assert.ok(['ascending', 'descending'].includes(await header.getAttribute('aria-sort')));
    const order = await header.getAttribute('aria-sort');
    assert.deepEqual(sorted, [...sorted].sort((a, b) => (order === 'ascending' ? a - b : b - a)));
    const { name, text } = await district.csv('cases');
    assert.equal(name, 'cases.csv');
    const lines = text.trim().split('\r\n').map((l) => l.replaceAll('"', ''));
    assert.match(lines[0], /个案名称,类型,涉及的小区,涉及户数,立案日期,最近进展,状态,已解决户数/);
    assert.equal(lines.length, 3);
    assert.ok(lines.includes('示例小区维修资金续筹,维修资金,东塘村小区,200,2026-09-01,2026-09-15 召开业主大会,已解决 2026-10-31,200'), lines.join('\n'));
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('improvements made per compound', () => {
  it('counts 桂花村\'s sample improvements, refuses another kind without its description, records one and corrects it; sorts, exports, and counts within the place looked at', async () => {
    const { context, page, district } = await office();
    const errors = watchErrors(page);
    const improvements = new GovernanceRecords(page, 'improvement');
    assert.equal(samples.improvements.length, 4);
    assert.ok(samples.improvements.every((i) => i.compound === 'guihuacun' && i.sample));
    await expectSeen(page.locator('[data-table="improvements"] tbody th', { hasText: '（示例）' }).first(), 'the sample improvements');
    assert.equal(await improvements.counts(), '已完成改善 4 项，涉及 1 个小区：智慧单车棚 1 项、共享晾衣架 1 项、停车位 1 项、充电装置 1 项。');

    await improvements.open();
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await improvements.fill({ compound: 'dongtangcun', kind: 'other', quantity: '6', done_on: today, note: '示例' });
    const before = await everything(page);
    await improvements.save();
    assert.equal(await improvements.problem('description'), '这一项必须填写。');
    assert.deepEqual(await improvements.problems(), ['description']);
    assert.deepEqual(await everything(page), before, 'a refused form stores nothing');
    await improvements.fill({ description: '休闲座椅', quantity: 'six' });
    await improvements.save();
    assert.equal(await improvements.problem('quantity'), '请填写大于 0 的整数。');
    assert.deepEqual(await everything(page), before);
    await improvements.fill({ quantity: '6' });
    await improvements.save();
    await expectSeen(page.locator('[data-record-form="improvement"] [data-saved]'), 'the improvement saved');
    await expectSeen(page.locator('[data-improvement-counts]', { hasText: '已完成改善 5 项，涉及 2 个小区：智慧单车棚 1 项、共享晾衣架 1 项、停车位 1 项、充电装置 1 项、其他 1 项。' }), 'the improvement counted');
    const row = (await district.rows('improvements')).find((r) => r[0] === '东塘村小区');
    assert.deepEqual(row.slice(1), ['其他（休闲座椅）', '6', today, '示例']);
    const [first] = (await storedRecords(page, 'improvement')).filter((i) => !i.sample);
    const revBefore = (await revisions(page, 'improvement'))[first.id];
    await improvements.fill({ quantity: '8' });
    await improvements.save();
    await expectSeen(page.locator('[data-table="improvements"] tbody tr', { hasText: '休闲座椅' }).locator('td', { hasText: /^8$/ }), 'the corrected quantity');
    const stored = (await storedRecords(page, 'improvement')).filter((i) => !i.sample);
    assert.equal(stored.length, 1, 'corrected, not added');
    assert.equal(stored[0].quantity, 8);
    assert.equal((await revisions(page, 'improvement'))[first.id], revBefore + 1, 'a new revision');

    const header = page.locator('[data-table="improvements"] thead th').nth(2);
    await header.locator('button').click();
    const order = await header.getAttribute('aria-sort');
    const quantities = (await district.rows('improvements')).map((r) => Number(r[2]));
    assert.deepEqual(quantities, [...quantities].sort((a, b) => (order === 'ascending' ? a - b : b - a)));
    const { name, text } = await district.csv('improvements');
    assert.equal(name, 'improvements.csv');
    const lines = text.trim().split('\r\n').map((l) => l.replaceAll('"', ''));
    assert.match(lines[0], /小区,项目,数量,完成日期,备注/);
    assert.equal(lines.length, 6);
    assert.ok(lines.includes(`东塘村小区,其他（休闲座椅）,8,${today},示例`), lines.join('\n'));
    assert.ok(lines.includes('桂花村（示例）,智慧单车棚,1,2026-10-19,数量为示例'), lines.join('\n'));

    // Drilled down to one compound: its own improvements and cases only.
    await page.goto(`${site.server.url}/district?c=guihuacun`);
    await expectSeen(page.locator('[data-improvement-counts]', { hasText: '已完成改善 4 项，涉及 1 个小区' }), '桂花村\'s own improvements');
    assert.equal(await new GovernanceRecords(page, 'case').counts(), '在办的重点个案 0 件；涉及 0 户，已解决 0 户。');
    await page.goto(`${site.server.url}/district?c=yunfeng`);
    await expectSeen(page.locator('[data-case-counts]', { hasText: `涉及 ${samples.cases[0].households} 户` }), '云峰安置区\'s case');
    assert.equal(await improvements.counts(), '还没有记录改善项目。');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('党员摸底, the party census', () => {
  const cst = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
  const NAMES = ['示例甲', '示例乙', '示例丙'];

  it('counts the sample (figures only), refuses bad values with their sentences and stores nothing, then enters and corrects a count', async () => {
    const { context, page, district } = await office();
    const errors = watchErrors(page);
    const census = new GovernanceRecords(page, 'census');
    const total = dataset.compounds.length;
    assert.equal(samples.censuses.length, 1);
    const sample = samples.censuses[0];
    assert.deepEqual(sample.members, [], 'the shipped sample carries no names');
    const members = sample.tally.by_building.reduce((n, b) => n + b.members, 0);
    const { officials, reported } = sample.tally;
    await expectSeen(page.locator('[data-table="census"] tbody th', { hasText: '（示例）' }), 'the sample census');
    assert.equal(await census.counts(), `摸底党员 ${members} 名，已摸底 1 / ${total} 个小区；机关党员干部 ${officials} 名，已报到 ${reported} 名，未报到 ${officials - reported} 名。`);
    const [row] = await district.rows('census');
    assert.deepEqual(row, ['天鹤村小区（示例）', sample.date, String(members), String(officials), String(reported),
      sample.tally.by_building.map((b) => `${b.building} ${b.members} 名`).join('、')]);

    // Refused: a building not in the roster; then a count dated after today with a name
    // twice in one building, and an official reporting in tomorrow. Nothing stored.
    const today = cst(Date.now());
    await census.open();
    await census.fill({ compound: 'dongtangcun', date: today, party_members: '示例甲 | 1栋\n示例乙 | 9栋' });
    const before = await everything(page);
    await census.save();
    await expectSeen(page.locator('[data-record-form="census"] [data-not-saved]'), 'the form saying nothing was saved');
    assert.equal(await census.problem('party_members'), '有一行的楼栋不是这个小区名册里的楼栋（例如写“1栋”）。');
    assert.deepEqual(await census.problems(), ['party_members']);
    assert.deepEqual(await everything(page), before, 'a refused form stores nothing');
    await census.fill({ date: '2099-01-01', party_members: '示例甲 | 1栋\n示例甲 | 1' });
    await census.save();
    assert.equal(await census.problem('date'), '日期不能晚于今天。');
    assert.equal(await census.problem('party_members'), '同一栋楼里同一个姓名写了两次。');
    assert.deepEqual((await census.problems()).sort(), ['date', 'party_members']);
    await census.fill({ date: today, party_members: `示例甲 | 1栋 | 机关 | ${cst(Date.now() + 2 * 86_400_000)}` });
    await census.save();
    assert.equal(await census.problem('party_members'), '报到日期不能晚于今天。');
    await census.fill({ party_members: '示例甲 | 1栋 | 党员' });
    await census.save();
    assert.equal(await census.problem('party_members'), '每行一位党员：姓名 | 楼栋；机关党员干部再加“| 机关”，已报到的再加“| 报到日期”（年-月-日）。');
    assert.deepEqual(await everything(page), before, 'still nothing stored');

    // Entered: counted, listed with figures and no names.
    await census.fill({ party_members: '示例甲 | 1栋\n示例乙 | 2栋 | 机关 | 2020-01-31\n示例丙 | 2号楼 | 机关' });
    await census.save();
    await expectSeen(page.locator('[data-record-form="census"] [data-saved]'), 'the census saved');
    assert.deepEqual(await census.problems(), []);
    await expectSeen(page.locator('[data-census-counts]', { hasText: `摸底党员 ${members + 3} 名，已摸底 2 / ${total} 个小区；机关党员干部 ${officials + 2} 名，已报到 ${reported + 1} 名，未报到 ${officials - reported + 1} 名。` }), 'the census counted');
    const counted = (await district.rows('census')).find((r) => r[0] === '东塘村小区');
    assert.deepEqual(counted.slice(1), [today, '3', '2', '1', '1栋 1 名、2栋 2 名']);
    const table = await page.locator('[data-table="census"]').innerText();
    for (const name of NAMES) assert.ok(!table.includes(name), `${name} is not in the list`);

    // Corrected: picked, filled as stored (the building as the roster names it), one more
    // official reported in. The same document, a new revision.
    await census.pick('dongtangcun');
    const typed = await page.locator('[data-record-form="census"] [name="party_members"]').inputValue();
    assert.equal(typed, '示例甲 | 1栋\n示例乙 | 2栋 | 机关 | 2020-01-31\n示例丙 | 2栋 | 机关');
    await census.fill({ party_members: typed.replace('示例丙 | 2栋 | 机关', '示例丙 | 2栋 | 机关 | 2020-02-01') });
    await census.save();
    await expectSeen(page.locator('[data-census-counts]', { hasText: `已报到 ${reported + 2} 名，未报到 ${officials - reported} 名` }), 'the report-in counted');
    const stored = (await storedRecords(page, 'census')).filter((k) => !k.sample);
    assert.equal(stored.length, 1, 'corrected, not added');
    assert.deepEqual(stored[0].tally, { by_building: [{ building: '1栋', members: 1 }, { building: '2栋', members: 2 }], officials: 2, reported: 2 });
    assert.equal(stored[0].members[2].reported_on, '2020-02-01');
    const [doc] = (await storedDocs(page, 'census')).filter((d) => d._id === 'census:dongtangcun');
    assert.match(winner(doc.tree).rev, /^2-/, 'a new revision of census:dongtangcun');

    // Scoped as the drill-down's other figures: 新塘社区 has three compounds, one counted.
    await district.down('书院路街道');
    await district.down('新塘社区');
    await expectSeen(page.locator('[data-census-counts]', { hasText: '摸底党员 3 名，已摸底 1 / 3 个小区；机关党员干部 2 名，已报到 2 名，未报到 0 名。' }), 'the census of the community');
    assert.deepEqual((await district.rows('census')).map((r) => r[0]), ['东塘村小区']);
    await district.up('全区');

    // A visitor who has not unlocked sees figures only: after a reload nothing shows a name.
    await page.reload();
    await expectSeen(page.locator('[data-census-counts]', { hasText: `摸底党员 ${members + 3} 名` }), 'the figures after a reload');
    const shown = await page.locator('main').innerText();
    for (const name of NAMES) assert.ok(!shown.includes(name), `${name} is not on the page`);
    await screenshot(page, '78-district-census-1280');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the list sorts by members and exports as CSV the figures it shows, no names', async () => {
    const { context, page, district } = await office();
    const census = new GovernanceRecords(page, 'census');
    await expectSeen(page.locator('[data-table="census"] tbody th', { hasText: '（示例）' }), 'the sample census');
    await census.open();
    await census.fill({ compound: 'guihuacun', date: '2026-10-20', party_members: '示例甲 | 1栋 | 机关\n示例乙 | 3栋' });
    await census.save();
    await expectSeen(page.locator('[data-table="census"] tbody th', { hasText: '桂花村' }), 'the new count listed');
    const header = page.locator('[data-table="census"] thead th').nth(2);
    await header.locator('button').click();
    assert.equal(await header.getAttribute('aria-sort'), 'descending');
    const counts = (await district.rows('census')).map((r) => Number(r[2]));
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
    await header.locator('button').click();
    assert.equal(await header.getAttribute('aria-sort'), 'ascending');
    const up = (await district.rows('census')).map((r) => Number(r[2]));
    assert.deepEqual(up, [...up].sort((a, b) => a - b));
    const { name, text } = await district.csv('census');
    assert.equal(name, 'census.csv');
    const lines = text.trim().split('\r\n').map((l) => l.replaceAll('"', ''));
    assert.match(lines[0], /小区,摸底日期,党员,机关党员干部,已报到,按楼栋分布/);
    assert.equal(lines.length, 3);
    assert.ok(lines.includes('桂花村,2026-10-20,2,1,0,1栋 1 名、3栋 1 名'), lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith('天鹤村小区（示例）,2026-09-20,12,3,2,')), lines.join('\n'));
    for (const n of NAMES) assert.ok(!text.includes(n), `${n} is not in the CSV`);
    await context.close();
  });
});
