// PostgreSQL restarted under a checkout burst: requests in flight fail cleanly (a JSON error that
// says to try again, no stack, no SQL), the pool recovers by itself once Postgres is back, and no
// partial order exists; stock and holds stay consistent; the failed buyers can simply retry.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { callProcedure, errorOf, type HttpOutcome } from '../abuse/http-client';
import { createApp } from '../app';
import { waitUntil } from '../test/wait-until';
import { cartOf, checkoutBurst } from './checkout-burst';
import { expireInFlightClaims, inventoryProblems, partialOrders, stockedListings } from './invariants';
import { type IsolatedServices, startIsolatedServices } from './isolated-services';

let iso: IsolatedServices;
beforeAll(async () => {
  iso = await startIsolatedServices();
}, 60_000);
afterAll(async () => {
  await iso?.cleanup();
}, 30_000);

function cleanFailure(out: HttpOutcome): string | null {
  if (out.status === 200) return null;
  if (out.status === 0) return 'no response';
  if (/\bat .+\.(ts|js):\d+|node_modules|ECONNREFUSED|terminating connection|postgres/i.test(out.text))
    return `leaky ${out.status}: ${out.text.slice(0, 200)}`;
  const err = errorOf(out);
  if (!err?.message) return `not a JSON error ${out.status}: ${out.text.slice(0, 200)}`;
  // Retryable: a 5xx the client may retry, or a conflict from a concurrent replay.
  if (out.status < 500 && err.domain !== 'IDEMPOTENCY_IN_PROGRESS') return `unexpected ${out.status} ${err.message}`;
  return null;
}

describe('PostgreSQL restarted', () => {
  test('in-flight requests fail cleanly, the pool recovers, no partial order', async () => {
    const { deps } = iso.services;
    const app = createApp(deps);
    const { products, initial } = await stockedListings(deps, 2, 3, 50);
    const { buyers, keys, place } = await checkoutBurst(deps, app, products, {
      buyers: 12,
      perCart: 4,
      ipPrefix: '10.55',
    });

    // The burst, with Postgres stopped while it is in flight.
    const burst = Promise.all(buyers.map((_, i) => Bun.sleep(i * 15).then(() => place(i))));
    // Stop it once checkouts are in flight (a claimed key), not after a guessed delay.
    await waitUntil(
      async () =>
        !!(await deps.db
          .selectFrom('idempotency_keys')
          .select('key')
          .where('key', 'in', keys)
          .executeTakeFirst()
          .catch(() => undefined)),
      { intervalMs: 5, what: 'a checkout in flight' },
    );
    await iso.stopPostgres();
    const first = await burst;
    // While it is down: reads fail cleanly too, and fast.
    const t0 = performance.now();
    const down = await callProcedure(app, 'catalog.product', 'query', { productId: products[0].id }, {});
    expect(performance.now() - t0).toBeLessThan(10_000);
    // A retryable 503 that says when to try again, not an opaque 500.
    expect(down.status).toBe(503);
    expect(errorOf(down)?.domain).toBe('UNAVAILABLE');
    expect(errorOf(down)?.details?.retryAfterSeconds).toBeGreaterThan(0);
    const problems = [...first, down].map(cleanFailure).filter((p) => p !== null);
    expect(problems).toEqual([]);

    await iso.restartPostgres();
    // The same pool reconnects by itself.
    await waitUntil(
      async () =>
        (await callProcedure(app, 'catalog.product', 'query', { productId: products[0].id }, {})).status === 200,
      { intervalMs: 250, what: 'the pool reconnected' },
    );

    expect(await partialOrders(deps.db)).toEqual([]);
    expect(await inventoryProblems(deps.db, initial)).toEqual([]);

    // Buyers whose checkout failed retry with the same key (after an abandoned claim goes stale).
    await expireInFlightClaims(deps.db);
    const retried = await Promise.all(buyers.map((_, i) => (first[i].status === 200 ? first[i] : place(i))));
    expect(retried.map((r) => r.status)).toEqual(buyers.map(() => 200));
    for (const [i, b] of buyers.entries()) {
      const orders = await deps.db.selectFrom('orders').select('id').where('buyer_id', '=', b.id).execute();
      const shops = new Set(cartOf(products, i, 4).map((p) => p.shop.id));
      expect(orders.length).toBe(shops.size);
    }
    expect(await partialOrders(deps.db)).toEqual([]);
    expect(await inventoryProblems(deps.db, initial)).toEqual([]);
  }, 60_000);
});
