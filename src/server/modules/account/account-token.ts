// One-time link tokens: 32 random bytes in the link, HMAC-SHA256(secret, token) in the database
// (like session ids), so neither a leaked table nor a guessed string opens anything.
import type { AppDeps } from '../../deps';

export const TOKEN_TTL_MS = {
  /** Issue 15: a reset link lives one hour. */
  reset: 60 * 60_000,
  /** Verification links may sit in an inbox overnight. */
  verify: 48 * 60 * 60_000,
} as const;

export function newAccountToken(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
}

export function accountTokenKey(deps: AppDeps, token: string): string {
  return new Bun.CryptoHasher('sha256', deps.config.sessionSecret).update(`account-token:${token}`).digest('base64url');
}
