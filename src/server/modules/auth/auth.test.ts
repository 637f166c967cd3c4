import { describe, expect, test } from 'bun:test';
import { sql } from 'kysely';
import { rejection } from '../../test/expect-error';
import { anonymousCaller, createUser, TEST_PASSWORD, unique } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { errorData } from '../../trpc/error-mapper';
import { forgetUserSessions, resolveSession, sessionKey } from './auth.session';

describe('auth', () => {
  test('register sets an HttpOnly session cookie and me() returns the user', async () => {
    const { caller, ctx } = anonymousCaller();
    const email = `${unique('reg')}@Example.test`;
    const { user } = await caller.auth.register({ email, password: 'longenough1', name: 'Ada' });
    expect(user.email).toBe(email.toLowerCase());
    expect(user.shopId).toBeNull();
    const cookie = ctx.resHeaders.get('set-cookie') ?? '';
    expect(cookie).toContain('hearth_session=');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect((await caller.auth.me()).user?.id).toBe(user.id);
    const stored = await testDeps()
      .db.selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash?.startsWith('$argon2id$')).toBe(true);
  });

  test('duplicate email is a CONFLICT and creates nothing', async () => {
    const existing = await createUser();
    const { caller } = anonymousCaller();
    const err = await rejection(
      caller.auth.register({ email: existing.email.toUpperCase(), password: 'longenough1', name: 'B' }),
    );
    expect(err.code).toBe('CONFLICT');
    const count = await testDeps()
      .db.selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', '=', existing.email)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  test('short password and bad email name the field', async () => {
    const { caller } = anonymousCaller();
    const err = await rejection(caller.auth.register({ email: 'not-an-email', password: 'short', name: 'X' }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toContain('email');
    expect(err.message).toContain('password');
  });

  test('empty sign-in and create-account fields are refused in whole sentences, on the field', async () => {
    const { caller } = anonymousCaller();
    const fieldErrorsOf = async (p: Promise<unknown>) => errorData(await rejection(p)).fieldErrors;
    expect(await fieldErrorsOf(caller.auth.login({ email: '', password: '' }))).toEqual({
      email: ['Enter your email address.'],
      password: ['Enter your password.'],
    });
    expect(await fieldErrorsOf(caller.auth.register({ email: 'rita@', password: 'short', name: '' }))).toEqual({
      email: ['Enter a valid email address, like name@example.com.'],
      password: ['Your password must be at least 8 characters.'],
      name: ['Enter your name.'],
    });
  });

  test('login with wrong password or unknown email gives the same UNAUTHORIZED message', async () => {
    const user = await createUser();
    const { caller } = anonymousCaller();
    const wrong = await rejection(caller.auth.login({ email: user.email, password: 'wrong-password' }));
    const unknown = await rejection(
      caller.auth.login({ email: `${unique('nobody')}@example.test`, password: 'wrong-password' }),
    );
    expect(wrong.code).toBe('UNAUTHORIZED');
    expect(unknown.code).toBe('UNAUTHORIZED');
    expect(wrong.message).toBe(unknown.message);
    const ok = await caller.auth.login({ email: user.email, password: TEST_PASSWORD });
    expect(ok.user.id).toBe(user.id);
  });

  test('guesses from a few addresses slow the guessers but never lock the owner out', async () => {
    const user = await createUser();
    const net = `198.51.${Math.floor(Math.random() * 250)}`;
    const from = (ip: string, password: string) =>
      anonymousCaller(testDeps(), { ip }).caller.auth.login({ email: user.email, password });
    const codeOf = async (p: Promise<unknown>) =>
      (
        await p.then(
          () => ({ code: 'OK' }),
          (e) => e,
        )
      ).code as string;
    // 50 wrong passwords from 10 addresses: the account's failure limit is reached.
    const guesses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => codeOf(from(`${net}.${i % 10}`, 'wrong-password'))),
    );
    expect(guesses.every((c) => c === 'UNAUTHORIZED')).toBe(true);
    // A guessing address is refused now, even with the right password (it learns nothing).
    expect(await codeOf(from(`${net}.1`, TEST_PASSWORD))).toBe('TOO_MANY_REQUESTS');
    // The owner, from an address that has not been guessing, signs in.
    expect(await codeOf(from(`${net}.200`, TEST_PASSWORD))).toBe('OK');
    // A new address gets its password checked, but only a couple of wrong ones.
    expect(await codeOf(from(`${net}.201`, 'wrong-password'))).toBe('UNAUTHORIZED');
    expect(await codeOf(from(`${net}.201`, 'wrong-password'))).toBe('UNAUTHORIZED');
    expect(await codeOf(from(`${net}.201`, TEST_PASSWORD))).toBe('TOO_MANY_REQUESTS');
  }, 30_000);

  test('one address failing across many emails is stopped, whichever email it tries next', async () => {
    const user = await createUser();
    const ip = `203.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const { caller } = anonymousCaller(testDeps(), { ip });
    // 30 failures spread over three accounts (10 each, within the per-account-and-address limit).
    const targets = await Promise.all([createUser(), createUser(), createUser()]);
    const stuffed = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        rejection(caller.auth.login({ email: targets[i % 3].email, password: 'pw-guess' })),
      ),
    );
    expect(stuffed.map((e) => e.code)).toEqual(Array(30).fill('UNAUTHORIZED'));
    const err = await rejection(caller.auth.login({ email: user.email, password: TEST_PASSWORD }));
    expect(err.code).toBe('TOO_MANY_REQUESTS');
    // Other addresses are not affected.
    const ok = await anonymousCaller().caller.auth.login({ email: user.email, password: TEST_PASSWORD });
    expect(ok.user.id).toBe(user.id);
  }, 30_000);

  test('login issues a fresh session id and drops the one presented (no fixation)', async () => {
    const user = await createUser();
    const { caller, ctx } = anonymousCaller(testDeps(), { sessionId: user.sessionId });
    await caller.auth.login({ email: user.email, password: TEST_PASSWORD });
    expect(ctx.sessionId).not.toBe(user.sessionId);
    const old = await testDeps()
      .db.selectFrom('sessions')
      .select('id')
      .where('id', '=', sessionKey(testDeps(), user.sessionId))
      .executeTakeFirst();
    expect(old).toBeUndefined();
  });

  test('the session registration opened is a first visit (home says "Welcome"); a later sign-in is a return', async () => {
    const deps = testDeps();
    const { caller, ctx } = anonymousCaller();
    const { user } = await caller.auth.register({
      email: `${unique('new')}@example.test`,
      password: 'longenough1',
      name: 'Rita',
    });
    expect((await resolveSession(deps, ctx.sessionId!))?.firstVisit).toBe(true);

    // The same session the next day or later: no longer a first visit.
    // (created_at is the database's own, not writable through the typed builder.)
    await sql`update users set created_at = now() - interval '2 days' where id = ${user.id}`.execute(deps.db);
    await sql`update sessions set created_at = now() - interval '2 days' where user_id = ${user.id}`.execute(deps.db);
    await forgetUserSessions(deps, user.id);
    expect((await resolveSession(deps, ctx.sessionId!))?.firstVisit).toBe(false);

    // Signing in to an account made an hour ago: welcome back.
    const older = await createUser();
    await sql`update users set created_at = now() - interval '1 hour' where id = ${older.id}`.execute(deps.db);
    const login = anonymousCaller();
    await login.caller.auth.login({ email: older.email, password: TEST_PASSWORD });
    expect((await resolveSession(deps, login.ctx.sessionId!))?.firstVisit).toBe(false);
  });

  test('the database stores only an HMAC of the session token, never the token', async () => {
    const user = await createUser();
    const raw = await testDeps()
      .db.selectFrom('sessions')
      .select('id')
      .where('id', '=', user.sessionId)
      .executeTakeFirst();
    expect(raw).toBeUndefined();
    expect((await user.caller.auth.me()).user?.id).toBe(user.id);
  });

  test('logout ends the session', async () => {
    const user = await createUser();
    await user.caller.auth.logout();
    const row = await testDeps()
      .db.selectFrom('sessions')
      .select('id')
      .where('id', '=', sessionKey(testDeps(), user.sessionId))
      .executeTakeFirst();
    expect(row).toBeUndefined();
    expect(user.ctx.resHeaders.get('set-cookie')).toContain('Max-Age=0');
  });

  test('login is rate limited per ip and email with a retry time', async () => {
    const user = await createUser();
    const { caller } = anonymousCaller();
    const attempts = await Promise.allSettled(
      Array.from({ length: 12 }, () => caller.auth.login({ email: user.email, password: 'wrong-password' })),
    );
    const limited = attempts.filter(
      (a) => a.status === 'rejected' && (a.reason as { code: string }).code === 'TOO_MANY_REQUESTS',
    );
    expect(limited.length).toBe(2);
    const reason = (limited[0] as PromiseRejectedResult).reason as Error;
    expect(reason.message).toMatch(/Try again in \d+ minutes?\./);
  });
});
