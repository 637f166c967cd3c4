// Ctrl+Enter pressed twice quickly in a conversation's message box sends one message, not two:
// one bubble in the thread, one send to the server, and the other side sees 1 unread. Checked
// for the buyer (/messages) and the shop (dashboard), at laptop and phone size, keyboard only.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
import { countCalls, createSeller, createUser, signedInPage, waitForFocus } from './fixtures';
import { projectNames, setupE2E } from './harness';

const e2e = setupE2E();

/** Types `text` in the open thread's box and presses Ctrl+Enter twice in a row; waits for the answer. */
async function doublePress(page: Page, text: string) {
  const sends = countCalls(page, 'messages.send');
  const composer = page.getByLabel('Write a message');
  await composer.focus();
  await page.keyboard.type(text);
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Control+Enter');
  const log = page.getByRole('log', { name: 'Messages' });
  await log.getByText(text).waitFor();
  // Sent and answered: the box is empty again and has focus, Send is back (not "Sending…").
  await waitForFocus(composer);
  await waitUntil(async () => (await composer.inputValue()) === '', { what: 'the emptied message box' });
  await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
  expect(sends()).toBe(1);
  expect(await log.getByText(text).count()).toBe(1);
}

for (const project of projectNames) {
  test(`${project}: Ctrl+Enter twice quickly sends one message, and the other side has 1 unread`, async () => {
    const seller = await createSeller();
    const buyer = await createUser(undefined, 'Grace Hopper');
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId!, text: 'Hello there' });
    await seller.caller.messages.markRead({ conversationId });

    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await b.page.goto(`/messages/${conversationId}`);
    await doublePress(b.page, 'Could it ship by Friday?');
    expect((await seller.caller.messages.unreadCount()).asSeller).toBe(1);
    // Closed, so that the buyer's open thread does not read the shop's reply as it arrives.
    expect(b.errors).toEqual([]);
    await b.context.close();

    const s = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await s.page.goto('/dashboard/messages');
    await s.page
      .getByRole('link', { name: /Grace Hopper/ })
      .getByText('1 unread')
      .waitFor({ state: 'attached' });
    await s.page.goto(`/dashboard/messages/${conversationId}`);
    await doublePress(s.page, 'Yes, it will.');
    expect((await buyer.caller.messages.unreadCount()).asBuyer).toBe(1);

    expect(s.errors).toEqual([]);
    await s.context.close();
  });
}
