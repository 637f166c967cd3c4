// Found by a walk at 1366×900 and 390×844, keyboard only: the notifications panel showed a
// disabled "Mark all read" beside "No notifications yet" (and after everything was read), an action
// that could never be taken. The button now shows only while something is unread; pressing it
// takes it away, and focus moves to the panel's heading instead of falling to <body>. A later walk
// saw the heading row shrink about 12 px as the button went: the row now keeps its height.
import { expect, test } from 'bun:test';
import { quoteAndPlace } from '../src/server/modules/checkout/checkout-test-kit';
import { createProduct, createSeller, createUser, signedInPage, tabTo, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: "Mark all read" shows only with something unread, and focus stays in the panel`, async () => {
    const seller = await createSeller();
    const mug = await createProduct(seller, { title: `Speckled mug ${token()}`, priceCents: 2800, quantity: 10 });
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard');
    const panel = page.getByRole('region', { name: 'Notifications', exact: true });
    const markAll = panel.getByRole('button', { name: 'Mark all read' });

    // Nothing yet: the empty state, and no button to press.
    await tabTo(page, page.getByRole('button', { name: 'Notifications', exact: true }));
    await page.keyboard.press('Enter');
    await panel.getByText('No notifications yet').waitFor();
    expect(await markAll.count()).toBe(0);
    await screenshot(page, `notifications-empty-${project}`);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    // An order arrives: one unread, the button is there.
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: mug.id, quantity: 1 });
    await quoteAndPlace(buyer);
    const bell = page.getByRole('button', { name: 'Notifications, 1 unread', exact: true });
    await bell.waitFor();
    await bell.focus();
    await page.keyboard.press('Enter');
    await tabTo(page, markAll, 10);
    const heading = panel.getByRole('heading', { name: 'Notifications' });
    const headingRow = async () => {
      const [row, title] = await Promise.all([panel.locator('.notif-head').boundingBox(), heading.boundingBox()]);
      return { rowHeight: Math.round(row?.height ?? 0), headingTop: Math.round(title?.y ?? 0) };
    };
    const rowBefore = await headingRow();
    await screenshot(page, `notifications-mark-all-${project}`);
    await page.keyboard.press('Enter');

    // All read: the button goes, focus is on the panel's heading, and the next Tab stays in the panel.
    await waitForFocus(heading);
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    expect(await markAll.count()).toBe(0);
    // The heading row did not shrink or move when its button went (it used to jump about 12 px).
    expect(await headingRow()).toEqual(rowBefore);
    expect(await panel.getByText('Unread:').count()).toBe(0);
    await screenshot(page, `notifications-all-read-${project}`);
    await page.keyboard.press('Tab');
    expect(await panel.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
}
