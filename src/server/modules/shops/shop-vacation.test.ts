import { beforeAll, describe, expect, test } from 'bun:test';
import { latestVacationReturn } from '../../../shared/schemas/shops';
import { domainOf, rejection } from '../../test/expect-error';
import { anonymousCaller, createProduct, createSeller, createUser, TEST_PASSWORD } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { waitUntil } from '../../test/wait-until';
import { CART_CHANGE_SQL } from '../inventory/inventory.repository';
import { ensureSearchIndex } from '../search/search-index';
import { depsWithUnreachableMeili, ids, search, syncSearch } from '../search/search-test-fixtures';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function stock(productId: number) {
  return testDeps()
    .db.selectFrom('products')
    .select(['quantity', 'reserved'])
    .where('id', '=', productId)
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  await ensureSearchIndex(testDeps());
});

describe('vacation mode', () => {
  test('while on: holds are released, add-to-cart is refused with the return date; off restores selling', async () => {
    const seller = await createSeller();
    const vase = await createProduct(seller, { quantity: 3 });
    const [ada, bob] = [await createUser(), await createUser()];
    await ada.caller.cart.addItem({ productId: vase.id, quantity: 2 });
    await bob.caller.cart.addItem({ productId: vase.id, quantity: 1 });
    expect((await stock(vase.id)).reserved).toBe(3);

    const returnsOn = inDays(10);
    const shop = await seller.caller.shops.setVacation({
      shopId: seller.shopId,
      on: true,
      message: 'At the winter craft fair!',
      returnsOn,
    });
    expect(shop.vacation).toMatchObject({ message: 'At the winter craft fair!', returnsOn });
    // Every hold is released; the lines stay in the carts, not buyable, with the shop's vacation.
    expect((await stock(vase.id)).reserved).toBe(0);
    const cart = await ada.caller.cart.get();
    expect(cart.shops[0]).toMatchObject({ vacation: { returnsOn }, subtotalCents: 0, shippingCents: 0 });
    expect(cart.shops[0]!.items[0]).toMatchObject({ quantity: 2, listingActive: false, reservedUntil: null });
    expect(cart.itemTotalCents).toBe(0);

    const carol = await createUser();
    const refused = await rejection(carol.caller.cart.addItem({ productId: vase.id, quantity: 1 }));
    expect(refused.code).toBe('PRECONDITION_FAILED');
    expect(domainOf(refused)).toEqual({
      code: 'SHOP_ON_VACATION',
      details: { shopName: seller.shop.name, returnsOn, message: 'At the winter craft fair!' },
    });
    expect(refused.message).toContain('is on vacation until');
    expect((await carol.caller.cart.get()).itemCount).toBe(0);
    expect((await stock(vase.id)).reserved).toBe(0);
    // Growing an existing line is refused too.
    expect((await rejection(ada.caller.cart.updateQuantity({ productId: vase.id, quantity: 3 }))).code).toBe(
      'PRECONDITION_FAILED',
    );
    // The listing stays visible.
    expect((await carol.caller.catalog.product({ productId: vase.id })).title).toBe(vase.title);

    const back = await seller.caller.shops.setVacation({ shopId: seller.shopId, on: false });
    expect(back.vacation).toBeNull();
    await carol.caller.cart.addItem({ productId: vase.id, quantity: 1 });
    expect((await stock(vase.id)).reserved).toBe(1);
  });

  test('a shop going on vacation while shoppers add to cart keeps no hold (real race)', async () => {
    const seller = await createSeller();
    const bowl = await createProduct(seller, { quantity: 50 });
    const buyers = await Promise.all(Array.from({ length: 12 }, () => createUser()));
    await Promise.allSettled([
      ...buyers.map((b) => b.caller.cart.addItem({ productId: bowl.id, quantity: 1 })),
      seller.caller.shops.setVacation({ shopId: seller.shopId, on: true, message: 'Closed for a week' }),
    ]);
    expect((await stock(bowl.id)).reserved).toBe(0);
    const held = await testDeps()
      .db.selectFrom('cart_items')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('held'), eb.lit(0)).as('n'))
      .where('product_id', '=', bowl.id)
      .executeTakeFirstOrThrow();
    expect(Number(held.n)).toBe(0);
  });

  test('a hold still in flight when the shop goes on vacation is released once it commits', async () => {
    // A hold answers with its cart read before it commits (decision 0170): this one read the shop
    // as open. Going on vacation must wait for it, then release it; not answer first and leave it.
    const seller = await createSeller();
    const bowl = await createProduct(seller, { quantity: 5 });
    const buyer = await createUser();
    const inFlight = await testDeps().pool.connect();
    let going: Promise<unknown> | null = null;
    try {
      await inFlight.query('begin');
      const held = await inFlight.query(CART_CHANGE_SQL.hold, [
        buyer.id,
        null,
        bowl.id,
        null,
        '',
        2,
        true,
        null,
        99,
        30,
        120,
        100,
      ]);
      expect(held.rows.map((r) => [r.hold.outcome, r.held, r.vacation_since])).toEqual([['ok', 2, null]]);
      let answered = false;
      going = seller.caller.shops.setVacation({ shopId: seller.shopId, on: true, message: 'Away' }).finally(() => {
        answered = true;
      });
      // Either the vacation waits on the hold's lock (as it must), or it answers without waiting.
      await waitUntil(
        async () =>
          answered ||
          (
            await testDeps().pool.query(
              `select 1 from pg_locks l join pg_locks mine on mine.locktype = l.locktype
               and mine.database is not distinct from l.database and mine.relation is not distinct from l.relation
               and mine.page is not distinct from l.page and mine.tuple is not distinct from l.tuple
               and mine.transactionid is not distinct from l.transactionid
             where not l.granted and mine.granted and mine.pid = $1`,
              [(await inFlight.query('select pg_backend_pid() as pid')).rows[0].pid],
            )
          ).rowCount! > 0,
        { what: 'the vacation to wait for the hold in flight, or answer' },
      );
      await inFlight.query('commit');
    } finally {
      // Destroyed, not returned to the pool: if anything above failed, its transaction (and the
      // locks the vacation waits on) ends with the connection.
      inFlight.release(true);
    }
    await going;
    expect((await stock(bowl.id)).reserved).toBe(0);
    const lines = await testDeps()
      .db.selectFrom('cart_items')
      .select(['quantity', 'held'])
      .where('product_id', '=', bowl.id)
      .execute();
    expect(lines).toEqual([{ quantity: 2, held: 0 }]);
  });

  test('a guest cart joining the account cart at sign-in holds nothing of a shop on vacation', async () => {
    const seller = await createSeller();
    const bowl = await createProduct(seller, { quantity: 5 });
    const jug = await createProduct(seller, { quantity: 5 });
    const account = await createUser();
    await account.caller.cart.addItem({ productId: jug.id, quantity: 1 });
    const { caller: guest } = anonymousCaller();
    await guest.cart.addItem({ productId: bowl.id, quantity: 2 });
    await guest.cart.addItem({ productId: jug.id, quantity: 3 });
    await seller.caller.shops.setVacation({ shopId: seller.shopId, on: true, message: 'Away' });
    expect((await stock(bowl.id)).reserved).toBe(0);

    await guest.auth.login({ email: account.email, password: TEST_PASSWORD });
    const cart = await guest.cart.get();
    // The lines join the account cart, unheld; the shop's stock stays free.
    expect(
      cart.shops.flatMap((s) => s.items.map((i) => [i.productId, i.quantity, i.held])).sort((x, y) => x[0]! - y[0]!),
    ).toEqual(
      [
        [bowl.id, 2, 0],
        [jug.id, 3, 0],
      ].sort((x, y) => x[0]! - y[0]!),
    );
    expect((await stock(bowl.id)).reserved).toBe(0);
    expect((await stock(jug.id)).reserved).toBe(0);
  });

  test('bad input: a past return date, no message, a fake date, another seller’s shop: clear errors, nothing written', async () => {
    const seller = await createSeller();
    const other = await createSeller();
    const cases: [string, () => Promise<unknown>, Awaited<ReturnType<typeof rejection>>['code'], string][] = [
      [
        'past date',
        () =>
          seller.caller.shops.setVacation({ shopId: seller.shopId, on: true, message: 'Away', returnsOn: inDays(-3) }),
        'BAD_REQUEST',
        'in the past',
      ],
      [
        'no message',
        () => seller.caller.shops.setVacation({ shopId: seller.shopId, on: true, message: '  ' }),
        'BAD_REQUEST',
        'Write a short message',
      ],
      [
        'not a date',
        () =>
          seller.caller.shops.setVacation({
            shopId: seller.shopId,
            on: true,
            message: 'Away',
            returnsOn: '2027-02-30',
          }),
        'BAD_REQUEST',
        'That date does not exist.',
      ],
      [
        'more than a year ahead',
        () =>
          seller.caller.shops.setVacation({ shopId: seller.shopId, on: true, message: 'Away', returnsOn: inDays(370) }),
        'BAD_REQUEST',
        'Pick a return date within the next year.',
      ],
      [
        'a 6-digit year, as a date picker can send',
        () =>
          seller.caller.shops.setVacation({
            shopId: seller.shopId,
            on: true,
            message: 'Away',
            returnsOn: '202777-01-02',
          }),
        'BAD_REQUEST',
        'Pick a return date within the next year.',
      ],
      [
        'another seller’s shop',
        () => other.caller.shops.setVacation({ shopId: seller.shopId, on: true, message: 'Hijacked' }),
        'FORBIDDEN',
        'your own shop',
      ],
    ];
    for (const [what, call, code, message] of cases) {
      const err = await rejection(call());
      expect({ what, code: err.code, message: err.message.includes(message) }).toEqual({ what, code, message: true });
    }
    const row = await testDeps()
      .db.selectFrom('shops')
      .select(['vacation_since', 'vacation_message'])
      .where('id', '=', seller.shopId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ vacation_since: null, vacation_message: '' });
    // Today is fine, whatever the seller's time zone.
    const today = await seller.caller.shops.setVacation({
      shopId: seller.shopId,
      on: true,
      message: 'Back tonight',
      returnsOn: inDays(0),
    });
    expect(today.vacation?.returnsOn).toBe(inDays(0));
    // A year ahead is the last day the calendar offers, and it is accepted.
    const yearAhead = latestVacationReturn(inDays(0));
    const later = await seller.caller.shops.setVacation({
      shopId: seller.shopId,
      on: true,
      message: 'Back next year',
      returnsOn: yearAhead,
    });
    expect(later.vacation?.returnsOn).toBe(yearAhead);
  });

  test('search leaves a shop on vacation out by default (both engines) and brings it back when it returns', async () => {
    const seller = await createSeller();
    const word = `vacaword${Date.now().toString(36)}`;
    const lamp = await createProduct(seller, { title: `Brass ${word} lamp` });
    await syncSearch();
    expect(ids((await search({ q: word })).hits)).toEqual([lamp.id]);

    await seller.caller.shops.setVacation({ shopId: seller.shopId, on: true, message: 'Away' });
    await syncSearch();
    expect(ids((await search({ q: word })).hits)).toEqual([]);
    expect(ids((await search({ q: word, includeOnVacation: true })).hits)).toEqual([lamp.id]);
    const fallback = await depsWithUnreachableMeili();
    const pg = await search({ q: word }, fallback);
    expect(pg.engine).toBe('postgres');
    expect(ids(pg.hits)).toEqual([]);
    expect(ids((await search({ q: word, includeOnVacation: true }, fallback)).hits)).toEqual([lamp.id]);

    await seller.caller.shops.setVacation({ shopId: seller.shopId, on: false });
    await syncSearch();
    expect(ids((await search({ q: word })).hits)).toEqual([lamp.id]);
  }, 30_000);

  test('a new conversation with a shop on vacation gets the vacation message as an automatic reply', async () => {
    const seller = await createSeller();
    const buyer = await createUser();
    await seller.caller.shops.setVacation({
      shopId: seller.shopId,
      on: true,
      message: 'Closed for the holidays.',
      returnsOn: inDays(30),
    });
    // Within the next year, as a return date must be.
    const back = new Date(`${inDays(30)}T12:00:00Z`).toLocaleDateString('en-US', {
      month: 'long',
      day: 'numeric',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId, text: 'Open?' });
    const t = await buyer.caller.messages.thread({ conversationId });
    expect(t.messages.map((m) => [m.body, m.mine, m.autoReply])).toEqual([
      ['Open?', true, false],
      [`Closed for the holidays. We are back on ${back}.`, false, true],
    ]);
    // Only new conversations: a follow-up gets no second automatic reply.
    await buyer.caller.messages.send({ conversationId, text: 'Thanks' });
    await buyer.caller.messages.start({ shopId: seller.shopId, text: 'One more' });
    expect((await buyer.caller.messages.thread({ conversationId })).messages.filter((m) => m.autoReply)).toHaveLength(
      1,
    );
  });
});
