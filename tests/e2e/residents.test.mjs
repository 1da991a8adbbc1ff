// Residents find and reach their stewards: search, battle map, my building, building
// cards from a cold deep link, the poster's QR codes, and sharing a card.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { appReady, screenshot, useSite, watchErrors } from './harness.mjs';

const require = createRequire(import.meta.url);
const site = useSite();

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
      const { context, page } = await open('/compounds');
      await page.getByText('东塘村小区').first().waitFor();
      await page.getByLabel('搜索小区').fill(query);
      await page.waitForURL((url) => url.searchParams.get('q') === query);
      // Latin letters match once the pinyin table has come (it is fetched on first need).
      await page.waitForFunction(() => document.querySelector('.compound-list__name')?.textContent === '东塘村小区');
      await page.reload();
      await appReady(page);
      await page.locator('.compound-list__name').first().waitFor();
      assert.equal(await page.getByLabel('搜索小区').inputValue(), query, 'the search survives a reload');
      assert.equal((await page.locator('.compound-list__name').allInnerTexts())[0], '东塘村小区');
      await context.close();
    });
  }

  it('filters by management mode and says when nothing matches', async () => {
    const { context, page } = await open('/compounds?mode=owners');
    await page.getByText('松涛里小区').waitFor();
    assert.deepEqual(await page.locator('.compound-list__name').allInnerTexts(), ['松涛里小区']);
    await page.getByLabel('搜索小区').fill('不存在的小区');
    await page.getByText('没有找到符合条件的小区').waitFor();
    await context.close();
  });

  it('fetches the pinyin table only when Latin letters are typed; without it, says to type Chinese', async () => {
    const { context, page } = await open('/compounds', { serviceWorkers: 'block' });
    let asked = 0;
    await page.route('**/data/pinyin.txt', (route) => {
      asked += 1;
      return route.abort('internetdisconnected');
    });
    await page.getByLabel('搜索小区').fill('东塘');
    await page.waitForFunction(() => document.querySelector('.compound-list__name')?.textContent === '东塘村小区');
    assert.equal(asked, 0, 'Chinese needs no table');
    await page.getByLabel('搜索小区').fill('dtc');
    await page.getByText('没有网络时，请直接输入中文小区名').waitFor();
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
    await page.goto(site.server.url + '/compounds');
    await appReady(page);
    const rows = page.locator('.compound-list__item');
    await page.getByText('72 个小区').waitFor();
    assert.equal(await rows.count(), 30);
    await rows.first().evaluate((row) => { row.dataset.seen = 'yes'; });
    await page.getByRole('button', { name: '显示更多' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.compound-list__item').length === 60);
    assert.equal(await rows.first().getAttribute('data-seen'), 'yes', 'the first page is the same elements');
    await page.getByRole('button', { name: '显示更多' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.compound-list__item').length === 72);
    assert.equal(await page.getByRole('button', { name: '显示更多' }).count(), 0, 'nothing more to show');
    // A search starts again at the first page.
    await page.getByLabel('搜索小区').fill('东塘村小区');
    await page.getByText('9 个小区').waitFor();
    assert.equal(await rows.count(), 9);
    await context.close();
  });
});

describe('battle map and cards', () => {
  it('the compound page shows all three roles with normalised tel: links', async () => {
    const { context, page, errors } = await open('/c/dongtangcun');
    await page.getByRole('heading', { name: '一小区一作战图' }).waitFor();
    for (const role of ['红管家', '物管家', '和事佬']) {
      assert.ok((await page.locator('.role-badge', { hasText: role }).count()) > 0, `${role} is on the map`);
    }
    const hrefs = await page.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length > 10);
    for (const href of hrefs) assert.match(href, /^tel:\d{5,12}$/);
    const sms = await page.locator('a[href^="sms:"]').first().getAttribute('href');
    assert.match(sms, /^sms:1\d{10}$/);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= 390), true, 'no sideways scroll at 390 px');
    await screenshot(page, '20-compound');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('is readable on a 360 px screen without sideways scrolling', async () => {
    const { context, page } = await open('/c/dongtangcun/b/3', { viewport: { width: 360, height: 740 } });
    await page.getByText('东塘村小区 3栋').waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
    await context.close();
  });

  it('a cold deep link to a building card shows the closest steward of each role', async () => {
    const { context, page } = await open('/c/dongtangcun/b/3?u=2');
    await page.getByText('东塘村小区 3栋 2单元').waitFor();
    const roles = page.locator('.card__role');
    assert.equal(await roles.count(), 3);
    // In unit 2 the peacemaker is the unit head, not the building head.
    assert.match(await page.locator('.card__role--peacemaker').innerText(), /单元长/);
    for (let i = 0; i < 3; i++) {
      const call = roles.nth(i).locator('a.phone__call');
      assert.match(await call.getAttribute('href'), /^tel:1380000\d{4}$/);
      const box = await call.boundingBox();
      assert.ok(box.height >= 56, 'call buttons are at least 56 px high');
    }
    await screenshot(page, '21-building-card');
    await context.close();
  });

  it('choosing my building makes / open on my card, after a reload too', async () => {
    const { context, page } = await open('/c/dongtangcun/b/3');
    await page.getByRole('button', { name: '设为我的楼栋' }).click();
    await page.getByText('这是我的楼栋').waitFor();
    await page.goto(site.server.url + '/');
    await appReady(page);
    await page.reload();
    await appReady(page);
    await page.getByRole('heading', { name: '我的楼栋' }).waitFor();
    await page.getByText('东塘村小区 3栋').waitFor();
    assert.equal(await page.locator('.card__role').count(), 3);
    await screenshot(page, '22-my-card');
    await page.getByRole('link', { name: '换一个楼栋' }).click();
    await page.getByLabel('搜索小区').waitFor();
    await context.close();
  });

  it('moving to another page takes focus to its heading; a unit chip on the same page does not', async () => {
    const { context, page, errors } = await open('/compounds');
    const focused = () => page.evaluate(() => {
      const e = document.activeElement;
      return `${e.tagName} ${e.textContent.trim()}`;
    });
    await page.getByRole('link', { name: /东塘村小区/ }).first().click();
    await page.getByRole('heading', { name: '东塘村小区' }).waitFor();
    await page.waitForFunction(() => document.activeElement.tagName === 'H1');
    assert.equal(await focused(), 'H1 东塘村小区');
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    await page.goBack();
    await page.waitForFunction(() => document.activeElement.textContent.trim() === '小区');
    assert.equal(await focused(), 'H1 小区');
    await page.goto(site.server.url + '/c/dongtangcun/b/3');
    await appReady(page);
    await page.getByRole('link', { name: '2单元' }).click();
    await page.waitForURL((url) => url.searchParams.get('u') === '2');
    await page.waitForTimeout(100);
    assert.equal(await focused(), 'A 2单元', 'the chip keeps focus: the page is the same');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a building or unit the data does not know cannot become my building', async () => {
    const { context, page } = await open('/c/dongtangcun/b/999');
    await page.getByText('找不到这个楼栋').waitFor();
    assert.equal(await page.getByRole('button', { name: '设为我的楼栋' }).count(), 0);
    await page.goto(site.server.url + '/c/dongtangcun/b/3?u=99');
    await appReady(page);
    await page.getByText('东塘村小区 3栋').first().waitFor();
    assert.equal(await page.getByRole('button', { name: '设为我的楼栋' }).count(), 0, 'no unit 99 in building 3');
    await page.goto(site.server.url + '/c/dongtangcun/b/3?u=2');
    await appReady(page);
    await page.getByRole('button', { name: '设为我的楼栋' }).waitFor();
    await context.close();
  });

  it('shares a card as text (copied where the Web Share API is missing)', async () => {
    const context = await site.phone.newPhone();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
    await context.addInitScript(() => { delete Navigator.prototype.share; });
    const page = await context.newPage();
    await page.goto(site.server.url + '/c/dongtangcun/b/1');
    await appReady(page);
    await page.getByRole('button', { name: '分享联系卡' }).click();
    await page.getByText('已复制').waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(text, /^【小区管家】东塘村小区 1栋/);
    assert.match(text, /红管家：.+138 0000 \d{4}/);
    assert.match(text, /物管家：/);
    assert.match(text, /和事佬：/);
    assert.ok(text.trim().endsWith(`${site.server.url}/c/dongtangcun/b/1`));
    await context.close();
  });
});

describe('poster', () => {
  it('has one QR per building, each decoding to that building card on this origin', async () => {
    const { context, page, errors } = await open('/c/dongtangcun/poster', { bypassCSP: true });
    await page.locator('svg.qr').first().waitFor();
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
    const { context, page } = await open('/c/dongtangcun');
    const sample = /示例数据：本小区名册上的姓名和电话都是虚构的/;
    assert.match(await page.locator('.notice--sample').innerText(), sample);
    await page.goto(site.server.url + '/c/dongtangcun/b/3');
    await appReady(page);
    assert.match(await page.locator('.card .notice--sample').innerText(), sample);
    await page.goto(site.server.url + '/c/dongtangcun/poster');
    await appReady(page);
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.locator('.poster__head .notice--sample').isVisible(), 'printed with the poster');
    await context.close();
  });

  it('the card and the battle map lead to a report form with the place filled in', async () => {
    const { context, page } = await open('/c/dongtangcun/b/3?u=2');
    await page.getByRole('link', { name: '在这里报事' }).click();
    await page.waitForURL(/\/report\/new\?c=dongtangcun&b=3&u=2$/);
    assert.equal(await page.getByLabel('小区').inputValue(), 'dongtangcun');
    assert.equal(await page.getByLabel('楼栋').inputValue(), '3');
    assert.equal(await page.getByLabel('单元').inputValue(), '2');
    await page.goto(site.server.url + '/c/dongtangcun');
    await appReady(page);
    await page.locator('.battle-map__grid').first().locator('summary').click();
    await page.locator('.battle-map__building', { hasText: '2栋' }).getByRole('link', { name: '在这里报事' }).click();
    await page.waitForURL(/\/report\/new\?c=dongtangcun&b=2$/);
    assert.equal(await page.getByLabel('楼栋').inputValue(), '2');
    await context.close();
  });

  it('shows the compound notices', async () => {
    const { context, page } = await open('/c/guihuacun');
    await page.locator('.notice-item', { hasText: '新设施启用' }).waitFor();
    const { context: other, page: plain } = await open('/c/tianhecun');
    await plain.locator('.notices').getByText('暂无通知').waitFor();
    await context.close();
    await other.close();
  });

  it('inside WeChat, says in one line how to open the page in the phone browser', async () => {
    const wechat = 'Mozilla/5.0 (Linux; Android 12; M2012K11AC) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/4G Language/zh_CN';
    const { context, page } = await open('/c/dongtangcun/b/3', { userAgent: wechat });
    assert.match(await page.locator('.banner--wechat').innerText(), /在浏览器打开/);
    await screenshot(page, '24-wechat-hint');
    const { context: plain, page: browser } = await open('/c/dongtangcun/b/3');
    assert.equal(await browser.locator('.banner--wechat').count(), 0, 'not in an ordinary browser');
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
