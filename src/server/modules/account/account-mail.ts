// Issues one-time links and queues the mails that carry them, inside the caller's transaction.
// The link holds a random token; the database keeps only HMAC(secret, token) (account-token.ts).
import type { Tx } from '../../db/kysely';
import type { AppDeps } from '../../deps';
import { enqueueEmail } from '../email/email-outbox.repository';
import { insertAccountToken, retireAccountTokens, type TokenPurpose } from './account.repository';
import { accountTokenKey, newAccountToken, TOKEN_TTL_MS } from './account-token';

interface Recipient {
  userId: number;
  name: string;
  email: string;
}

/** Retires the user's earlier links of this purpose and stores a new one; returns its token. */
async function issueLink(deps: AppDeps, tx: Tx, to: Recipient, purpose: TokenPurpose): Promise<string> {
  const token = newAccountToken();
  await retireAccountTokens(tx, to.userId, purpose);
  await insertAccountToken(tx, {
    userId: to.userId,
    purpose,
    key: accountTokenKey(deps, token),
    email: to.email,
    expiresAt: new Date(Date.now() + TOKEN_TTL_MS[purpose]),
  });
  return token;
}

/** A verification link to `email` (the account's address, or the new one of a change). */
export async function sendVerificationLink(deps: AppDeps, tx: Tx, to: Recipient, change = false) {
  const token = await issueLink(deps, tx, to, 'verify');
  const url = `${deps.config.appUrl}/verify-email?token=${token}`;
  await enqueueEmail(tx, { kind: 'account.verify', to: to.email, payload: { name: to.name, url, change } });
}

export async function sendResetLink(deps: AppDeps, tx: Tx, to: Recipient) {
  const token = await issueLink(deps, tx, to, 'reset');
  const url = `${deps.config.appUrl}/reset-password?token=${token}`;
  await enqueueEmail(tx, { kind: 'account.reset', to: to.email, payload: { name: to.name, url } });
}

/** A short notice (password changed, email changed) with a way back in if it was not them. */
export async function sendSecurityNotice(
  deps: AppDeps,
  tx: Tx,
  to: { name: string; email: string },
  notice: { subject: string; heading: string; paragraphs: string[] },
) {
  await enqueueEmail(tx, {
    kind: 'notice',
    to: to.email,
    payload: {
      name: to.name,
      ...notice,
      action: { href: `${deps.config.appUrl}/forgot-password`, label: 'Reset your password' },
      reason: 'You get this mail because a security setting of your Hearth account changed.',
    },
  });
}
