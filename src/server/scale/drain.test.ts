// Instances leaving mid-load behind HAProxy. SIGTERM: the instance says "not ready" first, keeps
// serving until the balancer has moved on, ends live streams with a retry hint and exits once
// in-flight work is done: no request fails, no order is lost. SIGKILL: the balancer resends no
// mutation (a POST in flight on the dead instance comes back as an error, never runs twice), and
// replaying each idempotency key gives exactly one outcome.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { inventoryProblems, partialOrders, paymentProblems } from '../faults/invariants';
import { RECONCILE_DEFAULTS, reconcilePayments } from '../modules/payments/payment-reconciliation';
import { openSse } from '../modules/realtime/sse-test-client';
import { createProduct, createSeller, createUser, type TestUser } from '../test/factories';
import { waitUntil } from '../test/wait-until';
import { call, type Outcome, place, type Quote, quoteFor } from './balancer-client';
import { type ScaleCluster, startScaleCluster } from './scale-cluster';

let cluster: ScaleCluster;
beforeAll(async () => {
  cluster = await startScaleCluster({ instances: 3, env: { DRAIN_DELAY_MS: '2000' } });
}, 120_000);
afterAll(async () => {
  await cluster?.cleanup();
}, 60_000);

async function buyersWithCarts(n: number, productId: number) {
  const { deps, url } = cluster;
  const buyers: { user: TestUser; quote: Quote; key: string }[] = [];
  for (let i = 0; i < n; i++) {
    const user = await createUser(deps);
    const add = await call(url, 'cart.addItem', { productId, quantity: 1 }, { session: user.sessionId });
    expect(add.status).toBe(200);
    buyers.push({ user, quote: await quoteFor(url, user.sessionId), key: crypto.randomUUID() });
  }
  return buyers;
}

const orderCount = async () =>
  Number(
    (
      await cluster.deps.db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** GET queries through the balancer until `until` resolves. */
async function readLoad(productId: number, until: Promise<unknown>): Promise<Outcome[]> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const out: Outcome[] = [];
  while (!done) out.push(await call(cluster.url, 'catalog.availability', { productId }, { method: 'GET' }));
  return out;
}

describe('an instance leaving mid-load', () => {
  test('SIGTERM: not ready first, streams end with a retry hint, every request answered, no order lost', async () => {
    const { deps, url, instances, balancer } = cluster;
    const victim = instances[1]!;
    const seller = await createSeller(deps);
    const item = await createProduct(seller, { quantity: 100 });
    const buyers = await buyersWithCarts(24, item.id);
    const stream = await openSse(
      `${victim.url}/trpc/inventory.watch?input=${encodeURIComponent(JSON.stringify({ productIds: [item.id] }))}`,
    );
    expect(await stream.next(undefined, 5_000)).toEqual({ productId: item.id, available: 76 });
    const before = await orderCount();

    const checkouts = Promise.all(
      buyers.map((b, i) => Bun.sleep(i * 120).then(() => place(url, b.user.sessionId, b.key, b.quote))),
    );
    const reads = readLoad(item.id, checkouts);
    await waitUntil(async () => (await orderCount()) >= before + 3, { what: 'the first orders' });
    victim.proc.kill('SIGTERM');

    // Not ready at once, while still answering what reaches it directly.
    await waitUntil(async () => (await fetch(`${victim.url}/readyz`)).status === 503, { what: 'victim not ready' });
    expect(await (await fetch(`${victim.url}/readyz`)).json()).toEqual({ ok: false, draining: true });
    expect((await call(victim.url, 'catalog.availability', { productId: item.id }, { method: 'GET' })).status).toBe(
      200,
    );
    await waitUntil(async () => !(await balancer.serverStates()).app2?.startsWith('UP'), {
      what: 'HAProxy takes app2 out',
    });

    // The live stream ends with a retry hint (the browser reconnects through the balancer).
    await waitUntil(() => stream.ended(), { what: 'the stream to end' });
    expect(stream.seen().filter((e) => e.retry !== undefined)).toEqual([{ event: 'message', data: '', retry: 1000 }]);
    expect(await victim.proc.exited).toBe(0);

    const answers = await checkouts;
    const readAnswers = await reads;
    // Every request through the balancer was answered: no 5xx, no dropped connection.
    expect(answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.body.slice(0, 120)}`)).toEqual([]);
    expect(readAnswers.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.body.slice(0, 120)}`)).toEqual([]);
    // The victim did take part before it left.
    // (Request log lines come through each instance's stdout, maybe after the answers.)
    await waitUntil(() => answers.some((a) => cluster.servedBy(a.requestId).includes('app2')), {
      what: 'a checkout in app2’s request log',
    });
    const messages = victim.logs().map((l) => l.msg);
    const order = [
      'draining: /readyz answers 503, still serving',
      'drained: no request in flight; stopping jobs',
      'stopped',
    ];
    expect(order.map((m) => messages.indexOf(m))).toEqual(
      [...order.map((m) => messages.indexOf(m))].sort((a, b) => a - b),
    );
    expect(order.every((m) => messages.includes(m))).toBe(true);

    // Exactly one order per buyer; a replay of each key returns it.
    for (const [i, b] of buyers.entries()) {
      const orders = await deps.db.selectFrom('orders').select('id').where('buyer_id', '=', b.user.id).execute();
      expect({ i, orders: orders.length }).toEqual({ i, orders: 1 });
      const replay = await place(url, b.user.sessionId, b.key, b.quote);
      expect(replay.data).toEqual(answers[i]!.data);
    }
    expect(await inventoryProblems(deps.db, new Map([[item.id, 100]]))).toEqual([]);
    console.log(
      `drain: ${answers.length} checkouts and ${readAnswers.length} reads through the balancer, all 200; app2 served ${answers.filter((a) => cluster.servedBy(a.requestId).includes('app2')).length} checkouts before leaving`,
    );
  }, 90_000);

  test('SIGKILL: a POST in flight on the dead instance is never resent by the balancer; each key ends with one outcome', async () => {
    const { deps, url, instances } = cluster;
    const victim = instances[2]!;
    const seller = await createSeller(deps);
    const item = await createProduct(seller, { quantity: 100 });
    const buyers = await buyersWithCarts(24, item.id);
    const before = await orderCount();

    // One burst, so checkouts are still in flight on the victim when it dies.
    const checkouts = Promise.all(buyers.map((b) => place(url, b.user.sessionId, b.key, b.quote)));
    const reads = readLoad(item.id, checkouts);
    await waitUntil(async () => (await orderCount()) >= before + 2, { what: 'the first orders' });
    victim.proc.kill('SIGKILL');
    await victim.proc.exited;
    const answers = await checkouts;
    const readAnswers = await reads;

    // Reads are resent to a live instance: every one answered.
    expect(readAnswers.filter((a) => a.status !== 200).map((a) => a.status)).toEqual([]);
    // A checkout that failed at the balancer ran nowhere else: no surviving instance saw its request id.
    const failed = answers.filter((a) => a.status !== 200);
    expect(failed.length).toBeGreaterThanOrEqual(1);
    for (const a of failed) {
      // 502/503 from the balancer, or 0: the connection was cut (the instance died after it had
      // begun its answer, so HAProxy could only abort it). Never a 2xx or 4xx.
      expect(a.status === 0 || a.status >= 500).toBe(true);
      expect(cluster.servedBy(a.requestId).filter((n) => n !== 'app3')).toEqual([]);
    }

    // The client retries each key. A checkout the kill cut short stays claimed until its claim is
    // stale (2 minutes); make it stale instead of waiting, then every key resolves.
    await deps.db
      .updateTable('idempotency_keys')
      .set({ updated_at: new Date(Date.now() - 3_600_000) })
      .where('status', '=', 'in_progress')
      .execute();
    const replays = await Promise.all(buyers.map((b) => place(url, b.user.sessionId, b.key, b.quote)));
    for (const [i, b] of buyers.entries()) {
      expect({ i, status: replays[i]!.status }).toEqual({ i, status: 200 });
      if (answers[i]!.status === 200) expect(replays[i]!.data).toEqual(answers[i]!.data);
      const orders = await deps.db.selectFrom('orders').select('id').where('buyer_id', '=', b.user.id).execute();
      expect({ i, orders: orders.length }).toEqual({ i, orders: 1 });
    }
    expect(await partialOrders(deps.db)).toEqual([]);
    expect(await inventoryProblems(deps.db, new Map([[item.id, 100]]))).toEqual([]);
    await reconcilePayments(deps, { now: new Date(Date.now() + RECONCILE_DEFAULTS.orphanAfterMs + 60_000) });
    expect(
      await paymentProblems(
        deps.db,
        buyers.map((b) => b.user.id),
      ),
    ).toEqual([]);
    console.log(
      `kill: ${answers.length - failed.length} checkouts answered, ${failed.length} failed at the balancer (${failed.map((f) => f.status).join(',') || 'none'}) and were not resent; ${readAnswers.length} reads all 200`,
    );
  }, 90_000);
});
