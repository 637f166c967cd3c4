// CSRF, session fixation and cookie flags, over HTTP the way a browser would send requests.
import { describe, expect, test } from 'bun:test';
import { createApp } from '../app';
import type { AppDeps } from '../deps';
import { createProduct, createSeller, createUser, TEST_PASSWORD, unique } from '../test/factories';
import { testDeps } from '../test/test-services';
import { callProcedure, read, sessionCookie } from './http-client';
import { allProcedures } from './procedures';
import { diffCounts, rowCounts } from './row-counts';

const mutations = allProcedures().filter((p) => p.type === 'mutation');

async function post(app: ReturnType<typeof createApp>, path: string, headers: Record<string, string>, body: string) {
  return read(
    await app.request(`http://localhost/trpc/${path}`, {
      method: 'POST',
      headers: { host: 'localhost', ...headers },
      body,
    }),
  );
}

function cookieOf(res: { headers: Headers }, name = 'hearth_session'): { value: string; attrs: string[] } | null {
  for (const line of res.headers.getSetCookie()) {
    const [pair, ...attrs] = line.split(';').map((s) => s.trim());
    const [k, ...v] = pair.split('=');
    if (k === name) return { value: v.join('='), attrs };
  }
  return null;
}

describe('CSRF', () => {
  test(`every mutation (${mutations.length}) refuses a foreign Origin, a cross-site fetch and non-JSON bodies, writing nothing`, async () => {
    const deps = testDeps();
    const app = createApp(deps);
    const victim = await createUser(deps);
    const cookie = sessionCookie(victim.sessionId);
    const before = await rowCounts(deps.db);
    const body = JSON.stringify({
      productId: 1,
      shopId: 1,
      email: `${unique('c')}@example.test`,
      password: 'longenough1',
      name: 'X',
    });
    for (const { path } of mutations) {
      const attempts: [Record<string, string>, number][] = [
        [{ 'content-type': 'application/json', origin: 'https://evil.example', cookie }, 403],
        [{ 'content-type': 'application/json', origin: 'http://localhost.evil.example', cookie }, 403],
        [{ 'content-type': 'application/json', origin: 'null', cookie }, 403],
        [{ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site', cookie }, 403],
        [{ 'content-type': 'text/plain', cookie }, 415],
        [{ 'content-type': 'application/x-www-form-urlencoded', cookie }, 415],
        [{ 'content-type': 'multipart/form-data; boundary=x', cookie }, 415],
        [{ cookie }, 415],
      ];
      for (const [headers, status] of attempts) {
        const out = await post(app, path, headers, body);
        expect({ path, headers, status: out.status }).toEqual({ path, headers, status });
      }
      // A mutation can never be triggered by a GET (an <img src> or link).
      const viaGet = await app.request(`http://localhost/trpc/${path}?input=${encodeURIComponent(body)}`, {
        headers: { cookie },
      });
      expect(viaGet.status).toBe(405);
    }
    expect(diffCounts(before, await rowCounts(deps.db))).toEqual([]);
  });

  test('the Origin must match scheme, host and port, not just the host name', async () => {
    const deps = testDeps();
    const app = createApp(deps);
    const json = { 'content-type': 'application/json' };
    const logout = async (url: string, headers: Record<string, string>) =>
      (await app.request(url, { method: 'POST', headers: { ...json, ...headers }, body: '{}' })).status;
    // [url, host, origin, status]: same host name with another scheme or port is another origin (a
    // plain-http page or another app); the exact origin passes, default ports either way.
    const cases: [string, string, string, number][] = [
      ['https://shop.test/trpc/auth.logout', 'shop.test', 'http://shop.test', 403],
      ['http://shop.test/trpc/auth.logout', 'shop.test', 'https://shop.test', 403],
      ['http://shop.test/trpc/auth.logout', 'shop.test', 'http://shop.test:8080', 403],
      ['http://shop.test:3000/trpc/auth.logout', 'shop.test:3000', 'http://shop.test:3001', 403],
      ['https://shop.test/trpc/auth.logout', 'shop.test', 'https://shop.test', 200],
      ['https://shop.test/trpc/auth.logout', 'shop.test:443', 'https://shop.test', 200],
      ['http://shop.test:3000/trpc/auth.logout', 'shop.test:3000', 'http://shop.test:3000', 200],
    ];
    for (const [url, host, origin, status] of cases)
      expect({ url, host, origin, status: await logout(url, { host, origin }) }).toEqual({ url, host, origin, status });
    // The scheme a trusted proxy reports.
    const behindProxy = { host: 'shop.test', origin: 'https://shop.test', 'x-forwarded-proto': 'https' };
    expect(await logout('http://shop.test/trpc/auth.logout', behindProxy)).toBe(200);
    const untrusted = createApp({ ...deps, config: { ...deps.config, trustProxy: false } });
    const refused = await untrusted.request('http://shop.test/trpc/auth.logout', {
      method: 'POST',
      headers: { ...json, ...behindProxy },
      body: '{}',
    });
    expect(refused.status).toBe(403);
  });

  test('the same origin with a JSON body is accepted', async () => {
    const out = await post(
      createApp(testDeps()),
      'auth.logout',
      { 'content-type': 'application/json', origin: 'http://localhost' },
      '{}',
    );
    expect(out.status).toBe(200);
  });
});

describe('malformed and forged cookies', () => {
  const malformed = [
    'hearth_guest=%',
    'hearth_session=%ZZ',
    'hearth_session=%E0%A4%A',
    'hearth_guest=%ZZ; hearth_session=%',
    `hearth_session=${'x'.repeat(5000)}`,
    'hearth_session',
    '=; ;;=%',
  ];

  test('an undecodable cookie is ignored: every kind of call still answers, never a 500', async () => {
    const deps = testDeps();
    const app = createApp(deps);
    const seller = await createSeller(deps);
    const product = await createProduct(seller, { quantity: 50 });
    for (const cookie of malformed) {
      const me = await callProcedure(app, 'auth.me', 'query', undefined, { cookie });
      expect({ cookie, status: me.status }).toEqual({ cookie, status: 200 });
      expect((me.body as { result: { data: { user: unknown } } }).result.data.user).toBeNull();
      const cart = await callProcedure(app, 'cart.get', 'query', undefined, { cookie });
      expect({ cookie, status: cart.status }).toEqual({ cookie, status: 200 });
      const add = await callProcedure(
        app,
        'cart.addItem',
        'mutation',
        { productId: product.id, quantity: 1 },
        { cookie },
      );
      expect({ cookie, status: add.status }).toEqual({ cookie, status: 200 });
      const upload = await app.request('http://localhost/api/uploads', { method: 'POST', headers: { cookie } });
      expect({ cookie, status: upload.status }).toEqual({ cookie, status: 401 });
    }
  });

  test('a good session cookie still counts next to a malformed one', async () => {
    const deps = testDeps();
    const user = await createUser(deps);
    const cookie = `hearth_guest=%; ${sessionCookie(user.sessionId)}; junk=%ZZ`;
    const me = await callProcedure(createApp(deps), 'auth.me', 'query', undefined, { cookie });
    expect((me.body as { result: { data: { user: { id: number } } } }).result.data.user.id).toBe(user.id);
  });

  test('a guest token the server did not sign names no cart, and the server issues its own', async () => {
    const deps = testDeps();
    const app = createApp(deps);
    const seller = await createSeller(deps);
    const product = await createProduct(seller, { quantity: 5 });
    const first = await callProcedure(app, 'cart.addItem', 'mutation', { productId: product.id, quantity: 1 });
    const issued = cookieOf(first, 'hearth_guest')!.value;
    const [key, signature] = issued.split('.');
    expect(key).toHaveLength(43);
    expect(signature.length).toBeGreaterThan(20);
    // The issued cookie reads its cart back.
    const mine = await callProcedure(app, 'cart.get', 'query', undefined, { cookie: `hearth_guest=${issued}` });
    expect((mine.body as { result: { data: { itemCount: number } } }).result.data.itemCount).toBe(1);
    const forgeries = [
      key, // the bare key, as the old unsigned tokens were
      `${key}.${signature.slice(0, -2)}xx`,
      `${'A'.repeat(43)}.${signature}`,
      'a'.repeat(48),
    ];
    for (const forged of forgeries) {
      const cookie = `hearth_guest=${forged}`;
      const read = await callProcedure(app, 'cart.get', 'query', undefined, { cookie });
      expect((read.body as { result: { data: { itemCount: number } } }).result.data.itemCount).toBe(0);
      const add = await callProcedure(
        app,
        'cart.addItem',
        'mutation',
        { productId: product.id, quantity: 1 },
        { cookie },
      );
      expect(add.status).toBe(200);
      // Not the forged value: a freshly signed token for a new cart.
      const fresh = cookieOf(add, 'hearth_guest')!.value;
      expect(fresh).not.toBe(forged);
      expect(fresh.split('.')[0]).not.toBe(key);
    }
  });
});

describe('session cookies', () => {
  const withConfig = (production: boolean): AppDeps => ({
    ...testDeps(),
    config: { ...testDeps().config, production },
  });

  test('login sets an HttpOnly, SameSite=Lax, Path=/ cookie; Secure only in production', async () => {
    for (const production of [false, true]) {
      const app = createApp(withConfig(production));
      const user = await createUser(testDeps());
      const out = await callProcedure(app, 'auth.login', 'mutation', { email: user.email, password: TEST_PASSWORD });
      expect(out.status).toBe(200);
      const c = cookieOf(out);
      expect(c).not.toBeNull();
      expect(c!.value.length).toBeGreaterThanOrEqual(40);
      expect(c!.attrs).toContain('HttpOnly');
      expect(c!.attrs).toContain('SameSite=Lax');
      expect(c!.attrs).toContain('Path=/');
      expect(c!.attrs.includes('Secure')).toBe(production);
    }
  });

  test('session fixation: a planted cookie never becomes the signed-in session', async () => {
    const deps = testDeps();
    const app = createApp(deps);
    const victim = await createUser(deps);
    // 1. An attacker-chosen value.
    const planted = 'attacker-chosen-session-id-0123456789abcdef';
    const login1 = await callProcedure(
      app,
      'auth.login',
      'mutation',
      { email: victim.email, password: TEST_PASSWORD },
      { cookie: sessionCookie(planted) },
    );
    expect(login1.status).toBe(200);
    expect(cookieOf(login1)!.value).not.toBe(planted);
    const me1 = await callProcedure(app, 'auth.me', 'query', undefined, { cookie: sessionCookie(planted) });
    expect((me1.body as { result: { data: { user: unknown } } }).result.data.user).toBeNull();
    // 2. A real session the attacker owns: logging in as the victim replaces and destroys it.
    const attacker = await createUser(deps);
    const login2 = await callProcedure(
      app,
      'auth.login',
      'mutation',
      { email: victim.email, password: TEST_PASSWORD },
      { cookie: sessionCookie(attacker.sessionId) },
    );
    const fresh = cookieOf(login2)!.value;
    expect(fresh).not.toBe(attacker.sessionId);
    const meOld = await callProcedure(app, 'auth.me', 'query', undefined, {
      cookie: sessionCookie(attacker.sessionId),
    });
    expect((meOld.body as { result: { data: { user: unknown } } }).result.data.user).toBeNull();
    const meNew = await callProcedure(app, 'auth.me', 'query', undefined, { cookie: sessionCookie(fresh) });
    expect((meNew.body as { result: { data: { user: { id: number } } } }).result.data.user.id).toBe(victim.id);
  });

  test('logout clears the cookie and kills the session on the server', async () => {
    const deps = testDeps();
    const app = createApp(deps);
    const user = await createUser(deps);
    const who = { cookie: sessionCookie(user.sessionId) };
    const out = await callProcedure(app, 'auth.logout', 'mutation', {}, who);
    expect(out.status).toBe(200);
    const c = cookieOf(out)!;
    expect(c.value).toBe('');
    expect(c.attrs).toContain('Max-Age=0');
    const me = await callProcedure(app, 'auth.me', 'query', undefined, who);
    expect((me.body as { result: { data: { user: unknown } } }).result.data.user).toBeNull();
  });

  test('session tokens are not stored in the clear', async () => {
    const deps = testDeps();
    const user = await createUser(deps);
    const row = await deps.db.selectFrom('sessions').select('id').where('id', '=', user.sessionId).executeTakeFirst();
    expect(row).toBeUndefined();
  });

  test('listing text with HTML travels as inert JSON (application/json, nosniff), unchanged', async () => {
    const deps = testDeps();
    const app = createApp(deps);
    const seller = await createSeller(deps);
    const title = `<img src=x onerror=alert(1)> Mug ${unique('x')}`;
    const product = await createProduct(seller, { title, description: '<script>alert(document.cookie)</script>' });
    const res = await app.request(
      `http://localhost/trpc/catalog.product?input=${encodeURIComponent(JSON.stringify({ productId: product.id }))}`,
    );
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const body = (await res.json()) as { result: { data: { title: string; description: string } } };
    expect(body.result.data.title).toBe(title);
    expect(body.result.data.description).toBe('<script>alert(document.cookie)</script>');
  });
});
