import { afterAll, describe, expect, test } from 'bun:test';
import type { AvailabilityEventDto } from '../../../shared/schemas/realtime';
import { createApp } from '../../app';
import type { AppDeps } from '../../deps';
import { MemoryStore } from '../../services/memory-store';
import { rejection } from '../../test/expect-error';
import { anonymousCaller, createProduct, createSeller, createUser } from '../../test/factories';
import { closeSecondInstances, secondInstanceDeps } from '../../test/second-instance';
import { testDeps } from '../../test/test-services';
import { waitUntil } from '../../test/wait-until';
import { appRouter } from '../../trpc/root';
import { createCallerFactory } from '../../trpc/trpc';
import { publishAvailability } from './inventory-events';
import { inventoryHub } from './inventory-hub';
import { openSse } from './sse-test-client';

const isEvent = (productId: number, available?: number) => (data: unknown) => {
  const e = data as AvailabilityEventDto;
  return e?.productId === productId && (available === undefined || e.available === available);
};

function watchUrl(base: string, productIds: number[]) {
  return `${base}/trpc/inventory.watch?input=${encodeURIComponent(JSON.stringify({ productIds }))}`;
}

const servers: { stop(force?: boolean): unknown }[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop(true);
  await closeSecondInstances();
});

function serve(deps: AppDeps): string {
  const app = createApp(deps);
  const server = Bun.serve({ port: 0, idleTimeout: 30, fetch: (req) => app.fetch(req) });
  servers.push(server);
  return `http://127.0.0.1:${server.port}`;
}

describe('inventory.watch', () => {
  test('watching thousands of ids at once is refused, over tRPC and over HTTP', async () => {
    const ids = Array.from({ length: 1000 }, (_, i) => i + 1);
    const err = await rejection(anonymousCaller().caller.inventory.watch({ productIds: ids }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toContain('at most 100');
    expect((await rejection(anonymousCaller().caller.inventory.watch({ productIds: [] }))).code).toBe('BAD_REQUEST');

    const res = await fetch(watchUrl(serve(testDeps()), ids), { headers: { accept: 'text/event-stream' } });
    const body = await res.text();
    expect(body).toContain('at most 100');
    expect(body).not.toContain('"available"');
  });

  test('a subscriber gets the current availability, then every change (single instance)', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { quantity: 3 });
    const other = await createProduct(seller, { quantity: 2 });
    const abort = new AbortController();
    const { ctx } = anonymousCaller();
    const caller = createCallerFactory(appRouter)(ctx, { signal: abort.signal });
    const stream = await caller.inventory.watch({ productIds: [product.id] });
    const it = stream[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual({ productId: product.id, available: 3 });

    // A seller's edit (restock or sell-down) and archiving reach the page without a reload.
    await seller.caller.catalog.updateProduct({ productId: product.id, quantity: 1 });
    expect((await it.next()).value).toEqual({ productId: product.id, available: 1 });
    await seller.caller.catalog.updateProduct({ productId: product.id, quantity: 4 });
    expect((await it.next()).value).toEqual({ productId: product.id, available: 4 });
    await seller.caller.catalog.archiveProduct({ productId: product.id });
    expect((await it.next()).value).toEqual({ productId: product.id, available: 0 });
    // Events for other products are not sent to this page.
    await publishAvailability(ctx.deps, [other.id, product.id]);
    expect((await it.next()).value).toEqual({ productId: product.id, available: 0 });
    abort.abort();
    await it.return?.();
  });

  test('without Redis (in-process store) live stock still works within the one instance', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { quantity: 2 });
    const deps: AppDeps = { ...testDeps(), store: new MemoryStore() };
    const abort = new AbortController();
    const caller = createCallerFactory(appRouter)(anonymousCaller(deps).ctx, { signal: abort.signal });
    const it = (await caller.inventory.watch({ productIds: [product.id] }))[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual({ productId: product.id, available: 2 });
    await deps.db.updateTable('products').set({ quantity: 0 }).where('id', '=', product.id).execute();
    await publishAvailability(deps, [product.id]);
    expect((await it.next()).value).toEqual({ productId: product.id, available: 0 });
    abort.abort();
    await it.return?.();
    expect(inventoryHub(deps.store).activeWatchers).toBe(0);
  });

  test('closing the page unsubscribes: no watcher is left behind', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller);
    const deps = secondInstanceDeps();
    const base = serve(deps);
    const hub = inventoryHub(deps.store);
    const connections = await Promise.all(Array.from({ length: 5 }, () => openSse(watchUrl(base, [product.id]))));
    for (const c of connections) {
      expect(c.response.headers.get('content-type')).toContain('text/event-stream');
      expect(await c.next(isEvent(product.id, 5))).toEqual({ productId: product.id, available: 5 });
    }
    expect(hub.activeWatchers).toBe(5);
    for (const c of connections) c.close();
    await waitUntil(() => hub.activeWatchers === 0, { what: 'watchers released' });
  });

  test('a quiet stream gets heartbeats and tells the client when to reconnect', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller);
    const page = await openSse(watchUrl(serve(testDeps()), [product.id]));
    await page.next(isEvent(product.id));
    const connected = page.seen().find((e) => e.event === 'connected');
    expect(JSON.parse(connected?.data ?? '{}')).toEqual({ reconnectAfterInactivityMs: 15_000 });
    await waitUntil(() => page.seen().some((e) => e.event === 'ping'), { what: 'a keep-alive ping' });
    page.close();
  }, 10_000);

  test('a buyer on instance A takes the last item; a page on instance B hears it within 1 s', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { quantity: 1 });
    const instanceA = serve(testDeps());
    const instanceB = serve(secondInstanceDeps());

    const page = await openSse(watchUrl(instanceB, [product.id]));
    expect(await page.next(isEvent(product.id))).toEqual({ productId: product.id, available: 1 });

    const buyer = await createUser();
    const started = performance.now();
    const res = await fetch(`${instanceA}/trpc/cart.addItem`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `hearth_session=${buyer.sessionId}`,
        // Its own client address: other HTTP tests in the run share 127.0.0.1's cart rate limit.
        'x-forwarded-for': `10.99.${buyer.id % 250}.${Math.floor(buyer.id / 250) % 250}`,
      },
      body: JSON.stringify({ productId: product.id, quantity: 1 }),
    });
    expect(res.status).toBe(200);
    expect(await page.next(isEvent(product.id, 0), 1000)).toEqual({ productId: product.id, available: 0 });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1000);
    console.info(`live stock: instance A add-to-cart -> instance B event in ${elapsed.toFixed(1)} ms`);
    page.close();
  });
});
