// Per-user view history: one row per (user, product), upserted, newest kept. Trending reads
// it by time; nothing counts views on the product row, so a popular listing has no hot row.
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/kysely';

export const VIEW_HISTORY_PER_USER = 200;

/** Upserts the view; true when this was the user's first view of the product. */
export async function upsertProductView(db: DbOrTx, userId: number, productId: number): Promise<boolean> {
  const row = await db
    .insertInto('product_views')
    .values({ user_id: userId, product_id: productId, view_count: 1, viewed_at: sql`now()` })
    .onConflict((oc) =>
      oc.columns(['user_id', 'product_id']).doUpdateSet({
        view_count: sql`product_views.view_count + 1`,
        viewed_at: sql`now()`,
      }),
    )
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .executeTakeFirstOrThrow();
  return row.inserted;
}

/** Keeps only the user's most recent views (the index on (user_id, viewed_at) serves both reads). */
export async function pruneProductViews(db: DbOrTx, userId: number, keep = VIEW_HISTORY_PER_USER): Promise<void> {
  await sql`
    delete from product_views
    where user_id = ${userId}
      and viewed_at < (
        select viewed_at from product_views where user_id = ${userId}
        order by viewed_at desc offset ${keep - 1} limit 1
      )`.execute(db);
}

export function recentViews(db: DbOrTx, userId: number, limit: number) {
  return db
    .selectFrom('product_views as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .select(['p.id', 'p.title', 'p.category_id', 'p.tags', 'p.materials', 'p.price_cents', 'v.view_count'])
    .where('v.user_id', '=', userId)
    .orderBy('v.viewed_at', 'desc')
    .limit(limit)
    .execute();
}
