// A block between a shop and a buyer, placed or removed by either side, reaches the other side's
// open order page without a reload. The order pages say so in place of their message button: the
// buyer's (/orders/<id>) "<shop> is not accepting messages from you." when the shop blocked them,
// the shop's (/dashboard/orders/<id>) "<buyer> is not accepting messages from you." when the buyer
// blocked it. Found by a walk: once the shop unblocked the buyer (on its order page, in a
// conversation's header or on an inbox row), the buyer's open order page kept the notice until a
// reload, and the same the other way. Found by a later walk: when the message button the block
// removes had keyboard focus, focus fell to <body> with no ring; the notice in its place takes it.
// Each party in its own browser, keyboard only, laptop and phone.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { expectFocusWithRing, sellerWithOrder, signedInPage, tabTo, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
// Well within the contact queries' stale time: only the live stream can bring the change this soon.
const LIVE = { timeout: 10_000 };

const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Block in a conversation's header, by keyboard, and confirm. */
async function blockInConversation(page: Page, name: string) {
  await tabTo(page, page.getByRole('button', { name: 'Block', exact: true }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Block ${name}?`, exact: true });
  await tabTo(page, dialog.getByRole('button', { name: 'Block', exact: true }));
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  await waitForFocus(page.getByRole('button', { name: 'Unblock', exact: true }));
}

for (const project of projectNames) {
  test(`${project}: the shop's block and unblock reach the buyer's open order page`, async () => {
    const { seller, buyer, orderId } = await sellerWithOrder('Ada Lovelace');
    const shop = seller.shop.name;
    // A conversation that is not about the order: a block is between the two people.
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId!, text: 'Hello?' });
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    const s = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await b.page.goto(`/orders/${orderId}`);
    const messageShop = b.page.getByRole('button', { name: 'Message the shop' });
    const notAccepting = b.page.getByRole('status').filter({ hasText: `${shop} is not accepting messages from you.` });
    await messageShop.waitFor();
    // The buyer is on "Message the shop" when the block comes.
    await tabTo(b.page, messageShop);

    // The shop blocks the buyer in the conversation's header: the buyer's order says so, and the
    // notice takes the focus of the button it replaced.
    await s.page.goto(`/dashboard/messages/${conversationId}`);
    await blockInConversation(s.page, 'Ada Lovelace');
    await notAccepting.waitFor(LIVE);
    await expectFocusWithRing(b.page, notAccepting, LIVE.timeout);
    expect(await messageShop.count()).toBe(0);
    expect(await sideways(b.page)).toBeLessThanOrEqual(0);
    await notAccepting.scrollIntoViewIfNeeded();
    await screenshot(b.page, `order-block-live-buyer-notice-${project}`);

    // Unblocked on the shop's inbox row: "Message the shop" is back.
    await s.page.goto('/dashboard/messages');
    await tabTo(s.page, s.page.getByRole('button', { name: 'Unblock Ada Lovelace' }));
    await s.page.keyboard.press('Enter');
    await messageShop.waitFor(LIVE);
    expect(await notAccepting.count()).toBe(0);

    // Blocked again, then unblocked on the shop's order page: back once more.
    await s.page.goto(`/dashboard/messages/${conversationId}`);
    await blockInConversation(s.page, 'Ada Lovelace');
    await notAccepting.waitFor(LIVE);
    await s.page.goto(`/dashboard/orders/${orderId}`);
    await tabTo(s.page, s.page.getByRole('button', { name: 'Unblock Ada Lovelace' }));
    await s.page.keyboard.press('Enter');
    await waitForFocus(s.page.getByRole('button', { name: 'Message the buyer' }));
    await messageShop.waitFor(LIVE);
    expect(await notAccepting.count()).toBe(0);
    expect(b.errors).toEqual([]);
    expect(s.errors).toEqual([]);
    await b.context.close();
    await s.context.close();
  });

  test(`${project}: the buyer's block and unblock reach the shop's open order page`, async () => {
    const { seller, buyer, orderId } = await sellerWithOrder('Ada Lovelace');
    const shop = seller.shop.name;
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId!, text: 'Hello?' });
    const s = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await s.page.goto(`/dashboard/orders/${orderId}`);
    const messageBuyer = s.page.getByRole('button', { name: 'Message the buyer' });
    const notAccepting = s.page
      .getByRole('status')
      .filter({ hasText: 'Ada Lovelace is not accepting messages from you.' });
    await messageBuyer.waitFor();
    // The shop is on "Message the buyer" when the block comes.
    await tabTo(s.page, messageBuyer);

    // The buyer blocks the shop in the conversation's header: the shop's order says so, and the
    // notice takes the focus of the button it replaced.
    await b.page.goto(`/messages/${conversationId}`);
    await blockInConversation(b.page, shop);
    await notAccepting.waitFor(LIVE);
    await expectFocusWithRing(s.page, notAccepting, LIVE.timeout);
    expect(await messageBuyer.count()).toBe(0);
    expect(await sideways(s.page)).toBeLessThanOrEqual(0);
    await notAccepting.scrollIntoViewIfNeeded();
    await screenshot(s.page, `order-block-live-shop-notice-${project}`);

    // Unblocked on the buyer's order page: "Message the buyer" is back.
    await b.page.goto(`/orders/${orderId}`);
    await tabTo(b.page, b.page.getByRole('button', { name: `Unblock ${shop}` }));
    await b.page.keyboard.press('Enter');
    await waitForFocus(b.page.getByRole('button', { name: 'Message the shop' }));
    await messageBuyer.waitFor(LIVE);
    expect(await notAccepting.count()).toBe(0);
    expect(s.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await s.context.close();
    await b.context.close();
  });
}
