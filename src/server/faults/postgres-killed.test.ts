// PostgreSQL killed with SIGKILL (postmaster and every backend: a crash, not a shutdown) during a
// checkout burst, on the durable settings production uses. After a restart (crash recovery from
// the WAL): every order that was answered as placed is there with its items and payment; every
// idempotency key has exactly one outcome (retrying it returns the same orders or completes once,
// never a second set); stock is conserved. On the fast development settings (synchronous_commit
// off) acknowledged commits can be lost this way, which is why production never uses them.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { callProcedure } from '../abuse/http-client';
import { createApp } from '../app';
import { durabilitySettings } from '../db/durability';
import { waitUntil } from '../test/wait-until';
import { cartOf, checkoutBurst } from './checkout-burst';
import { expireInFlightClaims, inventoryProblems, partialOrders, stockedListings } from './invariants';
import { type IsolatedServices, startIsolatedServices } from './isolated-services';

let iso: IsolatedServices;
beforeAll(async () => {
  iso = await startIsolatedServices({ pgDurability: 'safe' });
}, 90_000);
afterAll(async () => {
  await iso?.cleanup();
}, 30_000);

const BUYERS = 24;

interface Placed {
  orders: { orderId: number }[];
}

describe('PostgreSQL killed with SIGKILL during checkouts (durable settings)', () => {
  test('runs with PostgreSQL safe defaults', async () => {
    const d = await durabilitySettings(iso.services.deps.db);
    expect(d.settings).toEqual({ fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' });
    expect(d.durable).toBe(true);
  });

  test('every order answered as placed survives; every key has exactly one outcome', async () => {
    const { deps } = iso.services;
    const app = createApp(deps);
    const { products, initial } = await stockedListings(deps, 3, 2, 100);
    const { buyers, keys, place } = await checkoutBurst(deps, app, products, {
      buyers: BUYERS,
      perCart: 3,
      ipPrefix: '10.77',
    });

    // The burst: all checkouts at once; the kill lands once some have committed and others are
    // still in flight (polled, not timed).
    const burst = Promise.all(buyers.map((_, i) => place(i)));
    await waitUntil(
      async () => {
        const row = await deps.db
          .selectFrom('idempotency_keys')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('key', 'in', keys)
          .where('status', '=', 'completed')
          .executeTakeFirst()
          .catch(() => ({ n: 0 }));
        return Number(row?.n ?? 0) >= 3;
      },
      { intervalMs: 5, what: 'first checkouts committed' },
    );
    await iso.killPostgres();
    const first = await burst;
    const answered = new Map<number, number[]>();
    for (const [i, out] of first.entries())
      if (out.status === 200)
        answered.set(
          i,
          ((out.body as { result: { data: Placed } }).result.data.orders ?? []).map((o) => o.orderId),
        );
    expect(answered.size).toBeGreaterThan(0);
    console.log(
      `kill -9 during ${BUYERS} checkouts: ${answered.size} answered as placed, ${BUYERS - answered.size} failed or cut off`,
    );

    await iso.restartPostgres();
    await waitUntil(
      async () =>
        (await callProcedure(app, 'catalog.product', 'query', { productId: products[0].id }, {})).status === 200,
      { intervalMs: 100, what: 'pool reconnected after restart' },
    );

    // Every order answered as placed is there, complete.
    const answeredIds = [...answered.values()].flat();
    const present = await deps.db.selectFrom('orders').select('id').where('id', 'in', answeredIds).execute();
    expect(present.map((o) => o.id).sort((a, b) => a - b)).toEqual([...answeredIds].sort((a, b) => a - b));
    expect(await partialOrders(deps.db)).toEqual([]);
    expect(await inventoryProblems(deps.db, initial)).toEqual([]);

    // Every key has one outcome: a claim left in flight by the crash goes stale and may be taken
    // over; retrying each key returns the same orders (answered ones) or completes it once.
    await expireInFlightClaims(deps.db);
    const retried = await Promise.all(buyers.map((_, i) => place(i)));
    expect(retried.map((r) => r.status)).toEqual(buyers.map(() => 200));
    for (const [i, out] of retried.entries()) {
      const ids = (out.body as { result: { data: Placed } }).result.data.orders.map((o) => o.orderId);
      if (answered.has(i)) expect(ids).toEqual(answered.get(i)!);
      const orders = await deps.db.selectFrom('orders').select('id').where('buyer_id', '=', buyers[i].id).execute();
      expect(orders.map((o) => o.id).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
      const shops = new Set(cartOf(products, i, 3).map((p) => p.shop.id));
      expect(orders).toHaveLength(shops.size);
    }
    const outcomes = await deps.db
      .selectFrom('idempotency_keys')
      .select(['key', 'status'])
      .where('key', 'in', keys)
      .execute();
    expect(outcomes).toHaveLength(BUYERS);
    expect(outcomes.every((o) => o.status === 'completed')).toBe(true);
    expect(await partialOrders(deps.db)).toEqual([]);
    expect(await inventoryProblems(deps.db, initial)).toEqual([]);
  }, 120_000);
});
