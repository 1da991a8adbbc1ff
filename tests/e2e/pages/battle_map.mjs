// A compound's page (/c/<id>): its battle map (一小区一作战图) — grids that fold, each
// building with its stewards, a link to its card and to the report form — its notices,
// its facts with the link to its 业委会 and contract, and the sample-data notice.
import { appReady, expectSeen } from '../harness.mjs';

export class BattleMap {
  constructor(page, id = new URL(page.url()).pathname.split('/')[2]) {
    this.page = page;
    this.id = id;
    this.title = page.locator('h1.page__title');
    this.mapHeading = page.getByRole('heading', { name: '一小区一作战图' });
    this.grids = page.locator('.battle-map__grid');
    this.notices = page.locator('.notices');
    this.noticeItems = this.notices.locator('.notice-item');
    this.noNotices = this.notices.getByText('暂无通知');
    this.sampleNotice = page.locator('.notice--sample');
    this.notFound = page.getByText('找不到这个小区');
    this.calls = page.locator('main a[href^="tel:"]');
    this.texts = page.locator('main a[href^="sms:"]');
    // The link to the office's public records of this compound (the resident app's page).
    this.recordsLink = page.getByRole('link', { name: '业委会与物业合同' });
  }

  /** Opens /c/<id> and waits until the compound's name is on screen as its heading. */
  static async open(page, base, id) {
    await page.goto(`${base}/c/${id}`);
    await appReady(page);
    const map = new BattleMap(page, id);
    await expectSeen(map.title, `the heading of compound ${id}'s page`);
    return map;
  }

  /** The page's heading by the compound's name (exact), e.g. to see the page arrive. */
  heading(name) {
    return this.page.getByRole('heading', { name, exact: true });
  }

  /** The link from the map to building `b`'s card. */
  cardLink(b) {
    return this.page.locator(`a.battle-map__card-link[href="/c/${this.id}/b/${b}"]`);
  }

  /** A building on the map, by its name ("2栋"). */
  building(name) {
    return this.page.locator('.battle-map__building', { hasText: name });
  }

  /** The grid (a fold) holding building `b`'s card link. */
  gridOf(b) {
    return this.grids.filter({ has: this.cardLink(b) });
  }

  /** Unfolds the grid of building `b` (several grids start folded). */
  async unfold(b) {
    const grid = this.gridOf(b);
    if (!(await grid.evaluate((d) => d.open))) await grid.locator('summary').click();
  }

  /** Unfolds building `b`'s grid and opens its card. */
  async openCard(b) {
    await this.unfold(b);
    await this.cardLink(b).click();
  }

  /** "在这里报事" of a building (by its name), its grid unfolded first. */
  async reportAt(name) {
    const grid = this.grids.filter({ has: this.building(name) });
    if (!(await grid.evaluate((d) => d.open))) await grid.locator('summary').click();
    await this.building(name).getByRole('link', { name: '在这里报事' }).click();
  }

  /** The stewards of a role on the map, by the role's key (`red`, `property`, …). */
  stewardsOf(role) {
    return this.page.locator(`.battle-map .person.role--${role}`);
  }

  /** A notice of the compound, by its title. */
  notice(title) {
    return this.page.locator('.notices .notice-item', { hasText: title });
  }

  /** Every tel: link's href on the page. */
  callHrefs() {
    return this.calls.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  }
}
