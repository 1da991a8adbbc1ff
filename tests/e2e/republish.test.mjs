// Issue #29 without a server: the office republishes a steward's 「导出我的修改」 file with
// one command that needs Node and nothing else (README: `node deploy/publish.mjs`), run
// here with no Rust toolchain on its PATH on a copy of dist/. A refused file changes
// nothing and says why in Chinese and English.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expectSeen, root, screenshot, startBrowser, startServer } from './harness.mjs';
import { Card } from './pages/card.mjs';
import { StewardPage } from './pages/steward.mjs';

/** `node deploy/publish.mjs site files…` with Node alone on the PATH (no cargo, no rustc). */
function republish(site, ...files) {
  const run = spawnSync(process.execPath, [join(root, 'deploy', 'publish.mjs'), site, ...files], {
    env: { PATH: dirname(process.execPath) },
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** Every file of `dir` and its hash: what "unchanged" means. */
function snapshot(dir) {
  const all = {};
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else all[p.slice(dir.length)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return all;
}

describe("the office republishes a steward's export without a server", () => {
  let site;
  let work;
  let server;
  let phones;
  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'cs-office-'));
    site = join(work, 'site');
    cpSync(join(root, 'dist'), site, { recursive: true });
    server = await startServer(site);
    phones = await startBrowser();
  });
  after(async () => {
    await phones?.browser.close();
    server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it("a steward's export is on every first-time visitor's card after one command", async () => {
    assert.equal(spawnSync('cargo', ['--version'], { env: { PATH: dirname(process.execPath) } }).error?.code, 'ENOENT',
      'the command runs where there is no Rust toolchain');
    // The steward edits a number on their phone (no server) and exports their changes.
    const context = await phones.newPhone();
    const page = await context.newPage();
    const first = await Card.open(page, server.url, 'dongtangcun', '1');
    const name = (await first.stewardNames.first().innerText()).trim();
    const steward = await StewardPage.unlocked(page, server.url);
    await steward.saveProfile({ name: '王建国', phone: '138 0000 9002', compounds: ['东塘村小区'] });
    await page.getByText('资料已保存').waitFor();
    const editor = page.locator('.roster-editor');
    await editor.locator('.roster-editor__item', { hasText: name }).first().getByRole('button', { name: '修改' }).click();
    await page.locator('#steward-phone').fill('139 0000 4321');
    await editor.getByRole('button', { name: '保存管家' }).click();
    await editor.getByText('已保存，住户的名片和海报马上更新').waitFor();
    const exported = await steward.exportChanges();
    await context.close();
    const file = join(work, 'wode-xiugai.json');
    writeFileSync(file, JSON.stringify(exported, null, 2));

    const done = republish(site, file);
    assert.equal(done.code, 0, done.err);
    assert.match(done.out, /已发布 \/ published: dongtangcun/);

    // A first-time visitor without the app's code sees the new number and the date.
    const visitor = await phones.newPhone();
    await visitor.route('**/*.wasm', (route) => route.abort());
    const card = await visitor.newPage();
    await card.goto(server.url + '/c/dongtangcun/b/1');
    const html = Card.inShell(card);
    await expectSeen(html.tel('tel:13900004321'), 'the new number in the pre-rendered card');
    const edited = exported.compounds.find((c) => c.id === 'dongtangcun');
    const date = new Date(edited.updated_at + 8 * 3600 * 1000).toISOString().slice(0, 10);
    assert.equal((await html.updated.innerText()).trim(), `名册更新于 ${date}`);
    await screenshot(card, '29-republished-card-html-only');
    await visitor.close();
    // The same file again changes nothing.
    const before = snapshot(site);
    const again = republish(site, file);
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /已是最新/);
    assert.deepEqual(snapshot(site), before);
  });

  it('a refused file changes nothing and says why', async () => {
    const before = snapshot(site);
    const published = JSON.parse(readFileSync(join(site, 'data/c/tianhecun.json'), 'utf8')).data.compounds[0];
    const bad = { format: 'compound-steward-changes', version: 1, exported_at: Date.now(), changes: [],
      compounds: [{ ...published, updated_at: Date.now(), stewards: published.stewards.map((s, i) => (i === 0 ? { ...s, phone: '138-call-me' } : s)) }] };
    const badFile = join(work, 'bad.json');
    writeFileSync(badFile, JSON.stringify(bad));
    const good = join(work, 'wode-xiugai.json');
    // One bad file among good ones: nothing at all is published.
    const refused = republish(site, good, badFile);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /没有发布，网站未改动/);
    assert.match(refused.err, /小区 tianhecun: .*phone: 138-call-me/);
    assert.match(refused.err, /Nothing was published; the site is unchanged/);
    // An office record given by hand (only the server's job publishes those: there alone
    // is a committee document known to be the office's).
    writeFileSync(badFile, JSON.stringify({ _id: 'committee:tianhecun', id: 'tianhecun', compound: 'tianhecun',
      current: { stage: 'Elected', steps: [], members: [], term_start: '2026-01-01', term_end: '2030-12-31', note: '', recorded_at: 1 }, updated_at: 1 }));
    const byHand = republish(site, badFile);
    assert.equal(byHand.code, 1);
    assert.match(byHand.err, /不能手工发布/);
    for (const text of ['{ not json', '{"format":"something-else","version":1}']) {
      writeFileSync(badFile, text);
      const r = republish(site, badFile);
      assert.equal(r.code, 1);
      assert.match(r.err, /读不懂这个文件|不是「导出我的修改」文件/);
    }
    assert.deepEqual(snapshot(site), before);
  });

  it('a building id that would leave the site folder refuses the whole file', async () => {
    const before = snapshot(site);
    const published = JSON.parse(readFileSync(join(site, 'data/c/tianhecun.json'), 'utf8')).data.compounds[0];
    const sneaky = structuredClone(published);
    sneaky.updated_at = Date.now();
    sneaky.grids[0].buildings.push({ id: '../../../../outside', name: '外面', units: [] });
    const file = join(work, 'sneaky.json');
    writeFileSync(file, JSON.stringify({ format: 'compound-steward-changes', version: 1, exported_at: 1, changes: [], compounds: [sneaky] }));
    const r = republish(site, file);
    assert.equal(r.code, 1);
    assert.match(r.err, /名册里的编号不能用作网址/);
    assert.deepEqual(snapshot(site), before);
    assert.deepEqual(readdirSync(work).sort(), ['bad.json', 'site', 'sneaky.json', 'wode-xiugai.json']);
  });
});
