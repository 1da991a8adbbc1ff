// A building's card (/c/<id>/b/<b>?u=<unit>): `Card`, the card as a person uses it — one
// steward of each role with a call button, the unit chips, "set as my building", sharing,
// the way to the report form; the same card pre-rendered as HTML in the static shell
// (`Card.inShell`) and on `/` for a resident who has chosen a building (`Card.home`).
// `CardPage`, the card as markup: the pre-rendered card the page arrives with (the card
// entry's page, src/bin/prerender.rs) and the card the app draws once it has started
// (components/contact_card.rs), to compare.
import { appReady, expectSeen } from '../harness.mjs';

/**
 * The card as markup to compare: the browser's own serialization (`outerHTML`) of a copy
 * with its comments removed and each element's attributes in name order. Comments are
 * Leptos's placeholders (the app leaves empty ones where a view draws nothing, the
 * pre-render none), and attribute order means nothing in HTML (the app sets `class`
 * first, Leptos's HTML writer last); every element, attribute value and text is kept.
 */
function markup(card) {
  const copy = card.cloneNode(true);
  const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
  const comments = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.remove();
  for (const el of [copy, ...copy.querySelectorAll('*')]) {
    const attrs = [...el.attributes].map((a) => [a.name, a.value]).sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [name] of attrs) el.removeAttribute(name);
    for (const [name, value] of attrs) el.setAttribute(name, value);
  }
  copy.normalize();
  return copy.outerHTML;
}

export class CardPage {
  constructor(page) {
    this.page = page;
    this.shellCard = page.locator('#shell article.card');
    this.appCard = page.locator('#app article.card');
    this.release = () => {};
  }

  /**
   * Opens `path` with the app's code held back: the page shows the pre-rendered card
   * alone until `startApp`.
   */
  static async openHeld(page, base, path) {
    const card = new CardPage(page);
    const held = new Promise((resolve) => { card.release = resolve; });
    await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
    const response = await page.goto(base + path, { waitUntil: 'domcontentloaded' });
    if (!response.ok()) throw new Error(`${path} answered ${response.status()}`);
    if (await card.shellCard.count() !== 1) {
      throw new Error(`${path} has no pre-rendered card: ${(await page.locator('body').innerHTML()).slice(0, 300)}`);
    }
    return card;
  }

  /** The pre-rendered card's markup (`markup` above). */
  preRendered() {
    return this.shellCard.evaluate(markup);
  }

  /** Lets the app's code load, and waits until the app has drawn its card in place of
   *  the pre-rendered one; then the app's card's markup. */
  async drawnByApp() {
    this.release();
    await this.page.waitForFunction(
      () => !document.getElementById('shell') && document.querySelector('#app:not([hidden]) article.card'),
      null,
      { timeout: 20000 },
    ).catch(() => { throw new Error('the app did not replace the pre-rendered card within 20 s'); });
    return this.appCard.evaluate(markup);
  }
}

export class Card {
  /** `scope`: where the card is — the page, or the static shell. */
  constructor(page, scope = page) {
    this.page = page;
    this.scope = scope;
    this.card = scope.locator('.card');
    this.title = scope.locator('.card__title');
    this.roles = scope.locator('.card__role');
    this.updated = scope.locator('.card__updated');
    /** Every steward's name on the card, the closest of the first role first. */
    this.stewardNames = scope.locator('.card .steward__name');
    this.sampleNotice = scope.locator('.card .notice--sample');
    this.chips = page.locator('.chips a.chip');
    this.currentChip = page.locator('.chips a.chip[aria-current="page"]');
    this.reportHere = page.locator('a.report-here');
    this.setMineButton = page.getByRole('button', { name: '设为我的楼栋' });
    this.isMine = page.getByText('这是我的楼栋');
    this.shareButton = page.getByRole('button', { name: '分享联系卡' });
    this.copied = page.getByText('已复制');
    this.notFound = page.getByText('找不到这个楼栋');
    this.wechatHint = page.locator('.banner--wechat');
    this.myBuildingHeading = page.getByRole('heading', { name: '我的楼栋' });
    this.changeBuilding = page.getByRole('link', { name: '换一个楼栋' });
  }

  /** Opens a card and waits until its title is on screen. */
  static async open(page, base, compound, building, unit = null) {
    await page.goto(`${base}/c/${compound}/b/${building}${unit ? `?u=${unit}` : ''}`);
    await appReady(page);
    const card = new Card(page);
    await expectSeen(card.title, `the title of building ${building}'s card`);
    return card;
  }

  /** `/` of a resident who chose a building: "我的楼栋" and the card. */
  static async home(page, base) {
    await page.goto(`${base}/`);
    await appReady(page);
    const card = new Card(page);
    await expectSeen(card.myBuildingHeading, 'the heading "我的楼栋" on /');
    return card;
  }

  /** The card pre-rendered in the static shell (`#shell`), before the wasm runs. */
  static inShell(page) {
    return new Card(page, page.locator('#shell'));
  }

  /** A title ("东塘村小区 3栋 2单元") on screen; fails saying what the page showed. */
  async expectTitle(text) {
    return expectSeen(this.title.filter({ hasText: text }), `the card titled "${text}"`);
  }

  /** A role's section, by the role's key (`red`, `property`, `peacemaker`). */
  role(key) {
    return this.scope.locator(`.card__role.role--${key}`);
  }

  /** The call button of a role. */
  call(key) {
    return this.role(key).locator('a.phone__call');
  }

  stewardName(key) {
    return this.role(key).locator('.steward__name');
  }

  /** The card's call link for a number (`tel:13900001234`). */
  tel(href) {
    return this.card.locator(`a[href="${href}"]`);
  }

  /** A notice of the compound shown with the card (on `/`, under my building's card). */
  notice(title) {
    return this.page.locator('.notices .notice-item', { hasText: title });
  }

  /** A unit chip, by its name ("2单元"). */
  chip(name) {
    return this.page.locator('.chips').getByRole('link', { name, exact: true });
  }

  async setMine() {
    await this.setMineButton.click();
    await expectSeen(this.isMine, 'the card saying "这是我的楼栋"');
  }

  async share() {
    await this.shareButton.click();
  }
}
