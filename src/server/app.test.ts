import { describe, expect, test } from 'bun:test';
import { createApp } from './app';
import { testDeps } from './test/test-services';

const app = () => createApp(testDeps());

describe('http edge', () => {
  test('healthz and readyz report each service', async () => {
    expect((await app().request('/healthz')).status).toBe(200);
    const ready = await app().request('/readyz');
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { checks: Record<string, { ok: boolean }> };
    expect(body.checks.postgres.ok).toBe(true);
    expect(body.checks.redis.ok).toBe(true);
    expect(body.checks.meilisearch.ok).toBe(true);
  });

  test('responses carry security headers and a request id', async () => {
    const res = await app().request('/trpc/catalog.categories');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  test('public images may be shown by any document, an opaque-origin one too; the rest stays same-origin', async () => {
    // A sandboxed document (a mail's HTML in /dev/mail) asks for /favicon.ico and its images from
    // origin "null": under CORP same-origin the browser refused them and logged NotSameOrigin.
    const icon = await app().request('/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toStartWith('<svg');
    expect(icon.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    // Still the rest of the security headers.
    expect(icon.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(icon.headers.get('x-content-type-options')).toBe('nosniff');
    const api = await app().request('/trpc/catalog.categories');
    expect(api.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  test('mutations from a foreign origin or with a non-JSON body are refused and change nothing', async () => {
    const email = `csrf-${Date.now()}@example.test`;
    const body = JSON.stringify({ email, password: 'longenough1', name: 'Mallory' });
    const foreign = await app().request('/trpc/auth.register', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', host: 'localhost' },
      body,
    });
    expect(foreign.status).toBe(403);
    const form = await app().request('/trpc/auth.register', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(form.status).toBe(415);
    const row = await testDeps().db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    expect(row).toBeUndefined();
  });

  test('a same-origin JSON mutation works and sets the session cookie', async () => {
    const res = await app().request('http://localhost/trpc/auth.register', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ email: `ok-${Date.now()}@example.test`, password: 'longenough1', name: 'Ok' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toContain('HttpOnly');
  });

  test('wrong input types get a 400 naming the field, never a 500', async () => {
    const res = await app().request(
      '/trpc/catalog.product?input=' + encodeURIComponent(JSON.stringify({ productId: 'abc' })),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toContain('productId');
  });

  test('unknown procedures are 404', async () => {
    expect((await app().request('/trpc/nope.nothing')).status).toBe(404);
  });
});
