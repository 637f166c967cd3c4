// Listing queries. Cards and detail rows list their columns; nothing else leaves the table.
import { type Insertable, sql, type Updateable } from 'kysely';
import { combinationAvailableSql } from '../../db/available-units';
import type { ProductsTable } from '../../db/database';
import type { DbOrTx } from '../../db/kysely';

/** One combination of a listing with variations, as the product page reads it. */
export interface ProductCombinationRow {
  id: number;
  option1: string;
  option2: string | null;
  price_cents: number;
  /** Units free; 0 for a combination that is switched off. */
  available: number;
  /** Units held in shoppers' carts. */
  in_carts: number;
  enabled: boolean;
  is_default: boolean;
}

export function findProductDetail(db: DbOrTx, productId: number) {
  return db
    .selectFrom('products as p')
    .innerJoin('shops as s', 's.id', 'p.shop_id')
    .innerJoin('categories as c', 'c.id', 'p.category_id')
    .select([
      'p.id',
      'p.title',
      'p.description',
      'p.price_cents',
      'p.quantity',
      'p.reserved',
      'p.is_vintage',
      'p.status',
      'p.tags',
      'p.materials',
      'p.images',
      'p.rating',
      'p.review_count',
      'p.favorite_count',
      'p.created_at',
      'c.slug as category_slug',
      'c.name as category_name',
      's.id as shop_id',
      's.slug as shop_slug',
      's.name as shop_name',
      's.rating as shop_rating',
      's.owner_id',
      'p.variation_properties',
      'p.price_max_cents',
      'p.personalization_prompt',
      'p.personalization_max_chars',
      'p.personalization_required',
      'p.processing_days_min',
      'p.processing_days_max',
      'p.made_to_order',
      's.processing_days as shop_processing_days',
    ])
    .select(
      // The combinations of a listing with variations, in the seller's order (decision 0080).
      sql<ProductCombinationRow[] | null>`case when p.variation_properties <> '[]'::jsonb then (
        select jsonb_agg(jsonb_build_object('id', v.id, 'option1', v.option1, 'option2', v.option2,
                 'price_cents', v.price_cents, 'available', ${combinationAvailableSql('v')},
                 'in_carts', v.reserved, 'enabled', v.enabled, 'is_default', v.is_default) order by v.position, v.id)
        from listing_variants v where v.product_id = p.id and not v.is_default) end`.as('variants'),
    )
    .select((eb) =>
      eb
        .selectFrom('cart_items')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('cart_items.product_id', '=', 'p.id')
        .where('cart_items.held', '>', 0)
        .as('in_carts'),
    )
    .where('p.id', '=', productId)
    .executeTakeFirst();
}

export function findProductOwner(db: DbOrTx, productId: number) {
  return db
    .selectFrom('products as p')
    .innerJoin('shops as s', 's.id', 'p.shop_id')
    .select(['p.id', 'p.shop_id', 'p.status', 'p.reserved', 's.owner_id'])
    .where('p.id', '=', productId)
    .executeTakeFirst();
}

export function productCardQuery(db: DbOrTx) {
  return db
    .selectFrom('products as p')
    .innerJoin('shops as s', 's.id', 'p.shop_id')
    .select([
      'p.id',
      'p.title',
      'p.price_cents',
      'p.images',
      'p.shop_id',
      's.name as shop_name',
      'p.is_vintage',
      'p.quantity',
      'p.reserved',
      'p.status',
      'p.rating',
      'p.review_count',
    ]);
}

export function listShopProducts(
  db: DbOrTx,
  shopId: number,
  cursor: number | undefined,
  limit: number,
  sectionId?: number,
) {
  let q = productCardQuery(db)
    .where('p.shop_id', '=', shopId)
    .where('p.status', '=', 'active')
    .orderBy('p.id', 'desc')
    .limit(limit + 1);
  if (cursor) q = q.where('p.id', '<', cursor);
  if (sectionId) q = q.where('p.section_id', '=', sectionId);
  return q.execute();
}

export function insertProduct(db: DbOrTx, product: Insertable<ProductsTable>) {
  return db.insertInto('products').values(product).returning('id').executeTakeFirstOrThrow();
}

/** Archived → active only, and only with a price (decision 0199); false when it was not archived
 * (already active, or restored concurrently) or has no price. */
export async function reactivateProduct(db: DbOrTx, productId: number): Promise<boolean> {
  const row = await db
    .updateTable('products')
    .set({ status: 'active', updated_at: new Date() })
    .where('id', '=', productId)
    .where('status', '=', 'archived')
    .where('price_cents', '>', 0)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export function updateProductRow(db: DbOrTx, productId: number, patch: Updateable<ProductsTable>) {
  return db.updateTable('products').set(patch).where('id', '=', productId).execute();
}
