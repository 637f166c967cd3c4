// Queries of a listing's combinations (listing_variants). Writers take the open transaction and
// must already hold the product's row lock (lock order: products, then their variants).
import { sql } from 'kysely';
import type { VariationProperty } from '../../db/database';
import type { DbOrTx, Tx } from '../../db/kysely';

/** Locks the listing's row (the first lock of any change to its combinations). */
export function lockListing(tx: Tx, productId: number) {
  return tx
    .selectFrom('products')
    .select(['id', 'variation_properties', 'status', 'made_to_order'])
    .where('id', '=', productId)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

export function listVariants(db: DbOrTx, productId: number) {
  return db
    .selectFrom('listing_variants')
    .select([
      'id',
      'is_default',
      'option1',
      'option2',
      'price_cents',
      'quantity',
      'reserved',
      'sku',
      'enabled',
      'position',
    ])
    .where('product_id', '=', productId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export type VariantRow = Awaited<ReturnType<typeof listVariants>>[number];

export function setProperties(tx: Tx, productId: number, properties: VariationProperty[]) {
  return tx
    .updateTable('products')
    .set({ variation_properties: JSON.stringify(properties), updated_at: new Date() })
    .where('id', '=', productId)
    .execute();
}

export interface VariantWrite {
  option1: string;
  option2: string | null;
  priceCents: number;
  quantity: number;
  sku: string;
  enabled: boolean;
  position: number;
}

/** Inserts or updates combinations by their values (one statement; triggers update the listing). */
export async function upsertVariants(tx: Tx, productId: number, rows: readonly VariantWrite[]) {
  if (rows.length === 0) return;
  await sql`
    insert into listing_variants (product_id, option1, option2, price_cents, quantity, sku, enabled, position)
    select ${productId}, r.option1, r.option2, r."priceCents", r.quantity, r.sku, r.enabled, r.position
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
      option1 text, option2 text, "priceCents" bigint, quantity int, sku text, enabled boolean, position int)
    order by r.option1, r.option2
    on conflict (product_id, (coalesce(option1, '')), (coalesce(option2, ''))) do update
      set price_cents = excluded.price_cents, quantity = excluded.quantity, sku = excluded.sku,
          enabled = excluded.enabled, position = excluded.position, updated_at = now()`.execute(tx);
}

/** Switches off combinations (kept: carts and orders refer to them). */
export async function disableVariants(tx: Tx, ids: readonly number[]) {
  if (ids.length === 0) return;
  await tx
    .updateTable('listing_variants')
    .set({ enabled: false, updated_at: new Date() })
    .where('id', 'in', [...ids])
    .where('enabled', '=', true)
    .execute();
}

export function enableDefault(tx: Tx, productId: number) {
  return tx
    .updateTable('listing_variants')
    .set({ enabled: true, updated_at: new Date() })
    .where('product_id', '=', productId)
    .where('is_default', '=', true)
    .execute();
}
