// "Message the buyer" on the seller's order page (decision 0195), keyboard only, on a laptop and a
// phone: the button opens the composer with focus in its box; Escape and Cancel close it with focus
// back on the button and nothing sent, the words kept for when it opens again (until sent); Send opens the conversation in the shop's messages with a
// toast, and the buyer finds the message, unread, about that order, in their own messages. A guest
// order (no account) offers "Email the buyer" instead: a mailto: link with the order in its subject.
// A buyer the shop blocked (in any conversation) is shown blocked on the order, with Unblock there;
// a buyer who blocked the shop is shown not accepting messages, in place of the button.
import { expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
import { testDeps } from '../src/server/test/test-services';
import { waitUntil } from '../src/server/test/wait-until';
import { sellerWithOrder, signedInPage, tabTo, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
async function placedOrder({ guest = false } = {}) {
  const placed = await sellerWithOrder('Ada Lovelace');
  // A guest buyer is a user without a password (guest checkout, decision 0073).
  if (guest)
    await testDeps().db.updateTable('users').set({ password_hash: null }).where('id', '=', placed.buyer.id).execute();
  return placed;
}

const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function focusIsOnPage(page: Page) {
  return page.evaluate(() => !!document.activeElement && document.activeElement !== document.body);
}

async function openComposer(page: Page, button: Locator) {
  await tabTo(page, button);
  await page.keyboard.press('Enter');
  await waitForFocus(page.getByRole('textbox', { name: 'Your message' }));
}

for (const project of projectNames) {
  test(`${project}: the seller messages the buyer from the order; the buyer reads it in their messages`, async () => {
    const { seller, buyer, orderId } = await placedOrder();
    const s = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await s.page.goto(`/dashboard/orders/${orderId}`);
    await s.page.getByRole('heading', { name: `Order #${orderId}` }).waitFor();
    const button = s.page.getByRole('button', { name: 'Message the buyer' });
    const box = s.page.getByRole('textbox', { name: 'Your message' });

    // Escape closes the composer: focus back on the button, nothing sent.
    const dialog = s.page.getByRole('dialog', { name: 'Message Ada Lovelace' });
    await openComposer(s.page, button);
    await dialog.waitFor();
    await s.page.keyboard.type('Not this');
    await s.page.keyboard.press('Escape');
    await waitForFocus(button);
    expect(await box.count()).toBe(0);

    // Cancel does the same. What was typed is kept for next time (a draft), until it is sent.
    await openComposer(s.page, button);
    expect(await box.inputValue()).toBe('Not this');
    await s.page.keyboard.type(' either');
    await tabTo(s.page, dialog.getByRole('button', { name: 'Cancel', exact: true }), 6);
    await s.page.keyboard.press('Enter');
    await waitForFocus(button);

    // Send: the conversation opens in the shop's messages, with a toast.
    await openComposer(s.page, button);
    expect(await box.inputValue()).toBe('Not this either');
    await s.page.keyboard.press('Control+A');
    await s.page.keyboard.press('Backspace');
    const note = 'Which initials would you like on the bowl?';
    await s.page.keyboard.type(note);
    expect(await sideways(s.page)).toBeLessThanOrEqual(0);
    await screenshot(s.page, `message-the-buyer-composer-${project}`);
    await tabTo(s.page, dialog.getByRole('button', { name: 'Send', exact: true }), 6);
    await s.page.keyboard.press('Enter');
    await s.page.waitForURL(/\/dashboard\/messages\/\d+$/);
    await s.page.locator('[data-sonner-toast]', { hasText: 'Message sent to Ada Lovelace' }).waitFor();
    await s.page.getByRole('log', { name: 'Messages' }).getByText(note).waitFor();
    await s.page.getByRole('link', { name: new RegExp(`About order #${orderId}`) }).waitFor();
    await waitUntil(() => focusIsOnPage(s.page), { what: 'focus somewhere on the conversation page, not <body>' });
    expect(await sideways(s.page)).toBeLessThanOrEqual(0);
    await screenshot(s.page, `message-the-buyer-sent-${project}`);

    // The buyer: unread in their messages, about that order.
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await b.page.goto('/messages');
    const row = b.page.getByRole('link', { name: new RegExp(seller.shop.name) });
    await row.waitFor();
    expect(await row.textContent()).toContain(note);
    await tabTo(b.page, row);
    await b.page.keyboard.press('Enter');
    await b.page.waitForURL(/\/messages\/\d+$/);
    await b.page.getByRole('log', { name: 'Messages' }).getByText(note).waitFor();
    await b.page.getByRole('link', { name: new RegExp(`About order #${orderId}`) }).waitFor();
    await screenshot(b.page, `message-the-buyer-buyer-${project}`);

    // Back on the order, the seller finds the conversation from it, and the sent draft is gone.
    await s.page.goto(`/dashboard/orders/${orderId}`);
    await s.page.getByRole('link', { name: 'Your conversation about this order' }).waitFor();
    await openComposer(s.page, button);
    expect(await box.inputValue()).toBe('');

    expect(s.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await Promise.all([s.context.close(), b.context.close()]);
  });

  test(`${project}: a guest order offers "Email the buyer", a mailto: link with the order number`, async () => {
    const { seller, buyer, orderId } = await placedOrder({ guest: true });
    const { page, context, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto(`/dashboard/orders/${orderId}`);
    await page.getByRole('heading', { name: `Order #${orderId}` }).waitFor();
    const email = page.getByRole('link', { name: 'Email the buyer' });
    await tabTo(page, email);
    const href = new URL((await email.getAttribute('href'))!);
    expect(href.protocol).toBe('mailto:');
    expect(decodeURIComponent(href.pathname)).toBe(buyer.email);
    expect(href.searchParams.get('subject')).toBe(`Your order #${orderId} from ${seller.shop.name}`);
    expect(await page.getByRole('button', { name: 'Message the buyer' }).count()).toBe(0);
    await page.getByText(`write to ${buyer.email}`).waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await screenshot(page, `message-the-buyer-guest-${project}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: a buyer the shop blocked is shown blocked on the order, and unblocked there`, async () => {
    const { seller, buyer, orderId } = await placedOrder();
    // Blocked from a conversation that is not about this order.
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId!, text: 'Hello?' });
    await seller.caller.messages.block({ conversationId });
    const { page, context, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto(`/dashboard/orders/${orderId}`);
    await page.getByRole('heading', { name: `Order #${orderId}` }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'You blocked Ada Lovelace. Neither of you can send messages until you unblock them.' })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Message the buyer' }).count()).toBe(0);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await page.getByText('You blocked Ada Lovelace.').scrollIntoViewIfNeeded();
    await screenshot(page, `message-the-buyer-blocked-${project}`);

    // Unblock, by keyboard: "Message the buyer" takes its place, and focus.
    await tabTo(page, page.getByRole('button', { name: 'Unblock Ada Lovelace' }));
    await page.keyboard.press('Enter');
    const button = page.getByRole('button', { name: 'Message the buyer' });
    await waitForFocus(button);
    expect(await page.getByText('You blocked Ada Lovelace.').count()).toBe(0);
    expect((await seller.caller.messages.thread({ conversationId })).conversation.blockedByMe).toBe(false);
    // And writing to the buyer works again.
    await page.keyboard.press('Enter');
    await waitForFocus(page.getByRole('textbox', { name: 'Your message' }));
    await page.keyboard.type('Your bowl ships today.');
    await page.keyboard.press('Control+Enter');
    await page.waitForURL(/\/dashboard\/messages\/\d+$/);
    await page.getByRole('log', { name: 'Messages' }).getByText('Your bowl ships today.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  // Found by a walk: a buyer who had blocked the shop was still offered "Message the buyer", which
  // opened and only after Ctrl+Enter said the buyer was not accepting messages.
  test(`${project}: a buyer who blocked the shop is shown not accepting messages on the order`, async () => {
    const { seller, buyer, orderId } = await placedOrder();
    const { conversationId } = await buyer.caller.messages.start({
      shopId: seller.shopId!,
      orderId,
      text: 'Has it shipped?',
    });
    await buyer.caller.messages.block({ conversationId });
    const { page, context, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto(`/dashboard/orders/${orderId}`);
    await page.getByRole('heading', { name: `Order #${orderId}` }).waitFor();
    const notice = page.getByRole('status').filter({ hasText: 'Ada Lovelace is not accepting messages from you.' });
    await notice.waitFor();
    // Said before writing, in place of the button; no Unblock, as the block is the buyer's.
    expect(await page.getByRole('button', { name: 'Message the buyer' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Unblock/ }).count()).toBe(0);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await notice.scrollIntoViewIfNeeded();
    await screenshot(page, `message-the-buyer-blocked-by-buyer-${project}`);

    // By keyboard to the conversation, which says the same.
    await tabTo(page, page.getByRole('link', { name: 'Your conversation about this order' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/dashboard/messages/${conversationId}$`));
    await page.getByText('Ada Lovelace is not accepting messages from you.').waitFor();

    // Once the buyer unblocks, the order offers "Message the buyer" again.
    await buyer.caller.messages.unblock({ conversationId });
    await page.goto(`/dashboard/orders/${orderId}`);
    await page.getByRole('button', { name: 'Message the buyer' }).waitFor();
    expect(await page.getByText('is not accepting messages from you.').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
}
