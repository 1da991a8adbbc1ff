// Hand-off links between two phones: taking a link out of the real sms: href, opening it,
// applying it, and proving a refused link changed nothing on the phone.
import { crc32 } from 'node:zlib';
import { appReady, settled } from '../harness.mjs';

/** The link in the text of the page's hand-off sms: href (the last line of the body). */
export async function linkFromSms(page) {
  const sms = page.locator('[data-handoff-sms]');
  await sms.waitFor();
  const href = await sms.getAttribute('href');
  const body = decodeURIComponent(href.split('?body=')[1]);
  return { href, body, link: body.split('\n').pop() };
}

/**
 * Opens a hand-off link and waits until it has been read. Steward mode locks on every
 * page load, so on the steward's phone the PIN is typed first when asked for.
 */
export async function openLink(page, link, pin = '2468') {
  // A fresh load, as from an SMS: going to the same URL again would only change the hash.
  await page.goto('about:blank');
  await page.goto(link);
  await appReady(page);
  const pinField = page.getByLabel('PIN（4 到 8 位数字）');
  await page.locator('[data-outcome], [data-apply-link]').or(pinField).first().waitFor();
  if (await pinField.isVisible()) {
    await pinField.fill(pin);
    await page.getByRole('button', { name: '进入', exact: true }).click();
    await page.locator('[data-outcome], [data-apply-link]').first().waitFor();
  }
}

/** Taps the link's button ("add to my queue", "update my report") and waits for the outcome. */
export async function applyLink(page) {
  await page.locator('[data-apply-link]').click();
  await page.locator('[data-outcome]').waitFor();
  await settled(page);
  return page.locator('[data-outcome]').innerText();
}

/** The text of the outcome notice a link left. */
export const outcome = (page) => page.locator('[data-outcome]').innerText();

/**
 * Everything this phone stores: localStorage, and every row of every IndexedDB store of
 * the document database — compared before and after a refused link.
 */
export async function everything(page) {
  await settled(page);
  return page.evaluate(() => new Promise((resolve, reject) => {
    const local = Object.fromEntries(Object.entries(localStorage));
    const open = indexedDB.open('cs-docs');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const names = [...db.objectStoreNames];
      const tx = db.transaction(names);
      const out = { local };
      for (const name of names) tx.objectStore(name).getAll().onsuccess = (e) => { out[name] = e.target.result; };
      tx.oncomplete = () => { db.close(); resolve(JSON.stringify(out)); };
    };
  }));
}

/**
 * A link made here, as another program (or a forger) would: `kind` r/u/a, the body JSON
 * uncompressed, the checksum right — for links the app itself would never write.
 */
export function craftLink(base, kind, body) {
  const content = Buffer.concat([Buffer.from([kind.charCodeAt(0), 0]), Buffer.from(JSON.stringify(body))]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc32(content));
  const path = kind === 'u' ? '/r' : '/steward/r';
  return `${base}${path}#1.${Buffer.concat([content, sum]).toString('base64url')}`;
}
