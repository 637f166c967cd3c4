import { describe, expect, test } from 'bun:test';
import { TRPCError } from '@trpc/server';
import { anonymousCaller, createProduct, createSeller, createUser } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { createOrderFixture } from '../reviews/test-orders';

async function rejection(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

describe('seller.dashboard', () => {
  test('revenue per day (zero-filled), orders per status, top products and low stock', async () => {
    const deps = testDeps();
    const seller = await createSeller();
    const mug = await createProduct(seller, { priceCents: 2500, quantity: 10 });
    const vase = await createProduct(seller, { priceCents: 9000, quantity: 2 });
    const lastOne = await createProduct(seller, { priceCents: 1500, quantity: 1 });
    const buyer = await createUser();
    const now = new Date();
    const twoDaysAgo = new Date(now.getTime() - 2 * 86_400_000);
    const longAgo = new Date(now.getTime() - 40 * 86_400_000);

    await createOrderFixture(deps, buyer.id, [{ productId: mug.id, quantity: 2 }], { status: 'paid' });
    await createOrderFixture(deps, buyer.id, [{ productId: vase.id }], { status: 'delivered', createdAt: twoDaysAgo });
    await createOrderFixture(deps, buyer.id, [{ productId: mug.id }], { status: 'cancelled' });
    await createOrderFixture(deps, buyer.id, [{ productId: lastOne.id }], { status: 'shipped', createdAt: longAgo });

    const d = await seller.caller.seller.dashboard({ shopId: seller.shopId });
    expect(d.days).toBe(30);
    expect(d.revenueByDay.length).toBe(30);
    expect(d.revenueByDay.at(-1)).toEqual({ date: utcDay(now), revenueCents: 5000, orders: 1 });
    expect(d.revenueByDay.find((r) => r.date === utcDay(twoDaysAgo))).toEqual({
      date: utcDay(twoDaysAgo),
      revenueCents: 9000,
      orders: 1,
    });
    expect(d.revenueByDay.filter((r) => r.revenueCents === 0).length).toBe(28);
    for (const r of d.revenueByDay) expect(Number.isInteger(r.revenueCents)).toBe(true);
    expect(d.totals).toEqual({ revenueCents: 14_000, orders: 2, averageOrderCents: 7000 });
    expect(d.ordersByStatus).toEqual({ paid: 1, processing: 0, shipped: 0, delivered: 1, cancelled: 1 });
    expect(d.openOrders).toBe(1);
    expect(d.topProducts.map((p) => [p.productId, p.unitsSold, p.revenueCents])).toEqual([
      [vase.id, 1, 9000],
      [mug.id, 2, 5000],
    ]);
    expect(d.lowStock.map((p) => [p.productId, p.available])).toEqual([
      [lastOne.id, 1],
      [vase.id, 2],
    ]);

    const week = await seller.caller.seller.dashboard({ shopId: seller.shopId, days: 7 });
    expect(week.revenueByDay.length).toBe(7);
    const quarter = await seller.caller.seller.dashboard({ shopId: seller.shopId, days: 90 });
    expect(quarter.totals.revenueCents).toBe(15_500);
  });

  test('only the shop owner sees it; bad windows are refused', async () => {
    const seller = await createSeller();
    const other = await createSeller();
    expect((await rejection(other.caller.seller.dashboard({ shopId: seller.shopId }))).code).toBe('FORBIDDEN');
    expect((await rejection(anonymousCaller().caller.seller.dashboard({ shopId: seller.shopId }))).code).toBe(
      'UNAUTHORIZED',
    );
    expect((await rejection(seller.caller.seller.dashboard({ shopId: seller.shopId, days: 0 }))).code).toBe(
      'BAD_REQUEST',
    );
    expect((await rejection(seller.caller.seller.dashboard({ shopId: seller.shopId, days: 10_000 }))).code).toBe(
      'BAD_REQUEST',
    );
    expect((await rejection(seller.caller.seller.dashboard({ shopId: 2_000_000_000 }))).code).toBe('NOT_FOUND');
  });
});
