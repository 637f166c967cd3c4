// Signed links to a guest checkout's orders: "<paymentId>.<expiry>.<scope>.<hmac>". No database
// row: the signature under the server secret is the proof. Two scopes:
// - 'p' (page): shown to the browser that paid; views that checkout's orders.
// - 'm' (mail): sent to the email in the confirmation; views the orders and may set a password
//   for a guest buyer (following it proves the address is theirs).
import { timingSafeEqual } from 'node:crypto';
import type { AppDeps } from '../../deps';

export type GuestLinkScope = 'p' | 'm';
const TTL_SECONDS = 180 * 86_400;

function sign(deps: AppDeps, body: string): string {
  return new Bun.CryptoHasher('sha256', deps.config.sessionSecret).update(`guest-order:${body}`).digest('base64url');
}

export function guestOrderToken(deps: AppDeps, paymentId: number, scope: GuestLinkScope, now = Date.now()): string {
  const body = `${paymentId}.${Math.floor(now / 1000) + TTL_SECONDS}.${scope}`;
  return `${body}.${sign(deps, body)}`;
}

export function guestOrderPath(deps: AppDeps, paymentId: number, scope: GuestLinkScope): string {
  return `/orders/guest?token=${guestOrderToken(deps, paymentId, scope)}`;
}

export type GuestLinkCheck =
  | { ok: true; paymentId: number; scope: GuestLinkScope }
  | { ok: false; reason: 'unknown' | 'expired' };

export function checkGuestOrderToken(deps: AppDeps, token: string, now = Date.now()): GuestLinkCheck {
  const m = /^(\d{1,15})\.(\d{1,12})\.([pm])\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: 'unknown' };
  const body = `${m[1]}.${m[2]}.${m[3]}`;
  const want = Buffer.from(sign(deps, body));
  const got = Buffer.from(m[4]!);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, reason: 'unknown' };
  if (Number(m[2]) * 1000 < now) return { ok: false, reason: 'expired' };
  return { ok: true, paymentId: Number(m[1]), scope: m[3] as GuestLinkScope };
}
