// Keyboard focus in a conversation, for the shop (dashboard inbox) and the buyer (/messages):
// opening a conversation from the inbox puts focus on its heading (the row that had it is gone),
// and sending a reply with Enter on Send puts focus back in the emptied message box, ready for the
// next one, instead of on <body>. Going back to the inbox after sending (the page's "All messages"
// link, or the browser's Back) puts focus on the row of the conversation just left, not on <body>.
// Keyboard only, at laptop and phone size.
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

for (const project of projectNames) {
  test(`${project}: back from a conversation after sending, focus is on its row in the inbox`, async () => {
    const seller = await createSeller();
    const ada = await createUser(undefined, 'Ada Lovelace');
    const grace = await createUser(undefined, 'Grace Hopper');
    await ada.caller.messages.start({ shopId: seller.shopId!, text: 'Is the blue one still available?' });
    await grace.caller.messages.start({ shopId: seller.shopId!, text: 'Do you ship to Canada?' });
    const s = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const page = s.page;

    // Ada's conversation is the second row (Grace wrote last): send, then the page's "All messages" link.
    await openAndReply(page, '/dashboard/messages', 'Ada Lovelace', 'Yes, one left.');
    const back = page.getByRole('link', { name: '← All messages' });
    while (!(await back.evaluate((el) => el === document.activeElement))) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/dashboard\/messages$/);
    const adaRow = page
      .getByRole('list', { name: 'Conversations with buyers' })
      .getByRole('link', { name: /Ada Lovelace/ });
    await waitForFocus(adaRow);
    // The next Tab goes on down the list from there.
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/messages\/\d+$/);
    await waitForFocus(page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }));
    const composer = page.getByLabel('Write a message');
    await tabTo(page, composer);
    await page.keyboard.type('It ships tomorrow.');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('log', { name: 'Messages' }).getByText('It ships tomorrow.').waitFor();
    await waitForFocus(composer);

    // The browser's Back (Alt+Left) lands on the same row.
    await page.goBack();
    await page.waitForURL(/\/dashboard\/messages$/);
    await waitForFocus(adaRow);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(s.errors).toEqual([]);
    await s.context.close();
  });
}
