import { describe, expect, test } from 'bun:test';
import { foldAllShopSales } from '../../jobs/shop-sales-counter';
import { domainOf, rejection } from '../../test/expect-error';
import { createProduct, createSeller, createUser, type TestUser } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { releaseExpiredHolds } from '../inventory/inventory.service';
import type { PaymentProvider } from '../payments/payment-provider';
import { installPaymentProvider, paymentProvider } from '../payments/payments.registry';
import { overrideProvider } from '../payments/provider-double';
import { TestPaymentProvider } from '../payments/test-payment-provider';
import { address, cartLinesOf, expireHolds, ordersOf, placeInput, quoteAndPlace, stockOf } from './checkout-test-kit';

function place(buyer: TestUser, key: string = crypto.randomUUID(), token = 'tok_visa') {
  return quoteAndPlace(buyer, { key, token });
}

async function paymentState(ref: string) {
  // The test provider keeps its state in the shared store, so any instance can read it.
  return new TestPaymentProvider(testDeps().db).lookup(ref);
}

describe('checkout', () => {
  test('one payment, one order per shop with subtotal, shipping and tax that add up to the charge', async () => {
    const a = await createSeller(testDeps(), { flatRateCents: 500, freeOverCents: 5000, processingDays: 2 });
    const b = await createSeller(testDeps(), { flatRateCents: 700, freeOverCents: null, processingDays: 1 });
    const mug = await createProduct(a, { priceCents: 2800, quantity: 5 });
    const print = await createProduct(b, { priceCents: 1999, quantity: 2 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: mug.id, quantity: 2 });
    await buyer.caller.cart.addItem({ productId: print.id, quantity: 1 });

    const quote = await buyer.caller.checkout.quote({ shippingAddress: address() });
    const result = await place(buyer);

    // NY state rate 4%: items taxed, shipping not.
    const shopA = result.orders.find((o) => o.shopId === a.shopId)!;
    const shopB = result.orders.find((o) => o.shopId === b.shopId)!;
    expect(shopA).toMatchObject({
      subtotalCents: 5600,
      shippingCents: 0,
      taxCents: 224,
      totalCents: 5824,
      itemCount: 2,
    });
    expect(shopB).toMatchObject({
      subtotalCents: 1999,
      shippingCents: 700,
      taxCents: 80,
      totalCents: 2779,
      itemCount: 1,
    });
    expect(result.totalChargedCents).toBe(5824 + 2779);
    expect(quote.totalCents).toBe(result.totalChargedCents);
    expect(quote.taxRateBps).toBe(400);

    const orders = await ordersOf(buyer.id);
    expect(orders).toHaveLength(2);
    expect(new Set(orders.map((o) => o.payment_id)).size).toBe(1);
    const payment = await testDeps()
      .db.selectFrom('payments')
      .selectAll()
      .where('id', '=', orders[0].payment_id)
      .executeTakeFirstOrThrow();
    expect(payment).toMatchObject({ amount_cents: result.totalChargedCents, status: 'captured' });
    expect((await paymentState(payment.provider_ref))?.status).toBe('captured');
    expect(await stockOf(mug.id)).toMatchObject({ quantity: 3, reserved: 0, sales_count: 2 });
    expect(await stockOf(print.id)).toMatchObject({ quantity: 1, reserved: 0, sales_count: 1 });
    expect(await cartLinesOf(buyer.id)).toEqual([]);
    const items = await testDeps()
      .db.selectFrom('order_items')
      .select(['product_id', 'price_cents', 'quantity'])
      .where(
        'order_id',
        'in',
        orders.map((o) => o.id),
      )
      .orderBy('product_id')
      .execute();
    expect(items).toEqual([
      { product_id: mug.id, price_cents: 2800, quantity: 2 },
      { product_id: print.id, price_cents: 1999, quantity: 1 },
    ]);
    // Shop sales counts are folded in by a job (no shop row lock in checkout): exact after it runs.
    await foldAllShopSales(testDeps());
    const shop = await a.caller.shops.mine();
    expect(shop?.salesCount).toBe(2);
    const notes = await a.caller.notifications.list({});
    expect(notes.items[0]).toMatchObject({ kind: 'order.placed', payload: { orderId: shopA.orderId } });
  });

  test('tax follows the destination: UK VAT, Canadian province, unknown country pays none', async () => {
    const seller = await createSeller(testDeps(), { flatRateCents: 0, freeOverCents: null, processingDays: 1 });
    const product = await createProduct(seller, { priceCents: 10_000, quantity: 5 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: product.id, quantity: 1 });
    const uk = address({ country: 'gb', region: 'London', postalCode: 'SW1A 1AA', city: 'London' });
    expect((await buyer.caller.checkout.quote({ shippingAddress: uk })).taxCents).toBe(2000);
    const qc = address({ country: 'CA', region: 'qc', postalCode: 'H2X 1Y4', city: 'Montréal' });
    expect((await buyer.caller.checkout.quote({ shippingAddress: qc })).taxCents).toBe(1498);
    const jp = address({ country: 'JP', region: 'Tokyo', postalCode: '100-0001', city: 'Tokyo' });
    expect((await buyer.caller.checkout.quote({ shippingAddress: jp })).taxCents).toBe(0);
  });

  test('50 buyers race for a one-of-a-kind item: exactly one order, everyone else a clear CONFLICT', async () => {
    const seller = await createSeller();
    const vase = await createProduct(seller, { quantity: 1, title: 'One-of-a-kind raku vase' });
    const buyers = await Promise.all(Array.from({ length: 50 }, () => createUser()));
    const adds = await Promise.allSettled(
      buyers.map((b) => b.caller.cart.addItem({ productId: vase.id, quantity: 1 })),
    );
    expect(adds.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of adds) if (r.status === 'rejected') expect(domainOf(r.reason)?.code).toBe('INSUFFICIENT_INVENTORY');

    const checkouts = await Promise.allSettled(buyers.map((b) => place(b)));
    expect(checkouts.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const orders = await testDeps()
      .db.selectFrom('order_items')
      .select('order_id')
      .where('product_id', '=', vase.id)
      .execute();
    expect(orders).toHaveLength(1);
    expect(await stockOf(vase.id)).toMatchObject({ quantity: 0, reserved: 0 });
  });

  test('50 buyers whose holds expired race at checkout: one order, 49 CONFLICTs, 49 authorisations voided', async () => {
    const seller = await createSeller();
    const vase = await createProduct(seller, { quantity: 50 });
    const buyers = await Promise.all(Array.from({ length: 50 }, () => createUser()));
    await Promise.all(buyers.map((b) => b.caller.cart.addItem({ productId: vase.id, quantity: 1 })));
    await expireHolds([vase.id]);
    await releaseExpiredHolds(testDeps());
    await seller.caller.catalog.updateProduct({ productId: vase.id, quantity: 1 });

    const calls: string[] = [];
    const real = paymentProvider(testDeps());
    const recording: PaymentProvider = overrideProvider(real, {
      authorize: async (req) => {
        const r = await real.authorize(req);
        if (r.ok) calls.push(r.ref);
        return r;
      },
    });
    installPaymentProvider(testDeps(), recording);
    try {
      const results = await Promise.allSettled(buyers.map((b) => place(b)));
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const r of results)
        if (r.status === 'rejected') {
          expect(r.reason.code).toBe('CONFLICT');
          expect(domainOf(r.reason)?.code).toBe('INSUFFICIENT_INVENTORY');
          expect(domainOf(r.reason)?.details.unavailableItems).toEqual([
            expect.objectContaining({ productId: vase.id, title: vase.title, requested: 1, available: 0 }),
          ]);
        }
      const states = await Promise.all(calls.map((ref) => paymentState(ref)));
      expect(states.filter((s) => s?.status === 'captured')).toHaveLength(1);
      expect(states.filter((s) => s?.status === 'voided')).toHaveLength(calls.length - 1);
    } finally {
      installPaymentProvider(testDeps(), real);
    }
    expect(await stockOf(vase.id)).toMatchObject({ quantity: 0, reserved: 0 });
  });

  test('random concurrent multi-shop checkouts: no deadlock reaches users and stock is conserved', async () => {
    const sellers = await Promise.all([0, 1, 2].map(() => createSeller()));
    const products = await Promise.all(
      Array.from({ length: 6 }, (_, i) => createProduct(sellers[i % 3], { quantity: 12, priceCents: 1000 + i })),
    );
    const buyers = await Promise.all(Array.from({ length: 24 }, () => createUser()));
    const seed = [...Array(24)].map((_, i) => i);
    await Promise.allSettled(
      buyers.map(async (b, i) => {
        // Each buyer adds 2-4 products in a scrambled order, so lock order only comes from the server.
        const picks = products.filter((_, j) => (seed[i] * 7 + j * 3) % 5 < 3).reverse();
        for (const p of picks) await b.caller.cart.addItem({ productId: p.id, quantity: 1 + ((i + p.id) % 2) });
      }),
    );
    await expireHolds(products.slice(0, 2).map((p) => p.id)); // some holds lapse: checkout must re-acquire
    const results = await Promise.allSettled(buyers.map((b) => place(b)));
    for (const r of results)
      if (r.status === 'rejected') {
        expect(r.reason.code).not.toBe('INTERNAL_SERVER_ERROR');
        expect(['INSUFFICIENT_INVENTORY', 'BAD_REQUEST']).toContain(domainOf(r.reason)?.code ?? 'none');
      }
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThan(0);
    for (const p of products) {
      const stock = await stockOf(p.id);
      const sold = await testDeps()
        .db.selectFrom('order_items')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('quantity'), eb.lit(0)).as('n'))
        .where('product_id', '=', p.id)
        .executeTakeFirstOrThrow();
      const held = await testDeps()
        .db.selectFrom('cart_items')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('held'), eb.lit(0)).as('n'))
        .where('product_id', '=', p.id)
        .executeTakeFirstOrThrow();
      expect(stock.quantity).toBeGreaterThanOrEqual(0);
      expect(stock.quantity + Number(sold.n)).toBe(12);
      expect(stock.reserved).toBe(Number(held.n));
      expect(stock.sales_count).toBe(Number(sold.n));
    }
  });

  test('idempotency: sequential replay, 10 concurrent replays -> one order, key reuse -> error', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { quantity: 10 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: product.id, quantity: 1 });

    const key = crypto.randomUUID();
    const input = await placeInput(buyer, { key });
    const first = await buyer.caller.checkout.place(input);
    const again = await buyer.caller.checkout.place(input); // a retry sends the same request
    expect(again).toEqual(first);
    expect(await ordersOf(buyer.id)).toHaveLength(1);

    const other = await createUser();
    await other.caller.cart.addItem({ productId: product.id, quantity: 2 });
    const key2 = crypto.randomUUID();
    const input2 = await placeInput(other, { key: key2 });
    const parallel = await Promise.allSettled(Array.from({ length: 10 }, () => other.caller.checkout.place(input2)));
    const ok = parallel
      .filter((r) => r.status === 'fulfilled')
      .map((r) => (r as PromiseFulfilledResult<unknown>).value);
    expect(ok).toHaveLength(10);
    for (const v of ok) expect(v).toEqual(ok[0]);
    expect(await ordersOf(other.id)).toHaveLength(1);
    expect(await stockOf(product.id)).toMatchObject({ quantity: 7, reserved: 0 });

    // Same key, different cart -> refused, nothing bought.
    await other.caller.cart.addItem({ productId: product.id, quantity: 1 });
    const reused = await rejection(place(other, key2));
    expect(reused.code).toBe('CONFLICT');
    expect(domainOf(reused)?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await ordersOf(other.id)).toHaveLength(1);
    // Same key, different address -> refused too.
    const moved = await rejection(
      buyer.caller.checkout.place({ ...input, shippingAddress: address({ city: 'Buffalo' }) }),
    );
    expect(domainOf(moved)?.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  test('a declined card leaves stock, holds and cart exactly as before', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { quantity: 4 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: product.id, quantity: 3 });
    const stockBefore = await stockOf(product.id);
    const linesBefore = await cartLinesOf(buyer.id);

    for (const [token, declineCode] of [
      ['tok_chargeDeclined', 'card_declined'],
      ['tok_insufficientFunds', 'insufficient_funds'],
    ]) {
      const err = await rejection(place(buyer, crypto.randomUUID(), token));
      expect(err.code).toBe('PRECONDITION_FAILED');
      expect(domainOf(err)).toMatchObject({ code: 'PAYMENT_FAILED', details: { declineCode } });
    }
    expect(await stockOf(product.id)).toEqual(stockBefore);
    expect(await cartLinesOf(buyer.id)).toEqual(linesBefore);
    expect(await ordersOf(buyer.id)).toEqual([]);
    // The same key may be used again after a failure: nothing happened under it.
    const key = crypto.randomUUID();
    await rejection(place(buyer, key, 'tok_chargeDeclined'));
    const ok = await place(buyer, key, 'tok_visa');
    expect(ok.orders).toHaveLength(1);
  });

  test('a failure after authorisation voids it and changes nothing else', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { quantity: 2 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: product.id, quantity: 1 });
    const real = paymentProvider(testDeps());
    let authorized: string | null = null;
    // The seller archives the listing while the card is being authorised.
    installPaymentProvider(
      testDeps(),
      overrideProvider(real, {
        authorize: async (req) => {
          const r = await real.authorize(req);
          if (r.ok) authorized = r.ref;
          await seller.caller.catalog.archiveProduct({ productId: product.id });
          return r;
        },
      }),
    );
    try {
      const err = await rejection(place(buyer));
      expect(domainOf(err)?.code).toBe('INSUFFICIENT_INVENTORY');
    } finally {
      installPaymentProvider(testDeps(), real);
    }
    expect(authorized).not.toBeNull();
    expect((await paymentState(authorized!))?.status).toBe('voided');
    expect(await stockOf(product.id)).toMatchObject({ quantity: 2, reserved: 1 });
    expect(await cartLinesOf(buyer.id)).toHaveLength(1);
    expect(await ordersOf(buyer.id)).toEqual([]);
    const payments = await testDeps().db.selectFrom('payments').select('id').where('buyer_id', '=', buyer.id).execute();
    expect(payments).toEqual([]);
  });

  test('expired holds are released by the sweeper and re-acquired at checkout when stock allows', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { quantity: 3 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: product.id, quantity: 2 });
    await expireHolds([product.id]);
    await releaseExpiredHolds(testDeps());
    expect((await stockOf(product.id)).reserved).toBe(0);
    expect((await cartLinesOf(buyer.id))[0]).toMatchObject({ quantity: 2, held: 0 });

    const result = await place(buyer);
    expect(result.orders[0].itemCount).toBe(2);
    expect(await stockOf(product.id)).toMatchObject({ quantity: 1, reserved: 0 });
  });

  test('bad input: malformed addresses and keys, empty cart, own listings', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { quantity: 5 });
    const buyer = await createUser();
    const empty = await rejection(place(buyer));
    expect(empty.code).toBe('BAD_REQUEST');
    expect(empty.message).toContain('empty');

    await buyer.caller.cart.addItem({ productId: product.id, quantity: 1 });
    const bad = [
      address({ country: 'XX' }),
      address({ country: 'USA' }),
      address({ region: 'New York' }),
      address({ postalCode: 'ABC' }),
      address({ name: '' }),
      address({ line1: 'x'.repeat(500) }),
    ];
    for (const shippingAddress of bad) {
      const err = await rejection(buyer.caller.checkout.place({ ...(await placeInput(buyer)), shippingAddress }));
      expect(err.code).toBe('BAD_REQUEST');
    }
    for (const idempotencyKey of ['', 'not-a-uuid', '123']) {
      const err = await rejection(buyer.caller.checkout.place({ ...(await placeInput(buyer)), idempotencyKey }));
      expect(err.code).toBe('BAD_REQUEST');
      expect(err.message).toContain('idempotencyKey');
    }
    const missing = await rejection(
      buyer.caller.checkout.place({ ...(await placeInput(buyer)), idempotencyKey: undefined } as unknown as Parameters<
        typeof buyer.caller.checkout.place
      >[0]),
    );
    expect(missing.code).toBe('BAD_REQUEST');
    expect(await ordersOf(buyer.id)).toEqual([]);
    expect(await stockOf(product.id)).toMatchObject({ quantity: 5, reserved: 1 });
  });
});
