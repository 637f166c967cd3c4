import { describe, expect, test } from 'bun:test';
import { rejection } from '../../test/expect-error';
import { anonymousCaller, createProduct, createSeller, createUser } from '../../test/factories';
import { testDeps } from '../../test/test-services';

describe('favorites', () => {
  test('toggling a product favourites and un-favourites it, and the page count follows', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller);
    const buyer = await createUser();

    expect(await buyer.caller.favorites.toggleProduct({ productId: product.id })).toEqual({
      favorited: true,
      favoriteCount: 1,
    });
    expect((await buyer.caller.catalog.product({ productId: product.id })).favoriteCount).toBe(1);
    expect((await buyer.caller.favorites.list()).products.map((p) => p.id)).toEqual([product.id]);

    expect(await buyer.caller.favorites.toggleProduct({ productId: product.id })).toEqual({
      favorited: false,
      favoriteCount: 0,
    });
    expect((await buyer.caller.catalog.product({ productId: product.id })).favoriteCount).toBe(0);
    expect((await buyer.caller.favorites.list()).products).toEqual([]);
  });

  test('setting an explicit state is idempotent: retries never double count', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller);
    const buyer = await createUser();
    for (let i = 0; i < 3; i++) await buyer.caller.favorites.toggleProduct({ productId: product.id, favorited: true });
    expect((await buyer.caller.catalog.product({ productId: product.id })).favoriteCount).toBe(1);
    for (let i = 0; i < 2; i++) {
      const r = await buyer.caller.favorites.toggleProduct({ productId: product.id, favorited: false });
      expect(r).toEqual({ favorited: false, favoriteCount: 0 });
    }
  });

  test('many shoppers favouriting at once keep the count exact', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller);
    const buyers = await Promise.all(Array.from({ length: 12 }, () => createUser()));
    await Promise.all(buyers.map((b) => b.caller.favorites.toggleProduct({ productId: product.id })));
    // Every other shopper changes their mind, concurrently with repeat "on" requests of the rest.
    await Promise.all(
      buyers.map((b, i) => b.caller.favorites.toggleProduct({ productId: product.id, favorited: i % 2 !== 0 })),
    );
    const row = await testDeps()
      .db.selectFrom('products')
      .select('favorite_count')
      .where('id', '=', product.id)
      .executeTakeFirstOrThrow();
    const rows = await testDeps()
      .db.selectFrom('favorite_products')
      .select('user_id')
      .where('product_id', '=', product.id)
      .execute();
    expect(rows.length).toBe(6);
    expect(row.favorite_count).toBe(6);
  });

  test('shops: toggle, count on the shop page, newest first in the list', async () => {
    const a = await createSeller();
    const b = await createSeller();
    const buyer = await createUser();
    await buyer.caller.favorites.toggleShop({ shopId: a.shopId });
    await buyer.caller.favorites.toggleShop({ shopId: b.shopId });
    const list = await buyer.caller.favorites.list();
    expect(list.shops.map((s) => s.id)).toEqual([b.shopId, a.shopId]);
    expect((await buyer.caller.shops.bySlug({ slug: a.shop.slug })).favoriteCount).toBe(1);
    expect(await buyer.caller.favorites.toggleShop({ shopId: a.shopId })).toEqual({
      favorited: false,
      favoriteCount: 0,
    });
    expect((await buyer.caller.shops.bySlug({ slug: a.shop.slug })).favoriteCount).toBe(0);
  });

  test('product list is newest favourite first', async () => {
    const seller = await createSeller();
    const first = await createProduct(seller);
    const second = await createProduct(seller);
    const buyer = await createUser();
    await buyer.caller.favorites.toggleProduct({ productId: second.id });
    await buyer.caller.favorites.toggleProduct({ productId: first.id });
    expect((await buyer.caller.favorites.list()).products.map((p) => p.id)).toEqual([first.id, second.id]);
  });

  test('unknown ids are NOT_FOUND and write nothing; signed-out callers must sign in', async () => {
    const buyer = await createUser();
    expect((await rejection(buyer.caller.favorites.toggleProduct({ productId: 2_000_000_000 }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await rejection(buyer.caller.favorites.toggleShop({ shopId: 2_000_000_000 }))).code).toBe('NOT_FOUND');
    expect((await rejection(buyer.caller.favorites.toggleProduct({ productId: -1 }))).code).toBe('BAD_REQUEST');
    expect(await buyer.caller.favorites.list()).toEqual({ products: [], shops: [] });

    const seller = await createSeller();
    const product = await createProduct(seller);
    const { caller } = anonymousCaller();
    expect((await rejection(caller.favorites.toggleProduct({ productId: product.id }))).code).toBe('UNAUTHORIZED');
    expect((await rejection(caller.favorites.list())).code).toBe('UNAUTHORIZED');
  });

  test('an archived listing cannot be newly favourited but can be un-favourited', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller);
    const keeper = await createUser();
    await keeper.caller.favorites.toggleProduct({ productId: product.id });
    await seller.caller.catalog.archiveProduct({ productId: product.id });
    const late = await createUser();
    expect((await rejection(late.caller.favorites.toggleProduct({ productId: product.id }))).code).toBe('NOT_FOUND');
    expect(await keeper.caller.favorites.toggleProduct({ productId: product.id })).toEqual({
      favorited: false,
      favoriteCount: 0,
    });
  });
});
