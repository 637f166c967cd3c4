// Helpers for tests of listings with variations: stock per combination and the invariants that
// tie it to the listing's aggregate and to cart holds.
import { sql } from 'kysely';
import type { AppDeps } from '../../deps';
import { testDeps } from '../../test/test-services';

export async function variantsOf(productId: number, deps: AppDeps = testDeps()) {
  return deps.db
    .selectFrom('listing_variants')
    .select(['id', 'option1', 'option2', 'price_cents', 'quantity', 'reserved', 'enabled', 'is_default'])
    .where('product_id', '=', productId)
    .orderBy('id')
    .execute();
}

/** The combination of `productId` with these values. */
export async function variantIdOf(productId: number, option1: string, option2: string | null = null) {
  const row = await testDeps()
    .db.selectFrom('listing_variants')
    .select('id')
    .where('product_id', '=', productId)
    .where('option1', '=', option1)
    .where(sql<boolean>`option2 is not distinct from ${option2}`)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Every invariant of stock for these listings, as rows that break one (empty when all hold):
 * the listing's quantity/reserved equal its combinations' (enabled quantity, plus what disabled
 * ones still hold), each combination's reserved equals the units its cart lines hold, and no
 * combination holds more than it has.
 */
export async function stockInvariantBreaks(productIds: number[], deps: AppDeps = testDeps()) {
  const r = await sql<{ what: string; id: number }>`
    select 'aggregate' as what, p.id from products p
      cross join lateral (
        select sum(case when v.enabled then v.quantity else v.reserved end)::int as q, sum(v.reserved)::int as r
        from listing_variants v where v.product_id = p.id) a
    where p.id = any(${productIds}::int[]) and (p.quantity <> a.q or p.reserved <> a.r)
    union all
    select 'holds', v.id from listing_variants v
    where v.product_id = any(${productIds}::int[])
      and v.reserved <> (select coalesce(sum(i.held), 0) from cart_items i where i.variant_id = v.id)
    union all
    select 'over', v.id from listing_variants v
    where v.product_id = any(${productIds}::int[]) and v.reserved > v.quantity`.execute(deps.db);
  return r.rows;
}
