// Found by a walk at 1366×900 and 390×844: the buyer's order list showed a cancelled, refunded
// order as just "$14.30 · Cancelled" while its page said "Refunded $14.30". The list now says
// "Cancelled · Refunded $…". One checkout pays for several shops' orders at once, so the refund is
// the order's own: the other shop's order from the same checkout shows none, in the list or on its
// page (which showed the whole payment's refund before).
import { expect, test } from 'bun:test';
import { formatCents } from '../src/client/lib/format';
import { quoteAndPlace } from '../src/server/modules/checkout/checkout-test-kit';
import { createProduct, createSeller, createUser, signedInPage, tabTo, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: a cancelled order says what was refunded in the list, and only that order does`, async () => {
    const potter = await createSeller();
    const weaver = await createSeller();
    const jar = await createProduct(potter, { title: `Jar ${token()}`, priceCents: 930, quantity: 4 });
    const scarf = await createProduct(weaver, { title: `Scarf ${token()}`, priceCents: 2400, quantity: 4 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: jar.id, quantity: 1 });
    await buyer.caller.cart.addItem({ productId: scarf.id, quantity: 1 });
    const placed = await quoteAndPlace(buyer);
    const jarOrder = placed.orders.find((o) => o.shopId === potter.shopId)!;
    const scarfOrder = placed.orders.find((o) => o.shopId === weaver.shopId)!;
    await potter.caller.orders.updateStatus({ orderId: jarOrder.orderId, status: 'cancelled' });

    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await page.goto('/orders');
    const row = (orderId: number) => page.getByRole('link', { name: new RegExp(`Order #${orderId} ·`) });
    await row(jarOrder.orderId).waitFor();
    expect(await row(jarOrder.orderId).innerText()).toContain(
      `Cancelled · Refunded ${formatCents(jarOrder.totalCents)}`,
    );
    expect(await row(scarfOrder.orderId).innerText()).not.toContain('Refunded');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      await page.evaluate(() => window.innerWidth),
    );
    await screenshot(page, `order-list-refund-${project}`);

    // The other shop's order from the same checkout: nothing refunded on its page either.
    await tabTo(page, row(scarfOrder.orderId));
    await page.keyboard.press('Enter');
    await waitForFocus(page.getByRole('heading', { level: 1, name: `Order #${scarfOrder.orderId}` }));
    await page.getByText(scarf.title).first().waitFor();
    expect(await page.getByText('Refunded', { exact: false }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();

    // The shop's own list says the same of its cancelled order, in its fixed status column.
    const shopPage = await signedInPage(e2e.browser, e2e.app.baseUrl, potter, project);
    await shopPage.page.goto('/dashboard/orders?view=cancelled');
    const shopRow = shopPage.page.getByRole('link', { name: new RegExp(`Order #${jarOrder.orderId} ·`) });
    await shopRow.waitFor();
    expect(await shopRow.innerText()).toMatch(
      new RegExp(`Cancelled\\s+Refunded \\${formatCents(jarOrder.totalCents)}`),
    );
    // "Refunded" and its amount on one line: one line high.
    const refund = shopRow.getByText(/^Refunded /);
    const fontSize = await refund.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect((await refund.boundingBox())!.height).toBeLessThan(fontSize * 2.2);
    expect(await shopPage.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      await shopPage.page.evaluate(() => window.innerWidth),
    );
    await screenshot(shopPage.page, `order-list-refund-shop-${project}`);
    expect(shopPage.errors).toEqual([]);
    await shopPage.context.close();
  });
}
