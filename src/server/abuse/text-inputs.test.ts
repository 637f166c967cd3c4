// Hostile characters in every class of text field (names, titles, tags, reviews, notes, addresses,
// search), sent over HTTP as any client would: NUL, a lone surrogate and control characters answer
// 400 naming the field and change no row (no order, no payment authorisation), never a 500.
// Good text survives: tab and newline where text is multi-line, and NFC normalisation.
import { describe, expect, test } from 'bun:test';
import { createApp } from '../app';
import { address, quoteAndPlace } from '../modules/checkout/checkout-test-kit';
import { createProduct, createSeller, createUser, productInput, unique } from '../test/factories';
import { testDeps } from '../test/test-services';
import { callProcedure, type HttpOutcome, type Identity, sessionCookie } from './http-client';
import { diffCounts, rowCounts } from './row-counts';

const BAD = {
  nul: 'Mug\u0000mug',
  loneSurrogate: 'Mug\ud800mug',
  escape: 'Mug\u001b[31mmug',
  del: 'Mug\u007fmug',
  c1: 'Mug\u0085mug',
};
const SINGLE_LINE_ONLY = { newline: 'Mug\nmug', tab: 'Mug\tmug' };

function fieldErrorsOf(out: HttpOutcome): Record<string, string[]> {
  const data = (out.body as { error?: { data?: { fieldErrors?: Record<string, string[]> } } } | null)?.error?.data;
  return data?.fieldErrors ?? {};
}

describe('text fields refuse NUL, lone surrogates and control characters', () => {
  test('every field class answers 400 naming the field and changes nothing', async () => {
    const deps = testDeps();
    const app = createApp(deps);
    const seller = await createSeller(deps);
    const product = await createProduct(seller, { quantity: 5 });
    const buyer = await createUser(deps);
    const newcomer = await createUser(deps);
    const asSeller: Identity = { cookie: sessionCookie(seller.sessionId) };
    const asBuyer: Identity = { cookie: sessionCookie(buyer.sessionId) };
    await buyer.caller.cart.addItem({ productId: product.id, quantity: 1 });
    const placed = await quoteAndPlace(buyer);
    const orderId = placed.orders[0].orderId;
    await buyer.caller.cart.addItem({ productId: product.id, quantity: 1 });
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId, text: 'Is it blue?' });
    const cartItemId = (await buyer.caller.cart.get()).shops[0]!.items[0]!.cartItemId;

    type Case = {
      path: string;
      type: 'query' | 'mutation';
      who: Identity;
      field: string;
      multiline?: boolean;
      input: (v: string) => unknown;
    };
    const cases: Case[] = [
      {
        path: 'auth.register',
        type: 'mutation',
        who: {},
        field: 'name',
        input: (name) => ({ email: `${unique('t')}@example.test`, password: 'long enough pass', name }),
      },
      {
        path: 'shops.create',
        type: 'mutation',
        who: { cookie: sessionCookie(newcomer.sessionId) },
        field: 'name',
        input: (name) => ({ name, shippingPolicy: { flatRateCents: 0, freeOverCents: null, processingDays: 1 } }),
      },
      {
        path: 'catalog.createProduct',
        type: 'mutation',
        who: asSeller,
        field: 'title',
        input: (title) => productInput(seller.shopId, { title }),
      },
      {
        path: 'catalog.createProduct',
        type: 'mutation',
        who: asSeller,
        field: 'tags.0',
        input: (tag) => productInput(seller.shopId, { tags: [tag] }),
      },
      {
        path: 'catalog.createProduct',
        type: 'mutation',
        who: asSeller,
        field: 'description',
        multiline: true,
        input: (description) => productInput(seller.shopId, { description }),
      },
      {
        path: 'reviews.create',
        type: 'mutation',
        who: asBuyer,
        field: 'text',
        multiline: true,
        input: (text) => ({ orderId, productId: product.id, rating: 5, text }),
      },
      {
        path: 'orders.updateStatus',
        type: 'mutation',
        who: asSeller,
        field: 'note',
        multiline: true,
        input: (note) => ({ orderId, status: 'processing', note }),
      },
      {
        path: 'checkout.place',
        type: 'mutation',
        who: asBuyer,
        field: 'shippingAddress.name',
        input: (name) => ({
          idempotencyKey: crypto.randomUUID(),
          shippingAddress: address({ name }),
          quote: { version: '0'.repeat(64), totalCents: 0 },
          payment: { token: 'tok_visa' },
        }),
      },
      {
        path: 'checkout.place',
        type: 'mutation',
        who: asBuyer,
        field: 'shippingAddress.city',
        input: (city) => ({
          idempotencyKey: crypto.randomUUID(),
          shippingAddress: address({ city }),
          quote: { version: '0'.repeat(64), totalCents: 0 },
          payment: { token: 'tok_visa' },
        }),
      },
      // The day's new text fields: messages, personalisation, sections, storefront, vacation,
      // variations, the address book and guest checkout's email.
      ...(
        [
          ['messages.start', asBuyer, 'text', true, (text: string) => ({ shopId: seller.shopId, text })],
          ['messages.send', asBuyer, 'text', true, (text: string) => ({ conversationId, text })],
          ['messages.startWithBuyer', asSeller, 'text', true, (text: string) => ({ orderId, text })],
          [
            'messages.report',
            asSeller,
            'details',
            true,
            (details: string) => ({ conversationId, reason: 'spam', details }),
          ],
          [
            'cart.addItem',
            asBuyer,
            'personalization',
            true,
            (personalization: string) => ({ productId: product.id, quantity: 1, personalization }),
          ],
          [
            'cart.updatePersonalization',
            asBuyer,
            'personalization',
            true,
            (personalization: string) => ({ cartItemId, personalization }),
          ],
          ['shops.createSection', asSeller, 'name', false, (name: string) => ({ shopId: seller.shopId, name })],
          [
            'shops.updateStorefront',
            asSeller,
            'announcement',
            true,
            (announcement: string) => ({ shopId: seller.shopId, announcement }),
          ],
          [
            'shops.setVacation',
            asSeller,
            'message',
            true,
            (message: string) => ({ shopId: seller.shopId, on: true, message }),
          ],
          [
            'catalog.setVariations',
            asSeller,
            'properties.0.values.0',
            false,
            (v: string) => ({
              productId: product.id,
              properties: [{ name: 'Size', values: [v] }],
              combinations: [{ values: [v], priceCents: 100, quantity: 1 }],
            }),
          ],
          ['addresses.create', asBuyer, 'address.name', false, (name: string) => ({ address: address({ name }) })],
          [
            'checkout.placeAsGuest',
            {},
            'shippingAddress.name',
            false,
            (name: string) => ({
              email: `${unique('g')}@example.test`,
              idempotencyKey: crypto.randomUUID(),
              shippingAddress: address({ name }),
              quote: { version: '0'.repeat(64), totalCents: 0 },
              payment: { token: 'tok_visa' },
            }),
          ],
        ] as const
      ).map(([path, who, field, multiline, input]): Case => ({ path, type: 'mutation', who, field, multiline, input })),
      { path: 'search.products', type: 'query', who: {}, field: 'q', input: (q) => ({ q }) },
      { path: 'search.suggest', type: 'query', who: {}, field: 'q', input: (q) => ({ q }) },
    ];

    const problems: string[] = [];
    let before = await rowCounts(deps.db);
    for (const c of cases) {
      const values = c.multiline ? BAD : { ...BAD, ...SINGLE_LINE_ONLY };
      for (const [kind, value] of Object.entries(values)) {
        const out = await callProcedure(app, c.path, c.type, c.input(value), c.who);
        const label = `${c.path} ${c.field} ${kind}`;
        if (out.status !== 400) problems.push(`${label}: ${out.status} ${out.text.slice(0, 160)}`);
        else if (!fieldErrorsOf(out)[c.field]) problems.push(`${label}: field not named in ${out.text.slice(0, 200)}`);
        const after = await rowCounts(deps.db);
        const changed = diffCounts(before, after);
        if (changed.length) problems.push(`${label}: rows changed ${changed.join(', ')}`);
        before = after;
      }
    }
    expect(problems).toEqual([]);
    const order = await deps.db.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirst();
    expect(order?.status).toBe('paid');
  }, 60_000);

  test('multi-line text keeps tab and newline; text is stored in NFC', async () => {
    const deps = testDeps();
    const seller = await createSeller(deps);
    const decomposed = `Cafe\u0301 mug ${unique('n')}`;
    const created = await seller.caller.catalog.createProduct(
      productInput(seller.shopId, { title: decomposed, description: 'Line one\r\n\tindented line two' }),
    );
    const row = await deps.db
      .selectFrom('products')
      .select(['title', 'description'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.title).toBe(decomposed.normalize('NFC'));
    expect(row.title).not.toBe(decomposed);
    expect(row.description).toBe('Line one\n\tindented line two');
  });
});
