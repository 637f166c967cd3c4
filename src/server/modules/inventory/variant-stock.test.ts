import { describe, expect, test } from 'bun:test';
import { domainOf, rejection } from '../../test/expect-error';
import { createProduct, createSeller, createUser } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { waitUntil } from '../../test/wait-until';
import { expireHolds, placeInput, quoteAndPlace, stockOf } from '../checkout/checkout-test-kit';
import { type AvailabilityEvent, INVENTORY_CHANNEL } from '../realtime/inventory-events';
import { releaseExpiredHolds } from './inventory.service';
import { stockInvariantBreaks, variantIdOf, variantsOf } from './variant-test-kit';

type Seller = Awaited<ReturnType<typeof createSeller>>;

/** A ring in sizes 6 and 7 (and an 8 that is switched off), each with its own price and stock. */
async function ring(seller: Seller, stock: { six: number; seven: number }) {
  const product = await createProduct(seller, { title: 'Hammered silver ring', priceCents: 4000, quantity: 1 });
  await seller.caller.catalog.setVariations({
    productId: product.id,
    properties: [{ name: 'Size', values: ['6', '7', '8'] }],
    combinations: [
      { values: ['6'], priceCents: 4200, quantity: stock.six, sku: 'RING-6' },
      { values: ['7'], priceCents: 4600, quantity: stock.seven, sku: 'RING-7' },
      { values: ['8'], priceCents: 5000, quantity: 9, enabled: false },
    ],
  });
  return {
    product,
    six: await variantIdOf(product.id, '6'),
    seven: await variantIdOf(product.id, '7'),
    eight: await variantIdOf(product.id, '8'),
  };
}

describe('stock per combination', () => {
  test('a listing without variations is one default combination; variations make the listing their aggregate', async () => {
    const seller = await createSeller();
    const mug = await createProduct(seller, { priceCents: 2800, quantity: 5 });
    expect(await variantsOf(mug.id)).toEqual([
      expect.objectContaining({ is_default: true, option1: null, price_cents: 2800, quantity: 5, reserved: 0 }),
    ]);
    // The listing form still edits price and quantity of a plain listing; its combination follows.
    await seller.caller.catalog.updateProduct({ productId: mug.id, priceCents: 3000, quantity: 7 });
    expect(await variantsOf(mug.id)).toEqual([expect.objectContaining({ price_cents: 3000, quantity: 7 })]);

    const r = await ring(seller, { six: 2, seven: 3 });
    // The listing reads as the sum of its enabled combinations, priced from the cheapest.
    expect(await stockOf(r.product.id)).toMatchObject({ quantity: 5, reserved: 0 });
    const row = await testDeps()
      .db.selectFrom('products')
      .select(['price_cents', 'price_max_cents'])
      .where('id', '=', r.product.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ price_cents: 4200, price_max_cents: 4600 });
    expect(await stockInvariantBreaks([mug.id, r.product.id])).toEqual([]);
  });

  test('the price range follows repricing and switching combinations on and off, never a hold or a sale', async () => {
    const seller = await createSeller();
    const r = await ring(seller, { six: 2, seven: 3 });
    const db = testDeps().db;
    const range = () =>
      db
        .selectFrom('products')
        .select(['price_cents', 'price_max_cents', 'quantity', 'reserved'])
        .where('id', '=', r.product.id)
        .executeTakeFirstOrThrow();
    expect(await range()).toEqual({ price_cents: 4200, price_max_cents: 4600, quantity: 5, reserved: 0 });

    // Stock moves (a hold, a seller's quantity edit) leave the range alone.
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: r.product.id, variantId: r.seven, quantity: 1 });
    await db.updateTable('listing_variants').set({ quantity: 4 }).where('id', '=', r.six).execute();
    expect(await range()).toEqual({ price_cents: 4200, price_max_cents: 4600, quantity: 7, reserved: 1 });

    // Switching on the dearest, repricing the cheapest, switching the cheapest off: each moves it.
    await db.updateTable('listing_variants').set({ enabled: true }).where('id', '=', r.eight).execute();
    expect(await range()).toMatchObject({ price_cents: 4200, price_max_cents: 5000, quantity: 16 });
    await db.updateTable('listing_variants').set({ price_cents: 3900 }).where('id', '=', r.six).execute();
    expect(await range()).toMatchObject({ price_cents: 3900, price_max_cents: 5000 });
    await db.updateTable('listing_variants').set({ enabled: false }).where('id', '=', r.six).execute();
    expect(await range()).toMatchObject({ price_cents: 4600, price_max_cents: 5000, quantity: 12 });
    // One price left: no range.
    await db.updateTable('listing_variants').set({ enabled: false }).where('id', '=', r.eight).execute();
    expect(await range()).toEqual({ price_cents: 4600, price_max_cents: null, quantity: 3, reserved: 1 });

    // A sale takes stock, not price.
    await quoteAndPlace(buyer);
    expect(await range()).toEqual({ price_cents: 4600, price_max_cents: null, quantity: 2, reserved: 0 });
    // Every combination off: the listing keeps its last price (nothing is for sale).
    await db.updateTable('listing_variants').set({ enabled: false }).where('id', '=', r.seven).execute();
    expect(await range()).toEqual({ price_cents: 4600, price_max_cents: null, quantity: 0, reserved: 0 });
    expect(await stockInvariantBreaks([r.product.id])).toEqual([]);
  });

  test('holds, availability and live events are per combination', async () => {
    const seller = await createSeller();
    const r = await ring(seller, { six: 2, seven: 3 });
    const buyer = await createUser();
    const deps = testDeps();
    const events: AvailabilityEvent[] = [];
    const unsubscribe = await deps.store.subscribe(INVENTORY_CHANNEL, (m) => events.push(...JSON.parse(m)));
    try {
      const cart = await buyer.caller.cart.addItem({ productId: r.product.id, variantId: r.six, quantity: 2 });
      const line = cart.shops[0]!.items[0]!;
      expect(line).toMatchObject({
        variantId: r.six,
        options: [{ name: 'Size', value: '6' }],
        priceCents: 4200,
        quantity: 2,
        held: 2,
      });
      const six = await anonymousAvailability(r.product.id, r.six);
      expect(six).toMatchObject({ available: 0, status: 'held', heldByOthers: 2 });
      expect(await anonymousAvailability(r.product.id, r.seven)).toMatchObject({ available: 3, status: 'available' });
      expect(await anonymousAvailability(r.product.id, r.eight)).toMatchObject({ available: 0, status: 'unavailable' });
      expect(await buyer.caller.catalog.availability({ productId: r.product.id, variantId: r.six })).toMatchObject({
        inCart: 2,
      });
      // The listing as a whole still has size 7 free.
      expect(await anonymousAvailability(r.product.id)).toMatchObject({ available: 3, status: 'available' });
      await waitUntil(() =>
        events.some((e) => e.productId === r.product.id && e.available === 3 && e.variants?.[String(r.six)] === 0),
      );
      expect(events.findLast((e) => e.productId === r.product.id)?.variants).toEqual({
        [r.six]: 0,
        [r.seven]: 3,
        [r.eight]: 0,
      });
    } finally {
      await unsubscribe();
    }

    // Size 6 is all in this cart: another buyer is refused size 6 but gets size 7.
    const other = await createUser();
    const none = await rejection(other.caller.cart.addItem({ productId: r.product.id, variantId: r.six, quantity: 1 }));
    expect(domainOf(none)).toMatchObject({ code: 'INSUFFICIENT_INVENTORY', details: { available: 0 } });
    await other.caller.cart.addItem({ productId: r.product.id, variantId: r.seven, quantity: 1 });
    expect(await stockOf(r.product.id)).toMatchObject({ quantity: 5, reserved: 3 });

    // Removing a line releases its combination only.
    await buyer.caller.cart.removeItem({ productId: r.product.id, variantId: r.six });
    expect(await variantsOf(r.product.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: r.six, reserved: 0 }),
        expect.objectContaining({ id: r.seven, reserved: 1 }),
      ]),
    );
    expect(await stockInvariantBreaks([r.product.id])).toEqual([]);
  });

  test('adding without a combination, with another listing’s, or a switched-off one is refused and holds nothing', async () => {
    const seller = await createSeller();
    const r = await ring(seller, { six: 2, seven: 3 });
    const other = await ring(seller, { six: 1, seven: 1 });
    const buyer = await createUser();

    const unchosen = await rejection(buyer.caller.cart.addItem({ productId: r.product.id, quantity: 1 }));
    expect(unchosen.code).toBe('BAD_REQUEST');
    expect(unchosen.message).toContain('Choose an option');
    expect(domainOf(unchosen)?.details).toMatchObject({ field: 'variantId', reason: 'choose_variant' });

    const foreign = await rejection(
      buyer.caller.cart.addItem({ productId: r.product.id, variantId: other.six, quantity: 1 }),
    );
    expect(foreign.code).toBe('NOT_FOUND');
    expect(domainOf(foreign)?.details).toMatchObject({ field: 'variantId' });

    const off = await rejection(
      buyer.caller.cart.addItem({ productId: r.product.id, variantId: r.eight, quantity: 1 }),
    );
    expect(off.code).toBe('BAD_REQUEST');
    expect(domainOf(off)?.details).toMatchObject({ field: 'variantId', reason: 'variant_off' });

    expect((await buyer.caller.cart.get()).shops).toEqual([]);
    expect(await stockOf(r.product.id)).toMatchObject({ reserved: 0 });
    expect(await stockInvariantBreaks([r.product.id, other.product.id])).toEqual([]);
  });

  test('N buyers race for the last unit of one combination while others buy another: exactly the stock sold', async () => {
    const seller = await createSeller();
    const r = await ring(seller, { six: 12, seven: 10 });
    const forSix = await Promise.all(Array.from({ length: 12 }, () => createUser()));
    const forSeven = await Promise.all(Array.from({ length: 10 }, () => createUser()));
    // Everyone has their size in the cart; the holds then lapse and are swept, and size 6 is cut to
    // its last unit: at checkout twelve buyers compete for one size 6 while ten buy the ten size 7s.
    await Promise.all(
      forSix.map((b) => b.caller.cart.addItem({ productId: r.product.id, variantId: r.six, quantity: 1 })),
    );
    await Promise.all(
      forSeven.map((b) => b.caller.cart.addItem({ productId: r.product.id, variantId: r.seven, quantity: 1 })),
    );
    await expireHolds([r.product.id]);
    await releaseExpiredHolds(testDeps());
    await seller.caller.catalog.setVariations({
      productId: r.product.id,
      properties: [{ name: 'Size', values: ['6', '7', '8'] }],
      combinations: [
        { values: ['6'], priceCents: 4200, quantity: 1 },
        { values: ['7'], priceCents: 4600, quantity: 10 },
        { values: ['8'], priceCents: 5000, quantity: 9, enabled: false },
      ],
    });
    // Quotes first (they are not part of the race), then every placement at once.
    const inputs = await Promise.all(
      [...forSix, ...forSeven].map(async (buyer) => ({ buyer, input: await placeInput(buyer) })),
    );
    const results = await Promise.allSettled(inputs.map(({ buyer, input }) => buyer.caller.checkout.place(input)));
    const sixResults = results.slice(0, forSix.length);
    const sevenResults = results.slice(forSix.length);

    expect(sixResults.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    expect(sevenResults.filter((x) => x.status === 'fulfilled')).toHaveLength(10);
    for (const x of results)
      if (x.status === 'rejected') {
        // Never a deadlock or a 500: every loser is told the size is gone.
        expect(x.reason.code).toBe('CONFLICT');
        expect(domainOf(x.reason)?.code).toBe('INSUFFICIENT_INVENTORY');
        expect(domainOf(x.reason)?.details.unavailableItems).toEqual([
          expect.objectContaining({ variantId: r.six, options: [{ name: 'Size', value: '6' }], available: 0 }),
        ]);
      }
    expect(await variantsOf(r.product.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: r.six, quantity: 0, reserved: 0 }),
        expect.objectContaining({ id: r.seven, quantity: 0, reserved: 0 }),
      ]),
    );
    expect(await stockOf(r.product.id)).toMatchObject({ quantity: 0, reserved: 0, sales_count: 11 });
    const items = await testDeps()
      .db.selectFrom('order_items')
      .select(['variant_id', 'options', 'price_cents'])
      .where('product_id', '=', r.product.id)
      .execute();
    expect(items.filter((i) => i.variant_id === r.six)).toEqual([
      { variant_id: r.six, options: [{ name: 'Size', value: '6' }], price_cents: 4200 },
    ]);
    expect(items.filter((i) => i.variant_id === r.seven)).toHaveLength(10);
    expect(await stockInvariantBreaks([r.product.id])).toEqual([]);
  });

  test('many buyers adding one combination at once never hold more than its stock; the other is untouched', async () => {
    const seller = await createSeller();
    const r = await ring(seller, { six: 3, seven: 40 });
    const buyers = await Promise.all(Array.from({ length: 30 }, () => createUser()));
    const results = await Promise.allSettled(
      buyers.map((b, i) =>
        b.caller.cart.addItem({ productId: r.product.id, variantId: i % 2 === 0 ? r.six : r.seven, quantity: 1 }),
      ),
    );
    const okSix = results.filter((x, i) => i % 2 === 0 && x.status === 'fulfilled');
    const okSeven = results.filter((x, i) => i % 2 === 1 && x.status === 'fulfilled');
    expect(okSix).toHaveLength(3);
    expect(okSeven).toHaveLength(15);
    for (const x of results)
      if (x.status === 'rejected') expect(domainOf(x.reason)?.code).toBe('INSUFFICIENT_INVENTORY');
    expect(await stockInvariantBreaks([r.product.id])).toEqual([]);
  });

  test('cancelling an order puts units back into the combination bought; the sweeper releases per combination', async () => {
    const seller = await createSeller();
    const r = await ring(seller, { six: 2, seven: 3 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: r.product.id, variantId: r.seven, quantity: 2 });
    const placed = await quoteAndPlace(buyer);
    expect(await variantsOf(r.product.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: r.seven, quantity: 1, reserved: 0 })]),
    );
    await seller.caller.orders.updateStatus({ orderId: placed.orders[0]!.orderId, status: 'cancelled' });
    expect(await variantsOf(r.product.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: r.six, quantity: 2 }),
        expect.objectContaining({ id: r.seven, quantity: 3, reserved: 0 }),
      ]),
    );
    expect(await stockOf(r.product.id)).toMatchObject({ quantity: 5, sales_count: 0 });

    const late = await createUser();
    await late.caller.cart.addItem({ productId: r.product.id, variantId: r.six, quantity: 2 });
    await late.caller.cart.addItem({ productId: r.product.id, variantId: r.seven, quantity: 1 });
    expect(await stockOf(r.product.id)).toMatchObject({ reserved: 3 });
    await expireHolds([r.product.id]);
    await releaseExpiredHolds(testDeps());
    expect(await stockOf(r.product.id)).toMatchObject({ quantity: 5, reserved: 0 });
    const lines = (await late.caller.cart.get()).shops[0]!.items;
    expect(lines.map((l) => [l.variantId, l.quantity, l.held])).toEqual([
      [r.six, 2, 0],
      [r.seven, 1, 0],
    ]);
    expect(await stockInvariantBreaks([r.product.id])).toEqual([]);
  });
});

function anonymousAvailability(productId: number, variantId?: number) {
  return createUser().then((u) => u.caller.catalog.availability({ productId, variantId }));
}
