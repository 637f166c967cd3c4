// The feed's reads: a shopper's signals and the candidate listings for each section. Every
// candidate query returns ProductCard rows of active, in-stock listings and skips `excludeIds`.
import { sql } from 'kysely';
import { listingAvailableSql } from '../../db/available-units';
import type { DbOrTx } from '../../db/kysely';
import { productCardQuery } from '../catalog/catalog.repository';

export interface Seed {
  categoryId: number;
  tags: string[];
  materials: string[];
  priceCents: number;
}

export interface CandidateFilter {
  excludeIds: number[];
  excludeShopId: number | null;
  limit: number;
}

function listedCards(db: DbOrTx, filter: CandidateFilter) {
  let q = productCardQuery(db)
    .where('p.status', '=', 'active')
    .where(listingAvailableSql('p'), '>', 0)
    .where(sql<boolean>`p.id <> all(${filter.excludeIds}::int[])`);
  if (filter.excludeShopId !== null) q = q.where('p.shop_id', '<>', filter.excludeShopId);
  return q;
}

export function recentFavorites(db: DbOrTx, userId: number, limit: number) {
  return db
    .selectFrom('favorite_products as f')
    .innerJoin('products as p', 'p.id', 'f.product_id')
    .select(['p.id', 'p.title', 'p.status', 'p.category_id', 'p.tags', 'p.materials', 'p.price_cents'])
    .where('f.user_id', '=', userId)
    .orderBy('f.created_at', 'desc')
    .limit(limit)
    .execute();
}

export function recentPurchases(db: DbOrTx, userId: number, limit: number) {
  return db
    .selectFrom('order_items as oi')
    .innerJoin('orders as o', 'o.id', 'oi.order_id')
    .innerJoin('products as p', 'p.id', 'oi.product_id')
    .select(['p.id', 'p.title', 'p.status', 'p.category_id', 'p.tags', 'p.materials', 'p.price_cents'])
    .where('o.buyer_id', '=', userId)
    .where('o.status', '<>', 'cancelled')
    .orderBy('o.id', 'desc')
    .limit(limit)
    .execute();
}

export function categoryName(db: DbOrTx, categoryId: number) {
  return db.selectFrom('categories').select(['id', 'slug', 'name']).where('id', '=', categoryId).executeTakeFirst();
}

export function followedShopCount(db: DbOrTx, userId: number) {
  return db
    .selectFrom('favorite_shops')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
}

/** Look-alikes of a seed: same category, shared tags or materials, within half to double its price. */
export function similarProducts(db: DbOrTx, seed: Seed, filter: CandidateFilter) {
  const lo = Math.floor(seed.priceCents / 2);
  const hi = Math.ceil(seed.priceCents * 2);
  return listedCards(db, filter)
    .select(
      // Cheap boolean overlaps rather than counting shared tags: this runs over every
      // candidate in the price band, and the ranking barely changes.
      sql<number>`(case when p.category_id = ${seed.categoryId} then 3 else 0 end)
        + (p.tags && ${seed.tags}::text[])::int
        + (p.materials && ${seed.materials}::text[])::int`.as('similarity'),
    )
    .where('p.price_cents', '>=', lo)
    .where('p.price_cents', '<=', hi)
    .where((eb) =>
      eb.or([
        eb('p.category_id', '=', seed.categoryId),
        sql<boolean>`p.tags && ${seed.tags}::text[]`,
        sql<boolean>`p.materials && ${seed.materials}::text[]`,
      ]),
    )
    .orderBy('similarity', 'desc')
    .orderBy(sql`abs(p.price_cents - ${seed.priceCents})`)
    .orderBy('p.id', 'desc')
    .limit(filter.limit)
    .execute();
}

/** Listings in a category within a price band, most trending first, then most favourited. */
export function productsInCategory(
  db: DbOrTx,
  categoryId: number,
  band: { lo: number; hi: number },
  filter: CandidateFilter,
) {
  return listedCards(db, filter)
    .leftJoin('trending_products as t', 't.product_id', 'p.id')
    .where('p.category_id', '=', categoryId)
    .where('p.price_cents', '>=', band.lo)
    .where('p.price_cents', '<=', band.hi)
    .orderBy(sql`coalesce(t.score, 0)`, 'desc')
    .orderBy('p.favorite_count', 'desc')
    .orderBy('p.id', 'desc')
    .limit(filter.limit)
    .execute();
}

/** Recent listings from shops the user favourited, newest first. */
export function newFromFollowedShops(db: DbOrTx, userId: number, sinceDays: number, filter: CandidateFilter) {
  return listedCards(db, filter)
    .innerJoin('favorite_shops as fs', 'fs.shop_id', 'p.shop_id')
    .where('fs.user_id', '=', userId)
    .where('p.created_at', '>', sql<Date>`now() - make_interval(days => ${sinceDays})`)
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(filter.limit)
    .execute();
}

export function trendingProducts(db: DbOrTx, filter: CandidateFilter) {
  return listedCards(db, filter)
    .innerJoin('trending_products as t', 't.product_id', 'p.id')
    .orderBy('t.score', 'desc')
    .orderBy('p.id', 'desc')
    .limit(filter.limit)
    .execute();
}

export function newestProducts(db: DbOrTx, filter: CandidateFilter) {
  return listedCards(db, filter).orderBy('p.id', 'desc').limit(filter.limit).execute();
}

export function findSeedProduct(db: DbOrTx, productId: number) {
  return db
    .selectFrom('products')
    .select(['id', 'title', 'status', 'category_id', 'tags', 'materials', 'price_cents', 'shop_id'])
    .where('id', '=', productId)
    .executeTakeFirst();
}

/**
 * Products bought by other buyers who also bought `productId`, ranked by how many such buyers
 * bought each. Looks at the product's most recent buyers only, so a best-seller stays cheap.
 */
export function coPurchasedProductIds(db: DbOrTx, productId: number, viewerId: number | null, limit: number) {
  return db
    .with('buyers', (w) =>
      w
        .selectFrom('order_items as oi')
        .innerJoin('orders as o', 'o.id', 'oi.order_id')
        .select('o.buyer_id')
        .where('oi.product_id', '=', productId)
        .where('o.status', '<>', 'cancelled')
        .where('o.buyer_id', '<>', viewerId ?? 0)
        .groupBy('o.buyer_id')
        .orderBy(sql`max(o.id)`, 'desc')
        .limit(1000),
    )
    .selectFrom('buyers as b')
    .innerJoin('orders as o', 'o.buyer_id', 'b.buyer_id')
    .innerJoin('order_items as oi', 'oi.order_id', 'o.id')
    .select(['oi.product_id', sql<number>`count(distinct o.buyer_id)::int`.as('buyers')])
    .where('o.status', '<>', 'cancelled')
    .where('oi.product_id', '<>', productId)
    .groupBy('oi.product_id')
    .orderBy('buyers', 'desc')
    .orderBy(sql`max(o.id)`, 'desc')
    .limit(limit)
    .execute();
}

/** Each listing's department (its top-level category). */
export async function departmentsOf(db: DbOrTx, productIds: number[]): Promise<Map<number, number>> {
  if (productIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('products as p')
    .innerJoin('categories as c', 'c.id', 'p.category_id')
    .select(['p.id', sql<number>`coalesce(c.parent_id, c.id)`.as('department_id')])
    .where('p.id', 'in', productIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.department_id]));
}

export function cardsByIds(db: DbOrTx, ids: number[], filter: CandidateFilter) {
  if (ids.length === 0) return Promise.resolve([]);
  return listedCards(db, filter).where('p.id', 'in', ids).execute();
}
