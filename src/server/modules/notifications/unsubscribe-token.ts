// One-click unsubscribe links (RFC 8058): `<userId>.<event>.<HMAC>` signed with the session
// secret. A token can only turn OFF the one event it names for the one user it names, so it does
// not expire and may be used again (mail clients repeat the POST; decision 0117). Changing either
// part breaks the signature.
import { EMAIL_EVENTS, type EmailEvent } from '../../../shared/schemas/notifications';
import type { AppDeps } from '../../deps';

function signature(deps: AppDeps, userId: number, event: string): string {
  return new Bun.CryptoHasher('sha256', deps.config.sessionSecret)
    .update(`unsubscribe:${userId}:${event}`)
    .digest('base64url');
}

export function unsubscribeToken(deps: AppDeps, userId: number, event: EmailEvent): string {
  return `${userId}.${event}.${signature(deps, userId, event)}`;
}

export function unsubscribeUrl(deps: AppDeps, userId: number, event: EmailEvent): string {
  return `${deps.config.appUrl}/unsubscribe?token=${encodeURIComponent(unsubscribeToken(deps, userId, event))}`;
}

/** The user and event a genuine token names, or null for anything forged or malformed. */
export function readUnsubscribeToken(deps: AppDeps, token: string): { userId: number; event: EmailEvent } | null {
  const m = /^(\d{1,10})\.([a-z]+\.[a-z]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const userId = Number(m[1]);
  const event = m[2]!;
  if (!Number.isSafeInteger(userId) || userId <= 0 || !Object.hasOwn(EMAIL_EVENTS, event)) return null;
  const expected = Buffer.from(signature(deps, userId, event));
  const given = Buffer.from(m[3]!);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  return { userId, event: event as EmailEvent };
}
