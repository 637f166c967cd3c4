// Step 3: the one transaction: lock the cart and its products (ascending id), re-check them,
// convert holds to sales, write the payment record and one order per shop, clear the cart and
// complete the idempotency record. Everything in it happens, or nothing does, so there is
// nothing to compensate: a failure rolls it back and the authorisation step's void runs.
import type { PlaceOrderResult, ShippingAddressInput } from '../../../../shared/schemas/checkout';
import type { Db, Tx } from '../../../db/kysely';
import { inTransaction } from '../../../db/transaction';
import { type CartLineRow, lockCart } from '../../cart/cart.repository';
import {
  bumpShopSales,
  clearCartAndComplete,
  convertHoldsToSales,
  insertCheckoutRecords,
  type LockedLine,
  lockCheckoutLines,
} from '../checkout.repository';
import { cartChanged, insufficient } from '../checkout-errors';
import type { CheckoutPrice } from '../checkout-pricing';
import { type Step, StepResponse } from '../workflow';

export interface CommitOrdersInput {
  db: Db;
  buyer: { id: number; name: string };
  idempotencyKey: string;
  address: ShippingAddressInput;
  lines: readonly CartLineRow[];
  price: CheckoutPrice;
  payment: { provider: string; ref: string };
}

export interface CommittedOrders {
  result: PlaceOrderResult;
  paymentId: number;
}

export const commitOrders: Step<CommitOrdersInput, CommittedOrders> = {
  name: 'commitOrders',
  async invoke(input) {
    return new StepResponse(await inTransaction(input.db, (tx) => writeOrders(tx, input)));
  },
};

async function writeOrders(tx: Tx, c: CommitOrdersInput): Promise<CommittedOrders> {
  const cartId = await lockCart(tx, { userId: c.buyer.id });
  if (cartId === undefined) throw cartChanged();
  const locked = await lockCheckoutLines(tx, cartId);
  assertSameCart(locked, c.lines);
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
    buyerId: c.buyer.id,
    buyerName: c.buyer.name,
    provider: c.payment.provider,
    providerRef: c.payment.ref,
    amountCents: c.price.totalCents,
    address: c.address,
    orders: c.price.shops.map((shop) => ({
      shopId: shop.shopId,
      ownerId: shop.ownerId,
      subtotalCents: shop.subtotalCents,
      shippingCents: shop.shippingCents,
      taxCents: shop.taxCents,
      totalCents: shop.totalCents,
      itemCount: shop.itemCount,
    })),
    items: c.lines.map((l) => ({
      shopId: l.shop_id,
      productId: l.product_id,
      title: l.title,
      image: l.images[0] ?? null,
      priceCents: l.price_cents,
      quantity: l.quantity,
    })),
  });
  const orderIdByShop = new Map(created.map((o) => [o.shop_id, o.order_id]));
  await bumpShopSales(tx, new Map(c.price.shops.map((shop) => [shop.shopId, shop.itemCount])));
  const result: PlaceOrderResult = {
    orders: c.price.shops.map((shop) => ({
      orderId: orderIdByShop.get(shop.shopId) as number,
      shopId: shop.shopId,
      shopName: shop.shopName,
      subtotalCents: shop.subtotalCents,
      shippingCents: shop.shippingCents,
      taxCents: shop.taxCents,
      totalCents: shop.totalCents,
      itemCount: shop.itemCount,
    })),
    totalChargedCents: c.price.totalCents,
  };
  await clearCartAndComplete(tx, cartId, { userId: c.buyer.id, key: c.idempotencyKey, response: result });
  return { result, paymentId: created[0].payment_id };
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
