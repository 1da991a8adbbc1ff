// 小区 (/compounds): the directory — search as you type, the management-mode filter, the
// list in pages of 30; and `/` on a first visit, the same list with a prompt to choose a
// building (pre-rendered as HTML in the static shell before the app mounts).
import { appReady, expectSeen, shownText, until } from '../harness.mjs';

export class DirectoryPage {
  /** `scope`: where the list is — the page, or the static shell (`DirectoryPage.inShell`). */
  constructor(page, scope = page) {
    this.page = page;
    this.scope = scope;
    this.search = page.getByLabel('搜索小区');
    this.mode = page.locator('select[name="mode"]');
    this.coverage = page.locator('select[name="cov"]');
    this.items = scope.locator('.compound-list__item');
    this.names = scope.locator('.compound-list__name');
    /** "N 个小区", the list's `role=status`: it changes when a search has been applied. */
    this.count = page.locator('.directory__count');
    this.noResults = page.getByText('没有找到符合条件的小区');
    this.needChinese = page.getByText('没有网络时，请直接输入中文小区名');
    this.showMoreButton = page.getByRole('button', { name: '显示更多' });
    this.prompt = scope.getByText('先选一次您住的小区和楼栋');
  }

  /** Opens /compounds (with `query`, e.g. `?mode=owners`) and waits until the list or its
   *  notice is on screen. */
  static async open(page, base, query = '') {
    await page.goto(`${base}/compounds${query}`);
    await appReady(page);
    const directory = new DirectoryPage(page);
    await expectSeen(directory.names.or(page.locator('.directory .notice')), 'the directory\'s list of compounds (or its notice)');
    return directory;
  }

  /** `/` as a first visit sees it: the directory and the prompt to choose a building. */
  static async home(page, base) {
    await page.goto(`${base}/`);
    await appReady(page);
    const directory = new DirectoryPage(page);
    await expectSeen(directory.names, 'the list of compounds on the first visit\'s home page');
    return directory;
  }

  /** The directory pre-rendered in the static shell (`#shell`), before the wasm runs. */
  static inShell(page) {
    return new DirectoryPage(page, page.locator('#shell'));
  }

  /** The management-mode badges of the listed compounds; of one mode by its key. */
  modeBadges(key = null) {
    return this.scope.locator(key ? `.compound-list .mode-badge--${key}` : '.compound-list .mode-badge');
  }

  /** The link to a compound's battle map. */
  link(id) {
    return this.scope.locator(`a.compound-list__link[href="/c/${id}"]`);
  }

  listed() {
    return this.names.allInnerTexts();
  }

  /** Types a search and waits until the address carries it. */
  async find(query) {
    await this.search.fill(query);
    await this.page.waitForURL((url) => url.searchParams.get('q') === query);
  }

  /** Waits until the list's first compound is `name` (a search can need the pinyin table
   *  first); fails saying what the list showed. */
  async expectFirst(name, ms = 15000) {
    await until(async () => (await this.names.first().textContent().catch(() => null)) === name, ms,
      `"${name}" first in the directory`).catch(async (e) => {
      throw new Error(`${e.message}; the list showed: ${(await this.listed()).slice(0, 10).join(', ') || `nothing (${await shownText(this.page)})`}`);
    });
  }

  /** Waits until the list shows `n` rows; fails saying how many it showed. */
  async expectRows(n, ms = 15000) {
    await until(async () => (await this.items.count()) === n, ms, `${n} compounds in the list`).catch(async (e) => {
      throw new Error(`${e.message}; it showed ${await this.items.count()} (${await this.count.innerText().catch(() => '')})`);
    });
  }

  async filterMode(key) {
    await this.mode.selectOption(key);
    await this.page.waitForURL((url) => (url.searchParams.get('mode') ?? '') === key);
  }

  /** The coverage filter: `1` covered by property management, `0` not, `` all. */
  async filterCoverage(value) {
    await this.coverage.selectOption(value);
    await this.page.waitForURL((url) => (url.searchParams.get('cov') ?? '') === value);
  }

  /** Waits until the list holds exactly `names` (in any order); fails saying what it held. */
  async expectListed(names, ms = 15000) {
    const want = JSON.stringify([...names].sort());
    let held = [];
    await until(async () => JSON.stringify((held = await this.listed()).sort()) === want, ms, `the directory listing ${want}`)
      .catch((e) => { throw new Error(`${e.message}; it listed ${JSON.stringify(held)}`); });
  }

  /** Waits until the list's count ("N 个小区", its `role=status`) says `n`. */
  async expectCount(n, ms = 15000) {
    await expectSeen(this.count.filter({ hasText: new RegExp(`^${n} `) }), `"${n} 个小区" in the directory`, ms);
  }

  async showMore() {
    await this.showMoreButton.click();
  }
}
