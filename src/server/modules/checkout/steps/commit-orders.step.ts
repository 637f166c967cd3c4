// Step 3: commit, in one round trip (decision 0134): place_checkout() locks the cart and its
// products and combinations (ascending id), checks they are still the lines the buyer confirmed
// (priced before the lock, same prices, same shops, stock enough beyond what they hold) and, only
// then, converts holds to sales, writes the payment record, one order per shop and a shop sales
// event each, clears the cart and completes the idempotency record. If anything changed since
// the lines were read, it writes nothing and this step decides under its own lock, as before the
// function: lock the lines, re-check their stock, price them again and refuse with
// PRICE_CHANGED unless that is the quote the buyer confirmed (decision 0010), else commit those
// locked lines through the same function. Everything in it happens, or nothing does, so there
// is nothing to compensate: a failure rolls it back and the authorisation step's void runs.
// Shop sales counts are not touched here (jobs/shop-sales-counter.ts), so checkouts of one shop
// never queue on its row.
import { availableUnits, lineProblem } from '../../../../shared/availability';
import type { ConfirmedQuote, PlaceOrderResult, ShippingAddressInput } from '../../../../shared/schemas/checkout';
import { chosenOptions } from '../../../../shared/variations';
import type { Db, DbOrTx, Tx } from '../../../db/kysely';
import { inTransaction, retryingConflicts } from '../../../db/transaction';
import type { CartLineRow, CartOwner } from '../../cart/cart.repository';
import { lockCheckoutLines, placeCheckout } from '../checkout.repository';
import { cartChanged, insufficient } from '../checkout-errors';
import { priceCheckout } from '../checkout-pricing';
import { type Step, StepResponse } from '../workflow';
import type { AuthorizedPayment } from './authorize-payment.step';
import { assertConfirmedPrice } from './check-cart.step';

export interface CommitOrdersInput {
  db: Db;
  buyer: { id: number; name: string };
  /** Whose cart is bought: the account's, or a guest's (the buyer is then the email's user). */
  cart: CartOwner;
  guest: boolean;
  idempotencyKey: string;
  address: ShippingAddressInput;
  taxRateBps: number;
  confirmed: ConfirmedQuote;
  payment: AuthorizedPayment;
  /** The cart's lines as read and checked before the lock (checkCart). */
  lines: readonly CartLineRow[];
}

export interface CommittedOrders {
  result: PlaceOrderResult;
  paymentId: number;
  /** The owners of the shops sold from: each has a new-order notification to hear about. */
  sellerIds: number[];
}

export const commitOrders: Step<CommitOrdersInput, CommittedOrders> = {
  name: 'commitOrders',
  async invoke(input) {
    const placed = await retryingConflicts(() => place(input.db, input, input.lines));
    if (placed) return new StepResponse(placed);
    return new StepResponse(await inTransaction(input.db, (tx) => commitUnderLock(tx, input)));
  },
};

/** The slow path: the lines changed after they were read; decide on them under the lock. */
async function commitUnderLock(tx: Tx, c: CommitOrdersInput): Promise<CommittedOrders> {
  const locked = await lockCheckoutLines(tx, c.cart);
  if (locked.length === 0) throw cartChanged();
  // Per combination: every line of it (one per personalisation) needs what it wants beyond what it
  // holds, all from the same free stock.
  const extraWanted = new Map<number, number>();
  for (const l of locked) extraWanted.set(l.variant_id, (extraWanted.get(l.variant_id) ?? 0) + l.quantity - l.held);
  const unavailable = locked
    .filter(
      (l) =>
        l.status !== 'active' ||
        // A shop on vacation sells nothing (its holds were released when it left).
        l.vacation_since !== null ||
        !l.enabled ||
        (extraWanted.get(l.variant_id) ?? 0) >
          availableUnits({ quantity: l.stock, reserved: l.reserved, status: 'active' }),
    )
    .map((l) => {
      const listingActive = l.status === 'active' && l.enabled;
      const available =
        listingActive && l.vacation_since === null
          ? availableUnits({ quantity: l.stock, reserved: l.reserved, status: 'active' }) + l.held
          : 0;
      return {
        productId: l.product_id,
        variantId: l.variant_id,
        title: l.title,
        options: chosenOptions(l.variation_properties, l.option1, l.option2),
        requested: l.quantity,
        available,
        shopName: l.shop_name,
        // Fewer than wanted when the line itself looks fine: other lines of its combination took the rest.
        reason: lineProblem({ listingActive, available, quantity: l.quantity }, l.vacation_since !== null) ?? 'short',
      };
    });
  if (unavailable.length) throw insufficient(unavailable);
  // Under the locks the function finds these very lines, so it commits them.
  const placed = await place(tx, c, locked);
  if (!placed) throw cartChanged();
  return placed;
}

/**
 * Prices `snapshot` (refusing with PRICE_CHANGED unless it is the confirmed quote) and commits it
 * through place_checkout; null when the locked lines are not that snapshot (nothing written).
 */
async function place(
  db: DbOrTx,
  c: CommitOrdersInput,
  snapshot: readonly CartLineRow[],
): Promise<CommittedOrders | null> {
  // Pricing groups lines shop by shop, in the order the cart shows them.
  const lines = [...snapshot].sort((a, b) => a.shop_id - b.shop_id || a.id - b.id);
  const price = priceCheckout(lines, c.taxRateBps);
  assertConfirmedPrice(price, c.taxRateBps, c.confirmed);

  const orders = price.shops.map((shop) => ({
    shopId: shop.shopId,
    shopName: shop.shopName,
    subtotalCents: shop.subtotalCents,
    shippingCents: shop.shippingCents,
    taxCents: shop.taxCents,
    totalCents: shop.totalCents,
    itemCount: shop.itemCount,
  }));
  const response = { orders, totalChargedCents: c.confirmed.totalCents };
  const placed = await placeCheckout(db, {
    cart: c.cart,
    snapshot: lines,
    buyerId: c.buyer.id,
    buyerName: c.buyer.name,
    provider: c.payment.provider,
    providerRef: c.payment.ref,
    amountCents: c.confirmed.totalCents,
    paymentStatus: c.payment.status,
    address: c.address,
    orders: price.shops.map((shop) => ({
      shopId: shop.shopId,
      ownerId: shop.ownerId,
      subtotalCents: shop.subtotalCents,
      shippingCents: shop.shippingCents,
      taxCents: shop.taxCents,
      totalCents: shop.totalCents,
      itemCount: shop.itemCount,
    })),
    items: lines.map((l) => ({
      shopId: l.shop_id,
      productId: l.product_id,
      variantId: l.variant_id,
      options: chosenOptions(l.variation_properties, l.option1, l.option2),
      personalization: l.personalization,
      title: l.title,
      image: l.images[0] ?? null,
      priceCents: l.price_cents,
      quantity: l.quantity,
    })),
    idempotencyKey: c.idempotencyKey,
    guest: c.guest,
    response,
  });
  if (placed.outcome !== 'ok') return null;
  const orderIdByShop = new Map(placed.orders.map((o) => [o.shopId, o.orderId]));
  // Same content as the response stored under the key (the function adds the same order ids).
  const result: PlaceOrderResult = {
    orders: orders.map((o) => ({ orderId: orderIdByShop.get(o.shopId) as number, ...o })),
    totalChargedCents: response.totalChargedCents,
  };
  return { result, paymentId: placed.paymentId, sellerIds: price.shops.map((s) => s.ownerId) };
}
