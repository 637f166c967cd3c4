// Checkout's Review with one shop away and one open: the alert named the away line but Place
// order stayed disabled until the buyer went back to the cart and removed it by hand. The alert now
// offers "Remove 1 unavailable item and continue", which takes exactly that line out of the cart,
// fetches a fresh quote (the totals shown are what is charged), and moves focus to Place order,
// which places one order for the rest. Desktop and phone, keyboard only.
import { expect, test } from 'bun:test';
import {
  cartWithShopAway,
  checkoutToReview,
  createProduct,
  createSeller,
  createUser,
  flatRatePolicy,
  sendOnVacation,
  signedInPage,
  token,
  waitForFocus,
} from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: one shop away: the Review removes its line by keyboard, and Place order places the rest`, async () => {
    const { away, open, cup, buyer } = await cartWithShopAway();
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);

    await checkoutToReview(b.page);
    const alert = b.page.getByRole('alert').filter({ hasText: 'Some items can’t be ordered right now.' });
    await alert.waitFor();
    await waitForFocus(alert);
    expect(await b.page.getByRole('button', { name: /Place order/ }).isDisabled()).toBe(true);
    // One line left out: the alert speaks of it, not of "them".
    expect(await alert.textContent()).toContain('Remove it to place your order for the rest');

    // Tab from the alert reaches the action; Enter removes the away line.
    await b.page.keyboard.press('Tab');
    const removeAway = alert.getByRole('button', { name: 'Remove 1 unavailable item and continue' });
    await waitForFocus(removeAway);
    await screenshot(b.page, `checkout-remove-unavailable-offer-${project}`);
    // The action wraps inside the alert on a phone rather than running past its edge.
    const [box, within] = [await removeAway.boundingBox(), await alert.boundingBox()];
    expect(box && within && box.x + box.width <= within.x + within.width).toBe(true);
    await b.page.keyboard.press('Enter');

    // A fresh quote for the rest: Place order for the open shop's item and shipping, and it has focus.
    const place = b.page.getByRole('button', { name: /^Place order · \$17\.\d\d$/ });
    await waitForFocus(place);
    expect(await place.isDisabled()).toBe(false);
    expect(await b.page.getByRole('alert').count()).toBe(0);
    expect(await b.page.getByRole('region', { name: `From ${away.shop.name}` }).count()).toBe(0);
    const totals = ((await b.page.locator('.review-total').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(totals).toContain('Items$12.00');
    expect(totals).toContain('Shipping$5.00');
    // Exactly the away line left the cart.
    const cart = await buyer.caller.cart.get();
    expect(cart.shops.flatMap((s) => s.items.map((i) => i.productId))).toEqual([cup.id]);
    const { scroll, width } = await b.page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: window.innerWidth,
    }));
    expect(scroll).toBeLessThanOrEqual(width);
    await screenshot(b.page, `checkout-remove-unavailable-ready-${project}`);

    await b.page.keyboard.press('Enter');
    await b.page.getByRole('heading', { name: 'Thank you!' }).waitFor();
    const orders = await buyer.caller.orders.list({});
    expect(orders.items.map((o) => o.shopName)).toEqual([open.shop.name]);
    expect(b.errors).toEqual([]);
    await b.context.close();
  });

  test(`${project}: a removal that fails partway leaves focus alone afterwards`, async () => {
    const away = await createSeller(undefined, flatRatePolicy);
    const open = await createSeller(undefined, flatRatePolicy);
    const jug = await createProduct(away, { title: `Jug ${token()}`, priceCents: 3000, quantity: 3 });
    const pot = await createProduct(away, { title: `Pot ${token()}`, priceCents: 2000, quantity: 3 });
    const cup = await createProduct(open, { title: `Cup ${token()}`, priceCents: 1200, quantity: 3 });
    const buyer = await createUser();
    for (const p of [jug, pot, cup]) await buyer.caller.cart.addItem({ productId: p.id, quantity: 1 });
    await sendOnVacation(away);
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);

    await checkoutToReview(b.page);
    const alert = b.page.getByRole('alert').filter({ hasText: 'Some items can’t be ordered right now.' });
    await waitForFocus(alert);
    // The first removal goes through, the second never reaches the server.
    let sent = 0;
    await b.page.route('**/trpc/cart.removeItem*', (route) => (++sent === 1 ? route.continue() : route.abort()));
    await b.page.keyboard.press('Tab');
    await waitForFocus(alert.getByRole('button', { name: 'Remove 2 unavailable items and continue' }));
    await b.page.keyboard.press('Enter');
    await b.page.getByText(/Couldn't update your cart/).waitFor();
    // One line is still left out: the alert offers to remove it, and focus stays on that button.
    const removeRest = alert.getByRole('button', { name: 'Remove 1 unavailable item and continue' });
    await waitForFocus(removeRest);
    expect(await b.page.getByRole('button', { name: /Place order/ }).isDisabled()).toBe(true);
    await b.page.unroute('**/trpc/cart.removeItem*');

    // Later focus falls to <body> (as when the control it is on goes away), and a fresh quote with
    // a new price arrives (the connection drops and comes back): nothing armed by the failed
    // removal may pull focus, and the page, back up to the alert then.
    await b.page.locator('.review-block h3', { hasText: 'Items' }).scrollIntoViewIfNeeded();
    await b.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const scrolled = await b.page.evaluate(() => window.scrollY);
    await open.caller.catalog.updateProduct({ productId: cup.id, priceCents: 1300 });
    await b.context.setOffline(true);
    await b.context.setOffline(false);
    await b.page.getByRole('button', { name: /^Place order · \$18\.\d\d$/ }).waitFor();
    expect(await alert.evaluate((el) => el.contains(document.activeElement))).toBe(false);
    expect(await b.page.evaluate(() => window.scrollY)).toBe(scrolled);
    expect(b.errors).toEqual([]);
    await b.context.close();
  });
}
