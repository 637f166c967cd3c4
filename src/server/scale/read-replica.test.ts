// Read-only work on a real streaming replica (DATABASE_REPLICA_URL), started by the harness from
// the embedded binaries, with two instances behind HAProxy. Public pages read from the replica,
// the shopper's own changes are read from the primary, a lagging or stopped replica costs no error.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import pg from 'pg';
import type { ReplicaStatus } from '../db/read-replica';
import { createProduct, createSeller, createUser } from '../test/factories';
import { waitUntil } from '../test/wait-until';
import { call, type Outcome, place, quoteFor } from './balancer-client';
import { type ScaleCluster, startScaleCluster } from './scale-cluster';

const MAX_LAG_MS = 4_000;
let cluster: ScaleCluster;
beforeAll(async () => {
  cluster = await startScaleCluster({ instances: 2, replica: true, env: { REPLICA_MAX_LAG_MS: String(MAX_LAG_MS) } });
}, 120_000);
afterAll(async () => {
  await cluster?.cleanup();
}, 60_000);

async function replicaStatus(): Promise<ReplicaStatus[]> {
  return Promise.all(
    cluster.instances
      .filter((i) => i.running())
      .map(
        async (i) =>
          ((await (await fetch(`${i.url}/readyz`)).json()) as { checks: { replica: ReplicaStatus } }).checks.replica,
      ),
  );
}
const allServing = async () => (await replicaStatus()).every((s) => s.serving && s.lagMs === 0);

async function onReplica(sql: string) {
  const c = new pg.Client({ connectionString: cluster.replica!.url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

const title = (o: Outcome) => (o.data as { title?: string } | null)?.title;

describe('read replica behind two instances', () => {
  test('public reads come from the replica; the shopper who wrote reads the primary; cart and orders never lag', async () => {
    const { deps, url } = cluster;
    const seller = await createSeller(deps);
    const item = await createProduct(seller, { quantity: 5, title: 'Walnut bowl, first name' });
    await waitUntil(allServing, { what: 'replica caught up and used' });
    const product = () => call(url, 'catalog.product', { productId: item.id }, { method: 'GET' });
    await waitUntil(async () => title(await product()) === 'Walnut bowl, first name', {
      what: 'listing on the replica',
    });

    // Hold the replica still: whatever the primary commits now, the replica does not show.
    await onReplica('select pg_wal_replay_pause()');
    try {
      const edit = await call(
        url,
        'catalog.updateProduct',
        { productId: item.id, title: 'Walnut bowl, renamed' },
        { session: seller.sessionId },
      );
      expect(edit.status).toBe(200);
      // Anyone else reads the replica: still the old title (the replica is within the lag budget).
      expect(title(await product())).toBe('Walnut bowl, first name');
      // The seller, carrying the recent-write cookie the edit set, sees their own change.
      const cookie = edit.setCookie.find((c) => c.startsWith('hearth_recent_write='));
      expect(cookie).toBeDefined();
      const own = await fetch(
        `${url}/trpc/catalog.product?input=${encodeURIComponent(JSON.stringify({ productId: item.id }))}`,
        { headers: { cookie: `hearth_session=${seller.sessionId}; ${cookie!.split(';')[0]}` } },
      );
      expect(((await own.json()) as { result: { data: { title: string } } }).result.data.title).toBe(
        'Walnut bowl, renamed',
      );

      // Cart, checkout and orders read the primary whatever the replica says: a buyer with no
      // recent-write cookie still sees the line just added and the order just placed.
      const buyer = await createUser(deps);
      expect(
        (await call(url, 'cart.addItem', { productId: item.id, quantity: 1 }, { session: buyer.sessionId })).status,
      ).toBe(200);
      const cart = await call(url, 'cart.get', undefined, { session: buyer.sessionId, method: 'GET' });
      expect(JSON.stringify(cart.data)).toContain(`"productId":${item.id}`);
      const placed = await place(url, buyer.sessionId, crypto.randomUUID(), await quoteFor(url, buyer.sessionId));
      expect(placed.status).toBe(200);
      const orders = await call(url, 'orders.list', {}, { session: buyer.sessionId, method: 'GET' });
      expect(orders.status).toBe(200);
      expect(JSON.stringify(orders.data)).toContain(
        `"orderId":${(placed.data as { orders: { orderId: number }[] }).orders[0]!.orderId}`,
      );

      // Past the lag budget every instance leaves the replica: the new title for everyone.
      const waited = await waitUntil(async () => (await replicaStatus()).every((s) => !s.serving), {
        what: 'every instance leaves the lagging replica',
      });
      expect((await replicaStatus()).map((s) => s.reason.split(' ')[0])).toEqual(['lagging', 'lagging']);
      for (let i = 0; i < 4; i++) expect(title(await product())).toBe('Walnut bowl, renamed');
      console.log(
        `replica paused: reads moved to the primary after ${Math.round(waited)} ms (budget ${MAX_LAG_MS} ms)`,
      );
    } finally {
      await onReplica('select pg_wal_replay_resume()');
    }
    await waitUntil(allServing, { what: 'replica used again once caught up' });
    expect(title(await product())).toBe('Walnut bowl, renamed');
  }, 90_000);

  test('replica stopped mid-load: reads move to the primary with no error, and back once it returns', async () => {
    const { deps, url } = cluster;
    const seller = await createSeller(deps);
    const item = await createProduct(seller, { quantity: 5 });
    await waitUntil(allServing, { what: 'replica in use' });
    // The new listing has reached the replica (both instances answer it from there).
    await waitUntil(
      async () => {
        const answers = await Promise.all(
          [1, 2, 3, 4].map(() => call(url, 'reviews.forProduct', { productId: item.id }, { method: 'GET' })),
        );
        return answers.every((a) => a.status === 200);
      },
      { what: 'listing replicated' },
    );
    const before = (await replicaStatus()).reduce((n, s) => n + s.reads.replica, 0);

    let stop = false;
    const reads: Outcome[] = [];
    const loop = (async () => {
      while (!stop) {
        reads.push(await call(url, 'catalog.product', { productId: item.id }, { method: 'GET' }));
        reads.push(await call(url, 'shops.bySlug', { slug: seller.shop.slug }, { method: 'GET' }));
        reads.push(await call(url, 'reviews.forProduct', { productId: item.id }, { method: 'GET' }));
        reads.push(await call(url, 'feed.home', undefined, { method: 'GET' }));
      }
    })();
    await waitUntil(() => reads.length >= 40, { what: 'load running' });
    const servedByReplica = (await replicaStatus()).reduce((n, s) => n + s.reads.replica, 0) - before;
    expect(servedByReplica).toBeGreaterThan(0);
    await cluster.replica!.stop();
    const stoppedAt = reads.length;
    await waitUntil(async () => (await replicaStatus()).every((s) => !s.serving), { what: 'replica dropped' });
    await waitUntil(() => reads.length >= stoppedAt + 40, { what: 'load on the primary' });
    await cluster.replica!.start();
    await waitUntil(allServing, { what: 'replica back in use' });
    const backAt = (await replicaStatus()).reduce((n, s) => n + s.reads.replica, 0);
    await waitUntil(async () => (await replicaStatus()).reduce((n, s) => n + s.reads.replica, 0) > backAt + 10, {
      what: 'reads on the replica again',
    });
    stop = true;
    await loop;

    expect(reads.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.body.slice(0, 100)}`)).toEqual([]);
    console.log(
      `replica stopped mid-load: ${reads.length} reads, all 200 (${reads.length - stoppedAt} after the stop); replica served ${servedByReplica} queries before it`,
    );
  }, 90_000);
});
