// Steward mode: a PIN (salted hash, lockout, auto-lock, forgot), the steward's profile,
// and notices that residents see at once.
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import { answerConfirm, appReady, deafTab, expectSeen, screenshot, settled, shots, storageSnapshot, storedDocs, useSite } from './harness.mjs';
import { ReportForm } from './pages/report_form.mjs';
import { BattleMap } from './pages/battle_map.mjs';
import { Card } from './pages/card.mjs';
import { StewardPage } from './pages/steward.mjs';

const site = useSite();

/** A phone whose clock the test moves (Date.now and timers). */
async function phoneWithClock(options) {
  const context = await site.phone.newPhone(options);
  const page = await context.newPage();
  await page.clock.install();
  return { context, page };
}

const seriousAxe = async (page) => (await new AxeBuilder({ page }).analyze()).violations
  .filter((v) => v.impact === 'serious' || v.impact === 'critical')
  .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);

describe('the steward PIN', () => {
  it('is set twice, kept only as a salted hash, and five wrong tries lock it for a while', async () => {
    const { context, page } = await phoneWithClock();
    const steward = await StewardPage.open(page, site.server.url);
    await steward.setPin('123');
    await steward.message.filter({ hasText: 'PIN 要 4 到 8 位' }).waitFor();
    await steward.setPin('2468', '2469');
    await steward.message.filter({ hasText: '两次输入的 PIN 不一样' }).waitFor();
    await steward.setPin('24a8');
    await steward.message.filter({ hasText: 'PIN 只能是数字' }).waitFor();
    await steward.setPin('2468');
    await steward.lockButton.waitFor();
    const stored = JSON.parse((await storageSnapshot(page))['cs.steward']).data;
    assert.equal(stored.pin.hash.length, 32, 'a 256-bit PBKDF2 hash');
    assert.equal(stored.pin.salt.length, 16);
    assert.ok(stored.pin.iterations >= 100000);
    assert.ok(!JSON.stringify(await storageSnapshot(page)).includes('2468'), 'never the PIN itself');
    await steward.lockButton.click();
    await page.getByText('PIN 只能防止别人顺手打开').waitFor();
    for (const left of [4, 3, 2, 1]) {
      await steward.enterPin('1111');
      await steward.message.filter({ hasText: `锁定前还可以试（次）：${left}` }).waitFor();
    }
    await steward.enterPin('1111');
    await steward.message.filter({ hasText: '已暂时锁定。请过这么久再试（秒）：30' }).waitFor();
    await steward.enterPin('2468');
    await steward.message.filter({ hasText: '已暂时锁定' }).waitFor();
    assert.equal(await steward.lockButton.count(), 0, 'the right PIN waits out the lock too');
    await page.clock.fastForward(31_000);
    await steward.enterPin('2468');
    await steward.lockButton.waitFor();
    await context.close();
  });

  it('locks itself after ten idle minutes, and "forgot PIN" clears steward settings only', async () => {
    const { context, page } = await phoneWithClock();
    const steward = await StewardPage.open(page, site.server.url);
    await steward.setPin('97531');
    await steward.lockButton.waitFor();
    await page.clock.fastForward('09:00');
    assert.equal(await steward.lockButton.count(), 1, 'still open after nine minutes');
    await page.clock.fastForward('01:10');
    await page.getByRole('button', { name: '进入', exact: true }).waitFor();
    assert.equal(await steward.lockButton.count(), 0);
    const before = await storageSnapshot(page);
    const docsBefore = await storedDocs(page);
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: '忘记 PIN' }).click();
    await page.getByRole('button', { name: '保存 PIN' }).waitFor();
    const after = await storageSnapshot(page);
    delete before['cs.steward'];
    assert.deepEqual(after, before, 'everything but steward mode is as it was');
    assert.deepEqual(await storedDocs(page), docsBefore, 'and every record');
    await context.close();
  });
});

describe('inside steward mode', () => {
  it('a steward saves who they are, posts a notice, and residents see it at once', async () => {
    const context = await site.phone.newPhone();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
    await context.addInitScript(() => { delete Navigator.prototype.share; });
    const page = await context.newPage();
    const steward = await StewardPage.open(page, site.server.url);
    await steward.setPin('2468');
    await steward.lockButton.waitFor();
    // A profile with problems says each one beside its field.
    await steward.saveProfile({ name: ' ', phone: '123&body=x' });
    await page.locator('#profile-name-error', { hasText: '这一项必须填写' }).waitFor();
    await page.locator('#profile-phone-error', { hasText: '电话只能包含' }).waitFor();
    await page.locator('#profile-compounds-error', { hasText: '请至少选一个小区' }).waitFor();
    await steward.saveProfile({ name: '王建国', phone: '138 0000 9002', compounds: ['东塘村小区', '新塘北苑（示例）'] });
    await page.getByText('资料已保存').waitFor();
    assert.equal(await page.getByLabel('正在处理的小区').inputValue(), 'dongtangcun');
    // A notice that cannot be posted as written.
    await steward.postNotice({ title: ' ', body: '周六上午停水', expires: '2020-01-01' });
    await page.locator('#notice-title-error', { hasText: '这一项必须填写' }).waitFor();
    await page.locator('#notice-expires-error', { hasText: '到期日期要晚于今天' }).waitFor();
    await steward.postNotice({ title: '周六停水', body: '周六上午 8 点到 12 点停水，请提前储水。', pinned: true });
    await page.getByText('公告已保存，居民马上就能看到').waitFor();
    assert.deepEqual(await seriousAxe(page), []);
    await screenshot(page, '50-steward-home');
    // The resident's compound page shows it first, pinned.
    const map = await BattleMap.open(page, site.server.url, 'dongtangcun');
    const first = await expectSeen(map.noticeItems, 'the compound\'s notices');
    assert.match(await first.innerText(), /周六停水\s*置顶/);
    // Shared as text for a WeChat group, and printed on the poster.
    await first.getByRole('button', { name: '分享这条公告' }).click();
    await first.getByText('已复制').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '【小区管家】东塘村小区 通知公告：周六停水\n周六上午 8 点到 12 点停水，请提前储水。');
    await page.goto(site.server.url + '/c/dongtangcun/poster');
    await appReady(page);
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.locator('.poster__notices', { hasText: '周六停水' }).isVisible(), 'printed on the poster');
    await page.emulateMedia({ media: 'screen' });
    // And my building's card on the home screen.
    await (await Card.open(page, site.server.url, 'dongtangcun', '3')).setMine();
    const home = await Card.home(page, site.server.url);
    await expectSeen(home.notice('周六停水'), 'the notice under my building\'s card at /');
    // Taken down, it is gone for residents (the PIN again: a reload locks).
    const again = await StewardPage.open(page, site.server.url);
    await again.enterPin('2468');
    await again.lockButton.waitFor();
    await page.locator('.notice-editor__item', { hasText: '周六停水' }).getByRole('button', { name: '下架' }).click();
    await page.locator('.notice-editor__item', { hasText: '周六停水' }).getByText('已下架').waitFor();
    const after = await BattleMap.open(page, site.server.url, 'dongtangcun');
    // The notices have been drawn (or said to be none) before one is found missing.
    await expectSeen(after.notices, 'the compound\'s notices section');
    assert.equal(await after.notice('周六停水').count(), 0);
    await context.close();
  });

  it('two tabs posting notices at once keep both by themselves; the same fact changed in both is shown until merged', async () => {
    const context = await site.phone.newPhone();
    const a = await context.newPage();
    const tabA = await StewardPage.unlocked(a, site.server.url);
    await tabA.saveProfile({ name: '王建国', phone: '138 0000 9002', compounds: ['东塘村小区'] });
    await a.getByText('资料已保存').waitFor();
    // Both tabs start from the same saved version of the compound ...
    await tabA.postNotice({ title: '电梯检修', body: '周五电梯检修一天' });
    await a.getByText('公告已保存，居民马上就能看到').waitFor();
    await settled(a);
    // ... and tab B does not hear tab A (as when both save in the same moment).
    const b = await deafTab(context);
    const tabB = await StewardPage.open(b, site.server.url);
    await tabB.enterPin('2468');
    await tabB.lockButton.waitFor();
    await tabA.postNotice({ title: 'A 的公告', body: '周六上午停水' });
    await a.locator('.notice-editor__item', { hasText: 'A 的公告' }).waitFor();
    await settled(a);
    await tabB.postNotice({ title: 'B 的公告', body: '周日下午停电' });
    await b.getByText('公告已保存，居民马上就能看到').waitFor();
    await settled(b);
    // Two new notices touch nothing the other changed: one version, both notices.
    const compound = async () => (await storedDocs(b, 'compound')).find((d) => d._id === 'compound:dongtangcun').tree;
    assert.equal((await compound()).leaves.filter((l) => !l.deleted).length, 1, 'merged by itself');
    assert.equal(await b.locator('.conflict__item').count(), 0, 'nothing for the steward to settle');
    for (const title of ['A 的公告', 'B 的公告']) {
      await b.locator('.notice-editor__item', { hasText: title }).waitFor();
    }

    // The compound's name changed differently in each tab: the steward decides.
    const rename = async (page, name) => {
      const facts = page.locator('.facts-editor');
      await page.locator('#facts-name').fill(name);
      await facts.getByRole('button', { name: '保存小区资料' }).click();
      await facts.getByText('小区资料已保存').waitFor();
      await settled(page);
    };
    await a.reload();
    await appReady(a);
    await tabA.enterPin('2468');
    await tabA.lockButton.waitFor();
    await rename(a, '东塘村小区（一期）');
    await rename(b, '东塘村社区');
    const conflict = b.locator('.conflict__item[data-doc="compound:dongtangcun"]');
    await conflict.waitFor();
    assert.match(await conflict.innerText(), /东塘村小区（一期）/);
    assert.match(await conflict.innerText(), /东塘村社区/);
    assert.deepEqual(await seriousAxe(b), []);
    await screenshot(b, '52-steward-conflict');
    await conflict.locator('[data-keep="merged"]').click();
    await b.locator('.conflict').waitFor({ state: 'detached' });
    assert.equal((await compound()).leaves.filter((l) => !l.deleted).length, 1);
    const map = await BattleMap.open(b, site.server.url, 'dongtangcun');
    await expectSeen(map.notice('A 的公告'), 'tab A\'s notice');
    await expectSeen(map.notice('B 的公告'), 'tab B\'s notice');
    await context.close();
  });

  it('edits the roster: a steward\'s new phone reaches the card and the poster; removal asks; undo restores', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    // Whom does building 1's card show first?
    const card = await Card.open(page, site.server.url, 'dongtangcun', '1');
    const name = (await card.stewardNames.first().innerText()).trim();
    const steward = await StewardPage.unlocked(page, site.server.url);
    await steward.saveProfile({ name: '王建国', phone: '138 0000 9002', compounds: ['东塘村小区'] });
    await page.getByText('资料已保存').waitFor();
    const editor = page.locator('.roster-editor');
    const row = editor.locator('.roster-editor__item', { hasText: name }).first();
    await row.getByRole('button', { name: '修改' }).click();
    await page.locator('#steward-phone').fill('123&body=x');
    await page.locator('#steward-name').fill(' ');
    await editor.getByRole('button', { name: '保存管家' }).click();
    await page.locator('#steward-phone-error', { hasText: '电话只能包含' }).waitFor();
    await page.locator('#steward-name-error', { hasText: '这一项必须填写' }).waitFor();
    await page.locator('#steward-name').fill(name);
    await page.locator('#steward-phone').fill('139 0000 1234');
    await editor.getByRole('button', { name: '保存管家' }).click();
    await editor.getByText('已保存，住户的名片和海报马上更新').waitFor();
    const entry = page.locator('.change-log__entry--edited').first();
    assert.match(await entry.innerText(), /王建国/);
    assert.match(await entry.innerText(), /→.*139 0000 1234/);
    assert.deepEqual(await seriousAxe(page), []);
    await screenshot(page, '53-roster-editor');
    const changes = await steward.exportChanges();
    assert.equal(changes.format, 'compound-steward-changes');
    const edited = changes.compounds.find((c) => c.id === 'dongtangcun');
    assert.ok(edited.stewards.some((s) => s.phone === '139 0000 1234'), 'the edited roster goes out whole');
    assert.equal(changes.changes.at(-1).kind, 'StewardEdited');
    // The resident's card and the poster follow.
    await Card.open(page, site.server.url, 'dongtangcun', '1');
    await expectSeen(card.tel('tel:13900001234'), 'the new phone on building 1\'s card');
    await page.goto(site.server.url + '/c/dongtangcun/poster');
    await appReady(page);
    assert.match(await page.locator('main').innerText(), /139 0000 1234/);
    // Removal asks first and says who; dismissed, nothing changes.
    await StewardPage.open(page, site.server.url).then((s) => s.enterPin('2468'));
    await steward.lockButton.waitFor();
    const again = page.locator('.roster-editor__item', { hasText: name }).first();
    const asked = await answerConfirm(page, () => again.getByRole('button', { name: '删除' }).click(), `whether to remove ${name}`);
    assert.match(asked, new RegExp(`确定删除.*${name}`));
    assert.equal(await page.locator('.roster-editor__item', { hasText: name }).count(), 1, 'dismissed: the steward is still listed');
    page.once('dialog', (d) => d.accept());
    await again.getByRole('button', { name: '删除' }).click();
    await page.locator('.change-log__entry--removed').waitFor();
    assert.equal(await page.locator('.roster-editor__item', { hasText: '139 0000 1234' }).count(), 0);
    // Undo brings the steward back, then the old phone.
    await page.getByRole('button', { name: '撤销上一次修改' }).click();
    await page.locator('.roster-editor__item', { hasText: '139 0000 1234' }).waitFor();
    await page.getByRole('button', { name: '撤销上一次修改' }).click();
    await page.getByText('已撤销，名册恢复到修改之前').waitFor();
    await page.locator('.roster-editor__item', { hasText: '139 0000 1234' }).waitFor({ state: 'detached' });
    await Card.open(page, site.server.url, 'dongtangcun', '1');
    await expectSeen(card.stewardNames, 'the stewards on building 1\'s card');
    assert.equal(await card.tel('tel:13900001234').count(), 0, 'the card is as before');
    await context.close();
  });

  it('edits a compound\'s facts: checked like an import, shown to residents, logged and undoable', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    const steward = await StewardPage.unlocked(page, site.server.url);
    await steward.saveProfile({ name: '王建国', phone: '138 0000 9002', compounds: ['东塘村小区'] });
    await page.getByText('资料已保存').waitFor();
    const facts = page.locator('.facts-editor');
    const oldHotline = await page.locator('#facts-hotline').inputValue();
    await page.locator('#facts-households').fill('0');
    await page.locator('#facts-hotline').fill('0731-5555x');
    await facts.getByRole('button', { name: '保存小区资料' }).click();
    await page.locator('#facts-households-error', { hasText: '1 到 100000' }).waitFor();
    await page.locator('#facts-hotline-error', { hasText: '电话只能包含' }).waitFor();
    await page.locator('#facts-households').fill('1260');
    await page.locator('#facts-hotline').fill('0731-5555 1234');
    await facts.getByRole('button', { name: '保存小区资料' }).click();
    await facts.getByText('小区资料已保存').waitFor();
    const entry = page.locator('.change-log__entry--facts').first();
    assert.match(await entry.innerText(), /户数：.*→ 1260/);
    assert.deepEqual(await seriousAxe(page), []);
    await facts.screenshot({ path: join(shots, '54-facts-editor.png') });
    await page.locator('section.change-log').screenshot({ path: join(shots, '55-change-log.png') });
    await page.goto(site.server.url + '/c/dongtangcun');
    await appReady(page);
    assert.match(await page.locator('main').innerText(), /5555/);
    assert.match(await page.locator('main').innerText(), /1260/);
    const again = await StewardPage.open(page, site.server.url);
    await again.enterPin('2468');
    await again.lockButton.waitFor();
    await page.getByRole('button', { name: '撤销上一次修改' }).click();
    await page.getByText('已撤销，名册恢复到修改之前').waitFor();
    await page.goto(site.server.url + '/c/dongtangcun');
    await appReady(page);
    assert.doesNotMatch(await page.locator('main').innerText(), /5555/);
    if (oldHotline) assert.match(await page.locator('main').innerText(), new RegExp(oldHotline.replace(/[-()]/g, '.')));
    await context.close();
  });

  it('edits the battle map: places added, renamed, moved and removed (asking whom it affects), and undone', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    // A report made in 1栋, which the removal below must name.
    const reportForm = await ReportForm.open(page, site.server.url, '?c=dongtangcun&b=1');
    await reportForm.describe('1栋楼道灯不亮');
    const reportId = await reportForm.submit();
    const steward = await StewardPage.unlocked(page, site.server.url);
    await steward.saveProfile({ name: '王建国', phone: '138 0000 9002', compounds: ['东塘村小区'] });
    await page.getByText('资料已保存').waitFor();
    const map = page.locator('.map-editor');
    const choose = (name) => page.locator('#map-place').evaluate((select, name) => {
      select.value = [...select.options].find((o) => o.textContent.trim() === name).value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }, name);
    await choose('第1网格');
    await page.locator('#map-add').fill('12栋');
    await map.getByRole('button', { name: '添加', exact: true }).click();
    await page.locator('.change-log__entry--places', { hasText: '12栋' }).waitFor();
    await page.locator('#map-add').fill('2栋');
    await map.getByRole('button', { name: '添加', exact: true }).click();
    await map.getByText('旁边已有同名的地方').waitFor();
    await choose('12栋');
    await page.locator('#map-rename').fill('12号楼');
    await map.getByRole('button', { name: '改名' }).click();
    await page.locator('.change-log__entry--places', { hasText: '12号楼' }).waitFor();
    await choose('12号楼');
    await page.locator('#map-move').selectOption({ label: '第2网格' });
    await map.getByRole('button', { name: '移动' }).click();
    await page.locator('.change-log__entry--places', { hasText: '12号楼 → 第2网格' }).waitFor();
    const shown = await page.locator('#map-place').evaluate((select) => select.options[select.selectedIndex].textContent.trim());
    assert.equal(shown, '12号楼', 'the place shown is still the one acted on');
    await map.screenshot({ path: join(shots, '56-map-editor.png') });
    // Removing 1栋 says whose scope widens; dismissed, nothing changes.
    await choose('1栋');
    const asked = await answerConfirm(page, () => map.getByRole('button', { name: '删除这个地方' }).click(), 'whether to remove 1栋');
    assert.match(asked, /确定删除「1栋」[\s\S]*这些管家将改为负责外面一层/);
    assert.match(asked, new RegExp(`这些报事保留原来的位置：.*${reportId}`));
    assert.equal(await page.locator('.change-log__entry--places', { hasText: '删除 1栋' }).count(), 0, 'dismissed: nothing removed');
    assert.ok((await page.locator('#map-place option').allTextContents()).some((t) => t.trim() === '1栋'), 'dismissed: 1栋 is still a place');
    page.once('dialog', (d) => d.accept());
    await map.getByRole('button', { name: '删除这个地方' }).click();
    await page.locator('.change-log__entry--places', { hasText: '删除 1栋' }).waitFor();
    await page.goto(site.server.url + '/c/dongtangcun');
    await appReady(page);
    // (Grids may be folded: their buildings are in the page, not all on screen.)
    const text = await page.locator('main').textContent();
    assert.match(text, /12号楼/);
    assert.doesNotMatch(text, /(^|[^\d])1栋/);
    await page.goto(site.server.url + '/c/dongtangcun/b/1');
    await appReady(page);
    await expectSeen(new Card(page).notFound, '"找不到这个楼栋" for the removed 1栋');
    // Undo brings 1栋 back, its stewards with it.
    const again = await StewardPage.open(page, site.server.url);
    await again.enterPin('2468');
    await again.lockButton.waitFor();
    await page.getByRole('button', { name: '撤销上一次修改' }).click();
    await page.getByText('已撤销，名册恢复到修改之前').waitFor();
    const back = await Card.open(page, site.server.url, 'dongtangcun', '1');
    await expectSeen(back.stewardNames, '1栋\'s stewards back on its card');
    await context.close();
  });

  it('works on an office screen too', async () => {
    const context = await site.phone.newPhone({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });
    const page = await context.newPage();
    const steward = await StewardPage.open(page, site.server.url);
    await steward.setPin('2468');
    await steward.lockButton.waitFor();
    await steward.saveProfile({ name: '李秀英', phone: '138 0000 9003', role: '红管家', compounds: ['天鹤村小区'] });
    await page.locator('.notice-editor').waitFor();
    assert.deepEqual(await seriousAxe(page), []);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 1280));
    await screenshot(page, '51-steward-desktop');
    await context.close();
  });
});

describe('mediation and arrears logs', () => {
  it('entries are checked, counted for the compound and change the district totals', async () => {
    const context = await site.phone.newPhone();
    const page = await context.newPage();
    // A resident's report the mediation will settle.
    const reportForm = await ReportForm.open(page, site.server.url, '?c=dongtangcun&b=2');
    await reportForm.describe('楼上漏水到楼下');
    const reportId = await reportForm.submit();
    const steward = await StewardPage.open(page, site.server.url);
    await steward.setPin('2468');
    await steward.lockButton.waitFor();
    await steward.saveProfile({ name: '王建国', phone: '138 0000 9002', compounds: ['东塘村小区'] });
    const form = page.locator('.log-form').first();
    // A bad amount and a missing subject are refused, each beside its field.
    await form.getByLabel('当事人').fill('张三、李四');
    await form.getByLabel('涉及金额（元，可为 0）').fill('1.234');
    await form.getByRole('button', { name: '记录调解' }).click();
    await page.locator('#mediation-amount-error', { hasText: '金额最多两位小数' }).waitFor();
    await form.getByLabel('涉及金额（元，可为 0）').fill('12,000.50');
    await form.getByRole('button', { name: '记录调解' }).click();
    await page.locator('#mediation-subject-error', { hasText: '这一项必须填写' }).waitFor();
    await form.getByLabel('事由').fill('楼上漏水');
    await form.getByLabel('关联的报事（可不选）').selectOption(reportId);
    await form.getByRole('button', { name: '记录调解' }).click();
    await form.getByText('已记录').waitFor();
    await page.locator('.log-forms__list', { hasText: '张*、李*' }).waitFor();
    assert.equal(await page.locator('.log-forms__list a', { hasText: reportId }).getAttribute('href'), `/reports/${reportId}`);
    const arrears = page.locator('.log-form').nth(1);
    await arrears.getByLabel('户数').fill('3');
    await arrears.getByLabel('收回金额（元）').fill('3927.1');
    await arrears.getByRole('button', { name: '记录收回欠费' }).click();
    await arrears.getByText('已记录').waitFor();
    assert.match(await page.locator('[data-compound-totals]').innerText(), /诉前调解成功（件）\s*1 · 12,000.50[\s\S]*3,927.10/);
    await page.goto(site.server.url + '/district');
    await appReady(page);
    const logs = page.locator('[data-table="logs"] tbody tr');
    await logs.first().filter({ hasText: '1 · 12,000.50' }).waitFor();
    const rows = await logs.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.innerText.trim())));
    assert.deepEqual(rows[0], ['诉前调解成功', '1 · 12,000.50', '0 · 0', '26 · 300000+']);
    assert.deepEqual(rows[2].slice(0, 2), ['收回欠缴物业费', '3,927.10 (3)']);
    await screenshot(page, '52-district-work-done');
    await context.close();
  });
});
