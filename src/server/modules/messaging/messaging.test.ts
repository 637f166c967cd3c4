import { afterAll, describe, expect, test } from 'bun:test';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MESSAGE_TEXT_MAX } from '../../../shared/schemas/messaging';
import { domainOf, rejection } from '../../test/expect-error';
import { anonymousCaller, createProduct, createSeller, createUser } from '../../test/factories';
import { deliverMail, drainMailBeforeAll, inbox, linkIn } from '../../test/mail';
import { closeSecondInstances, secondInstanceDeps } from '../../test/second-instance';
import { testDeps } from '../../test/test-services';
import { appRouter } from '../../trpc/root';
import { createCallerFactory } from '../../trpc/trpc';
import { createOrderFixture } from '../reviews/test-orders';
import { uploadsDir } from '../uploads/uploads.service';
import { queueMessageNudges } from './message-nudge';

afterAll(closeSecondInstances);

async function counts(userIds: number[]) {
  const db = testDeps().db;
  const conversations = await db
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('buyer_id', 'in', userIds)
    .executeTakeFirstOrThrow();
  const messages = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('sender_id', 'in', userIds)
    .executeTakeFirstOrThrow();
  return { conversations: Number(conversations.n), messages: Number(messages.n) };
}

async function shopWithListing() {
  const seller = await createSeller();
  const product = await createProduct(seller);
  return { seller, product };
}

// Checkouts in earlier files queue order mails: send them first, outside this file's tests.
drainMailBeforeAll();

describe('messages: conversations between a buyer and a shop', () => {
  test('a buyer asks about a listing; the shop sees it unread with the listing, reads it and answers', async () => {
    const { seller, product } = await shopWithListing();
    const buyer = await createUser(testDeps(), 'Ada Lovelace');
    const started = await buyer.caller.messages.start({
      shopId: seller.shopId,
      productId: product.id,
      text: '  Does this come in blue?  ',
    });
    expect(started.created).toBe(true);

    const inbox = await seller.caller.messages.shopInbox({ shopId: seller.shopId });
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({
      id: started.conversationId,
      counterpart: { name: 'Ada Lovelace' },
      product: { id: product.id, title: product.title },
      lastMessage: { preview: 'Does this come in blue?', mine: false },
      unread: 1,
    });
    expect(await seller.caller.messages.unreadCount()).toEqual({ total: 1, asBuyer: 0, asSeller: 1 });
    expect((await buyer.caller.messages.unreadCount()).total).toBe(0);

    const thread = await seller.caller.messages.thread({ conversationId: started.conversationId });
    expect(thread.conversation).toMatchObject({ role: 'seller', canSend: true, product: { id: product.id } });
    expect(thread.messages.map((m) => [m.body, m.mine])).toEqual([['Does this come in blue?', false]]);
    await seller.caller.messages.markRead({ conversationId: started.conversationId });
    expect((await seller.caller.messages.unreadCount()).total).toBe(0);

    await seller.caller.messages.send({ conversationId: started.conversationId, text: 'Yes, in indigo.' });
    const buyerInbox = await buyer.caller.messages.inbox();
    expect(buyerInbox.items[0]).toMatchObject({
      counterpart: { name: seller.shop.name },
      lastMessage: { preview: 'Yes, in indigo.', mine: false },
      unread: 1,
    });
    const buyerThread = await buyer.caller.messages.thread({ conversationId: started.conversationId });
    expect(buyerThread.messages.map((m) => [m.body, m.mine])).toEqual([
      ['Does this come in blue?', true],
      ['Yes, in indigo.', false],
    ]);

    // Asking again about the same listing continues the same conversation.
    const again = await buyer.caller.messages.start({ shopId: seller.shopId, productId: product.id, text: 'Great!' });
    expect(again).toEqual({ conversationId: started.conversationId, created: false });
    // A question from the shop page is a conversation of its own.
    const general = await buyer.caller.messages.start({ shopId: seller.shopId, text: 'Do you take commissions?' });
    expect(general.conversationId).not.toBe(started.conversationId);
    expect((await seller.caller.messages.shopInbox({ shopId: seller.shopId })).items.map((c) => c.id)).toEqual([
      general.conversationId,
      started.conversationId,
    ]);
  });

  test('a buyer asks about their order; the order is attached', async () => {
    const { seller, product } = await shopWithListing();
    const buyer = await createUser();
    const [order] = await createOrderFixture(testDeps(), buyer.id, [{ productId: product.id }], { status: 'shipped' });
    const { conversationId } = await buyer.caller.messages.start({
      shopId: seller.shopId,
      orderId: order!.orderId,
      text: 'Where is my parcel?',
    });
    const t = await seller.caller.messages.thread({ conversationId });
    expect(t.conversation.order).toMatchObject({ id: order!.orderId, status: 'shipped' });
    // Someone else's order cannot be attached (and its existence is not confirmed).
    const stranger = await createUser();
    const err = await rejection(
      stranger.caller.messages.start({ shopId: seller.shopId, orderId: order!.orderId, text: 'Mine?' }),
    );
    expect(err.code).toBe('NOT_FOUND');
    expect(await counts([stranger.id])).toEqual({ conversations: 0, messages: 0 });
  });

  test('bad input: yourself, unknown shops, foreign listings, empty or oversize text, foreign images: clear errors, nothing written', async () => {
    const { seller, product } = await shopWithListing();
    const other = await shopWithListing();
    const buyer = await createUser();
    const cases: [string, () => Promise<unknown>, Awaited<ReturnType<typeof rejection>>['code'], string][] = [
      [
        'own shop',
        () => seller.caller.messages.start({ shopId: seller.shopId, text: 'Hi me' }),
        'BAD_REQUEST',
        'your own shop',
      ],
      [
        'unknown shop',
        () => buyer.caller.messages.start({ shopId: 2_000_000_000, text: 'Hello?' }),
        'NOT_FOUND',
        'Shop not found',
      ],
      [
        'listing of another shop',
        () => buyer.caller.messages.start({ shopId: seller.shopId, productId: other.product.id, text: 'This?' }),
        'NOT_FOUND',
        'not in this shop',
      ],
      [
        'empty',
        () => buyer.caller.messages.start({ shopId: seller.shopId, text: '' }),
        'BAD_REQUEST',
        'Write a message',
      ],
      [
        'whitespace',
        () => buyer.caller.messages.start({ shopId: seller.shopId, text: ' \n\t ' }),
        'BAD_REQUEST',
        'Write a message',
      ],
      [
        'oversize',
        () => buyer.caller.messages.start({ shopId: seller.shopId, text: 'x'.repeat(MESSAGE_TEXT_MAX + 1) }),
        'BAD_REQUEST',
        'Message must be 2,000 characters or fewer.',
      ],
      [
        'NUL byte',
        () => buyer.caller.messages.start({ shopId: seller.shopId, text: 'a\u0000b' }),
        'BAD_REQUEST',
        'control',
      ],
      [
        'image from elsewhere',
        () => buyer.caller.messages.start({ shopId: seller.shopId, text: 'see', imageUrl: 'https://evil.test/x.png' }),
        'BAD_REQUEST',
        'uploading',
      ],
      [
        'image never uploaded',
        () =>
          buyer.caller.messages.start({
            shopId: seller.shopId,
            text: 'see',
            imageUrl: `/uploads/${crypto.randomUUID()}.webp`,
          }),
        'BAD_REQUEST',
        'not uploaded here',
      ],
      [
        'listing and order at once',
        () => buyer.caller.messages.start({ shopId: seller.shopId, productId: product.id, orderId: 1, text: 'Both' }),
        'BAD_REQUEST',
        'one listing or one order',
      ],
    ];
    for (const [what, call, code, message] of cases) {
      const err = await rejection(call());
      expect({ what, code: err.code }).toEqual({ what, code });
      expect({ what, message: err.message }).toEqual({ what, message: expect.stringContaining(message) });
    }
    expect(await counts([buyer.id, seller.id])).toEqual({ conversations: 0, messages: 0 });

    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId, text: 'Fine' });
    const oversize = await rejection(
      seller.caller.messages.send({ conversationId, text: 'y'.repeat(MESSAGE_TEXT_MAX + 1) }),
    );
    expect(oversize.code).toBe('BAD_REQUEST');
    expect((await counts([buyer.id, seller.id])).messages).toBe(1);
    // Exactly the limit is fine.
    await seller.caller.messages.send({ conversationId, text: 'y'.repeat(MESSAGE_TEXT_MAX) });
  });

  test('a photo that came through the upload pipeline may be attached', async () => {
    const { seller } = await shopWithListing();
    const buyer = await createUser();
    const name = `${crypto.randomUUID()}.webp`;
    await mkdir(uploadsDir(testDeps()), { recursive: true });
    await Bun.write(join(uploadsDir(testDeps()), name), 'webp bytes');
    const { conversationId } = await buyer.caller.messages.start({
      shopId: seller.shopId,
      text: '',
      imageUrl: `/uploads/${name}`,
    });
    const t = await seller.caller.messages.thread({ conversationId });
    expect(t.messages[0]).toMatchObject({ body: '', imageUrl: `/uploads/${name}` });
    expect(t.conversation.lastMessage.preview).toBe('Photo');
  });

  test('only the two parties can read or write a conversation', async () => {
    const { seller } = await shopWithListing();
    const buyer = await createUser();
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId, text: 'Private' });
    const stranger = await createUser();
    const otherSeller = await createSeller();
    for (const intruder of [stranger, otherSeller]) {
      for (const call of [
        () => intruder.caller.messages.thread({ conversationId }),
        () => intruder.caller.messages.send({ conversationId, text: 'Let me in' }),
        () => intruder.caller.messages.markRead({ conversationId }),
        () => intruder.caller.messages.block({ conversationId }),
      ]) {
        expect((await rejection(call())).code).toBe('NOT_FOUND');
      }
    }
    const foreignInbox = await rejection(otherSeller.caller.messages.shopInbox({ shopId: seller.shopId }));
    expect(foreignInbox.code).toBe('FORBIDDEN');
    expect(
      (
        await anonymousCaller()
          .caller.messages.inbox()
          .catch((e) => e)
      ).code,
    ).toBe('UNAUTHORIZED');
    expect((await stranger.caller.messages.inbox()).items).toEqual([]);
    expect((await counts([stranger.id, otherSeller.id])).messages).toBe(0);
  });

  test('blocking: neither side can message the other until unblocked; nothing is written', async () => {
    const { seller, product } = await shopWithListing();
    const buyer = await createUser();
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId, text: 'Hi' });
    await seller.caller.messages.block({ conversationId });

    const send = await rejection(buyer.caller.messages.send({ conversationId, text: 'Hello??' }));
    expect(send.code).toBe('FORBIDDEN');
    expect(send.message).toContain('not accepting messages');
    const fresh = await rejection(
      buyer.caller.messages.start({ shopId: seller.shopId, productId: product.id, text: 'New topic' }),
    );
    expect(fresh.code).toBe('FORBIDDEN');
    const own = await rejection(seller.caller.messages.send({ conversationId, text: 'Oops' }));
    expect(own.message).toContain('You blocked');
    expect(await counts([buyer.id, seller.id])).toEqual({ conversations: 1, messages: 1 });
    expect((await buyer.caller.messages.thread({ conversationId })).conversation.canSend).toBe(false);
    expect((await seller.caller.messages.thread({ conversationId })).conversation.blockedByMe).toBe(true);

    await seller.caller.messages.unblock({ conversationId });
    await buyer.caller.messages.send({ conversationId, text: 'Hello again' });
    expect((await counts([buyer.id])).messages).toBe(2);
  });

  test("inboxes mark the conversations whose other party the caller blocked, on the blocker's side only", async () => {
    const { seller, product } = await shopWithListing();
    const other = await createSeller();
    const buyer = await createUser();
    const general = await buyer.caller.messages.start({ shopId: seller.shopId, text: 'Hi' });
    const aboutMug = await buyer.caller.messages.start({ shopId: seller.shopId, productId: product.id, text: 'Mug?' });
    const elsewhere = await buyer.caller.messages.start({ shopId: other.shopId, text: 'Hello' });
    const buyerRows = async () =>
      Object.fromEntries((await buyer.caller.messages.inbox()).items.map((c) => [c.id, c.blockedByMe]));
    const shopRows = async (s: typeof seller) =>
      Object.fromEntries(
        (await s.caller.messages.shopInbox({ shopId: s.shopId })).items.map((c) => [c.id, c.blockedByMe]),
      );
    expect(await buyerRows()).toEqual({
      [general.conversationId]: false,
      [aboutMug.conversationId]: false,
      [elsewhere.conversationId]: false,
    });

    // The buyer blocks the shop's owner from one conversation: both of theirs with that shop say so.
    await buyer.caller.messages.block({ conversationId: aboutMug.conversationId });
    expect(await buyerRows()).toEqual({
      [general.conversationId]: true,
      [aboutMug.conversationId]: true,
      [elsewhere.conversationId]: false,
    });
    // The blocked side is not told by the list (its thread says it cannot send).
    expect(await shopRows(seller)).toEqual({ [general.conversationId]: false, [aboutMug.conversationId]: false });

    // A shop blocking the buyer is marked in the shop's inbox, not the buyer's.
    await other.caller.messages.block({ conversationId: elsewhere.conversationId });
    expect(await shopRows(other)).toEqual({ [elsewhere.conversationId]: true });
    expect((await buyerRows())[elsewhere.conversationId]).toBe(false);
    // The thread's summary agrees with the list.
    const thread = await buyer.caller.messages.thread({ conversationId: general.conversationId });
    expect([thread.conversation.blockedByMe, thread.conversation.canSend]).toEqual([true, false]);

    await buyer.caller.messages.unblock({ conversationId: general.conversationId });
    expect(Object.values(await buyerRows())).toEqual([false, false, false]);
  });

  test('reporting a conversation stores one report for the operator', async () => {
    const { seller } = await shopWithListing();
    const buyer = await createUser();
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId, text: 'Cheap pills' });
    expect(await seller.caller.messages.report({ conversationId, reason: 'spam', details: 'Pills' })).toEqual({
      reported: true,
    });
    await seller.caller.messages.report({ conversationId, reason: 'spam' });
    const rows = await testDeps()
      .db.selectFrom('conversation_reports')
      .select(['reporter_id', 'reason', 'details'])
      .where('conversation_id', '=', conversationId)
      .execute();
    expect(rows).toEqual([{ reporter_id: seller.id, reason: 'spam', details: 'Pills' }]);
    expect((await seller.caller.messages.thread({ conversationId })).conversation.reportedByMe).toBe(true);
    const bad = await rejection(seller.caller.messages.report({ conversationId, reason: 'boring' as 'spam' }));
    expect(bad.code).toBe('BAD_REQUEST');
  });

  test('unread counts stay exact under many concurrent messages from both sides', async () => {
    const { seller } = await shopWithListing();
    const buyer = await createUser();
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId, text: 'First' });
    const fromBuyer = Array.from({ length: 40 }, (_, i) =>
      buyer.caller.messages.send({ conversationId, text: `b${i}` }),
    );
    const fromSeller = Array.from({ length: 25 }, (_, i) =>
      seller.caller.messages.send({ conversationId, text: `s${i}` }),
    );
    // The seller reads in the middle of the storm: only what arrives after that counts.
    const results = await Promise.allSettled([...fromBuyer, ...fromSeller]);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await seller.caller.messages.unreadCount()).toEqual({ total: 41, asBuyer: 0, asSeller: 41 });
    expect(await buyer.caller.messages.unreadCount()).toEqual({ total: 25, asBuyer: 25, asSeller: 0 });
    expect((await seller.caller.messages.shopInbox({ shopId: seller.shopId })).items[0]?.unread).toBe(41);

    // Reads racing with more messages: afterwards the count is exactly what arrived after the last read.
    await Promise.all([
      seller.caller.messages.markRead({ conversationId }),
      ...Array.from({ length: 10 }, (_, i) => buyer.caller.messages.send({ conversationId, text: `late${i}` })),
    ]);
    const after = (await seller.caller.messages.unreadCount()).total;
    const rows = await testDeps()
      .db.selectFrom('messages')
      .select('body')
      .where('conversation_id', '=', conversationId)
      .execute();
    expect(rows).toHaveLength(76);
    expect(after).toBeGreaterThanOrEqual(0);
    expect(after).toBeLessThanOrEqual(10);
    await seller.caller.messages.markRead({ conversationId });
    expect((await seller.caller.messages.unreadCount()).total).toBe(0);
  });

  test('per-user limit on messages: past it TOO_MANY_REQUESTS and nothing is written', async () => {
    const { seller } = await shopWithListing();
    const buyer = await createUser();
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId, text: 'm0' });
    let sent = 1;
    let refused = null as Awaited<ReturnType<typeof rejection>> | null;
    for (let i = 1; i <= 70 && !refused; i++) {
      try {
        await buyer.caller.messages.send({ conversationId, text: `m${i}` });
        sent += 1;
      } catch (err) {
        refused = err as Awaited<ReturnType<typeof rejection>>;
      }
    }
    expect(sent).toBe(60);
    expect(refused?.code).toBe('TOO_MANY_REQUESTS');
    expect(domainOf(refused!)?.details.retryAfterSeconds).toBeGreaterThan(0);
    expect((await counts([buyer.id])).messages).toBe(60);
    // The other party is not limited by the buyer's flood.
    await seller.caller.messages.send({ conversationId, text: 'Please slow down' });
  });

  test('a new message reaches the other party live, through Redis, on another instance', async () => {
    const { seller } = await shopWithListing();
    const buyer = await createUser();
    const otherInstance = secondInstanceDeps();
    const abort = new AbortController();
    const sellerCtx = { ...seller.ctx, deps: otherInstance };
    const caller = createCallerFactory(appRouter)(sellerCtx, { signal: abort.signal });
    const it = (await caller.messages.watch())[Symbol.asyncIterator]();
    const next = it.next();
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId, text: 'Live?' });
    expect((await next).value).toEqual({ kind: 'message', conversationId });
    abort.abort();
    await it.return?.();
  });

  test('a block placed or removed by the shop reaches the buyer live', async () => {
    const { seller } = await shopWithListing();
    const buyer = await createUser();
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId, text: 'Hi' });
    const abort = new AbortController();
    const caller = createCallerFactory(appRouter)(
      { ...buyer.ctx, deps: secondInstanceDeps() },
      { signal: abort.signal },
    );
    const it = (await caller.messages.watch())[Symbol.asyncIterator]();
    // A message first, to know the stream is listening.
    let next = it.next();
    await seller.caller.messages.send({ conversationId, text: 'Hello' });
    expect((await next).value).toEqual({ kind: 'message', conversationId });
    next = it.next();
    await seller.caller.messages.block({ conversationId });
    expect((await next).value).toEqual({ kind: 'block' });
    next = it.next();
    await seller.caller.messages.unblock({ conversationId });
    expect((await next).value).toEqual({ kind: 'block' });
    abort.abort();
    await it.return?.();
  });
});

describe('messages: the 15-minute unread nudge', () => {
  async function age(conversationId: number, side: 'buyer' | 'seller', minutes: number) {
    await testDeps()
      .db.updateTable('conversations')
      .set({ [`${side}_unread_since`]: new Date(Date.now() - minutes * 60_000) })
      .where('id', '=', conversationId)
      .execute();
  }

  test('a message unread for 15 minutes sends one email; reading re-arms it', async () => {
    const { seller } = await shopWithListing();
    const buyer = await createUser(testDeps(), 'Grace Hopper');
    const { conversationId } = await buyer.caller.messages.start({
      shopId: seller.shopId,
      text: 'Is the vase signed?',
    });
    // Not yet 15 minutes: nothing.
    await age(conversationId, 'seller', 14);
    await queueMessageNudges(testDeps());
    await deliverMail();
    expect(inbox(seller.email)).toHaveLength(0);

    await age(conversationId, 'seller', 16);
    // Two instances' jobs at once, then again: one mail.
    await Promise.all([queueMessageNudges(testDeps()), queueMessageNudges(testDeps())]);
    await buyer.caller.messages.send({ conversationId, text: 'And the base?' });
    await queueMessageNudges(testDeps());
    await deliverMail();
    const mails = inbox(seller.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Grace Hopper sent you a message on Hearth');
    expect(mails[0]!.text).toContain('Is the vase signed?');
    expect(linkIn(mails[0]!, `/dashboard/messages/${conversationId}`)).toBeTruthy();
    // The buyer, who has read everything, gets nothing.
    expect(inbox(buyer.email)).toHaveLength(0);

    // Reading re-arms it: the next unread streak nudges again.
    await seller.caller.messages.markRead({ conversationId });
    await buyer.caller.messages.send({ conversationId, text: 'Hello?' });
    await age(conversationId, 'seller', 20);
    await queueMessageNudges(testDeps());
    await deliverMail();
    expect(inbox(seller.email)).toHaveLength(2);
  });
});

describe('messages: the shop writes to the buyer of one of its orders', () => {
  async function soldOrder(opts: { guest?: boolean } = {}) {
    const { seller, product } = await shopWithListing();
    const buyer = await createUser(testDeps(), 'Ada Lovelace');
    if (opts.guest)
      await testDeps().db.updateTable('users').set({ password_hash: null }).where('id', '=', buyer.id).execute();
    const [order] = await createOrderFixture(testDeps(), buyer.id, [{ productId: product.id }], { status: 'paid' });
    return { seller, product, buyer, orderId: order!.orderId };
  }

  test('the buyer finds it unread in their inbox with the order attached; a second note continues it; no vacation reply', async () => {
    const { seller, buyer, orderId } = await soldOrder();
    await seller.caller.shops.setVacation({ shopId: seller.shopId, on: true, message: 'Away until spring.' });
    expect(await seller.caller.messages.orderContact({ orderId })).toEqual({
      kind: 'message',
      buyerName: 'Ada Lovelace',
      conversationId: null,
      blockedByMe: false,
      blockedByBuyer: false,
    });

    const started = await seller.caller.messages.startWithBuyer({ orderId, text: '  Which initials on the mug?  ' });
    expect(started.created).toBe(true);
    expect(await buyer.caller.messages.unreadCount()).toEqual({ total: 1, asBuyer: 1, asSeller: 0 });
    const inbox = await buyer.caller.messages.inbox();
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({
      id: started.conversationId,
      counterpart: { name: seller.shop.name },
      order: { id: orderId },
      lastMessage: { preview: 'Which initials on the mug?', mine: false },
      unread: 1,
    });
    const buyerThread = await buyer.caller.messages.thread({ conversationId: started.conversationId });
    expect(buyerThread.conversation.order).toMatchObject({ id: orderId, status: 'paid' });
    // The shop's own message only: a shop on vacation does not auto-reply to itself.
    expect(buyerThread.messages.map((m) => [m.body, m.mine, m.autoReply])).toEqual([
      ['Which initials on the mug?', false, false],
    ]);
    expect((await seller.caller.messages.unreadCount()).total).toBe(0);
    expect(await seller.caller.messages.orderContact({ orderId })).toMatchObject({
      conversationId: started.conversationId,
    });

    const again = await seller.caller.messages.startWithBuyer({ orderId, text: 'And which colour?' });
    expect(again).toEqual({ conversationId: started.conversationId, created: false });
    expect((await buyer.caller.messages.unreadCount()).total).toBe(2);
  });

  test('continues the conversation the buyer started about that order', async () => {
    const { seller, buyer, orderId } = await soldOrder();
    const asked = await buyer.caller.messages.start({ shopId: seller.shopId, orderId, text: 'Can you gift wrap it?' });
    const answered = await seller.caller.messages.startWithBuyer({ orderId, text: 'Of course.' });
    expect(answered).toEqual({ conversationId: asked.conversationId, created: false });
    const t = await buyer.caller.messages.thread({ conversationId: asked.conversationId });
    expect(t.messages.map((m) => [m.body, m.mine])).toEqual([
      ['Can you gift wrap it?', true],
      ['Of course.', false],
    ]);
    expect(await counts([buyer.id])).toEqual({ conversations: 1, messages: 1 });
  });

  test("another seller's order, the order's own buyer, a missing order and bad text: clear errors, nothing written", async () => {
    const { seller, buyer, orderId } = await soldOrder();
    const otherSeller = await createSeller();
    const cases: [string, () => Promise<unknown>, Awaited<ReturnType<typeof rejection>>['code'], string][] = [
      [
        "another seller's order",
        () => otherSeller.caller.messages.startWithBuyer({ orderId, text: 'Hello from a stranger' }),
        'NOT_FOUND',
        'Order not found',
      ],
      [
        "another seller's order (contact)",
        () => otherSeller.caller.messages.orderContact({ orderId }),
        'NOT_FOUND',
        'Order not found',
      ],
      [
        'the buyer, as if they were the shop',
        () => buyer.caller.messages.startWithBuyer({ orderId, text: 'Me to me' }),
        'NOT_FOUND',
        'Order not found',
      ],
      [
        'missing order',
        () => seller.caller.messages.startWithBuyer({ orderId: 2_000_000_000, text: 'Anyone?' }),
        'NOT_FOUND',
        'Order not found',
      ],
      ['empty', () => seller.caller.messages.startWithBuyer({ orderId, text: '' }), 'BAD_REQUEST', 'Write a message'],
      [
        'whitespace',
        () => seller.caller.messages.startWithBuyer({ orderId, text: ' \n\t ' }),
        'BAD_REQUEST',
        'Write a message',
      ],
      [
        'oversize',
        () => seller.caller.messages.startWithBuyer({ orderId, text: 'x'.repeat(MESSAGE_TEXT_MAX + 1) }),
        'BAD_REQUEST',
        'Message must be 2,000 characters or fewer.',
      ],
      [
        'NUL byte',
        () => seller.caller.messages.startWithBuyer({ orderId, text: 'a\u0000b' }),
        'BAD_REQUEST',
        'control',
      ],
      [
        'image never uploaded',
        () =>
          seller.caller.messages.startWithBuyer({
            orderId,
            text: 'see',
            imageUrl: `/uploads/${crypto.randomUUID()}.webp`,
          }),
        'BAD_REQUEST',
        'not uploaded here',
      ],
    ];
    for (const [what, call, code, message] of cases) {
      const err = await rejection(call());
      expect({ what, code: err.code }).toEqual({ what, code });
      expect({ what, message: err.message }).toEqual({ what, message: expect.stringContaining(message) });
    }
    expect(await counts([buyer.id])).toEqual({ conversations: 0, messages: 0 });
    expect((await buyer.caller.messages.unreadCount()).total).toBe(0);
    // Exactly the limit is fine.
    await seller.caller.messages.startWithBuyer({ orderId, text: 'y'.repeat(MESSAGE_TEXT_MAX) });
  });

  test('a guest order (no account) is refused in words and offers the email it was placed with', async () => {
    const { seller, buyer, orderId } = await soldOrder({ guest: true });
    expect(await seller.caller.messages.orderContact({ orderId })).toEqual({
      kind: 'email',
      buyerName: 'Ada Lovelace',
      email: buyer.email,
    });
    const err = await rejection(seller.caller.messages.startWithBuyer({ orderId, text: 'Which initials?' }));
    expect(err.code).toBe('PRECONDITION_FAILED');
    expect(err.message).toContain('checked out as a guest');
    expect(await counts([buyer.id])).toEqual({ conversations: 0, messages: 0 });
  });

  test('blocks either way refuse the message in words and write nothing', async () => {
    const { seller, buyer, orderId } = await soldOrder();
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId, text: 'Hi' });
    await buyer.caller.messages.block({ conversationId });
    const blocked = await rejection(seller.caller.messages.startWithBuyer({ orderId, text: 'About your order' }));
    expect(blocked.code).toBe('FORBIDDEN');
    expect(blocked.message).toBe('Ada Lovelace is not accepting messages from you.');
    expect(await counts([buyer.id])).toEqual({ conversations: 1, messages: 1 });

    await buyer.caller.messages.unblock({ conversationId });
    await seller.caller.messages.block({ conversationId });
    const own = await rejection(seller.caller.messages.startWithBuyer({ orderId, text: 'About your order' }));
    expect(own.code).toBe('FORBIDDEN');
    expect(own.message).toContain('You blocked Ada Lovelace');
    expect(await counts([buyer.id])).toEqual({ conversations: 1, messages: 1 });
    expect((await buyer.caller.messages.unreadCount()).total).toBe(0);
  });

  test('the order page knows the shop blocked the buyer, and unblocks them there', async () => {
    const { seller, buyer, orderId } = await soldOrder();
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId, text: 'Hi' });
    // The buyer blocking the shop is not the shop's to undo: told as the buyer's, not the shop's.
    await buyer.caller.messages.block({ conversationId });
    expect(await seller.caller.messages.orderContact({ orderId })).toMatchObject({
      blockedByMe: false,
      blockedByBuyer: true,
    });
    await seller.caller.messages.unblockBuyer({ orderId });
    expect((await rejection(seller.caller.messages.startWithBuyer({ orderId, text: 'Still?' }))).code).toBe(
      'FORBIDDEN',
    );
    await buyer.caller.messages.unblock({ conversationId });
    expect(await seller.caller.messages.orderContact({ orderId })).toMatchObject({ blockedByBuyer: false });

    // Blocked in a conversation that is not about the order: the order page says so and unblocks.
    await seller.caller.messages.block({ conversationId });
    expect(await seller.caller.messages.orderContact({ orderId })).toMatchObject({ blockedByMe: true });
    expect(await seller.caller.messages.unblockBuyer({ orderId })).toEqual({ blocked: false });
    expect(await seller.caller.messages.orderContact({ orderId })).toMatchObject({ blockedByMe: false });
    expect((await seller.caller.messages.thread({ conversationId })).conversation.blockedByMe).toBe(false);
    await seller.caller.messages.startWithBuyer({ orderId, text: 'Your bowl ships today.' });
  });

  test('the buyer’s order page knows the buyer blocked the shop, and unblocks it there', async () => {
    const { seller, buyer, orderId } = await soldOrder();
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId, text: 'Hi' });
    expect(await buyer.caller.messages.shopContact({ orderId })).toEqual({
      conversationId: null,
      blockedByMe: false,
      blockedByShop: false,
    });
    // The shop blocking the buyer is not the buyer's to undo: told as the shop's, not the buyer's.
    await seller.caller.messages.block({ conversationId });
    expect(await buyer.caller.messages.shopContact({ orderId })).toMatchObject({
      blockedByMe: false,
      blockedByShop: true,
    });
    await buyer.caller.messages.unblockShop({ orderId });
    expect(
      (await rejection(buyer.caller.messages.start({ shopId: seller.shopId, orderId, text: 'Still?' }))).code,
    ).toBe('FORBIDDEN');
    await seller.caller.messages.unblock({ conversationId });
    expect(await buyer.caller.messages.shopContact({ orderId })).toMatchObject({ blockedByShop: false });

    // Blocked in a conversation that is not about the order: the order page says so and unblocks.
    await buyer.caller.messages.block({ conversationId });
    expect(await buyer.caller.messages.shopContact({ orderId })).toMatchObject({ blockedByMe: true });
    expect(await buyer.caller.messages.unblockShop({ orderId })).toEqual({ blocked: false });
    expect(await buyer.caller.messages.shopContact({ orderId })).toMatchObject({ blockedByMe: false });
    expect((await buyer.caller.messages.thread({ conversationId })).conversation.blockedByMe).toBe(false);
    const about = await buyer.caller.messages.start({ shopId: seller.shopId, orderId, text: 'Where is my bowl?' });
    expect(await buyer.caller.messages.shopContact({ orderId })).toEqual({
      conversationId: about.conversationId,
      blockedByMe: false,
      blockedByShop: false,
    });
    // Not the order's buyer: refused.
    expect((await rejection(seller.caller.messages.shopContact({ orderId }))).code).toBe('FORBIDDEN');
  });

  test('25 presses at once: one conversation, the first 20 sent, the rest refused by the start limit', async () => {
    const { seller, buyer, orderId } = await soldOrder();
    const results = await Promise.allSettled(
      Array.from({ length: 25 }, (_, i) => seller.caller.messages.startWithBuyer({ orderId, text: `Note ${i}` })),
    );
    const sent = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { code: string }] : []));
    expect(sent).toHaveLength(20);
    expect(new Set(sent.map((s) => s.conversationId)).size).toBe(1);
    expect(sent.filter((s) => s.created)).toHaveLength(1);
    expect(refused.map((e) => e.code)).toEqual(Array(5).fill('TOO_MANY_REQUESTS'));
    const conversations = await testDeps()
      .db.selectFrom('conversations')
      .select(['id', 'buyer_unread'])
      .where('order_id', '=', orderId)
      .execute();
    expect(conversations).toEqual([{ id: sent[0]!.conversationId, buyer_unread: 20 }]);
    expect((await buyer.caller.messages.unreadCount()).total).toBe(20);
  });
});
