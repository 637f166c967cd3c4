// Authorisation matrix: every seller procedure and every order procedure, called by an anonymous
// user, a buyer, another seller and (for seller-side order procedures) the order's own buyer, is
// refused and changes nothing; the rightful owner's identical call succeeds, so the refusal is
// about who asks, not about the input.
import { beforeAll, describe, expect, test } from 'bun:test';
import { sql } from 'kysely';
import { createApp } from '../app';
import type { AppDeps } from '../deps';
import { createProduct, createSeller, createUser, type TestUser } from '../test/factories';
import { testDeps } from '../test/test-services';
import { callProcedure, errorOf, type Identity, sessionCookie } from './http-client';
import { allProcedures } from './procedures';

interface Fixture {
  shopId: number;
  productId: number;
  orderId: number;
  reviewId: number;
  owner: TestUser;
  orderBuyer: TestUser;
}

type Who = 'anonymous' | 'buyer' | 'otherSeller' | 'orderBuyer';

interface Case {
  input: (f: Fixture) => unknown;
  /** Who, besides anonymous, a buyer and another seller, must also be refused. */
  alsoRefused?: Who[];
  /** The identity whose call must succeed (defaults to the shop owner). */
  allowed?: 'owner' | 'orderBuyer';
  /** Scoped to the caller rather than refused: other people's answers never contain this. */
  scopedSecret?: (f: Fixture) => string;
}

// Keyed by procedure path. A procedure under seller.* or orders.* with no row here fails the test.
const cases: Record<string, Case> = {
  'shops.update': { input: (f) => ({ shopId: f.shopId, tagline: 'Hijacked' }), alsoRefused: ['orderBuyer'] },
  'catalog.createProduct': {
    input: (f) => ({
      shopId: f.shopId,
      title: 'Planted listing',
      description: 'Not from the owner',
      priceCents: 100,
      quantity: 1,
      categorySlug: 'mugs',
      tags: [],
      materials: [],
      isVintage: false,
      images: [],
    }),
    alsoRefused: ['orderBuyer'],
  },
  'catalog.updateProduct': { input: (f) => ({ productId: f.productId, priceCents: 1 }), alsoRefused: ['orderBuyer'] },
  'catalog.archiveProduct': { input: (f) => ({ productId: f.productId }), alsoRefused: ['orderBuyer'] },
  'catalog.restoreProduct': { input: (f) => ({ productId: f.productId }), alsoRefused: ['orderBuyer'] },
  'seller.dashboard': { input: (f) => ({ shopId: f.shopId }), alsoRefused: ['orderBuyer'] },
  'seller.listings': { input: (f) => ({ shopId: f.shopId, status: 'all' }), alsoRefused: ['orderBuyer'] },
  'reviews.reply': { input: (f) => ({ reviewId: f.reviewId, text: 'Thanks!' }), alsoRefused: ['orderBuyer'] },
  'orders.forShop': { input: (f) => ({ shopId: f.shopId }), alsoRefused: ['orderBuyer'] },
  'orders.updateStatus': {
    input: (f) => ({ orderId: f.orderId, status: 'processing' }),
    alsoRefused: ['orderBuyer'],
  },
  'orders.byId': { input: (f) => ({ orderId: f.orderId }) },
  'orders.forSeller': { input: (f) => ({ orderId: f.orderId }), alsoRefused: ['orderBuyer'] },
  'orders.list': { input: () => ({}), allowed: 'orderBuyer', scopedSecret: (f) => `"orderId":${f.orderId},` },
  'orders.lastShippingAddress': { input: () => undefined, allowed: 'orderBuyer', scopedSecret: () => 'Ada Buyer' },
};

/** Everything an attacker could have changed, as one comparable string. */
async function fingerprint(deps: AppDeps, f: Fixture): Promise<string> {
  const { rows } = await sql<Record<string, unknown>>`
    select
      (select row_to_json(s) from (select * from shops where id = ${f.shopId}) s) as shop,
      (select row_to_json(p) from (select title, price_cents, quantity, reserved, status, updated_at from products where id = ${f.productId}) p) as product,
      (select count(*) from products where shop_id = ${f.shopId})::int as listings,
      (select row_to_json(o) from (select status, tracking_number, carrier from orders where id = ${f.orderId}) o) as "order",
      (select count(*) from order_status_history where order_id = ${f.orderId})::int as history,
      (select reply from reviews where id = ${f.reviewId}) as reply`.execute(deps.db);
  return JSON.stringify(rows[0]);
}

/** A delivered order with a review, written directly so the matrix does not depend on checkout. */
async function orderWithReview(deps: AppDeps, shopId: number, productId: number, buyerId: number) {
  const payment = await deps.db
    .insertInto('payments')
    .values({
      buyer_id: buyerId,
      provider: 'test',
      provider_ref: `pi_${crypto.randomUUID()}`,
      amount_cents: 3300,
      status: 'captured',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const address = {
    name: 'Ada Buyer',
    line1: '1 Main St',
    city: 'Springfield',
    region: 'IL',
    postalCode: '62701',
    country: 'US',
  };
  const order = await deps.db
    .insertInto('orders')
    .values({
      buyer_id: buyerId,
      shop_id: shopId,
      payment_id: payment.id,
      status: 'paid',
      subtotal_cents: 2800,
      shipping_cents: 500,
      tax_cents: 0,
      total_cents: 3300,
      shipping_address: JSON.stringify(address),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const item = await deps.db
    .insertInto('order_items')
    .values({ order_id: order.id, product_id: productId, title: 'Mug', image: null, price_cents: 2800, quantity: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await deps.db.insertInto('order_status_history').values({ order_id: order.id, status: 'paid' }).execute();
  const review = await deps.db
    .insertInto('reviews')
    .values({
      order_item_id: item.id,
      product_id: productId,
      shop_id: shopId,
      user_id: buyerId,
      rating: 5,
      text: 'Lovely',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { orderId: order.id, reviewId: review.id };
}

const procedures = allProcedures();
const paths = new Set(procedures.map((p) => p.path));
const typeOf = (path: string) => procedures.find((p) => p.path === path)!.type;

describe('authorisation matrix', () => {
  let deps: AppDeps;
  let app: ReturnType<typeof createApp>;
  let fixture: Fixture;
  const identities = {} as Record<Who | 'owner', Identity>;

  beforeAll(async () => {
    deps = testDeps();
    app = createApp(deps);
    const owner = await createSeller(deps);
    const product = await createProduct(owner, { quantity: 4 });
    const orderBuyer = await createUser(deps);
    const buyer = await createUser(deps);
    const otherSeller = await createSeller(deps);
    const { orderId, reviewId } = await orderWithReview(deps, owner.shopId, product.id, orderBuyer.id);
    fixture = { shopId: owner.shopId, productId: product.id, orderId, reviewId, owner, orderBuyer };
    identities.anonymous = {};
    identities.buyer = { cookie: sessionCookie(buyer.sessionId) };
    identities.otherSeller = { cookie: sessionCookie(otherSeller.sessionId) };
    identities.orderBuyer = { cookie: sessionCookie(orderBuyer.sessionId) };
    identities.owner = { cookie: sessionCookie(owner.sessionId) };
  });

  test('every seller and order procedure has a row in the matrix', () => {
    const uncovered = [...paths].filter((p) => (p.startsWith('seller.') || p.startsWith('orders.')) && !(p in cases));
    expect(uncovered).toEqual([]);
  });

  for (const [path, c] of Object.entries(cases)) {
    test(`${path}: refused for everyone but its owner`, async () => {
      if (!paths.has(path)) throw new Error(`${path} is not in appRouter`);
      const type = typeOf(path);
      const input = c.input(fixture);
      const before = await fingerprint(deps, fixture);
      const attackers: Who[] = ['anonymous', 'buyer', 'otherSeller', ...(c.alsoRefused ?? [])];
      if (c.scopedSecret) {
        // Scoped, not refused: other people never see this order's data.
        for (const who of ['buyer', 'otherSeller', 'owner'] as const) {
          const out = await callProcedure(app, path, type, input, identities[who]);
          expect(out.text).not.toContain(c.scopedSecret(fixture));
        }
        const anon = await callProcedure(app, path, type, input, identities.anonymous);
        expect(anon.status).toBe(401);
      } else {
        for (const who of attackers) {
          const out = await callProcedure(app, path, type, input, identities[who]);
          const err = errorOf(out);
          expect({ who, status: out.status }).toEqual({ who, status: who === 'anonymous' ? 401 : out.status });
          expect([401, 403, 404]).toContain(out.status);
          expect(err?.code && ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'].includes(err.code)).toBe(true);
        }
      }
      expect(await fingerprint(deps, fixture)).toBe(before);
      const allowed = identities[c.allowed ?? 'owner'];
      const ok = await callProcedure(app, path, type, input, allowed);
      expect({ path, status: ok.status, error: errorOf(ok)?.message }).toEqual({ path, status: 200, error: undefined });
    });
  }

  test('orders.byId: the shop owner and the order buyer may read the order', async () => {
    if (!paths.has('orders.byId')) throw new Error('orders.byId is not in appRouter');
    for (const who of ['owner', 'orderBuyer'] as const) {
      const out = await callProcedure(app, 'orders.byId', 'query', { orderId: fixture.orderId }, identities[who]);
      expect(out.status).toBe(200);
    }
  });
});
