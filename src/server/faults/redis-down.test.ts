// Redis down: pages, search, cart, checkout and sign-in keep working (cache misses, permissive
// rate limits), each answering promptly; when Redis returns on its address the app reconnects by
// itself and uses it again.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { callProcedure, confirmedQuote, sessionCookie } from '../abuse/http-client';
import { createApp } from '../app';
import { ensureSearchIndex } from '../modules/search/search-index';
import { createProduct, createSeller, createUser, TEST_PASSWORD } from '../test/factories';
import { type IsolatedServices, startIsolatedServices } from './isolated-services';

let iso: IsolatedServices;
beforeAll(async () => {
  iso = await startIsolatedServices();
  await ensureSearchIndex(iso.services.deps);
}, 60_000);
afterAll(async () => {
  await iso?.cleanup();
}, 30_000);

const address = { name: 'Ada', line1: '1 Main St', city: 'Albany', region: 'NY', postalCode: '12207', country: 'US' };

describe('Redis down', () => {
  test('the app keeps serving degraded, then reconnects by itself', async () => {
    const { deps } = iso.services;
    const app = createApp(deps);
    const seller = await createSeller(deps);
    const products: Awaited<ReturnType<typeof createProduct>>[] = [];
    for (let i = 0; i < 3; i++)
      products.push(await createProduct(seller, { quantity: 10, title: `Linen napkin set ${i}` }));
    const buyer = await createUser(deps);
    const who = { cookie: sessionCookie(buyer.sessionId), ip: '10.44.0.1' };
    expect(await deps.store.ping()).toBe(true);

    await iso.killRedis();
    expect(await deps.store.ping()).toBe(false);

    const timed = async (path: string, type: 'query' | 'mutation', input: unknown, identity = who) => {
      const t0 = performance.now();
      const out = await callProcedure(app, path, type, input, identity);
      return { ...out, ms: performance.now() - t0 };
    };
    const added = await Promise.all(
      products.map((p) => timed('cart.addItem', 'mutation', { productId: p.id, quantity: 2 })),
    );
    const quote = await timed('checkout.quote', 'query', { shippingAddress: address });
    const calls = [
      await timed('catalog.product', 'query', { productId: products[0].id }),
      await timed('search.products', 'query', { q: 'linen napkin' }),
      await timed('feed.home', 'query', undefined),
      await timed('auth.me', 'query', undefined),
      ...added,
      await timed('cart.get', 'query', undefined),
      quote,
      await timed('checkout.place', 'mutation', {
        idempotencyKey: crypto.randomUUID(),
        shippingAddress: address,
        quote: confirmedQuote(quote.body),
        payment: { token: 'tok_visa' },
      }),
      await timed(
        'auth.login',
        'mutation',
        { email: buyer.email, password: TEST_PASSWORD },
        { cookie: '', ip: '10.44.0.2' },
      ),
    ];
    for (const c of calls) {
      expect({ status: c.status, text: c.status === 200 ? '' : c.text.slice(0, 200) }).toEqual({
        status: 200,
        text: '',
      });
      expect(c.ms).toBeLessThan(3000);
    }
    const orders = await deps.db.selectFrom('orders').select('id').where('buyer_id', '=', buyer.id).execute();
    expect(orders.length).toBe(1);
    // The charge went through to capture: payments never depend on Redis.
    const payments = await deps.db.selectFrom('payments').select('status').where('buyer_id', '=', buyer.id).execute();
    expect(payments.map((p) => p.status)).toEqual(['captured']);
    const readyDown = await app.request('/readyz');
    expect(readyDown.status).toBe(503);

    // Back on the same port: ioredis reconnects with no restart of the app.
    await iso.restartRedis();
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && !(await deps.store.ping())) await Bun.sleep(200);
    expect(await deps.store.ping()).toBe(true);
    await deps.store.set('fault:redis:probe', 'back', 30);
    expect(await deps.store.get('fault:redis:probe')).toBe('back');
    expect((await app.request('/readyz')).status).toBe(200);
    // Rate limits count again once Redis is back.
    const hit1 = await deps.store.hit('fault:rl', 60);
    const hit2 = await deps.store.hit('fault:rl', 60);
    expect(hit2.count).toBe(hit1.count + 1);
  }, 60_000);
});
