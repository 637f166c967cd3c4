// Found by a walk at 1366×900 and 390×844, keyboard only: the seller's Mark shipped form started on
// "USPS" for a parcel to the United Kingdom. It now starts on the destination's national post where
// the list has it (Royal Mail for GB, USPS for the US) and on "Choose a carrier" elsewhere, where
// Mark shipped without one says so in words and puts focus on the Carrier list (decision 0190).
import { expect, test } from 'bun:test';
import { address, quoteAndPlace } from '../src/server/modules/checkout/checkout-test-kit';
import type { ShippingAddressInput } from '../src/shared/schemas/checkout';
import { createProduct, createSeller, createUser, signedInPage, tabTo, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

const leeds = address({ city: 'Leeds', region: 'West Yorkshire', postalCode: 'LS1 4AP', country: 'GB' });
const lyon = address({ city: 'Lyon', region: 'Rhône', postalCode: '69001', country: 'FR' });

for (const project of projectNames) {
  test(`${project}: Mark shipped starts on the destination's carrier, or asks for one`, async () => {
    const seller = await createSeller();
    const mug = await createProduct(seller, { title: `Mug ${token()}`, priceCents: 2200, quantity: 10 });
    const orderTo = async (shippingAddress: ShippingAddressInput) => {
      const buyer = await createUser();
      await buyer.caller.cart.addItem({ productId: mug.id, quantity: 1 });
      const orderId = (await quoteAndPlace(buyer, { shippingAddress })).orders[0]!.orderId;
      await seller.caller.orders.updateStatus({ orderId, status: 'processing' });
      return orderId;
    };
    const [toLeeds, toLyon, toAlbany] = [await orderTo(leeds), await orderTo(lyon), await orderTo(address())];
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const carrier = page.getByRole('combobox', { name: 'Carrier' });
    const open = async (orderId: number) => {
      await page.goto(`/dashboard/orders/${orderId}`);
      await page.getByRole('button', { name: 'Mark shipped' }).waitFor();
    };

    await open(toLeeds);
    expect(await carrier.inputValue()).toBe('Royal Mail');
    await open(toAlbany);
    expect(await carrier.inputValue()).toBe('USPS');

    // No national post in the list for France: nothing chosen, and Mark shipped asks for one.
    await open(toLyon);
    expect(await carrier.inputValue()).toBe('');
    expect(await carrier.locator('option:checked').textContent()).toBe('Choose a carrier');
    await tabTo(page, page.getByLabel('Tracking number'));
    await page.keyboard.type('RR123456789FR');
    await tabTo(page, page.getByRole('button', { name: 'Mark shipped' }), 5);
    await page.keyboard.press('Enter');
    await page.getByText('Choose the carrier.').waitFor();
    await waitForFocus(carrier);
    expect(await carrier.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, `ship-carrier-choose-${project}`);
    // Type-ahead on the focused list picks DHL; then Mark shipped ships it.
    await page.keyboard.type('DHL');
    expect(await carrier.inputValue()).toBe('DHL');
    await tabTo(page, page.getByRole('button', { name: 'Mark shipped' }), 5);
    await page.keyboard.press('Enter');
    await page.locator('.badge.status-shipped').first().waitFor();
    expect(await page.getByText('Choose the carrier.').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
}
