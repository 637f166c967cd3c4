import { describe, expect, test } from 'bun:test';
import { rejection } from '../../test/expect-error';
import { anonymousCaller, createProduct, createSeller, productInput } from '../../test/factories';
import { testDeps } from '../../test/test-services';

describe('catalog', () => {
  test('the category tree is a real taxonomy: ≥ 12 departments and ≥ 60 leaves with labels', async () => {
    const { caller } = anonymousCaller();
    const tree = await caller.catalog.categories();
    expect(tree.length).toBeGreaterThanOrEqual(12);
    const leaves = tree.flatMap((d) => d.children);
    expect(leaves.length).toBeGreaterThanOrEqual(60);
    expect(leaves.find((l) => l.slug === 'sweaters')?.name).toBe('Sweaters & Jumpers');
  });

  test('a seller lists a product; anyone can read it with shop, category and availability', async () => {
    const seller = await createSeller();
    const created = await createProduct(seller, {
      title: 'Speckled stoneware mug',
      tags: ['mug', 'Mug', 'coffee'],
      priceCents: 3200,
      quantity: 2,
    });
    expect(created.tags).toEqual(['mug', 'coffee']);
    const { caller } = anonymousCaller();
    const product = await caller.catalog.product({ productId: created.id });
    expect(product).toMatchObject({
      title: 'Speckled stoneware mug',
      priceCents: 3200,
      quantity: 2,
      available: 2,
      category: { slug: 'mugs', name: 'Mugs & Cups' },
      shop: { id: seller.shopId, slug: seller.shop.slug },
      inCarts: 0,
    });
    const outbox = await testDeps()
      .db.selectFrom('search_outbox')
      .select('id')
      .where('product_id', '=', created.id)
      .execute();
    expect(outbox.length).toBeGreaterThan(0);
  });

  test("a seller cannot create, edit or archive another shop's listings", async () => {
    const owner = await createSeller();
    const intruder = await createSeller();
    const product = await createProduct(owner);
    const create = await rejection(intruder.caller.catalog.createProduct(productInput(owner.shopId)));
    expect(create.code).toBe('FORBIDDEN');
    const edit = await rejection(intruder.caller.catalog.updateProduct({ productId: product.id, priceCents: 1 }));
    expect(edit.code).toBe('FORBIDDEN');
    const archive = await rejection(intruder.caller.catalog.archiveProduct({ productId: product.id }));
    expect(archive.code).toBe('FORBIDDEN');
    const after = await owner.caller.catalog.product({ productId: product.id });
    expect(after.priceCents).toBe(product.priceCents);
    expect(after.status).toBe('active');
  });

  test('bad listing input names the field and writes nothing', async () => {
    const seller = await createSeller();
    const count = async () =>
      Number(
        (
          await testDeps()
            .db.selectFrom('products')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('shop_id', '=', seller.shopId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const cases = [
      { over: { priceCents: -5 }, field: 'priceCents' },
      { over: { quantity: -1 }, field: 'quantity' },
      { over: { quantity: 1.5 }, field: 'quantity' },
      { over: { title: 'x'.repeat(141) }, field: 'title' },
      { over: { tags: Array.from({ length: 14 }, (_, i) => `t${i}`) }, field: 'tags' },
      { over: { images: ['javascript:alert(1)'] }, field: 'images.0' },
    ];
    for (const c of cases) {
      const err = await rejection(seller.caller.catalog.createProduct(productInput(seller.shopId, c.over)));
      expect(err.code).toBe('BAD_REQUEST');
      expect(err.message).toContain(c.field);
    }
    const unknownCategory = await rejection(
      seller.caller.catalog.createProduct(productInput(seller.shopId, { categorySlug: 'spaceships' })),
    );
    expect(unknownCategory.code).toBe('BAD_REQUEST');
    expect(unknownCategory.message).toContain('spaceships');
    expect(await count()).toBe(0);
    const missing = await rejection(anonymousCaller().caller.catalog.product({ productId: 2_000_000_000 }));
    expect(missing.code).toBe('NOT_FOUND');
  });

  test('archived listings leave the shop listing but stay readable by id', async () => {
    const seller = await createSeller();
    const keep = await createProduct(seller);
    const gone = await createProduct(seller);
    await seller.caller.catalog.archiveProduct({ productId: gone.id });
    const { caller } = anonymousCaller();
    const page = await caller.catalog.shopProducts({ shopId: seller.shopId });
    expect(page.items.map((i) => i.id)).toEqual([keep.id]);
    expect((await caller.catalog.product({ productId: gone.id })).status).toBe('archived');
  });

  test('shop listings paginate with a cursor', async () => {
    const seller = await createSeller();
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createProduct(seller)).id);
    const { caller } = anonymousCaller();
    const first = await caller.catalog.shopProducts({ shopId: seller.shopId, limit: 2 });
    const second = await caller.catalog.shopProducts({
      shopId: seller.shopId,
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    const third = await caller.catalog.shopProducts({
      shopId: seller.shopId,
      limit: 2,
      cursor: second.nextCursor ?? undefined,
    });
    expect([...first.items, ...second.items, ...third.items].map((i) => i.id)).toEqual([...ids].reverse());
    expect(third.nextCursor).toBeNull();
  });
});
