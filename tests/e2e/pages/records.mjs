// A compound's records page (/c/<id>/records, the resident app's): its 业委会 and the
// contract that runs it, as the office published them (data/records.json), each a
// section with its title and its lines; or a sentence that there is none yet.
import { appReady, expectSeen } from '../harness.mjs';

export class RecordsPage {
  constructor(page) {
    this.page = page;
    this.sections = page.locator('section.records');
    this.none = page.getByText('区物业办还没有公布本小区的业委会和物业合同记录。');
    this.backToMap = page.getByRole('link', { name: '返回本小区作战图' });
  }

  /** Opens /c/<id>/records and waits for the page's heading. */
  static async open(page, base, id) {
    await page.goto(`${base}/c/${id}/records`);
    await appReady(page);
    const records = new RecordsPage(page);
    await expectSeen(page.getByRole('heading', { name: /业委会与物业合同/ }), `the heading of ${id}'s records page`);
    return records;
  }

  /** The section of the record titled `title` (业主委员会, 物业服务合同). */
  section(title) {
    return this.sections.filter({ has: this.page.getByRole('heading', { name: title }) });
  }

  /** The lines of the record titled `title`, once it is on screen. */
  async lines(title) {
    const section = this.section(title);
    await expectSeen(section, `${title} on the records page`);
    return (await section.locator('li').allInnerTexts()).map((t) => t.trim());
  }
}
