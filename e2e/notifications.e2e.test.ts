// A seller watching their dashboard sees the header bell count rise the moment a buyer orders
// (the order is placed by another process, the test's own app instance: the news crosses Redis
// pub/sub to the served instance and its SSE stream), opens the list with the keyboard, reads the
// order line, marks everything read, and a click on a new notification opens that order and
// clears it. Checked on a laptop and a phone: no sideways scroll, no serious axe findings.
import { expect, test } from 'bun:test';
import { quoteAndPlace } from '../src/server/modules/checkout/checkout-test-kit';
import { unsubscribeToken } from '../src/server/modules/notifications/unsubscribe-token';
import { testDeps } from '../src/server/test/test-services';
import { waitUntil } from '../src/server/test/wait-until';
import { seriousA11yViolations } from './axe';
import { createProduct, createSeller, createUser, signedInPage, token } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: the seller's bell counts new orders live, lists them and marks them read`, async () => {
    const seller = await createSeller();
    const mug = await createProduct(seller, { title: `Speckled mug ${token()}`, priceCents: 2800, quantity: 10 });
    const buyer = await createUser(undefined, 'Ada Lovelace');
    const s = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await s.page.goto('/dashboard');
    const bell = s.page.getByRole('button', { name: 'Notifications', exact: true });
    await bell.waitFor();

    // Empty list first.
    await bell.click();
    const panel = s.page.getByRole('region', { name: 'Notifications', exact: true });
    await panel.getByText('No notifications yet').waitFor();
    await s.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    const order = async () => {
      await buyer.caller.cart.addItem({ productId: mug.id, quantity: 1 });
      return (await quoteAndPlace(buyer)).orders[0]!.orderId;
    };
    const ordersKpi = s.page.locator('.kpi').filter({ has: s.page.getByText('Orders', { exact: true }) });
    await ordersKpi.locator('.value').getByText('0', { exact: true }).waitFor();
    const first = await order();
    await s.page.getByRole('button', { name: 'Notifications, 1 unread', exact: true }).waitFor();
    // The news also refreshes the open dashboard: its order count is not left at 0.
    await ordersKpi.locator('.value').getByText('1', { exact: true }).waitFor({ timeout: 10_000 });
    const second = await order();
    const bell2 = s.page.getByRole('button', { name: 'Notifications, 2 unread', exact: true });
    await bell2.waitFor();

    // Keyboard: focus the bell, open it, read the newest first.
    await bell2.focus();
    await s.page.keyboard.press('Enter');
    const items = panel.getByRole('listitem');
    await items.first().waitFor();
    expect(await items.count()).toBe(2);
    await expect(items.first().textContent()).resolves.toMatch(
      new RegExp(`^Unread: New order #${second} from Ada Lovelace: 1 item, \\$\\d+\\.\\d\\d`),
    );
    await expect(items.nth(1).textContent()).resolves.toContain(`Unread: New order #${first}`);
    const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(s.page, `notifications-panel-${project}`);
    expect(await seriousA11yViolations(s.page)).toEqual([]);

    await panel.getByRole('button', { name: 'Mark all read' }).click();
    await s.page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    // Nothing left unread: nothing to mark (e2e/notifications-mark-all).
    await panel.getByRole('button', { name: 'Mark all read' }).waitFor({ state: 'detached' });
    expect(await panel.getByText('Unread:').count()).toBe(0);

    // A third order while the panel is open: it appears at the top; opening it goes to the order.
    const third = await order();
    await s.page.getByRole('button', { name: 'Notifications, 1 unread', exact: true }).waitFor();
    const newest = panel.getByRole('link', { name: new RegExp(`New order #${third}`) });
    await newest.click();
    await s.page.waitForURL(new RegExp(`/dashboard/orders/${third}$`));
    await s.page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    expect(s.errors).toEqual([]);
    await s.context.close();
  });
}

test('account page: a buyer turns shipping emails off and the choice stays', async () => {
  const buyer = await createUser(undefined, 'Grace Hopper');
  const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, 'phone');
  // From the bell's panel: "Email settings" lands on the section, scrolled into view.
  await b.page.goto('/');
  await b.page.getByRole('button', { name: 'Notifications', exact: true }).click();
  await b.page.getByRole('link', { name: 'Email settings' }).click();
  await b.page.waitForURL(/\/account#email-choices$/);
  const section = b.page.getByRole('region', { name: 'Email notifications' });
  await section.waitFor();
  await waitUntil(async () => {
    const box = await section.boundingBox();
    return !!box && box.y >= 0 && box.y < 844;
  });
  const shipped = section.getByRole('checkbox', { name: 'My order has shipped' });
  await shipped.waitFor();
  expect(await shipped.isChecked()).toBe(true);
  // Sellers' choices are not offered to someone without a shop.
  expect(await section.getByRole('checkbox', { name: 'New orders in my shop' }).count()).toBe(0);
  await shipped.focus();
  await b.page.keyboard.press('Space');
  await b.page.getByText('No more emails for “My order has shipped”.').waitFor();
  await b.page.reload();
  await section.getByRole('checkbox', { name: 'My order has shipped' }).waitFor();
  expect(await section.getByRole('checkbox', { name: 'My order has shipped' }).isChecked()).toBe(false);
  await screenshot(b.page, 'notifications-email-choices-phone');
  expect(b.errors).toEqual([]);
  await b.context.close();
});

test('an unsubscribe link asks first, then turns that email off; a forged one explains itself', async () => {
  const buyer = await createUser(undefined, 'Edsger Buyer');
  const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, 'phone');
  await b.page.goto(
    `/unsubscribe?token=${encodeURIComponent(unsubscribeToken(testDeps(), buyer.id, 'order.delivered'))}`,
  );
  await b.page.getByRole('heading', { name: 'Stop these emails?' }).waitFor();
  // Opening the page changed nothing.
  const delivered = async () =>
    (await buyer.caller.notifications.emailPreferences()).find((p) => p.event === 'order.delivered')?.email;
  expect(await delivered()).toBe(true);
  await b.page.getByRole('button', { name: 'Unsubscribe', exact: true }).click();
  await b.page.getByRole('heading', { name: 'You are unsubscribed' }).waitFor();
  await b.page.getByText('We will no longer email you about “My order was delivered”.').waitFor();
  expect(await delivered()).toBe(false);
  await screenshot(b.page, 'notifications-unsubscribed-phone');

  await b.page.goto(`/unsubscribe?token=${buyer.id}.order.delivered.${'A'.repeat(43)}`);
  await b.page.getByRole('button', { name: 'Unsubscribe', exact: true }).click();
  await b.page.getByRole('heading', { name: 'We could not use this link' }).waitFor();
  await b.page.getByText('This unsubscribe link is not valid.', { exact: false }).waitFor();
  expect(b.errors).toEqual([]);
  await b.context.close();
});
