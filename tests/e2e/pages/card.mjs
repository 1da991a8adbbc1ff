// A building's card on the QR path (/c/<id>/b/<b>): the pre-rendered card the page
// arrives with (the card entry's page, src/bin/prerender.rs) and the card the app draws
// once it has started (components/contact_card.rs).

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
