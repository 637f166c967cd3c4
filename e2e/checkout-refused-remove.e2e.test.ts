// Found by a walk at 1366×900 and 390×844, keyboard only.
// 1. The buyer is on Review with everything buyable; then a shop goes on vacation and Place order is
//    refused. The refusal alert named the line but offered no way to remove it (the alert shown when
//    Review opens with such lines offers "Remove 1 unavailable item and continue"), and Place order
//    stayed enabled at the total that had just been refused. The refusal now offers the same action;
//    Place order is disabled until a fresh quote is on screen, and after the removal it places the
//    rest at the total shown.
// 2. At 390 px that button's label wrapped against its top and bottom edges; each action in the alert
//    is now a full-width row with room around its label, and nothing pans sideways.
import { expect, test } from 'bun:test';
import type { Locator } from 'playwright';
import { cartWithShopAway, checkoutToReview, sendOnVacation, signedInPage, tabTo, waitForFocus } from './fixtures';
import { type ProjectName, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** Room between the button's edges and its label's text (the text's own box, from a Range). */
const labelRoom = (button: Locator) =>
  button.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const [b, t] = [el.getBoundingClientRect(), range.getBoundingClientRect()];
    return { top: t.top - b.top, bottom: b.bottom - t.bottom, left: t.left - b.left, right: b.right - t.right };
  });

/** The action reads well: its label has room inside it, and on a phone it spans the alert's text column. */
async function expectRoomy(project: ProjectName, button: Locator, alert: Locator) {
  const room = await labelRoom(button);
  expect(Math.min(room.top, room.bottom)).toBeGreaterThanOrEqual(5);
  expect(Math.min(room.left, room.right)).toBeGreaterThanOrEqual(10);
  const [box, within] = [await button.boundingBox(), await alert.boundingBox()];
  if (!box || !within) throw new Error('not laid out');
  expect(box.x + box.width).toBeLessThanOrEqual(within.x + within.width);
  if (project === 'phone') {
    const column = await button.evaluate((el) => (el.parentElement as HTMLElement).getBoundingClientRect().width);
    expect(Math.abs(box.width - column)).toBeLessThanOrEqual(1);
  }
  const { scroll, width } = await button.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(width);
}

for (const project of projectNames) {
  test(`${project}: Place order refused after a shop went away: the alert removes its line, and the rest is placed at the total shown`, async () => {
    const { away, open, jug, cup, buyer } = await cartWithShopAway({ onVacation: false });
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);

    await checkoutToReview(b.page);
    // Both shops in the quote on screen: the jug, the cup and two shipping charges.
    const placeAll = b.page.getByRole('button', { name: /^Place order · \$52\.\d\d$/ });
    await placeAll.waitFor();
    // The shop goes away while the buyer reads the Review.
    await sendOnVacation(away);
    // The fresh quote is held back, to see what the buyer can do before it arrives.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    await b.page.route('**/trpc/*checkout.quote*', async (route) => {
      await held;
      await route.continue();
    });
    await tabTo(b.page, placeAll);
    await b.page.keyboard.press('Enter');

    const alert = b.page.getByRole('alert').filter({ hasText: 'Some items can’t be ordered right now.' });
    await waitForFocus(alert);
    const said = ((await alert.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(said).toContain('Nothing was ordered or charged.');
    expect(said).toContain(`${jug.title} (${away.shop.name}): The shop is on vacation`);
    // Until a fresh quote is on screen, nothing can be placed: not at the refused total, not at any.
    const place = b.page.getByRole('button', { name: /^Place order/ });
    expect(await place.isDisabled()).toBe(true);
    expect(await b.page.getByRole('button', { name: /\$52\.\d\d/ }).count()).toBe(0);
    release(); // every quote from now on passes straight through

    // The fresh quote: the same action as a Review that opens with the line left out.
    const remove = alert.getByRole('button', { name: 'Remove 1 unavailable item and continue' });
    await remove.waitFor();
    expect(await alert.textContent()).toContain('Remove it to place your order for the rest');
    expect(await place.isDisabled()).toBe(true);
    await b.page.keyboard.press('Tab');
    await waitForFocus(remove);
    await expectRoomy(project, remove, alert);
    await screenshot(b.page, `checkout-refused-offer-${project}`);
    await b.page.keyboard.press('Enter');

    // A fresh quote for the rest, Place order has focus, and the refusal is gone with the line.
    const placeRest = b.page.getByRole('button', { name: /^Place order · \$17\.\d\d$/ });
    await waitForFocus(placeRest);
    expect(await placeRest.isDisabled()).toBe(false);
    expect(await b.page.getByRole('alert').count()).toBe(0);
    const totals = ((await b.page.locator('.review-total').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(totals).toContain('Items$12.00');
    expect(totals).toContain('Shipping$5.00');
    const shown = /Total(\$\d+\.\d\d)/.exec(totals)?.[1];
    expect(await placeRest.textContent()).toBe(`Place order · ${shown}`);
    const cart = await buyer.caller.cart.get();
    expect(cart.shops.flatMap((s) => s.items.map((i) => i.productId))).toEqual([cup.id]);
    await screenshot(b.page, `checkout-refused-ready-${project}`);

    await b.page.keyboard.press('Enter');
    await b.page.getByRole('heading', { name: 'Thank you!' }).waitFor();
    const orders = await buyer.caller.orders.list({});
    expect(orders.items.map((o) => [o.shopName, o.totalCents])).toEqual([[open.shop.name, cart.itemTotalCents + 500]]);
    expect(b.errors).toEqual([]);
    await b.context.close();
  });

  test(`${project}: the Review's own "Remove 1 unavailable item and continue" has room around its label`, async () => {
    const { buyer } = await cartWithShopAway();
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);

    await checkoutToReview(b.page);
    const alert = b.page.getByRole('alert').filter({ hasText: 'Some items can’t be ordered right now.' });
    await waitForFocus(alert);
    await b.page.keyboard.press('Tab');
    const remove = alert.getByRole('button', { name: 'Remove 1 unavailable item and continue' });
    await waitForFocus(remove);
    await expectRoomy(project, remove, alert);
    await expectRoomy(project, alert.getByRole('link', { name: 'Update your cart' }), alert);
    await screenshot(b.page, `checkout-remove-roomy-${project}`);
    expect(b.errors).toEqual([]);
    await b.context.close();
  });
}
