// Residents find and reach their stewards: search, battle map, my building, building
// cards from a cold deep link, the poster's QR codes, and sharing a card.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appReady, enumValues, expectSeen, root, screenshot, useSite, watchErrors } from './harness.mjs';
import { BattleMap } from './pages/battle_map.mjs';
import { Card } from './pages/card.mjs';
import { DirectoryPage } from './pages/directory.mjs';
import { RecordsPage } from './pages/records.mjs';

const require = createRequire(import.meta.url);
const site = useSite();
/** Every steward role and management mode the app declares (src/domain/). */
const ROLES = enumValues('steward.rs', 'Role');
const MODES = enumValues('compound.rs', 'ManagementMode');
const COMPOUNDS = JSON.parse(readFileSync(join(root, 'public', 'data', 'district.json'), 'utf8')).data.compounds;

async function open(path, options) {
  const context = await site.phone.newPhone(options);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(site.server.url + path);
  await appReady(page);
  return { context, page, errors };
}

describe('directory search', () => {
  for (const query of ['东塘', 'dtc', 'DTC']) {
    it(`"${query}" finds 东塘村小区 first, and the query is in the URL`, async () => {
      const context = await site.phone.newPhone();
      const page = await context.newPage();
      const directory = await DirectoryPage.open(page, site.server.url);
      await directory.find(query);
      // Latin letters match once the pinyin table has come (it is fetched on first need).
      await directory.expectFirst('东塘村小区');
      await page.reload();
      await appReady(page);
      await expectSeen(directory.names, 'the list after a reload');
      assert.equal(await directory.search.inputValue(), query, 'the search survives a reload');
      assert.equal((await directory.listed())[0], '东塘村小区');
      await context.close();
    });
  }

  it('filters by every management mode, from the address and from the menu, and says when nothing matches', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    for (const mode of MODES) {
      const expected = COMPOUNDS.filter((c) => c.mode === mode.name && !c.deleted).map((c) => c.name).sort();
      const directory = await DirectoryPage.open(page, site.server.url, `?mode=${mode.key}`);
      assert.equal(await directory.mode.inputValue(), mode.key, `${mode.key}: the menu shows the mode of the address`);
      if (expected.length === 0) {
        await expectSeen(directory.noResults, `"没有找到符合条件的小区" for mode ${mode.key}, which no sample compound has`);
      } else {
        await directory.expectListed(expected);
        assert.equal(await directory.modeBadges().count(), await directory.modeBadges(mode.key).count(), `${mode.key}: every badge is its mode's`);
      }
    }
    // From the menu, the address follows; and a search within a mode can find nothing.
    const directory = await DirectoryPage.open(page, site.server.url);
    await directory.filterMode('owners');
    await expectSeen(directory.count.filter({ hasText: /^1 / }), 'one compound run by its owners');
    assert.deepEqual(await directory.listed(), ['松涛里小区']);
    await directory.find('不存在的小区');
    await expectSeen(directory.noResults, '"没有找到符合条件的小区"');
    await context.close();
  });

  it('fetches the pinyin table only when Latin letters are typed; without it, says to type Chinese', async () => {
    const { context, page } = await open('/compounds', { serviceWorkers: 'block' });
    let asked = 0;
    await page.route('**/data/pinyin.txt', (route) => {
      asked += 1;
      return route.abort('internetdisconnected');
    });
    const directory = new DirectoryPage(page);
    await directory.find('东塘');
    await directory.expectFirst('东塘村小区');
    assert.equal(asked, 0, 'Chinese needs no table');
    await directory.find('dtc');
    await expectSeen(directory.needChinese, 'the notice to type Chinese without the pinyin table');
    assert.equal(asked, 1);
    await context.close();
  });

  it('shows 30 compounds at a time; "show more" adds the next 30 without rebuilding those shown', async () => {
    const context = await site.phone.newPhone({ serviceWorkers: 'block' });
    const page = await context.newPage();
    // The sample's compounds nine times over (72), under new ids: a district-sized list.
    await page.route('**/data/district.json', async (route) => {
      const published = await (await route.fetch()).json();
      const sample = published.data.compounds;
      published.data.compounds = Array.from({ length: 9 }, (_, n) =>
        sample.map((c) => ({ ...c, id: `${c.id}-${n}`, name: `${c.name}${n}` }))).flat();
      await route.fulfill({ json: published });
    });
    const directory = await DirectoryPage.open(page, site.server.url);
    const rows = directory.items;
    await expectSeen(directory.count.filter({ hasText: '72 个小区' }), '"72 个小区"');
    assert.equal(await rows.count(), 30);
    await rows.first().evaluate((row) => { row.dataset.seen = 'yes'; });
    await directory.showMore();
    await directory.expectRows(60);
    assert.equal(await rows.first().getAttribute('data-seen'), 'yes', 'the first page is the same elements');
    await directory.showMore();
    await directory.expectRows(72);
    assert.equal(await directory.showMoreButton.count(), 0, 'nothing more to show');
    // A search starts again at the first page.
    await directory.find('东塘村小区');
    await expectSeen(directory.count.filter({ hasText: '9 个小区' }), '"9 个小区"');
    assert.equal(await rows.count(), 9);
    await context.close();
  });
});

describe('battle map and cards', () => {
  it('the compound page shows every role with normalised tel: links', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const map = await BattleMap.open(page, site.server.url, 'dongtangcun');
    await expectSeen(map.mapHeading, 'the heading "一小区一作战图"');
    const labels = new Set();
    for (const role of ROLES) {
      assert.ok((await map.stewardsOf(role.key).count()) > 0, `${role.name} (${role.key}) is on the map`);
      labels.add((await map.stewardsOf(role.key).first().locator('.role-badge').textContent()).trim());
    }
    assert.ok(labels.has('红管家') && labels.has('物管家') && labels.has('和事佬'), [...labels].join());
    assert.equal(labels.size, ROLES.length, `each role's badge names it, no two alike: ${[...labels].join()}`);
    const hrefs = await map.callHrefs();
    assert.ok(hrefs.length > 10);
    for (const href of hrefs) assert.match(href, /^tel:\d{5,12}$/);
    const sms = await map.texts.first().getAttribute('href');
    assert.match(sms, /^sms:1\d{10}$/);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= 390), true, 'no sideways scroll at 390 px');
    await screenshot(page, '20-compound');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('is readable on a 360 px screen without sideways scrolling', async () => {
    const { context, page } = await open('/c/dongtangcun/b/3', { viewport: { width: 360, height: 740 } });
    await new Card(page).expectTitle('东塘村小区 3栋');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
    await context.close();
  });

  it('a cold deep link to a building card shows the closest steward of each role', async () => {
    const { context, page } = await open('/c/dongtangcun/b/3?u=2');
    const card = new Card(page);
    await card.expectTitle('东塘村小区 3栋 2单元');
    assert.equal(await card.roles.count(), ROLES.length);
    // In unit 2 the peacemaker is the unit head, not the building head.
    assert.match(await card.role('peacemaker').innerText(), /单元长/);
    for (const role of ROLES) {
      const call = await expectSeen(card.call(role.key), `the ${role.key} call button`);
      assert.match(await call.getAttribute('href'), /^tel:1380000\d{4}$/, role.key);
      const box = await call.boundingBox();
      assert.ok(box.height >= 56, `${role.key}: call buttons are at least 56 px high`);
    }
    await screenshot(page, '21-building-card');
    await context.close();
  });

  it('choosing my building makes / open on my card, after a reload too', async () => {
    const { context, page } = await open('/c/dongtangcun/b/3');
    await new Card(page).setMine();
    await Card.home(page, site.server.url);
    await page.reload();
    await appReady(page);
    const card = new Card(page);
    await expectSeen(card.myBuildingHeading, '"我的楼栋" after a reload');
    await card.expectTitle('东塘村小区 3栋');
    assert.equal(await card.roles.count(), ROLES.length);
    await screenshot(page, '22-my-card');
    await card.changeBuilding.click();
    await expectSeen(new DirectoryPage(page).search, 'the directory\'s search after "换一个楼栋"');
    await context.close();
  });

  it('moving to another page takes focus to its heading; a unit chip on the same page does not', async () => {
    const { context, page, errors } = await open('/compounds');
    const focused = () => page.evaluate(() => {
      const e = document.activeElement;
      return `${e.tagName} ${e.textContent.trim()}`;
    });
    await new DirectoryPage(page).link('dongtangcun').click();
    await expectSeen(new BattleMap(page, 'dongtangcun').heading('东塘村小区'), 'the battle map of 东塘村小区');
    await page.waitForFunction(() => document.activeElement.tagName === 'H1');
    assert.equal(await focused(), 'H1 东塘村小区');
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    await page.goBack();
    await page.waitForFunction(() => document.activeElement.textContent.trim() === '小区');
    assert.equal(await focused(), 'H1 小区');
    const card = await Card.open(page, site.server.url, 'dongtangcun', '3');
    await card.chip('2单元').click();
    await page.waitForURL((url) => url.searchParams.get('u') === '2');
    // The page has taken the unit in (the title and the current chip follow it) before
    // anything could have moved focus.
    await card.expectTitle('东塘村小区 3栋 2单元');
    await expectSeen(card.currentChip.filter({ hasText: '2单元' }), 'the 2单元 chip marked current');
    assert.equal(await focused(), 'A 2单元', 'the chip keeps focus: the page is the same');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a building or unit the data does not know cannot become my building', async () => {
    const { context, page } = await open('/c/dongtangcun/b/999');
    const card = new Card(page);
    await expectSeen(card.notFound, '"找不到这个楼栋" for building 999');
    assert.equal(await card.setMineButton.count(), 0);
    await Card.open(page, site.server.url, 'dongtangcun', '3', '99');
    await card.expectTitle('东塘村小区 3栋');
    assert.equal(await card.setMineButton.count(), 0, 'no unit 99 in building 3');
    await Card.open(page, site.server.url, 'dongtangcun', '3', '2');
    await expectSeen(card.setMineButton, '"设为我的楼栋" for a unit the data knows');
    await context.close();
  });

  it('shares a card as text (copied where the Web Share API is missing)', async () => {
    const context = await site.phone.newPhone();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
    await context.addInitScript(() => { delete Navigator.prototype.share; });
    const page = await context.newPage();
    const card = await Card.open(page, site.server.url, 'dongtangcun', '1');
    await card.share();
    await expectSeen(card.copied, '"已复制" after sharing without the Web Share API');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(text, /^【小区管家】东塘村小区 1栋/);
    assert.match(text, /红管家：.+138 0000 \d{4}/);
    assert.match(text, /物管家：/);
    assert.match(text, /和事佬：/);
    assert.ok(text.trim().endsWith(`${site.server.url}/c/dongtangcun/b/1`));
    await context.close();
  });
});

describe("the office's public records of a compound", () => {
  /** The sample records as the build published them (scripts/prerender.mjs). */
  const samples = JSON.parse(readFileSync(join(root, 'public', 'data', 'governance.json'), 'utf8'));

  it("a tap from the battle map: an elected 业委会's stage and term, never its members' names; a forming one's latest step", async () => {
    const { context, page, errors } = await open('/c/songtaoli');
    const map = new BattleMap(page, 'songtaoli');
    await expectSeen(map.recordsLink, 'the link to the compound\'s records on its battle map');
    await map.recordsLink.click();
    await page.waitForURL('**/c/songtaoli/records');
    await appReady(page);
    const records = new RecordsPage(page);
    const elected = samples.committees.find((c) => c.compound === 'songtaoli').current;
    assert.deepEqual(await records.lines('业主委员会（示例）'), ['已成立', `任期 ${elected.term_start} 至 ${elected.term_end}。`]);
    const shown = await page.locator('main').innerText();
    for (const m of elected.members) assert.ok(!shown.includes(m.name), `${m.name} is not on a resident's page`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= 390), true, 'no sideways scroll at 390 px');
    await screenshot(page, '31-records-committee');
    await records.backToMap.click();
    await expectSeen(map.mapHeading, 'the battle map again');

    const forming = samples.committees.find((c) => c.current.stage === 'Preparing');
    const other = await RecordsPage.open(page, site.server.url, forming.compound);
    const [last, on] = forming.current.steps.at(-1);
    const words = { Petition: '业主联名申请', Group: '成立筹备组', Candidates: '公告候选人', Vote: '业主大会选举', Filing: '街道备案' };
    assert.deepEqual(await other.lines('业主委员会（示例）'), ['筹备中', `最近一步：${words[last]}（${on}）。`]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a contract: its company, term, services and fee standard; a package says how many others it runs; none: said so', async () => {
    const { context, page, errors } = await open('/c/baili-plaza/records');
    const records = new RecordsPage(page);
    const k = samples.contracts.find((c) => c.compounds.includes('baili-plaza'));
    const lines = await records.lines('物业服务合同（示例）');
    assert.equal(lines[0], k.company);
    assert.match(lines[1], new RegExp(`^合同期 ${k.start} 至 \\d{4}-\\d{2}-\\d{2}，共 ${k.term_months} 个月。$`));
    assert.equal(lines[2], '服务内容：保洁进楼、安保巡逻、设施维修。');
    assert.equal(lines[3], `收费标准：每月每平方米 ${(k.fee_fen / 100).toFixed(2)} 元。`);
    await screenshot(page, '31-records-contract');
    // The published list's 连片托管 package, its terms not entered yet: said so.
    const dongtang = await RecordsPage.open(page, site.server.url, 'dongtangcun');
    assert.deepEqual(await dongtang.lines('物业服务合同'), [
      '金地物业', '合同期限、服务内容和收费标准待区物业办补全。', '连片托管：同一份合同还管着另外 2 个小区。',
    ]);
    // In English, whole English sentences.
    await page.getByRole('button', { name: 'English' }).click();
    await expectSeen(page.getByText('Packaged management: the same contract runs 2 other compounds.'), 'the package in English');
    await page.getByRole('button', { name: '中文' }).click();
    // A compound the office has published nothing for.
    const none = await RecordsPage.open(page, site.server.url, 'tianhecun');
    await expectSeen(none.none, 'the sentence that nothing is published yet');
    assert.equal(await none.sections.count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('poster', () => {
  it('has one QR per building, each decoding to that building card on this origin', async () => {
    const { context, page, errors } = await open('/c/dongtangcun/poster', { bypassCSP: true });
    await expectSeen(page.locator('svg.qr'), 'the poster\'s QR codes');
    const qrs = page.locator('svg.qr');
    assert.equal(await qrs.count(), 8, '东塘村 has 8 buildings');
    await page.addScriptTag({ path: require.resolve('jsqr/dist/jsQR.js') });
    const decoded = await page.evaluate(async () => {
      const out = [];
      for (const svg of document.querySelectorAll('svg.qr')) {
        const img = new Image();
        img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 264;
        const ctx = canvas.getContext('2d');
        ctx.drawImage(img, 0, 0, 264, 264);
        const data = ctx.getImageData(0, 0, 264, 264);
        out.push(window.jsQR(data.data, 264, 264)?.data ?? null);
      }
      return out;
    });
    const expected = Array.from({ length: 8 }, (_, i) => `${site.server.url}/c/dongtangcun/b/${i + 1}`);
    assert.deepEqual(decoded, expected);
    await screenshot(page, '23-poster');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.app-nav').isVisible(), false, 'no navigation on paper');
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('what the resident is told and offered', () => {
  it('says the roster is sample data on the compound page, the card and the poster', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    const sample = /示例数据：本小区名册上的姓名和电话都是虚构的/;
    const map = await BattleMap.open(page, site.server.url, 'dongtangcun');
    assert.match(await (await expectSeen(map.sampleNotice, 'the sample notice on the battle map')).innerText(), sample);
    const card = await Card.open(page, site.server.url, 'dongtangcun', '3');
    assert.match(await (await expectSeen(card.sampleNotice, 'the sample notice on the card')).innerText(), sample);
    await page.goto(site.server.url + '/c/dongtangcun/poster');
    await appReady(page);
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.locator('.poster__head .notice--sample').isVisible(), 'printed with the poster');
    await context.close();
  });

  it('the card and the battle map lead to a report form with the place filled in', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    const card = await Card.open(page, site.server.url, 'dongtangcun', '3', '2');
    await card.reportHere.click();
    await page.waitForURL(/\/report\/new\?c=dongtangcun&b=3&u=2$/);
    assert.equal(await page.getByLabel('小区').inputValue(), 'dongtangcun');
    assert.equal(await page.getByLabel('楼栋').inputValue(), '3');
    assert.equal(await page.getByLabel('单元').inputValue(), '2');
    const map = await BattleMap.open(page, site.server.url, 'dongtangcun');
    await map.reportAt('2栋');
    await page.waitForURL(/\/report\/new\?c=dongtangcun&b=2$/);
    assert.equal(await page.getByLabel('楼栋').inputValue(), '2');
    await context.close();
  });

  it('shows the compound notices', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    const map = await BattleMap.open(page, site.server.url, 'guihuacun');
    await expectSeen(map.notice('新设施启用'), 'the notice "新设施启用" of 桂花村');
    const other = await site.phone.newPhone();
    const plain = await BattleMap.open(await other.newPage(), site.server.url, 'tianhecun');
    await expectSeen(plain.noNotices, '"暂无通知" for a compound without notices');
    await context.close();
    await other.close();
  });

  it('inside WeChat, says in one line how to open the page in the phone browser', async () => {
    const wechat = 'Mozilla/5.0 (Linux; Android 12; M2012K11AC) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/4G Language/zh_CN';
    const { context, page } = await open('/c/dongtangcun/b/3', { userAgent: wechat });
    assert.match(await (await expectSeen(new Card(page).wechatHint, 'the WeChat hint')).innerText(), /在浏览器打开/);
    await screenshot(page, '24-wechat-hint');
    const { context: plain, page: browser } = await open('/c/dongtangcun/b/3');
    const card = new Card(browser);
    await card.expectTitle('东塘村小区 3栋');
    assert.equal(await card.wechatHint.count(), 0, 'not in an ordinary browser');
    await context.close();
    await plain.close();
  });

  it('on a 1280 px office screen the navigation is a rail on the left, not a bar across the desk', async () => {
    const { context, page } = await open('/district', { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });
    const nav = await page.locator('nav.app-nav').boundingBox();
    const main = await page.locator('main').boundingBox();
    assert.ok(nav.x === 0 && nav.width <= 260 && nav.height > 400, `nav ${JSON.stringify(nav)}`);
    const content = await page.locator('.page').boundingBox();
    assert.ok(content.x >= nav.x + nav.width, 'the page starts right of the rail');
    assert.ok(main.width > 900, 'the page uses the width');
    await screenshot(page, '25-desktop-district');
    await context.close();
  });
});
