// Each instance remembers a resolved session for a second (session-memo.ts). These check that the
// memo never outlives a revocation made on another instance, and never outlives its second.
import { afterAll, describe, expect, test } from 'bun:test';
import { createUser } from '../../test/factories';
import { closeSecondInstances, secondInstanceDeps } from '../../test/second-instance';
import { waitUntil } from '../../test/wait-until';
import { destroySession, forgetUserSessions, resolveSession, sessionKey } from './auth.session';
import { MEMO_MS, sessionMemo } from './session-memo';

afterAll(closeSecondInstances);

describe('session memo', () => {
  test('signing out on one instance drops the memo of it on another', async () => {
    const a = secondInstanceDeps();
    const b = secondInstanceDeps();
    const user = await createUser(a);
    expect((await resolveSession(a, user.sessionId))?.id).toBe(user.id);
    // A copy on A that only the instances' message can remove in this test's time.
    const key = sessionKey(a, user.sessionId);
    sessionMemo(a.store).remember(key, (await resolveSession(a, user.sessionId))!, 600_000);
    // A message sent before A's SUBSCRIBE is answered is lost (on a busy machine that took longer
    // than this test's writes); in service such a copy simply expires within MEMO_MS.
    await sessionMemo(a.store).subscribed;

    await destroySession(b, user.sessionId);
    await waitUntil(() => sessionMemo(a.store).get(key) === null, { what: "A's memo dropped" });
    expect(await resolveSession(a, user.sessionId)).toBeNull();
    expect(await resolveSession(b, user.sessionId)).toBeNull();
  });

  test('a role change on one instance is seen on the other, not the remembered copy', async () => {
    const a = secondInstanceDeps();
    const b = secondInstanceDeps();
    const user = await createUser(a);
    const key = sessionKey(a, user.sessionId);
    sessionMemo(a.store).remember(key, (await resolveSession(a, user.sessionId))!, 600_000);
    await sessionMemo(a.store).subscribed;
    await b.db.updateTable('users').set({ name: 'Renamed Buyer' }).where('id', '=', user.id).execute();

    await forgetUserSessions(b, user.id);
    await waitUntil(async () => (await resolveSession(a, user.sessionId))?.name === 'Renamed Buyer', {
      what: 'new name on A',
    });
  });

  test('on the instance that signs out, the memo is gone before the call returns', async () => {
    const a = secondInstanceDeps();
    const user = await createUser(a);
    expect((await resolveSession(a, user.sessionId))?.id).toBe(user.id);
    await destroySession(a, user.sessionId);
    expect(await resolveSession(a, user.sessionId)).toBeNull();
  });

  test('a copy is kept for a second at most', async () => {
    const a = secondInstanceDeps();
    const user = await createUser(a);
    const key = sessionKey(a, user.sessionId);
    const resolved = (await resolveSession(a, user.sessionId))!;
    const memo = sessionMemo(a.store);
    memo.remember(key, resolved);
    expect(memo.get(key)?.id).toBe(user.id);
    const waited = await waitUntil(() => memo.get(key) === null, { what: 'memo expiry' });
    expect(waited).toBeGreaterThanOrEqual(MEMO_MS - 50);
  });
});
