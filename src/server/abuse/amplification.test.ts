// One HTTP request may not carry the work of hundreds: batches are capped, auth mutations are never
// batched, JSON bodies are limited (uploads keep their own, larger limit).
import { describe, expect, test } from 'bun:test';
import { createApp } from '../app';
import { MAX_BATCH_SIZE, MAX_JSON_BYTES } from '../http/request-limits';
import { createUser, TEST_PASSWORD } from '../test/factories';
import { testDeps } from '../test/test-services';
import { read } from './http-client';

const json = { 'content-type': 'application/json' };
const batchOf = (path: string, n: number) => Array.from({ length: n }, () => path).join(',');
const inputs = (n: number, input: unknown) =>
  JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, input])));

describe('amplification', () => {
  test(`a batch of up to ${MAX_BATCH_SIZE} calls is served; one more is refused before any call runs`, async () => {
    const deps = testDeps();
    const app = createApp(deps);
    const get = (n: number) =>
      app.request(
        `http://localhost/trpc/${batchOf('catalog.categories', n)}?batch=1&input=${encodeURIComponent(inputs(n, {}))}`,
      );
    const ok = await read(await get(MAX_BATCH_SIZE));
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveLength(MAX_BATCH_SIZE);
    expect((await get(MAX_BATCH_SIZE + 1)).status).toBe(400);
    expect((await get(500)).status).toBe(400);

    // Mutations too: 50 cart changes in one request change nothing.
    const buyer = await createUser(deps);
    const post = await app.request(`http://localhost/trpc/${batchOf('cart.removeItem', 50)}?batch=1`, {
      method: 'POST',
      headers: { ...json, cookie: `hearth_session=${buyer.sessionId}` },
      body: inputs(50, { productId: 1 }),
    });
    expect(post.status).toBe(400);
  });

  test('sign-in, registration and sign-out cannot be batched, even two at a time', async () => {
    const deps = testDeps();
    const app = createApp(deps);
    const user = await createUser(deps);
    const sessionsOf = async () =>
      Number(
        (
          await deps.db
            .selectFrom('sessions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('user_id', '=', user.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await sessionsOf();
    const login = { email: user.email, password: TEST_PASSWORD };
    for (const paths of ['auth.login,auth.login', 'cart.removeItem,auth.login', 'auth.logout,auth.logout']) {
      const res = await app.request(`http://localhost/trpc/${paths}?batch=1`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ 0: login, 1: login }),
      });
      expect({ paths, status: res.status }).toEqual({ paths, status: 400 });
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    expect(await sessionsOf()).toBe(before);
    // Alone, as the client sends them, they work (batch=1 with one call included).
    const single = await app.request('http://localhost/trpc/auth.login?batch=1', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ 0: login }),
    });
    expect(single.status).toBe(200);
    expect(await sessionsOf()).toBe(before + 1);
    // Queries about the session batch as before.
    const me = await app.request(
      `http://localhost/trpc/auth.me,catalog.categories?batch=1&input=${encodeURIComponent('{"0":null,"1":null}')}`,
    );
    expect(me.status).toBe(200);
  });

  test(`JSON bodies over ${MAX_JSON_BYTES / 1024} kB are refused with 413; uploads keep their own limit`, async () => {
    const app = createApp(testDeps());
    const big = JSON.stringify({ productId: 1, note: 'x'.repeat(MAX_JSON_BYTES) });
    const res = await read(
      await app.request('http://localhost/trpc/cart.removeItem', { method: 'POST', headers: json, body: big }),
    );
    expect(res.status).toBe(413);
    expect(res.text).toContain('256 kB');
    // Also when the client lies about the length by streaming without one.
    const stream = new Blob([big]).stream();
    const streamed = await app.request('http://localhost/trpc/cart.removeItem', {
      method: 'POST',
      headers: json,
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    // A 1 MB upload is not cut off by the JSON limit (refused only for want of a session here).
    const form = new FormData();
    form.append('file', new File([new Uint8Array(1024 * 1024)], 'a.png', { type: 'image/png' }));
    const upload = await app.request('http://localhost/api/uploads', { method: 'POST', body: form });
    expect(upload.status).toBe(401);
  });
});
