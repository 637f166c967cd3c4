import { describe, expect, test } from 'bun:test';
import { domainOf, rejection } from '../../test/expect-error';
import { createProduct, createSeller, createUser } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { address, quoteAndPlace, stockOf } from '../checkout/checkout-test-kit';
import { TestPaymentProvider } from '../payments/test-payment-provider';
import { createOrderFixture } from '../reviews/test-orders';

async function buyOne(quantity = 1) {
  const seller = await createSeller();
  const product = await createProduct(seller, { quantity: 5, priceCents: 4000 });
  const buyer = await createUser();
  await buyer.caller.cart.addItem({ productId: product.id, quantity });
  const placed = await quoteAndPlace(buyer);
  return { seller, product, buyer, orderId: placed.orders[0].orderId, placed };
}

describe('orders', () => {
  test('buyer sees history and detail; seller moves it processing -> shipped -> delivered with a timeline', async () => {
    const { seller, product, buyer, orderId } = await buyOne(2);
    const mine = await buyer.caller.orders.list({});
    expect(mine.items[0]).toMatchObject({ orderId, status: 'paid', itemCount: 2 });
    expect(mine.items[0].items[0]).toMatchObject({ productId: product.id, priceCents: 4000, quantity: 2 });

    expect(mine.items[0].nextStatuses).toEqual([]);
    const shopOrders = await seller.caller.orders.forShop({ shopId: seller.shopId, status: 'paid' });
    expect(shopOrders.items.map((o) => o.orderId)).toContain(orderId);
    // The dashboard offers exactly the moves the server allows (it keeps no copy of the rules).
    expect(shopOrders.items.find((o) => o.orderId === orderId)?.nextStatuses).toEqual(['processing', 'cancelled']);

    const processing = await seller.caller.orders.updateStatus({ orderId, status: 'processing' });
    expect(processing.nextStatuses).toEqual(['shipped', 'cancelled']);
    const noTracking = await rejection(seller.caller.orders.updateStatus({ orderId, status: 'shipped' }));
    expect(noTracking.code).toBe('BAD_REQUEST');
    await seller.caller.orders.updateStatus({ orderId, status: 'shipped', trackingNumber: '1Z999AA1', carrier: 'UPS' });
    const done = await seller.caller.orders.updateStatus({ orderId, status: 'delivered' });
    expect(done.history.map((h) => h.status)).toEqual(['paid', 'processing', 'shipped', 'delivered']);
    expect(done).toMatchObject({ trackingNumber: '1Z999AA1', carrier: 'UPS', nextStatuses: [] });

    const detail = await buyer.caller.orders.byId({ orderId });
    expect(detail.status).toBe('delivered');
    expect(detail.shippingAddress.country).toBe('US');
    expect(detail.nextStatuses).toEqual([]);
    const notes = await buyer.caller.notifications.list({});
    expect(notes.items.map((n) => n.kind)).toContain('order.shipped');
  });

  test('a past order says how many of each listing could be bought again: none once sold out or archived', async () => {
    const { seller, product, buyer, orderId } = await buyOne(2);
    const line = async () => (await buyer.caller.orders.byId({ orderId })).items[0]!.availableNow;
    expect(await line()).toBe(3);
    // Another shopper holds the rest in a cart: nothing is left to buy again.
    const other = await createUser();
    await other.caller.cart.addItem({ productId: product.id, quantity: 3 });
    expect(await line()).toBe(0);
    await other.caller.cart.removeItem({ productId: product.id });
    expect(await line()).toBe(3);
    await seller.caller.catalog.archiveProduct({ productId: product.id });
    expect(await line()).toBe(0);
  });

  test('illegal transitions are BAD_REQUEST and change nothing', async () => {
    const { seller, orderId } = await buyOne();
    for (const status of ['shipped', 'delivered'] as const) {
      const err = await rejection(
        seller.caller.orders.updateStatus({ orderId, status, trackingNumber: 'TRACK123', carrier: 'DHL' }),
      );
      expect(err.code).toBe('BAD_REQUEST');
      expect(domainOf(err)).toEqual({
        code: 'ILLEGAL_TRANSITION',
        details: { from: 'paid', to: status, allowed: ['processing', 'cancelled'] },
      });
    }
    await seller.caller.orders.updateStatus({ orderId, status: 'processing' });
    await seller.caller.orders.updateStatus({ orderId, status: 'shipped', trackingNumber: 'TRACK123', carrier: 'DHL' });
    const lateCancel = await rejection(seller.caller.orders.updateStatus({ orderId, status: 'cancelled' }));
    expect(lateCancel.code).toBe('BAD_REQUEST');
    const order = await seller.caller.orders.byId({ orderId });
    expect(order.status).toBe('shipped');
    expect(order.history).toHaveLength(3);
  });

  test('cancelling before shipping restocks and refunds through the provider', async () => {
    const { seller, product, orderId, placed } = await buyOne(2);
    expect(await stockOf(product.id)).toMatchObject({ quantity: 3, sales_count: 2 });
    const cancelled = await seller.caller.orders.updateStatus({ orderId, status: 'cancelled', note: 'Out of glaze' });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.payment).toEqual({ status: 'refunded', refundedCents: placed.totalChargedCents });
    expect(await stockOf(product.id)).toMatchObject({ quantity: 5, reserved: 0, sales_count: 0 });
    const payment = await testDeps()
      .db.selectFrom('orders')
      .innerJoin('payments', 'payments.id', 'orders.payment_id')
      .select('payments.provider_ref')
      .where('orders.id', '=', orderId)
      .executeTakeFirstOrThrow();
    const state = await new TestPaymentProvider(testDeps().db).lookup(payment.provider_ref);
    expect(state).toMatchObject({ status: 'refunded', refundedCents: placed.totalChargedCents });
    expect((await rejection(seller.caller.orders.updateStatus({ orderId, status: 'processing' }))).code).toBe(
      'BAD_REQUEST',
    );
  });

  test("other people's orders are NOT_FOUND, whoever asks", async () => {
    const { seller, orderId } = await buyOne();
    const stranger = await createUser();
    const otherSeller = await createSeller();
    expect((await rejection(stranger.caller.orders.byId({ orderId }))).code).toBe('NOT_FOUND');
    expect((await rejection(otherSeller.caller.orders.byId({ orderId }))).code).toBe('NOT_FOUND');
    expect((await rejection(stranger.caller.orders.byId({ orderId: 2_000_000_000 }))).code).toBe('NOT_FOUND');
    const move = await rejection(otherSeller.caller.orders.updateStatus({ orderId, status: 'processing' }));
    expect(move.code).toBe('NOT_FOUND');
    expect((await rejection(otherSeller.caller.orders.forShop({ shopId: seller.shopId }))).code).toBe('FORBIDDEN');
    expect((await stranger.caller.orders.list({})).items).toEqual([]);
    expect((await seller.caller.orders.byId({ orderId })).status).toBe('paid');
  });

  test('order lists read newest first by date for buyer and seller, and the cursor pages on in that order', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { quantity: 30, priceCents: 1000 });
    const buyer = await createUser();
    // Ids are not a clock (imports, seeded history): dates here disagree with id order.
    const days = Array.from({ length: 22 }, (_, i) => (i * 7) % 22); // a permutation of 0..21
    const ids: number[] = [];
    for (const day of days) {
      const [order] = await createOrderFixture(testDeps(), buyer.id, [{ productId: product.id }], {
        status: 'paid',
        createdAt: new Date(Date.UTC(2026, 0, 1 + day)),
      });
      ids.push(order.orderId);
    }
    const expected = ids.map((id, i) => ({ id, day: days[i] })).sort((a, b) => b.day - a.day);
    for (const list of [
      (cursor?: number) => buyer.caller.orders.list({ cursor }),
      (cursor?: number) => seller.caller.orders.forShop({ shopId: seller.shopId, cursor }),
    ]) {
      const first = await list();
      expect(first.items).toHaveLength(20);
      const second = await list(first.nextCursor ?? undefined);
      expect(second.nextCursor).toBeNull();
      expect([...first.items, ...second.items].map((o) => o.orderId)).toEqual(expected.map((o) => o.id));
    }
    // Checkout prefills where the newest order (by date, not id) went.
    await testDeps()
      .db.updateTable('orders')
      .set({ shipping_address: JSON.stringify({ ...address(), name: 'Newest Address' }) })
      .where('id', '=', expected[0].id)
      .execute();
    expect((await buyer.caller.orders.lastShippingAddress())?.name).toBe('Newest Address');
    expect(await (await createUser()).caller.orders.lastShippingAddress()).toBeNull();
  });

  test("the seller's open view lists only orders still to fulfil", async () => {
    const { seller, orderId: stillPaid } = await buyOne();
    const product = await createProduct(seller, { quantity: 5, priceCents: 1500 });
    const buyer = await createUser();
    const placeOne = async () => {
      await buyer.caller.cart.addItem({ productId: product.id, quantity: 1 });
      const placed = await quoteAndPlace(buyer);
      return placed.orders[0].orderId;
    };
    const processing = await placeOne();
    const shipped = await placeOne();
    const cancelled = await placeOne();
    await seller.caller.orders.updateStatus({ orderId: processing, status: 'processing' });
    await seller.caller.orders.updateStatus({ orderId: shipped, status: 'processing' });
    await seller.caller.orders.updateStatus({
      orderId: shipped,
      status: 'shipped',
      trackingNumber: '1Z1',
      carrier: 'UPS',
    });
    await seller.caller.orders.updateStatus({ orderId: cancelled, status: 'cancelled' });
    const open = await seller.caller.orders.forShop({ shopId: seller.shopId, status: 'open' });
    expect(open.items.map((o) => o.orderId).sort()).toEqual([stillPaid, processing].sort());
    const all = await seller.caller.orders.forShop({ shopId: seller.shopId });
    expect(all.items).toHaveLength(4);
  });

  test("the seller's order page is the shop owner's alone: the buyer and strangers get NOT_FOUND", async () => {
    const { seller, buyer, orderId } = await buyOne(2);
    const detail = await seller.caller.orders.forSeller({ orderId });
    expect(detail).toMatchObject({ orderId, buyer: { id: buyer.id }, nextStatuses: ['processing', 'cancelled'] });
    expect(detail.shippingAddress.line1).toBeTruthy();
    expect(detail.items[0].quantity).toBe(2);
    for (const who of [buyer, await createUser(), await createSeller()]) {
      expect((await rejection(who.caller.orders.forSeller({ orderId }))).code).toBe('NOT_FOUND');
    }
  });
});
