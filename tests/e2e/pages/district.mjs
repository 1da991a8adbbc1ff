// The district dashboard (/district) and the summary packages it imports.
import { readFileSync } from 'node:fs';
import { appReady, expectSeen } from '../harness.mjs';

const DAY = 86_400_000;

/** A report as the app stores it (serde's shape of `Report`), submitted at `at`. */
export function reportDoc({ id, compound, at, category = 'SepticTank', steps = [], satisfaction = null }) {
  const timeline = [{ at, status: 'Submitted', note: '', by: null }, ...steps];
  return {
    _id: `report:${id}`,
    _rev: '1-aaaa',
    id, compound, building: '1', unit: null, category, answers: [],
    description: '化粪池堵塞，污水漫到路面', urgency: 'Normal',
    reporter_name: null, reporter_phone: null, share_phone: false, photos: [],
    timeline, assigned: null, expected_by: at + 7 * DAY, satisfaction, followers: 0,
    created_at: at, updated_at: timeline[timeline.length - 1].at, deleted: false,
  };
}

/** The steps of a report fixed in `days` and confirmed with `rating` stars. */
export function fixedSteps(at, days, rating) {
  return {
    steps: [
      { at: at + DAY / 2, status: 'Acknowledged', note: '已受理', by: 'Property' },
      { at: at + days * DAY, status: 'Resolved', note: '已疏通', by: 'Property' },
      { at: at + days * DAY + 1000, status: 'Confirmed', note: '', by: null },
    ],
    satisfaction: rating,
  };
}

/** A steward's summary package (format `compound-steward-summary`, version 1). */
export function summaryPackage({ id, name, compounds, exportedAt = Date.now(), reports = [], mediations = [], arrears = [] }) {
  return {
    format: 'compound-steward-summary', version: 1,
    source: { id, name, role: 'Property', compounds },
    exported_at: exportedAt, reports, mediations, arrears, changes: [], compounds: [],
  };
}

export function mediationDoc({ id, compound, date, kind = 'PreLitigation', fen = 0 }) {
  return {
    _id: `mediation:${id}`, _rev: '1-bbbb', id, compound, kind, parties: '张*、李*', subject: '漏水',
    amount_fen: fen, succeeded: true, outcome: '', mediator: '', report: null, date, updated_at: date, deleted: false,
  };
}

export class DistrictPage {
  constructor(page) {
    this.page = page;
    this.outcome = page.locator('[data-import]');
  }

  static async open(page, base) {
    await page.goto(`${base}/district`);
    await appReady(page);
    await page.locator('[data-table="coverage-by-mode"]').waitFor();
    return new DistrictPage(page);
  }

  /** Chooses a package file (an object is written as JSON). */
  async choosePackage(name, content) {
    const text = typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content);
    await this.page.locator('input[name="package"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  /** Imports a package and waits until it is stored. */
  async importPackage(name, content) {
    await this.choosePackage(name, content);
    await this.page.locator('[data-import="ok"]', { hasText: /已导入汇总包|Imported the package/ }).waitFor();
  }

  /** The drill-down's trail, top first (the place looked at last). */
  trail() {
    return this.page.locator('[data-trail] li').allInnerTexts();
  }

  /** Goes one level down to `name` (a link of the "one level down" table), and waits
   *  until the trail ends there. */
  async down(name) {
    await this.page.locator('[data-table="below"] tbody a', { hasText: name }).click();
    await expectSeen(this.page.locator('[data-trail] li[aria-current="page"]', { hasText: name }), `${name} at the end of the trail`);
  }

  /** Goes back up to `name`, a link of the trail. */
  async up(name) {
    await this.page.locator('[data-trail] a', { hasText: name }).click();
    await expectSeen(this.page.locator('[data-trail] li[aria-current="page"]', { hasText: name }), `${name} at the end of the trail`);
  }

  stat(name) {
    return this.page.locator(`[data-stat="${name}"]`).innerText();
  }

  /** A table's body as rows of cell texts. */
  rows(table) {
    return this.page.locator(`[data-table="${table}"] tbody tr`).evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.innerText.trim())));
  }

  headers(table) {
    return this.page.locator(`[data-table="${table}"] thead th`).allInnerTexts();
  }

  async csv(table) {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.locator(`[data-csv="${table}"]`).click(),
    ]);
    return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
  }

  async period(value) {
    await this.page.locator('select[name="period"]').selectOption(value);
  }

  async customRange(from, to) {
    await this.period('custom');
    await this.page.locator('input[name="from"]').fill(from);
    await this.page.locator('input[name="to"]').fill(to);
    await this.page.getByRole('button', { name: '应用' }).click();
  }

  /** Opens the scoring editor, setting the steward PIN on a fresh device. */
  async openEditor(pin = '2468') {
    await this.page.locator('[data-scoring-editor] summary').click();
    await this.page.getByLabel('PIN（4 到 8 位数字）').fill(pin);
    await this.page.getByLabel('再输一次 PIN').fill(pin);
    await this.page.getByRole('button', { name: '保存 PIN' }).click();
    await this.page.locator('[data-rules-form]').waitFor();
  }

  async setInspection(company, score) {
    const form = this.page.locator('[data-inspection-form]');
    await form.locator(`input[data-company="${company}"]`).fill(String(score));
    await form.getByRole('button', { name: '保存检查评分' }).click();
  }

  /** The scorecard row of a company: `{ reports, complaints, total, basis, verdict }`. */
  async scorecard(company) {
    const rows = await this.rows('scorecards');
    const row = rows.find((r) => r[0] === company);
    return row && { reports: row[3], complaints: row[4], total: row[11], basis: row[12], verdict: row[13] };
  }

  async setWeights(weights) {
    const form = this.page.locator('[data-rules-form]');
    const keys = ['resolution', 'speed', 'satisfaction', 'reopen', 'late', 'inspection'];
    for (const [i, w] of weights.entries()) await form.locator(`input[name="weight-${keys[i]}"]`).fill(String(w));
    await form.getByRole('button', { name: '保存，自本季度起执行' }).click();
  }
}
