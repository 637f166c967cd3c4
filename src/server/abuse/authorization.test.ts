// Authorisation matrix, derived from the router's metadata: every procedure declares who may call it
// (`meta.authz`, set by the builder it starts from, see trpc/ownership.ts). For every procedure that
// touches one shop, listing, order or review, each identity that must not touch it (anonymous, a
// buyer, another seller, and the order's buyer or the shop's owner where the kind says so) is
// refused and changes nothing; the rightful identity's identical call succeeds, so the refusal is
// about who asks, not about the input. A new procedure without metadata, or an owned one without a
// row here, fails the coverage tests.
import { beforeAll, describe, expect, test } from 'bun:test';
import { sql } from 'kysely';
import { createApp } from '../app';
import type { AppDeps } from '../deps';
import { createProduct, createSeller, createUser, type TestUser } from '../test/factories';
import { testDeps } from '../test/test-services';
import type { Authz } from '../trpc/trpc';
import { callProcedure, errorOf, type Identity, sessionCookie } from './http-client';
import { allProcedures } from './procedures';

interface Fixture {
  shopId: number;
  productId: number;
  /** A paid order of the owner's shop, bought by orderBuyer, with a reviewed line. */
  orderId: number;
  reviewId: number;
  /** A delivered order of the same pair whose line is not reviewed yet. */
  reviewableOrderId: number;
  /** A conversation between orderBuyer and the owner's shop. */
  conversationId: number;
  /** Sections of the owner's shop: one kept, one the delete row removes. */
  sectionId: number;
  spareSectionId: number;
  /** A saved address of orderBuyer's address book. */
  addressId: number;
  owner: TestUser;
  orderBuyer: TestUser;
}

type Who = 'anonymous' | 'buyer' | 'otherSeller' | 'orderBuyer' | 'owner';

const KNOWN: Authz[] = [
  'public',
  'user',
  'shopOwner',
  'listingOwner',
  'reviewShopOwner',
  'orderParticipant',
  'orderSeller',
  'orderBuyer',
  'conversationParty',
];

/** For each kind that names a resource: who must succeed; everyone else is refused. */
const allowedBy: Partial<Record<Authz, Who[]>> = {
  shopOwner: ['owner'],
  listingOwner: ['owner'],
  reviewShopOwner: ['owner'],
  orderSeller: ['owner'],
  orderParticipant: ['owner', 'orderBuyer'],
  orderBuyer: ['orderBuyer'],
  conversationParty: ['owner', 'orderBuyer'],
};

// A valid input for each procedure that names a resource (the test cannot invent titles and
// statuses). Which procedures need a row comes from their metadata, not from this table.
const validInput: Record<string, (f: Fixture) => unknown> = {
  'shops.update': (f) => ({ shopId: f.shopId, tagline: 'Hijacked' }),
  'shops.setVacation': (f) => ({ shopId: f.shopId, on: false }),
  'shops.createSection': (f) => ({ shopId: f.shopId, name: 'Planted section' }),
  'shops.renameSection': (f) => ({ shopId: f.shopId, sectionId: f.sectionId, name: 'Renamed' }),
  'shops.deleteSection': (f) => ({ shopId: f.shopId, sectionId: f.spareSectionId }),
  'shops.reorderSections': (f) => ({ shopId: f.shopId, sectionIds: [f.sectionId] }),
  'shops.assignSection': (f) => ({ shopId: f.shopId, sectionId: f.sectionId, productIds: [f.productId] }),
  'shops.updateStorefront': (f) => ({ shopId: f.shopId, announcement: 'Hijacked' }),
  'catalog.createProduct': (f) => ({
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
  'catalog.updateProduct': (f) => ({ productId: f.productId, priceCents: 1 }),
  'catalog.archiveProduct': (f) => ({ productId: f.productId }),
  'catalog.restoreProduct': (f) => ({ productId: f.productId }),
  'catalog.setVariations': (f) => ({
    productId: f.productId,
    properties: [{ name: 'Size', values: ['S', 'M'] }],
    combinations: [
      { values: ['S'], priceCents: 100, quantity: 1 },
      { values: ['M'], priceCents: 120, quantity: 1 },
    ],
  }),
  'catalog.variations': (f) => ({ productId: f.productId }),
  'seller.dashboard': (f) => ({ shopId: f.shopId }),
  'seller.listings': (f) => ({ shopId: f.shopId, status: 'all' }),
  'reviews.reply': (f) => ({ reviewId: f.reviewId, text: 'Thanks!' }),
  'reviews.create': (f) => ({ orderId: f.reviewableOrderId, productId: f.productId, rating: 4, text: 'Nice' }),
  'orders.forShop': (f) => ({ shopId: f.shopId }),
  'orders.updateStatus': (f) => ({ orderId: f.orderId, status: 'processing' }),
  'orders.byId': (f) => ({ orderId: f.orderId }),
  'orders.forSeller': (f) => ({ orderId: f.orderId }),
  'messages.shopInbox': (f) => ({ shopId: f.shopId }),
  'messages.startWithBuyer': (f) => ({ orderId: f.orderId, text: 'About your order' }),
  'messages.orderContact': (f) => ({ orderId: f.orderId }),
  'messages.unblockBuyer': (f) => ({ orderId: f.orderId }),
  'messages.shopContact': (f) => ({ orderId: f.orderId }),
  'messages.unblockShop': (f) => ({ orderId: f.orderId }),
  'messages.send': (f) => ({ conversationId: f.conversationId, text: 'Planted message' }),
  'messages.thread': (f) => ({ conversationId: f.conversationId }),
  'messages.markRead': (f) => ({ conversationId: f.conversationId }),
  // block runs before unblock (router order), so the owner's later calls are not blocked.
  'messages.block': (f) => ({ conversationId: f.conversationId }),
  'messages.unblock': (f) => ({ conversationId: f.conversationId }),
  'messages.report': (f) => ({ conversationId: f.conversationId, reason: 'spam' }),
};

// Reads for any signed-in user that answer with the caller's own data: scoped, not refused. Other
// people's answers never contain the order buyer's data; the order buyer's do.
const scoped: Record<string, { input: unknown; secret: (f: Fixture) => string }> = {
  'orders.list': { input: {}, secret: (f) => `"orderId":${f.orderId},` },
  'orders.lastShippingAddress': { input: undefined, secret: () => 'Ada Buyer' },
};

// Mutations for any signed-in user whose input names a row that belongs to one user (an address,
// an order): called by everyone else with the order buyer's ids they are NOT_FOUND and change
// nothing; the order buyer's identical call succeeds. In run order (remove last).
const userOwned: Record<string, (f: Fixture) => unknown> = {
  'addresses.update': (f) => ({ addressId: f.addressId, address: { ...plantedAddress, name: 'Eve Planted' } }),
  'addresses.setDefault': (f) => ({ addressId: f.addressId }),
  'messages.start': (f) => ({ shopId: f.shopId, orderId: f.orderId, text: 'About your order' }),
  'addresses.remove': (f) => ({ addressId: f.addressId }),
};
/** Ids that name public things (a listing, a shop, one of its combinations): anyone may pass them. */
const PUBLIC_REFERENCE_KEYS = ['productId', 'shopId', 'variantId'];

const plantedAddress = {
  name: 'Ada Buyer',
  line1: '1 Main St',
  city: 'Springfield',
  region: 'IL',
  postalCode: '62701',
  country: 'US',
};

/** The keys of a procedure's own input object that carry ids. */
function idKeys(inputs: unknown[]): string[] {
  const schema = inputs.at(-1) as { shape?: Record<string, unknown> } | undefined;
  return Object.keys(schema?.shape ?? {}).filter((k) => /Ids?$/.test(k));
}

// Mutations anyone may call. Adding one is a security decision: it must be added here on purpose.
const publicMutations = [
  'auth.register',
  'auth.login',
  'auth.logout',
  // Reviewed (issue 15): same answer for every email, limited per address and per email.
  'account.requestPasswordReset',
  // Reviewed: act only with a 256-bit token from a mailed link; limited per address.
  'account.resetPassword',
  'account.verifyEmail',
  // Reviewed: needs a signed order link from the confirmation mail; only a guest buyer (no password).
  'account.claimGuestAccount',
  // Reviewed (issue 15 item 5): guest checkout; every checkout rule applies, limited per cart and address.
  'checkout.placeAsGuest',
  'cart.addItem',
  'cart.updateQuantity',
  // Reviewed: like updateQuantity, acts on the caller's own cart only (another's line is NOT_FOUND, cart-personalization.test).
  'cart.updatePersonalization',
  'cart.removeItem',
  'feed.recordView',
  // Reviewed: adds to batched click counters only, limited per address (rateRules.searchClick).
  'search.click',
  // Reviewed (issue 15 item 7): turns one email event off for the one user an HMAC-signed token names.
  'notifications.unsubscribe',
];

/** Everything an attacker could have changed, as one comparable string. */
async function fingerprint(deps: AppDeps, f: Fixture): Promise<string> {
  const { rows } = await sql<Record<string, unknown>>`
    select
      (select row_to_json(s) from (select * from shops where id = ${f.shopId}) s) as shop,
      (select row_to_json(p) from (select title, price_cents, quantity, reserved, status, updated_at from products where id = ${f.productId}) p) as product,
      (select count(*) from products where shop_id = ${f.shopId})::int as listings,
      (select json_agg(o order by o.id) from (select id, status, tracking_number, carrier from orders where id in (${f.orderId}, ${f.reviewableOrderId})) o) as orders,
      (select count(*) from order_status_history where order_id = ${f.orderId})::int as history,
      (select count(*) from reviews where product_id = ${f.productId})::int as reviews,
      (select reply from reviews where id = ${f.reviewId}) as reply,
      (select row_to_json(c) from (select buyer_unread, seller_unread, last_message_preview from conversations where id = ${f.conversationId}) c) as conversation,
      (select count(*) from messages where conversation_id = ${f.conversationId})::int as messages,
      (select count(*) from user_blocks where blocker_id in (${f.owner.id}, ${f.orderBuyer.id}))::int as blocks,
      (select count(*) from conversation_reports where conversation_id = ${f.conversationId})::int as reports,
      (select json_agg(ss order by ss.id) from (select id, name, position from shop_sections where shop_id = ${f.shopId}) ss) as sections,
      (select section_id from products where id = ${f.productId}) as section,
      (select json_agg(a order by a.id) from (select id, address, is_default from addresses where user_id = ${f.orderBuyer.id}) a) as addresses,
      (select count(*) from conversations where order_id = ${f.orderId})::int as order_conversations`.execute(deps.db);
  return JSON.stringify(rows[0]);
}

/** An order written directly (the matrix does not depend on checkout), optionally reviewed. */
async function directOrder(
  deps: AppDeps,
  o: { shopId: number; productId: number; buyerId: number; status: 'paid' | 'delivered'; review: boolean },
) {
  const payment = await deps.db
    .insertInto('payments')
    .values({
      buyer_id: o.buyerId,
      provider: 'test',
      provider_ref: `pi_${crypto.randomUUID()}`,
      amount_cents: 3300,
      status: 'captured',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const address = plantedAddress;
  const order = await deps.db
    .insertInto('orders')
    .values({
      buyer_id: o.buyerId,
      shop_id: o.shopId,
      payment_id: payment.id,
      status: o.status,
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
    .values({ order_id: order.id, product_id: o.productId, title: 'Mug', image: null, price_cents: 2800, quantity: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await deps.db.insertInto('order_status_history').values({ order_id: order.id, status: o.status }).execute();
  if (!o.review) return { orderId: order.id, reviewId: 0 };
  const review = await deps.db
    .insertInto('reviews')
    .values({
      order_item_id: item.id,
      product_id: o.productId,
      shop_id: o.shopId,
      user_id: o.buyerId,
      rating: 5,
      text: 'Lovely',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { orderId: order.id, reviewId: review.id };
}

const procedures = allProcedures();
const authzOf = (path: string) => procedures.find((p) => p.path === path)?.meta?.authz;
const owned = procedures.filter((p) => p.meta?.authz && p.meta.authz in allowedBy);

describe('authorisation matrix (from procedure metadata)', () => {
  let deps: AppDeps;
  let app: ReturnType<typeof createApp>;
  let fixture: Fixture;
  const identities = {} as Record<Who, Identity>;

  beforeAll(async () => {
    deps = testDeps();
    app = createApp(deps);
    const owner = await createSeller(deps);
    const product = await createProduct(owner, { quantity: 4 });
    const orderBuyer = await createUser(deps);
    const buyer = await createUser(deps);
    const otherSeller = await createSeller(deps);
    const pair = { shopId: owner.shopId, productId: product.id, buyerId: orderBuyer.id };
    const paid = await directOrder(deps, { ...pair, status: 'paid', review: true });
    const delivered = await directOrder(deps, { ...pair, status: 'delivered', review: false });
    const conversation = await orderBuyer.caller.messages.start({ shopId: owner.shopId, text: 'Is it blue?' });
    await owner.caller.shops.createSection({ shopId: owner.shopId, name: 'Kept' });
    const [kept, spare] = await owner.caller.shops.createSection({ shopId: owner.shopId, name: 'Spare' });
    const [saved] = await orderBuyer.caller.addresses.create({ address: plantedAddress });
    fixture = {
      addressId: saved!.id,
      conversationId: conversation.conversationId,
      sectionId: kept!.id,
      spareSectionId: spare!.id,
      shopId: owner.shopId,
      productId: product.id,
      orderId: paid.orderId,
      reviewId: paid.reviewId,
      reviewableOrderId: delivered.orderId,
      owner,
      orderBuyer,
    };
    identities.anonymous = {};
    identities.buyer = { cookie: sessionCookie(buyer.sessionId) };
    identities.otherSeller = { cookie: sessionCookie(otherSeller.sessionId) };
    identities.orderBuyer = { cookie: sessionCookie(orderBuyer.sessionId) };
    identities.owner = { cookie: sessionCookie(owner.sessionId) };
  });

  test('every procedure, and so every mutation, declares who may call it', () => {
    const missing = procedures.filter((p) => !KNOWN.includes(p.meta?.authz as Authz)).map((p) => `${p.type} ${p.path}`);
    expect(missing).toEqual([]);
  });

  test('every procedure that names a shop, listing, order or review has a row in the matrix', () => {
    expect(owned.length).toBeGreaterThanOrEqual(12);
    expect(owned.map((p) => p.path).filter((path) => !(path in validInput))).toEqual([]);
    // A row for a procedure that is no longer owned (or gone) is a hole, not a harmless leftover.
    expect(Object.keys(validInput).filter((path) => !(authzOf(path) && authzOf(path)! in allowedBy))).toEqual([]);
  });

  test('the mutations open to anonymous callers are exactly the reviewed ones', () => {
    const open = procedures.filter((p) => p.type === 'mutation' && p.meta?.authz === 'public').map((p) => p.path);
    expect(open.sort()).toEqual([...publicMutations].sort());
  });

  test('every procedure for signed-in users refuses an anonymous caller with 401', async () => {
    const signedIn = procedures.filter((p) => p.meta?.authz && p.meta.authz !== 'public');
    for (const p of signedIn) {
      const input = validInput[p.path]?.(fixture) ?? {};
      if (p.type === 'subscription') {
        // SSE answers 200 and then sends the refusal as the stream's only event before closing it.
        const res = await app.request(`http://localhost/trpc/${p.path}`);
        const body = await res.text();
        expect({ path: p.path, refused: body.includes('"httpStatus":401') }).toEqual({ path: p.path, refused: true });
        continue;
      }
      const out = await callProcedure(app, p.path, p.type, input, identities.anonymous);
      expect({ path: p.path, status: out.status }).toEqual({ path: p.path, status: 401 });
    }
  });

  for (const p of owned) {
    const authz = p.meta!.authz!;
    const allowed = allowedBy[authz]!;
    const refused = (['anonymous', 'buyer', 'otherSeller', 'orderBuyer', 'owner'] as Who[]).filter(
      (who) => !allowed.includes(who),
    );
    test(`${p.path} (${authz}): refused for ${refused.join(', ')}; allowed for ${allowed.join(', ')}`, async () => {
      const make = validInput[p.path];
      if (!make) throw new Error(`${p.path} has no row in the matrix`);
      const input = make(fixture);
      const before = await fingerprint(deps, fixture);
      for (const who of refused) {
        const out = await callProcedure(app, p.path, p.type, input, identities[who]);
        const expected: Record<number, string> =
          who === 'anonymous' ? { 401: 'UNAUTHORIZED' } : { 403: 'FORBIDDEN', 404: 'NOT_FOUND' };
        const code = expected[out.status];
        expect({ who, status: out.status, code: errorOf(out)?.code }).toEqual({ who, status: out.status, code: code! });
        expect(code).toBeDefined();
      }
      expect(await fingerprint(deps, fixture)).toBe(before);
      // Reads may run for every allowed identity; a write only once (the second would conflict).
      for (const who of p.type === 'mutation' ? allowed.slice(0, 1) : allowed) {
        const ok = await callProcedure(app, p.path, p.type, input, identities[who]);
        expect({ who, status: ok.status, error: errorOf(ok)?.message }).toEqual({ who, status: 200, error: undefined });
      }
    });
  }

  test("every signed-in mutation naming another user's row by id has a row in the user-owned table", () => {
    const naming = procedures
      .filter((p) => p.type === 'mutation' && p.meta?.authz === 'user')
      .filter((p) => idKeys(p.inputs).some((k) => !PUBLIC_REFERENCE_KEYS.includes(k)))
      .map((p) => p.path);
    expect(naming.sort()).toEqual(Object.keys(userOwned).sort());
  });

  for (const [path, make] of Object.entries(userOwned)) {
    test(`${path} (user): another user's id is refused for buyer, otherSeller, owner; allowed for orderBuyer`, async () => {
      const input = make(fixture);
      const before = await fingerprint(deps, fixture);
      for (const who of ['buyer', 'otherSeller', 'owner'] as const) {
        const out = await callProcedure(app, path, 'mutation', input, identities[who]);
        // The shop's owner messaging their own shop is refused before the order is looked at.
        const ok = out.status === 404 || (who === 'owner' && path === 'messages.start' && out.status === 400);
        expect({ who, status: out.status, refused: ok }).toEqual({ who, status: out.status, refused: true });
      }
      expect(await fingerprint(deps, fixture)).toBe(before);
      const mine = await callProcedure(app, path, 'mutation', input, identities.orderBuyer);
      expect({ status: mine.status, error: errorOf(mine)?.message }).toEqual({ status: 200, error: undefined });
    });
  }

  for (const [path, s] of Object.entries(scoped)) {
    test(`${path} is scoped, not refused: other people never see the order buyer's data`, async () => {
      expect(authzOf(path)).toBe('user');
      for (const who of ['buyer', 'otherSeller', 'owner'] as const) {
        const out = await callProcedure(app, path, 'query', s.input, identities[who]);
        expect({ who, status: out.status }).toEqual({ who, status: 200 });
        expect(out.text).not.toContain(s.secret(fixture));
      }
      const mine = await callProcedure(app, path, 'query', s.input, identities.orderBuyer);
      expect(mine.text).toContain(s.secret(fixture));
    });
  }
});
