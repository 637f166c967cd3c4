// Sessions: random ids in Postgres (the truth) with a short Redis cache in front, and each
// instance's one-second memo in front of that (session-memo.ts).
import type { UserDto } from '../../../shared/schemas/auth';
import type { AppDeps } from '../../deps';
import { deleteSession, findSessionUser, insertSession, sessionKeysOfUser } from './auth.repository';
import { forgetMemoized, sessionMemo } from './session-memo';

export type SessionUser = UserDto;

export const SESSION_DAYS = 30;
const CACHE_SECONDS = 300;
const cacheKey = (key: string) => `sess:${key}`;

/** The database and cache key a session token is stored under: HMAC-SHA256(secret, token). */
export function sessionKey(deps: AppDeps, token: string): string {
  return new Bun.CryptoHasher('sha256', deps.config.sessionSecret).update(token).digest('base64url');
}

/** Where a session token's user is cached (tests use it to plant a stale copy). */
export function sessionCacheKey(deps: AppDeps, token: string): string {
  return cacheKey(sessionKey(deps, token));
}

export function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Buffer.from(bytes).toString('base64url');
}

export async function createSession(deps: AppDeps, userId: number): Promise<{ id: string; expiresAt: Date }> {
  const id = newSessionId();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await insertSession(deps.db, { id: sessionKey(deps, id), user_id: userId, expires_at: expiresAt });
  return { id, expiresAt };
}

export async function resolveSession(deps: AppDeps, sessionId: string): Promise<SessionUser | null> {
  if (sessionId.length > 100) return null;
  const key = sessionKey(deps, sessionId);
  const memo = sessionMemo(deps.store);
  const memoized = memo.get(key);
  if (memoized) return memoized;
  const cached = await deps.store.get(cacheKey(key));
  if (cached) {
    const user = JSON.parse(cached) as SessionUser;
    memo.remember(key, user);
    return user;
  }
  const row = await findSessionUser(deps.db, key);
  if (!row || row.expires_at.getTime() < Date.now()) return null;
  const user: SessionUser = {
    id: row.id,
    email: row.email,
    name: row.name,
    shopId: row.shopId ?? null,
    emailVerified: row.email_verified_at !== null,
    firstVisit: row.firstVisit,
  };
  await deps.store.set(cacheKey(key), JSON.stringify(user), CACHE_SECONDS);
  memo.remember(key, user);
  return user;
}

export async function destroySession(deps: AppDeps, sessionId: string) {
  const key = sessionKey(deps, sessionId);
  await deleteSession(deps.db, key);
  await dropCachedCopies(deps, [key]);
}

/** Drops the shared copies of these sessions and every instance's memo of them. */
async function dropCachedCopies(deps: AppDeps, keys: string[]) {
  await deps.store.del(...keys.map(cacheKey));
  await forgetMemoized(deps.store, keys);
}

/**
 * Drops the cached copy of EVERY session of this user after their role changes (shopId is part of
 * the session user). The sessions table is the index: its ids are the cache keys, so no extra
 * Redis structure has to be kept in step. The cache is shared by all instances (Redis), so one
 * delete reaches them all. Ownership decisions never read this cache (they read the database), so
 * a copy that a request racing this call writes back is stale for display only, until its TTL.
 */
export async function forgetUserSessions(deps: AppDeps, userId: number) {
  const keys = await sessionKeysOfUser(deps.db, userId);
  if (keys.length) await dropCachedCopies(deps, keys);
}

/** How long after a revocation its cache entries are dropped a second time (see below). */
export const REVOKE_RECHECK_MS = 2_000;

/**
 * Drops the cached copies of sessions whose rows were just deleted (password reset or change),
 * on every instance at once (the cache is the shared store). A request that read a row just
 * before the delete committed may write its copy back after the first drop; the second drop a
 * moment later removes it, so a revoked session is refused everywhere within REVOKE_RECHECK_MS.
 */
export async function forgetSessionKeys(deps: AppDeps, keys: string[]) {
  if (!keys.length) return;
  const drop = () => dropCachedCopies(deps, keys);
  await drop();
  setTimeout(() => {
    drop().catch((err) => deps.log.warn({ err: String(err) }, 'revoked sessions: second cache drop failed'));
  }, REVOKE_RECHECK_MS).unref();
}
