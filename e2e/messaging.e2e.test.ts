// A buyer asks a question from a product page; the seller answers from the dashboard inbox while
// the buyer watches the thread: the reply appears without a reload (messages.watch over SSE,
// Redis pub/sub between the app's instances), and the header's unread count follows. Message text
// is shown as text, never run as HTML. Checked on a laptop and a phone, with the keyboard only on
// the seller's side, with no sideways scroll at 390 px and no serious axe findings.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
import { seriousA11yViolations } from './axe';
import {
  createProduct,
  createSeller,
  createUser,
  expectFocusWithRing,
  signedInPage,
  tabTo,
  token,
  waitForFocus,
} from './fixtures';
import { newPage, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: a question from a product page, answered from the dashboard, appears live for the buyer`, async () => {
    const seller = await createSeller();
    const mug = await createProduct(seller, { title: `Speckled mug ${token()}` });
    const buyer = await createUser(undefined, 'Ada Lovelace');
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    const s = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);

    // Buyer: product page → Ask a question → thread.
    await b.page.goto(`/product/${mug.id}`);
    await b.page.getByRole('button', { name: 'Ask a question' }).click();
    const dialog = b.page.getByRole('dialog', { name: /Message Shop/ });
    await dialog.getByLabel('Your message').fill('Does this come in blue? <img src=x onerror="window.__pwned=1">');
    await dialog.getByRole('button', { name: 'Send message' }).click();
    await b.page.waitForURL(/\/messages\/\d+$/);
    const log = b.page.getByRole('log', { name: 'Messages' });
    await log.getByText('Does this come in blue? <img src=x onerror="window.__pwned=1">').waitFor();
    await b.page.getByRole('link', { name: new RegExp(`About this listing.*${mug.title}`) }).waitFor();

    // Seller: the header shows 1 unread; the dashboard inbox lists it with the listing.
    await s.page.goto('/dashboard');
    await s.page.getByRole('link', { name: 'Messages, 1 unread' }).waitFor();
    await s.page
      .getByRole('navigation', { name: 'Dashboard' })
      .getByRole('link', { name: /Messages/ })
      .click();
    const row = s.page.getByRole('link', { name: /Ada Lovelace/ });
    await row.getByText(`About: ${mug.title}`).waitFor();
    await row.getByText('1 unread').waitFor({ state: 'attached' });
    // Keyboard only from here on the seller's side.
    await row.focus();
    await s.page.keyboard.press('Enter');
    await s.page.waitForURL(/\/dashboard\/messages\/\d+$/);
    // Opening the thread reads it: the header count goes away.
    await s.page.getByRole('link', { name: 'Messages', exact: true }).first().waitFor();
    const composer = s.page.getByLabel('Write a message');
    // The composer writes in the page's font, not the browser's monospace default for textareas.
    const fonts = await composer.evaluate((el) => [
      getComputedStyle(el).fontFamily,
      getComputedStyle(document.body).fontFamily,
    ]);
    expect(fonts[0]).toBe(fonts[1]);
    // The keyboard shortcut is offered where there is a keyboard, not on a touch phone.
    expect(await s.page.getByText('Ctrl+Enter sends').isVisible()).toBe(project === 'desktop');
    await composer.focus();
    await s.page.keyboard.type('Yes! Indigo or sky blue.');
    await s.page.keyboard.press('Control+Enter');

    // Buyer never reloaded: the reply arrives live, and their header counts it until it is read.
    await log.getByText('Yes! Indigo or sky blue.').waitFor();
    await b.page.getByRole('link', { name: 'Messages', exact: true }).waitFor();
    expect(await b.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await b.page.locator('.thread-messages img').count()).toBe(0);

    // The buyer's inbox shows the conversation, read, with the reply as its last message.
    await b.page.goto('/messages');
    const buyerRow = b.page.getByRole('link', { name: new RegExp(seller.shop.name) });
    await buyerRow.getByText('Yes! Indigo or sky blue.').waitFor();

    for (const page of [b.page, s.page]) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await s.page.goto(s.page.url());
    await s.page.getByText('Yes! Indigo or sky blue.').waitFor();
    await screenshot(s.page, `messages-thread-seller-${project}`);
    await screenshot(b.page, `messages-inbox-buyer-${project}`);
    expect(await seriousA11yViolations(s.page)).toEqual([]);
    expect(b.errors).toEqual([]);
    expect(s.errors).toEqual([]);
    await Promise.all([b.context.close(), s.context.close()]);
  });
}

test('a guest asking a question is sent to sign in and comes back to the listing', async () => {
  const seller = await createSeller();
  const mug = await createProduct(seller);
  const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl);
  await page.goto(`/product/${mug.id}`);
  await page.getByRole('button', { name: 'Ask a question' }).click();
  await page.waitForURL(new RegExp(`/signin\\?next=%2Flisting%2F${mug.id}%2F`));
  await context.close();
});

for (const project of projectNames) {
  test(`${project}: Block asks first (Escape or Cancel change nothing), then the way back is right where the composer was`, async () => {
    const seller = await createSeller();
    const buyer = await createUser(undefined, 'Ada Lovelace');
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId!, text: 'Hello?' });
    const s = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await s.page.goto(`/dashboard/messages/${conversationId}`);
    const blockedOnServer = async () =>
      (await seller.caller.messages.thread({ conversationId })).conversation.blockedByMe;

    // Keyboard: Block opens the question with the safe choice focused; Escape cancels.
    const blockButton = s.page.getByRole('button', { name: 'Block', exact: true });
    await blockButton.focus();
    await s.page.keyboard.press('Enter');
    const dialog = s.page.getByRole('dialog', { name: 'Block Ada Lovelace?', exact: true });
    await dialog.getByText('They will not be able to message you').waitFor();
    await waitForFocus(dialog.getByRole('button', { name: 'Cancel', exact: true }));
    await screenshot(s.page, `messages-block-confirm-${project}`);
    expect(await seriousA11yViolations(s.page)).toEqual([]);
    await s.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await waitForFocus(blockButton);
    expect(await blockedOnServer()).toBe(false);
    await s.page.getByLabel('Write a message').waitFor();

    // Cancel changes nothing either; then Tab to Block and press Enter: blocked.
    await blockButton.click();
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await blockedOnServer()).toBe(false);
    await blockButton.focus();
    await s.page.keyboard.press('Enter');
    await dialog.waitFor();
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Enter');
    const notice = s.page.getByRole('status').filter({ hasText: 'You blocked Ada Lovelace.' });
    await notice.waitFor();
    await dialog.waitFor({ state: 'hidden' });
    expect(await blockedOnServer()).toBe(true);
    expect(await s.page.getByLabel('Write a message').count()).toBe(0);
    // Focus is not lost: it is on the header's button, which now unblocks.
    await waitForFocus(s.page.getByRole('button', { name: 'Unblock', exact: true }));
    // The notice says so, and nothing lies over either Unblock (a toast covered the notice's on a
    // phone: the walk of stop 27). A toast would be in the page by now: it is set with the focus.
    expect(await s.page.locator('[data-sonner-toast]').count()).toBe(0);
    for (const button of await s.page.getByRole('button', { name: /^Unblock\b/ }).all()) {
      const onTop = await button.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return hit !== null && el.contains(hit);
      });
      expect({ button: await button.textContent(), onTop }).toEqual({
        button: await button.textContent(),
        onTop: true,
      });
    }
    const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(s.page, `messages-blocked-${project}`);
    expect(await seriousA11yViolations(s.page)).toEqual([]);

    // Back in the inbox the row says so in words (a screen reader hears it in the link's name).
    await s.page.getByRole('link', { name: '← All messages', exact: true }).click();
    await s.page.waitForURL(/\/dashboard\/messages$/);
    const row = s.page.getByRole('link', { name: /Ada Lovelace/ });
    await s.page.getByRole('link', { name: /^Ada Lovelace Blocked by you\b/ }).waitFor();
    const label = row.locator('.conversation-blocked');
    expect(await label.isVisible()).toBe(true);
    expect(await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
      0,
    );
    await screenshot(s.page, `messages-inbox-blocked-${project}`);
    expect(await seriousA11yViolations(s.page)).toEqual([]);
    await row.click();
    await s.page.waitForURL(new RegExp(`/dashboard/messages/${conversationId}$`));

    // Unblock from where the composer was: messages can be written again.
    await notice.getByRole('button', { name: 'Unblock Ada Lovelace', exact: true }).focus();
    await s.page.keyboard.press('Enter');
    await s.page.getByLabel('Write a message').waitFor();
    // The button went away with the notice: focus is in the composer that took its place, not on the page.
    await waitUntil(() => s.page.getByLabel('Write a message').evaluate((t) => t === document.activeElement));
    expect(await blockedOnServer()).toBe(false);
    await s.page.getByRole('button', { name: 'Block', exact: true }).waitFor();
    // …and the inbox row no longer says Blocked.
    await s.page.getByRole('link', { name: '← All messages', exact: true }).click();
    await row.getByText('Hello?').waitFor();
    await label.waitFor({ state: 'detached' });
    expect(s.errors).toEqual([]);
    await s.context.close();
  });
}

for (const project of projectNames) {
  test(`${project}: a long name gives way to the Blocked label in the inbox; Unblock in the header keeps focus`, async () => {
    const seller = await createSeller();
    const buyer = await createUser(undefined, `Bartholomew ${'Fitzwilliam-Montgomery '.repeat(3)}the Third`);
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId!, text: 'Hello?' });
    await seller.caller.messages.block({ conversationId });
    const s = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await s.page.goto('/dashboard/messages');
    const row = s.page.getByRole('link', { name: /^Bartholomew .* Blocked by you\b/ });
    await row.waitFor();
    // The name is cut (ellipsis), not the label: it stays inside the row (a long name once pushed it
    // past the row's edge, out of sight, at both widths).
    const rowBox = (await row.boundingBox())!;
    const labelBox = (await row.locator('.conversation-blocked').boundingBox())!;
    expect(labelBox.x + labelBox.width).toBeLessThanOrEqual(rowBox.x + rowBox.width);
    expect(await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
      0,
    );
    await screenshot(s.page, `messages-inbox-blocked-long-name-${project}`);

    // Unblock in the header, from the keyboard: the button becomes Block in place and keeps focus
    // (it was disabled while pending, which dropped focus to the page).
    await row.click();
    const unblock = s.page.getByRole('button', { name: 'Unblock', exact: true });
    await unblock.focus();
    await s.page.keyboard.press('Enter');
    await waitForFocus(s.page.getByRole('button', { name: 'Block', exact: true }));
    expect((await seller.caller.messages.thread({ conversationId })).conversation.blockedByMe).toBe(false);
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  test(`${project}: a blocked row in the inbox offers Unblock beside it`, async () => {
    const seller = await createSeller();
    const buyer = await createUser(undefined, 'Ada Lovelace');
    const other = await createUser(undefined, 'Grace Hopper');
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId!, text: 'Hello?' });
    await other.caller.messages.start({ shopId: seller.shopId!, text: 'Do you ship to Canada?' });
    await seller.caller.messages.block({ conversationId });
    const s = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await s.page.goto('/dashboard/messages');
    const row = s.page.getByRole('link', { name: /^Ada Lovelace Blocked by you\b/ });
    await row.waitFor();
    const unblock = s.page.getByRole('button', { name: 'Unblock Ada Lovelace' });
    // Only the blocked row has one, drawn inside that row's box, with no sideways pan.
    expect(await s.page.getByRole('button', { name: /^Unblock/ }).count()).toBe(1);
    const [rowBox, buttonBox] = [(await row.boundingBox())!, (await unblock.boundingBox())!];
    expect(buttonBox.y).toBeGreaterThanOrEqual(rowBox.y);
    expect(buttonBox.y + buttonBox.height).toBeLessThanOrEqual(rowBox.y + rowBox.height);
    expect(buttonBox.x + buttonBox.width).toBeLessThanOrEqual(rowBox.x + rowBox.width);
    expect(await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
      0,
    );
    // "Blocked" beside a short name does not squeeze it into the two-line clamp ("Ada Lo…").
    expect(await row.locator('.conversation-name').evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);
    await screenshot(s.page, `messages-inbox-unblock-${project}`);

    // By keyboard: the block goes, and focus stays on that row.
    await tabTo(s.page, unblock);
    await s.page.keyboard.press('Enter');
    const unblockedRow = s.page.getByRole('link', { name: /^Ada Lovelace\b/ });
    await waitForFocus(unblockedRow);
    expect(await unblockedRow.textContent()).not.toContain('Blocked');
    expect(await unblock.count()).toBe(0);
    expect((await seller.caller.messages.thread({ conversationId })).conversation.blockedByMe).toBe(false);
    expect(s.errors).toEqual([]);
    await s.context.close();
  });
}

/** Block or Unblock in the conversation's header, by keyboard (Block asks first). */
async function toggleBlockInHeader(page: Page, name: string, action: 'Block' | 'Unblock') {
  await tabTo(page, page.getByRole('button', { name: action, exact: true }));
  await page.keyboard.press('Enter');
  if (action === 'Block') {
    const dialog = page.getByRole('dialog', { name: `Block ${name}?`, exact: true });
    await tabTo(page, dialog.getByRole('button', { name: 'Block', exact: true }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
  }
  await page.getByRole('button', { name: action === 'Block' ? 'Unblock' : 'Block', exact: true }).waitFor();
}

for (const project of projectNames) {
  test(`${project}: a block arriving while the other side types moves focus to the notice, which says the draft is kept`, async () => {
    const seller = await createSeller();
    const buyer = await createUser(undefined, 'Ada Lovelace');
    const shop = seller.shop.name;
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId!, text: 'Hello?' });
    const s = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await s.page.goto(`/dashboard/messages/${conversationId}`);
    await b.page.goto(`/messages/${conversationId}`);
    const kept = 'Your unsent message is kept and will be here if messaging opens again.';

    // The seller is typing when the buyer blocks the shop.
    const sellerBox = s.page.getByLabel('Write a message');
    await tabTo(s.page, sellerBox);
    await s.page.keyboard.type('Hello there');
    await toggleBlockInHeader(b.page, shop, 'Block');
    const sellerNotice = s.page
      .getByRole('status')
      .filter({ hasText: 'Ada Lovelace is not accepting messages from you.' });
    await sellerNotice.waitFor({ timeout: 10_000 });
    await expectFocusWithRing(s.page, sellerNotice);
    expect(await sellerNotice.textContent()).toBe(`Ada Lovelace is not accepting messages from you. ${kept}`);
    expect(await sellerBox.count()).toBe(0);
    expect(await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
      0,
    );
    await screenshot(s.page, `messages-blocked-while-typing-${project}`);
    // The buyer unblocks: the seller's words are back in the composer.
    await toggleBlockInHeader(b.page, shop, 'Unblock');
    await waitUntil(async () => (await sellerBox.count()) === 1 && (await sellerBox.inputValue()) === 'Hello there', {
      timeoutMs: 10_000,
      what: "the seller's draft back in the composer",
    });

    // The other way: the buyer is on Send with a draft when the shop blocks her.
    const buyerBox = b.page.getByLabel('Write a message');
    await tabTo(b.page, buyerBox);
    await b.page.keyboard.type('Is it still for sale?');
    await tabTo(b.page, b.page.getByRole('button', { name: 'Send', exact: true }));
    await toggleBlockInHeader(s.page, 'Ada Lovelace', 'Block');
    const buyerNotice = b.page.getByRole('status').filter({ hasText: `${shop} is not accepting messages from you.` });
    await buyerNotice.waitFor({ timeout: 10_000 });
    await expectFocusWithRing(b.page, buyerNotice);
    expect(await buyerNotice.textContent()).toBe(`${shop} is not accepting messages from you. ${kept}`);
    await screenshot(b.page, `messages-blocked-while-typing-buyer-${project}`);
    await toggleBlockInHeader(s.page, 'Ada Lovelace', 'Unblock');
    await waitUntil(
      async () => (await buyerBox.count()) === 1 && (await buyerBox.inputValue()) === 'Is it still for sale?',
      { timeoutMs: 10_000, what: "the buyer's draft back in the composer" },
    );
    expect(s.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await Promise.all([s.context.close(), b.context.close()]);
  });
}
