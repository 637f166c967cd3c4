// The buyer's "Message the shop" on their order page writes with the same composer as a
// conversation and the shop's "Message the buyer" (components/message-composer.tsx): a count
// against the limit, a sentence saying why Send is off over it, Attach photo, Ctrl+Enter sends.
// What was typed and not sent stays when the dialog is closed and opened again (and in a
// conversation when the reader goes away and comes back), until it is sent. A shop the buyer
// blocked (in any conversation) is shown blocked on the order, with Unblock there; a shop that
// blocked the buyer is shown not accepting messages, in place of the button.
// Keyboard only, on a laptop and a phone, with no sideways pan.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
import { sellerWithOrder, signedInPage, tabTo, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const project of projectNames) {
  test(`${project}: "Message the shop" on an order writes like every other composer`, async () => {
    const { seller, buyer, orderId } = await sellerWithOrder('Ada Lovelace');
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    const page = b.page;
    await page.goto(`/orders/${orderId}`);
    await page.getByRole('heading', { name: `Order #${orderId}` }).waitFor();
    const button = page.getByRole('button', { name: 'Message the shop' });
    const dialog = page.getByRole('dialog', { name: `Message ${seller.shop.name}` });
    const box = dialog.getByRole('textbox', { name: 'Your message' });
    await tabTo(page, button);
    await page.keyboard.press('Enter');
    await waitForFocus(box);

    // Over the limit: the count turns, Send is off, and a sentence says why.
    await page.keyboard.insertText('a'.repeat(2001));
    await dialog.getByText('Shorten your message to 2,000 characters.').waitFor();
    await dialog.getByText('2,001 / 2,000').waitFor();
    expect(await dialog.getByRole('button', { name: 'Send message' }).isDisabled()).toBe(true);
    // The same bar as the conversation's: a photo can go with it.
    expect(await dialog.getByText('Attach photo').count()).toBe(1);

    // Back under the limit, Ctrl+Enter sends, and the conversation about the order opens.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Where is my parcel?');
    await dialog.getByText('19 / 2,000').waitFor();
    await screenshot(page, `message-the-shop-composer-${project}`);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await page.keyboard.press('Control+Enter');
    await page.waitForURL(/\/messages\/\d+$/);
    await page.getByRole('log', { name: 'Messages' }).getByText('Where is my parcel?').waitFor();
    await page.getByRole('link', { name: new RegExp(`About order #${orderId}`) }).waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(b.errors).toEqual([]);
    await b.context.close();
  });

  test(`${project}: an unsent message stays until it is sent`, async () => {
    const { seller, buyer, orderId } = await sellerWithOrder('Ada Lovelace');
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    const page = b.page;
    await page.goto(`/orders/${orderId}`);
    await page.getByRole('heading', { name: `Order #${orderId}` }).waitFor();
    const button = page.getByRole('button', { name: 'Message the shop' });
    const dialog = page.getByRole('dialog', { name: `Message ${seller.shop.name}` });
    const box = dialog.getByRole('textbox', { name: 'Your message' });
    const open = async () => {
      await tabTo(page, button);
      await page.keyboard.press('Enter');
      await waitForFocus(box);
    };

    // Escape, then open again: the words are still there, with their count.
    await open();
    await page.keyboard.type('Could it ship before Friday');
    await page.keyboard.press('Escape');
    await waitForFocus(button);
    await open();
    expect(await box.inputValue()).toBe('Could it ship before Friday');
    await dialog.getByText('27 / 2,000').waitFor();
    // Cancel keeps them too, and so does leaving the page and coming back.
    await page.keyboard.type('?');
    await tabTo(page, dialog.getByRole('button', { name: 'Cancel', exact: true }), 6);
    await page.keyboard.press('Enter');
    await waitForFocus(button);
    await page.goto('/');
    await page.goto(`/orders/${orderId}`);
    await open();
    expect(await box.inputValue()).toBe('Could it ship before Friday?');

    // Sent: the conversation opens; in its own box a reply half written stays when the buyer goes
    // to the inbox and back.
    await page.keyboard.press('Control+Enter');
    await page.waitForURL(/\/messages\/\d+$/);
    const thread = page.url();
    await page.getByRole('log', { name: 'Messages' }).getByText('Could it ship before Friday?').waitFor();
    const composer = page.getByLabel('Write a message');
    await tabTo(page, composer);
    await page.keyboard.type('Also, gift wrap please');
    await page.goto('/messages');
    await page.goto(thread);
    await page.getByRole('log', { name: 'Messages' }).getByText('Could it ship before Friday?').waitFor();
    await waitUntil(async () => (await composer.inputValue()) === 'Also, gift wrap please', {
      what: 'the half-written reply back in the box',
    });
    await tabTo(page, composer);
    await page.keyboard.press('Control+Enter');
    await page.getByRole('log', { name: 'Messages' }).getByText('Also, gift wrap please').waitFor();
    expect(await composer.inputValue()).toBe('');

    // Once sent, a draft is gone: the order's dialog and the conversation start empty.
    await page.goto(`/orders/${orderId}`);
    await open();
    expect(await box.inputValue()).toBe('');
    await screenshot(page, `message-the-shop-draft-${project}`);
    await page.keyboard.press('Escape');
    await page.goto(thread);
    await page.getByRole('log', { name: 'Messages' }).getByText('Also, gift wrap please').waitFor();
    expect(await composer.inputValue()).toBe('');
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(b.errors).toEqual([]);
    await b.context.close();
  });

  test(`${project}: a shop the buyer blocked is shown blocked on the order, and unblocked there`, async () => {
    const { seller, buyer, orderId } = await sellerWithOrder('Ada Lovelace');
    const shop = seller.shop.name;
    // Blocked from a conversation that is not about this order.
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId!, text: 'Hello?' });
    await buyer.caller.messages.block({ conversationId });
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    const page = b.page;
    await page.goto(`/orders/${orderId}`);
    await page.getByRole('heading', { name: `Order #${orderId}` }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `You blocked ${shop}. Neither of you can send messages until you unblock them.` })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Message the shop' }).count()).toBe(0);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await page.getByText(`You blocked ${shop}.`).scrollIntoViewIfNeeded();
    await screenshot(page, `message-the-shop-blocked-${project}`);

    // Unblock, by keyboard: "Message the shop" takes its place, and focus.
    await tabTo(page, page.getByRole('button', { name: `Unblock ${shop}` }));
    await page.keyboard.press('Enter');
    const button = page.getByRole('button', { name: 'Message the shop' });
    await waitForFocus(button);
    expect(await page.getByText(`You blocked ${shop}.`).count()).toBe(0);
    expect((await buyer.caller.messages.thread({ conversationId })).conversation.blockedByMe).toBe(false);
    // And writing to the shop works again.
    await page.keyboard.press('Enter');
    await waitForFocus(page.getByRole('textbox', { name: 'Your message' }));
    await page.keyboard.type('Has my bowl shipped?');
    await page.keyboard.press('Control+Enter');
    await page.waitForURL(/\/messages\/\d+$/);
    await page.getByRole('log', { name: 'Messages' }).getByText('Has my bowl shipped?').waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(b.errors).toEqual([]);
    await b.context.close();
  });

  // Found by a walk: a shop that had blocked the buyer still offered "Message the shop" on the
  // buyer's order, which opened and only after Send said the shop was not accepting messages.
  test(`${project}: a shop that blocked the buyer is shown not accepting messages on the order`, async () => {
    const { seller, buyer, orderId } = await sellerWithOrder('Ada Lovelace');
    const shop = seller.shop.name;
    const { conversationId } = await buyer.caller.messages.start({
      shopId: seller.shopId!,
      orderId,
      text: 'Has it shipped?',
    });
    await seller.caller.messages.block({ conversationId });
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    const page = b.page;
    await page.goto(`/orders/${orderId}`);
    await page.getByRole('heading', { name: `Order #${orderId}` }).waitFor();
    const notice = page.getByRole('status').filter({ hasText: `${shop} is not accepting messages from you.` });
    await notice.waitFor();
    // Said before writing, in place of the button; no Unblock, as the block is the shop's.
    expect(await page.getByRole('button', { name: 'Message the shop' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Unblock/ }).count()).toBe(0);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await notice.scrollIntoViewIfNeeded();
    await screenshot(page, `message-the-shop-blocked-by-shop-${project}`);

    // By keyboard to the conversation, which says the same.
    await tabTo(page, page.getByRole('link', { name: 'Your conversation about this order' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/messages/${conversationId}$`));
    await page.getByText(`${shop} is not accepting messages from you.`).waitFor();

    // Once the shop unblocks, the order offers "Message the shop" again.
    await seller.caller.messages.unblock({ conversationId });
    await page.goto(`/orders/${orderId}`);
    await page.getByRole('button', { name: 'Message the shop' }).waitFor();
    expect(await page.getByText('is not accepting messages from you.').count()).toBe(0);
    expect(b.errors).toEqual([]);
    await b.context.close();
  });
}
