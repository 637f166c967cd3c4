import { describe, expect, test } from 'bun:test';
import { rejection } from '../../test/expect-error';
import { anonymousCaller, createProduct, createSeller, createUser } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { createOrderFixture } from '../reviews/test-orders';

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
    expect(d.lowStockCount).toBe(2);

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

describe('seller.listings', () => {
  test('active, archived or all listings with stock held in carts, search by title and a cursor', async () => {
    const seller = await createSeller();
    const mug = await createProduct(seller, { title: 'Speckled mug', quantity: 4, priceCents: 2800 });
    const bowl = await createProduct(seller, { title: 'Ash bowl', quantity: 2 });
    const jug = await createProduct(seller, { title: 'Milk jug 100%_off', quantity: 1 });
    await seller.caller.catalog.archiveProduct({ productId: bowl.id });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: mug.id, quantity: 3 });

    const active = await seller.caller.seller.listings({ shopId: seller.shopId });
    expect(active.items.map((i) => i.id)).toEqual([jug.id, mug.id]);
    // Mug (1 free of 4) and jug (1) run low; the archived bowl does not count.
    expect(active.counts).toEqual({
      active: 2,
      archived: 1,
      low: 2,
      soldOut: 0,
      lowCombinations: 2,
      soldOutCombinations: 0,
    });
    expect(active.items[1]).toMatchObject({
      title: 'Speckled mug',
      priceCents: 2800,
      quantity: 4,
      reserved: 3,
      available: 1,
      status: 'active',
      image: null,
    });
    expect(Number.isNaN(Date.parse(active.items[1]!.updatedAt))).toBe(false);

    const archived = await seller.caller.seller.listings({ shopId: seller.shopId, status: 'archived' });
    expect(archived.items.map((i) => [i.id, i.status])).toEqual([[bowl.id, 'archived']]);
    const all = await seller.caller.seller.listings({ shopId: seller.shopId, status: 'all' });
    expect(all.items.map((i) => i.id)).toEqual([jug.id, bowl.id, mug.id]);

    // q is a case-insensitive title substring; % and _ are literal characters, not wildcards.
    expect(
      (await seller.caller.seller.listings({ shopId: seller.shopId, status: 'all', q: 'BOWL' })).items.map((i) => i.id),
    ).toEqual([bowl.id]);
    expect((await seller.caller.seller.listings({ shopId: seller.shopId, q: '100%_' })).items.map((i) => i.id)).toEqual(
      [jug.id],
    );
    expect((await seller.caller.seller.listings({ shopId: seller.shopId, q: '%' })).items.map((i) => i.id)).toEqual([
      jug.id,
    ]);

    const first = await seller.caller.seller.listings({ shopId: seller.shopId, status: 'all', limit: 2 });
    expect(first.items.length).toBe(2);
    const second = await seller.caller.seller.listings({
      shopId: seller.shopId,
      status: 'all',
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual([jug.id, bowl.id, mug.id]);
    expect(second.nextCursor).toBeNull();

    await seller.caller.catalog.restoreProduct({ productId: bowl.id });
    const after = await seller.caller.seller.listings({ shopId: seller.shopId });
    expect(after.items.map((i) => i.id)).toEqual([jug.id, bowl.id, mug.id]);
    expect(after.counts).toMatchObject({ active: 3, archived: 0, low: 3 });
  });

  test('only the owner sees the listings; bad input is refused', async () => {
    const seller = await createSeller();
    await createProduct(seller);
    const other = await createSeller();
    const buyer = await createUser();
    expect((await rejection(other.caller.seller.listings({ shopId: seller.shopId }))).code).toBe('FORBIDDEN');
    expect((await rejection(buyer.caller.seller.listings({ shopId: seller.shopId }))).code).toBe('FORBIDDEN');
    expect((await rejection(anonymousCaller().caller.seller.listings({ shopId: seller.shopId }))).code).toBe(
      'UNAUTHORIZED',
    );
    expect((await rejection(seller.caller.seller.listings({ shopId: 2_000_000_000 }))).code).toBe('NOT_FOUND');
    const bad = [
      { shopId: seller.shopId, status: 'deleted' },
      { shopId: seller.shopId, q: 'x'.repeat(101) },
      { shopId: seller.shopId, limit: 0 },
      { shopId: seller.shopId, limit: 101 },
      { shopId: seller.shopId, cursor: -5 },
      { shopId: seller.shopId, stock: 'few' },
      { shopId: seller.shopId, stock: 3 },
      { shopId: 0 },
    ];
    for (const input of bad)
      expect(
        (await rejection(seller.caller.seller.listings(input as Parameters<typeof seller.caller.seller.listings>[0])))
          .code,
      ).toBe('BAD_REQUEST');
  });

  test("stock filter: low and sold out by the overview's rule, the same count, own shop only", async () => {
    const seller = await createSeller();
    const plenty = await createProduct(seller, { title: 'Plenty', quantity: 20 });
    const lastTwo = await createProduct(seller, { title: 'Last two', quantity: 2 });
    await createProduct(seller, { title: 'Gone', quantity: 0 });
    const made = await createProduct(seller, { title: 'Made to order', quantity: 0, madeToOrder: true });
    const archived = await createProduct(seller, { title: 'Archived, none left', quantity: 0 });
    await seller.caller.catalog.archiveProduct({ productId: archived.id });
    // Held in a cart: 1 of 3 free is low, though the shelf says 3.
    const held = await createProduct(seller, { title: 'Held', quantity: 3 });
    await (await createUser()).caller.cart.addItem({ productId: held.id, quantity: 2 });
    // Variations: S sold out, M one left, L plenty: two low combinations in one listing.
    const jumper = await createProduct(seller, { title: 'Jumper', quantity: 5 });
    await seller.caller.catalog.setVariations({
      productId: jumper.id,
      properties: [{ name: 'Size', values: ['S', 'M', 'L'] }],
      combinations: [
        { values: ['S'], priceCents: 4000, quantity: 0 },
        { values: ['M'], priceCents: 4000, quantity: 1 },
        { values: ['L'], priceCents: 4000, quantity: 9 },
      ],
    });
    // Another shop's sold-out listing never shows here.
    const other = await createSeller();
    await createProduct(other, { title: 'Not mine', quantity: 0 });

    const low = await seller.caller.seller.listings({ shopId: seller.shopId, stock: 'low' });
    expect(low.items.map((i) => i.title)).toEqual(['Jumper', 'Held', 'Gone', 'Last two']);
    const soldOut = await seller.caller.seller.listings({ shopId: seller.shopId, stock: 'soldout' });
    expect(soldOut.items.map((i) => i.title)).toEqual(['Jumper', 'Gone']);
    expect(low.counts).toEqual({
      active: 6,
      archived: 1,
      low: 4,
      soldOut: 2,
      lowCombinations: 5,
      soldOutCombinations: 2,
    });
    // The overview's "View all N" is the same N.
    const d = await seller.caller.seller.dashboard({ shopId: seller.shopId });
    expect(d.lowStockCount).toBe(low.counts.lowCombinations);
    expect(new Set(d.lowStock.map((l) => l.productId))).toEqual(new Set(low.items.map((i) => i.id)));
    // Combined with the title search and the cursor; archived listings are never low.
    expect(
      (await seller.caller.seller.listings({ shopId: seller.shopId, stock: 'low', q: 'last' })).items.map((i) => i.id),
    ).toEqual([lastTwo.id]);
    const page1 = await seller.caller.seller.listings({ shopId: seller.shopId, stock: 'low', limit: 3 });
    const page2 = await seller.caller.seller.listings({
      shopId: seller.shopId,
      stock: 'low',
      limit: 3,
      cursor: page1.nextCursor ?? undefined,
    });
    expect([...page1.items, ...page2.items].map((i) => i.title)).toEqual(['Jumper', 'Held', 'Gone', 'Last two']);
    expect(
      (await seller.caller.seller.listings({ shopId: seller.shopId, status: 'archived', stock: 'soldout' })).items,
    ).toEqual([]);
    expect([plenty.id, made.id].some((id) => low.items.some((i) => i.id === id))).toBe(false);
    expect((await rejection(other.caller.seller.listings({ shopId: seller.shopId, stock: 'low' }))).code).toBe(
      'FORBIDDEN',
    );
  });
});
