// Checkout: one cart from many shops, one payment, one order per shop. Steps, in order:
// claim the idempotency key -> price the cart -> authorise the payment (outside any lock) ->
// one transaction converts holds to sales and writes the orders -> capture after commit.
// A failure after authorisation voids it; nothing else changed because the transaction
// rolled back. Replays return the stored response (see idempotency.ts).
import { DomainError } from '../../../shared/errors';
import type {
  PlaceOrderInput,
  PlaceOrderResult,
  QuoteDto,
  QuoteInput,
  ShippingAddressInput,
  UnavailableItem,
} from '../../../shared/schemas/checkout';
import type { Tx } from '../../db/kysely';
import { inTransaction } from '../../db/transaction';
import type { AppDeps } from '../../deps';
import { enforceRateLimit, rateRules } from '../../trpc/rate-limit';
import type { SessionUser } from '../auth/auth.session';
import { type CartLineRow, findCartLines, lockCart } from '../cart/cart.repository';
import type { PaymentProvider } from '../payments/payment-provider';
import { paymentProvider } from '../payments/payments.registry';
import { setPaymentStatus } from '../payments/payments.repository';
import { publishAvailability } from '../realtime/inventory-events';
import {
  bumpShopSales,
  clearCartAndComplete,
  convertHoldsToSales,
  findTaxRateBps,
  insertCheckoutRecords,
  type LockedLine,
  lockCheckoutLines,
} from './checkout.repository';
import { type CheckoutPrice, priceCheckout, unavailableLines } from './checkout-pricing';
import { runSteps, type Step } from './checkout-steps';
import { claimOrReplay, failClaim, type RequestFingerprint, sha256 } from './idempotency';

const CURRENCY = 'USD';

interface CheckoutContext {
  deps: AppDeps;
  user: SessionUser;
}

async function loadPricedCart(deps: AppDeps, userId: number, address: ShippingAddressInput) {
  const [lines, tax] = await Promise.all([
    findCartLines(deps.db, { userId }),
    findTaxRateBps(deps.db, address.country, address.region),
  ]);
  const taxRateBps = tax?.rate_bps ?? 0;
  return { lines, taxRateBps, price: priceCheckout(lines, taxRateBps) };
}

export async function quote(ctx: CheckoutContext, input: QuoteInput): Promise<QuoteDto> {
  const { price, taxRateBps } = await loadPricedCart(ctx.deps, ctx.user.id, input.shippingAddress);
  return {
    shops: price.shops.map(({ ownerId: _o, lines: _l, ...shop }) => shop),
    subtotalCents: price.subtotalCents,
    shippingCents: price.shippingCents,
    taxCents: price.taxCents,
    totalCents: price.totalCents,
    taxRateBps,
    unavailableItems: unavailableLines(price),
  };
}

interface CheckoutState {
  deps: AppDeps;
  provider: PaymentProvider;
  user: SessionUser;
  input: PlaceOrderInput;
  lines: CartLineRow[];
  price: CheckoutPrice;
  attemptId: string;
  paymentRef: string | null;
  paymentId: number | null;
  result: PlaceOrderResult | null;
}

function fingerprint(input: PlaceOrderInput, lines: readonly CartLineRow[]): RequestFingerprint {
  const a = input.shippingAddress;
  const request = [a.name, a.line1, a.line2 ?? '', a.city, a.region, a.postalCode, a.country, input.payment.token];
  const cart = lines
    .map((l) => `${l.product_id}x${l.quantity}`)
    .sort()
    .join(',');
  return { request: sha256(JSON.stringify(request)), cart: sha256(cart) };
}

function insufficient(items: UnavailableItem[]): DomainError {
  const names = items.map((i) => `"${i.title}"`).join(', ');
  return new DomainError('INSUFFICIENT_INVENTORY', `Not enough stock for ${names}. Update your cart and try again.`, {
    unavailableItems: items,
  });
}

function cartChanged(): DomainError {
  return new DomainError('CONFLICT', 'Your cart changed while checking out. Please review it and try again.', {
    reason: 'cart_changed',
  });
}

const checkCart: Step<CheckoutState> = {
  name: 'checkCart',
  async invoke(s) {
    if (s.lines.length === 0) throw new DomainError('BAD_REQUEST', 'Your cart is empty.');
    if (s.user.shopId !== null && s.lines.some((l) => l.shop_id === s.user.shopId))
      throw new DomainError('OWN_PRODUCT', 'You cannot buy listings from your own shop.');
    const unavailable = unavailableLines(s.price);
    if (unavailable.length) throw insufficient(unavailable);
  },
};

const authorizePayment: Step<CheckoutState> = {
  name: 'authorizePayment',
  async invoke(s) {
    const result = await s.provider.authorize({
      amountCents: s.price.totalCents,
      currency: CURRENCY,
      token: s.input.payment.token,
      // Unique per attempt: a failed attempt's key may be claimed again, and must not get back
      // the authorisation that was voided.
      idempotencyKey: `checkout:${s.user.id}:${s.input.idempotencyKey}:${s.attemptId}`,
    });
    if (!result.ok) throw new DomainError('PAYMENT_FAILED', result.message, { declineCode: result.declineCode });
    s.paymentRef = result.ref;
  },
  async compensate(s) {
    if (s.paymentRef) await s.provider.void(s.paymentRef);
  },
};

const commitOrders: Step<CheckoutState> = {
  name: 'commitOrders',
  async invoke(s) {
    await inTransaction(s.deps.db, (tx) => writeOrders(tx, s));
  },
};

/** The one transaction: everything in it happens, or nothing does. */
async function writeOrders(tx: Tx, s: CheckoutState): Promise<void> {
  const cartId = await lockCart(tx, { userId: s.user.id });
  if (cartId === undefined) throw cartChanged();
  const locked = await lockCheckoutLines(tx, cartId);
  assertSameCart(locked, s.lines);
  const unavailable = locked
    .filter((l) => l.status !== 'active' || l.quantity - l.held > l.stock - l.reserved)
    .map((l) => ({
      productId: l.product_id,
      title: l.title,
      requested: l.quantity,
      available: l.status === 'active' ? Math.max(0, l.stock - l.reserved) + l.held : 0,
    }));
  if (unavailable.length) throw insufficient(unavailable);

  await convertHoldsToSales(
    tx,
    locked.map((l) => ({ productId: l.product_id, quantity: l.quantity, held: l.held })),
  );
  const created = await insertCheckoutRecords(tx, {
    buyerId: s.user.id,
    buyerName: s.user.name,
    provider: s.provider.name,
    providerRef: s.paymentRef!,
    amountCents: s.price.totalCents,
    address: s.input.shippingAddress,
    orders: s.price.shops.map((shop) => ({
      shopId: shop.shopId,
      ownerId: shop.ownerId,
      subtotalCents: shop.subtotalCents,
      shippingCents: shop.shippingCents,
      taxCents: shop.taxCents,
      totalCents: shop.totalCents,
      itemCount: shop.itemCount,
    })),
    items: s.lines.map((l) => ({
      shopId: l.shop_id,
      productId: l.product_id,
      title: l.title,
      image: l.images[0] ?? null,
      priceCents: l.price_cents,
      quantity: l.quantity,
    })),
  });
  s.paymentId = created[0].payment_id;
  const orderIdByShop = new Map(created.map((o) => [o.shop_id, o.order_id]));
  await bumpShopSales(tx, new Map(s.price.shops.map((shop) => [shop.shopId, shop.itemCount])));
  s.result = {
    orders: s.price.shops.map((shop) => ({
      orderId: orderIdByShop.get(shop.shopId)!,
      shopId: shop.shopId,
      shopName: shop.shopName,
      subtotalCents: shop.subtotalCents,
      shippingCents: shop.shippingCents,
      taxCents: shop.taxCents,
      totalCents: shop.totalCents,
      itemCount: shop.itemCount,
    })),
    totalChargedCents: s.price.totalCents,
  };
  await clearCartAndComplete(tx, cartId, { userId: s.user.id, key: s.input.idempotencyKey, response: s.result });
}

/** The locked cart must be the one that was priced and authorised. */
function assertSameCart(locked: readonly LockedLine[], priced: readonly CartLineRow[]) {
  if (locked.length !== priced.length) throw cartChanged();
  const byProduct = new Map(priced.map((l) => [l.product_id, l]));
  for (const l of locked) {
    const p = byProduct.get(l.product_id);
    if (!p || p.quantity !== l.quantity || p.price_cents !== l.price_cents || p.shop_id !== l.shop_id)
      throw cartChanged();
  }
}

async function capturePayment(s: CheckoutState) {
  try {
    await s.provider.capture(s.paymentRef!);
    await setPaymentStatus(s.deps.db, s.paymentId!, 'captured');
  } catch (err) {
    // The orders stand; the authorisation stays open for a retry by support or a job.
    s.deps.log.error({ err: String(err), paymentId: s.paymentId }, 'capture after checkout failed');
  }
}

export async function placeOrder(ctx: CheckoutContext, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const { deps, user } = ctx;
  await enforceRateLimit(deps.store, rateRules.checkout, `u:${user.id}`);
  const { lines, price } = await loadPricedCart(deps, user.id, input.shippingAddress);
  const claim = await claimOrReplay<PlaceOrderResult>(
    deps.db,
    user.id,
    input.idempotencyKey,
    fingerprint(input, lines),
    lines.length === 0,
  );
  if (claim.kind === 'replay') return claim.response;

  const state: CheckoutState = {
    deps,
    provider: paymentProvider(deps),
    user,
    input,
    lines,
    price,
    attemptId: crypto.randomUUID(),
    paymentRef: null,
    paymentId: null,
    result: null,
  };
  try {
    await runSteps(state, [checkCart, authorizePayment, commitOrders], deps.log);
  } catch (err) {
    await failClaim(deps.db, user.id, input.idempotencyKey, err).catch((e) =>
      deps.log.error({ err: String(e) }, 'could not record failed checkout'),
    );
    throw err;
  }
  await capturePayment(state);
  void publishAvailability(
    deps,
    lines.map((l) => l.product_id),
  );
  return state.result!;
}
