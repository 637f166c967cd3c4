// Writes the demo listings' variations, personalisation, processing time and made-to-order flag
// (issue 16 item 7) in three statements, inside the seed's transaction, after the listings exist.
// Combinations go in through the same triggers as the seller's edits, so each listing's aggregate
// (quantity, "from" price) comes out as if the seller had typed the table.
import type { PoolClient } from 'pg';
import { MADE_TO_ORDER_STOCK } from '../../shared/variations';
import type { GenListingExtras } from './variation-generator';

export async function writeListingExtras(
  client: PoolClient,
  listings: readonly { id: number; extras: GenListingExtras }[],
): Promise<void> {
  if (listings.length === 0) return;
  const col = <T>(f: (x: { id: number; extras: GenListingExtras }) => T) => listings.map(f);
  await client.query(
    `update products p set
       variation_properties = v.props::jsonb,
       personalization_prompt = v.prompt, personalization_max_chars = v.max_chars,
       personalization_required = coalesce(v.required, false),
       processing_days_min = v.min_days, processing_days_max = v.max_days,
       made_to_order = v.mto,
       quantity = case when v.mto then $9::int else p.quantity end
     from unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::bool[], $6::int[], $7::int[], $8::bool[])
       as v(id, props, prompt, max_chars, required, min_days, max_days, mto)
     where p.id = v.id`,
    [
      col((l) => l.id),
      col((l) => JSON.stringify(l.extras.variations?.properties ?? [])),
      col((l) => l.extras.personalization?.prompt ?? null),
      col((l) => l.extras.personalization?.maxChars ?? null),
      col((l) => l.extras.personalization?.required ?? null),
      col((l) => l.extras.processing?.minDays ?? null),
      col((l) => l.extras.processing?.maxDays ?? null),
      col((l) => l.extras.madeToOrder ?? false),
      MADE_TO_ORDER_STOCK,
    ],
  );
  const varied = listings.filter((l) => l.extras.variations);
  if (varied.length > 0) await writeCombinations(client, varied);
  // These edits queued the listings for search; the seed's reindex indexes them anyway.
  await client.query('delete from search_outbox where product_id = any($1::int[])', [col((l) => l.id)]);
}

async function writeCombinations(client: PoolClient, varied: readonly { id: number; extras: GenListingExtras }[]) {
  // The default combination stops selling; the table's combinations replace it.
  await client.query('update listing_variants set enabled = false where is_default and product_id = any($1::int[])', [
    varied.map((l) => l.id),
  ]);
  const rows = varied.flatMap((l) =>
    l.extras.variations!.combinations.map((c, position) => ({ id: l.id, c, position })),
  );
  await client.query(
    `insert into listing_variants (product_id, option1, option2, price_cents, quantity, position)
     select * from unnest($1::int[], $2::text[], $3::text[], $4::bigint[], $5::int[], $6::int[])`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.c.values[0]),
      rows.map((r) => r.c.values[1] ?? null),
      rows.map((r) => r.c.priceCents),
      rows.map((r) => r.c.quantity),
      rows.map((r) => r.position),
    ],
  );
}
