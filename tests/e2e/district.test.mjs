// The district dashboard: stewards' summary packages imported and merged by document,
// refused whole when bad; coverage and the uncovered list from the data; a period switch;
// property-company scorecards with editable weights and inspection scores; CSV; layouts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appReady, expectSeen, root, screenshot, storedDocs, storageSnapshot, useSite, watchErrors } from './harness.mjs';
import { DirectoryPage } from './pages/directory.mjs';
import { DistrictPage, fixedSteps, mediationDoc, reportDoc, summaryPackage } from './pages/district.mjs';
import { ReportForm } from './pages/report_form.mjs';
import { StewardPage } from './pages/steward.mjs';

const site = useSite();
const DAY = 86_400_000;
const dataset = JSON.parse(readFileSync(join(root, 'public', 'data', 'district.json'), 'utf8')).data;

/** Two stewards' packages that both hold report A (B's copy is a later revision). */
function twoPackages(now = Date.now() - 60_000) {
  const shared = reportDoc({ id: 'R20261128-AAAA1', compound: 'dongtangcun', at: now - 3_600_000 });
  const later = {
    ...shared,
    _rev: '2-cccc',
    timeline: [...shared.timeline, { at: now - 1_800_000, status: 'Acknowledged', note: '已受理', by: 'Property' }],
    updated_at: now - 1_800_000,
  };
  const fixed = fixedSteps(now - 5 * DAY, 1, 5);
  const one = summaryPackage({
    id: 'steward-13800009001', name: '王红梅', compounds: ['dongtangcun'],
    reports: [shared, reportDoc({ id: 'R20261128-BBBB2', compound: 'dongtangcun', at: now - 7_200_000 })],
  });
  const two = summaryPackage({
    id: 'steward-13800009002', name: '李建国', compounds: ['dongtangcun', 'tianhecun'],
    reports: [later, reportDoc({ id: 'R20261128-CCCC3', compound: 'tianhecun', at: now - 7_200_000 })],
    mediations: [mediationDoc({ id: 'M1', compound: 'tianhecun', date: now - DAY, fen: 1_200_050 })],
  });
  return { one, two, fixed };
}

async function office(viewport = { width: 1280, height: 900 }) {
  const context = await site.phone.newPhone({ viewport, isMobile: viewport.width < 600, hasTouch: viewport.width < 600 });
  const page = await context.newPage();
  return { context, page, district: await DistrictPage.open(page, site.server.url) };
}

describe('summary packages', () => {
  it('two stewards\' packages that share a report count it once, at its latest version', async () => {
    const { context, page, district } = await office();
    const errors = watchErrors(page);
    await page.locator('[data-no-sources]').waitFor();
    const { one, two } = twoPackages();
    await district.importPackage('wang.json', one);
    await district.importPackage('li.json', two);
    assert.equal(await district.stat('reports'), '3');
    const byStatus = Object.fromEntries((await district.rows('by-status')).map(([s, n]) => [s, n]));
    assert.equal(byStatus['已受理'], '1', 'the shared report at the later steward\'s revision');
    assert.equal(byStatus['已提交'], '2');
    const sources = await district.rows('sources');
    assert.deepEqual(sources.map((r) => r[0]).sort(), ['李建国（物管家）', '王红梅（物管家）']);
    assert.match((await district.rows('logs'))[0][1], /^1 · 12,000\.50$/);
    // Imported in the other order on another device: the same figures.
    const other = await office();
    await other.district.importPackage('li.json', two);
    await other.district.importPackage('wang.json', one);
    assert.equal(await other.district.stat('reports'), '3');
    await other.context.close();
    // Kept: a reload shows the same.
    await page.reload();
    await appReady(page);
    await page.locator('[data-stat="reports"]', { hasText: /^3$/ }).waitFor();
    await screenshot(page, '70-district-1280-zh');
    // Drilled down to 天鹤村: only the package of the steward who covers it.
    await page.goto(`${site.server.url}/district?c=tianhecun`);
    await appReady(page);
    await expectSeen(page.locator('[data-table="sources"] tbody tr', { hasText: '李建国' }), "李建国's package at 天鹤村");
    assert.deepEqual((await district.rows('sources')).map((r) => r[0]), ['李建国（物管家）']);
    await page.goto(`${site.server.url}/district?c=songtaoli`);
    await appReady(page);
    await expectSeen(page.locator('[data-no-sources]'), 'no package at 松涛里, said so');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a malformed, foreign, unsafe or oversized package is refused whole and changes nothing', async () => {
    const { context, page, district } = await office();
    const { one, two } = twoPackages();
    await district.importPackage('wang.json', one);
    const before = { docs: await storedDocs(page), storage: await storageSnapshot(page) };
    const named = structuredClone(two);
    named.reports[1].reporter_phone = '13800000001';
    const twice = structuredClone(two);
    twice.reports.push(twice.reports[0]);
    const newer = { ...structuredClone(two), version: 2 };
    const broken = structuredClone(two);
    broken.reports[1].timeline = [{ at: 1, status: 'Confirmed', note: '', by: null }];
    const cases = [
      ['not-json.json', '{"format": "compound-steward-summ', '不是 JSON'],
      ['backup.json', { format: 'compound-steward-backup', version: 2 }, '不是小区管家的汇总包'],
      ['newer.json', newer, '更新版本'],
      ['named.json', named, '不合规'],
      ['twice.json', twice, '出现了两次'],
      ['broken.json', broken, '不合规'],
      ['again.json', one, '已导入过这位管家'],
      ['huge.json', Buffer.alloc(32 * 1024 * 1024 + 10, 0x20), '文件太大'],
    ];
    for (const [name, content, message] of cases) {
      await district.choosePackage(name, content);
      const refused = page.locator('[data-import="refused"]');
      await refused.filter({ hasText: message }).waitFor();
      assert.match(await refused.innerText(), /本机数据没有任何改动/, name);
      assert.equal(await district.stat('reports'), '2', name);
    }
    assert.deepEqual(await storedDocs(page), before.docs, 'every stored document as it was');
    assert.deepEqual(await storageSnapshot(page), before.storage);
    await screenshot(page, '71-district-refused');
    await context.close();
  });

  it('a steward without a saved profile is told what to do first', async () => {
    const phone = await site.phone.newPhone();
    const page = await phone.newPage();
    await StewardPage.unlocked(page, site.server.url);
    const before = await storageSnapshot(page);
    await page.locator('[data-export-package]').click();
    await page.locator('.package-export [role="alert"]', { hasText: '请先保存“我是谁”和我负责的小区' }).waitFor();
    assert.deepEqual(await storageSnapshot(page), before);
    await phone.close();
  });

  it('a steward exports a package without reporters, and the office counts it', async () => {
    const phone = await site.phone.newPhone();
    const page = await phone.newPage();
    const form = await ReportForm.open(page, site.server.url, '?c=dongtangcun&b=2');
    await form.fillSeptic();
    await form.reporter({ name: '李阿姨', phone: '138 0000 7777' });
    const id = await form.submit();
    const steward = await StewardPage.unlocked(page, site.server.url);
    await steward.saveProfile({ name: '王红梅', phone: '138 0000 9001', compounds: ['东塘村小区'] });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-export-package]').click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    assert.ok(!text.includes('7777') && !text.includes('李阿姨'), 'no reporter in the package');
    const pkg = JSON.parse(text);
    assert.equal(pkg.format, 'compound-steward-summary');
    assert.deepEqual(pkg.reports.map((r) => r._id), [`report:${id}`]);
    assert.match(pkg.reports[0]._rev, /^\d+-[0-9a-f]+$/);
    await phone.close();
    const { context, district } = await office();
    await district.importPackage(download.suggestedFilename(), text);
    assert.equal(await district.stat('reports'), '1');
    assert.ok((await district.rows('by-compound'))[0][0].startsWith('东塘村小区'));
    await context.close();
  });
});

describe('figures', () => {
  it('the uncovered list and coverage by mode match the data', async () => {
    const { context, district } = await office();
    const uncovered = dataset.compounds.filter((c) => !c.covered).map((c) => c.name).sort();
    const listed = (await district.rows('uncovered')).map((r) => r[0]).sort();
    assert.deepEqual(listed, uncovered);
    const link = await district.page.locator('[data-table="uncovered"] tbody a').first().getAttribute('href');
    assert.match(link, /^\/c\/[a-z0-9-]+$/);
    const covered = dataset.compounds.filter((c) => c.covered).length;
    assert.match(await district.stat('coverage'), new RegExp(`\\(${covered}/${dataset.compounds.length}\\)`));
    const modes = await district.rows('coverage-by-mode');
    const property = modes.find((r) => r[0] === '物业管理');
    assert.equal(property[1], String(dataset.compounds.filter((c) => c.mode === 'PropertyCompany').length));
    assert.equal(property[4], '303', 'the published figure beside it');
    // The same list in the residents' directory, by its coverage filter.
    await district.page.locator('[data-uncovered-directory]').click();
    await district.page.waitForURL(/\/compounds\?cov=0$/);
    await appReady(district.page);
    const directory = new DirectoryPage(district.page);
    await directory.expectListed(uncovered);
    await directory.filterCoverage('1');
    await directory.expectListed(dataset.compounds.filter((c) => c.covered).map((c) => c.name));
    await context.close();
  });

  it('a period switch changes the figures, and a bad range says why', async () => {
    const { context, page, district } = await office();
    const now = Date.now() - 60_000;
    const old = now - 400 * DAY;
    const pkg = summaryPackage({
      id: 'steward-13800009003', name: '赵敏', compounds: ['tianhecun'],
      reports: [
        reportDoc({ id: 'R20261128-DDDD4', compound: 'tianhecun', at: now - 3_600_000 }),
        reportDoc({ id: 'R20251020-EEEE5', compound: 'tianhecun', at: old, ...fixedSteps(old, 2, 4) }),
      ],
      mediations: [mediationDoc({ id: 'M2', compound: 'tianhecun', date: old + DAY, kind: 'Oral' })],
    });
    await district.importPackage('zhao.json', pkg);
    assert.equal(await district.stat('reports'), '1');
    assert.match(await district.stat('resolution'), /0\.00% \(0\/1\)/);
    const date = (ms) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
    await district.customRange(date(old - 10 * DAY), date(now));
    await page.locator('[data-stat="reports"]', { hasText: /^2$/ }).waitFor();
    assert.match(await district.stat('resolution'), /50\.00% \(1\/2\)/);
    assert.match((await district.rows('logs'))[1][1], /^1 · /, 'the oral mediation falls in the range');
    await district.customRange(date(now), date(old));
    await page.locator('[data-period-error]', { hasText: '结束日期早于开始日期' }).waitFor();
    assert.equal(await district.stat('reports'), '2', 'the last good period stays');
    await district.period('ytd');
    assert.equal(await district.stat('reports'), '1');
    await context.close();
  });
});

describe('scorecards', () => {
  it('the verdict follows the inspection score across a threshold; weights must add up to 100', async () => {
    const { context, page, district } = await office();
    const company = '柏丽物业（示例）';
    assert.deepEqual(await district.scorecard(company), { reports: '0', complaints: '0', total: '无数据', basis: '—', verdict: '无数据' });
    await district.openEditor();
    await district.setInspection(company, 80);
    await page.getByText('已保存检查评分').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-table="scorecards"]').innerText.includes('保留'));
    // Only the inspection has data: the total stands on its 20 weight points.
    assert.deepEqual(await district.scorecard(company), { reports: '0', complaints: '0', total: '80.0', basis: '20/100', verdict: '保留' });
    await district.setInspection(company, 79);
    await page.waitForFunction(() => document.querySelector('[data-table="scorecards"]').innerText.includes('警示'));
    assert.equal((await district.scorecard(company)).verdict, '警示');
    await district.setInspection(company, 101);
    await page.locator('[data-inspection-error]', { hasText: '0–100 的整数' }).waitFor();
    assert.equal((await district.scorecard(company)).verdict, '警示', 'a bad score changes nothing');
    // Weights that add up to 105 are refused; the method in force stays the proposal.
    await district.setWeights([30, 15, 20, 10, 5, 25]);
    await page.locator('[data-rules-error]', { hasText: '权重合计须为 100，现在是 105' }).waitFor();
    assert.match(await page.locator('[data-rules-origin]').innerText(), /应用建议的办法/);
    await district.setWeights([30, 10, 20, 10, 0, 30]);
    await page.locator('[data-rules-origin]', { hasText: '执行自' }).waitFor();
    const weights = await district.rows('weights');
    assert.deepEqual(weights.map((r) => r[1]), ['30', '10', '20', '10', '0', '30']);
    await screenshot(page, '72-district-scorecards');
    // The scorecard as CSV: the columns shown, in order, a row per company.
    const { name, text } = await district.csv('scorecards');
    assert.equal(name, 'scorecards.csv');
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines[0], ['物业公司', '小区数', '合同数', '报事数', '投诉物业服务', '办结率（已确认）', '办结中位天数', '超期率', '返工率', '满意度（1–5）', '检查评分', '总分', '计分依据', '结论'].map((h) => `"${h}"`).join(','));
    const companies = new Set(dataset.compounds.map((c) => c.property_company).filter(Boolean));
    assert.equal(lines.length - 1, companies.size);
    const jindi = lines.find((l) => l.startsWith('"金地物业"')).split(',');
    assert.equal(jindi[1], '"3"', 'three compounds');
    assert.equal(jindi[2], '"1"', 'one 连片托管 contract');
    await context.close();
  });

  it('a complaint about the company itself (物业服务不优) counts in that company\'s scorecard, not another\'s', async () => {
    const { context, district } = await office();
    const now = Date.now() - 60_000;
    await district.importPackage('zhao.json', summaryPackage({
      id: 'steward-13800009005', name: '赵红', compounds: ['dongtangcun', 'tianhecun'],
      reports: [
        reportDoc({ id: 'R20261201-PSPS1', compound: 'dongtangcun', at: now - 3_600_000, category: 'PropertyService' }),
        reportDoc({ id: 'R20261201-PSPS2', compound: 'dongtangcun', at: now - 7_200_000 }),
      ],
    }));
    const jindi = await district.scorecard('金地物业');
    assert.deepEqual([jindi.reports, jindi.complaints], ['2', '1']);
    assert.equal((await district.scorecard('天鹤物业（示例）')).complaints, '0');
    await context.close();
  });

  it('a long table shows 20 rows and "show all"; its CSV has every row', async () => {
    const { context, page, district } = await office();
    const now = Date.now() - 60_000;
    const reports = Array.from({ length: 25 }, (_, i) => reportDoc({
      id: `R20261128-Z${String(i).padStart(4, '0')}`, compound: `c${String(i).padStart(2, '0')}`, at: now - i * 3_600_000,
    }));
    await district.importPackage('many.json', summaryPackage({ id: 'steward-13800009004', name: '钱多', compounds: ['c00'], reports }));
    assert.equal((await district.rows('by-compound')).length, 20);
    assert.equal((await district.csv('by-compound')).text.trim().split('\r\n').length, 26, 'header and 25 rows');
    await page.locator('[data-show-all="by-compound"]').click();
    assert.equal((await district.rows('by-compound')).length, 25);
    assert.equal(await page.locator('[data-show-all="by-compound"]').count(), 0);
    await context.close();
  });

  it('tables sort by a column', async () => {
    const { context, page, district } = await office();
    const header = page.locator('[data-table="coverage-by-mode"] thead th').nth(1);
    await header.getByRole('button').click();
    assert.equal(await header.getAttribute('aria-sort'), 'descending');
    const counts = (await district.rows('coverage-by-mode')).map((r) => Number(r[1]));
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
    await header.getByRole('button').click();
    assert.equal(await header.getAttribute('aria-sort'), 'ascending');
    const up = (await district.rows('coverage-by-mode')).map((r) => Number(r[1]));
    assert.deepEqual(up, [...up].sort((a, b) => a - b));
    await context.close();
  });
});

describe('layouts', () => {
  for (const [lang, width] of [['zh', 1280], ['en', 1280], ['zh', 390], ['en', 390]]) {
    it(`reads at ${width} px in ${lang === 'zh' ? 'Chinese' : 'English'}`, async () => {
      const context = await site.phone.newPhone(width > 600 ? { viewport: { width, height: 900 }, isMobile: false, hasTouch: false } : {});
      await context.addInitScript((lang) => {
        localStorage.setItem('cs.settings', JSON.stringify({ schema: 1, data: { lang, elder_mode: false, my_building: null, updated_at: 1 } }));
      }, lang === 'zh' ? 'Zh' : 'En');
      const page = await context.newPage();
      const district = await DistrictPage.open(page, site.server.url);
      const { one, two } = twoPackages();
      await district.importPackage('wang.json', one);
      await district.importPackage('li.json', two);
      await page.locator('[data-stat="reports"]', { hasText: /^3$/ }).waitFor();
      // Nothing wider than the screen but the tables' own scrolling boxes.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
      if (width > 600) {
        const nav = await page.locator('.district__nav').boundingBox();
        const body = await page.locator('.district__body').boundingBox();
        assert.ok(nav.x + nav.width <= body.x, 'the table of contents sits beside the sections');
      }
      await screenshot(page, `73-district-${width}-${lang}`);
      await context.close();
    });
  }

  it('prints as an A4 report: every section, no controls', async () => {
    const { context, page, district } = await office();
    const { one, two } = twoPackages();
    await district.importPackage('wang.json', one);
    await district.importPackage('li.json', two);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.app-nav', '.district__nav', '[data-print]', 'input[name="package"]', '[data-csv="scorecards"]', '[data-scoring-editor]']) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, hidden);
    }
    for (const shown of ['#coverage', '#work', '#scorecards', '[data-table="scorecards"]', '.chart__svg']) {
      assert.ok(await page.locator(shown).first().isVisible(), shown);
    }
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 2, `${pages} A4 pages`);
    await screenshot(page, '74-district-print');
    await context.close();
  });
});
