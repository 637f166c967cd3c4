// Test fixture: writes paid orders straight to the database (payment, one order per shop,
// order lines), so review, also-bought and dashboard tests do not depend on checkout.
import type { OrderStatus } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import type { AppDeps } from '../../deps';

export interface FixtureOrder {
  orderId: number;
  shopId: number;
  items: { orderItemId: number; productId: number }[];
}

export async function createOrderFixture(
  deps: AppDeps,
  buyerId: number,
  lines: { productId: number; quantity?: number }[],
  opts: { status?: OrderStatus; createdAt?: Date } = {},
): Promise<FixtureOrder[]> {
  const products = await deps.db
    .selectFrom('products')
    .select(['id', 'shop_id', 'title', 'price_cents'])
    .where(
      'id',
      'in',
      lines.map((l) => l.productId),
    )
    .execute();
  const byId = new Map(products.map((p) => [p.id, p]));
  const total = lines.reduce((sum, l) => sum + (byId.get(l.productId)?.price_cents ?? 0) * (l.quantity ?? 1), 0);
  return inTransaction(deps.db, async (tx) => {
    const payment = await tx
      .insertInto('payments')
      .values({
        buyer_id: buyerId,
        provider: 'test',
        provider_ref: `test_${crypto.randomUUID()}`,
        amount_cents: total,
        status: 'captured',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const shops = [...new Set(products.map((p) => p.shop_id))];
    const orders: FixtureOrder[] = [];
    for (const shopId of shops) {
      const shopLines = lines.filter((l) => byId.get(l.productId)?.shop_id === shopId);
      const subtotal = shopLines.reduce((s, l) => s + (byId.get(l.productId)?.price_cents ?? 0) * (l.quantity ?? 1), 0);
      const order = await tx
        .insertInto('orders')
        .values({
          buyer_id: buyerId,
          shop_id: shopId,
          payment_id: payment.id,
          status: opts.status ?? 'delivered',
          subtotal_cents: subtotal,
          shipping_cents: 0,
          tax_cents: 0,
          total_cents: subtotal,
          shipping_address: JSON.stringify({
            name: 'Test Buyer',
            line1: '1 Test St',
            city: 'Testville',
            region: 'CA',
            postalCode: '94000',
            country: 'US',
          }),
          ...(opts.createdAt ? { created_at: opts.createdAt } : {}),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const items = [];
      for (const line of shopLines) {
        const p = byId.get(line.productId);
        if (!p) continue;
        const item = await tx
          .insertInto('order_items')
          .values({
            order_id: order.id,
            product_id: p.id,
            title: p.title,
            price_cents: p.price_cents,
            quantity: line.quantity ?? 1,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        items.push({ orderItemId: item.id, productId: p.id });
      }
      orders.push({ orderId: order.id, shopId, items });
    }
    return orders;
  });
}
