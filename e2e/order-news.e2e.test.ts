// What an order says about its timing and its news (leftovers of issue 16 and the last review):
// the seller's order page states the date the buyer was promised dispatch by; an order placed
// before Hearth recorded processing times says its estimate was not recorded, on the seller's and
// the buyer's page (decision 0146); and the buyer's bell names the shop a status change comes from.
// Checked on a laptop and a phone: no sideways scroll, no serious axe findings.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { quoteAndPlace } from '../src/server/modules/checkout/checkout-test-kit';
import { testDeps } from '../src/server/test/test-services';
import { deliveryWindow, dispatchBy, dispatchWindow } from '../src/shared/dispatch';
import { seriousA11yViolations } from './axe';
import { createProduct, createSeller, createUser, signedInPage, token } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

const notRecorded = 'not recorded: this order was placed before Hearth kept processing times.';

for (const project of projectNames) {
  test(`${project}: dispatch-by on the seller's order, "not recorded" for old orders, the shop named in the bell`, async () => {
    const seller = await createSeller(testDeps(), { flatRateCents: 500, freeOverCents: null, processingDays: 3 });
    const mug = await createProduct(seller, { title: `Speckled mug ${token()}`, quantity: 10 });
    const buyer = await createUser(undefined, 'Ada Lovelace');
    const order = async () => {
      await buyer.caller.cart.addItem({ productId: mug.id, quantity: 1 });
      return (await quoteAndPlace(buyer)).orders[0]!.orderId;
    };
    const fresh = await order();
    const old = await order();
    // As an order written before migration 20261203200000 is.
    await testDeps()
      .db.updateTable('order_items')
      .set({ processing_days_min: null, processing_days_max: null })
      .where('order_id', '=', old)
      .execute();
    const placedAt = new Date((await buyer.caller.orders.byId({ orderId: fresh })).createdAt);
    const three = { minDays: 3, maxDays: 3 };

    const s = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await s.page.goto(`/dashboard/orders/${fresh}`);
    await s.page
      .getByTestId('dispatch-by')
      .getByText(`Dispatch by ${dispatchBy(three, placedAt)}`)
      .waitFor();
    await noSidewaysScroll(s.page);
    await screenshot(s.page, `seller-order-dispatch-by-${project}`);
    expect(await seriousA11yViolations(s.page)).toEqual([]);
    await s.page.goto(`/dashboard/orders/${old}`);
    await s.page.getByTestId('dispatch-by').getByText(`Dispatch-by date ${notRecorded}`).waitFor();
    await noSidewaysScroll(s.page);
    await screenshot(s.page, `seller-order-not-recorded-${project}`);

    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await b.page.goto(`/orders/${fresh}`);
    await b.page
      .getByTestId('order-estimate')
      .getByText(
        `Estimated dispatch ${dispatchWindow(three, placedAt)} · Estimated delivery ${deliveryWindow(three, placedAt)}`,
      )
      .waitFor();
    await b.page.goto(`/orders/${old}`);
    await b.page.getByTestId('order-estimate').getByText(`Delivery estimate ${notRecorded}`).waitFor();
    await noSidewaysScroll(b.page);
    await screenshot(b.page, `buyer-order-not-recorded-${project}`);
    expect(await seriousA11yViolations(b.page)).toEqual([]);

    // The seller ships the new order: the buyer's bell says which shop it comes from.
    await seller.caller.orders.updateStatus({ orderId: fresh, status: 'processing' });
    await seller.caller.orders.updateStatus({
      orderId: fresh,
      status: 'shipped',
      carrier: 'USPS',
      trackingNumber: '9400100000000000000001',
    });
    // Shipped: the seller has nothing left to dispatch, the buyer waits for delivery only.
    await s.page.goto(`/dashboard/orders/${fresh}`);
    await s.page.getByRole('heading', { level: 1, name: `Order #${fresh}` }).waitFor();
    expect(await s.page.getByTestId('dispatch-by').count()).toBe(0);
    await b.page.goto('/orders');
    const bell = b.page.getByRole('button', { name: 'Notifications, 2 unread', exact: true });
    await bell.click();
    const panel = b.page.getByRole('region', { name: 'Notifications', exact: true });
    await panel
      .getByRole('link', { name: `Unread: Your order #${fresh} from ${seller.shop.name} has shipped` })
      .waitFor();
    await panel.getByText(`Your order #${fresh} from ${seller.shop.name} is being prepared`).waitFor();
    await noSidewaysScroll(b.page);
    await screenshot(b.page, `buyer-bell-shop-named-${project}`);
    expect(s.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await Promise.all([s.context.close(), b.context.close()]);
  }, 180_000);
}
