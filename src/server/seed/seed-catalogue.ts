// Writes a generated catalogue into PostgreSQL in one transaction (all of it or none of it),
// then rebuilds the search index. Ids are taken from the sequences up front so every row can
// reference its parents without a round trip per row; aggregates arrive already computed.
import type { PoolClient } from 'pg';
import type { AppDeps } from '../deps';
import { categoryTaxonomy } from '../modules/catalog/category-taxonomy';
import { reindexProducts } from '../modules/search/search.reindex';
import { listingTerms } from '../modules/search/search-listing-terms';
import { bulkInsert, reserveIds } from './bulk-insert';
import { type GenCatalogue, type GenerateOptions, generateCatalogue, leafGroups } from './catalogue-generator';
import { writeListingExtras } from './seed-variations';

export const DEMO_PASSWORD = 'hearth-demo-123';
export const DEMO_BUYER_EMAIL = 'buyer@hearth.test';
export const DEMO_SELLER_EMAIL = 'seller@hearth.test';
const SEED_DOMAIN = 'seed.hearth.test';
const departmentNames = new Map(categoryTaxonomy.map((top) => [top.slug, top.name]));

/** Every table the seed writes, children first: what --reset empties. */
const SEEDED_TABLES = [
  'reviews',
  'order_status_history',
  'order_items',
  'orders',
  'payments',
  'favorite_products',
  'favorite_shops',
  'product_views',
  'trending_products',
  'cart_items',
  'carts',
  'notifications',
  'idempotency_keys',
  'search_outbox',
  // No foreign key, so the cascade misses them, yet they name ids the restarted sequences hand out
  // again: a mail's dedupe key ('order-confirmation:<payment id>') refused every checkout of a
  // re-seeded database, and a pending sales event would count for the new shop with its id.
  'email_outbox',
  'shop_sales_events',
  'products',
  'shops',
  'sessions',
  'users',
];

export interface SeedOptions extends GenerateOptions {
  /** Empty every seeded table first. */
  reset?: boolean;
  /** Seed only when there are no products (checked under an advisory lock). */
  onlyIfEmpty?: boolean;
  /** Prefix for generated emails and shop slugs, so runs can share a database (tests). */
  namespace?: string;
  /** Give buyer 0 and seller 0 the fixed demo logins (when those emails are free). */
  demoAccounts?: boolean;
  /** Rebuild the Meilisearch index afterwards (default true when Meilisearch is configured). */
  reindex?: boolean;
}

export type SeedProgress = (phase: string, done: number, total: number) => void;

export interface SeedResult {
  skipped: boolean;
  shopIds: number[];
  productIds: number[];
  buyerIds: number[];
  demo: { buyer: string | null; seller: string | null; password: string };
  counts: Record<string, number>;
  /** Milliseconds per phase. */
  timings: Record<string, number>;
  indexed: number | null;
}

export async function seedCatalogue(deps: AppDeps, options: SeedOptions, progress?: SeedProgress): Promise<SeedResult> {
  const timings: Record<string, number> = {};
  const startedAll = performance.now();
  const timed = async <T>(phase: string, work: () => Promise<T> | T): Promise<T> => {
    const t = performance.now();
    try {
      return await work();
    } finally {
      timings[phase] = Math.round(performance.now() - t);
    }
  };
  const empty: SeedResult = {
    skipped: true,
    shopIds: [],
    productIds: [],
    buyerIds: [],
    demo: { buyer: null, seller: null, password: DEMO_PASSWORD },
    counts: {},
    timings,
    indexed: null,
  };

  progress?.('generate', 0, 1);
  const cat = await timed('generate', () => generateCatalogue(options));
  progress?.('generate', 1, 1);
  const passwordHash = await timed('hash', () => Bun.password.hash(DEMO_PASSWORD, { algorithm: 'argon2id' }));

  // Listings commit first, so Meilisearch indexes them (CPU in another process) while the
  // history loads; the listings already carry their final ratings and counts, so nothing the
  // second transaction writes changes a search document.
  let reindexing: Promise<number | null> | null = null;
  let lastIndexProgress: [number, number] | null = null;
  let showIndexProgress = false;
  const indexProgress = (done: number, total: number) => {
    lastIndexProgress = [done, total];
    if (showIndexProgress) progress?.('search index', done, total);
  };
  const client = await deps.pool.connect();
  let written: Omit<SeedResult, 'timings' | 'skipped' | 'indexed'>;
  try {
    // One seeding at a time (two instances booting on an empty database, or a CLI run).
    await client.query(`select pg_advisory_lock(hashtext('hearth:seed'))`);
    try {
      await client.query('begin');
      if (options.reset) {
        await timed('reset', () =>
          client.query(`truncate ${SEEDED_TABLES.join(', ')} restart identity cascade`).then(() => undefined),
        );
      } else if (options.onlyIfEmpty) {
        const any = await client.query('select 1 from products limit 1');
        if (any.rowCount) {
          await client.query('rollback');
          return empty;
        }
      }
      const afterListings = async (productIds: number[]) => {
        await timed('commit listings', () => client.query('commit').then(() => undefined));
        if (options.reset && deps.meili) {
          await deps.meili
            .index(deps.config.productsIndex)
            .deleteAllDocuments()
            .waitTask()
            .catch(() => null);
        }
        if (deps.meili && options.reindex !== false) {
          const started = performance.now();
          reindexing = reindexSafely(deps, productIds, indexProgress).finally(() => {
            timings.reindex = Math.round(performance.now() - started);
          });
        }
        await client.query('begin');
      };
      written = await writeCatalogue(client, cat, options, passwordHash, timed, progress, afterListings);
      await timed('commit history', () => client.query('commit').then(() => undefined));
    } catch (err) {
      await client.query('rollback').catch(() => {});
      await Promise.resolve(reindexing).catch(() => null);
      throw err;
    } finally {
      await client.query(`select pg_advisory_unlock(hashtext('hearth:seed'))`).catch(() => {});
    }
  } finally {
    client.release();
  }

  await timed('analyze', () =>
    deps.pool.query('analyze products, shops, orders, order_items, reviews, product_views, favorite_products'),
  );
  showIndexProgress = true;
  if (lastIndexProgress) indexProgress(...(lastIndexProgress as [number, number]));
  const waitStarted = performance.now();
  const indexed = reindexing ? await reindexing : null;
  if (reindexing) timings['reindex (after load)'] = Math.round(performance.now() - waitStarted);
  timings.total = Math.round(performance.now() - startedAll);
  return { ...written, skipped: false, timings, indexed };
}

/** Rebuilds the index; if that fails the listings go back on the outbox for the drainer. */
async function reindexSafely(
  deps: AppDeps,
  productIds: number[],
  onProgress: (done: number, total: number) => void,
): Promise<number | null> {
  try {
    const { indexed } = await reindexProducts(deps, onProgress);
    return indexed;
  } catch (err) {
    deps.log.warn(
      { err: (err as Error).message },
      'seed: search reindex failed; queued listings for the outbox drainer',
    );
    await deps.pool.query('insert into search_outbox (product_id) select unnest($1::int[])', [productIds]);
    return null;
  }
}

const BULK_INDEX_THRESHOLD = 20_000;

/** Drops a table's non-unique indexes inside the open transaction; returns their definitions. */
async function dropSecondaryIndexes(client: PoolClient, table: string): Promise<string[]> {
  await client.query(`set local maintenance_work_mem = '256MB'`);
  const { rows } = await client.query<{ name: string; def: string }>(
    `select quote_ident(ci.relname) as name, pg_get_indexdef(ci.oid) as def
       from pg_index x
       join pg_class ci on ci.oid = x.indexrelid
       join pg_class ct on ct.oid = x.indrelid
      where ct.oid = to_regclass($1) and not x.indisunique and not x.indisprimary`,
    [table],
  );
  for (const r of rows) await client.query(`drop index ${r.name}`);
  return rows.map((r) => r.def);
}

async function writeCatalogue(
  client: PoolClient,
  cat: GenCatalogue,
  options: SeedOptions,
  passwordHash: string,
  timed: <T>(phase: string, work: () => Promise<T> | T) => Promise<T>,
  progress: SeedProgress | undefined,
  afterListings: (productIds: number[]) => Promise<void>,
): Promise<Omit<SeedResult, 'timings' | 'skipped' | 'indexed'>> {
  const categories = await client.query<{ id: number; slug: string }>('select id, slug from categories');
  const categoryId = new Map(categories.rows.map((r) => [r.slug, r.id]));
  for (const p of cat.products)
    if (!categoryId.has(p.leafSlug)) throw new Error(`seed: category ${p.leafSlug} is not in the database`);

  // Names that must be unique across runs sharing a database.
  let ns = options.namespace ?? '';
  if (!ns) {
    const clash = await client.query('select 1 from users where email = $1', [`maker-1@${SEED_DOMAIN}`]);
    if (clash.rowCount) ns = `r${Date.now().toString(36)}-`;
  }
  const taken = await client.query<{ email: string }>('select email::text from users where email = any($1::text[])', [
    [DEMO_BUYER_EMAIL, DEMO_SELLER_EMAIL],
  ]);
  const takenEmails = new Set(taken.rows.map((r) => r.email));
  const demoBuyer = options.demoAccounts && !takenEmails.has(DEMO_BUYER_EMAIL) ? DEMO_BUYER_EMAIL : null;
  const demoSeller = options.demoAccounts && !takenEmails.has(DEMO_SELLER_EMAIL) ? DEMO_SELLER_EMAIL : null;
  const existingSlugs = new Set(
    (await client.query<{ slug: string }>('select slug from shops')).rows.map((r) => r.slug),
  );
  const shopSlugs = cat.shops.map((s) => {
    const base = (ns ? `${ns}${s.slugBase}` : s.slugBase).replace(/-+$/, '') || 'shop';
    let slug = base;
    for (let i = 2; existingSlugs.has(slug); i++) slug = `${base}-${i}`;
    existingSlugs.add(slug);
    return slug;
  });

  const itemCount = cat.orders.reduce((n, o) => n + o.items.length, 0);
  const ids = await timed('reserve ids', async () => ({
    users: await reserveIds(client, 'users', cat.sellers.length + cat.buyers.length),
    shops: await reserveIds(client, 'shops', cat.shops.length),
    products: await reserveIds(client, 'products', cat.products.length),
    payments: await reserveIds(client, 'payments', cat.orders.length),
    orders: await reserveIds(client, 'orders', cat.orders.length),
    items: await reserveIds(client, 'order_items', itemCount),
  }));
  const sellerId = (i: number) => ids.users[i]!;
  const buyerId = (i: number) => ids.users[cat.sellers.length + i]!;
  const runRef = `${ns || 'seed'}${options.seed}-${Date.now().toString(36)}`;

  const phase = async <Row>(
    name: string,
    table: string,
    rows: readonly Row[],
    columns: Parameters<typeof bulkInsert<Row>>[2],
  ) => {
    let done = 0;
    progress?.(name, 0, rows.length);
    await timed(name, () =>
      bulkInsert(client, table, columns, rows, {
        onBatch: (n) => {
          done += n;
          progress?.(name, done, rows.length);
        },
      }),
    );
  };

  const users = [
    ...cat.sellers.map((u, i) => ({
      id: sellerId(i),
      email: i === 0 && demoSeller ? demoSeller : `${ns}maker-${i}@${SEED_DOMAIN}`,
      ...u,
    })),
    ...cat.buyers.map((u, i) => ({
      id: buyerId(i),
      email: i === 0 && demoBuyer ? demoBuyer : `${ns}buyer-${i}@${SEED_DOMAIN}`,
      ...u,
    })),
  ];
  await phase('users', 'users', users, [
    { name: 'id', type: 'int', value: (u) => u.id },
    { name: 'email', type: 'text', value: (u) => u.email },
    { name: 'password_hash', type: 'text', value: () => passwordHash },
    { name: 'name', type: 'text', value: (u) => u.name },
    { name: 'created_at', type: 'timestamptz', value: (u) => u.createdAt },
    // Demo accounts count as verified (decision 0071): their mailboxes do not exist, and the
    // demo sellers' shops are live.
    { name: 'email_verified_at', type: 'timestamptz', value: (u) => u.createdAt },
  ]);

  await phase(
    'shops',
    'shops',
    cat.shops.map((s, i) => ({ ...s, i })),
    [
      { name: 'id', type: 'int', value: (s) => ids.shops[s.i] },
      { name: 'owner_id', type: 'int', value: (s) => sellerId(s.ownerIndex) },
      { name: 'slug', type: 'text', value: (s) => shopSlugs[s.i] },
      { name: 'name', type: 'text', value: (s) => s.name },
      { name: 'tagline', type: 'text', value: (s) => s.tagline },
      { name: 'description', type: 'text', value: (s) => s.description },
      { name: 'logo_url', type: 'text', value: (s) => s.logoUrl },
      { name: 'banner_url', type: 'text', value: (s) => s.bannerUrl },
      { name: 'flat_rate_cents', type: 'bigint', value: (s) => s.flatRateCents },
      { name: 'free_over_cents', type: 'bigint', value: (s) => s.freeOverCents },
      { name: 'processing_days', type: 'int', value: (s) => s.processingDays },
      { name: 'rating', type: 'numeric', value: (s) => s.rating },
      { name: 'review_count', type: 'int', value: (s) => s.reviewCount },
      { name: 'sales_count', type: 'int', value: (s) => s.salesCount },
      { name: 'favorite_count', type: 'int', value: (s) => s.favoriteCount },
      { name: 'created_at', type: 'timestamptz', value: (s) => s.createdAt },
      { name: 'updated_at', type: 'timestamptz', value: (s) => s.createdAt },
    ],
  );

  // Into an empty table, building the secondary indexes (GIN full-text and trigram) once after
  // the load is several times faster than maintaining them row by row. Their definitions are
  // read back from the catalog, so whatever the migrations declare is what gets rebuilt.
  const bulkIndexes =
    cat.products.length >= BULK_INDEX_THRESHOLD && !(await client.query('select 1 from products limit 1')).rowCount;
  const deferred = bulkIndexes ? await dropSecondaryIndexes(client, 'products') : [];
  // The per-row search-outbox trigger would queue every listing only for the reindex after
  // commit to replace it: switch it off for this transaction (ALTER is transactional; writers to
  // products wait for the seed to commit, readers do not).
  const outboxTriggers = await client.query<{ name: string }>(
    `select quote_ident(t.tgname) as name from pg_trigger t
      where t.tgrelid = to_regclass('products') and not t.tgisinternal
        and t.tgfoid = to_regproc('products_enqueue_search') and (t.tgtype & 4) <> 0`,
  );
  for (const t of outboxTriggers.rows) await client.query(`alter table products disable trigger ${t.name}`);

  await phase(
    'products',
    'products',
    cat.products.map((p, i) => ({ ...p, i })),
    [
      { name: 'id', type: 'int', value: (p) => ids.products[p.i] },
      { name: 'shop_id', type: 'int', value: (p) => ids.shops[p.shopIndex] },
      { name: 'title', type: 'text', value: (p) => p.title },
      { name: 'description', type: 'text', value: (p) => p.description },
      { name: 'price_cents', type: 'bigint', value: (p) => p.priceCents },
      { name: 'quantity', type: 'int', value: (p) => p.quantity },
      { name: 'is_vintage', type: 'bool', value: (p) => p.isVintage },
      { name: 'category_id', type: 'int', value: (p) => categoryId.get(p.leafSlug) },
      { name: 'tags', type: 'text[]', value: (p) => p.tags },
      { name: 'materials', type: 'text[]', value: (p) => p.materials },
      { name: 'images', type: 'text[]', value: (p) => p.images },
      { name: 'status', type: 'text', value: (p) => p.status },
      { name: 'rating', type: 'numeric', value: (p) => p.rating },
      { name: 'review_count', type: 'int', value: (p) => p.reviewCount },
      { name: 'favorite_count', type: 'int', value: (p) => p.favoriteCount },
      { name: 'sales_count', type: 'int', value: (p) => p.salesCount },
      { name: 'created_at', type: 'timestamptz', value: (p) => p.createdAt },
      { name: 'updated_at', type: 'timestamptz', value: (p) => p.createdAt },
      // The search normaliser's terms, so the fallback matches like Meilisearch from the start.
      {
        name: 'search_terms',
        type: 'jsonb',
        value: (p) =>
          listingTerms({
            title: p.title,
            tags: p.tags,
            materials: p.materials,
            categoryName: leafGroups.get(p.leafSlug)!.name,
            departmentName: departmentNames.get(leafGroups.get(p.leafSlug)!.group)!,
            isVintage: p.isVintage,
            description: p.description,
            shopName: cat.shops[p.shopIndex]!.name,
            variationValues: p.extras?.variations?.properties.flatMap((x) => x.values),
          }),
      },
    ],
  );

  if (deferred.length) {
    let built = 0;
    progress?.('product indexes', 0, deferred.length);
    await timed('product indexes', async () => {
      for (const def of deferred) {
        await client.query(def);
        progress?.('product indexes', ++built, deferred.length);
      }
    });
  }

  const withExtras = cat.products.flatMap((p, i) => (p.extras ? [{ id: ids.products[i]!, extras: p.extras }] : []));
  await timed('variations', () => writeListingExtras(client, withExtras));

  for (const t of outboxTriggers.rows) await client.query(`alter table products enable trigger ${t.name}`);
  if (!outboxTriggers.rowCount) {
    // Unknown trigger layout: drop whatever sync rows the inserts queued instead.
    await timed('outbox cleanup', () =>
      client.query('delete from search_outbox where product_id = any($1::int[])', [ids.products]),
    );
  }

  await afterListings(ids.products);

  const orders = cat.orders.map((o, i) => ({ ...o, i, lastAt: o.history[o.history.length - 1]!.at }));
  await phase('payments', 'payments', orders, [
    { name: 'id', type: 'int', value: (o) => ids.payments[o.i] },
    { name: 'buyer_id', type: 'int', value: (o) => buyerId(o.buyerIndex) },
    // Demo history never went through a processor: its own provider name keeps the payment
    // reconciliation job from comparing it with the test processor's ledger.
    { name: 'provider', type: 'text', value: () => 'seed' },
    { name: 'provider_ref', type: 'text', value: (o) => `seed_${runRef}_${o.i}` },
    { name: 'amount_cents', type: 'bigint', value: (o) => o.totalCents },
    { name: 'refunded_cents', type: 'bigint', value: (o) => (o.status === 'cancelled' ? o.totalCents : 0) },
    { name: 'status', type: 'text', value: (o) => (o.status === 'cancelled' ? 'refunded' : 'captured') },
    { name: 'created_at', type: 'timestamptz', value: (o) => o.createdAt },
    { name: 'updated_at', type: 'timestamptz', value: (o) => o.lastAt },
  ]);
  await phase('orders', 'orders', orders, [
    { name: 'id', type: 'int', value: (o) => ids.orders[o.i] },
    { name: 'buyer_id', type: 'int', value: (o) => buyerId(o.buyerIndex) },
    { name: 'shop_id', type: 'int', value: (o) => ids.shops[o.shopIndex] },
    { name: 'payment_id', type: 'int', value: (o) => ids.payments[o.i] },
    { name: 'status', type: 'text', value: (o) => o.status },
    { name: 'subtotal_cents', type: 'bigint', value: (o) => o.subtotalCents },
    { name: 'shipping_cents', type: 'bigint', value: (o) => o.shippingCents },
    { name: 'tax_cents', type: 'bigint', value: (o) => o.taxCents },
    { name: 'total_cents', type: 'bigint', value: (o) => o.totalCents },
    { name: 'shipping_address', type: 'jsonb', value: (o) => cat.buyers[o.buyerIndex]!.address },
    { name: 'tracking_number', type: 'text', value: (o) => o.trackingNumber },
    { name: 'carrier', type: 'text', value: (o) => o.carrier },
    { name: 'created_at', type: 'timestamptz', value: (o) => o.createdAt },
    { name: 'updated_at', type: 'timestamptz', value: (o) => o.lastAt },
  ]);
  const lines = orders.flatMap((o) =>
    o.items.map((it, k) => ({ ...it, orderIndex: o.i, itemIndex: o.firstItemIndex + k })),
  );
  await phase('order items', 'order_items', lines, [
    { name: 'id', type: 'int', value: (l) => ids.items[l.itemIndex] },
    { name: 'order_id', type: 'int', value: (l) => ids.orders[l.orderIndex] },
    { name: 'product_id', type: 'int', value: (l) => ids.products[l.productIndex] },
    { name: 'title', type: 'text', value: (l) => cat.products[l.productIndex]!.title },
    { name: 'image', type: 'text', value: (l) => cat.products[l.productIndex]!.images[0] ?? null },
    { name: 'price_cents', type: 'bigint', value: (l) => l.priceCents },
    { name: 'quantity', type: 'int', value: (l) => l.quantity },
  ]);
  const history = orders.flatMap((o) => o.history.map((h) => ({ ...h, orderIndex: o.i })));
  await phase('order history', 'order_status_history', history, [
    { name: 'order_id', type: 'int', value: (h) => ids.orders[h.orderIndex] },
    { name: 'status', type: 'text', value: (h) => h.status },
    { name: 'note', type: 'text', value: (h) => h.note },
    { name: 'created_at', type: 'timestamptz', value: (h) => h.at },
  ]);
  await phase('reviews', 'reviews', cat.reviews, [
    { name: 'order_item_id', type: 'int', value: (r) => ids.items[r.itemIndex] },
    { name: 'product_id', type: 'int', value: (r) => ids.products[r.productIndex] },
    { name: 'shop_id', type: 'int', value: (r) => ids.shops[r.shopIndex] },
    { name: 'user_id', type: 'int', value: (r) => buyerId(r.buyerIndex) },
    { name: 'rating', type: 'int', value: (r) => r.rating },
    { name: 'text', type: 'text', value: (r) => r.text },
    { name: 'reply', type: 'text', value: (r) => r.reply },
    { name: 'replied_at', type: 'timestamptz', value: (r) => (r.reply ? r.createdAt + 86_400_000 : null) },
    { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  ]);
  await phase('favourites', 'favorite_products', cat.favoriteProducts, [
    { name: 'user_id', type: 'int', value: (f) => buyerId(f.buyerIndex) },
    { name: 'product_id', type: 'int', value: (f) => ids.products[f.productIndex] },
    { name: 'created_at', type: 'timestamptz', value: (f) => f.at },
  ]);
  await phase('shop favourites', 'favorite_shops', cat.favoriteShops, [
    { name: 'user_id', type: 'int', value: (f) => buyerId(f.buyerIndex) },
    { name: 'shop_id', type: 'int', value: (f) => ids.shops[f.shopIndex] },
    { name: 'created_at', type: 'timestamptz', value: (f) => f.at },
  ]);
  await phase('views', 'product_views', cat.views, [
    { name: 'user_id', type: 'int', value: (v) => buyerId(v.buyerIndex) },
    { name: 'product_id', type: 'int', value: (v) => ids.products[v.productIndex] },
    { name: 'view_count', type: 'int', value: (v) => v.count },
    { name: 'viewed_at', type: 'timestamptz', value: (v) => v.at },
  ]);

  return {
    shopIds: ids.shops,
    productIds: ids.products,
    buyerIds: cat.buyers.map((_, i) => buyerId(i)),
    demo: { buyer: demoBuyer, seller: demoSeller, password: DEMO_PASSWORD },
    counts: {
      shops: cat.shops.length,
      products: cat.products.length,
      buyers: cat.buyers.length,
      orders: cat.orders.length,
      orderItems: lines.length,
      reviews: cat.reviews.length,
      favourites: cat.favoriteProducts.length + cat.favoriteShops.length,
      views: cat.views.length,
    },
  };
}
