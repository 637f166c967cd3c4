// Reviews and the rating aggregates they drive. Aggregates are recomputed from the reviews
// table under the product's (then the shop's) row lock, so concurrent reviews never lose one.
import { type Insertable, sql } from 'kysely';
import type { ReviewSort } from '../../../shared/schemas/reviews';
import type { ReviewsTable } from '../../db/database';
import type { DbOrTx, Tx } from '../../db/kysely';

/** The order and, when the product is on it, its line and whether that line has a review. */
export function findOrderLineForReview(db: DbOrTx, orderId: number, productId: number) {
  return db
    .selectFrom('orders as o')
    .leftJoin('order_items as oi', (j) => j.onRef('oi.order_id', '=', 'o.id').on('oi.product_id', '=', productId))
    .leftJoin('reviews as r', 'r.order_item_id', 'oi.id')
    .select(['o.id', 'o.shop_id', 'o.status', 'oi.id as order_item_id', 'r.id as review_id'])
    .where('o.id', '=', orderId)
    .orderBy('r.id', 'desc')
    .orderBy('oi.id')
    .execute();
}

export async function lockProductForRating(tx: Tx, productId: number) {
  return tx
    .selectFrom('products')
    .select(['id', 'shop_id', 'title'])
    .where('id', '=', productId)
    .forUpdate()
    .executeTakeFirst();
}

export async function lockShopForRating(tx: Tx, shopId: number) {
  return tx.selectFrom('shops').select(['id', 'rating']).where('id', '=', shopId).forUpdate().executeTakeFirstOrThrow();
}

export function insertReview(tx: Tx, review: Insertable<ReviewsTable>) {
  return tx.insertInto('reviews').values(review).returning('id').executeTakeFirstOrThrow();
}

export function refreshProductRating(tx: Tx, productId: number) {
  return tx
    .updateTable('products')
    .set({
      rating: sql`coalesce((select round(avg(rating)::numeric, 2) from reviews where product_id = ${productId}), 0)`,
      review_count: sql`(select count(*)::int from reviews where product_id = ${productId})`,
    })
    .where('id', '=', productId)
    .returning(['rating', 'review_count'])
    .executeTakeFirstOrThrow();
}

export function refreshShopRating(tx: Tx, shopId: number) {
  return tx
    .updateTable('shops')
    .set({
      rating: sql`coalesce((select round(avg(rating)::numeric, 2) from reviews where shop_id = ${shopId}), 0)`,
      review_count: sql`(select count(*)::int from reviews where shop_id = ${shopId})`,
      updated_at: sql`now()`,
    })
    .where('id', '=', shopId)
    .returning(['rating', 'review_count'])
    .executeTakeFirstOrThrow();
}

/** Search ranks listings by their shop's rating too: queue every listed product of the shop. */
export async function enqueueShopProductsForSearch(tx: Tx, shopId: number) {
  await sql`
    insert into search_outbox (product_id)
    select id from products where shop_id = ${shopId} and status = 'active'`.execute(tx);
}

function reviewQuery(db: DbOrTx) {
  return db
    .selectFrom('reviews as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .innerJoin('products as p', 'p.id', 'r.product_id')
    .select([
      'r.id',
      'r.product_id',
      'p.title as product_title',
      'r.shop_id',
      'r.rating',
      'r.text',
      'u.name as author_name',
      'r.created_at',
      'r.reply',
      'r.replied_at',
    ]);
}

export type ReviewRow = Awaited<ReturnType<ReturnType<typeof reviewQuery>['executeTakeFirstOrThrow']>>;

export function findReview(db: DbOrTx, reviewId: number) {
  return reviewQuery(db).where('r.id', '=', reviewId).executeTakeFirst();
}

export function listReviews(
  db: DbOrTx,
  by: { productId: number } | { shopId: number },
  sort: ReviewSort,
  cursor: number | undefined,
  limit: number,
) {
  let q = reviewQuery(db).limit(limit + 1);
  q = 'productId' in by ? q.where('r.product_id', '=', by.productId) : q.where('r.shop_id', '=', by.shopId);
  // Keyset paging: the public cursor stays the last review's id; its sort key is read here.
  if (sort === 'newest') {
    // By the review's date: ids are not a clock (imported and seeded reviews carry older dates).
    q = q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc');
    if (cursor)
      q = q.where(
        sql<boolean>`(r.created_at, r.id) < (select c.created_at, c.id from reviews c where c.id = ${cursor})`,
      );
  } else if (sort === 'highest') {
    q = q.orderBy('r.rating', 'desc').orderBy('r.id', 'desc');
    if (cursor)
      q = q.where(sql<boolean>`(r.rating, r.id) < (select c.rating, c.id from reviews c where c.id = ${cursor})`);
  } else {
    q = q.orderBy('r.rating', 'asc').orderBy('r.id', 'desc');
    if (cursor)
      q = q.where(
        sql<boolean>`(r.rating > (select c.rating from reviews c where c.id = ${cursor}) or (r.rating = (select c.rating from reviews c where c.id = ${cursor}) and r.id < ${cursor}))`,
      );
  }
  return q.execute();
}

/** Reviews per star count for a product or a shop. */
export async function ratingBreakdown(db: DbOrTx, by: { productId: number } | { shopId: number }) {
  let q = db
    .selectFrom('reviews')
    .select(['rating', sql<number>`count(*)::int`.as('count')])
    .groupBy('rating');
  q = 'productId' in by ? q.where('product_id', '=', by.productId) : q.where('shop_id', '=', by.shopId);
  const rows = await q.execute();
  return [5, 4, 3, 2, 1].map((stars) => ({ stars, count: rows.find((r) => r.rating === stars)?.count ?? 0 }));
}

export function findReviewShopOwner(db: DbOrTx, reviewId: number) {
  return db
    .selectFrom('reviews as r')
    .innerJoin('shops as s', 's.id', 'r.shop_id')
    .select(['r.id', 'r.shop_id', 's.owner_id'])
    .where('r.id', '=', reviewId)
    .executeTakeFirst();
}

/** Sets the reply only if there is none yet; false when someone replied first. */
export async function setReplyOnce(db: DbOrTx, reviewId: number, text: string): Promise<boolean> {
  const row = await db
    .updateTable('reviews')
    .set({ reply: text, replied_at: sql`now()` })
    .where('id', '=', reviewId)
    .where('reply', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export function productRatingSummary(db: DbOrTx, productId: number) {
  return db.selectFrom('products').select(['rating', 'review_count']).where('id', '=', productId).executeTakeFirst();
}

export function shopRatingSummary(db: DbOrTx, shopId: number) {
  return db.selectFrom('shops').select(['rating', 'review_count']).where('id', '=', shopId).executeTakeFirst();
}
