import { describe, expect, test } from 'bun:test';
import { domainOf, rejection } from '../../test/expect-error';
import { anonymousCaller, createProduct, createSeller, createUser, TEST_PASSWORD } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { cartLinesOf, expireHolds, stockOf } from '../checkout/checkout-test-kit';
import { releaseExpiredHolds } from '../inventory/inventory.service';

describe('cart', () => {
  test('adding holds stock; the cart groups by shop with shipping policy and hold expiry', async () => {
    const a = await createSeller(testDeps(), { flatRateCents: 500, freeOverCents: 5000, processingDays: 2 });
    const b = await createSeller(testDeps(), { flatRateCents: 700, freeOverCents: null, processingDays: 1 });
    const mug = await createProduct(a, { priceCents: 2800, quantity: 5 });
    const bowl = await createProduct(b, { priceCents: 1500, quantity: 3 });
    const buyer = await createUser();

    await buyer.caller.cart.addItem({ productId: mug.id, quantity: 2 });
    const cart = await buyer.caller.cart.addItem({ productId: bowl.id, quantity: 1 });

    expect(cart.shops.map((s) => s.shopId)).toEqual([a.shopId, b.shopId].sort((x, y) => x - y));
    const shopA = cart.shops.find((s) => s.shopId === a.shopId)!;
    const shopB = cart.shops.find((s) => s.shopId === b.shopId)!;
    expect(shopA.subtotalCents).toBe(5600);
    expect(shopA.shippingCents).toBe(0); // free over $50
    expect(shopB.subtotalCents).toBe(1500);
    expect(shopB.shippingCents).toBe(700);
    expect(cart.itemTotalCents).toBe(7100);
    expect(cart.shippingTotalCents).toBe(700);
    expect(cart.itemCount).toBe(3);
    const line = shopA.items[0];
    expect(line).toMatchObject({ productId: mug.id, quantity: 2, held: 2, available: 5, priceCents: 2800 });
    const expiresIn = new Date(line.reservedUntil!).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan((testDeps().config.holdMinutes - 1) * 60_000);

    expect((await stockOf(mug.id)).reserved).toBe(2);
    const other = await createUser();
    expect(await other.caller.catalog.availability({ productId: mug.id })).toEqual({
      available: 3,
      inCart: 0,
      inOtherCarts: 1,
      canAddMore: true,
      status: 'available',
      heldByOthers: 2,
      nextReleaseAt: null,
      ownListing: false,
    });
    expect(await buyer.caller.catalog.availability({ productId: mug.id })).toMatchObject({ available: 3, inCart: 2 });
  });

  test('not enough stock is a CONFLICT with available and inCart, and changes nothing', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { quantity: 3 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: product.id, quantity: 2 });
    const err = await rejection(buyer.caller.cart.addItem({ productId: product.id, quantity: 2 }));
    expect(err.code).toBe('CONFLICT');
    expect(domainOf(err)).toEqual({
      code: 'INSUFFICIENT_INVENTORY',
      details: { available: 1, inCart: 2, productId: product.id },
    });
    expect((await stockOf(product.id)).reserved).toBe(2);
    expect((await cartLinesOf(buyer.id))[0]).toMatchObject({ quantity: 2, held: 2 });
  });

  test('updateQuantity moves the hold up and down; 0 and removeItem release at once', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { quantity: 10 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: product.id, quantity: 2 });
    await buyer.caller.cart.updateQuantity({ productId: product.id, quantity: 7 });
    expect((await stockOf(product.id)).reserved).toBe(7);
    await buyer.caller.cart.updateQuantity({ productId: product.id, quantity: 3 });
    expect((await stockOf(product.id)).reserved).toBe(3);
    const emptied = await buyer.caller.cart.updateQuantity({ productId: product.id, quantity: 0 });
    expect(emptied.shops).toEqual([]);
    expect((await stockOf(product.id)).reserved).toBe(0);
    await buyer.caller.cart.addItem({ productId: product.id, quantity: 4 });
    await buyer.caller.cart.removeItem({ productId: product.id });
    expect((await stockOf(product.id)).reserved).toBe(0);
    expect(await cartLinesOf(buyer.id)).toEqual([]);
  });

  test('bad input gets clear errors and changes nothing', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { quantity: 5 });
    const archived = await createProduct(seller, { quantity: 5 });
    await seller.caller.catalog.archiveProduct({ productId: archived.id });
    const buyer = await createUser();

    for (const quantity of [0, -1, 1.5, 1_000_000]) {
      const err = await rejection(buyer.caller.cart.addItem({ productId: product.id, quantity }));
      expect(err.code).toBe('BAD_REQUEST');
      expect(err.message).toContain('quantity');
    }
    expect((await rejection(buyer.caller.cart.addItem({ productId: 2_000_000_000, quantity: 1 }))).code).toBe(
      'NOT_FOUND',
    );
    const gone = await rejection(buyer.caller.cart.addItem({ productId: archived.id, quantity: 1 }));
    expect(gone.code).toBe('BAD_REQUEST');
    expect(gone.message).toContain('no longer for sale');
    const own = await rejection(seller.caller.cart.addItem({ productId: product.id, quantity: 1 }));
    expect(own.code).toBe('BAD_REQUEST');
    expect(domainOf(own)?.code).toBe('OWN_PRODUCT');
    expect((await seller.caller.catalog.availability({ productId: product.id })).canAddMore).toBe(false);

    expect((await stockOf(product.id)).reserved).toBe(0);
    expect(await cartLinesOf(buyer.id)).toEqual([]);
    expect(await cartLinesOf(seller.id)).toEqual([]);
  });

  test('a guest gets a cookie cart that joins the account cart at login without exceeding stock', async () => {
    const seller = await createSeller();
    const scarf = await createProduct(seller, { quantity: 3 });
    const hat = await createProduct(seller, { quantity: 4 });
    const account = await createUser();
    // The account already wants 2 scarves, but its hold expired and was swept.
    await account.caller.cart.addItem({ productId: scarf.id, quantity: 2 });
    await expireHolds([scarf.id]);
    await releaseExpiredHolds(testDeps());

    const { caller: guest, ctx } = anonymousCaller();
    await guest.cart.addItem({ productId: scarf.id, quantity: 2 });
    const guestCart = await guest.cart.addItem({ productId: hat.id, quantity: 1 });
    expect(guestCart.itemCount).toBe(3);
    const cookie = ctx.resHeaders.get('set-cookie') ?? '';
    expect(cookie).toContain('hearth_guest=');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    // Someone else takes the last free scarf meanwhile.
    const rival = await createUser();
    await rival.caller.cart.addItem({ productId: scarf.id, quantity: 1 });

    await guest.auth.login({ email: account.email, password: TEST_PASSWORD });
    expect(ctx.guestToken).toBeNull();
    const merged = await guest.cart.get();
    const items = merged.shops.flatMap((s) => s.items);
    // 2 (account) + 2 (guest) wanted, but only the guest's 2 held units exist for this buyer.
    expect(items.find((i) => i.productId === scarf.id)).toMatchObject({ quantity: 2, held: 2 });
    expect(items.find((i) => i.productId === hat.id)).toMatchObject({ quantity: 1, held: 1 });
    expect(await stockOf(scarf.id)).toMatchObject({ quantity: 3, reserved: 3 });
    expect((await stockOf(hat.id)).reserved).toBe(1);
    const guestCarts = await testDeps()
      .db.selectFrom('carts')
      .select('carts.id')
      .where('guest_token', 'is not', null)
      .where('user_id', 'is', null)
      .innerJoin('cart_items', 'cart_items.cart_id', 'carts.id')
      .where('cart_items.product_id', 'in', [scarf.id, hat.id])
      .execute();
    expect(guestCarts).toEqual([]);
  });

  test('the sweeper releases expired holds, keeps the lines, and concurrent sweepers never double-release', async () => {
    const seller = await createSeller();
    const products = await Promise.all([1, 2, 3].map(() => createProduct(seller, { quantity: 20 })));
    const buyers = await Promise.all(Array.from({ length: 12 }, () => createUser()));
    await Promise.all(
      buyers.map((b, i) => b.caller.cart.addItem({ productId: products[i % 3].id, quantity: 1 + (i % 2) })),
    );
    const ids = products.map((p) => p.id);
    await expireHolds(ids.slice(0, 2));
    const results = await Promise.all(Array.from({ length: 4 }, () => releaseExpiredHolds(testDeps())));
    expect(results.reduce((n, r) => n + r.released, 0)).toBeGreaterThanOrEqual(8);
    const [p0, p1, p2] = await Promise.all(ids.map((id) => stockOf(id)));
    expect(p0.reserved).toBe(0);
    expect(p1.reserved).toBe(0);
    expect(p2.reserved).toBe(6); // buyers 2,5,8,11 -> 1+2+1+2, untouched
    const lines = await cartLinesOf(buyers[0].id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ quantity: 1, held: 0 });
    const cart = await buyers[0].caller.cart.get();
    expect(cart.shops[0].items[0]).toMatchObject({ held: 0, reservedUntil: null, available: 20 });
  });

  test('adds and removals racing on one cart (two listings, other buyers too) never leave a unit held twice or lost', async () => {
    const seller = await createSeller();
    const [jug, cup] = [await createProduct(seller, { quantity: 6 }), await createProduct(seller, { quantity: 6 })];
    const buyer = await createUser();
    const other = await createUser();
    // One function call each: the cart, then the product, then the combination, in that order.
    const calls = Array.from({ length: 40 }, (_, i) => {
      const productId = i % 2 ? jug.id : cup.id;
      const who = i % 5 === 0 ? other : buyer;
      return i % 3 === 0
        ? who.caller.cart.removeItem({ productId })
        : who.caller.cart.addItem({ productId, quantity: 1 });
    });
    const results = await Promise.allSettled(calls);
    for (const r of results)
      if (r.status === 'rejected') expect(domainOf(r.reason)?.code).toBe('INSUFFICIENT_INVENTORY');
    for (const p of [jug, cup]) {
      const held = [...(await cartLinesOf(buyer.id)), ...(await cartLinesOf(other.id))]
        .filter((l) => l.product_id === p.id)
        .reduce((n, l) => n + l.held, 0);
      expect(await stockOf(p.id)).toMatchObject({ quantity: 6, reserved: held });
    }
  });

  test('many buyers adding at once never hold more than the stock', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { quantity: 7 });
    const buyers = await Promise.all(Array.from({ length: 30 }, () => createUser()));
    const results = await Promise.allSettled(
      buyers.map((b) => b.caller.cart.addItem({ productId: product.id, quantity: 1 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(7);
    for (const r of results)
      if (r.status === 'rejected') expect(domainOf(r.reason)?.code).toBe('INSUFFICIENT_INVENTORY');
    expect(await stockOf(product.id)).toMatchObject({ quantity: 7, reserved: 7 });
  });
});
