// Found by a walk at 1366×900 and 390×844, keyboard only: opening a notification from the bell
// (Tab to the bell, Enter, Tab to the notification, Enter) opened the order page with focus fallen
// to <body>, while the same order opened from Your orders put focus on its "Order #N" heading. The
// panel closed on the page change only after the arrival had seen focus on its link and left it.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { quoteAndPlace } from '../src/server/modules/checkout/checkout-test-kit';
import { createProduct, createSeller, createUser, signedInPage, tabTo, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** Tab to the bell, Enter, Tab to the notification, Enter: the order page's heading takes focus. */
async function openFromBell(page: Page, text: RegExp, path: string, heading: string) {
  await tabTo(page, page.getByRole('button', { name: 'Notifications, 1 unread', exact: true }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: text }), 10);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === path);
  await waitForFocus(page.getByRole('heading', { level: 1, name: heading }));
}

for (const project of projectNames) {
  test(`${project}: a notification opened from the bell lands focus on the order's heading`, async () => {
    const seller = await createSeller();
    const mug = await createProduct(seller, { title: `Speckled mug ${token()}`, priceCents: 2800, quantity: 10 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: mug.id, quantity: 1 });
    const orderId = (await quoteAndPlace(buyer)).orders[0]!.orderId;

    // The seller: "New order #N" leads to the dashboard's order page.
    const sellerSide = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await sellerSide.page.goto('/dashboard');
    await sellerSide.page.getByRole('heading', { level: 1 }).waitFor();
    await openFromBell(
      sellerSide.page,
      new RegExp(`New order #${orderId}`),
      `/dashboard/orders/${orderId}`,
      `Order #${orderId}`,
    );
    await screenshot(sellerSide.page, `notification-order-focus-seller-${project}`);
    expect(sellerSide.errors).toEqual([]);
    await sellerSide.context.close();

    // The buyer: "Your order #N … is being prepared" leads to their order page.
    await seller.caller.orders.updateStatus({ orderId, status: 'processing' });
    const buyerSide = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await buyerSide.page.goto('/');
    await buyerSide.page.getByRole('heading', { level: 1 }).waitFor();
    await openFromBell(buyerSide.page, new RegExp(`Your order #${orderId}`), `/orders/${orderId}`, `Order #${orderId}`);
    await screenshot(buyerSide.page, `notification-order-focus-buyer-${project}`);
    expect(buyerSide.errors).toEqual([]);
    await buyerSide.context.close();
  });
}
