import { describe, expect, test } from 'bun:test';
import { rejection } from '../../test/expect-error';
import { anonymousCaller, createProduct, createSeller, createUser, TEST_PASSWORD, unique } from '../../test/factories';
import { deliverMail, drainMailBeforeAll, inbox, linkIn } from '../../test/mail';
import { testDeps } from '../../test/test-services';
import { checkGuestOrderToken, guestOrderToken } from '../orders/guest-order-link';
import { address, stockOf } from './checkout-test-kit';

drainMailBeforeAll();

async function guestWithCart(quantity = 1) {
  const seller = await createSeller();
  const product = await createProduct(seller, { title: 'Linen apron', priceCents: 3200, quantity: 3 });
  const { caller, ctx } = anonymousCaller();
  await caller.cart.addItem({ productId: product.id, quantity });
  return { seller, product, caller, ctx };
}

/** A guest checkout at a quote the server never gave: refused with PRECONDITION_FAILED. */
function placeAtStaleQuote(
  caller: ReturnType<typeof anonymousCaller>['caller'],
  email: string,
  shippingAddress: ReturnType<typeof address>,
) {
  return caller.checkout.placeAsGuest({
    email,
    idempotencyKey: crypto.randomUUID(),
    shippingAddress,
    quote: { version: 'f'.repeat(64), totalCents: 1 },
    payment: { token: 'tok_visa' },
  });
}

async function guestPlace(
  caller: ReturnType<typeof anonymousCaller>['caller'],
  email: string,
  key = crypto.randomUUID(),
) {
  const shippingAddress = address({ name: 'Guest Shopper' });
  const quote = await caller.checkout.quote({ shippingAddress });
  return caller.checkout.placeAsGuest({
    email,
    idempotencyKey: key,
    shippingAddress,
    quote: { version: quote.version, totalCents: quote.totalCents },
    payment: { token: 'tok_visa' },
  });
}

const tokenOf = (url: string) => new URL(url, 'http://x').searchParams.get('token')!;

describe('guest checkout', () => {
  test('a guest pays with an email; the orders belong to it; the mailed link shows them and can set a password', async () => {
    const { product, caller } = await guestWithCart(2);
    const email = `${unique('guest')}@example.test`;
    const placed = await guestPlace(caller, email);
    expect(placed.orders).toHaveLength(1);
    expect((await stockOf(product.id)).quantity).toBe(1);
    const buyer = await testDeps()
      .db.selectFrom('users')
      .select(['id', 'password_hash'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(buyer.password_hash).toBeNull();

    await deliverMail();
    const [mail] = inbox(email);
    expect(mail!.subject).toBe(`Order #${placed.orders[0]!.orderId} confirmed: ${placed.orders[0]!.shopName}`);
    expect(mail!.text).toContain('You checked out as a guest');
    const mailToken = tokenOf(linkIn(mail!, '/orders/guest?token='));

    // The page's link views the orders but cannot claim the address.
    const pageView = await anonymousCaller().caller.orders.guest({ token: tokenOf(placed.orderLink) });
    expect(pageView.orders.map((o) => o.orderId)).toEqual([placed.orders[0]!.orderId]);
    expect(pageView.canSetPassword).toBe(false);
    const fromPage = await rejection(
      anonymousCaller().caller.account.claimGuestAccount({
        token: tokenOf(placed.orderLink),
        password: 'guest-pass-1',
      }),
    );
    expect(fromPage.message).toContain('confirmation mail');

    const mailView = await anonymousCaller().caller.orders.guest({ token: mailToken });
    expect(mailView).toMatchObject({ email, canSetPassword: true });
    const claimer = anonymousCaller();
    const { user } = await claimer.caller.account.claimGuestAccount({ token: mailToken, password: 'guest-pass-1' });
    expect(user).toMatchObject({ id: buyer.id, email, emailVerified: true });
    expect(claimer.ctx.resHeaders.get('set-cookie')).toContain('hearth_session=');
    expect((await claimer.caller.orders.list({})).items.map((o) => o.orderId)).toEqual([placed.orders[0]!.orderId]);
    const again = await rejection(
      anonymousCaller().caller.account.claimGuestAccount({ token: mailToken, password: 'x-pass-123' }),
    );
    expect(again.code).toBe('PRECONDITION_FAILED');
    expect((await anonymousCaller().caller.auth.login({ email, password: 'guest-pass-1' })).user.id).toBe(buyer.id);
  }, 30_000);

  test('replays and races of one key place one order; a stale quote is refused and changes nothing', async () => {
    const { product, caller } = await guestWithCart(1);
    const email = `${unique('guest')}@example.test`;
    const shippingAddress = address();
    const stale = await rejection(placeAtStaleQuote(caller, email, shippingAddress));
    expect(stale.code).toBe('PRECONDITION_FAILED');
    expect((await stockOf(product.id)).quantity).toBe(3);

    const key = crypto.randomUUID();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => guestPlace(caller, email, key)));
    const ok = results
      .filter((r) => r.status === 'fulfilled')
      .map((r) => (r as PromiseFulfilledResult<{ orders: { orderId: number }[] }>).value);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((r) => r.orders[0]!.orderId)).size).toBe(1);
    const replay = await guestPlace(caller, email, key).catch((e) => e);
    expect(replay.orders?.[0]?.orderId ?? ok[0]!.orders[0]!.orderId).toBe(ok[0]!.orders[0]!.orderId);
    expect((await stockOf(product.id)).quantity).toBe(2);
  });

  test('a refused guest checkout (stale quote, declined card) leaves no account behind for its email', async () => {
    // Attack: name any stranger's email on a checkout bound to fail; a password-less buyer row
    // with the attacker's chosen name used to stay, and the address's owner could not register.
    const { product, caller } = await guestWithCart(1);
    const email = `${unique('victim')}@example.test`;
    const shippingAddress = address({ name: 'Click evil.example to claim' });
    const stale = await rejection(placeAtStaleQuote(caller, email, shippingAddress));
    expect(stale.code).toBe('PRECONDITION_FAILED');
    const quote = await caller.checkout.quote({ shippingAddress });
    const declined = await rejection(
      caller.checkout.placeAsGuest({
        email,
        idempotencyKey: crypto.randomUUID(),
        shippingAddress,
        quote: { version: quote.version, totalCents: quote.totalCents },
        payment: { token: 'tok_chargeDeclined' },
      }),
    );
    expect(declined.code).not.toBe('INTERNAL_SERVER_ERROR');
    const row = await testDeps().db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    expect(row).toBeUndefined();
    expect((await stockOf(product.id)).quantity).toBe(3);
    const owner = await anonymousCaller().caller.auth.register({ email, password: 'longenough1', name: 'Vera' });
    expect(owner.user.name).toBe('Vera');
    // The same guest then pays: the order is theirs and the account's owner sees it (decision 0073).
    const placed = await guestPlace(caller, email);
    expect(placed.orders).toHaveLength(1);
  });

  test('an email that belongs to an account: the orders show in that account; the link cannot set its password', async () => {
    const account = await createUser();
    const { caller } = await guestWithCart(1);
    const placed = await guestPlace(caller, account.email);
    expect((await account.caller.orders.list({})).items.map((o) => o.orderId)).toContain(placed.orders[0]!.orderId);
    await deliverMail();
    const mail = inbox(account.email).at(-1)!;
    const token = tokenOf(linkIn(mail, '/orders/guest?token='));
    expect((await anonymousCaller().caller.orders.guest({ token })).canSetPassword).toBe(false);
    const claim = await rejection(
      anonymousCaller().caller.account.claimGuestAccount({ token, password: 'hijack-pass-1' }),
    );
    expect(claim.message).toContain('already has an account');
    expect((await anonymousCaller().caller.auth.login({ email: account.email, password: TEST_PASSWORD })).user.id).toBe(
      account.id,
    );
  });

  test("a stranger's guest order in an account never becomes its checkout's suggested address", async () => {
    // Attack: check out a cheap item as a guest with the victim's email and your own address; the
    // victim's next checkout used to be prefilled with it (the last order's address).
    const account = await createUser();
    const { caller } = await guestWithCart(1);
    const placed = await guestPlace(caller, account.email);
    expect((await account.caller.orders.list({})).items.map((o) => o.orderId)).toContain(placed.orders[0]!.orderId);
    expect(await account.caller.orders.lastShippingAddress()).toBeNull();
  });

  test('20 claims of one mailed link at once: one password is set, the others are refused and sign nobody in', async () => {
    const { caller } = await guestWithCart(1);
    const email = `${unique('guest')}@example.test`;
    await guestPlace(caller, email);
    await deliverMail();
    const token = tokenOf(linkIn(inbox(email).at(-1)!, '/orders/guest?token='));
    const tries = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        anonymousCaller().caller.account.claimGuestAccount({ token, password: `claimed-pass-${i}` }),
      ),
    );
    const won = tries.flatMap((t, i) => (t.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    const codes = tries.flatMap((t) => (t.status === 'rejected' ? [(t.reason as { code: string }).code] : []));
    expect(new Set(codes)).toEqual(new Set(['PRECONDITION_FAILED']));
    const login = anonymousCaller().caller.auth.login;
    expect((await login({ email, password: `claimed-pass-${won[0]}` })).user.email).toBe(email);
    const other = won[0] === 0 ? 1 : 0;
    expect((await rejection(login({ email, password: `claimed-pass-${other}` }))).code).toBe('UNAUTHORIZED');
  }, 60_000);

  test('forged, tampered and expired links are refused with a clear message', async () => {
    const deps = testDeps();
    const good = guestOrderToken(deps, 1, 'm');
    const tampered = good.replace(/^1\./, '2.');
    const guestView = anonymousCaller().caller.orders.guest;
    expect((await rejection(guestView({ token: tampered }))).message).toContain('not valid');
    expect((await rejection(guestView({ token: `1.9999999999.m.${'A'.repeat(43)}` }))).message).toContain('not valid');
    const old = guestOrderToken(deps, 1, 'm', Date.now() - 200 * 86_400_000);
    expect(checkGuestOrderToken(deps, old)).toEqual({ ok: false, reason: 'expired' });
    expect((await rejection(guestView({ token: old }))).message).toContain('expired');
    expect((await rejection(guestView({ token: 'nope' }))).code).toBe('BAD_REQUEST');
  });

  test('a signed-in caller cannot use guest checkout, and a guest email cannot be registered by someone else', async () => {
    const user = await createUser();
    const err = await rejection(
      user.caller.checkout.placeAsGuest({
        email: user.email,
        idempotencyKey: crypto.randomUUID(),
        shippingAddress: address(),
        quote: { version: 'f'.repeat(64), totalCents: 1 },
        payment: { token: 'tok_visa' },
      }),
    );
    expect(err.code).toBe('BAD_REQUEST');
    const { caller } = await guestWithCart(1);
    const email = `${unique('guest')}@example.test`;
    await guestPlace(caller, email);
    const taken = await rejection(
      anonymousCaller().caller.auth.register({ email, password: 'longenough1', name: 'Eve' }),
    );
    expect(taken.code).toBe('CONFLICT');
    expect(taken.message).toContain('Forgot your password');
  });
});
