import { describe, expect, test } from 'bun:test';
import { rejection } from '../../test/expect-error';
import { anonymousCaller, createUser, TEST_PASSWORD, unique } from '../../test/factories';
import { deliverMail, drainMailBeforeAll, inbox, linkIn } from '../../test/mail';
import { testDeps } from '../../test/test-services';
import { createSession, resolveSession } from '../auth/auth.session';

const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

async function registered() {
  const { caller, ctx } = anonymousCaller();
  const email = `${unique('acct')}@example.test`;
  const { user } = await caller.auth.register({ email, password: 'first-password', name: 'Ada Lovelace' });
  await deliverMail();
  return { caller, ctx, email, user };
}

const verifiedAt = async (id: number) =>
  await testDeps()
    .db.selectFrom('users')
    .select(['email', 'email_verified_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

drainMailBeforeAll();

describe('email verification', () => {
  test('registration mails a single-use link; following it verifies the account', async () => {
    const { caller, email, user } = await registered();
    expect(user.emailVerified).toBe(false);
    const mails = inbox(email);
    expect(mails.map((m) => m.subject)).toEqual(['Confirm your email address']);
    expect(mails[0]!.envelope.to).toEqual([email]);
    const link = linkIn(mails[0]!, '/verify-email?token=');
    expect(mails[0]!.html).toContain(link.replace(/&/g, '&amp;'));

    const out = await anonymousCaller().caller.account.verifyEmail({ token: tokenOf(link) });
    expect(out).toEqual({ alreadyConfirmed: false, email, changed: false });
    expect((await verifiedAt(user.id)).email_verified_at).toBeInstanceOf(Date);
    // The signed-in browser sees it on its next request (its cached session user was dropped).
    expect((await caller.account.get()).emailVerified).toBe(true);

    // Followed again: the address is confirmed, which is all it says (not which address).
    expect(await anonymousCaller().caller.account.verifyEmail({ token: tokenOf(link) })).toEqual({
      alreadyConfirmed: true,
    });
  });

  test('a used link for an address the account no longer has is refused as used', async () => {
    const { caller, email, user } = await registered();
    const link = linkIn(inbox(email)[0]!, '/verify-email?token=');
    await anonymousCaller().caller.account.verifyEmail({ token: tokenOf(link) });
    const next = `${unique('moved')}@example.test`;
    await caller.account.changeEmail({ email: next, password: 'first-password' });
    await deliverMail();
    await anonymousCaller().caller.account.verifyEmail({
      token: tokenOf(linkIn(inbox(next)[0]!, '/verify-email?token=')),
    });
    const again = await rejection(anonymousCaller().caller.account.verifyEmail({ token: tokenOf(link) }));
    expect(again.code).toBe('BAD_REQUEST');
    expect(again.message).toContain('already used');
    expect((await verifiedAt(user.id)).email_verified_at).toBeInstanceOf(Date);
  });

  test('a forged or expired link is refused with a clear message and verifies nothing', async () => {
    const { email, user } = await registered();
    const forged = await rejection(anonymousCaller().caller.account.verifyEmail({ token: 'A'.repeat(43) }));
    expect(forged.message).toContain('not valid');
    const broken = await rejection(anonymousCaller().caller.account.verifyEmail({ token: 'x\u0000y' }));
    expect(broken.code).toBe('BAD_REQUEST');
    await testDeps()
      .db.updateTable('account_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    const link = linkIn(inbox(email)[0]!, '/verify-email?token=');
    const expired = await rejection(anonymousCaller().caller.account.verifyEmail({ token: tokenOf(link) }));
    expect(expired.message).toContain('expired');
    expect((await verifiedAt(user.id)).email_verified_at).toBeNull();
  });

  test('the database keeps only a keyed hash of each link token', async () => {
    const { email, user } = await registered();
    const token = tokenOf(linkIn(inbox(email)[0]!, '/verify-email?token='));
    const rows = await testDeps()
      .db.selectFrom('account_tokens')
      .select('token_key')
      .where('user_id', '=', user.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_key).not.toContain(token);
  });

  test('an unverified account cannot open a shop until it verifies; a resent link replaces the old one', async () => {
    const { caller, email } = await registered();
    const refused = await rejection(
      caller.shops.create({
        name: `Kiln ${unique('k')}`,
        shippingPolicy: { flatRateCents: 0, freeOverCents: null, processingDays: 1 },
      }),
    );
    expect(refused.code).toBe('PRECONDITION_FAILED');
    expect(refused.message).toContain('Confirm your email');
    const first = linkIn(inbox(email)[0]!, '/verify-email?token=');
    expect(await caller.account.resendVerification()).toEqual({ alreadyVerified: false });
    await deliverMail();
    const mails = inbox(email);
    expect(mails).toHaveLength(2);
    const second = linkIn(mails[1]!, '/verify-email?token=');
    expect(
      (await rejection(anonymousCaller().caller.account.verifyEmail({ token: tokenOf(first) }))).message,
    ).toContain('already used');
    await anonymousCaller().caller.account.verifyEmail({ token: tokenOf(second) });
    const shop = await caller.shops.create({
      name: `Kiln ${unique('k')}`,
      shippingPolicy: { flatRateCents: 0, freeOverCents: null, processingDays: 1 },
    });
    expect(shop.id).toBeNumber();
    expect(await caller.account.resendVerification()).toEqual({ alreadyVerified: true });
  });
});

describe('password reset', () => {
  test('known and unknown addresses get the same answer; only the owner gets a mail', async () => {
    const user = await createUser();
    const nobody = `${unique('nobody')}@example.test`;
    const a = await anonymousCaller().caller.account.requestPasswordReset({ email: user.email });
    const b = await anonymousCaller().caller.account.requestPasswordReset({ email: nobody });
    expect(a).toEqual(b);
    await deliverMail();
    expect(inbox(nobody)).toHaveLength(0);
    const [mail] = inbox(user.email);
    expect(mail!.subject).toBe('Reset your Hearth password');
    expect(mail!.envelope.to).toEqual([user.email]);
    linkIn(mail!, '/reset-password?token=');
  });

  test('the link sets a new password once, signs out every session (cached ones too) and mails a notice', async () => {
    const user = await createUser();
    const deps = testDeps();
    const other = await createSession(deps, user.id);
    // Both sessions are warm in the shared cache.
    expect(await resolveSession(deps, user.sessionId)).not.toBeNull();
    expect(await resolveSession(deps, other.id)).not.toBeNull();
    await anonymousCaller().caller.account.requestPasswordReset({ email: user.email });
    await deliverMail();
    const token = tokenOf(linkIn(inbox(user.email)[0]!, '/reset-password?token='));

    // Five tabs submit the same link at once: one wins.
    const tries = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        anonymousCaller().caller.account.resetPassword({ token, password: `new-password-${i}` }),
      ),
    );
    expect(tries.filter((t) => t.status === 'fulfilled')).toHaveLength(1);
    const won = tries.findIndex((t) => t.status === 'fulfilled');

    expect(await resolveSession(deps, user.sessionId)).toBeNull();
    expect(await resolveSession(deps, other.id)).toBeNull();
    const login = anonymousCaller().caller.auth.login;
    expect((await rejection(login({ email: user.email, password: TEST_PASSWORD }))).code).toBe('UNAUTHORIZED');
    expect((await login({ email: user.email, password: `new-password-${won}` })).user.id).toBe(user.id);

    await deliverMail();
    expect(inbox(user.email).map((m) => m.subject)).toEqual([
      'Reset your Hearth password',
      'Your Hearth password was changed',
    ]);
    const reused = await rejection(
      anonymousCaller().caller.account.resetPassword({ token, password: 'another-one-1' }),
    );
    expect(reused.message).toContain('already used');
  }, 30_000);

  test('an expired or superseded link changes nothing', async () => {
    const user = await createUser();
    const { caller } = anonymousCaller();
    await caller.account.requestPasswordReset({ email: user.email });
    await deliverMail();
    await caller.account.requestPasswordReset({ email: user.email });
    await deliverMail();
    const [first, second] = inbox(user.email).map((m) => tokenOf(linkIn(m, '/reset-password?token=')));
    expect(
      (await rejection(caller.account.resetPassword({ token: first!, password: 'new-password-1' }))).message,
    ).toContain('already used');
    await testDeps()
      .db.updateTable('account_tokens')
      .set({ expires_at: new Date(Date.now() - 1) })
      .where('user_id', '=', user.id)
      .execute();
    const expired = await rejection(caller.account.resetPassword({ token: second!, password: 'new-password-1' }));
    expect(expired.code).toBe('BAD_REQUEST');
    expect(expired.message).toContain('expired');
    expect((await anonymousCaller().caller.auth.login({ email: user.email, password: TEST_PASSWORD })).user.id).toBe(
      user.id,
    );
  });

  test('resetLinkStatus reads a link before use, changes nothing, says nothing of the account, and is limited', async () => {
    const user = await createUser();
    const { caller } = anonymousCaller();
    await caller.account.requestPasswordReset({ email: user.email });
    await deliverMail();
    const token = tokenOf(linkIn(inbox(user.email)[0]!, '/reset-password?token='));
    // Asking twice changes nothing: the link still works after.
    expect(await caller.account.resetLinkStatus({ token })).toEqual({ usable: true });
    expect(await caller.account.resetLinkStatus({ token })).toEqual({ usable: true });
    const unknown = await caller.account.resetLinkStatus({ token: 'A'.repeat(43) });
    expect(unknown).toEqual({ usable: false, reason: 'unknown' });
    await caller.account.resetPassword({ token, password: 'new-password-1' });
    // The answer names no account, no address.
    const used = await caller.account.resetLinkStatus({ token });
    expect(used).toEqual({ usable: false, reason: 'used' });
    expect(JSON.stringify(used)).not.toContain(user.email);

    await caller.account.requestPasswordReset({ email: user.email });
    await deliverMail();
    const resets = inbox(user.email).filter((m) => m.subject === 'Reset your Hearth password');
    const second = tokenOf(linkIn(resets.at(-1)!, '/reset-password?token='));
    await testDeps()
      .db.updateTable('account_tokens')
      .set({ expires_at: new Date(Date.now() - 1) })
      .where('user_id', '=', user.id)
      .execute();
    expect(await caller.account.resetLinkStatus({ token: second })).toEqual({ usable: false, reason: 'expired' });

    // Limited per address like the other link tokens (20 tries in 10 minutes).
    const prober = anonymousCaller().caller;
    const codes: string[] = [];
    for (let i = 0; i < 21; i++)
      codes.push(
        await prober.account.resetLinkStatus({ token: 'B'.repeat(43) }).then(
          () => 'OK',
          (e) => e.code,
        ),
      );
    expect(codes.slice(0, 20).every((c) => c === 'OK')).toBe(true);
    expect(codes[20]).toBe('TOO_MANY_REQUESTS');
  });

  test('reset requests are limited per address and per email', async () => {
    const user = await createUser();
    const { caller } = anonymousCaller();
    const codes = [];
    for (let i = 0; i < 4; i++)
      codes.push(
        await caller.account.requestPasswordReset({ email: user.email }).then(
          () => 'OK',
          (e) => e.code,
        ),
      );
    expect(codes).toEqual(['OK', 'OK', 'OK', 'TOO_MANY_REQUESTS']);
    // The per-address limit holds across many emails.
    const spray = anonymousCaller().caller;
    const sprayed = [];
    for (let i = 0; i < 6; i++)
      sprayed.push(
        await spray.account.requestPasswordReset({ email: `${unique('x')}@example.test` }).then(
          () => 'OK',
          (e) => e.code,
        ),
      );
    expect(sprayed).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'TOO_MANY_REQUESTS']);
  });
});

describe('account page', () => {
  test('change password: needs the current one, keeps this session, signs out the others', async () => {
    const user = await createUser();
    const deps = testDeps();
    const other = await createSession(deps, user.id);
    const wrong = await rejection(
      user.caller.account.changePassword({ currentPassword: 'not-it', newPassword: 'brand-new-pass' }),
    );
    expect(wrong.code).toBe('BAD_REQUEST');
    expect(await resolveSession(deps, other.id)).not.toBeNull();
    await user.caller.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'brand-new-pass' });
    expect(await resolveSession(deps, user.sessionId)).not.toBeNull();
    expect(await resolveSession(deps, other.id)).toBeNull();
    await deliverMail();
    expect(inbox(user.email).map((m) => m.subject)).toEqual(['Your Hearth password was changed']);
  });

  test('change email: the new address gets a link, the email changes only when it is followed', async () => {
    const user = await createUser();
    const taken = await createUser();
    const next = `${unique('new')}@example.test`;
    const clash = await rejection(user.caller.account.changeEmail({ email: taken.email, password: TEST_PASSWORD }));
    expect(clash.code).toBe('CONFLICT');
    const badPassword = await rejection(user.caller.account.changeEmail({ email: next, password: 'nope' }));
    expect(badPassword.code).toBe('BAD_REQUEST');

    const pending = await user.caller.account.changeEmail({ email: next, password: TEST_PASSWORD });
    expect(pending).toMatchObject({ email: user.email, pendingEmail: next, emailVerified: true });
    await deliverMail();
    const [mail] = inbox(next);
    expect(mail!.subject).toBe('Confirm your new email address');
    expect(inbox(user.email)).toHaveLength(0);

    const out = await anonymousCaller().caller.account.verifyEmail({
      token: tokenOf(linkIn(mail!, '/verify-email?token=')),
    });
    expect(out).toEqual({ alreadyConfirmed: false, email: next, changed: true });
    expect(await user.caller.account.get()).toMatchObject({ email: next, pendingEmail: null });
    await deliverMail();
    expect(inbox(user.email).map((m) => m.subject)).toEqual(['Your Hearth email address was changed']);
    // The old address no longer signs in; the new one does.
    const login = anonymousCaller().caller.auth.login;
    expect((await login({ email: next, password: TEST_PASSWORD })).user.id).toBe(user.id);
  });
});
