// The availability rule of shared/availability.ts (availableUnits) for queries that filter or
// sort by it in the database: units a buyer could still add, never below zero, none for a listing
// that is not for sale or a combination that is switched off. Every SQL filter on stock uses these,
// so the database and the DTOs cannot disagree.
import { type RawBuilder, sql } from 'kysely';

/** A listing's available units; `p` is the alias of `products` in the query. */
export function listingAvailableSql(p: string): RawBuilder<number> {
  const col = (name: string) => sql.ref(`${p}.${name}`);
  return sql<number>`(case when ${col('status')} = 'active' then greatest(0, ${col('quantity')} - ${col('reserved')}) else 0 end)`;
}

/** One combination's available units; `v` is the alias of `listing_variants` in the query. */
export function combinationAvailableSql(v: string): RawBuilder<number> {
  const col = (name: string) => sql.ref(`${v}.${name}`);
  return sql<number>`(case when ${col('enabled')} then greatest(0, ${col('quantity')} - ${col('reserved')}) else 0 end)`;
}
