// The one-round-trip commit (place_checkout, decision 0134): it writes only when the lines it
// locks are the lines the app priced, and otherwise changes nothing; the commit step then decides
// under its own lock (PRICE_CHANGED, INSUFFICIENT_INVENTORY, or a commit of what it locked).
import { describe, expect, test } from 'bun:test';
import { sql } from 'kysely';
import { DomainError } from '../../../shared/errors';
import { createProduct, createSeller, createUser, type TestUser } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { findCartLines } from '../cart/cart.repository';
import { placeCheckout } from './checkout.repository';
import { priceCheckout, quoteVersion } from './checkout-pricing';
import { address, cartLinesOf, ordersOf, stockOf } from './checkout-test-kit';
import { commitOrders } from './steps/commit-orders.step';

async function buyerWith(productIds: number[]): Promise<TestUser> {
  const buyer = await createUser();
  for (const productId of productIds) await buyer.caller.cart.addItem({ productId, quantity: 1 });
  return buyer;
}

/** The DomainError a service-level call fails with (rejection() reads tRPC errors). */
async function domainRejection(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => new Error('expected the call to fail, it succeeded'),
    (e: unknown) => e,
  );
  if (err instanceof DomainError) return err;
  throw err;
}

async function paymentsOf(buyerId: number) {
  return testDeps()
    .db.selectFrom('payments')
    .select(['amount_cents', 'status'])
    .where('buyer_id', '=', buyerId)
    .execute();
}

/** A write of the buyer's cart as read now: one order per shop (items and totals are not checked by the function). */
async function writeOf(buyer: TestUser) {
  const snapshot = await findCartLines(testDeps().db, { userId: buyer.id });
  const orders = priceCheckout(snapshot, 0).shops.map((s) => ({
    shopId: s.shopId,
    ownerId: s.ownerId,
    subtotalCents: s.subtotalCents,
    shippingCents: s.shippingCents,
    taxCents: s.taxCents,
    totalCents: s.totalCents,
    itemCount: s.itemCount,
  }));
  return {
    cart: { userId: buyer.id },
    snapshot,
    buyerId: buyer.id,
    buyerName: 'Test Buyer',
    provider: 'test',
    providerRef: `pi_place_${crypto.randomUUID()}`,
    amountCents: 1,
    paymentStatus: 'captured' as const,
    address: address(),
    orders,
    items: [],
    idempotencyKey: crypto.randomUUID(),
    guest: false,
    response: { orders: [], totalChargedCents: 1 },
  };
}

/** The commit step's input for the buyer's cart as read now, at the quote it prices to. */
async function commitInput(buyer: TestUser) {
  const lines = await findCartLines(testDeps().db, { userId: buyer.id });
  const price = priceCheckout(lines, 0);
  return {
    db: testDeps().db,
    buyer: { id: buyer.id, name: 'Test Buyer' },
    cart: { userId: buyer.id },
    guest: false,
    idempotencyKey: crypto.randomUUID(),
    address: address(),
    taxRateBps: 0,
    confirmed: { version: quoteVersion(price), totalCents: price.totalCents },
    payment: { provider: 'test', ref: `pi_place_${crypto.randomUUID()}`, status: 'captured' as const },
    lines,
  };
}

describe('place_checkout', () => {
  test('a snapshot that no longer matches under the lock writes nothing: price, shipping, stock, a line added', async () => {
    const seller = await createSeller();
    const mug = await createProduct(seller, { priceCents: 2400, quantity: 5 });
    const cup = await createProduct(seller, { priceCents: 900, quantity: 5 });
    const buyer = await buyerWith([mug.id]);
    const changes = [
      () => sql`update products set price_cents = 2500 where id = ${mug.id}`.execute(testDeps().db),
      () =>
        sql`update shops set flat_rate_cents = flat_rate_cents + 100 where id = ${seller.shopId}`.execute(
          testDeps().db,
        ),
      () => sql`update cart_items set quantity = 2, held = 1 where product_id = ${mug.id}`.execute(testDeps().db),
      () => buyer.caller.cart.addItem({ productId: cup.id, quantity: 1 }),
    ];
    for (const change of changes) {
      const stale = await writeOf(buyer);
      await change();
      const stockBefore = await stockOf(mug.id);
      const linesBefore = await cartLinesOf(buyer.id);
      expect(await placeCheckout(testDeps().db, stale)).toEqual({ outcome: 'changed' });
      expect(await paymentsOf(buyer.id)).toEqual([]);
      expect(await ordersOf(buyer.id)).toEqual([]);
      expect(await stockOf(mug.id)).toEqual(stockBefore);
      expect(await cartLinesOf(buyer.id)).toEqual(linesBefore);
    }
    // Stock another buyer took meanwhile: the line wants more than is free.
    await sql`update products set quantity = reserved where id = ${mug.id}`.execute(testDeps().db);
    await sql`update cart_items set held = 0 where product_id = ${mug.id}`.execute(testDeps().db);
    expect(await placeCheckout(testDeps().db, await writeOf(buyer))).toEqual({ outcome: 'changed' });
    expect(await paymentsOf(buyer.id)).toEqual([]);
  });

  test('a matching snapshot commits; no cart or an empty one is "empty"', async () => {
    const seller = await createSeller();
    const mug = await createProduct(seller, { priceCents: 2400, quantity: 5 });
    const buyer = await buyerWith([mug.id]);
    const placed = await placeCheckout(testDeps().db, await writeOf(buyer));
    expect(placed.outcome).toBe('ok');
    expect(await paymentsOf(buyer.id)).toEqual([{ amount_cents: 1, status: 'captured' }]);
    expect(await cartLinesOf(buyer.id)).toEqual([]);
    expect(await stockOf(mug.id)).toMatchObject({ quantity: 4, reserved: 0, sales_count: 1 });
    expect(await placeCheckout(testDeps().db, await writeOf(buyer))).toEqual({ outcome: 'empty' });
    const stranger = await createUser();
    expect(await placeCheckout(testDeps().db, await writeOf(stranger))).toEqual({ outcome: 'empty' });
  });
});

describe('the commit step when the cart changed after it was read', () => {
  test('a price raised after the read: PRICE_CHANGED under the lock, nothing written', async () => {
    const seller = await createSeller();
    const mug = await createProduct(seller, { priceCents: 2400, quantity: 5 });
    const buyer = await buyerWith([mug.id]);
    const input = await commitInput(buyer);
    await seller.caller.catalog.updateProduct({ productId: mug.id, priceCents: 2600 });
    expect((await domainRejection(commitOrders.invoke(input))).code).toBe('PRICE_CHANGED');
    expect(await paymentsOf(buyer.id)).toEqual([]);
    expect(await cartLinesOf(buyer.id)).toHaveLength(1);
  });

  test('stock gone after the read: INSUFFICIENT_INVENTORY under the lock, nothing written', async () => {
    const seller = await createSeller();
    const mug = await createProduct(seller, { priceCents: 2400, quantity: 5 });
    const buyer = await buyerWith([mug.id]);
    const input = await commitInput(buyer);
    await sql`update cart_items set held = 0 where product_id = ${mug.id}`.execute(testDeps().db);
    await sql`update products set quantity = 0, reserved = 0 where id = ${mug.id}`.execute(testDeps().db);
    expect((await domainRejection(commitOrders.invoke(input))).code).toBe('INSUFFICIENT_INVENTORY');
    expect(await paymentsOf(buyer.id)).toEqual([]);
  });

  test('a change that does not touch the charge (a new title): committed as locked, at the confirmed price', async () => {
    const seller = await createSeller();
    const mug = await createProduct(seller, { priceCents: 2400, quantity: 5 });
    const buyer = await buyerWith([mug.id]);
    const input = await commitInput(buyer);
    await seller.caller.catalog.updateProduct({ productId: mug.id, title: 'Renamed mug' });
    const committed = (await commitOrders.invoke(input)).output;
    expect(committed.result.totalChargedCents).toBe(input.confirmed.totalCents);
    const items = await testDeps()
      .db.selectFrom('order_items')
      .select(['title', 'price_cents'])
      .where('order_id', '=', committed.result.orders[0]!.orderId)
      .execute();
    expect(items).toEqual([{ title: 'Renamed mug', price_cents: 2400 }]);
    expect(await cartLinesOf(buyer.id)).toEqual([]);
  });
});
