// A cancelled order on the seller's order page says what it held ("Items in this order", not
// "Items to send": nothing is to be sent) and its timeline shows the refund after the
// cancellation, as the header's "refunded $…" does. The buyer's timeline shows it too.
// Keyboard only (the page is read, not operated), at laptop and phone size.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, createUser, signedInPage, token } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

const address = {
  name: 'Ada Buyer',
  line1: '5 Clay Lane',
  city: 'Asheville',
  region: 'NC',
  postalCode: '28801',
  country: 'US',
};

for (const project of projectNames) {
  test(`${project}: a cancelled order lists its items as held and its refund in the timeline`, async () => {
    const seller = await createSeller();
    const jar = await createProduct(seller, { title: `Jar ${token()}`, priceCents: 1750, quantity: 4 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: jar.id, quantity: 1 });
    const quote = await buyer.caller.checkout.quote({ shippingAddress: address });
    const placed = await buyer.caller.checkout.place({
      idempotencyKey: crypto.randomUUID(),
      shippingAddress: address,
      quote: { version: quote.version, totalCents: quote.totalCents },
      payment: { token: 'tok_visa' },
    });
    const orderId = placed.orders[0]!.orderId;
    await seller.caller.orders.updateStatus({ orderId, status: 'cancelled', note: 'Out of glaze' });
    const total = `$${(quote.totalCents / 100).toFixed(2)}`;

    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto(`/dashboard/orders/${orderId}`);
    await page.getByRole('heading', { name: `Order #${orderId}` }).waitFor();
    await page.getByRole('heading', { name: 'Items in this order' }).waitFor();
    expect(await page.getByText('Items to send').count()).toBe(0);
    const timeline = page.getByRole('list', { name: 'Status history' });
    await timeline.getByText(`Refunded ${total}`).waitFor();
    const entries = (await timeline.locator(':scope > li > strong').allTextContents()).map((t) => t.trim());
    expect(entries).toEqual(['Paid', 'Cancelled', `Refunded ${total}`]);
    await page.getByRole('list', { name: 'Status history' }).scrollIntoViewIfNeeded();
    await screenshot(page, `cancelled-order-seller-${project}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    // The buyer's own order page tells the same story.
    const mine = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await mine.page.goto(`/orders/${orderId}`);
    await mine.page.getByRole('list', { name: 'Status history' }).getByText(`Refunded ${total}`).waitFor();
    expect(errors).toEqual([]);
    await mine.context.close();
    await context.close();
  });
}
