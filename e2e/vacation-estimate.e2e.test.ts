// A shop on vacation promises no dispatch or delivery it cannot keep (decision 0180): with a return
// date the product page and the cart count the estimate from that day; with none they give a plain
// line and no dates. Desktop and phone.
import { expect, test } from 'bun:test';
import { deliveryWindow, dispatchWindow } from '../src/shared/dispatch';
import { createProduct, createSeller, createUser, signedInPage, token } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
const three = { minDays: 3, maxDays: 3 };
const dayFmt = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });

for (const project of projectNames) {
  test(`${project}: vacation estimates count from the return date, or are not given without one`, async () => {
    const now = new Date();
    const back = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 16, 12));
    const returnsOn = back.toISOString().slice(0, 10);
    const dated = await createSeller();
    const undated = await createSeller();
    const vase = await createProduct(dated, { title: `Vase ${token()}`, quantity: 3, processing: three });
    const bowl = await createProduct(undated, { title: `Bowl ${token()}`, quantity: 3, processing: three });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: vase.id, quantity: 1 });
    await buyer.caller.cart.addItem({ productId: bowl.id, quantity: 1 });
    await dated.caller.shops.setVacation({ shopId: dated.shopId, on: true, message: 'At the fair', returnsOn });
    await undated.caller.shops.setVacation({ shopId: undated.shopId, on: true, message: 'Away for a while' });
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);

    // Counted from the day the shop is back, not from today.
    const fromReturn = `Ships in 3 business days after the shop returns on ${dayFmt.format(back)} — estimated dispatch ${dispatchWindow(three, back)}`;
    const todays = deliveryWindow(three, now);
    await b.page.goto(`/product/${vase.id}`);
    await b.page.getByText(/is on vacation until/).waitFor();
    const dispatch = b.page.getByTestId('dispatch');
    await dispatch.filter({ hasText: fromReturn }).waitFor();
    expect(await b.page.getByTestId('delivery').textContent()).toBe(
      `Estimated delivery ${deliveryWindow(three, back)}`,
    );
    expect(await dispatch.textContent()).not.toContain(todays);
    await dispatch.scrollIntoViewIfNeeded();
    await screenshot(b.page, `vacation-estimate-product-${project}`);

    // No return date: a plain line, no dates.
    await b.page.goto(`/product/${bowl.id}`);
    await b.page.getByText(/is on vacation for now/).waitFor();
    await dispatch.filter({ hasText: 'Ships in 3 business days once the shop is back' }).waitFor();
    expect(await b.page.getByTestId('delivery').count()).toBe(0);
    expect(await dispatch.textContent()).not.toMatch(/estimated (dispatch|delivery)/i);

    await b.page.goto('/cart');
    const vaseShop = b.page.getByRole('region', { name: `Items from ${dated.shop.name}` });
    const bowlShop = b.page.getByRole('region', { name: `Items from ${undated.shop.name}` });
    await vaseShop
      .getByTestId('cart-dispatch')
      .filter({
        hasText: `Ships in 3 business days after the shop returns on ${dayFmt.format(back)} · arrives ${deliveryWindow(three, back)}`,
      })
      .waitFor();
    expect(await bowlShop.getByTestId('cart-dispatch').textContent()).toBe(
      'Ships in 3 business days once the shop is back',
    );
    await screenshot(b.page, `vacation-estimate-cart-${project}`);
    expect(await b.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
      0,
    );
    expect(b.errors).toEqual([]);
    await b.context.close();
  });
}
