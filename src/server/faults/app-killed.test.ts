// The app process SIGKILLed during a checkout burst: after a restart, replaying every idempotency
// key gives exactly one outcome per key (one set of orders, or none for a refused checkout),
// replays agree with any answer given before the kill, and stock is conserved with holds
// consistent with carts.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { resolve } from 'node:path';
import { RECONCILE_DEFAULTS, reconcilePayments } from '../modules/payments/payment-reconciliation';
import { address } from '../scale/balancer-client';
import { findFreePort, waitFor } from '../services/free-port';
import { createUser, type TestUser } from '../test/factories';
import { inventoryProblems, partialOrders, paymentProblems, stockedListings } from './invariants';
import { type IsolatedServices, startIsolatedServices } from './isolated-services';

let iso: IsolatedServices;
beforeAll(async () => {
  iso = await startIsolatedServices();
}, 60_000);
afterAll(async () => {
  await iso?.cleanup();
}, 30_000);

const root = resolve(import.meta.dir, '../../..');

async function startAppProcess(): Promise<{ url: string; proc: Bun.Subprocess }> {
  const { urls } = iso.services;
  const port = await findFreePort();
  const proc = Bun.spawn(['bun', 'src/server/index.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: iso.dataDir,
      DATABASE_URL: urls.database,
      REDIS_URL: urls.redis ?? '',
      MEILI_URL: urls.meili ?? '',
      MEILI_MASTER_KEY: urls.meiliKey,
      SEED_DEMO: 'false',
      WORKERS: 'false',
      LOG_LEVEL: 'error',
    },
    stdout: 'ignore',
    stderr: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/healthz`)).ok, 30_000, 'the app process');
  return { url, proc };
}

interface Outcome {
  status: number;
  body: string;
}

type Quote = { version: string; totalCents: number };

async function place(url: string, buyer: TestUser, key: string, ip: string, quote: Quote): Promise<Outcome> {
  try {
    const res = await fetch(`${url}/trpc/checkout.place`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `hearth_session=${buyer.sessionId}`,
        'x-forwarded-for': ip,
      },
      body: JSON.stringify({
        idempotencyKey: key,
        shippingAddress: address,
        quote: { version: quote.version, totalCents: quote.totalCents },
        payment: { token: 'tok_visa' },
      }),
    });
    return { status: res.status, body: await res.text() };
  } catch {
    return { status: 0, body: 'connection lost' };
  }
}

describe('app process killed during a checkout burst', () => {
  test('every idempotency key resolves to exactly one outcome and inventory holds', async () => {
    const { deps } = iso.services;
    const { products, initial } = await stockedListings(deps, 3, 2, 40);
    // 30 buyers want 1 unit of 3 listings from different shops: stock for all of them.
    const buyers = await Promise.all(Array.from({ length: 30 }, () => createUser(deps)));
    const wanted = buyers.map((_, i) => [products[i % 2], products[2 + ((i + 1) % 2)], products[4 + (i % 2)]]);
    let app = await startAppProcess();
    for (const [i, b] of buyers.entries())
      for (const p of wanted[i]) {
        const res = await fetch(`${app.url}/trpc/cart.addItem`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: `hearth_session=${b.sessionId}`,
            'x-forwarded-for': `10.66.1.${i}`,
          },
          body: JSON.stringify({ productId: p.id, quantity: 1 }),
        });
        expect(res.status).toBe(200);
      }
    const keys = buyers.map(() => crypto.randomUUID());
    const quotes = await Promise.all(buyers.map((b) => b.caller.checkout.quote({ shippingAddress: address })));
    const ip = (i: number) => `10.66.0.${i + 1}`;

    // The burst; SIGKILL once a few checkouts have completed.
    const firstAnswers: Promise<Outcome>[] = buyers.map((b, i) =>
      Bun.sleep(i * 8).then(() => place(app.url, b, keys[i], ip(i), quotes[i])),
    );
    await waitFor(
      async () => {
        const row = await deps.db
          .selectFrom('orders')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        return Number(row.n) >= 3;
      },
      20_000,
      'the first orders',
    );
    app.proc.kill('SIGKILL');
    await app.proc.exited;
    const before = await Promise.all(firstAnswers);
    // The kill landed mid-burst: some buyers got their orders, some lost the connection.
    expect(before.some((o) => o.status === 0)).toBe(true);
    console.log(
      `app-kill: before the kill ${before.filter((o) => o.status === 200).length} answered, ${before.filter((o) => o.status === 0).length} lost`,
    );
    expect(await partialOrders(deps.db)).toEqual([]);
    expect(await inventoryProblems(deps.db, initial)).toEqual([]);

    // Restart. Abandoned claims are retried once stale; make them stale instead of waiting.
    app = await startAppProcess();
    try {
      await deps.db
        .updateTable('idempotency_keys')
        .set({ updated_at: new Date(Date.now() - 3_600_000) })
        .where('status', '=', 'in_progress')
        .execute();
      const replays = await Promise.all(buyers.map((b, i) => place(app.url, b, keys[i], ip(i), quotes[i])));
      const again = await Promise.all(buyers.map((b, i) => place(app.url, b, keys[i], ip(i), quotes[i])));
      for (const [i, b] of buyers.entries()) {
        expect({ i, status: replays[i].status }).toEqual({ i, status: 200 });
        // A replay answers the same thing every time, and the same as before the kill if it answered then.
        expect(JSON.parse(again[i].body)).toEqual(JSON.parse(replays[i].body));
        if (before[i].status === 200) expect(JSON.parse(replays[i].body)).toEqual(JSON.parse(before[i].body));
        const orders = await deps.db.selectFrom('orders').select('id').where('buyer_id', '=', b.id).execute();
        expect({ i, orders: orders.length }).toEqual({ i, orders: 3 });
        const ids = (
          JSON.parse(replays[i].body) as { result: { data: { orders: { orderId: number }[] } } }
        ).result.data.orders
          .map((o) => o.orderId)
          .sort((x, y) => x - y);
        expect(ids).toEqual(orders.map((o) => o.id).sort((x, y) => x - y));
      }
      const claims = await deps.db
        .selectFrom('idempotency_keys')
        .select(['key', 'status'])
        .where('key', 'in', keys)
        .execute();
      expect(claims.filter((c) => c.status !== 'completed')).toEqual([]);
      expect(await partialOrders(deps.db)).toEqual([]);
      expect(await inventoryProblems(deps.db, initial)).toEqual([]);

      // Authorisations of checkouts the kill cut short are left open; the reconciliation job (as
      // the restarted app's workers would run it, its clock past the orphan timeout) voids them
      // and captures what committed.
      await reconcilePayments(deps, { now: new Date(Date.now() + RECONCILE_DEFAULTS.orphanAfterMs + 60_000) });
      expect(
        await paymentProblems(
          deps.db,
          buyers.map((b) => b.id),
        ),
      ).toEqual([]);
    } finally {
      app.proc.kill('SIGKILL');
      await app.proc.exited;
    }
  }, 90_000);
});
