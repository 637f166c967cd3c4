// The one read behind every availability event and stream snapshot: a listing's units (its
// aggregate over combinations) and, for a listing with variations, each combination's units, so
// a product page can show the chosen combination live (issue 16 item 2).
import { sql } from 'kysely';
import { availableUnits } from '../../../shared/availability';
import type { AvailabilityEventDto } from '../../../shared/schemas/realtime';
import { combinationAvailableSql } from '../../db/available-units';
import type { DbOrTx } from '../../db/kysely';

export async function readAvailability(db: DbOrTx, productIds: readonly number[]): Promise<AvailabilityEventDto[]> {
  if (productIds.length === 0) return [];
  const rows = await db
    .selectFrom('products as p')
    .select(['p.id', 'p.quantity', 'p.reserved', 'p.status'])
    .select(
      sql<Record<string, number> | null>`case when p.variation_properties <> '[]'::jsonb then (
        select jsonb_object_agg(v.id, ${combinationAvailableSql('v')})
        from listing_variants v where v.product_id = p.id and not v.is_default) end`.as('variants'),
    )
    .where('p.id', 'in', [...productIds])
    .orderBy('p.id')
    .execute();
  return rows.map((r) => {
    const event: AvailabilityEventDto = { productId: r.id, available: availableUnits(r) };
    if (r.variants)
      event.variants = Object.fromEntries(
        Object.entries(r.variants).map(([id, n]) => [id, r.status === 'active' ? n : 0]),
      );
    return event;
  });
}
