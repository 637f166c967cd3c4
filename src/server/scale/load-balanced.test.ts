// Three app instances behind HAProxy (deploy/haproxy.cfg), sharing one PostgreSQL, Redis and
// Meilisearch: what a shopper sees through the balancer is what one instance would give, and the
// background jobs that every instance runs do each piece of work once.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { sql } from 'kysely';
import { openSse } from '../modules/realtime/sse-test-client';
import { expediteCoalescedRows } from '../modules/search/search.repository';
import { createProduct, createSeller, createUser } from '../test/factories';
import { waitUntil } from '../test/wait-until';
import type { LogLine } from './app-instance';
import { address, call, place, quoteFor } from './balancer-client';
import { type ScaleCluster, startScaleCluster } from './scale-cluster';

let cluster: ScaleCluster;
const JOBS_INTERVAL_MS = 1_000;
beforeAll(async () => {
  cluster = await startScaleCluster({
    instances: 3,
    workers: true,
    env: { JOBS_INTERVAL_MS: String(JOBS_INTERVAL_MS) },
  });
}, 120_000);
afterAll(async () => {
  await cluster?.cleanup();
}, 60_000);

/**
 * The instances that served these requests, read from their request log lines. A line comes
 * through the instance's stdout and can trail the answer, so this waits until each is logged.
 */
async function served(requestIds: string[]): Promise<Set<string>> {
  await waitUntil(() => requestIds.every((id) => cluster.servedBy(id).length > 0), {
    what: 'every request logged by the instance that served it',
  });
  return new Set(requestIds.flatMap((id) => cluster.servedBy(id)));
}

describe('three instances behind HAProxy', () => {
  test('50 buyers race for one unit: exactly one order, and every instance took part', async () => {
    const { deps, url } = cluster;
    const seller = await createSeller(deps);
    const item = await createProduct(seller, { quantity: 1 });
    const buyers = await Promise.all(Array.from({ length: 50 }, () => createUser(deps)));

    const adds = await Promise.all(
      buyers.map((b) => call(url, 'cart.addItem', { productId: item.id, quantity: 1 }, { session: b.sessionId })),
    );
    const winners = buyers.filter((_, i) => adds[i]?.status === 200);
    // One cart holds the unit; everyone else is told clearly that it is gone, nobody gets a 5xx.
    expect(winners).toHaveLength(1);
    expect(adds.filter((a) => a.status >= 500 || a.status === 0)).toEqual([]);
    expect(new Set(adds.filter((a) => a.status !== 200).map((a) => a.code))).toEqual(new Set(['CONFLICT']));
    expect(await served(adds.map((a) => a.requestId))).toEqual(new Set(['app1', 'app2', 'app3']));

    // Every buyer then tries to check out at once: only the holder can.
    const attempts = await Promise.all(
      buyers.map(async (b) => {
        const q = await call(
          url,
          'checkout.quote',
          { shippingAddress: address },
          { session: b.sessionId, method: 'GET' },
        );
        if (q.status !== 200) return q;
        return place(url, b.sessionId, crypto.randomUUID(), q.data as { version: string; totalCents: number });
      }),
    );
    expect(attempts.filter((a) => a.status >= 500 || a.status === 0)).toEqual([]);
    const orders = await deps.db
      .selectFrom('order_items')
      .innerJoin('orders', 'orders.id', 'order_items.order_id')
      .select(['orders.buyer_id', 'order_items.quantity'])
      .where('order_items.product_id', '=', item.id)
      .execute();
    expect(orders).toEqual([{ buyer_id: winners[0]!.id, quantity: 1 }]);
    const stock = await deps.db
      .selectFrom('products')
      .select(['quantity', 'reserved'])
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(stock).toEqual({ quantity: 0, reserved: 0 });
    // The shop-sales counter job (running in all three instances) folds the sale once.
    await waitUntil(
      async () =>
        (
          await deps.db
            .selectFrom('shops')
            .select('sales_count')
            .where('id', '=', seller.shopId)
            .executeTakeFirstOrThrow()
        ).sales_count === 1,
      { what: 'shop sales folded' },
    );
  }, 60_000);

  test('10 concurrent replays of one idempotency key, spread over the instances, make one set of orders', async () => {
    const { deps, url } = cluster;
    const sellers = [await createSeller(deps), await createSeller(deps)];
    const items = [
      await createProduct(sellers[0]!, { quantity: 5 }),
      await createProduct(sellers[1]!, { quantity: 5 }),
    ];
    const buyer = await createUser(deps);
    for (const p of items)
      expect(
        (await call(url, 'cart.addItem', { productId: p.id, quantity: 1 }, { session: buyer.sessionId })).status,
      ).toBe(200);
    const quote = await quoteFor(url, buyer.sessionId);
    const key = crypto.randomUUID();

    const replays = await Promise.all(Array.from({ length: 10 }, () => place(url, buyer.sessionId, key, quote)));
    expect((await served(replays.map((r) => r.requestId))).size).toBeGreaterThanOrEqual(2);
    // Each replay either carries the one outcome or says the first is still being processed.
    for (const r of replays) expect([200, 409]).toContain(r.status);
    const answered = replays.filter((r) => r.status === 200);
    expect(answered.length).toBeGreaterThanOrEqual(1);
    for (const r of replays.filter((r) => r.status === 409)) expect(r.message).toContain('still being processed');
    // Once settled, every instance replays the same answer.
    // (Replays go out in threes until each instance has answered one: the balancer's turn order
    // is its own, and an instance it briefly marks down under load is skipped for a moment.)
    const later: Awaited<ReturnType<typeof place>>[] = [];
    await waitUntil(
      async () => {
        later.push(...(await Promise.all(Array.from({ length: 3 }, () => place(url, buyer.sessionId, key, quote)))));
        return (await served(later.map((r) => r.requestId))).size === 3;
      },
      { what: 'a replay answered by every instance' },
    );
    expect(later.every((r) => r.status === 200)).toBe(true);
    // (The first answer and a stored replay may list keys in another order: compare values.)
    for (const r of [...answered, ...later]) expect(r.data).toEqual(later[0]!.data);

    const orders = await deps.db.selectFrom('orders').select('id').where('buyer_id', '=', buyer.id).execute();
    expect(orders).toHaveLength(2);
    const placed = (later[0]!.data as { orders: { orderId: number }[] }).orders.map((o) => o.orderId).sort();
    expect(placed).toEqual(orders.map((o) => o.id).sort());
  }, 60_000);

  test('a stock change made on one instance reaches live-stock subscribers on the others', async () => {
    const { deps, url, instances } = cluster;
    const seller = await createSeller(deps);
    const item = await createProduct(seller, { quantity: 4 });
    const watch = (base: string) =>
      openSse(`${base}/trpc/inventory.watch?input=${encodeURIComponent(JSON.stringify({ productIds: [item.id] }))}`);
    const [on2, on3, viaBalancer] = await Promise.all([watch(instances[1]!.url), watch(instances[2]!.url), watch(url)]);
    try {
      for (const s of [on2, on3, viaBalancer])
        expect(await s.next(undefined, 5_000)).toEqual({ productId: item.id, available: 4 });
      // The seller's edit is served by app1 alone.
      const edit = await call(
        instances[0]!.url,
        'catalog.updateProduct',
        { productId: item.id, quantity: 1 },
        { session: seller.sessionId },
      );
      expect(edit.status).toBe(200);
      // The request log line arrives through the instance's stdout, maybe after the answer.
      await waitUntil(() => cluster.servedBy(edit.requestId).length > 0, { what: 'the edit in a request log' });
      expect(cluster.servedBy(edit.requestId)).toEqual(['app1']);
      for (const s of [on2, on3, viaBalancer])
        expect(await s.next(undefined, 5_000)).toEqual({ productId: item.id, available: 1 });
    } finally {
      for (const s of [on2, on3, viaBalancer]) s.close();
    }
  }, 30_000);

  test('background jobs running in all three instances each do their work once', async () => {
    const { deps, url, instances, iso } = cluster;
    const logs = () => instances.flatMap((i) => i.logs().map((l) => ({ ...l, instance: i.name }) as LogLine));
    // Counter changes wait a few seconds to coalesce: send them now, then wait for an empty outbox.
    const outboxEmpty = async () => {
      await expediteCoalescedRows(deps.db);
      const row = await deps.db
        .selectFrom('search_outbox')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n) === 0;
    };

    // Search outbox drainer: 12 new listings reach Meilisearch once each. Earlier tests' sales are
    // folded into shop counts by a job first (a shop's boost moving queues its listings): wait for both.
    const salesFolded = async () => {
      const row = await deps.db
        .selectFrom('shop_sales_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n) === 0;
    };
    await waitUntil(async () => (await salesFolded()) && (await outboxEmpty()), { what: 'earlier changes drained' });
    const since = new Date();
    const seller = await createSeller(deps);
    const listings: Awaited<ReturnType<typeof createProduct>>[] = [];
    for (let i = 0; i < 12; i++) listings.push(await createProduct(seller, { quantity: 10 }));
    await waitUntil(outboxEmpty, { what: 'new listings drained' });
    const meili = iso.services.deps.meili!;
    const tasks = await meili.tasks.getTasks({
      indexUids: [deps.config.productsIndex],
      types: ['documentAdditionOrUpdate'],
      afterEnqueuedAt: since.toISOString(),
      limit: 1000,
    });
    const pushed = tasks.results.reduce((n, t) => n + Number(t.details?.receivedDocuments ?? 0), 0);
    expect(pushed).toBe(12);
    const docs = await meili.index(deps.config.productsIndex).getDocuments({
      filter: `shopId = ${seller.shopId}`,
      limit: 20,
    });
    expect(docs.results).toHaveLength(12);

    // Reservation sweeper: 6 carts' holds expire; each is released once and stock is whole.
    const buyers = await Promise.all(Array.from({ length: 6 }, () => createUser(deps)));
    for (const [i, b] of buyers.entries())
      expect(
        (await call(url, 'cart.addItem', { productId: listings[i % 3]!.id, quantity: 2 }, { session: b.sessionId }))
          .status,
      ).toBe(200);
    const releasedBefore = sumField(logs(), 'expired holds released', 'released');
    await sql`update cart_items set hold_expires_at = now() - interval '1 minute'
      where held > 0 and cart_id in (select id from carts where user_id = any(${buyers.map((b) => b.id)}::int[]))`.execute(
      deps.db,
    );
    await waitUntil(
      async () => {
        const rows = await deps.db
          .selectFrom('products')
          .select('reserved')
          .where(
            'id',
            'in',
            listings.slice(0, 3).map((l) => l.id),
          )
          .execute();
        return rows.every((r) => r.reserved === 0);
      },
      { what: 'expired holds released' },
    );
    await waitUntil(() => sumField(logs(), 'expired holds released', 'released') - releasedBefore >= 6, {
      what: 'sweeper logs',
    });
    expect(sumField(logs(), 'expired holds released', 'released') - releasedBefore).toBe(6);

    // Payment reconciliation: 3 authorisations that never got an order are voided once each.
    const { TestPaymentProvider } = await import('../modules/payments/test-payment-provider');
    const processor = new TestPaymentProvider(deps.db);
    const refs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await processor.authorize({
        amountCents: 1000 + i,
        currency: 'USD',
        token: 'tok_visa',
        idempotencyKey: `orphan:${crypto.randomUUID()}`,
      });
      if (r.ok) refs.push(r.ref);
    }
    expect(refs).toHaveLength(3);
    const voidedBefore = sumField(logs(), 'payments reconciled', 'voided');
    await deps.db
      .updateTable('test_processor_payments')
      .set({ updated_at: new Date(Date.now() - 3_600_000) })
      .where('ref', 'in', refs)
      .execute();
    await waitUntil(
      async () => {
        const rows = await deps.db
          .selectFrom('test_processor_payments')
          .select('status')
          .where('ref', 'in', refs)
          .execute();
        return rows.every((r) => r.status === 'voided');
      },
      { what: 'orphans voided' },
    );
    await waitUntil(() => sumField(logs(), 'payments reconciled', 'voided') - voidedBefore >= 3, { what: 'void logs' });
    expect(sumField(logs(), 'payments reconciled', 'voided') - voidedBefore).toBe(3);

    // Trending refresh: every instance ticks each second, but a refresh is skipped while the scores
    // are fresher than half the interval (read under one advisory lock), so once there are scores
    // at most 2 refreshes a second happen in all (3 a second if each instance refreshed on its own).
    // (An empty table carries no refresh time: until the first sale every tick rebuilds.)
    const scoredRefreshes = () => {
      const refreshes = logs()
        .filter((l) => l.msg === 'trending refreshed')
        .map((l) => ({ at: Date.parse(String(l.time)), instance: l.instance, products: Number(l.products) }))
        .sort((a, b) => a.at - b.at);
      const firstScored = refreshes.findIndex((r) => r.products > 0);
      return firstScored < 0 ? [] : refreshes.slice(firstScored);
    };
    // The steps above can finish within a second of the first sale: wait for a few scored refreshes.
    await waitUntil(() => scoredRefreshes().length >= 3, { what: 'three trending refreshes with scores' });
    const scored = scoredRefreshes();
    const spanMs = scored.at(-1)!.at - scored[0]!.at;
    expect(scored.length).toBeGreaterThanOrEqual(3);
    expect(scored.length).toBeLessThanOrEqual(spanMs / (JOBS_INTERVAL_MS / 2) + 1);
    const gaps = scored.slice(1).map((r, i) => r.at - scored[i]!.at);
    // Email sender: every mail the orders above queued is delivered once, by whichever instance.
    const catcher = deps.mailCatcher!;
    await waitUntil(
      async () =>
        (await deps.db.selectFrom('email_outbox').select('id').where('status', '=', 'pending').execute()).length === 0,
      { what: 'email outbox sent' },
    );
    const sent = await deps.db
      .selectFrom('email_outbox')
      .select(['id', 'to_address'])
      .where('status', '=', 'sent')
      .execute();
    expect(sent.length).toBeGreaterThanOrEqual(2);
    const caught = catcher.list();
    expect(caught.length).toBe(sent.length);
    expect(new Set(caught.map((m) => m.messageId)).size).toBe(caught.length);
    console.log(
      `jobs across 3 instances: ${pushed} listings pushed once, ${sent.length} mails sent once, 6 holds released once, 3 orphans voided once, ${scored.length} trending refreshes with scores by ${new Set(scored.map((r) => r.instance)).size} instances (min gap ${Math.min(...gaps)} ms)`,
    );
  }, 90_000);
});

function sumField(lines: { msg: string; [k: string]: unknown }[], msg: string, field: string): number {
  return lines.filter((l) => l.msg === msg).reduce((n, l) => n + Number(l[field] ?? 0), 0);
}
