// Checkout idempotency. The key is claimed with INSERT ... ON CONFLICT DO NOTHING, so of any
// number of concurrent calls exactly one proceeds; the others wait for its stored outcome.
// The request hash has two parts: the request itself (address, payment token) and the cart it
// was made on. A replay matches when the request is the same and the cart is the same or
// already emptied by the original checkout. A failed attempt changed nothing, so its key may
// be used again by a later call (concurrent waiters receive the same failure instead).
import { DomainError, type DomainErrorCode, type DomainErrorDetails } from '../../../shared/errors';
import type { Db } from '../../db/kysely';
import { findRecord, finishRecord, insertClaim, reclaim } from './idempotency.repository';

const STALE_SECONDS = 120;
const WAIT_MS = 10_000;

export interface RequestFingerprint {
  request: string;
  cart: string;
}

export function fingerprintHash(f: RequestFingerprint): string {
  return `${f.request}:${f.cart}`;
}

export function sha256(text: string): string {
  return new Bun.CryptoHasher('sha256').update(text).digest('hex');
}

interface StoredFailure {
  error: { code: DomainErrorCode; message: string; details: DomainErrorDetails };
}

export type Claim<T> = { kind: 'claimed' } | { kind: 'replay'; response: T };

function matches(storedHash: string, f: RequestFingerprint, cartEmpty: boolean): boolean {
  const [request, cart] = storedHash.split(':');
  return request === f.request && (cart === f.cart || cartEmpty);
}

function rethrow(stored: unknown): never {
  const failure = stored as StoredFailure | null;
  if (failure?.error) throw new DomainError(failure.error.code, failure.error.message, failure.error.details);
  throw new DomainError('UNAVAILABLE', 'Checkout failed; nothing was charged. Please try again.');
}

/**
 * Claims (user, key) for this request or returns the earlier outcome. With an empty cart only
 * a replay is possible, so nothing is claimed.
 */
export async function claimOrReplay<T>(
  db: Db,
  userId: number,
  key: string,
  f: RequestFingerprint,
  cartEmpty: boolean,
): Promise<Claim<T>> {
  const hash = fingerprintHash(f);
  if (!cartEmpty && (await insertClaim(db, userId, key, hash))) return { kind: 'claimed' };
  const deadline = Date.now() + WAIT_MS;
  let waited = false;
  for (;;) {
    const row = await findRecord(db, userId, key, STALE_SECONDS);
    if (!row) {
      if (cartEmpty) throw new DomainError('BAD_REQUEST', 'Your cart is empty.');
      if (await insertClaim(db, userId, key, hash)) return { kind: 'claimed' };
      continue;
    }
    const reusable = row.status === 'failed' && !waited;
    if (!reusable && !matches(row.request_hash, f, cartEmpty))
      throw new DomainError(
        'IDEMPOTENCY_KEY_REUSED',
        'This idempotency key was already used for a different checkout. Generate a new key per checkout.',
      );
    if (row.status === 'completed') return { kind: 'replay', response: row.response as T };
    if (row.status === 'failed') {
      if (waited) rethrow(row.response);
      if (cartEmpty) throw new DomainError('BAD_REQUEST', 'Your cart is empty.');
      if (await reclaim(db, userId, key, hash, STALE_SECONDS)) return { kind: 'claimed' };
      continue;
    }
    if (row.stale && !cartEmpty && (await reclaim(db, userId, key, hash, STALE_SECONDS))) return { kind: 'claimed' };
    if (Date.now() > deadline)
      throw new DomainError(
        'IDEMPOTENCY_IN_PROGRESS',
        'This checkout is still being processed. Check your orders before trying again.',
      );
    waited = true;
    await Bun.sleep(15 + Math.random() * 20);
  }
}

export async function failClaim(db: Db, userId: number, key: string, err: unknown) {
  const stored: StoredFailure | null =
    err instanceof DomainError ? { error: { code: err.code, message: err.message, details: err.details } } : null;
  await finishRecord(db, userId, key, 'failed', stored);
}
