// Guest cart tokens: a random cart key plus an HMAC of it under SESSION_SECRET, so only tokens
// this server issued name a cart. A made-up or altered token is ignored (no cart, no rate-limit
// subject of its own): rotating invented cookies gains nothing.
import { timingSafeEqual } from 'node:crypto';

const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function signatureOf(secret: string, key: string): string {
  return new Bun.CryptoHasher('sha256', secret).update(`guest-cart:${key}`).digest('base64url');
}

/** A new guest cart: `key` names the cart in the database, `token` goes in the cookie. */
export function issueGuestToken(secret: string): { key: string; token: string } {
  const key = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
  return { key, token: `${key}.${signatureOf(secret, key)}` };
}

/** The cart key of a token this server signed, or null for anything else. */
export function verifyGuestToken(secret: string, token: string | null): string | null {
  if (!token) return null;
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const key = token.slice(0, dot);
  if (!KEY_PATTERN.test(key)) return null;
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(signatureOf(secret, key));
  return given.length === expected.length && timingSafeEqual(given, expected) ? key : null;
}
