// A conversation about an order shows the order on a card at its top ("About order #N", its total
// and its status). When the shop moved the order on, the card stayed at "Paid" until a reload, in
// the buyer's open conversation and in the shop's own (its thread query was never told). Now the
// buyer's card follows the live notification that the status changed, and the shop's own change
// shows at once when it comes back to the conversation, and live in the shop's second tab with the
// same conversation open (that tab is told by the shop's live stream, not by a notification).
// Laptop and phone, two browsers.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { sellerWithOrder, signedInPage } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

function aboutCard(page: Page, orderId: number) {
  return page.getByRole('link', { name: new RegExp(`About order #${orderId}`) });
}

for (const project of projectNames)
  test(`${project}: the conversation's order card follows the order's status without a reload`, async () => {
    const { seller, buyer, orderId } = await sellerWithOrder('Rosie Hughes');
    const { conversationId } = await seller.caller.messages.startWithBuyer({
      orderId,
      text: 'Hello Rosie, your bowl is next on the wheel.',
    });
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    const s = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);

    await b.page.goto(`/messages/${conversationId}`);
    await aboutCard(b.page, orderId)
      .filter({ hasText: /· Paid$/ })
      .waitFor();
    await s.page.goto(`/dashboard/messages/${conversationId}`);
    await aboutCard(s.page, orderId)
      .filter({ hasText: /· Paid$/ })
      .waitFor();
    // The shop's second tab, with the same conversation open.
    const tab2 = await s.context.newPage();
    tab2.on('pageerror', (e) => s.errors.push(e.message));
    await tab2.goto(`/dashboard/messages/${conversationId}`);
    await aboutCard(tab2, orderId)
      .filter({ hasText: /· Paid$/ })
      .waitFor();

    // The shop follows the card to the order, moves it on in the app, and comes back.
    await aboutCard(s.page, orderId).click();
    await s.page.getByRole('button', { name: 'Start making / packing' }).click();
    await s.page.getByText(`Order #${orderId}: Being made / packed`).waitFor();
    await s.page.goBack();
    await aboutCard(s.page, orderId)
      .filter({ hasText: /· Being made \/ packed$/ })
      .waitFor({ timeout: 10_000 });

    // The buyer's conversation, open all along, follows without a reload, and so does the shop's
    // second tab (well within the thread's 30 s stale time).
    await aboutCard(b.page, orderId)
      .filter({ hasText: /· Being made \/ packed$/ })
      .waitFor({ timeout: 10_000 });
    await aboutCard(tab2, orderId)
      .filter({ hasText: /· Being made \/ packed$/ })
      .waitFor({ timeout: 10_000 });

    await seller.caller.orders.updateStatus({ orderId, status: 'shipped', trackingNumber: '9400 1', carrier: 'USPS' });
    await aboutCard(b.page, orderId)
      .filter({ hasText: /· Shipped$/ })
      .waitFor({ timeout: 10_000 });
    await aboutCard(tab2, orderId)
      .filter({ hasText: /· Shipped$/ })
      .waitFor({ timeout: 10_000 });
    await screenshot(tab2, `conversation-order-status-live-seller-tab2-${project}`);
    await screenshot(s.page, `conversation-order-status-live-seller-${project}`);
    await screenshot(b.page, `conversation-order-status-live-buyer-${project}`);

    for (const page of [b.page, s.page, tab2])
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect([...b.errors, ...s.errors]).toEqual([]);
    await b.context.close();
    await s.context.close();
  });
