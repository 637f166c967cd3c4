import { describe, expect, test } from 'bun:test';
import { deliveryWindow, dispatchWindow } from '../../../shared/dispatch';
import { createProduct, createSeller, createUser } from '../../test/factories';
import { deliverMail, drainMailBeforeAll, inbox } from '../../test/mail';
import { testDeps } from '../../test/test-services';
import { quoteAndPlace } from '../checkout/checkout-test-kit';

drainMailBeforeAll();

describe('order estimate (issue 16 item 5, decision 0120)', () => {
  test('the order keeps the processing time it was sold with: page and confirmation mail agree, later edits do not move it', async () => {
    const seller = await createSeller(testDeps(), { flatRateCents: 500, freeOverCents: null, processingDays: 2 });
    const quilt = await createProduct(seller, {
      title: 'Patchwork quilt',
      quantity: 0,
      madeToOrder: true,
      processing: { minDays: 10, maxDays: 15 },
    });
    const mug = await createProduct(seller, { title: 'Plain mug', quantity: 4 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: quilt.id, quantity: 1 });
    await buyer.caller.cart.addItem({ productId: mug.id, quantity: 1 });
    const placed = await quoteAndPlace(buyer);
    const orderId = placed.orders[0]!.orderId;

    const order = await buyer.caller.orders.byId({ orderId });
    // The slowest line (the quilt) decides when the parcel leaves.
    expect(order.processing).toEqual({ minDays: 10, maxDays: 15 });
    const placedAt = new Date(order.createdAt);

    await deliverMail();
    const [mail] = inbox(buyer.email);
    expect(mail!.text).toContain(`Estimated dispatch ${dispatchWindow({ minDays: 10, maxDays: 15 }, placedAt)}`);
    expect(mail!.text).toContain(`estimated delivery ${deliveryWindow({ minDays: 10, maxDays: 15 }, placedAt)}`);
    // The seller's new-order mail has no buyer-facing estimate.
    expect(inbox(seller.email)[0]!.text).not.toContain('Estimated dispatch');

    // The seller changes the listing and the shop default afterwards: the order says what it said.
    await seller.caller.catalog.updateProduct({ productId: quilt.id, processing: null });
    await seller.caller.shops.update({
      shopId: seller.shopId,
      shippingPolicy: { flatRateCents: 500, freeOverCents: null, processingDays: 1 },
    });
    expect((await buyer.caller.orders.byId({ orderId })).processing).toEqual({ minDays: 10, maxDays: 15 });
    expect((await seller.caller.orders.forSeller({ orderId })).processing).toEqual({ minDays: 10, maxDays: 15 });
  });
});
