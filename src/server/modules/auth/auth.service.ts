// Registration, login and logout. Passwords hashed with argon2id via Bun.password.
import { DomainError } from '../../../shared/errors';
import type { LoginInput, RegisterInput, UserDto } from '../../../shared/schemas/auth';
import type { Context } from '../../trpc/context';
import { enforceRateLimit, rateRules } from '../../trpc/rate-limit';
import { adoptGuestCart } from '../cart/cart.service';
import { findUserByEmail, findUserDto, insertUser } from './auth.repository';
import { clearSessionCookie, createSession, destroySession, sessionCookie } from './auth.session';

// Verified against when the email is unknown, so both failures take the same time.
const DUMMY_HASH = await Bun.password.hash('not-a-real-password', { algorithm: 'argon2id' });

async function startSession(ctx: Context, userId: number): Promise<UserDto> {
  // A fresh id on every login: a pre-set cookie can never become a signed-in session.
  if (ctx.sessionId) await destroySession(ctx.deps, ctx.sessionId);
  const session = await createSession(ctx.deps, userId);
  ctx.resHeaders.append('Set-Cookie', sessionCookie(session.id, session.expiresAt, ctx.deps.config.production));
  ctx.sessionId = session.id;
  const user = await findUserDto(ctx.deps.db, userId);
  ctx.user = { ...user, shopId: user.shopId ?? null };
  await adoptGuestCart(ctx);
  return ctx.user;
}

export async function register(ctx: Context, input: RegisterInput): Promise<{ user: UserDto }> {
  await enforceRateLimit(ctx.deps.store, rateRules.register, ctx.ip);
  const password_hash = await Bun.password.hash(input.password, { algorithm: 'argon2id' });
  const row = await insertUser(ctx.deps.db, { email: input.email, name: input.name, password_hash });
  if (!row) throw new DomainError('EMAIL_TAKEN', 'An account with this email already exists.', { field: 'email' });
  return { user: await startSession(ctx, row.id) };
}

export async function login(ctx: Context, input: LoginInput): Promise<{ user: UserDto }> {
  await enforceRateLimit(ctx.deps.store, rateRules.login, `${ctx.ip}:${input.email}`);
  await enforceRateLimit(ctx.deps.store, rateRules.loginPerAccount, input.email);
  const row = await findUserByEmail(ctx.deps.db, input.email);
  const ok = await Bun.password.verify(input.password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !ok) throw new DomainError('UNAUTHORIZED', 'Email or password is incorrect.');
  return { user: await startSession(ctx, row.id) };
}

export async function logout(ctx: Context): Promise<{ ok: true }> {
  if (ctx.sessionId) await destroySession(ctx.deps, ctx.sessionId);
  ctx.resHeaders.append('Set-Cookie', clearSessionCookie(ctx.deps.config.production));
  ctx.sessionId = null;
  ctx.user = null;
  return { ok: true };
}
