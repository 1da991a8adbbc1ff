// Sync without loss (issue #27): a report's photos travel as CouchDB attachments (sent
// once, kept through every edit on either side, fetched by a steward's phone with a plain
// word while they are on their way), and what a newer version wrote — a field, a whole
// kind of document — goes through this version untouched. Against pouchdb-server set up
// by deploy/setup.mjs, with the relay carrying between databases, behind /db/.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { couchAdmin, root, screenshot, storedDocs, storedReports, until, useSyncSite, winner } from './harness.mjs';
import { ReportDetail } from './pages/report_detail.mjs';
import { ReportForm } from './pages/report_form.mjs';
import { SyncPanel } from './pages/sync.mjs';

const USERS = [['wang', 'pw-wang', 'steward:dongtangcun'], ['li', 'pw-li']];
const LI_DB = `userdb-${Buffer.from('li').toString('hex')}`;

/** A report as a resident's phone files it (the fixture of the first store's shape). */
function reportBody(id, fields) {
  const [first] = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'reports_v0.json'), 'utf8'));
  return { ...first, _id: `report:${id}`, id, photos: [], ...fields };
}

/** Two small pictures, drawn by the browser as a camera's would be (different colours). */
async function pictures(page) {
  const data = await page.evaluate(() => ['#c33', '#36c'].map((colour) => {
    const c = document.createElement('canvas');
    c.width = 320;
    c.height = 240;
    const g = c.getContext('2d');
    g.fillStyle = colour;
    g.fillRect(0, 0, 320, 240);
    return c.toDataURL('image/png').split(',')[1];
  }));
  return data.map((b64, i) => ({ name: `photo-${i + 1}.png`, mimeType: 'image/png', buffer: Buffer.from(b64, 'base64') }));
}

/** The photos on screen: each a loaded picture with a real box. */
async function photosShown(page, count) {
  const thumbs = page.locator('img.photos__thumb');
  await until(async () => (await thumbs.count()) === count
    && (await thumbs.evaluateAll((imgs) => imgs.every((i) => i.complete && i.naturalWidth > 0))), 30000, `${count} photos shown`);
  for (const thumb of await thumbs.all()) {
    const box = await thumb.boundingBox();
    assert.ok(box && box.width > 40 && box.height > 40, 'a photo with a box on screen');
  }
}

/** A document as the server's admin reads it, with its attachments' stubs. */
const serverDoc = (env, db, id) => couchAdmin(env.couch, 'GET', `${db}/${encodeURIComponent(id)}`);
const attachments = (doc) => Object.keys(doc?._attachments ?? {}).sort();

/** The `_bulk_docs` bodies a page sends. */
function bulkDocsBodies(page) {
  const bodies = [];
  page.on('request', (r) => {
    if (r.url().includes('/_bulk_docs')) bodies.push(r.postData() ?? '');
  });
  return bodies;
}

describe('sync without loss', () => {
  const env = useSyncSite({ users: USERS, hub: true });

  it('a report with two photos reaches a steward\'s phone with both; edits on either side keep them, and each photo goes once', async () => {
    const resident = await env.phones.newPhone();
    const li = await resident.newPage();
    const sent = bulkDocsBodies(li);
    const mine = await SyncPanel.open(li, env.site.url);
    await mine.signIn('li', 'pw-li');
    await mine.upToDate();
    const form = await ReportForm.open(li, env.site.url, '?c=dongtangcun&b=3&u=2');
    await form.fillSeptic('3栋2单元化粪池冒水，照片两张');
    await li.locator('input[name="photo"]').setInputFiles(await pictures(li));
    await li.locator('img.photos__thumb').nth(1).waitFor();
    const id = await form.submit();
    const docId = `report:${id}`;

    // On the server as attachments, in the resident's database and the stewards'.
    const inRecords = await until(async () => {
      const doc = await serverDoc(env, 'r-dongtangcun', docId);
      return attachments(doc).length === 2 && doc;
    }, 30000, "the photos in the stewards' database");
    const keys = (await storedReports(li)).find((r) => r.id === id).photos;
    assert.deepEqual(attachments(inRecords), [...keys].sort(), 'named by the photos the report lists');
    for (const att of Object.values(inRecords._attachments)) {
      assert.equal(att.content_type, 'image/jpeg', 'scaled down on the phone, as JPEG');
    }

    // The steward's phone shows both.
    const steward = await env.phones.newPhone();
    const wang = await steward.newPage();
    const theirs = await SyncPanel.open(wang, env.site.url);
    await theirs.signIn('wang', 'pw-wang');
    await until(async () => (await storedReports(wang)).some((r) => r.id === id), 30000, "the report on the steward's phone");
    const onWang = await ReportDetail.open(wang, env.site.url, id);
    await photosShown(wang, 2);
    await screenshot(wang, '96-sync-photos-steward');

    // The steward moves it on twice; the server's copies keep the photos each time.
    await onWang.recordUpdate('已受理', '已联系物业');
    await onWang.waitForStatus('acknowledged');
    await onWang.recordUpdate('已处理待确认', '已疏通');
    await onWang.waitForStatus('resolved');
    const resolvedThere = await until(async () => {
      const doc = await serverDoc(env, LI_DB, docId);
      return doc.timeline?.some((e) => e.status === 'Resolved') && doc;
    }, 30000, "the steward's steps in the resident's database");
    assert.deepEqual(attachments(resolvedThere), attachments(inRecords), "the steward's edit keeps the photos");
    await photosShown(wang, 2);

    // The resident confirms on their phone: the photos still there, and not sent again.
    const before = sent.length;
    const onLi = await ReportDetail.open(li, env.site.url, id);
    await onLi.waitForStatus('resolved');
    await photosShown(li, 2);
    await onLi.confirm(5);
    await onLi.waitForStatus('confirmed');
    const confirmedThere = await until(async () => {
      const doc = await serverDoc(env, 'r-dongtangcun', docId);
      return doc.timeline?.some((e) => e.status === 'Confirmed') && doc;
    }, 30000, "the resident's confirmation in the stewards' database");
    assert.deepEqual(attachments(confirmedThere), attachments(inRecords), "the resident's edit keeps the photos");
    for (const [name, att] of Object.entries(confirmedThere._attachments)) {
      assert.equal(att.digest, inRecords._attachments[name].digest, `${name} unchanged`);
    }
    const withData = sent.filter((b) => b.includes('"data"'));
    assert.equal(withData.length, 1, 'the photos went with the first sending only');
    assert.ok(sent.slice(before).some((b) => b.includes('"stub":true')), 'later as stubs');
    await resident.close();
    await steward.close();
  });

  it('a photo on its way says so, and one the reporter\'s phone never sent says that', async () => {
    // A report as a resident's phone sends it, straight into the stewards' database: one
    // photo with its data, one the reporter's phone listed but never sent.
    const id = 'R20261206-PHOTO';
    const steward = await env.phones.newPhone();
    const wang = await steward.newPage();
    const [picture] = await pictures(wang);
    const doc = reportBody(id, {
      photos: [`${id}-p1`, `${id}-p2`],
      description: '照片一张在路上',
      _attachments: { [`${id}-p1`]: { content_type: 'image/png', data: picture.buffer.toString('base64') } },
    });
    const put = await couchAdmin(env.couch, 'PUT', `r-dongtangcun/report:${id}`, doc);
    assert.ok(put.ok, JSON.stringify(put));

    if (process.env.DEBUG_PHOTOS) wang.on('requestfinished', async (r) => { if (r.url().includes('PHOTO')) console.log('req', r.method(), r.url(), (await r.response())?.status()); });
    if (process.env.DEBUG_PHOTOS) wang.on('requestfailed', (r) => { if (r.url().includes('PHOTO')) console.log('failed', r.url()); });
    if (process.env.DEBUG_PHOTOS) wang.on('console', (m) => console.log('console', m.text()));
    // The photo's own request fails this time (a network that drops it).
    let blocked = true;
    await wang.route(`**/db/r-dongtangcun/report%3A${id}/**`, (route) => (blocked ? route.abort() : route.continue()));
    const sync = await SyncPanel.open(wang, env.site.url);
    await sync.signIn('wang', 'pw-wang');
    await until(async () => (await storedReports(wang)).some((r) => r.id === id), 30000, 'the report on the phone');
    await ReportDetail.open(wang, env.site.url, id);
    const coming = wang.locator('[data-photo-missing]', { hasText: '照片正在下载' });
    const never = wang.locator('[data-photo-missing]', { hasText: '报事人的手机还没有发出这张照片' });
    await coming.waitFor();
    await never.waitFor();
    for (const word of [coming, never]) {
      const box = await word.boundingBox();
      assert.ok(box && box.width > 0 && box.height > 0, 'said on screen');
    }
    await screenshot(wang, '97-sync-photo-coming');
    // The network lets it through: the next pass brings it, and the page shows it.
    blocked = false;
    await wang.reload();
    await photosShown(wang, 1);
    assert.equal(await coming.count(), 0, 'no longer on its way');
    assert.equal(await never.count(), 1, 'the one never sent still says so');
    await steward.close();
  });

  it('what a newer version wrote — a field, a kind of document — goes through this version untouched', async () => {
    const id = 'R20261206-NEWER';
    const newer = reportBody(id, { description: '新版本写的报事', escalated_to: { street: '东塘街道', at: 1796000000000 } });
    assert.ok((await couchAdmin(env.couch, 'PUT', `r-dongtangcun/report:${id}`, newer)).ok);
    // A kind this version does not know (`survey:` is not a DocKind; `meeting:` and `census:` became ones).
    const survey = { _id: 'survey:dongtangcun-2026Q4', compound: 'dongtangcun', held_at: 1796000000000, topic: '物业管理专题会议' };
    assert.ok((await couchAdmin(env.couch, 'PUT', `r-dongtangcun/${survey._id}`, survey)).ok);

    const steward = await env.phones.newPhone();
    const wang = await steward.newPage();
    const sync = await SyncPanel.open(wang, env.site.url);
    await sync.signIn('wang', 'pw-wang');
    await until(async () => (await storedReports(wang)).some((r) => r.id === id), 30000, 'the report on the phone');
    // The unknown kind is kept as it came (not skipped past by the checkpoint).
    const kept = await until(async () => (await storedDocs(wang, 'unknown')).find((d) => d._id === survey._id), 30000, 'the survey kept (an unknown kind)');
    assert.equal(winner(kept.tree).body.topic, '物业管理专题会议');

    // The steward records a step: the field this version does not know goes with it.
    const page = await ReportDetail.open(wang, env.site.url, id);
    const status = await page.status();
    await page.recordUpdate('已受理', '收到');
    await page.waitForStatus('acknowledged');
    assert.notEqual(status, 'acknowledged');
    const after = await until(async () => {
      const doc = await serverDoc(env, 'r-dongtangcun', `report:${id}`);
      return doc.timeline?.some((e) => e.note === '收到') && doc;
    }, 30000, 'the step on the server');
    assert.deepEqual(after.escalated_to, newer.escalated_to, 'the newer field kept through the edit');
    const stillThere = await serverDoc(env, 'r-dongtangcun', survey._id);
    assert.equal(stillThere._rev.split('-')[0], '1', 'the unknown kind untouched on the server');
    await steward.close();
  });
});
