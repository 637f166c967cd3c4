import { describe, expect, test } from 'bun:test';
import { deliveryWindow, dispatchBy, dispatchWindow } from '../../../shared/dispatch';
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
    // The seller's new-order mail states the date the buyer was promised dispatch by, not the
    // buyer's windows.
    const sellerMail = inbox(seller.email)[0]!;
    expect(sellerMail.text).toContain(`Dispatch by ${dispatchBy({ minDays: 10, maxDays: 15 }, placedAt)}`);
    expect(sellerMail.html).toContain(`Dispatch by ${dispatchBy({ minDays: 10, maxDays: 15 }, placedAt)}`);
    expect(sellerMail.text).not.toContain('Estimated dispatch');

    // The seller changes the listing and the shop default afterwards: the order says what it said.
    await seller.caller.catalog.updateProduct({ productId: quilt.id, processing: null });
    await seller.caller.shops.update({
      shopId: seller.shopId,
      shippingPolicy: { flatRateCents: 500, freeOverCents: null, processingDays: 1 },
    });
    expect((await buyer.caller.orders.byId({ orderId })).processing).toEqual({ minDays: 10, maxDays: 15 });
    expect((await seller.caller.orders.forSeller({ orderId })).processing).toEqual({ minDays: 10, maxDays: 15 });
  });

  test('an order placed before lines kept their processing time says the estimate was not recorded (decision 0146)', async () => {
    const seller = await createSeller(testDeps(), { flatRateCents: 500, freeOverCents: null, processingDays: 2 });
    const mug = await createProduct(seller, { title: 'Old mug', quantity: 4 });
    const jug = await createProduct(seller, { title: 'Old jug', quantity: 4 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: mug.id, quantity: 1 });
    await buyer.caller.cart.addItem({ productId: jug.id, quantity: 1 });
    const orderId = (await quoteAndPlace(buyer)).orders[0]!.orderId;
    // As rows written before migration 20261203200000 are (one line is enough: the other alone
    // would promise too early).
    await testDeps()
      .db.updateTable('order_items')
      .set({ processing_days_min: null, processing_days_max: null })
      .where('order_id', '=', orderId)
      .where('product_id', '=', jug.id)
      .execute();

    expect((await buyer.caller.orders.byId({ orderId })).processing).toBeNull();
    expect((await seller.caller.orders.forSeller({ orderId })).processing).toBeNull();
    expect((await buyer.caller.orders.list({})).items.find((o) => o.orderId === orderId)!.processing).toBeNull();

    await deliverMail();
    const [confirmation] = inbox(buyer.email);
    expect(confirmation!.text).toContain(
      'Delivery estimate not recorded: this order was placed before Hearth kept processing times.',
    );
    expect(confirmation!.text).not.toContain('Estimated dispatch');
    const sellerMail = inbox(seller.email)[0]!;
    expect(sellerMail.text).toContain(
      'Dispatch-by date not recorded: this order was placed before Hearth kept processing times.',
    );
    expect(sellerMail.text).not.toMatch(/Dispatch by \w/);
  });
});
