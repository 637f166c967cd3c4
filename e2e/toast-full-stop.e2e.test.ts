// Found by a walk: toasts read "Saved to favourites", "Removed from your cart", "Address saved"
// with no full stop, while the house rule is that every message a shopper reads is a sentence.
// Every toast now ends with one. A shopper, keyboard only, favourites a listing, takes it back and
// removes a line from the cart; every toast shown on the way is recorded and
// must end with a full stop (or ! or ?).
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
import { createProduct, createSeller, createUser, signedInPage, tabTo, token } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** From now on, records the text of each toast that appears, also across page loads. */
async function recordToasts(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { toastTexts: string[] };
    w.toastTexts = JSON.parse(sessionStorage.getItem('toastTexts') ?? '[]');
    const seen = new WeakSet<Element>();
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[data-sonner-toast] [data-title]')) {
        if (seen.has(el) || !el.textContent) continue;
        seen.add(el);
        w.toastTexts.push(el.textContent.trim());
        sessionStorage.setItem('toastTexts', JSON.stringify(w.toastTexts));
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}
const toastTexts = (page: Page) => page.evaluate(() => (window as unknown as { toastTexts: string[] }).toastTexts);
const toastShown = (page: Page, start: string) =>
  waitUntil(async () => (await toastTexts(page)).some((t) => t.startsWith(start)), { what: `a toast "${start}…"` });

for (const project of projectNames) {
  test(`${project}: every toast a shopper sees ends with a full stop`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { title: `Stop jug ${token()}`, quantity: 5 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: product.id, quantity: 1 });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await recordToasts(page);

    await page.goto(`/product/${product.id}`);
    await tabTo(page, page.getByRole('button', { name: `Save ${product.title} to favourites` }).first());
    await page.keyboard.press('Enter');
    await toastShown(page, 'Saved to favourites');
    await tabTo(page, page.getByRole('button', { name: `Remove ${product.title} from favourites` }).first(), 5);
    await page.keyboard.press('Enter');
    await toastShown(page, 'Removed from favourites');
    await screenshot(page, `toast-full-stop-${project}`);

    await page.goto('/cart');
    await tabTo(page, page.getByRole('listitem', { name: product.title }).getByRole('button', { name: 'Remove' }));
    await page.keyboard.press('Enter');
    await toastShown(page, 'Removed from your cart');

    const texts = await toastTexts(page);
    expect(texts.length).toBeGreaterThanOrEqual(3);
    expect(texts.filter((t) => !/[.!?]$/.test(t))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 150_000);
}
