// Checkout and cart with lines that cannot be bought. A buyer whose every shop was on vacation
// could open /checkout and reach a Review saying "Some items are no longer available … none are
// left" (the real reason was the vacation) over $0.00 totals and a disabled "Place order · $0.00";
// the Review now names the reason per line, shows no totals and no Place order, and leads back
// to the cart. With one shop away it says which is left out and why, and totals only the rest.
// A cart of sold-out lines (listings still active) showed totals for them; it now totals only
// what can be bought. Desktop and phone, keyboard only.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { expireHolds } from '../src/server/modules/checkout/checkout-test-kit';
import { releaseExpiredHolds } from '../src/server/modules/inventory/inventory.service';
import { testDeps } from '../src/server/test/test-services';
import { waitUntil } from '../src/server/test/wait-until';
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

const textOf = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ');

async function noSidewaysPan(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(width);
}

for (const project of projectNames) {
  test(`${project}: every shop on vacation: Review names the vacation, shows no $0.00 and no Place order, and leads back to the cart`, async () => {
    const [first, second] = [
      await createSeller(undefined, flatRatePolicy),
      await createSeller(undefined, flatRatePolicy),
    ];
    const jug = await createProduct(first, { title: `Jug ${token()}`, priceCents: 3000, quantity: 3 });
    const cup = await createProduct(second, { title: `Cup ${token()}`, priceCents: 1200, quantity: 3 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: jug.id, quantity: 1 });
    await buyer.caller.cart.addItem({ productId: cup.id, quantity: 1 });
    for (const s of [first, second]) await sendOnVacation(s);
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);

    await checkoutToReview(b.page);
    const alert = b.page.getByRole('alert').filter({ hasText: 'Nothing in your cart can be bought right now.' });
    await alert.waitFor();
    // The alert takes focus when it appears, so the keyboard is on it, not on <body>.
    await waitForFocus(alert);
    await screenshot(b.page, `checkout-unbuyable-all-away-${project}`);
    const said = ((await alert.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(said).toContain(`${jug.title} (${first.shop.name}): The shop is on vacation`);
    expect(said).toContain(`${cup.title} (${second.shop.name}): The shop is on vacation`);
    expect(said).not.toContain('none are left');
    const page = await textOf(b.page, '.page');
    expect(page).not.toContain('$0.00');
    expect(await b.page.getByRole('button', { name: /Place order/ }).count()).toBe(0);
    for (const shop of [first, second])
      await b.page
        .getByRole('region', { name: `From ${shop.shop.name}` })
        .getByText('Not included in your order')
        .waitFor();
    await noSidewaysPan(b.page);

    // Tab from the alert reaches its way back to the cart; Enter opens the cart.
    await b.page.keyboard.press('Tab');
    const back = alert.getByRole('link', { name: 'Back to your cart' });
    await waitForFocus(back);
    await b.page.keyboard.press('Enter');
    await b.page.getByRole('heading', { name: 'Your cart' }).waitFor();
    expect(new URL(b.page.url()).pathname).toBe('/cart');
    await b.page
      .getByRole('complementary', { name: 'Order summary' })
      .getByText('Its shops are on vacation.')
      .waitFor();
    // The link that had focus is gone with the checkout: the cart's heading has it, not <body>.
    await waitForFocus(b.page.getByRole('heading', { name: 'Your cart' }));
    expect(b.errors).toEqual([]);
    await b.context.close();
  });

  test(`${project}: one shop away: Review says which items are left out and why, and totals only the rest`, async () => {
    const { away, jug, cup, buyer } = await cartWithShopAway();
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);

    await checkoutToReview(b.page);
    const alert = b.page.getByRole('alert').filter({ hasText: 'Some items can’t be ordered right now.' });
    await alert.waitFor();
    await waitForFocus(alert);
    const said = ((await alert.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(said).toContain(`${away.shop.name} is on vacation and not taking orders.`);
    expect(said).toContain(`${jug.title} (${away.shop.name}): The shop is on vacation`);
    expect(said).not.toContain(cup.title);
    const awayShop = b.page.getByRole('region', { name: `From ${away.shop.name}` });
    await awayShop.getByText('Not in this order: the shop is on vacation').waitFor();
    await awayShop.getByText('Not included in your order').waitFor();
    expect(((await awayShop.textContent()) ?? '').includes('$0.00')).toBe(false);
    // The total is the open shop's alone: its item and its shipping.
    const summary = b.page.locator('.review-total');
    await summary.scrollIntoViewIfNeeded();
    await screenshot(b.page, `checkout-unbuyable-one-away-${project}`);
    const totals = await textOf(b.page, '.review-total');
    expect(totals).toContain('Items$12.00');
    expect(totals).toContain('Shipping$5.00');
    expect(await b.page.getByRole('button', { name: /Place order · \$17\.\d\d/ }).isDisabled()).toBe(true);
    await noSidewaysPan(b.page);
    expect(b.errors).toEqual([]);
    await b.context.close();
  });

  test(`${project}: sold-out lines: the cart totals only what can be bought, and says so when nothing can`, async () => {
    const seller = await createSeller(undefined, flatRatePolicy);
    const vase = await createProduct(seller, { title: `Vase ${token()}`, priceCents: 4000, quantity: 1 });
    const bowl = await createProduct(seller, { title: `Bowl ${token()}`, priceCents: 1500, quantity: 2 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: vase.id, quantity: 1 });
    await buyer.caller.cart.addItem({ productId: bowl.id, quantity: 1 });
    // The vase's hold lapsed and its last one went elsewhere: still listed, none left.
    await expireHolds([vase.id]);
    await releaseExpiredHolds(testDeps());
    await seller.caller.catalog.updateProduct({ productId: vase.id, quantity: 0 });
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);

    await b.page.goto('/cart');
    const summary = b.page.getByRole('complementary', { name: 'Order summary' });
    await b.page.getByText('Sold out — someone else bought the last one.').waitFor();
    await summary.getByText(`1 item can’t be bought right now: ${vase.title} is sold out.`).waitFor();
    const partly = ((await summary.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(partly).toContain('Items (1)$15.00');
    expect(partly).toContain('Total$20.00');

    // Removing the bowl (by keyboard) leaves only the sold-out vase: nothing to total.
    const bowlLine = b.page.getByRole('listitem', { name: bowl.title });
    await bowlLine.getByRole('button', { name: 'Remove' }).focus();
    await b.page.keyboard.press('Enter');
    await summary.getByText('Nothing in your cart can be bought right now.').waitFor();
    await summary.getByText('Everything in it is sold out.').waitFor();
    // Nothing left to buy from the shop: no dispatch or delivery promise for it.
    await waitUntil(async () => (await b.page.getByTestId('cart-dispatch').count()) === 0, {
      what: 'no dispatch estimate for a group with nothing to buy',
    });
    // Focus lands on the line that is left, not on <body>.
    const focused = await b.page.evaluate(() => document.activeElement?.textContent ?? 'body');
    expect(focused).toBe(vase.title);
    await summary.scrollIntoViewIfNeeded();
    await screenshot(b.page, `checkout-unbuyable-cart-sold-out-${project}`);
    const text = ((await summary.textContent()) ?? '').replace(/\s+/g, ' ');
    for (const gone of ['$0.00', '$40.00', 'Total', 'Items ('])
      expect({ gone, shown: text.includes(gone) }).toEqual({ gone, shown: false });
    expect(await summary.getByRole('button', { name: 'Proceed to checkout' }).isDisabled()).toBe(true);
    await noSidewaysPan(b.page);

    // Checkout opened directly says the same, with the real reason.
    await checkoutToReview(b.page);
    const alert = b.page.getByRole('alert').filter({ hasText: 'Nothing in your cart can be bought right now.' });
    await alert.waitFor();
    expect(((await alert.textContent()) ?? '').replace(/\s+/g, ' ')).toContain(
      `${vase.title} (${seller.shop.name}): Sold out`,
    );
    expect(await b.page.getByRole('button', { name: /Place order/ }).count()).toBe(0);
    expect(b.errors).toEqual([]);
    await b.context.close();
  });
}
