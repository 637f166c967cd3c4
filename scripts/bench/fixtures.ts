// Bench fixtures written straight to the database: signed-in buyers (sessions through the auth
// module, so the app accepts them) and a pool of well-stocked listings grouped by shop.
import { sql } from 'kysely';
import type { AppDeps } from '../../src/server/deps';
import { createSession } from '../../src/server/modules/auth/auth.session';
import { TrpcHttp } from './trpc-http';

const passwordHash = Bun.password.hash('bench-password-not-used', {
  algorithm: 'argon2id',
  memoryCost: 4096,
  timeCost: 2,
});
const runId = Date.now().toString(36);
let buyerCounter = 0;

export interface Buyer {
  id: number;
  cookie: string;
}

export async function createBuyers(deps: AppDeps, n: number): Promise<Buyer[]> {
  const hash = await passwordHash;
  const rows = await deps.db
    .insertInto('users')
    .values(
      Array.from({ length: n }, () => {
        buyerCounter += 1;
        return {
          email: `bench-${runId}-${buyerCounter}@bench.test`,
          name: `Bench Buyer ${buyerCounter}`,
          password_hash: hash,
          email_verified_at: new Date(),
        };
      }),
    )
    .returning('id')
    .execute();
  return Promise.all(
    rows.map(async (r) => ({ id: r.id, cookie: `hearth_session=${(await createSession(deps, r.id)).id}` })),
  );
}

export function clientFor(baseUrl: string, buyer: Buyer, ip: string): TrpcHttp {
  const c = new TrpcHttp(baseUrl, ip);
  c.cookie = buyer.cookie;
  return c;
}

export interface StockPool {
  productIds: number[];
  /** Shops with at least two stocked listings, and those listings. */
  byShop: Map<number, number[]>;
}

/** Picks listings spread over many shops and gives them deep stock so no scenario runs out. */
export async function prepareStock(deps: AppDeps, count = 2000): Promise<StockPool> {
  const rows = await sql<{ id: number; shop_id: number }>`
    with picked as (
      select id from products where status = 'active' and price_cents between 500 and 20000
        and variation_properties = '[]'::jsonb and personalization_prompt is null
      order by md5(id::text) limit ${count}
    )
    update products p set quantity = greatest(p.quantity, 1000000)
    from picked where p.id = picked.id
    returning p.id, p.shop_id`.execute(deps.db);
  const byShop = new Map<number, number[]>();
  for (const r of rows.rows) byShop.set(r.shop_id, [...(byShop.get(r.shop_id) ?? []), r.id]);
  for (const [shop, ids] of byShop) if (ids.length < 2) byShop.delete(shop);
  if (byShop.size === 0)
    throw new Error(
      `stock pool: ${rows.rows.length} plain listings picked, no shop has two of them for the checkout carts (catalogue too small?)`,
    );
  return { productIds: rows.rows.map((r) => r.id), byShop };
}

/** A combination of a listing with variations: what a cart line of it names. */
export interface VariantLine {
  productId: number;
  variantId: number;
}

export interface VariantPool {
  lines: VariantLine[];
  /** Shops with at least two variation listings, and each listing's combinations. */
  byShop: Map<number, VariantLine[][]>;
}

const BENCH_SIZES = '[{"name":"Size","values":["S","M","L"]}]';

/**
 * Listings with variations for the variation scenarios (issue 16): `count` Size S/M/L listings
 * with deep stock per combination. Those an earlier run made (--reuse) are topped up and used
 * again, so repeated runs neither eat the plain catalogue nor reindex hundreds of listings; the
 * rest are plain listings outside the plain pool, converted as the seller's save would (product
 * row first, then its combinations; triggers keep the aggregate).
 */
export async function prepareVariantStock(deps: AppDeps, exclude: number[], count = 600): Promise<VariantPool> {
  const reused = await reuseVariantListings(deps, exclude, count);
  const missing = count - new Set(reused.map((r) => r.product_id)).size;
  const made = missing > 0 ? await makeVariantListings(deps, exclude, missing) : [];
  const combos = [...reused, ...made];
  const lines = combos.map((r) => ({ productId: r.product_id, variantId: r.id }));
  const listings = new Map<number, { shop: number; lines: VariantLine[] }>();
  for (const r of combos) {
    const listing = listings.get(r.product_id) ?? { shop: r.shop_id, lines: [] };
    listing.lines.push({ productId: r.product_id, variantId: r.id });
    listings.set(r.product_id, listing);
  }
  const byShop = new Map<number, VariantLine[][]>();
  for (const l of listings.values()) byShop.set(l.shop, [...(byShop.get(l.shop) ?? []), l.lines]);
  for (const [shop, ls] of byShop) if (ls.length < 2) byShop.delete(shop);
  if (byShop.size === 0)
    throw new Error(
      'variation pool: no shop has two variation listings outside the stock pool (catalogue too small: try --products 1000 or more)',
    );
  return { lines, byShop };
}

type PoolCombination = { id: number; product_id: number; shop_id: number };

/** Bench-made variation listings of an earlier run (only they have combinations this deep), stock topped up. */
async function reuseVariantListings(deps: AppDeps, exclude: number[], count: number): Promise<PoolCombination[]> {
  return deps.db.transaction().execute(async (tx) => {
    // Picked as makeVariantListings picks them (pairs per shop first; a shop's only one left
    // out). Products first, in ascending id (the app's lock order), then their combinations.
    const locked = await sql<{ id: number }>`
      select id from products where id in (
        select id from (
          select p.id, p.shop_id, row_number() over (partition by p.shop_id order by p.id) as n,
                 count(*) over (partition by p.shop_id) as listings
          from products p
          where p.variation_properties = ${BENCH_SIZES}::jsonb and p.status = 'active'
            and p.id <> all(${exclude}::int[])
            and exists (select 1 from listing_variants v where v.product_id = p.id and not v.is_default
                        and v.quantity >= 500000)) bench
        where listings >= 2
        order by ceil(n / 2.0), md5(shop_id::text || 'v'), n limit ${count})
      order by id for no key update`.execute(tx);
    const ids = locked.rows.map((r) => r.id);
    const rows = await sql<PoolCombination>`
      update listing_variants v set quantity = greatest(v.quantity, 1000000)
      from products p
      where p.id = v.product_id and v.product_id = any(${ids}::int[]) and not v.is_default and v.enabled
      returning v.id, v.product_id, p.shop_id`.execute(tx);
    return rows.rows;
  });
}

async function makeVariantListings(deps: AppDeps, exclude: number[], count: number): Promise<PoolCombination[]> {
  // One transaction that locks the picked listings in ascending id first (the app's lock order):
  // the bulk updates below, each in its own order, deadlocked with the search drainer once.
  return deps.db.transaction().execute(async (tx) => {
    // Listings of shops with two or more, a pair of every shop before a second pair of any, so
    // checkout carts (two listings of a shop, as the plain pool's) spread over every shop.
    const locked = await sql<{ id: number }>`
      select id from products where id in (
        select id from (
          select id, shop_id, row_number() over (partition by shop_id order by md5(id::text || 'v')) as n,
                 count(*) over (partition by shop_id) as listings
          from products where status = 'active' and price_cents between 500 and 20000
            and variation_properties = '[]'::jsonb and not made_to_order and personalization_prompt is null
            and id <> all(${exclude}::int[])) eligible
        where listings >= 2
        order by ceil(n / 2.0), md5(shop_id::text || 'v'), n limit ${count})
      order by id for no key update`.execute(tx);
    const ids = locked.rows.map((r) => r.id);
    await sql`update products p set variation_properties = ${BENCH_SIZES}::jsonb where p.id = any(${ids}::int[])`.execute(
      tx,
    );
    await sql`update listing_variants set enabled = false where is_default and product_id = any(${ids}::int[])`.execute(
      tx,
    );
    const rows = await sql<PoolCombination>`
      insert into listing_variants (product_id, option1, price_cents, quantity, position)
      select p.id, s.size, p.price_cents + s.extra, 1000000, s.pos
      from products p cross join (values ('S', 0, 0), ('M', 0, 1), ('L', 200, 2)) as s(size, extra, pos)
      where p.id = any(${ids}::int[])
      returning id, product_id, (select p.shop_id from products p where p.id = listing_variants.product_id) as shop_id`.execute(
      tx,
    );
    return rows.rows;
  });
}

/** Five combinations of five listings from three different shops (2 + 2 + 1), as threeShopCart. */
export function threeShopVariantCart(pool: VariantPool, i: number): VariantLine[] {
  const shops = [...pool.byShop.keys()];
  const pick = (k: number) => pool.byShop.get(shops[(i * 3 + k) % shops.length])!;
  const [a, b, c] = [pick(0), pick(1), pick(2)];
  const combo = (listing: VariantLine[]) => listing[i % listing.length]!;
  return [combo(a[0]!), combo(a[1]!), combo(b[0]!), combo(b[1]!), combo(c[0]!)];
}

/** Five listings from three different shops (2 + 2 + 1). */
export function threeShopCart(pool: StockPool, i: number): number[] {
  const shops = [...pool.byShop.keys()];
  const pick = (k: number) => pool.byShop.get(shops[(i * 3 + k) % shops.length])!;
  const [a, b, c] = [pick(0), pick(1), pick(2)];
  return [a[0], a[1], b[0], b[1], c[0]];
}

export const benchAddress = {
  name: 'Bench Buyer',
  line1: '1 Load Test Way',
  city: 'Portland',
  region: 'OR',
  postalCode: '97201',
  country: 'US',
};
