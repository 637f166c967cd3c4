// Checkout: one cart from many shops, one payment, one order per shop. `placeOrder` claims the
// idempotency key and prices the cart, then runs the workflow below: its steps live in steps/,
// one file each, and a failure after authorisation voids it (nothing else changed because the
// transaction rolled back). Replays return the stored response (see idempotency.ts).
import { DomainError } from '../../../shared/errors';
import type {
  GuestPlaceOrderInput,
  GuestPlaceOrderResult,
  PlaceOrderInput,
  PlaceOrderResult,
  QuoteDto,
  QuoteInput,
  ShippingAddressInput,
} from '../../../shared/schemas/checkout';
import { inTransaction } from '../../db/transaction';
import type { AppDeps } from '../../deps';
import { dropUnusedGuestBuyer, guestBuyerFor } from '../auth/auth.repository';
import { type CartLineRow, type CartOwner, findCartLines } from '../cart/cart.repository';
import { guestOrderPath } from '../orders/guest-order-link';
import { paymentProvider } from '../payments/payments.registry';
import { findTaxRateBps } from './checkout.repository';
import { totalTooLarge } from './checkout-errors';
import { priceCheckout, toQuoteDto } from './checkout-pricing';
import { claimOrReplay, failClaim, type RequestFingerprint, sha256 } from './idempotency';
import { announceNewOrders } from './steps/announce-new-orders.step';
import { authorizePayment } from './steps/authorize-payment.step';
import { capturePayment } from './steps/capture-payment.step';
import { checkCart } from './steps/check-cart.step';
import { commitOrders } from './steps/commit-orders.step';
import { publishAvailability } from './steps/publish-availability.step';
import { runWorkflow } from './workflow';

const CURRENCY = 'USD';

/** Who buys and which cart: an account and its cart, or a guest's cart bought for an email's user. */
export interface CheckoutContext {
  deps: AppDeps;
  buyer: { id: number; name: string };
  cart: CartOwner;
  guest: boolean;
}

async function loadPricedCart(deps: AppDeps, cart: CartOwner | null, address: ShippingAddressInput) {
  const [lines, tax] = await Promise.all([
    cart ? findCartLines(deps.db, cart) : Promise.resolve([]),
    findTaxRateBps(deps.db, address.country, address.region),
  ]);
  const taxRateBps = tax?.rate_bps ?? 0;
  return { lines, taxRateBps, price: priceCheckout(lines, taxRateBps) };
}

/** The price of the caller's cart (an account's or a guest's) shipped to an address. */
export async function quote(deps: AppDeps, cart: CartOwner | null, input: QuoteInput): Promise<QuoteDto> {
  const { price, taxRateBps } = await loadPricedCart(deps, cart, input.shippingAddress);
  const { maxAmountCents } = paymentProvider(deps);
  if (price.totalCents > maxAmountCents) throw totalTooLarge(price.totalCents, maxAmountCents);
  return toQuoteDto(price, taxRateBps);
}

function fingerprint(input: PlaceOrderInput, lines: readonly CartLineRow[]): RequestFingerprint {
  const a = input.shippingAddress;
  const request = [
    a.name,
    a.line1,
    a.line2 ?? '',
    a.city,
    a.region,
    a.postalCode,
    a.country,
    input.payment.token,
    input.quote.version,
    input.quote.totalCents,
  ];
  const cart = lines
    .map((l) => `${l.product_id}.${l.variant_id}.${sha256(l.personalization)}x${l.quantity}`)
    .sort()
    .join(',');
  return { request: sha256(JSON.stringify(request)), cart: sha256(cart) };
}

export async function placeOrder(ctx: CheckoutContext, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const { deps, buyer: user } = ctx;
  const { lines, price, taxRateBps } = await loadPricedCart(deps, ctx.cart, input.shippingAddress);
  const claim = await claimOrReplay<PlaceOrderResult>(
    deps.db,
    user.id,
    input.idempotencyKey,
    fingerprint(input, lines),
    lines.length === 0,
  );
  if (claim.kind === 'replay') return claim.response;

  const provider = paymentProvider(deps);
  try {
    return await runWorkflow('checkout', deps.log, async (run) => {
      await run.step(checkCart, {
        buyerId: user.id,
        lines,
        price,
        taxRateBps,
        confirmed: input.quote,
        maxAmountCents: provider.maxAmountCents,
      });
      const payment = await run.step(authorizePayment, {
        provider,
        amountCents: input.quote.totalCents,
        currency: CURRENCY,
        token: input.payment.token,
        idempotencyKey: `checkout:${user.id}:${input.idempotencyKey}:${crypto.randomUUID()}`,
      });
      const placed = await run.step(commitOrders, {
        db: deps.db,
        buyer: { id: user.id, name: user.name },
        cart: ctx.cart,
        guest: ctx.guest,
        idempotencyKey: input.idempotencyKey,
        address: input.shippingAddress,
        taxRateBps,
        confirmed: input.quote,
        payment,
        lines,
      });
      if (payment.status === 'authorized')
        await run.effect(capturePayment, { db: deps.db, provider, ref: payment.ref, paymentId: placed.paymentId });
      await run.effect(publishAvailability, { deps, productIds: lines.map((l) => l.product_id) });
      await run.effect(announceNewOrders, { deps, sellerIds: placed.sellerIds });
      return placed.result;
    });
  } catch (err) {
    await failClaim(deps.db, user.id, input.idempotencyKey, err).catch((e) =>
      deps.log.error({ err: String(e) }, 'could not record failed checkout'),
    );
    throw err;
  }
}

/**
 * A guest's checkout: their cart, bought for the user of `email` (the account with that address,
 * or a guest buyer made for it; decision 0073). Every rule of placeOrder applies unchanged.
 */
export async function placeGuestOrder(
  deps: AppDeps,
  guestToken: string | null,
  input: GuestPlaceOrderInput,
): Promise<GuestPlaceOrderResult> {
  if (!guestToken) throw new DomainError('BAD_REQUEST', 'Your cart is empty.');
  const { created, ...buyer } = await guestBuyerFor(deps.db, input.email, input.shippingAddress.name);
  let result: PlaceOrderResult;
  try {
    result = await placeOrder({ deps, buyer, cart: { guestToken }, guest: true }, input);
  } catch (err) {
    // A refused checkout changes nothing: the buyer row it made for a stranger's address goes
    // (else anyone could squat any email, with a name of their choosing, by failing on purpose).
    if (created)
      await inTransaction(deps.db, (tx) => dropUnusedGuestBuyer(tx, buyer.id, input.idempotencyKey)).catch((e) =>
        deps.log.error({ err: String(e) }, 'could not remove the guest buyer of a failed checkout'),
      );
    throw err;
  }
  const paymentId = await paymentOfOrder(deps, result.orders[0]!.orderId);
  return { ...result, orderLink: guestOrderPath(deps, paymentId, 'p') };
}

async function paymentOfOrder(deps: AppDeps, orderId: number): Promise<number> {
  const row = await deps.db
    .selectFrom('orders')
    .select('payment_id')
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  return row.payment_id;
}
