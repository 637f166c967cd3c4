import { afterAll, describe, expect, test } from 'bun:test';
import { describeNotification } from '../../../shared/schemas/notifications';
import { createApp } from '../../app';
import { inTransaction } from '../../db/transaction';
import { rejection } from '../../test/expect-error';
import { anonymousCaller, createProduct, createSeller, createUser, type TestUser } from '../../test/factories';
import { deliverMail, drainMailBeforeAll, inbox } from '../../test/mail';
import { closeSecondInstances, secondInstanceDeps } from '../../test/second-instance';
import { testDeps } from '../../test/test-services';
import { appRouter } from '../../trpc/root';
import { createCallerFactory } from '../../trpc/trpc';
import { quoteAndPlace } from '../checkout/checkout-test-kit';
import { createOrderFixture } from '../reviews/test-orders';
import { insertNotification } from './notifications.repository';
import { unsubscribeToken } from './unsubscribe-token';

drainMailBeforeAll();
afterAll(closeSecondInstances);

async function sellerWithOrder() {
  const seller = await createSeller();
  const product = await createProduct(seller, { title: 'Speckled mug', priceCents: 2800, quantity: 20 });
  const buyer = await createUser(testDeps(), 'Ada Buyer');
  await buyer.caller.cart.addItem({ productId: product.id, quantity: 2 });
  const placed = await quoteAndPlace(buyer);
  return { seller, buyer, product, orderId: placed.orders[0]!.orderId };
}

async function plant(user: TestUser, n: number) {
  await inTransaction(testDeps().db, async (tx) => {
    for (let i = 0; i < n; i++) await insertNotification(tx, user.id, 'order.placed', { orderId: i + 1, itemCount: 1 });
  });
}

describe('notifications: what causes them', () => {
  test('a new order tells the seller (not the buyer); shipping tells the buyer; both count as unread', async () => {
    const { seller, buyer, orderId } = await sellerWithOrder();
    const mine = await seller.caller.notifications.list();
    expect(mine.items.map((n) => [n.kind, n.payload.orderId, n.payload.buyerName, n.read])).toEqual([
      ['order.placed', orderId, 'Ada Buyer', false],
    ]);
    expect(await seller.caller.notifications.unreadCount()).toEqual({ count: 1 });
    expect(await buyer.caller.notifications.unreadCount()).toEqual({ count: 0 });

    await seller.caller.orders.updateStatus({ orderId, status: 'processing' });
    await seller.caller.orders.updateStatus({
      orderId,
      status: 'shipped',
      carrier: 'usps',
      trackingNumber: '9400100000000000000000',
    });
    const theirs = await buyer.caller.notifications.list();
    expect(theirs.items.map((n) => n.kind)).toEqual(['order.shipped', 'order.processing']);
    // The bell names the shop the news comes from.
    expect(theirs.items.map((n) => describeNotification(n).text)).toEqual([
      `Your order #${orderId} from ${seller.shop.name} has shipped`,
      `Your order #${orderId} from ${seller.shop.name} is being prepared`,
    ]);
    expect(await buyer.caller.notifications.unreadCount()).toEqual({ count: 2 });
  });

  test('a refused status change writes no notification (same transaction as its cause)', async () => {
    const { seller, buyer, orderId } = await sellerWithOrder();
    await rejection(seller.caller.orders.updateStatus({ orderId, status: 'delivered' }));
    expect(await buyer.caller.notifications.unreadCount()).toEqual({ count: 0 });
  });

  test("a review tells the shop's owner, by email only once they asked for it", async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { title: 'Wool scarf' });
    const buyer = await createUser(testDeps(), 'Grace Reviewer');
    const [order] = await createOrderFixture(testDeps(), buyer.id, [{ productId: product.id }], {
      status: 'delivered',
    });
    await buyer.caller.reviews.create({ orderId: order!.orderId, productId: product.id, rating: 4, text: 'Warm.' });
    const [note] = (await seller.caller.notifications.list()).items;
    expect(note).toMatchObject({ kind: 'review.created', read: false });
    expect(note!.payload).toMatchObject({
      productId: product.id,
      productTitle: 'Wool scarf',
      reviewerName: 'Grace Reviewer',
      rating: 4,
    });
    await deliverMail();
    expect(inbox(seller.email).filter((m) => m.subject.includes('review'))).toHaveLength(0);

    // Turned on: the next review mails, with a one-click unsubscribe for reviews.
    await seller.caller.notifications.setEmailPreference({ event: 'review.created', email: true });
    const other = await createProduct(seller, { title: 'Linen apron' });
    const [second] = await createOrderFixture(testDeps(), buyer.id, [{ productId: other.id }], { status: 'delivered' });
    await buyer.caller.reviews.create({ orderId: second!.orderId, productId: other.id, rating: 5, text: 'Lovely.' });
    await deliverMail();
    const [mail] = inbox(seller.email).filter((m) => m.subject.includes('review'));
    expect(mail?.subject).toBe('New 5 stars review of Linen apron');
    expect(mail!.headers['list-unsubscribe']).toContain(
      `token=${encodeURIComponent(unsubscribeToken(testDeps(), seller.id, 'review.created'))}`,
    );
    expect(mail!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
  });
});

describe('notifications: list and marking read', () => {
  test('pages newest first, 20 at a time', async () => {
    const user = await createUser();
    await plant(user, 25);
    const first = await user.caller.notifications.list();
    expect(first.items).toHaveLength(20);
    const ids = first.items.map((n) => n.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const second = await user.caller.notifications.list({ cursor: first.nextCursor! });
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    expect(Math.max(...second.items.map((n) => n.id))).toBeLessThan(Math.min(...ids));
  });

  test("markRead changes only the caller's own: another user's ids change nothing and reveal nothing", async () => {
    const [alice, mallory] = [await createUser(), await createUser()];
    await plant(alice, 3);
    await plant(mallory, 1);
    const aliceIds = (await alice.caller.notifications.list()).items.map((n) => n.id);
    const out = await mallory.caller.notifications.markRead({ ids: aliceIds });
    expect(out).toEqual({ changed: 0, unread: 1 });
    expect(await alice.caller.notifications.unreadCount()).toEqual({ count: 3 });
    // Mixed with their own: only their own is read.
    const own = (await mallory.caller.notifications.list()).items[0]!.id;
    expect(await mallory.caller.notifications.markRead({ ids: [...aliceIds, own] })).toEqual({ changed: 1, unread: 0 });
    expect(await alice.caller.notifications.unreadCount()).toEqual({ count: 3 });
    // Alice reads one; again is a no-op.
    expect(await alice.caller.notifications.markRead({ ids: [aliceIds[0]!, aliceIds[0]!] })).toEqual({
      changed: 1,
      unread: 2,
    });
    expect(await alice.caller.notifications.markRead({ ids: [aliceIds[0]!] })).toEqual({ changed: 0, unread: 2 });
  });

  test('bad input is a clear 400 and changes nothing: empty, too many, not ids, NUL bytes', async () => {
    const user = await createUser();
    await plant(user, 1);
    for (const ids of [[], Array.from({ length: 101 }, (_, i) => i + 1), [0], [-1], [1.5], [2 ** 31]]) {
      const err = await rejection(user.caller.notifications.markRead({ ids }));
      expect(err.code).toBe('BAD_REQUEST');
    }
    const app = createApp(testDeps());
    for (const body of ['{"ids":["1\\u0000"]}', '{"ids":[1],"x":"\\u0000"}', '{"ids":"\\u0000"}']) {
      const res = await app.request('http://localhost/trpc/notifications.markRead', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `hearth_session=${user.sessionId}` },
        body,
      });
      expect(res.status).toBeLessThan(500);
    }
    const nul = await rejection(
      anonymousCaller().caller.notifications.unsubscribe({ token: `1.order.placed.${'a'.repeat(42)}\u0000` }),
    );
    expect(nul.code).toBe('BAD_REQUEST');
    expect(await user.caller.notifications.unreadCount()).toEqual({ count: 1 });
  });

  test('200 parallel markAllRead: every call answers, nothing is left unread, no errors', async () => {
    const user = await createUser();
    await plant(user, 60);
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () => user.caller.notifications.markAllRead()),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const changed = results.map((r) => (r.status === 'fulfilled' ? r.value.changed : 0)).reduce((a, b) => a + b, 0);
    expect(changed).toBe(60);
    expect(await user.caller.notifications.unreadCount()).toEqual({ count: 0 });
  });

  test('anonymous callers are refused', async () => {
    expect((await rejection(anonymousCaller().caller.notifications.unreadCount())).code).toBe('UNAUTHORIZED');
    expect((await rejection(anonymousCaller().caller.notifications.markAllRead())).code).toBe('UNAUTHORIZED');
  });
});

describe('notifications: live', () => {
  test('a new order reaches the seller live, through Redis, on another instance; marking read there too', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { quantity: 5 });
    const buyer = await createUser();
    const otherInstance = secondInstanceDeps();
    const abort = new AbortController();
    const caller = createCallerFactory(appRouter)({ ...seller.ctx, deps: otherInstance }, { signal: abort.signal });
    const it = (await caller.notifications.watch())[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual({ kind: 'unread', count: 0 });
    const next = it.next();
    await buyer.caller.cart.addItem({ productId: product.id, quantity: 1 });
    await quoteAndPlace(buyer);
    expect((await next).value).toEqual({ kind: 'unread', count: 1 });
    // Read in another tab (this instance): the stream on the other instance hears it.
    const read = it.next();
    await seller.caller.notifications.markAllRead();
    expect((await read).value).toEqual({ kind: 'unread', count: 0 });
    // The same stream carries messaging events (the header's one stream per tab).
    const message = it.next();
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId, text: 'Hello?' });
    expect((await message).value).toEqual({ kind: 'message', conversationId });
    abort.abort();
    await it.return?.();
  });
});

describe('notifications: email choices and one-click unsubscribe', () => {
  test('defaults keep what was mailed before; a choice is stored per user', async () => {
    const [a, b] = [await createUser(), await createUser()];
    const byEvent = (prefs: { event: string; email: boolean }[]) =>
      Object.fromEntries(prefs.map((p) => [p.event, p.email]));
    expect(byEvent(await a.caller.notifications.emailPreferences())).toEqual({
      'order.placed': true,
      'review.created': false,
      'order.shipped': true,
      'order.delivered': true,
      'message.unread': true,
    });
    await a.caller.notifications.setEmailPreference({ event: 'order.shipped', email: false });
    expect(byEvent(await a.caller.notifications.emailPreferences())['order.shipped']).toBe(false);
    expect(byEvent(await b.caller.notifications.emailPreferences())['order.shipped']).toBe(true);
    const err = await rejection(
      a.caller.notifications.setEmailPreference({ event: 'account.reset' as never, email: false }),
    );
    expect(err.code).toBe('BAD_REQUEST');
  });

  test('shipping mail: has List-Unsubscribe; the one-click POST turns it off; the next one is not sent; receipts stay', async () => {
    const { seller, buyer, orderId } = await sellerWithOrder();
    await deliverMail();
    const [receipt] = inbox(buyer.email);
    expect(receipt!.headers['list-unsubscribe']).toBeUndefined();
    await seller.caller.orders.updateStatus({ orderId, status: 'processing' });
    await seller.caller.orders.updateStatus({
      orderId,
      status: 'shipped',
      carrier: 'usps',
      trackingNumber: '9400100000000000000001',
    });
    await deliverMail();
    const shipped = inbox(buyer.email).find((m) => m.subject.includes('is on its way'))!;
    const header = shipped.headers['list-unsubscribe']!;
    const url = /^<(.+)>$/.exec(header)![1]!;
    expect(url).toStartWith(`${testDeps().config.appUrl}/unsubscribe?token=`);
    expect(shipped.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(shipped.html).toContain('Unsubscribe from these emails');

    const app = createApp(testDeps());
    const path = url.slice(testDeps().config.appUrl.length);
    // A mail provider's POST: form-encoded, from no page of ours.
    const post = () =>
      app.request(`http://localhost${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200); // reused: still off, nothing else changes
    const prefs = await buyer.caller.notifications.emailPreferences();
    expect(
      prefs
        .filter((p) => !p.email)
        .map((p) => p.event)
        .sort(),
    ).toEqual(['order.shipped', 'review.created']);

    await seller.caller.orders.updateStatus({ orderId, status: 'delivered' });
    await deliverMail();
    // Delivered is still on; the buyer hears of it in the app either way.
    expect(inbox(buyer.email).filter((m) => m.subject.includes('was delivered'))).toHaveLength(1);
    expect((await buyer.caller.notifications.list()).items[0]!.kind).toBe('order.delivered');
  });

  test('a mail already queued is not sent once its event is turned off', async () => {
    const { seller, buyer, orderId } = await sellerWithOrder();
    await deliverMail();
    await seller.caller.orders.updateStatus({ orderId, status: 'processing' });
    await seller.caller.orders.updateStatus({
      orderId,
      status: 'shipped',
      carrier: 'usps',
      trackingNumber: '9400100000000000000002',
    });
    await buyer.caller.notifications.setEmailPreference({ event: 'order.shipped', email: false });
    await deliverMail();
    expect(inbox(buyer.email).filter((m) => m.subject.includes('is on its way'))).toHaveLength(0);
    const outboxRow = () =>
      testDeps()
        .db.selectFrom('email_outbox')
        .select(['status', 'last_error', 'attempts'])
        .where('dedupe_key', '=', `order-status:${orderId}:shipped`)
        .executeTakeFirstOrThrow();
    const row = await outboxRow();
    // Skipped, not failed: nothing is wrong, and it is never picked up again, even once the buyer
    // turns the event back on (the news is old by then).
    expect(row).toEqual({
      status: 'skipped',
      last_error: `${buyer.email} turned off “My order has shipped” (order.shipped)`,
      attempts: 1,
    });
    await buyer.caller.notifications.setEmailPreference({ event: 'order.shipped', email: true });
    await deliverMail();
    expect(inbox(buyer.email).filter((m) => m.subject.includes('is on its way'))).toHaveLength(0);
    expect(await outboxRow()).toEqual(row);
    // The development inbox lists it under "Not sent" as skipped, with why.
    const devMail = await (await createApp(testDeps()).request('/dev/mail')).text();
    const listed = devMail
      .split('data-testid="unsent-mail"')
      .find((li) => li.includes(`order-status:${orderId}:shipped<`));
    expect(listed).toContain('>Skipped</span>');
    expect(listed).toContain(`Skipped: ${buyer.email} turned off “My order has shipped” (order.shipped)<`);
  });

  test('forged, altered and other-user tokens are refused and change nothing', async () => {
    const [alice, mallory] = [await createUser(), await createUser()];
    const deps = testDeps();
    const good = unsubscribeToken(deps, mallory.id, 'order.shipped');
    const sig = good.split('.').at(-1)!;
    const forged = [
      `${alice.id}.order.shipped.${sig}`, // Mallory's signature on Alice's id
      `${mallory.id}.order.placed.${sig}`, // another event
      `${alice.id}.order.shipped.${'A'.repeat(43)}`,
      `${alice.id}.account.reset.${sig}`,
      'not-a-token',
    ];
    const app = createApp(deps);
    for (const token of forged) {
      const err = await rejection(anonymousCaller().caller.notifications.unsubscribe({ token }));
      expect(err.code).toBe('BAD_REQUEST');
      const res = await app.request(`http://localhost/unsubscribe?token=${encodeURIComponent(token)}`, {
        method: 'POST',
      });
      expect(res.status).toBe(400);
    }
    expect(
      (await alice.caller.notifications.emailPreferences()).every((p) => p.event === 'review.created' || p.email),
    ).toBe(true);
    // Mallory's own token works for Mallory only.
    expect(await anonymousCaller().caller.notifications.unsubscribe({ token: good })).toEqual({
      event: 'order.shipped',
      label: 'My order has shipped',
    });
    expect((await alice.caller.notifications.emailPreferences()).find((p) => p.event === 'order.shipped')?.email).toBe(
      true,
    );
  });
});
