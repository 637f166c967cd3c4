// Account security: password reset by mailed link, email verification (at registration and for a
// change of address), change of password. Takes plain values; procedures set cookies and count
// attempts. Every mail is queued in the transaction of the change it reports.
import { DomainError } from '../../../shared/errors';
import type {
  AccountDto,
  ChangeEmailInput,
  ChangePasswordInput,
  ClaimGuestAccountInput,
  ResetPasswordInput,
} from '../../../shared/schemas/account';
import { inTransaction } from '../../db/transaction';
import { isUniqueViolation, uniqueViolationError } from '../../db/unique-violation';
import type { AppDeps } from '../../deps';
import { forgetSessionKeys, forgetUserSessions, sessionKey } from '../auth/auth.session';
import { guestCheckout } from '../orders/guest-orders.service';
import {
  claimGuestBuyer,
  consumeAccountToken,
  deleteSessionsOfUser,
  findAccount,
  findAccountByEmail,
  findAccountToken,
  findPendingEmail,
  markEmailVerifiedNow,
  setPasswordHash,
  setVerifiedEmail,
  type TokenPurpose,
} from './account.repository';
import { sendResetLink, sendSecurityNotice, sendVerificationLink } from './account-mail';
import { accountTokenKey } from './account-token';

const hash = (password: string) => Bun.password.hash(password, { algorithm: 'argon2id' });

/** Why a link does not work, in words a person can act on. Nothing has changed when this throws. */
async function invalidToken(deps: AppDeps, key: string, purpose: TokenPurpose): Promise<DomainError> {
  const row = await findAccountToken(deps.db, key);
  const again = purpose === 'reset' ? 'Ask for a new reset link.' : 'Send yourself a new link from your account page.';
  if (!row || row.purpose !== purpose)
    return new DomainError('TOKEN_INVALID', `This link is not valid. ${again}`, { reason: 'unknown' });
  if (row.used_at) return new DomainError('TOKEN_INVALID', `This link was already used. ${again}`, { reason: 'used' });
  return new DomainError('TOKEN_INVALID', `This link has expired. ${again}`, { reason: 'expired' });
}

/** Same answer whether or not an account has this address; only an owner gets a mail. */
export async function requestPasswordReset(deps: AppDeps, email: string): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const user = await findAccountByEmail(tx, email);
    if (user) await sendResetLink(deps, tx, { userId: user.id, name: user.name, email: user.email });
  });
}

/**
 * Whether a reset link can still set a password, read before the shopper types one (the page
 * opens on it). Changes nothing, and says nothing of the account: not whose link it is, nor
 * whether an address has an account; only whether this link works, and if not, why.
 */
export async function resetLinkStatus(
  deps: AppDeps,
  token: string,
): Promise<{ usable: true } | { usable: false; reason: 'unknown' | 'used' | 'expired' }> {
  const row = await findAccountToken(deps.db, accountTokenKey(deps, token));
  if (row?.purpose !== 'reset') return { usable: false, reason: 'unknown' };
  if (row.used_at) return { usable: false, reason: 'used' };
  if (row.expires_at.getTime() <= Date.now()) return { usable: false, reason: 'expired' };
  // A link for an address the account no longer has would be refused on submit too.
  const user = await findAccount(deps.db, row.user_id);
  if (!user || user.email !== row.email) return { usable: false, reason: 'unknown' };
  return { usable: true };
}

/**
 * Sets the new password and signs the account out everywhere: every session row is deleted and
 * its cached copy dropped from the shared store (all instances read it). Following a reset link
 * also proves the address, so an unverified account becomes verified.
 */
export async function resetPassword(deps: AppDeps, input: ResetPasswordInput): Promise<{ email: string }> {
  const key = accountTokenKey(deps, input.token);
  const passwordHash = await hash(input.password);
  const done = await inTransaction(deps.db, async (tx) => {
    const token = await consumeAccountToken(tx, key, 'reset');
    if (!token) return null;
    const user = await findAccount(tx, token.user_id);
    if (!user || user.email !== token.email) return null;
    await setPasswordHash(tx, user.id, passwordHash);
    if (!user.email_verified_at) await markEmailVerifiedNow(tx, user.id);
    const revoked = await deleteSessionsOfUser(tx, user.id);
    await sendSecurityNotice(deps, tx, user, {
      subject: 'Your Hearth password was changed',
      heading: 'Your password was changed',
      paragraphs: [
        'The password of your Hearth account was just reset, and every device that was signed in has been signed out.',
        'If this was not you, reset your password again now.',
      ],
    });
    return { email: user.email, revoked };
  });
  if (!done) throw await invalidToken(deps, key, 'reset');
  await forgetSessionKeys(deps, done.revoked);
  return { email: done.email };
}

/**
 * A verification link that no longer works (used, superseded or expired) for the address the
 * account has now, already confirmed: following it again is not a failure. Says no more than the
 * link itself (which address it was for is not repeated to whoever holds it).
 */
async function alreadyConfirmed(deps: AppDeps, key: string): Promise<boolean> {
  const row = await findAccountToken(deps.db, key);
  if (row?.purpose !== 'verify') return false;
  const user = await findAccount(deps.db, row.user_id);
  return !!user && user.email === row.email && user.email_verified_at !== null;
}

export type VerifyEmailResult =
  | { alreadyConfirmed: false; email: string; changed: boolean }
  | { alreadyConfirmed: true };

/** Follows a verification link: the address is verified (and, for a change, becomes the email). */
export async function verifyEmail(deps: AppDeps, token: string): Promise<VerifyEmailResult> {
  const key = accountTokenKey(deps, token);
  let done: { email: string; changed: boolean; userId: number } | null;
  try {
    done = await inTransaction(deps.db, async (tx) => {
      const t = await consumeAccountToken(tx, key, 'verify');
      if (!t) return null;
      const user = await findAccount(tx, t.user_id);
      if (!user) return null;
      const changed = user.email !== t.email;
      await setVerifiedEmail(tx, user.id, t.email);
      if (changed)
        await sendSecurityNotice(deps, tx, user, {
          subject: 'Your Hearth email address was changed',
          heading: 'Your email address was changed',
          paragraphs: [
            `Your Hearth account now uses ${t.email}. Mail about your orders and your account goes there from now on.`,
            'If you did not ask for this, reset your password and contact us.',
          ],
        });
      return { email: t.email, changed, userId: user.id };
    });
  } catch (err) {
    // Someone else took the address between the request and the click.
    if (isUniqueViolation(err)) throw uniqueViolationError(err);
    throw err;
  }
  if (!done) {
    if (await alreadyConfirmed(deps, key)) return { alreadyConfirmed: true };
    throw await invalidToken(deps, key, 'verify');
  }
  // The cached session user carries the email and emailVerified: every session re-reads them.
  await forgetUserSessions(deps, done.userId);
  return { alreadyConfirmed: false, email: done.email, changed: done.changed };
}

/** A fresh verification link for an unverified account (older links stop working). */
export async function resendVerification(deps: AppDeps, userId: number): Promise<{ alreadyVerified: boolean }> {
  return inTransaction(deps.db, async (tx) => {
    const user = await findAccount(tx, userId);
    if (!user) throw new DomainError('UNAUTHORIZED', 'Please sign in first.');
    if (user.email_verified_at) return { alreadyVerified: true };
    await sendVerificationLink(deps, tx, { userId, name: user.name, email: user.email });
    return { alreadyVerified: false };
  });
}

async function checkPassword(deps: AppDeps, userId: number, password: string, field: string) {
  const user = await findAccount(deps.db, userId);
  if (!user?.password_hash || !(await Bun.password.verify(password, user.password_hash)))
    throw new DomainError('BAD_REQUEST', 'That password is not right.', { field });
  return user;
}

/** Changes the password; every other session of the account is signed out, this one stays. */
export async function changePassword(
  deps: AppDeps,
  userId: number,
  sessionId: string,
  input: ChangePasswordInput,
): Promise<void> {
  const user = await checkPassword(deps, userId, input.currentPassword, 'currentPassword');
  const passwordHash = await hash(input.newPassword);
  const revoked = await inTransaction(deps.db, async (tx) => {
    await setPasswordHash(tx, userId, passwordHash);
    const keys = await deleteSessionsOfUser(tx, userId, sessionKey(deps, sessionId));
    await sendSecurityNotice(deps, tx, user, {
      subject: 'Your Hearth password was changed',
      heading: 'Your password was changed',
      paragraphs: [
        'You changed the password of your Hearth account. Other devices that were signed in have been signed out.',
        'If this was not you, reset your password now.',
      ],
    });
    return keys;
  });
  await forgetSessionKeys(deps, revoked);
}

/** Sends a verification link to the new address; the email changes when it is followed. */
export async function changeEmail(deps: AppDeps, userId: number, input: ChangeEmailInput): Promise<AccountDto> {
  const user = await checkPassword(deps, userId, input.password, 'password');
  if (input.email === user.email)
    throw new DomainError('BAD_REQUEST', 'That is already your email address.', { field: 'email' });
  if (await findAccountByEmail(deps.db, input.email))
    throw new DomainError('EMAIL_TAKEN', 'An account with this email already exists.', { field: 'email' });
  await inTransaction(deps.db, (tx) =>
    sendVerificationLink(deps, tx, { userId, name: user.name, email: input.email }, true),
  );
  return accountOf(deps, userId);
}

export async function accountOf(deps: AppDeps, userId: number): Promise<AccountDto> {
  const user = await findAccount(deps.db, userId);
  if (!user) throw new DomainError('UNAUTHORIZED', 'Please sign in first.');
  const pending = await findPendingEmail(deps.db, userId, user.email);
  return {
    email: user.email,
    name: user.name,
    emailVerified: user.email_verified_at !== null,
    pendingEmail: pending?.email ?? null,
  };
}

/**
 * A guest buyer sets a password from the link in their confirmation mail (which proves the
 * address is theirs, so the account is verified); their orders are already its orders. The link
 * shown on the confirmation page only views orders: setting a password needs the mailed one.
 */
export async function claimGuestAccount(deps: AppDeps, input: ClaimGuestAccountInput): Promise<number> {
  const checkout = await guestCheckout(deps, input.token);
  if (checkout.scope !== 'm')
    throw new DomainError(
      'TOKEN_INVALID',
      'To set a password, open the link in your order confirmation mail (it proves the address is yours).',
      { reason: 'unknown' },
    );
  const taken = () =>
    new DomainError('PRECONDITION_FAILED', 'This email already has an account: sign in to see your orders.');
  if (!checkout.guestBuyer) throw taken();
  const passwordHash = await hash(input.password);
  const claimed = await inTransaction(deps.db, (tx) => claimGuestBuyer(tx, checkout.buyerId, passwordHash));
  if (!claimed) throw taken();
  return checkout.buyerId;
}
