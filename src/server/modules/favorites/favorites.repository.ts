// Favourite rows and the denormalised favourite counters on products and shops. The counter
// moves only when a row was really inserted or deleted, so retries and races cannot drift it.
import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/kysely';
import { productCardQuery } from '../catalog/catalog.repository';

const LIST_LIMIT = 500;

export function findProductForFavorite(db: DbOrTx, productId: number) {
  return db.selectFrom('products').select(['id', 'status']).where('id', '=', productId).executeTakeFirst();
}

export function findShopForFavorite(db: DbOrTx, shopId: number) {
  return db.selectFrom('shops').select(['id']).where('id', '=', shopId).executeTakeFirst();
}

export async function insertProductFavorite(tx: Tx, userId: number, productId: number): Promise<boolean> {
  const row = await tx
    .insertInto('favorite_products')
    .values({ user_id: userId, product_id: productId })
    .onConflict((oc) => oc.columns(['user_id', 'product_id']).doNothing())
    .returning('product_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteProductFavorite(tx: Tx, userId: number, productId: number): Promise<boolean> {
  const row = await tx
    .deleteFrom('favorite_products')
    .where('user_id', '=', userId)
    .where('product_id', '=', productId)
    .returning('product_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function adjustProductFavoriteCount(tx: Tx, productId: number, delta: 1 | -1): Promise<number> {
  const row = await tx
    .updateTable('products')
    .set({ favorite_count: sql`greatest(0, favorite_count + ${delta})` })
    .where('id', '=', productId)
    .returning('favorite_count')
    .executeTakeFirstOrThrow();
  return row.favorite_count;
}

export async function productFavoriteCount(db: DbOrTx, productId: number): Promise<number> {
  const row = await db.selectFrom('products').select('favorite_count').where('id', '=', productId).executeTakeFirst();
  return row?.favorite_count ?? 0;
}

export async function insertShopFavorite(tx: Tx, userId: number, shopId: number): Promise<boolean> {
  const row = await tx
    .insertInto('favorite_shops')
    .values({ user_id: userId, shop_id: shopId })
    .onConflict((oc) => oc.columns(['user_id', 'shop_id']).doNothing())
    .returning('shop_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteShopFavorite(tx: Tx, userId: number, shopId: number): Promise<boolean> {
  const row = await tx
    .deleteFrom('favorite_shops')
    .where('user_id', '=', userId)
    .where('shop_id', '=', shopId)
    .returning('shop_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function adjustShopFavoriteCount(tx: Tx, shopId: number, delta: 1 | -1): Promise<number> {
  const row = await tx
    .updateTable('shops')
    .set({ favorite_count: sql`greatest(0, favorite_count + ${delta})` })
    .where('id', '=', shopId)
    .returning('favorite_count')
    .executeTakeFirstOrThrow();
  return row.favorite_count;
}

export async function shopFavoriteCount(db: DbOrTx, shopId: number): Promise<number> {
  const row = await db.selectFrom('shops').select('favorite_count').where('id', '=', shopId).executeTakeFirst();
  return row?.favorite_count ?? 0;
}

/** The user's favourited listings that are still listed, newest favourite first. */
export function listFavoriteProducts(db: DbOrTx, userId: number) {
  return productCardQuery(db)
    .innerJoin('favorite_products as f', 'f.product_id', 'p.id')
    .select('f.created_at as favorited_at')
    .where('f.user_id', '=', userId)
    .where('p.status', '=', 'active')
    .orderBy('f.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(LIST_LIMIT)
    .execute();
}

export function listFavoriteShops(db: DbOrTx, userId: number) {
  return db
    .selectFrom('favorite_shops as f')
    .innerJoin('shops as s', 's.id', 'f.shop_id')
    .select([
      's.id',
      's.slug',
      's.name',
      's.tagline',
      's.logo_url',
      's.rating',
      's.review_count',
      's.favorite_count',
      'f.created_at as favorited_at',
    ])
    .where('f.user_id', '=', userId)
    .orderBy('f.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(LIST_LIMIT)
    .execute();
}
