import { describe, expect, test } from 'bun:test';
import sharp from 'sharp';
import { createApp } from '../../app';
import { createUser } from '../../test/factories';
import { testDeps } from '../../test/test-services';

async function png(width = 64, height = 48): Promise<Blob> {
  const buf = await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 60 } } })
    .png()
    .toBuffer();
  return new Blob([new Uint8Array(buf)], { type: 'image/png' });
}

function upload(body: FormData, cookie?: string) {
  const app = createApp(testDeps());
  return app.request('/api/uploads', {
    method: 'POST',
    body,
    headers: cookie ? { cookie, origin: 'http://localhost' } : { origin: 'http://localhost' },
  });
}

describe('image uploads', () => {
  test('a signed-in user uploads a PNG; it is re-encoded to WebP and served with immutable caching', async () => {
    const user = await createUser();
    const form = new FormData();
    form.set('file', await png(), 'mug.png');
    const res = await upload(form, `hearth_session=${user.sessionId}`);
    expect(res.status).toBe(201);
    const { url } = (await res.json()) as { url: string };
    expect(url).toMatch(/^\/uploads\/[0-9a-f-]{36}\.webp$/);

    const served = await createApp(testDeps()).request(url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');
    expect(served.headers.get('cache-control')).toContain('immutable');
    // A mail's HTML in /dev/mail's sandboxed frame (origin "null") shows a shop's logo too.
    expect(served.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.width).toBe(64);
  });

  test('anonymous uploads are refused with 401', async () => {
    const form = new FormData();
    form.set('file', await png(), 'mug.png');
    const res = await upload(form);
    expect(res.status).toBe(401);
  });

  test('a non-image with an image content type is rejected and nothing is served', async () => {
    const user = await createUser();
    const form = new FormData();
    form.set('file', new Blob(['<script>alert(1)</script>'], { type: 'image/png' }), 'evil.png');
    const res = await upload(form, `hearth_session=${user.sessionId}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('could not be read');
  });

  test('wrong type and files over 5 MB are refused with a clear message', async () => {
    const user = await createUser();
    const cookie = `hearth_session=${user.sessionId}`;
    const text = new FormData();
    text.set('file', new Blob(['hello'], { type: 'text/plain' }), 'a.txt');
    const r1 = await upload(text, cookie);
    expect(r1.status).toBe(400);
    expect(((await r1.json()) as { error: { message: string } }).error.message).toContain('JPEG, PNG');

    const big = new FormData();
    big.set('file', new Blob([new Uint8Array(5 * 1024 * 1024 + 10)], { type: 'image/png' }), 'big.png');
    const r2 = await upload(big, cookie);
    expect(r2.status).toBe(400);
    expect(((await r2.json()) as { error: { message: string } }).error.message).toContain('5 MB');
  });

  test('path traversal and unknown names are 404', async () => {
    const app = createApp(testDeps());
    expect((await app.request('/uploads/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await app.request(`/uploads/${crypto.randomUUID()}.webp`)).status).toBe(404);
  });
});
