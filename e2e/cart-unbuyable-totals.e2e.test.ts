// The cart's group for a shop on vacation (found by a walk) read "Items $0.00 · Shipping Free"
// under "The shop is on vacation. Remove it to check out.": "Shipping Free" read like a promise.
// A group with nothing that can be bought now says it is not included in the total, and a shop
// that can sell keeps its items and shipping line; with every shop away, the Summary says nothing
// can be bought instead of "Items (0) $0.00 · Shipping Free · Total $0.00". Desktop and phone.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, createUser, signedInPage, token } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: a shop on vacation's cart group shows no $0.00 or Free shipping`, async () => {
    const away = await createSeller();
    const open = await createSeller(undefined, { flatRateCents: 500, freeOverCents: null, processingDays: 2 });
    const jug = await createProduct(away, { title: `Jug ${token()}`, priceCents: 3000, quantity: 3 });
    const cup = await createProduct(open, { title: `Cup ${token()}`, priceCents: 1200, quantity: 3 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: jug.id, quantity: 1 });
    await buyer.caller.cart.addItem({ productId: cup.id, quantity: 1 });
    await away.caller.shops.setVacation({ shopId: away.shopId, on: true, message: 'Away for a while' });
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);

    await b.page.goto('/cart');
    const awayGroup = b.page.getByRole('region', { name: `Items from ${away.shop.name}` });
    const openGroup = b.page.getByRole('region', { name: `Items from ${open.shop.name}` });
    await awayGroup.getByText('The shop is on vacation.').waitFor();
    await awayGroup.getByText('Not included in your total').waitFor();
    await awayGroup.scrollIntoViewIfNeeded();
    await screenshot(b.page, `cart-unbuyable-totals-${project}`);
    const awayText = (await awayGroup.textContent()) ?? '';
    expect(awayText).not.toContain('Shipping Free');
    expect(awayText).not.toContain('$0.00');
    await openGroup.getByText('Items $12.00').waitFor();
    await openGroup.getByText('Shipping $5.00').waitFor();
    expect(b.errors).toEqual([]);
    await b.context.close();
  });

  test(`${project}: with every shop on vacation the Summary says nothing can be bought, with no $0.00 total`, async () => {
    const [first, second] = [await createSeller(), await createSeller()];
    const jug = await createProduct(first, { title: `Jug ${token()}`, priceCents: 3000, quantity: 3 });
    const cup = await createProduct(second, { title: `Cup ${token()}`, priceCents: 1200, quantity: 3 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: jug.id, quantity: 1 });
    await buyer.caller.cart.addItem({ productId: cup.id, quantity: 1 });
    for (const s of [first, second]) {
      await s.caller.shops.setVacation({ shopId: s.shopId, on: true, message: 'Away for a while' });
    }
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);

    await b.page.goto('/cart');
    const summary = b.page.getByRole('complementary', { name: 'Order summary' });
    await summary.getByText('Nothing in your cart can be bought right now.').waitFor();
    await summary.scrollIntoViewIfNeeded();
    await screenshot(b.page, `cart-unbuyable-summary-${project}`);
    const text = ((await summary.textContent()) ?? '').replace(/\s+/g, ' ');
    for (const gone of ['$0.00', 'Free', 'Total', 'Items (0)'])
      expect({ gone, shown: text.includes(gone) }).toEqual({ gone, shown: false });
    // Checkout stays unavailable: the button is there, disabled, and there is no link to /checkout.
    expect(await summary.getByRole('button', { name: 'Proceed to checkout' }).isDisabled()).toBe(true);
    expect(await summary.locator('a[href^="/checkout"]').count()).toBe(0);
    expect(b.errors).toEqual([]);
    await b.context.close();
  });
}
