// What the district server refused, on the office's dashboard: a resident forges a
// "resolved" version of another resident's report (a high revision sent into their own
// database); the relay does not carry it, records the refusal, and the office, signed in
// on /district, sees who sent what and why — while the figures count the real report.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { couchAdmin, expectSeen, until, shots, useSyncSite, watchErrors } from './harness.mjs';
import { DistrictPage, reportDoc } from './pages/district.mjs';
import { SyncPanel } from './pages/sync.mjs';

describe('the refusals of the district server, on the office dashboard', () => {
  const env = useSyncSite({ users: [['li', 'pw-li'], ['zhang', 'pw-zhang'], ['office', 'pw-office', 'district']], hub: true });

  it('shows a forged version of a report as refused, with its account and a reason in words', async () => {
    const at = Date.now() - 86_400_000;
    const report = { ...reportDoc({ id: 'R20261205-LIAAA', compound: 'dongtangcun', at }), filed_by: 'li' };
    delete report._rev;
    await couchAdmin(env.couch, 'PUT', `userdb-6c69/${report._id}`, report);
    await until(async () => (await couchAdmin(env.couch, 'GET', `district/${report._id}`))._rev, 20000, "li's report in the district");

    const office = await env.phones.newPhone();
    const page = await office.newPage();
    const errors = watchErrors(page);
    const district = await DistrictPage.open(page, env.site.url);
    const none = page.locator('[data-no-refusals]');
    await none.scrollIntoViewIfNeeded();
    assert.ok(await none.isVisible(), 'nothing refused yet, said so');

    // zhang, a resident, sends a "resolved" version of li's report into his own database.
    const session = await fetch(`${env.site.url}/db/_session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'zhang', password: 'pw-zhang' }),
    });
    const cookie = session.headers.get('set-cookie').split(';')[0];
    const forged = {
      ...report, filed_by: 'zhang', description: '已处理，无需上门',
      timeline: [...report.timeline, { at: at + 1000, status: 'Resolved', note: '已处理', by: 'Property' }],
      _rev: `999-${'f'.repeat(32)}`,
    };
    const sent = await fetch(`${env.site.url}/db/userdb-7a68616e67/_bulk_docs`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ new_edits: false, docs: [forged] }),
    });
    assert.equal(sent.status, 201);
    await until(async () => (await couchAdmin(env.couch, 'GET', 'district/_all_docs?start_key=%22refusal:%22&end_key=%22refusal;%22')).rows.length, 20000, 'the refusal');

    const sync = new SyncPanel(page);
    await sync.signIn('office', 'pw-office');
    await sync.upToDate();
    const table = page.locator('[data-table="refusals"]');
    await table.waitFor();
    await table.scrollIntoViewIfNeeded();
    const row = table.locator('tbody tr', { hasText: 'zhang' }).first();
    assert.ok(await row.isVisible(), 'the refusal is on screen');
    const cells = await row.locator('td').allInnerTexts();
    assert.ok(cells.includes('R20261205-LIAAA'), `the record's number: ${cells}`);
    assert.ok(cells.some((c) => c.startsWith('不是这个账号的记录')), `why, in words: ${cells}`);
    assert.equal(await none.count(), 0);
    // The figures count li's report as filed, not as resolved by the forgery.
    const stored = await couchAdmin(env.couch, 'GET', `district/${report._id}?conflicts=true`);
    assert.equal(stored.description, report.description);
    assert.equal(stored._conflicts, undefined);
    // The section as the office sees it (the whole dashboard is many screens long).
    await page.locator('#refusals').screenshot({ path: join(shots, '79-district-refusals.png') });
    // Drilled down: listed at the report's compound, not at another's.
    const recorded = (await couchAdmin(env.couch, 'GET', 'district/_all_docs?start_key=%22refusal:%22&end_key=%22refusal;%22&include_docs=true')).rows[0].doc;
    assert.equal(recorded.compound, 'dongtangcun', 'the relay says which compound the refused record is of');
    await page.goto(`${env.site.url}/district?c=dongtangcun`);
    await expectSeen(table.locator('tbody tr', { hasText: 'zhang' }), 'the refusal in 东塘村小区\'s drill-down');
    await page.goto(`${env.site.url}/district?c=tianhecun`);
    await expectSeen(none, 'no refusal in 天鹤村小区\'s drill-down, said so');
    assert.deepEqual(errors, []);
    await office.close();
    void district;
  });
});
