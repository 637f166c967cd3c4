import { describe, expect, test } from 'bun:test';
import { drainAll } from '../../jobs/search-outbox-drainer';
import { rejection } from '../../test/expect-error';
import { anonymousCaller, createProduct, createSeller, productInput } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { waitUntil } from '../../test/wait-until';
import { type AvailabilityEvent, INVENTORY_CHANNEL } from '../realtime/inventory-events';
import { ensureSearchIndex } from '../search/search-index';

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

describe('catalog.restoreProduct', () => {
  test('an archived listing comes back: outbox row, searchable again, availability published', async () => {
    const deps = testDeps();
    await ensureSearchIndex(deps);
    const seller = await createSeller();
    const lamp = await createProduct(seller, { title: 'Restorable brass lamp', quantity: 3 });
    const shopSearch = () => anonymousCaller().caller.search.products({ shopId: seller.shopId });
    await seller.caller.catalog.archiveProduct({ productId: lamp.id });
    await drainAll(deps);
    await waitUntil(async () => (await shopSearch()).total === 0);

    const events: AvailabilityEvent[] = [];
    const unsubscribe = await deps.store.subscribe(INVENTORY_CHANNEL, (m) => events.push(...JSON.parse(m)));
    try {
      const pendingBefore = await outboxRows(lamp.id);
      expect(await seller.caller.catalog.restoreProduct({ productId: lamp.id })).toEqual({ ok: true, restored: true });
      // The products trigger queued the listing for search in the same statement.
      expect(await outboxRows(lamp.id)).toBeGreaterThan(pendingBefore);
      expect((await anonymousCaller().caller.catalog.product({ productId: lamp.id })).status).toBe('active');
      await waitUntil(async () => events.some((e) => e.productId === lamp.id && e.available === 3));

      await drainAll(deps);
      await waitUntil(async () => (await shopSearch()).hits.some((h) => h.id === lamp.id));
      const page = await anonymousCaller().caller.catalog.shopProducts({ shopId: seller.shopId });
      expect(page.items.map((i) => i.id)).toEqual([lamp.id]);

      // Restoring an active listing changes nothing and says so.
      expect(await seller.caller.catalog.restoreProduct({ productId: lamp.id })).toEqual({ ok: true, restored: false });
    } finally {
      await unsubscribe();
    }
  }, 90_000); // five waits on Meilisearch, which is busy in the full suite

  test('only the owner restores; unknown ids and bad input are refused with nothing written', async () => {
    const seller = await createSeller();
    const other = await createSeller();
    const vase = await createProduct(seller);
    await seller.caller.catalog.archiveProduct({ productId: vase.id });
    expect((await rejection(other.caller.catalog.restoreProduct({ productId: vase.id }))).code).toBe('FORBIDDEN');
    expect((await rejection(anonymousCaller().caller.catalog.restoreProduct({ productId: vase.id }))).code).toBe(
      'UNAUTHORIZED',
    );
    expect((await rejection(seller.caller.catalog.restoreProduct({ productId: 2_000_000_000 }))).code).toBe(
      'NOT_FOUND',
    );
    for (const productId of [0, -1, 1.5, Number.NaN])
      expect((await rejection(seller.caller.catalog.restoreProduct({ productId }))).code).toBe('BAD_REQUEST');
    expect((await anonymousCaller().caller.catalog.product({ productId: vase.id })).status).toBe('archived');
  });
});

async function outboxRows(productId: number): Promise<number> {
  const rows = await testDeps()
    .db.selectFrom('search_outbox')
    .select('id')
    .where('product_id', '=', productId)
    .execute();
  return rows.length;
}
