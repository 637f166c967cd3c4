// A listing's variations (issue 16, decision 0080): the seller's properties and combination
// table, and what a buyer sees of them. Saving replaces the table as a whole, under the listing's
// row lock (the same lock holds and checkouts take first), so no hold or sale can fall between
// the check that a quantity stays above what carts hold and the write.
import { DomainError } from '../../../shared/errors';
import type { ListingVariationsDto, SetVariationsInput } from '../../../shared/schemas/variations';
import { MADE_TO_ORDER_STOCK } from '../../../shared/variations';
import type { Tx } from '../../db/kysely';
import { inTransaction } from '../../db/transaction';
import type { AppDeps } from '../../deps';
import { publishAvailability } from '../realtime/inventory-events';
import {
  disableVariants,
  enableDefault,
  listVariants,
  lockListing,
  setProperties,
  upsertVariants,
  type VariantRow,
} from './variations.repository';

const comboKey = (option1: string | null, option2: string | null) => JSON.stringify([option1, option2]);

/** Replaces the variations of a listing the caller owns (checked by the procedure). */
export async function setVariations(deps: AppDeps, input: SetVariationsInput): Promise<ListingVariationsDto> {
  await inTransaction(deps.db, (tx) => writeVariations(tx, input));
  await publishAvailability(deps, [input.productId]);
  return listingVariations(deps, input.productId);
}

/**
 * Writes the table inside the caller's transaction (catalog.setVariations, and a new listing
 * published with its variations): locks the listing first, as every stock change does.
 */
export async function writeVariations(tx: Tx, input: SetVariationsInput): Promise<void> {
  const listing = await lockListing(tx, input.productId);
  if (!listing) throw new DomainError('NOT_FOUND', 'Listing not found.');
  const existing = await listVariants(tx, input.productId);
  const byKey = new Map(existing.map((v) => [comboKey(v.option1, v.option2), v]));

  if (input.properties.length === 0) {
    // Back to one price and quantity: the default combination sells again, the others stop.
    await setProperties(tx, input.productId, []);
    await enableDefault(tx, input.productId);
    await disableVariants(
      tx,
      existing.filter((v) => !v.is_default).map((v) => v.id),
    );
    return;
  }

  const writes = input.combinations.map((c, i) => ({
    option1: c.values[0]!,
    option2: c.values[1] ?? null,
    priceCents: c.priceCents,
    // Made to order: nothing to count (decision 0081).
    quantity: listing.made_to_order ? MADE_TO_ORDER_STOCK : c.quantity,
    sku: c.sku,
    enabled: c.enabled,
    position: i,
  }));
  writes.forEach((w, i) => {
    const held = byKey.get(comboKey(w.option1, w.option2))?.reserved ?? 0;
    if (w.quantity < held)
      throw new DomainError(
        'CONFLICT',
        `${held} of this combination ${held === 1 ? 'is' : 'are'} held in shoppers’ carts; its quantity cannot go below that.`,
        { field: `combinations.${i}.quantity`, reserved: held },
      );
  });
  const kept = new Set(writes.map((w) => comboKey(w.option1, w.option2)));
  await setProperties(tx, input.productId, input.properties);
  // Off first (the default and combinations no longer offered), then the new table.
  await disableVariants(
    tx,
    existing.filter((v) => v.is_default || !kept.has(comboKey(v.option1, v.option2))).map((v) => v.id),
  );
  await upsertVariants(tx, input.productId, writes);
}

export async function listingVariations(deps: AppDeps, productId: number): Promise<ListingVariationsDto> {
  const listing = await deps.db
    .selectFrom('products')
    .select(['variation_properties'])
    .where('id', '=', productId)
    .executeTakeFirst();
  if (!listing) throw new DomainError('NOT_FOUND', 'Listing not found.');
  const properties = listing.variation_properties;
  const rows = properties.length ? await listVariants(deps.db, productId) : [];
  return {
    productId,
    properties,
    combinations: offered(rows, properties).map((v) => ({
      id: v.id,
      values: [v.option1, v.option2].slice(0, properties.length) as string[],
      priceCents: v.price_cents,
      quantity: v.quantity,
      reserved: v.reserved,
      sku: v.sku,
      enabled: v.enabled,
    })),
  };
}

/**
 * Combinations of the current properties and values. Rows of values since renamed or removed stay
 * in the table, switched off, because old carts and orders refer to them; the seller no longer
 * sees them.
 */
export function offered<T extends Pick<VariantRow, 'is_default' | 'option1' | 'option2'>>(
  rows: T[],
  properties: readonly { values: string[] }[],
): T[] {
  const [first, second] = properties;
  return rows.filter(
    (v) =>
      !v.is_default &&
      first !== undefined &&
      v.option1 !== null &&
      first.values.includes(v.option1) &&
      (second === undefined ? v.option2 === null : v.option2 !== null && second.values.includes(v.option2)),
  );
}
