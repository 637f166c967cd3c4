// Hearth's Store on a real Redis Cluster (three masters, one replica each; REDIS_URL
// redis+cluster://…): caches, rate limits, the session cache and pub/sub work with keys spread over
// every master, and a killed master degrades the app exactly as a Redis outage does, until the
// cluster promotes its replica and everything works again.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppDeps } from '../deps';
import { createSession, forgetUserSessions, resolveSession, sessionCacheKey } from '../modules/auth/auth.session';
import { publishAvailability } from '../modules/realtime/inventory-events';
import { inventoryHub } from '../modules/realtime/inventory-hub';
import { RedisStore } from '../services/redis-store';
import { createProduct, createSeller, createUser } from '../test/factories';
import { testDeps } from '../test/test-services';
import { waitUntil } from '../test/wait-until';
import { enforceRateLimit } from '../trpc/rate-limit';
import { startRedisCluster, type TestRedisCluster } from './redis-cluster';

let dir: string;
let cluster: TestRedisCluster;
let a: RedisStore;
let b: RedisStore;
/** Two app instances' dependencies: the same database, each its own connection to the cluster. */
let depsA: AppDeps;
let depsB: AppDeps;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-redis-cluster-'));
  cluster = await startRedisCluster(dir);
  a = new RedisStore(cluster.url, testDeps().log);
  b = new RedisStore(cluster.url, testDeps().log);
  depsA = { ...testDeps(), store: a };
  depsB = { ...testDeps(), store: b };
  await waitUntil(async () => (await a.ping()) && (await b.ping()), { what: 'cluster clients ready' });
}, 60_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
  await cluster?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 30_000);

/** Keys that live on different masters, so every behaviour is exercised on all three. */
function keysOnEveryMaster(prefix: string): string[] {
  const byMaster = new Map<number, string>();
  for (let i = 0; byMaster.size < 3 && i < 1000; i++) {
    const key = `${prefix}:${i}`;
    const master = cluster.masterOf(key);
    if (!byMaster.has(master)) byMaster.set(master, key);
  }
  expect(byMaster.size).toBe(3);
  return [...byMaster.values()];
}

describe('Store on a Redis Cluster', () => {
  test('REDIS_URL names the cluster; caches, set-if-absent, counters and deletes work on every master', async () => {
    expect(cluster.url).toMatch(/^redis\+cluster:\/\/127\.0\.0\.1:\d+,127\.0\.0\.1:\d+,127\.0\.0\.1:\d+$/);
    const keys = keysOnEveryMaster(`cache-${Date.now()}`);
    for (const key of keys) {
      await a.set(key, `value of ${key}`, 60);
      expect(await b.get(key)).toBe(`value of ${key}`);
      expect(await a.setIfAbsent(`${key}:once`, '1', 60)).toBe(true);
      expect(await b.setIfAbsent(`${key}:once`, '1', 60)).toBe(false);
      // Two instances count into one window.
      for (let i = 1; i <= 4; i++) expect((await (i % 2 ? a : b).hit(`${key}:rl`, 60)).count).toBe(i);
      expect(await b.peek(`${key}:rl`)).toBe(4);
    }
    // Several counters of one request, in three slots: counted per key, answered in order.
    const counters = keys.map((key, i) => ({ key: `${key}:hits`, windowSeconds: 60 * (i + 1) }));
    expect((await a.hits(counters)).map((c) => c.count)).toEqual([1, 1, 1]);
    const again = await b.hits(counters);
    expect(again.map((c) => c.count)).toEqual([2, 2, 2]);
    for (const [i, c] of again.entries()) expect(c.resetMs).toBeGreaterThan(60_000 * i);
    // One del over keys in three slots (a CROSSSLOT error on a cluster if sent as one command).
    await a.del(...keys);
    for (const key of keys) expect(await b.get(key)).toBeNull();
  });

  test('rate limits, the session cache and live stock work across two instances on the cluster', async () => {
    const rule = { name: `cluster-test-${Date.now()}`, limit: 3, windowSeconds: 60 };
    for (const store of [a, b, a]) await enforceRateLimit(store, rule, 'shopper');
    await expect(enforceRateLimit(b, rule, 'shopper')).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });

    // A user's sessions are cached under keys in different slots; forgetting them drops every one.
    const user = await createUser(depsA);
    const sessions: { id: string }[] = [];
    while (
      sessions.length < 20 &&
      new Set(sessions.map((x) => cluster.masterOf(sessionCacheKey(depsA, x.id)))).size < 2
    )
      sessions.push(await createSession(depsA, user.id));
    for (const s of sessions) expect((await resolveSession(depsA, s.id))?.name).toBe(user.name);
    expect(new Set(sessions.map((s) => cluster.masterOf(sessionCacheKey(depsA, s.id)))).size).toBeGreaterThan(1);
    await depsA.db.updateTable('users').set({ name: 'Renamed Buyer' }).where('id', '=', user.id).execute();
    await forgetUserSessions(depsA, user.id);
    for (const s of sessions) expect((await resolveSession(depsB, s.id))?.name).toBe('Renamed Buyer');

    // A stock change announced by instance A reaches a page watching through instance B.
    const seller = await createSeller(depsA);
    const item = await createProduct(seller, { quantity: 3 });
    const seen: number[] = [];
    const leave = await inventoryHub(b).watch([item.id], (e) => seen.push(e.available));
    try {
      await depsA.db.updateTable('products').set({ quantity: 1 }).where('id', '=', item.id).execute();
      await publishAvailability(depsA, [item.id]);
      await waitUntil(() => seen.includes(1), { what: 'event through the cluster' });
    } finally {
      await leave();
    }
  });

  test('a master killed: degraded as with Redis down, then whole again after the failover', async () => {
    const key = `failover-${Date.now()}`;
    await a.set(key, 'before', 300);
    const master = cluster.masterOf(key);
    await cluster.kill(master);
    const killedAt = performance.now();

    // While its slots have no master: a cache miss, counters kept per instance, nothing throws.
    expect(await a.get(key)).toBeNull();
    expect((await a.hit(`${key}:rl`, 60)).count).toBe(1);
    await a.set(key, 'during', 60);
    const buyer = await createUser(depsA);
    const seller = await createSeller(depsA);
    const item = await createProduct(seller, { quantity: 2 });
    // A rate-limited, cached request path still answers (counts locally, cache bypassed).
    const added = await buyer.caller.cart.addItem({ productId: item.id, quantity: 1 });
    expect(added.itemCount).toBe(1);

    // The replica takes over; the clients follow the new slot map by themselves.
    await waitUntil(() => cluster.healthy() && cluster.masterOf(key) !== master, {
      what: 'cluster failover',
      timeoutMs: 30_000,
    });
    const failover = performance.now() - killedAt;
    const recovered = await waitUntil(
      async () => {
        await a.set(key, 'after', 60);
        return (await b.get(key)) === 'after';
      },
      { what: 'cache round trip after failover', timeoutMs: 30_000 },
    );
    const seen: string[] = [];
    const unsubscribe = await b.subscribe(`${key}:chan`, (m) => seen.push(m));
    try {
      await waitUntil(
        async () => {
          await a.publish(`${key}:chan`, 'hello');
          return seen.includes('hello');
        },
        { what: 'pub/sub after failover', timeoutMs: 30_000 },
      );
    } finally {
      await unsubscribe();
    }
    console.log(
      `redis cluster: master ${master} killed; replica promoted ${Math.round(failover)} ms after the kill, cache round trip ${Math.round(recovered)} ms later`,
    );
  }, 90_000);
});
