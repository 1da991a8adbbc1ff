// The office's governance records on /district (业委会, contracts, companies, meetings, key
// cases, improvements, the party census): their figures, lists and forms
// (src/components/district/records/, each editor a form_kit::RecordEditor).
import { expectSeen } from '../harness.mjs';

export class GovernanceRecords {
  /** `kind`: a form's name ('committee', 'case', …; 'decision' and 'training' are forms
   *  in the company editor). */
  constructor(page, kind) {
    this.page = page;
    this.kind = kind;
    const editor = { decision: 'company', training: 'company' }[kind] ?? kind;
    this.editor = page.locator(`[data-editor="${editor}"]`);
    this.form = page.locator(`[data-record-form="${kind}"]`);
  }

  /** The sentence of figures above the list. */
  counts() {
    return expectSeen(this.page.locator(`[data-${this.kind}-counts]`), `the ${this.kind} figures`).then((el) => el.innerText());
  }

  /** Opens the editor, setting the steward PIN on a fresh device (or typing it). */
  async open(pin = '2468') {
    await this.editor.locator('summary').click();
    const fresh = this.editor.locator('[id$="pin-again"]');
    const form = this.form.or(this.editor.locator('[id$="pin-new"]')).or(this.editor.locator('[id$="pin-enter"]'));
    await form.first().waitFor();
    if (await this.form.count()) return;
    if (await fresh.count()) {
      await this.editor.locator('[id$="pin-new"]').fill(pin);
      await fresh.fill(pin);
    } else {
      await this.editor.locator('input[type="password"]').first().fill(pin);
    }
    await this.editor.locator('button[type="submit"]').first().click();
    await expectSeen(this.form, `the ${this.kind} form`);
  }

  /** Fills fields by name: text, date, select or (an array) the checkboxes to tick. */
  async fill(values) {
    for (const [name, value] of Object.entries(values)) {
      const field = this.form.locator(`[name="${name}"]`);
      if (Array.isArray(value)) {
        for (const box of await field.all()) {
          const on = value.includes(await box.getAttribute('value'));
          if ((await box.isChecked()) !== on) await box.click();
        }
      } else if (await field.evaluate((el) => el.tagName === 'SELECT')) {
        await field.selectOption(value);
      } else {
        await field.fill(value);
      }
    }
  }

  /** Chooses a held record to correct (by its id). */
  async pick(id) {
    await this.editor.locator('select[name="pick"]').selectOption(id);
  }

  async save() {
    await this.form.locator('button[type="submit"]').click();
  }

  /** The sentence shown beside a field, as seen. */
  async problem(name) {
    const el = await expectSeen(this.form.locator(`[data-field="${name}"] .field__error`).filter({ hasText: /\S/ }), `the sentence beside ${name}`);
    return el.innerText();
  }

  /** Every field that shows a sentence, by name. */
  problems() {
    return this.form.locator('[data-field]').evaluateAll((fields) => fields
      .filter((f) => f.querySelector('.field__error')?.textContent.trim())
      .map((f) => f.dataset.field));
  }
}
