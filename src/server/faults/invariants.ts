// What must hold after any fault: stock conserved, holds consistent with carts, orders complete.
import { sql } from 'kysely';
import type { Db } from '../db/kysely';
import type { AppDeps } from '../deps';
import { createProduct, createSeller } from '../test/factories';

/** For each product: quantity + units sold = initial, and reserved = units held by carts. */
export async function inventoryProblems(db: Db, initial: Map<number, number>): Promise<string[]> {
  const ids = [...initial.keys()];
  const { rows } = await sql<{ id: number; quantity: number; reserved: number; sold: number; held: number }>`
    select p.id, p.quantity, p.reserved,
      coalesce((select sum(oi.quantity) from order_items oi where oi.product_id = p.id), 0)::int as sold,
      coalesce((select sum(ci.held) from cart_items ci where ci.product_id = p.id), 0)::int as held
    from products p where p.id = any(${ids}::int[]) order by p.id`.execute(db);
  const problems: string[] = [];
  for (const r of rows) {
    if (r.quantity + r.sold !== initial.get(r.id))
      problems.push(`product ${r.id}: quantity ${r.quantity} + sold ${r.sold} != initial ${initial.get(r.id)}`);
    if (r.reserved !== r.held) problems.push(`product ${r.id}: reserved ${r.reserved} != held in carts ${r.held}`);
    if (r.quantity < 0 || r.reserved < 0 || r.reserved > r.quantity)
      problems.push(`product ${r.id}: bad stock ${JSON.stringify(r)}`);
  }
  return problems;
}

/** Orders without items, payment or history: the marks of a partial checkout. */
export async function partialOrders(db: Db): Promise<string[]> {
  const { rows } = await sql<{ id: number; items: number; history: number; payment: number | null }>`
    select o.id,
      (select count(*) from order_items i where i.order_id = o.id)::int as items,
      (select count(*) from order_status_history h where h.order_id = o.id)::int as history,
      (select p.id from payments p where p.id = o.payment_id) as payment
    from orders o`.execute(db);
  return rows
    .filter((r) => r.items === 0 || r.history === 0 || r.payment === null)
    .map((r) => `order ${JSON.stringify(r)}`);
}

/**
 * Shops with stocked listings for a burst, and the starting stock the invariants compare against.
 * Products come shop by shop: `products[shop * perShop + i]`.
 */
export async function stockedListings(deps: AppDeps, shops: number, perShop: number, quantity: number) {
  const initial = new Map<number, number>();
  const products: Awaited<ReturnType<typeof createProduct>>[] = [];
  for (let s = 0; s < shops; s++) {
    const seller = await createSeller(deps);
    for (let i = 0; i < perShop; i++) {
      const p = await createProduct(seller, { quantity });
      products.push(p);
      initial.set(p.id, quantity);
    }
  }
  return { products, initial };
}

/**
 * Payments after a fault, for these buyers' checkouts: no authorisation at the processor without
 * an order (it must be voided), and every order paid by a payment that is captured or refunded,
 * our record agreeing with the processor's ledger.
 */
export async function paymentProblems(db: Db, buyerIds: readonly number[]): Promise<string[]> {
  const problems: string[] = [];
  for (const p of await processorPaymentsOf(db, buyerIds)) {
    if (p.orders === 0 && p.status !== 'voided') problems.push(`${p.ref}: ${p.status} at the processor, no order`);
    if (p.orders > 0 && !['captured', 'refunded', 'partially_refunded'].includes(p.status))
      problems.push(`${p.ref}: order paid by a ${p.status} payment`);
    if (p.orders > 0 && p.ours !== p.status) problems.push(`${p.ref}: ours ${p.ours}, processor ${p.status}`);
  }
  return problems;
}

/** Every authorisation the processor made for these buyers' checkouts, its state and our record of it. */
export async function processorPaymentsOf(db: Db, buyerIds: readonly number[]) {
  const { rows } = await sql<{ ref: string; status: string; ours: string | null; orders: number }>`
    select p.ref, p.status, pay.status as ours,
      (select count(*) from orders o where o.payment_id = pay.id)::int as orders
    from test_processor_authorizations a
    join test_processor_payments p on p.ref = a.result->>'ref'
    left join payments pay on pay.provider_ref = p.ref
    where a.idempotency_key like 'checkout:%'
      and split_part(a.idempotency_key, ':', 2)::int = any(${buyerIds}::int[])`.execute(db);
  return rows;
}

/** Ages every checkout claim still in flight, as if its instance died an hour ago, so a retry may take it over. */
export async function expireInFlightClaims(db: Db): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ updated_at: new Date(Date.now() - 3_600_000) })
    .where('status', '=', 'in_progress')
    .execute();
}
