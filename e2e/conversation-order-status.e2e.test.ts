// A conversation about an order shows the order on a card at its top ("About order #N", its total
// and its status). The status read "paid" or "processing", the stored value, in lower case; it now
// uses the orders pages' own words ("Paid", "Being made / packed", "Shipped"), in the buyer's and the
// shop's views alike, and follows the order as the shop moves it on. Laptop and phone.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { sellerWithOrder, signedInPage } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** The "About order #N" card's text, on one line. */
async function aboutCard(page: Page, orderId: number) {
  const card = page.getByRole('link', { name: new RegExp(`About order #${orderId}`) });
  await card.waitFor();
  // As shown (innerText): the words a user reads, after CSS and the card's line break.
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked.
  return (await card.innerText()).replace(/\s+/g, ' ').trim();
}

for (const project of projectNames)
  test(`${project}: the conversation's order card names the status as the orders pages do`, async () => {
    const { seller, buyer, orderId } = await sellerWithOrder('Rosie Hughes');
    const { conversationId } = await seller.caller.messages.startWithBuyer({
      orderId,
      text: 'Hello Rosie, your bowl is next on the wheel.',
    });
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    const s = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);

    await b.page.goto(`/messages/${conversationId}`);
    expect(await aboutCard(b.page, orderId)).toMatch(new RegExp(`^About order #${orderId} \\$[\\d.,]+ · Paid$`));

    await seller.caller.orders.updateStatus({ orderId, status: 'processing' });
    await s.page.goto(`/dashboard/messages/${conversationId}`);
    expect(await aboutCard(s.page, orderId)).toMatch(/ · Being made \/ packed$/);
    await b.page.reload();
    expect(await aboutCard(b.page, orderId)).toMatch(/ · Being made \/ packed$/);

    await seller.caller.orders.updateStatus({ orderId, status: 'shipped', trackingNumber: '9400 1', carrier: 'USPS' });
    await s.page.reload();
    expect(await aboutCard(s.page, orderId)).toMatch(/ · Shipped$/);
    await screenshot(s.page, `conversation-order-status-seller-${project}`);
    await screenshot(b.page, `conversation-order-status-buyer-${project}`);

    for (const page of [b.page, s.page])
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect([...b.errors, ...s.errors]).toEqual([]);
    await b.context.close();
    await s.context.close();
  });
