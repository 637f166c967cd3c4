// Registration, login and logout. Passwords hashed with argon2id via Bun.password. Takes plain
// values and returns the new session; the procedure writes the cookies (http/cookies.ts) and
// counts attempts (trpc/rate-limit*.ts).
import { DomainError } from '../../../shared/errors';
import type { LoginInput, RegisterInput, UserDto } from '../../../shared/schemas/auth';
import type { DbOrTx } from '../../db/kysely';
import { inTransaction } from '../../db/transaction';
import type { AppDeps } from '../../deps';
import { sendVerificationLink } from '../account/account-mail';
import { adoptGuestCart } from '../cart/cart.service';
import { findUserByEmail, findUserDto, insertUser } from './auth.repository';
import { createSession, destroySession } from './auth.session';

// Verified against when the email is unknown, so both failures take the same time.
const DUMMY_HASH = await Bun.password.hash('not-a-real-password', { algorithm: 'argon2id' });

/** What the browser presented: a session to replace, a guest cart to adopt. */
export interface Presented {
  sessionId: string | null;
  guestToken: string | null;
}

export interface SignedIn {
  user: UserDto;
  session: { id: string; expiresAt: Date };
  /** The guest cart joined the account cart, so the guest cookie can go. */
  guestCartAdopted: boolean;
}

export async function userDto(db: DbOrTx, userId: number): Promise<UserDto> {
  const row = await findUserDto(db, userId);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    shopId: row.shopId ?? null,
    emailVerified: row.email_verified_at !== null,
  };
}

export async function startSession(deps: AppDeps, userId: number, presented: Presented): Promise<SignedIn> {
  // A fresh id on every login: a pre-set cookie can never become a signed-in session.
  if (presented.sessionId) await destroySession(deps, presented.sessionId);
  const session = await createSession(deps, userId);
  const user = await userDto(deps.db, userId);
  const guestCartAdopted = await adoptGuestCart(deps, presented.guestToken, user);
  return { user, session, guestCartAdopted };
}

export async function register(deps: AppDeps, input: RegisterInput, presented: Presented): Promise<SignedIn> {
  const password_hash = await Bun.password.hash(input.password, { algorithm: 'argon2id' });
  // The account and its verification mail commit together: no account without its link.
  const row = await inTransaction(deps.db, async (tx) => {
    const user = await insertUser(tx, { email: input.email, name: input.name, password_hash });
    if (user) await sendVerificationLink(deps, tx, { userId: user.id, name: user.name, email: user.email });
    return user;
  });
  if (!row) {
    const existing = await findUserByEmail(deps.db, input.email);
    if (existing && existing.password_hash === null)
      throw new DomainError(
        'EMAIL_TAKEN',
        'You checked out as a guest with this email. Use “Forgot your password?” on the sign-in page to set a password and see your orders.',
        { field: 'email' },
      );
    throw new DomainError('EMAIL_TAKEN', 'An account with this email already exists.', { field: 'email' });
  }
  return startSession(deps, row.id, presented);
}

export async function login(deps: AppDeps, input: LoginInput, presented: Presented): Promise<SignedIn> {
  const row = await findUserByEmail(deps.db, input.email);
  const ok = await Bun.password.verify(input.password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !ok) throw new DomainError('UNAUTHORIZED', 'Email or password is incorrect.');
  return startSession(deps, row.id, presented);
}

export async function logout(deps: AppDeps, sessionId: string | null): Promise<void> {
  if (sessionId) await destroySession(deps, sessionId);
}
