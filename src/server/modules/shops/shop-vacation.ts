// Vacation mode (issue 18.5; decision 0091). Turning it on: the shop row and its listings queued
// for search (documents carry the shop's vacation state; hidden from search by default) in one
// transaction, then every hold on its stock released (lines stay in carts, nothing held) in the
// next, and the freed stock announced live. Turning it off restores the search documents; holds
// are not restored (shoppers add again). Add-to-cart is refused by the hold itself (inventory: hold_open_cart_line).
import { DomainError } from '../../../shared/errors';
import {
  latestVacationReturn,
  type SetVacationInput,
  type ShopDto,
  VACATION_RETURN_TOO_FAR,
} from '../../../shared/schemas/shops';
import { inTransaction } from '../../db/transaction';
import type { AppDeps } from '../../deps';
import { releaseHoldsOfShopGoneAway } from '../inventory/inventory.service';
import { publishAvailability } from '../realtime/inventory-events';
import { enqueueShopListingsForSearch, type ShopRow, updateShopVacation } from './shops.repository';
import { toShopDto } from './shops.service';

/** Yesterday in UTC: a date the seller typed as "today" is never refused because of their time zone. */
function earliestReturnDate(now: Date): string {
  return new Date(now.getTime() - 24 * 3600_000).toISOString().slice(0, 10);
}

/** A year from tomorrow in UTC: the latest the seller's calendar offers, in any time zone. */
function latestReturnDate(now: Date): string {
  return latestVacationReturn(new Date(now.getTime() + 24 * 3600_000).toISOString().slice(0, 10));
}

export async function setVacation(
  deps: AppDeps,
  shop: ShopRow,
  input: SetVacationInput,
  now: Date = new Date(),
): Promise<ShopDto> {
  if (input.on && input.returnsOn && input.returnsOn < earliestReturnDate(now))
    throw new DomainError('BAD_REQUEST', 'The return date is in the past. Pick today or a later day.', {
      field: 'returnsOn',
    });
  if (input.on && input.returnsOn && input.returnsOn > latestReturnDate(now))
    throw new DomainError('BAD_REQUEST', VACATION_RETURN_TOO_FAR, { field: 'returnsOn' });
  const row = await inTransaction(deps.db, async (tx) => {
    const updated = await updateShopVacation(
      tx,
      shop.id,
      input.on ? { on: true, message: input.message ?? '', returnsOn: input.returnsOn ?? null } : { on: false },
    );
    await enqueueShopListingsForSearch(tx, shop.id);
    return updated;
  });
  // Released in a second transaction, whose snapshot follows the commit above and every hold still
  // in flight then (it waits for their locks first): every hold made before the shop was seen on
  // vacation is visible there, and every add-to-cart that reads the shop after that commit
  // releases its own hold (cart.service). Releasing inside the first transaction left a gap: a
  // hold committed between its release and its commit survived.
  const released = input.on ? await releaseHoldsOfShopGoneAway(deps, shop.id) : [];
  if (released.length) await publishAvailability(deps, released);
  return toShopDto(row);
}
