// Rate limits on login, registration, cart and checkout: past the limit the answer is
// TOO_MANY_REQUESTS (HTTP 429) with the seconds to wait, per subject (another ip is not affected).
import { describe, expect, test } from 'bun:test';
import { createApp } from '../app';
import { issueGuestToken } from '../modules/cart/guest-token';
import { createProduct, createSeller, createUser, TEST_PASSWORD } from '../test/factories';
import { testDeps } from '../test/test-services';
import { rateRules } from '../trpc/rate-limit';
import { callProcedure, errorOf, type HttpOutcome, sessionCookie } from './http-client';
import { allProcedures } from './procedures';

const paths = new Set(allProcedures().map((p) => p.path));
let ipCounter = 0;
const run = Date.now() % 200;
const freshIp = () => {
  ipCounter += 1;
  return `172.${20 + (run % 10)}.${Math.floor(run / 10)}.${ipCounter}`;
};

function expectLimited(out: HttpOutcome, windowSeconds: number) {
  expect(out.status).toBe(429);
  const err = errorOf(out);
  expect(err?.code).toBe('TOO_MANY_REQUESTS');
  const retry = Number(err?.details?.retryAfterSeconds);
  expect(retry).toBeGreaterThanOrEqual(1);
  expect(retry).toBeLessThanOrEqual(windowSeconds);
  // The wait in words, rounded up: seconds under a minute, minutes under an hour, then hours.
  const minutes = Math.ceil(retry / 60);
  const hours = Math.ceil(retry / 3600);
  const words =
    retry < 60
      ? `${retry} second${retry === 1 ? '' : 's'}`
      : minutes < 60
        ? `${minutes} minute${minutes === 1 ? '' : 's'}`
        : `${hours} hour${hours === 1 ? '' : 's'}`;
  expect(err?.message).toBe(`Too many attempts. Try again in ${words}.`);
}

describe('rate limits', () => {
  test(`login: ${rateRules.login.limit} attempts per minute per ip and email, then 429 with a retry time`, async () => {
    const app = createApp(testDeps());
    const user = await createUser(testDeps());
    const ip = freshIp();
    const attempt = (password: string, from = ip) =>
      callProcedure(app, 'auth.login', 'mutation', { email: user.email, password }, { ip: from });
    const answers = await Promise.all(Array.from({ length: rateRules.login.limit }, () => attempt('wrong password!')));
    expect(answers.map((a) => a.status)).toEqual(Array(rateRules.login.limit).fill(401));
    // Even the right password is refused now: the limit protects against guessing.
    expectLimited(await attempt(TEST_PASSWORD), rateRules.login.windowSeconds);
    // Another ip is unaffected.
    expect((await attempt(TEST_PASSWORD, freshIp())).status).toBe(200);
  }, 60_000);

  test(`register: ${rateRules.register.limit} per minute per ip, then 429 and no account created`, async () => {
    const deps = testDeps();
    const app = createApp(deps);
    const ip = freshIp();
    const email = (i: number) => `rl-${Date.now()}-${i}@example.test`;
    for (let i = 0; i < rateRules.register.limit; i++) {
      const out = await callProcedure(
        app,
        'auth.register',
        'mutation',
        { email: email(i), password: 'longenough1', name: 'R' },
        { ip },
      );
      expect(out.status).toBe(200);
    }
    const blocked = email(99);
    const out = await callProcedure(
      app,
      'auth.register',
      'mutation',
      { email: blocked, password: 'longenough1', name: 'R' },
      { ip },
    );
    expectLimited(out, rateRules.register.windowSeconds);
    expect(
      await deps.db.selectFrom('users').select('id').where('email', '=', blocked).executeTakeFirst(),
    ).toBeUndefined();
  }, 60_000);

  test(`cart: ${rateRules.cart.limit} changes per minute, then 429`, async () => {
    if (!paths.has('cart.addItem')) throw new Error('cart.addItem is not in appRouter');
    const deps = testDeps();
    const app = createApp(deps);
    const seller = await createSeller(deps);
    const product = await createProduct(seller, { quantity: 50 });
    const buyer = await createUser(deps);
    const who = { cookie: sessionCookie(buyer.sessionId), ip: freshIp() };
    const statuses: number[] = [];
    for (let i = 0; i < rateRules.cart.limit; i++) {
      const path = i % 2 === 0 ? 'cart.addItem' : 'cart.removeItem';
      const input = i % 2 === 0 ? { productId: product.id, quantity: 1 } : { productId: product.id };
      statuses.push((await callProcedure(app, path, 'mutation', input, who)).status);
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const out = await callProcedure(app, 'cart.addItem', 'mutation', { productId: product.id, quantity: 1 }, who);
    expectLimited(out, rateRules.cart.windowSeconds);
    const row = await deps.db
      .selectFrom('products')
      .select('reserved')
      .where('id', '=', product.id)
      .executeTakeFirstOrThrow();
    expect(row.reserved).toBe(0);
  }, 60_000);

  test(`cart: ${rateRules.cartPerIp.limit} changes per minute per address, however many guest carts it rotates`, async () => {
    const deps = testDeps();
    const app = createApp(deps);
    const ip = freshIp();
    // Each call from its own validly signed guest cart: the per-cart limit never triggers.
    const fromNewCart = () =>
      callProcedure(
        app,
        'cart.removeItem',
        'mutation',
        { productId: 1 },
        {
          ip,
          cookie: `hearth_guest=${issueGuestToken(deps.config.sessionSecret).token}`,
        },
      );
    const statuses: number[] = [];
    for (let i = 0; i < rateRules.cartPerIp.limit; i++) statuses.push((await fromNewCart()).status);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expectLimited(await fromNewCart(), rateRules.cartPerIp.windowSeconds);
    // Another address is not affected.
    const other = await callProcedure(app, 'cart.removeItem', 'mutation', { productId: 1 }, { ip: freshIp() });
    expect(other.status).toBe(200);
  }, 60_000);

  test(`checkout: ${rateRules.checkout.limit} attempts per minute, then 429`, async () => {
    if (!paths.has('checkout.place')) throw new Error('checkout.place is not in appRouter');
    const deps = testDeps();
    const app = createApp(deps);
    const buyer = await createUser(deps);
    const who = { cookie: sessionCookie(buyer.sessionId), ip: freshIp() };
    const address = {
      name: 'Ada',
      line1: '1 Main St',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      country: 'US',
    };
    const place = () =>
      callProcedure(
        app,
        'checkout.place',
        'mutation',
        {
          idempotencyKey: crypto.randomUUID(),
          shippingAddress: address,
          quote: { version: '0'.repeat(64), totalCents: 0 },
          payment: { token: 'tok_visa' },
        },
        who,
      );
    // An empty cart is refused with BAD_REQUEST, but every attempt counts.
    for (let i = 0; i < rateRules.checkout.limit; i++) expect((await place()).status).toBe(400);
    expectLimited(await place(), rateRules.checkout.windowSeconds);
  }, 60_000);

  test(`search clicks: ${rateRules.searchClick.limit} per minute per address, then 429; other addresses unaffected`, async () => {
    const app = createApp(testDeps());
    const seller = await createSeller(testDeps());
    const product = await createProduct(seller);
    const ip = freshIp();
    const click = (from = ip) =>
      callProcedure(app, 'search.click', 'mutation', { q: 'mug', productId: product.id }, { ip: from });
    const answers = await Promise.all(Array.from({ length: rateRules.searchClick.limit }, () => click()));
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expectLimited(await click(), rateRules.searchClick.windowSeconds);
    expect((await click(freshIp())).status).toBe(200);
  }, 60_000);
});
