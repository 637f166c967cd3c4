// Helpers shared by the cart, checkout and orders tests (no state: every call builds its own data).
import type { PlaceOrderInput, ShippingAddressInput } from '../../../shared/schemas/checkout';
import type { AppDeps } from '../../deps';
import type { TestUser } from '../../test/factories';
import { testDeps } from '../../test/test-services';

export function address(over: Partial<ShippingAddressInput> = {}): ShippingAddressInput {
  return {
    name: 'Ada Lovelace',
    line1: '12 Loom Street',
    line2: null,
    city: 'Albany',
    region: 'NY',
    postalCode: '12207',
    country: 'US',
    ...over,
  };
}

export async function stockOf(productId: number, deps: AppDeps = testDeps()) {
  return deps.db
    .selectFrom('products')
    .select(['quantity', 'reserved', 'sales_count', 'status'])
    .where('id', '=', productId)
    .executeTakeFirstOrThrow();
}

export async function cartLinesOf(userId: number, deps: AppDeps = testDeps()) {
  return deps.db
    .selectFrom('cart_items as i')
    .innerJoin('carts as c', 'c.id', 'i.cart_id')
    .select(['i.product_id', 'i.quantity', 'i.held', 'i.hold_expires_at'])
    .where('c.user_id', '=', userId)
    .orderBy('i.product_id')
    .execute();
}

/** Makes every hold of these products look expired, as if the buyer walked away long ago. */
export async function expireHolds(productIds: number[], deps: AppDeps = testDeps()) {
  await deps.db
    .updateTable('cart_items')
    .set({ hold_expires_at: new Date(Date.now() - 60_000) })
    .where('product_id', 'in', productIds)
    .execute();
}

export async function ordersOf(buyerId: number, deps: AppDeps = testDeps()) {
  return deps.db.selectFrom('orders').selectAll().where('buyer_id', '=', buyerId).orderBy('id').execute();
}

/** What the checkout page sends: the cart quoted at the address, placed at exactly that quote. */
export async function placeInput(
  buyer: TestUser,
  over: { key?: string; token?: string; shippingAddress?: ShippingAddressInput } = {},
): Promise<PlaceOrderInput> {
  const shippingAddress = over.shippingAddress ?? address();
  const quote = await buyer.caller.checkout.quote({ shippingAddress });
  return {
    idempotencyKey: over.key ?? crypto.randomUUID(),
    shippingAddress,
    quote: { version: quote.version, totalCents: quote.totalCents },
    payment: { token: over.token ?? 'tok_visa' },
  };
}

export async function quoteAndPlace(buyer: TestUser, over: Parameters<typeof placeInput>[1] = {}) {
  return buyer.caller.checkout.place(await placeInput(buyer, over));
}
