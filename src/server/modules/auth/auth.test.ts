import { describe, expect, test } from 'bun:test';
import { rejection } from '../../test/expect-error';
import { anonymousCaller, createUser, TEST_PASSWORD, unique } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { sessionKey } from './auth.session';

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
    expect(stored.password_hash.startsWith('$argon2id$')).toBe(true);
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

  test('one account is protected across many addresses', async () => {
    const user = await createUser();
    const attempts = await Promise.allSettled(
      Array.from({ length: 55 }, (_, i) =>
        anonymousCaller(testDeps(), { ip: `192.0.2.${i}` }).caller.auth.login({
          email: user.email,
          password: 'wrong-password',
        }),
      ),
    );
    const limited = attempts.filter(
      (a) => a.status === 'rejected' && (a.reason as { code: string }).code === 'TOO_MANY_REQUESTS',
    );
    expect(limited.length).toBe(5);
  });

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
    expect(reason.message).toMatch(/Try again in \d+ s/);
  });
});
