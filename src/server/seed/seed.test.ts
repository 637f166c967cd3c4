// The demo catalogue on the real test database: deterministic for a seed, valid by the same
// rules the API enforces, realistic in its mix, and with aggregates that agree with the rows.
// Each run gets its own namespace and every assertion is scoped to the ids that run created.
import { describe, expect, test } from 'bun:test';
import { sql } from 'kysely';
import { createProductInput } from '../../shared/schemas/catalog';
import { anonymousCaller, unique } from '../test/factories';
import { testDeps } from '../test/test-services';
import { generateCatalogue } from './catalogue-generator';
import { placeholderImageResponse } from './placeholder-images';
import { seedCatalogue } from './seed-catalogue';

const small = { seed: 7, shops: 10, products: 400, buyers: 30, reindex: false } as const;

async function productsOf(ids: number[]) {
  return testDeps()
    .db.selectFrom('products as p')
    .innerJoin('categories as c', 'c.id', 'p.category_id')
    .select([
      'p.id',
      'p.title',
      'p.description',
      'p.price_cents',
      'p.quantity',
      'p.reserved',
      'p.is_vintage',
      'p.tags',
      'p.materials',
      'p.images',
      'p.status',
      'c.slug as category_slug',
      'c.parent_id as category_parent',
    ])
    .where('p.id', 'in', ids)
    .orderBy('p.id')
    .execute();
}

describe('demo catalogue seed', () => {
  test('the same seed gives the same titles and prices, run after run', async () => {
    const deps = testDeps();
    const a = await seedCatalogue(deps, { ...small, namespace: `${unique('a')}-` });
    const b = await seedCatalogue(deps, { ...small, namespace: `${unique('b')}-` });
    expect(a.productIds).toHaveLength(400);
    expect(b.shopIds).toHaveLength(10);
    const [rowsA, rowsB] = await Promise.all([productsOf(a.productIds), productsOf(b.productIds)]);
    expect(rowsA.map((r) => [r.title, r.price_cents])).toEqual(rowsB.map((r) => [r.title, r.price_cents]));
    // A different seed is a different catalogue.
    const other = generateCatalogue({ ...small, seed: 8 });
    expect(other.products.map((p) => p.title)).not.toEqual(rowsA.map((r) => r.title));
  });

  test('every listing is valid by the API rules, in a leaf category, with a realistic mix', async () => {
    const run = await seedCatalogue(testDeps(), { ...small, seed: 11, namespace: `${unique('v')}-` });
    const rows = await productsOf(run.productIds);
    expect(rows).toHaveLength(400);
    for (const r of rows) {
      const parsed = createProductInput.safeParse({
        shopId: 1,
        title: r.title,
        description: r.description,
        priceCents: r.price_cents,
        quantity: r.quantity,
        categorySlug: r.category_slug,
        tags: r.tags,
        materials: r.materials,
        isVintage: r.is_vintage,
        images: r.images,
      });
      if (!parsed.success) throw new Error(`${r.title}: ${parsed.error.message}`);
      expect(r.category_parent).not.toBeNull();
      expect(r.price_cents).toBeGreaterThan(0);
      expect(r.reserved).toBe(0);
      expect(r.images.length).toBeGreaterThan(0);
    }
    const leafParents = await testDeps()
      .db.selectFrom('categories')
      .select('id')
      .where('parent_id', 'in', [...new Set(rows.map((r) => r.category_parent!))])
      .execute();
    expect(leafParents.length).toBeGreaterThan(0);
    const childOfListing = await testDeps()
      .db.selectFrom('categories as c')
      .innerJoin('products as p', 'p.category_id', 'c.parent_id')
      .select('c.id')
      .where('p.id', 'in', run.productIds)
      .limit(1)
      .execute();
    expect(childOfListing).toHaveLength(0); // no listing sits on a category that has children

    const share = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).length / rows.length;
    const oneOfAKind = share((r) => r.quantity === 1);
    expect(oneOfAKind).toBeGreaterThanOrEqual(0.1);
    expect(oneOfAKind).toBeLessThanOrEqual(0.2);
    expect(share((r) => r.quantity === 0)).toBeGreaterThan(0); // some sold out
    expect(share((r) => r.is_vintage)).toBeGreaterThan(0.05);
    expect(rows.some((r) => r.is_vintage && !r.category_slug.startsWith('vintage'))).toBe(true);

    const text = (r: (typeof rows)[number]) => `${r.title} ${r.description} ${r.tags.join(' ')}`.toLowerCase();
    const all = rows.map(text).join('\n');
    expect(all).toMatch(/\b(jumper|trousers|nappy|colour|grey|mum|jewellery|personalised)\b/);
    expect(all).toMatch(/\b(sweater|pants|diaper|color|gray|mom|jewelry|personalized)\b/);
    expect(new Set(rows.map((r) => r.title)).size).toBeGreaterThan(390);
  });

  test('ratings, review, sales and favourite counts agree with the order, review and favourite rows', async () => {
    const deps = testDeps();
    const run = await seedCatalogue(deps, { ...small, seed: 23, namespace: `${unique('g')}-` });
    expect(run.counts.orders).toBeGreaterThan(50);
    expect(run.counts.reviews).toBeGreaterThan(10);

    const productMismatches = await sql<{ id: number }>`
      select p.id from products p
      where p.id = any(${run.productIds}::int[]) and (
        p.rating <> coalesce((select round(avg(r.rating)::numeric, 2) from reviews r where r.product_id = p.id), 0)
        or p.review_count <> (select count(*) from reviews r where r.product_id = p.id)
        or p.favorite_count <> (select count(*) from favorite_products f where f.product_id = p.id)
        or p.sales_count <> coalesce((select sum(oi.quantity) from order_items oi join orders o on o.id = oi.order_id
                                      where oi.product_id = p.id and o.status <> 'cancelled'), 0))`.execute(deps.db);
    expect(productMismatches.rows).toEqual([]);

    const shopMismatches = await sql<{ id: number }>`
      select s.id from shops s
      where s.id = any(${run.shopIds}::int[]) and (
        s.rating <> coalesce((select round(avg(r.rating)::numeric, 2) from reviews r where r.shop_id = s.id), 0)
        or s.review_count <> (select count(*) from reviews r where r.shop_id = s.id)
        or s.favorite_count <> (select count(*) from favorite_shops f where f.shop_id = s.id)
        or s.sales_count <> coalesce((select sum(oi.quantity) from order_items oi join orders o on o.id = oi.order_id
                                      where o.shop_id = s.id and o.status <> 'cancelled'), 0))`.execute(deps.db);
    expect(shopMismatches.rows).toEqual([]);

    // Reviews only on delivered lines, by the order's buyer; orders add up; history ends at the status.
    const badReviews = await sql<{ id: number }>`
      select r.id from reviews r join order_items oi on oi.id = r.order_item_id join orders o on o.id = oi.order_id
      where r.shop_id = any(${run.shopIds}::int[])
        and (o.status <> 'delivered' or r.user_id <> o.buyer_id or r.product_id <> oi.product_id or r.shop_id <> o.shop_id)`.execute(
      deps.db,
    );
    expect(badReviews.rows).toEqual([]);
    const badOrders = await sql<{ id: number }>`
      select o.id from orders o
      where o.shop_id = any(${run.shopIds}::int[]) and (
        o.total_cents <> o.subtotal_cents + o.shipping_cents + o.tax_cents
        or o.subtotal_cents <> (select sum(price_cents * quantity) from order_items where order_id = o.id)
        or o.status <> (select h.status from order_status_history h where h.order_id = o.id order by h.created_at desc, h.id desc limit 1)
        or exists (select 1 from order_items oi join products p on p.id = oi.product_id where oi.order_id = o.id and p.shop_id <> o.shop_id))`.execute(
      deps.db,
    );
    expect(badOrders.rows).toEqual([]);
    const statuses = await deps.db
      .selectFrom('orders')
      .select('status')
      .distinct()
      .where('shop_id', 'in', run.shopIds)
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(expect.arrayContaining(['delivered', 'paid', 'shipped']));
    // The seed's own search-outbox rows are gone (reindex replaces them).
    const outbox = await deps.db
      .selectFrom('search_outbox')
      .select('id')
      .where('product_id', 'in', run.productIds)
      .execute();
    expect(outbox).toHaveLength(0);
  });

  test('demo accounts sign in with the printed password and have history', async () => {
    const deps = testDeps();
    const namespace = `${unique('d')}-`;
    const run = await seedCatalogue(deps, { ...small, seed: 5, namespace, demoAccounts: true });
    const buyerEmail = run.demo.buyer ?? `${namespace}buyer-0@seed.hearth.test`;
    const { caller } = anonymousCaller(deps);
    const { user } = await caller.auth.login({ email: buyerEmail, password: run.demo.password });
    expect(user.email).toBe(buyerEmail);
    if (run.demo.seller) {
      const seller = await anonymousCaller(deps).caller.auth.login({
        email: run.demo.seller,
        password: run.demo.password,
      });
      expect(seller.user.shopId).toBe(run.shopIds[0]!);
      const open = await deps.db
        .selectFrom('orders')
        .select('id')
        .where('shop_id', '=', run.shopIds[0]!)
        .where('status', 'in', ['paid', 'processing'])
        .execute();
      expect(open.length).toBeGreaterThan(0);
    }
    if (run.demo.buyer) {
      const orders = await deps.db.selectFrom('orders').select('id').where('buyer_id', '=', run.buyerIds[0]!).execute();
      expect(orders.length).toBeGreaterThanOrEqual(5);
    }
  });

  test('placeholder images are deterministic SVGs with a day of caching', async () => {
    const res = placeholderImageResponse('/images/ph/mugs-3.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    const body = await res.text();
    expect(body).toContain('Mugs &#38; Cups');
    expect(await placeholderImageResponse('/images/ph/mugs-3.svg').text()).toBe(body);
    expect((await placeholderImageResponse('/images/ph/logo-bc-1.svg').text()).includes('BC')).toBe(true);
    expect(placeholderImageResponse('/images/ph/banner-rugs-2.svg').status).toBe(200);
    for (const bad of ['/images/ph/nope-1.svg', '/images/ph/mugs.svg', '/images/ph/../x.svg', '/images/ph/MUGS-1.svg'])
      expect(placeholderImageResponse(bad).status).toBe(404);
  });
});
