// Shop sales counts leave the checkout transaction (issue 13): checkouts and cancellations append
// events, the job folds them in, and the count is exact after the fold, even when many buyers
// check out of one shop at once.
import { describe, expect, test } from 'bun:test';
import { sql } from 'kysely';
import { quoteAndPlace } from '../modules/checkout/checkout-test-kit';
import { createProduct, createSeller, createUser } from '../test/factories';
import { testDeps } from '../test/test-services';
import { waitUntil } from '../test/wait-until';
import { foldAllShopSales, startShopSalesCounter } from './shop-sales-counter';

async function salesCountOf(shopId: number) {
  const row = await testDeps()
    .db.selectFrom('shops')
    .select('sales_count')
    .where('id', '=', shopId)
    .executeTakeFirstOrThrow();
  return row.sales_count;
}

describe('shop sales counter', () => {
  test('30 buyers of one shop at once: every checkout succeeds and the count is exact after the fold', async () => {
    const seller = await createSeller();
    const products = await Promise.all(
      Array.from({ length: 10 }, (_, i) => createProduct(seller, { quantity: 10, priceCents: 1000 + i })),
    );
    const buyers = await Promise.all(Array.from({ length: 30 }, () => createUser()));
    for (const [k, b] of buyers.entries())
      await b.caller.cart.addItem({ productId: products[k % products.length]!.id, quantity: 1 + (k % 2) });
    const results = await Promise.allSettled(buyers.map((b) => quoteAndPlace(b)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const sold = buyers.reduce((n, _, k) => n + 1 + (k % 2), 0);

    // Checkout itself never touched the shop row.
    expect(await salesCountOf(seller.shopId)).toBe(0);
    const counter = startShopSalesCounter(testDeps(), 50);
    try {
      await waitUntil(async () => (await salesCountOf(seller.shopId)) === sold, { what: 'shop sales folded' });
    } finally {
      await counter.stop();
    }
    const left = await sql<{ n: number }>`
      select count(*)::int as n from shop_sales_events where shop_id = ${seller.shopId}`.execute(testDeps().db);
    expect(left.rows[0]!.n).toBe(0);
  });

  test('a cancellation takes its units back off the count; parallel folds never count an event twice', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { quantity: 5 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: product.id, quantity: 3 });
    const placed = await quoteAndPlace(buyer);
    await seller.caller.orders.updateStatus({ orderId: placed.orders[0]!.orderId, status: 'cancelled' });
    // Many more events for the same shop, folded by four concurrent folders.
    await testDeps()
      .db.insertInto('shop_sales_events')
      .values(Array.from({ length: 200 }, () => ({ shop_id: seller.shopId, units: 2 })))
      .execute();
    await Promise.all(Array.from({ length: 4 }, () => foldAllShopSales(testDeps())));
    expect(await salesCountOf(seller.shopId)).toBe(3 - 3 + 400);
  });
});
