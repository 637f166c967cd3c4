// Three app processes behind HAProxy whose REDIS_URL names a three-master Redis Cluster (one
// replica each): sessions, sign-out, rate limits and live stock cross instances through the
// cluster, and a killed master degrades the app as a Redis outage does (every request answered)
// until the cluster promotes its replica. The Store-level checks live in redis-cluster.test.ts;
// this file is the same claims through real app processes and the balancer.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionCacheKey } from '../modules/auth/auth.session';
import { openSse } from '../modules/realtime/sse-test-client';
import { createProduct, createSeller, createUser } from '../test/factories';
import { waitUntil } from '../test/wait-until';
import { call, type Outcome } from './balancer-client';
import { startRedisCluster, type TestRedisCluster } from './redis-cluster';
import { type ScaleCluster, startScaleCluster } from './scale-cluster';

let dir: string;
let redis: TestRedisCluster;
let cluster: ScaleCluster;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-cluster-balancer-'));
  redis = await startRedisCluster(dir);
  cluster = await startScaleCluster({ instances: 3, env: { REDIS_URL: redis.url } });
}, 180_000);
afterAll(async () => {
  await cluster?.cleanup();
  await redis?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

const sessionFrom = (o: Outcome) => /hearth_session=([^;]+)/.exec(o.setCookie.join('\n'))?.[1] ?? null;
const meOn = async (base: string, session: string) =>
  ((await call(base, 'auth.me', undefined, { session, method: 'GET' })).data as { user: { email: string } | null }).user
    ?.email ?? null;

describe('three instances on a Redis Cluster, behind HAProxy', () => {
  test('a session made on one instance is known on all, and signing out on one signs out everywhere', async () => {
    const { url, instances } = cluster;
    const email = `cluster-${Date.now()}@example.com`;
    const registered = await call(url, 'auth.register', { email, password: 'long enough pw', name: 'Clu Ster' });
    expect(registered.status).toBe(200);
    const session = sessionFrom(registered);
    expect(session).not.toBeNull();
    // Each instance resolves the session (and caches it in the cluster) the same way.
    for (const i of instances) expect(await meOn(i.url, session!)).toBe(email);
    // The instances really use the cluster: the cached session sits on the master serving its slot.
    const cacheKey = sessionCacheKey(cluster.deps, session!);
    expect(redis.cli(redis.masterOf(cacheKey), 'exists', cacheKey).trim()).toBe('1');

    // Sign out on app2: the cached copies on the cluster go with it, and app1 and app3 drop their
    // one-second memo of it on app2's message (session-memo.ts), so they refuse it too.
    expect((await call(instances[1]!.url, 'auth.logout', {}, { session: session! })).status).toBe(200);
    for (const i of instances)
      await waitUntil(async () => (await meOn(i.url, session!)) === null, { what: `signed out on ${i.url}` });
  }, 60_000);

  test('a rate limit counts requests across instances in one window', async () => {
    const { instances } = cluster;
    // Registrations are limited to 5 a minute per address (the first test used one from this
    // address). Spread over the three instances, the window is still one.
    const outcomes: Outcome[] = [];
    for (let n = 0; n < 6; n++)
      outcomes.push(
        await call(instances[n % 3]!.url, 'auth.register', {
          email: `limit-${Date.now()}-${n}@example.com`,
          password: 'long enough pw',
          name: 'Limit Test',
        }),
      );
    const statuses = outcomes.map((o) => o.status);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(4);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(outcomes.find((o) => o.status === 429)?.code).toBe('TOO_MANY_REQUESTS');
  }, 60_000);

  test('a hold taken through one instance reaches live-stock watchers on the others', async () => {
    const { deps, instances } = cluster;
    const seller = await createSeller(deps);
    const item = await createProduct(seller, { quantity: 2 });
    const buyer = await createUser(deps);
    const watch = (base: string) =>
      openSse(`${base}/trpc/inventory.watch?input=${encodeURIComponent(JSON.stringify({ productIds: [item.id] }))}`);
    const [on2, on3] = await Promise.all([watch(instances[1]!.url), watch(instances[2]!.url)]);
    try {
      for (const s of [on2, on3]) expect(await s.next(undefined, 10_000)).toEqual({ productId: item.id, available: 2 });
      const add = await call(
        instances[0]!.url,
        'cart.addItem',
        { productId: item.id, quantity: 2 },
        { session: buyer.sessionId },
      );
      expect(add.status).toBe(200);
      for (const s of [on2, on3])
        expect(await s.next((e) => (e as { available: number }).available === 0, 15_000)).toEqual({
          productId: item.id,
          available: 0,
        });
    } finally {
      on2.close();
      on3.close();
    }
  }, 60_000);

  test('a master killed: every request through the balancer is answered, and sign-out works again after failover', async () => {
    const { deps, url } = cluster;
    const seller = await createSeller(deps);
    const item = await createProduct(seller, { quantity: 30 });
    const buyers = await Promise.all(Array.from({ length: 10 }, () => createUser(deps)));
    const master = redis.nodes.find((n) => redis.cli(n.port, 'role').startsWith('master'))!.port;
    await redis.kill(master);

    // While a third of the slots have no master: reads and cart changes still answer (sessions from
    // the database, counters per instance, caches bypassed); nobody sees a 5xx.
    const during = await Promise.all([
      ...buyers.map((b) => call(url, 'cart.addItem', { productId: item.id, quantity: 1 }, { session: b.sessionId })),
      ...buyers.map((b) => call(url, 'auth.me', undefined, { session: b.sessionId, method: 'GET' })),
      ...Array.from({ length: 6 }, () => call(url, 'catalog.product', { productId: item.id }, { method: 'GET' })),
    ]);
    expect(during.filter((o) => o.status >= 500 || o.status === 0).map((o) => o.body.slice(0, 200))).toEqual([]);
    expect(during.slice(0, 10).map((o) => o.status)).toEqual(Array(10).fill(200));
    const held = await deps.db
      .selectFrom('products')
      .select('reserved')
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(held.reserved).toBe(10);

    await waitUntil(() => redis.healthy(), { what: 'cluster failover', timeoutMs: 60_000 });
    // After the promotion the instances follow the new slot map: a sign-out on one instance is
    // again seen by the others (the session cache and its messages are shared again).
    const user = await createUser(deps);
    for (const i of cluster.instances) expect(await meOn(i.url, user.sessionId)).toBe(user.email);
    await waitUntil(
      async () => {
        const out = await call(cluster.instances[0]!.url, 'auth.logout', {}, { session: user.sessionId });
        return out.status === 200;
      },
      { what: 'sign-out after failover', timeoutMs: 30_000 },
    );
    for (const i of cluster.instances)
      await waitUntil(async () => (await meOn(i.url, user.sessionId)) === null, { what: `signed out on ${i.url}` });
  }, 120_000);
});
