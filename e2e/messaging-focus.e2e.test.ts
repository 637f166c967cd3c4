// Keyboard focus in a conversation, for the shop (dashboard inbox) and the buyer (/messages):
// opening a conversation from the inbox puts focus on its heading (the row that had it is gone),
// and sending a reply with Enter on Send puts focus back in the emptied message box, ready for the
// next one, instead of on <body>. Keyboard only, at laptop and phone size.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { createSeller, createUser, signedInPage, tabTo, waitForFocus } from './fixtures';
import { projectNames, setupE2E } from './harness';

const e2e = setupE2E();

/** Tab from wherever focus is until the message box has it (a keyboard user's way there). */
/** Inbox row → Enter → the thread's heading has focus; reply with Tab, Tab, Enter on Send. */
async function openAndReply(page: Page, inbox: string, who: string, reply: string) {
  await page.goto(inbox);
  await page.getByRole('link', { name: new RegExp(who) }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/messages\/\d+$/);
  await waitForFocus(page.getByRole('heading', { level: 1, name: who }));

  const composer = page.getByLabel('Write a message');
  await tabTo(page, composer);
  await page.keyboard.type(reply);
  await page.keyboard.press('Tab'); // Attach photo
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Send');
  await page.keyboard.press('Enter');
  await page.getByRole('log', { name: 'Messages' }).getByText(reply).waitFor();
  await waitForFocus(composer);
  expect(await composer.inputValue()).toBe('');
  // Focus is where the next message goes: typing there sends again.
  await page.keyboard.type(`${reply} (2)`);
  await page.keyboard.press('Control+Enter');
  await page.getByRole('log', { name: 'Messages' }).getByText(`${reply} (2)`).waitFor();
  await waitForFocus(composer);
}

for (const project of projectNames) {
  test(`${project}: opening a conversation focuses its heading; after Send, focus is back in the message box`, async () => {
    const seller = await createSeller();
    const buyer = await createUser(undefined, 'Ada Lovelace');
    await buyer.caller.messages.start({ shopId: seller.shopId!, text: 'Is the blue one still available?' });
    const s = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);

    await openAndReply(s.page, '/dashboard/messages', 'Ada Lovelace', 'Yes, one left.');
    await openAndReply(b.page, '/messages', seller.shop.name, 'Lovely, I will order it.');

    expect(s.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await Promise.all([s.context.close(), b.context.close()]);
  });
}
