// A guest's order page (the link in the confirmation mail) after the seller cancels: the timeline
// shows the refund after the cancellation and the totals a Refunded line, as the signed-in buyer's
// order page does (4f0570b). Read only, no pointer needed; at laptop and phone size.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, guestCheckout, mailedLink, token } from './fixtures';
import { newPage, projectNames, projects, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: a guest's cancelled order shows its refund in the timeline and the totals`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { title: `Refund jug ${token()}`, priceCents: 2500 });
    const email = `${token()}@example.test`;
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await guestCheckout(page, product.id, email);
    await page.goto(await mailedLink(e2e.app.baseUrl, email, '/orders/guest?token='));
    const heading = page.getByRole('heading', { name: /^Order #\d+/ });
    const orderId = Number((await heading.textContent())?.match(/#(\d+)/)?.[1]);
    const order = await seller.caller.orders.forSeller({ orderId });
    await seller.caller.orders.updateStatus({ orderId, status: 'cancelled', note: 'Out of glaze' });
    const total = `$${(order.totalCents / 100).toFixed(2)}`;

    await page.reload();
    const timeline = page.getByRole('list', { name: 'Status history' });
    await timeline.getByText('Cancelled').first().waitFor();
    const entries = (await timeline.locator(':scope > li > strong').allTextContents()).map((t) => t.trim());
    expect(entries).toEqual(['Paid', 'Cancelled', `Refunded ${total}`]);
    const refundRow = page.locator('.refund-row');
    expect(await refundRow.locator('span').allTextContents()).toEqual(['Refunded', total]);
    await refundRow.scrollIntoViewIfNeeded();
    await screenshot(page, `guest-order-refund-${project}`);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(projects[project].viewport.width);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
}
