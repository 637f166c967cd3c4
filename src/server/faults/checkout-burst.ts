// The set-up the PostgreSQL fault tests share: buyers, each with a cart of listings from several
// shops (added over HTTP, holds and all), a confirmed quote each, and `place(i)` that sends buyer
// i's checkout with its own idempotency key. A request cut off by the fault answers status 0.
import { expect } from 'bun:test';
import { callProcedure, type HttpOutcome, sessionCookie } from '../abuse/http-client';
import type { createApp } from '../app';
import type { AppDeps } from '../deps';
import { address } from '../scale/balancer-client';
import { createUser } from '../test/factories';
import type { stockedListings } from './invariants';

type Products = Awaited<ReturnType<typeof stockedListings>>['products'];

/** Buyer i's cart: `perCart` listings starting at `i % 3`. */
export const cartOf = (products: Products, i: number, perCart: number) => products.slice(i % 3, (i % 3) + perCart);

export async function checkoutBurst(
  deps: AppDeps,
  app: ReturnType<typeof createApp>,
  products: Products,
  options: { buyers: number; perCart: number; ipPrefix: string },
) {
  const buyers = await Promise.all(Array.from({ length: options.buyers }, () => createUser(deps)));
  const who = buyers.map((b, i) => ({ cookie: sessionCookie(b.sessionId), ip: `${options.ipPrefix}.${i}.1` }));
  for (const [i] of buyers.entries())
    for (const p of cartOf(products, i, options.perCart)) {
      const out = await callProcedure(app, 'cart.addItem', 'mutation', { productId: p.id, quantity: 1 }, who[i]);
      expect(out.status).toBe(200);
    }
  const keys = buyers.map(() => crypto.randomUUID());
  const quotes = await Promise.all(buyers.map((b) => b.caller.checkout.quote({ shippingAddress: address })));
  const place = (i: number) =>
    callProcedure(
      app,
      'checkout.place',
      'mutation',
      {
        idempotencyKey: keys[i],
        shippingAddress: address,
        quote: { version: quotes[i].version, totalCents: quotes[i].totalCents },
        payment: { token: 'tok_visa' },
      },
      who[i],
    ).catch(() => ({ status: 0, body: null, text: '', headers: new Headers() }) as HttpOutcome);
  return { buyers, keys, place };
}
