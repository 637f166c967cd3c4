// Live-stock streams cannot starve the app: each client holds a bounded number of streams, first
// values are read in shared batches, and a database failure reaches subscribers as UNAVAILABLE.
// The load test is bounded and loopback only.
import { afterAll, describe, expect, test } from 'bun:test';
import { TRPCError } from '@trpc/server';
import { createApp } from '../../app';
import { createDb } from '../../db/kysely';
import type { AppDeps } from '../../deps';
import { anonymousCaller, createProduct, createSeller, createUser } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { waitUntil } from '../../test/wait-until';
import { appRouter } from '../../trpc/root';
import { createCallerFactory } from '../../trpc/trpc';
import { placeInput } from '../checkout/checkout-test-kit';
import { openSse, type SseConnection } from './sse-test-client';
import { MAX_STREAMS_PER_IP, MAX_STREAMS_PER_USER, streamSlots } from './stream-slots';

const servers: { stop(force?: boolean): unknown }[] = [];
const connections: SseConnection[] = [];
afterAll(async () => {
  for (const c of connections) c.close();
  for (const s of servers) await s.stop(true);
});

function serve(deps: AppDeps): string {
  const app = createApp(deps);
  const server = Bun.serve({ port: 0, hostname: '127.0.0.1', idleTimeout: 60, fetch: (req) => app.fetch(req) });
  servers.push(server);
  return `http://127.0.0.1:${server.port}`;
}

const watchUrl = (base: string, productIds: number[]) =>
  `${base}/trpc/inventory.watch?input=${encodeURIComponent(JSON.stringify({ productIds }))}`;

const refusal = (c: SseConnection) =>
  c.seen().find((e) => e.event === 'serialized-error' && e.data.includes('TOO_MANY_REQUESTS'));

describe('live-stock stream limits', () => {
  test('a client past its stream cap is refused with 429; closing a stream frees its slot', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { quantity: 4 });
    const base = serve(testDeps());
    const ip = `10.61.${Math.floor(Math.random() * 250)}.1`;
    const open = () => openSse(watchUrl(base, [product.id]), { 'x-forwarded-for': ip });
    const first = await Promise.all(Array.from({ length: MAX_STREAMS_PER_IP }, open));
    connections.push(...first);
    for (const c of first) expect(await c.next()).toEqual({ productId: product.id, available: 4 });
    const extra = await open();
    connections.push(extra);
    await waitUntil(() => refusal(extra) !== undefined, { what: 'the extra stream refused' });
    expect(refusal(extra)?.data).toContain(`at most ${MAX_STREAMS_PER_IP}`);
    // Another address is unaffected; a closed stream's slot is free again.
    const other = await openSse(watchUrl(base, [product.id]), { 'x-forwarded-for': `${ip}0` });
    connections.push(other);
    expect(await other.next()).toEqual({ productId: product.id, available: 4 });
    first[0]!.close();
    const slots = streamSlots(testDeps().store);
    await waitUntil(() => slots.count(`ip:${ip}`) === MAX_STREAMS_PER_IP - 1, { what: 'slot released' });
    const again = await open();
    connections.push(again);
    expect(await again.next()).toEqual({ productId: product.id, available: 4 });
  }, 60_000);

  test('a signed-in user is capped across addresses', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller);
    const user = await createUser();
    const base = serve(testDeps());
    const open = (i: number) =>
      openSse(watchUrl(base, [product.id]), {
        cookie: `hearth_session=${user.sessionId}`,
        'x-forwarded-for': `10.62.${user.id % 250}.${i}`,
      });
    const accepted = await Promise.all(Array.from({ length: MAX_STREAMS_PER_USER }, (_, i) => open(i)));
    connections.push(...accepted);
    for (const c of accepted) await c.next();
    const extra = await open(200);
    connections.push(extra);
    await waitUntil(() => refusal(extra) !== undefined, { what: 'the user-wide cap' });
  }, 60_000);

  test('a database failure reaches the subscriber as UNAVAILABLE, not a 500', async () => {
    const product = await createProduct(await createSeller());
    // A database that refuses connections (nothing listens on port 1).
    const broken = createDb('postgres://hearth:hearth@127.0.0.1:1/hearth', 1);
    const deps: AppDeps = { ...testDeps(), db: broken.db, pool: broken.pool };
    const abort = new AbortController();
    const caller = createCallerFactory(appRouter)(anonymousCaller(deps).ctx, { signal: abort.signal });
    const it = (await caller.inventory.watch({ productIds: [product.id] }))[Symbol.asyncIterator]();
    const err = await it.next().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe('SERVICE_UNAVAILABLE');
    abort.abort();
    await broken.db.destroy();
  });

  test('load: more streams than the caps from many addresses while checkouts run; every checkout succeeds', async () => {
    const deps = testDeps();
    const base = serve(deps);
    const seller = await createSeller(deps);
    const watched = await Promise.all(Array.from({ length: 5 }, () => createProduct(seller, { quantity: 50 })));
    const buyers = await Promise.all(Array.from({ length: 12 }, () => createUser(deps)));
    for (const [i, b] of buyers.entries())
      await b.caller.cart.addItem({ productId: watched[i % watched.length]!.id, quantity: 1 });
    const orders = await Promise.all(buyers.map((b) => placeInput(b)));

    // Bun's fetch keeps at most 256 connections open per process: 5 x 35 streams + 12 checkouts fit.
    const addresses = 5;
    const perAddress = MAX_STREAMS_PER_IP + 5;
    const net = `10.63.${Math.floor(Math.random() * 250)}`;
    let maxWaiting = 0;
    const sampler = setInterval(() => {
      maxWaiting = Math.max(maxWaiting, deps.pool.waitingCount);
    }, 5);
    const started = performance.now();
    const streams = Array.from({ length: addresses * perAddress }, (_, i) =>
      openSse(watchUrl(base, [watched[i % watched.length]!.id, watched[(i + 1) % watched.length]!.id]), {
        'x-forwarded-for': `${net}.${i % addresses}`,
      }).then((c) => {
        connections.push(c);
        return c;
      }),
    );
    const checkouts = buyers.map((b, i) =>
      fetch(`${base}/trpc/checkout.place`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: `hearth_session=${b.sessionId}`,
          'x-forwarded-for': `${net}.${100 + i}`,
        },
        body: JSON.stringify(orders[i]),
      }).then(async (r) => ({ status: r.status, text: r.status === 200 ? '' : await r.text() })),
    );
    const placed = await Promise.all(checkouts);
    const checkoutMs = performance.now() - started;
    const opened = await Promise.all(streams);
    await waitUntil(
      () => opened.every((c) => refusal(c) !== undefined || c.seen().some((e) => e.event === 'message')),
      {
        timeoutMs: 60_000,
        what: 'every stream answered',
      },
    );
    clearInterval(sampler);
    const refused = opened.filter((c) => refusal(c) !== undefined).length;
    console.info(
      `streams: ${opened.length} opened from ${addresses} addresses (cap ${MAX_STREAMS_PER_IP}), ${opened.length - refused} served, ${refused} refused; ` +
        `${placed.length} checkouts in ${checkoutMs.toFixed(0)} ms, most pool waiters seen ${maxWaiting}`,
    );
    expect(placed.map((p) => p.status)).toEqual(Array(buyers.length).fill(200));
    expect(refused).toBe(addresses * (perAddress - MAX_STREAMS_PER_IP));
    for (const c of opened) c.close();
  }, 120_000);
});
