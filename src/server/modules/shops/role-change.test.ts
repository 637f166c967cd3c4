// A user signed in in two browsers opens a shop in one. The other browser's session must learn of
// it (every cached session of the user is dropped), and even a session whose cached user is stale
// can neither buy nor review that shop's listings: those rules read the shop's owner from the
// database at the point of decision.
import { afterAll, describe, expect, test } from 'bun:test';
import { callProcedure, errorOf, sessionCookie } from '../../abuse/http-client';
import { createApp } from '../../app';
import { domainOf, rejection } from '../../test/expect-error';
import { createProduct, createUser, defaultPolicy, unique } from '../../test/factories';
import { closeSecondInstances, secondInstanceDeps } from '../../test/second-instance';
import { testDeps } from '../../test/test-services';
import { waitUntil } from '../../test/wait-until';
import { createInnerContext } from '../../trpc/context';
import { appRouter } from '../../trpc/root';
import { createCallerFactory } from '../../trpc/trpc';
import { createSession, sessionCacheKey, sessionKey } from '../auth/auth.session';
import { sessionMemo } from '../auth/session-memo';
import { address } from '../checkout/checkout-test-kit';
import { createOrderFixture } from '../reviews/test-orders';

const createCaller = createCallerFactory(appRouter);

async function me(app: ReturnType<typeof createApp>, sessionId: string, ip: string) {
  const res = await app.request('http://localhost/trpc/auth.me', {
    headers: { cookie: `hearth_session=${sessionId}`, 'x-forwarded-for': ip },
  });
  const body = (await res.json()) as { result?: { data?: { user: { shopId: number | null } | null } } };
  return body.result?.data?.user ?? null;
}

/** The same user, signed in a second time, seen through a session whose cached user predates the shop. */
async function secondBrowser(user: { id: number; email: string; name: string }) {
  const deps = testDeps();
  const session = await createSession(deps, user.id);
  const ctx = createInnerContext(deps, {
    user: { id: user.id, email: user.email, name: user.name, shopId: null, emailVerified: true },
    sessionId: session.id,
    ip: `10.77.${user.id % 250}.1`,
  });
  return createCaller(ctx);
}

afterAll(closeSecondInstances);

describe('a role change reaches every session', () => {
  test('on every instance: a session cached by another app instance learns of the new shop', async () => {
    const instanceA = createApp(testDeps());
    const instanceB = createApp(secondInstanceDeps());
    const user = await createUser();
    const other = await createSession(testDeps(), user.id);
    const ip = `10.76.${user.id % 250}.1`;
    expect(await me(instanceB, other.id, ip)).toMatchObject({ shopId: null });

    const created = await callProcedure(
      instanceA,
      'shops.create',
      'mutation',
      { name: `Shop ${unique('r')}`, shippingPolicy: defaultPolicy },
      { cookie: sessionCookie(user.sessionId), ip },
    );
    expect(created.status).toBe(200);
    const shopId = (created.body as { result: { data: { id: number } } }).result.data.id;
    // B hears A's message and drops its one-second memo of the session (session-memo.ts).
    await waitUntil(async () => (await me(instanceB, other.id, ip))?.shopId === shopId, {
      what: 'the new shop on instance B',
    });
  });

  test('opening a shop drops the cached user of every other session of that user', async () => {
    const deps = testDeps();
    const app = createApp(deps);
    const user = await createUser(deps);
    const other = await createSession(deps, user.id);
    const ip = `10.78.${user.id % 250}.1`;
    // Both browsers have read (and so cached) the user before the shop exists.
    expect(await me(app, user.sessionId, ip)).toMatchObject({ shopId: null });
    expect(await me(app, other.id, ip)).toMatchObject({ shopId: null });

    const shop = await user.caller.shops.create({ name: `Shop ${unique('r')}`, shippingPolicy: defaultPolicy });

    expect(await me(app, other.id, ip)).toMatchObject({ shopId: shop.id });
    expect(await me(app, user.sessionId, ip)).toMatchObject({ shopId: shop.id });
  });

  test('a stale session cannot put its own listing in the cart', async () => {
    const user = await createUser();
    const stale = await secondBrowser(user);
    const shop = await user.caller.shops.create({ name: `Shop ${unique('r')}`, shippingPolicy: defaultPolicy });
    const product = await createProduct({ caller: user.caller, shopId: shop.id }, { quantity: 3 });

    const err = await rejection(stale.cart.addItem({ productId: product.id, quantity: 1 }));
    expect(domainOf(err)?.code).toBe('OWN_PRODUCT');
    const held = await testDeps()
      .db.selectFrom('products')
      .select('reserved')
      .where('id', '=', product.id)
      .executeTakeFirstOrThrow();
    expect(held.reserved).toBe(0);
  });

  test('a stale session cannot check out a cart holding its own listing', async () => {
    const deps = testDeps();
    const user = await createUser(deps);
    const stale = await secondBrowser(user);
    // The line got into the cart while the user had no shop yet in this session's eyes.
    const shop = await user.caller.shops.create({ name: `Shop ${unique('r')}`, shippingPolicy: defaultPolicy });
    const product = await createProduct({ caller: user.caller, shopId: shop.id }, { quantity: 3 });
    const cart = await deps.db
      .insertInto('carts')
      .values({ user_id: user.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await deps.db
      .insertInto('cart_items')
      .values({ cart_id: cart.id, product_id: product.id, quantity: 1, held: 0, hold_expires_at: new Date() })
      .execute();

    const err = await rejection(
      stale.checkout.place({
        idempotencyKey: crypto.randomUUID(),
        shippingAddress: address(),
        quote: await stale.checkout.quote({ shippingAddress: address() }),
        payment: { token: 'tok_visa' },
      }),
    );
    expect(domainOf(err)?.code).toBe('OWN_PRODUCT');
    const orders = await deps.db.selectFrom('orders').select('id').where('buyer_id', '=', user.id).execute();
    expect(orders).toEqual([]);
  });

  test('a stale session cannot review its own listing', async () => {
    const deps = testDeps();
    const user = await createUser(deps);
    const stale = await secondBrowser(user);
    const shop = await user.caller.shops.create({ name: `Shop ${unique('r')}`, shippingPolicy: defaultPolicy });
    const product = await createProduct({ caller: user.caller, shopId: shop.id }, { quantity: 3 });
    // A delivered purchase of their own listing (as a stale session could once make).
    const [order] = await createOrderFixture(deps, user.id, [{ productId: product.id }], { status: 'delivered' });

    const err = await rejection(
      stale.reviews.create({ orderId: order!.orderId, productId: product.id, rating: 5, text: 'Best shop ever' }),
    );
    expect(domainOf(err)?.code).toBe('OWN_PRODUCT');
    const reviews = await deps.db.selectFrom('reviews').select('id').where('product_id', '=', product.id).execute();
    expect(reviews).toEqual([]);
  });
});

// Over HTTP too: the refusal is a clear 4xx, never a 500.
test('over HTTP a stale session adding its own listing gets a 400 OWN_PRODUCT', async () => {
  const deps = testDeps();
  const app = createApp(deps);
  const user = await createUser(deps);
  const shop = await user.caller.shops.create({ name: `Shop ${unique('r')}`, shippingPolicy: defaultPolicy });
  const product = await createProduct({ caller: user.caller, shopId: shop.id }, { quantity: 3 });
  // A second session whose cached copy predates the shop, as a racing request could write back.
  const other = await createSession(deps, user.id);
  const ip = `10.79.${user.id % 250}.1`;
  expect(await me(app, other.id, ip)).toMatchObject({ shopId: shop.id });
  await deps.store.set(
    sessionCacheKey(deps, other.id),
    JSON.stringify({ id: user.id, email: user.email, name: user.name, shopId: null }),
    300,
  );
  sessionMemo(deps.store).forget([sessionKey(deps, other.id)]);
  expect(await me(app, other.id, ip)).toMatchObject({ shopId: null });

  const out = await callProcedure(
    app,
    'cart.addItem',
    'mutation',
    { productId: product.id, quantity: 1 },
    { cookie: sessionCookie(other.id), ip },
  );
  expect({ status: out.status, domain: errorOf(out)?.domain }).toEqual({ status: 400, domain: 'OWN_PRODUCT' });
});
