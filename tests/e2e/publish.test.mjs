// Issue #29: a roster change made in steward mode reaches the QR card of a first-time
// visitor. The relay's publishing job (deploy/publish.mjs, PUBLISH_SITE) republishes a
// copy of dist/ served with the test server behind /db/; a visitor with the wasm blocked
// gets the pre-rendered HTML alone. The card's live check covers the time before the
// published files follow; a refused or malformed roster never reaches them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appReady, couchAdmin, expectSeen, root, screenshot, startBrowser, startCouch, startServer, until, watchErrors } from './harness.mjs';
import { Card } from './pages/card.mjs';
import { RecordsPage } from './pages/records.mjs';
import { StewardPage } from './pages/steward.mjs';
import { SyncPanel } from './pages/sync.mjs';

const CARD = '/c/dongtangcun/b/1';

/** The date as the app writes it (China time). */
const dateOf = (ms) => new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10);

/** A first-time visitor whose browser never runs the app: the pre-rendered card alone. */
async function htmlOnlyVisitor(phones) {
  const context = await phones.newPhone();
  await context.route('**/*.wasm', (route) => route.abort());
  return { context, page: await context.newPage() };
}

describe('the published card follows the roster (server)', () => {
  let couch;
  let server;
  let phones;
  let site;
  before(async () => {
    site = mkdtempSync(join(tmpdir(), 'cs-published-'));
    cpSync(join(root, 'dist'), site, { recursive: true });
    // The relay's publishing job writes into this copy (deploy/README.md: PUBLISH_SITE).
    process.env.PUBLISH_SITE = site;
    couch = await startCouch({ users: [['wang', 'pw-wang', 'steward:dongtangcun'], ['zhou', 'pw-zhou', 'steward:tianhecun'], ['office', 'pw-office', 'district']], hub: true });
    delete process.env.PUBLISH_SITE;
    server = await startServer(site, { couch });
    phones = await startBrowser();
  });
  after(async () => {
    await phones?.browser.close();
    server?.stop();
    await couch?.stop();
    rmSync(site, { recursive: true, force: true });
  });

  it("a steward's new number is in a first-time visitor's pre-rendered card within a minute", async () => {
    // Whom does building 1's card show first, before any change?
    const before = await htmlOnlyVisitor(phones);
    await before.page.goto(server.url + CARD);
    const first = new Card(before.page);
    const name = (await (await expectSeen(first.stewardNames, 'the stewards of the pre-rendered card')).innerText()).trim();
    assert.equal(await first.tel('tel:13900001234').count(), 0);
    await before.context.close();

    // The steward changes that person's number on their phone, signed in to sync.
    const context = await phones.newPhone();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const steward = await StewardPage.unlocked(page, server.url);
    await steward.saveProfile({ name: '王建国', phone: '138 0000 9002', compounds: ['东塘村小区'] });
    await page.getByText('资料已保存').waitFor();
    const sync = new SyncPanel(page);
    await sync.signIn('wang', 'pw-wang');
    await sync.upToDate();
    const editor = page.locator('.roster-editor');
    await editor.locator('.roster-editor__item', { hasText: name }).first().getByRole('button', { name: '修改' }).click();
    await page.locator('#steward-phone').fill('139 0000 1234');
    await editor.getByRole('button', { name: '保存管家' }).click();
    await editor.getByText('已保存，住户的名片和海报马上更新').waitFor();
    const onServer = await until(async () => {
      const doc = await couchAdmin(couch, 'GET', 'c-dongtangcun/compound:dongtangcun');
      return doc.stewards?.some((s) => s.phone === '139 0000 1234') && doc;
    }, 30000, 'the new number on the server');
    const saved = Date.now();

    // A first-time visitor, no wasm: the new number is in the HTML within a minute.
    const visitor = await htmlOnlyVisitor(phones);
    await until(async () => {
      await visitor.page.goto(server.url + CARD);
      return (await new Card(visitor.page).tel('tel:13900001234').count()) > 0;
    }, 60000, 'the new number in the pre-rendered card');
    const took = Date.now() - saved;
    assert.ok(took < 60000, `published in ${took} ms`);
    const updated = await expectSeen(new Card(visitor.page).updated, 'the date of the roster on the card');
    assert.equal((await updated.innerText()).trim(), `名册更新于 ${dateOf(onServer.updated_at)}`);
    await screenshot(visitor.page, '29-published-card-html-only');
    // The files the card and the directory read were written before the card.
    assert.match(readFileSync(join(site, 'data/c/dongtangcun.json'), 'utf8'), /139 0000 1234/);
    assert.match(readFileSync(join(site, 'data/district.json'), 'utf8'), /139 0000 1234/);
    // A returning resident's worker gets a new version (written last, once every file
    // it precaches is): it fetches the new data.
    const version = (dir) => readFileSync(join(dir, 'sw.js'), 'utf8').match(/const VERSION = '(\w+)'/)[1];
    await until(() => version(site) !== version(join(root, 'dist')), 10000, "the worker's new version");
    await visitor.context.close();
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('with the published file stale, the card shows the live roster and when it was updated', async () => {
    // The published files as the build wrote them (what a site without the job keeps),
    // put back as the job wrote them after this test.
    const files = ['data/c/dongtangcun.json', 'data/district.json', 'c/dongtangcun/b/1/index.html']
      .flatMap((f) => ['', '.br', '.gz'].map((ext) => f + ext));
    const kept = mkdtempSync(join(tmpdir(), 'cs-kept-'));
    for (const f of files) {
      cpSync(join(site, f), join(kept, f));
      cpSync(join(root, 'dist', f), join(site, f));
    }
    const live = await couchAdmin(couch, 'GET', 'c-dongtangcun/compound:dongtangcun');
    const context = await phones.newPhone();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const html = await (await page.goto(server.url + CARD)).text();
    assert.doesNotMatch(html, /tel:13900001234/, 'the pre-rendered card is the stale one');
    await appReady(page);
    const card = new Card(page);
    await expectSeen(card.tel('tel:13900001234'), 'the live roster\'s new number on the card');
    assert.equal((await card.updated.innerText()).trim(), `名册更新于 ${dateOf(live.updated_at)}`);
    await screenshot(page, '29-live-roster-card');
    assert.deepEqual(errors, []);
    await context.close();
    for (const f of files) cpSync(join(kept, f), join(site, f));
    rmSync(kept, { recursive: true, force: true });
  });

  it('a refused or a malformed roster document never reaches the published files', async () => {
    // Written by the compound's steward's account, through the door, as a phone would.
    const asSteward = async (method, path, body, who = 'wang:pw-wang') => (await fetch(`${server.url}/db/${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: 'Basic ' + Buffer.from(who).toString('base64') },
      body: JSON.stringify(body),
    })).json();
    const read = () => ['data/c/dongtangcun.json', 'data/district.json', 'c/dongtangcun/b/1/index.html', 'index.html']
      .map((f) => readFileSync(join(site, f), 'utf8')).join('\n');
    const current = await couchAdmin(couch, 'GET', 'c-dongtangcun/compound:dongtangcun');
    // Malformed: a roster whose number no import would take (the relay carries it: its
    // rules judge whose it is, not its fields; the publisher's import check refuses it).
    const malformed = structuredClone(current);
    malformed.stewards[0].phone = '138-call-me';
    malformed.updated_at = Date.now();
    const put = await asSteward('PUT', 'c-dongtangcun/compound:dongtangcun', malformed);
    assert.ok(put.ok, JSON.stringify(put));
    // Refused: a forged taller history the district has never seen (the judge refuses it).
    const forged = { ...structuredClone(current), _rev: '9-fff', _revisions: { start: 9, ids: ['fff', 'eee'] }, updated_at: Date.now() + 1 };
    forged.stewards[0].phone = '137 0000 0000';
    const bulk = await asSteward('POST', 'c-dongtangcun/_bulk_docs', { new_edits: false, docs: [forged] });
    assert.ok(Array.isArray(bulk), JSON.stringify(bulk));
    await until(async () => {
      const rows = await couchAdmin(couch, 'GET', 'district/_all_docs?include_docs=true&startkey="refusal:"&endkey="refusal:\ufff0"');
      return rows.rows?.some((r) => r.doc.doc === 'compound:dongtangcun' && r.doc.rev === '9-fff');
    }, 30000, 'the forged roster refused');
    // Then a good change of another compound: once it is published, the runs before it
    // (the two above, scheduled first) are over.
    // (Its stewards' first sync: the roster as published, with one new number.)
    const other = JSON.parse(readFileSync(join(site, 'data/c/tianhecun.json'), 'utf8')).data.compounds[0];
    other.stewards[0].phone = '139 0000 5678';
    other.updated_at = Date.now();
    const first = await asSteward('PUT', 'c-tianhecun/compound:tianhecun', { _id: 'compound:tianhecun', ...other }, 'zhou:pw-zhou');
    assert.ok(first.ok, JSON.stringify(first));
    await until(() => /139 0000 5678/.test(readFileSync(join(site, 'data/c/tianhecun.json'), 'utf8')), 30000, 'the other compound published');
    const published = read();
    assert.doesNotMatch(published, /138-call-me/);
    assert.doesNotMatch(published, /137 0000 0000|tel:13700000000/);
    assert.match(published, /139 0000 1234/, 'the last accepted roster stays published');
  });

  it("the office's 业委会 and contract reach residents' compound page, without a member's name, and a deleted record comes down", async () => {
    const asOffice = async (method, path, body) => {
      const r = await fetch(`${server.url}/db/${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: 'Basic ' + Buffer.from('office:pw-office').toString('base64') },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, json: await r.json() };
    };
    const published = () => readFileSync(join(site, 'data/records.json'), 'utf8');
    // As the dashboard writes them (src/domain/governance/): the committee with its
    // members, and the published 金地 package corrected under its own id with its terms.
    const committee = {
      _id: 'committee:dongtangcun', id: 'dongtangcun', compound: 'dongtangcun',
      current: {
        stage: 'Elected', steps: [['Petition', '2025-09-02'], ['Vote', '2026-03-20']],
        members: [{ name: '张晓梅', post: '主任' }, { name: '李建国', post: '委员' }],
        term_start: '2026-04-01', term_end: '2031-03-31', note: '', recorded_at: Date.now(),
      },
      history: [], sample: false, updated_at: Date.now(), deleted: false,
    };
    const contract = {
      _id: 'contract:published-dongtangcun', id: 'published-dongtangcun', company: '金地物业',
      compounds: ['dongtangcun', 'xintang-beiyuan', 'xintang-nanyuan'], start: '2026-07-01', term_months: 36,
      scope: ['Cleaning', 'Parking'], fee_fen: 80, ended_on: null, history: [], migrated: false, sample: false,
      updated_at: Date.now(), deleted: false,
    };
    const put = await asOffice('PUT', 'district/committee%3Adongtangcun', committee);
    assert.equal(put.status, 201, JSON.stringify(put.json));
    assert.equal((await asOffice('PUT', 'district/contract%3Apublished-dongtangcun', contract)).status, 201);
    const written = Date.now();
    await until(() => /2031-03-31/.test(published()) && /"fee_fen":80/.test(published()), 60000, 'the records published');
    assert.ok(Date.now() - written < 60000);
    assert.doesNotMatch(published(), /张晓梅|李建国/, 'no member\'s name in the published file');

    // A first-time visitor to the compound's page sees both, in plain words.
    const context = await phones.newPhone();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const records = await RecordsPage.open(page, server.url, 'dongtangcun');
    assert.deepEqual(await records.lines('业主委员会'), ['已成立', '任期 2026-04-01 至 2031-03-31。']);
    assert.deepEqual(await records.lines('物业服务合同'), [
      '金地物业', '合同期 2026-07-01 至 2029-06-30，共 36 个月。', '服务内容：保洁进楼、停车有序。',
      '收费标准：每月每平方米 0.80 元。', '连片托管：同一份合同还管着另外 2 个小区。',
    ]);
    assert.doesNotMatch(await page.locator('main').innerText(), /张晓梅|李建国/);
    await screenshot(page, '31-published-records');
    // The package's other compounds show the same contract.
    const other = await RecordsPage.open(page, server.url, 'xintang-nanyuan');
    assert.equal((await other.lines('物业服务合同'))[1], '合同期 2026-07-01 至 2029-06-30，共 36 个月。');

    // The office deletes the committee on the server: its summary comes down.
    const gone = await asOffice('DELETE', `district/committee%3Adongtangcun?rev=${put.json.rev}`);
    assert.equal(gone.status, 200, JSON.stringify(gone.json));
    await until(() => !/"compound":"dongtangcun"/.test(published()), 60000, 'the deleted committee taken down');
    assert.match(published(), /"fee_fen":80/, 'the contract stays');
    assert.deepEqual(errors, []);
    await context.close();

    // A new build deployed (its records are the samples'), the relay restarted: at start
    // the job publishes the office's records again, and takes down a summary whose record
    // is not in `district` (one deleted while the job was stopped).
    const shipped = JSON.parse(readFileSync(join(root, 'dist', 'data', 'records.json'), 'utf8'));
    shipped.data.committees.push({ compound: 'tianhecun', stage: 'Elected', term_start: '2020-01-01', term_end: '2024-12-31', sample: false, updated_at: 1 });
    writeFileSync(join(site, 'data', 'records.json'), JSON.stringify(shipped));
    assert.doesNotMatch(published(), /"fee_fen":80/);
    process.env.PUBLISH_SITE = site;
    await couch.restartRelay();
    delete process.env.PUBLISH_SITE;
    await until(() => /"fee_fen":80/.test(published()), 30000, 'the contract published again after a restart');
    await until(() => !/"compound":"tianhecun"/.test(published()), 30000, 'the summary of a record no longer on the server taken down');
    assert.match(published(), /"compound":"songtaoli"/, 'the samples stay');
  });
});
