// Fuzz: thousands of random and malformed inputs to every procedure of appRouter over HTTP, as
// anonymous, a buyer and a seller. Never a 5xx or a stack trace; a failed call by an anonymous
// user or a buyer changes no row in any table.
import { describe, expect, test } from 'bun:test';
import { createApp } from '../app';
import { createProduct, createSeller, createUser } from '../test/factories';
import { testDeps } from '../test/test-services';
import { chaos, type IdPool, inputSchema, type Json, malformedCookies, mutate, plausible, prng } from './fuzz-inputs';
import { callProcedure, errorOf, type HttpOutcome, type Identity, read, sessionCookie } from './http-client';
import { allProcedures } from './procedures';
import { diffCounts, rowCounts } from './row-counts';

const procedures = allProcedures().map((p) => [p.path, { _def: p }] as const);

// Procedures that replace the caller's own session are only fuzzed anonymously.
// Written after a successful call has answered (a product view, batched search statistics), so a
// row may land inside a later failed call's window: the oracle leaves these tables out.
const WRITTEN_IN_BACKGROUND = ['product_views', 'search_query_stats'];
const sessionChanging = new Set(['auth.register', 'auth.login', 'auth.logout']);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const PER_PROCEDURE = Number(process.env.FUZZ_PER_PROCEDURE ?? 90);

// Only error responses can leak internals; successful ones carry listing text that may say anything
// ("stacking rings"). A leak is a stack frame, a "stack" field, module paths or SQL error text.
function looksLeaky(out: HttpOutcome): boolean {
  if (out.status < 400) return false;
  return (
    /\bat .+\.(ts|js):\d+|node_modules|"stack"\s*:/i.test(out.text) ||
    /syntax error at or near|violates .* constraint|relation ".*"/i.test(out.text)
  );
}

describe('fuzz every procedure', () => {
  test(`${procedures.length} procedures x ${PER_PROCEDURE} inputs x 3 callers, plus malformed requests`, async () => {
    const deps = testDeps();
    const app = createApp(deps);
    const seller = await createSeller(deps);
    const product = await createProduct(seller, { quantity: 3 });
    const buyer = await createUser(deps);
    const orderIds = await deps.db
      .selectFrom('orders')
      .select('id')
      .limit(5)
      .execute()
      .catch(() => []);
    const pool: IdPool = { ids: [product.id, seller.shopId, buyer.id, seller.id, ...orderIds.map((o) => o.id), 1, 2] };
    const callers: { name: string; who: Identity; checkRows: boolean }[] = [
      { name: 'anonymous', who: {}, checkRows: true },
      { name: 'buyer', who: { cookie: sessionCookie(buyer.sessionId) }, checkRows: true },
      { name: 'seller', who: { cookie: sessionCookie(seller.sessionId) }, checkRows: false },
    ];
    const rng = prng(SEED);
    const problems: string[] = [];
    let calls = 0;
    const statuses: Record<number, number> = {};
    let counts = await rowCounts(deps.db, WRITTEN_IN_BACKGROUND);

    for (const [path, proc] of procedures) {
      const type = proc._def.type;
      const schema = inputSchema(proc._def.inputs);
      for (let i = 0; i < PER_PROCEDURE; i++) {
        const caller = callers[i % 3];
        if (caller.name !== 'anonymous' && sessionChanging.has(path)) continue;
        const base = schema ? plausible(schema, rng, pool) : undefined;
        const kind = rng.int(4);
        const input: Json | undefined =
          kind <= 1 ? base : kind === 2 ? mutate(base ?? {}, rng) : rng.chance(0.2) ? undefined : chaos(rng);
        // Every fifth anonymous call also carries a malformed or forged cookie: still never a 500.
        const who =
          caller.name === 'anonymous' && rng.chance(0.2) ? { cookie: rng.pick(malformedCookies) } : caller.who;
        const out = await callProcedure(app, path, type, input, who);
        calls += 1;
        statuses[out.status] = (statuses[out.status] ?? 0) + 1;
        const label = `${caller.name} ${who.cookie?.slice(0, 40) ?? ''} ${path} ${JSON.stringify(input)?.slice(0, 160)}`;
        if (out.status >= 500) problems.push(`${out.status} ${label} -> ${out.text.slice(0, 200)}`);
        if (looksLeaky(out)) problems.push(`leak ${label} -> ${out.text.slice(0, 200)}`);
        if (type === 'subscription') continue;
        const failed = out.status >= 400 || errorOf(out) !== null;
        const after = await rowCounts(deps.db, WRITTEN_IN_BACKGROUND);
        if (failed && caller.checkRows) {
          const changed = diffCounts(counts, after);
          if (changed.length)
            problems.push(`rows changed by failed call ${label} (${errorOf(out)?.message}): ${changed.join(', ')}`);
        }
        counts = after;
      }
    }

    // Malformed at the transport level: broken JSON, wrong methods, batches, huge and deep bodies.
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    for (const [path, proc] of procedures) {
      const isMutation = proc._def.type === 'mutation';
      const requests: [string, RequestInit][] = [
        [`/trpc/${path}?input=%7B`, {}],
        [`/trpc/${path}?input=${encodeURIComponent(deep)}`, {}],
        [`/trpc/${path}?batch=1&input=${encodeURIComponent('{"0":{"productId":1},"1":"x"}')}`, {}],
        [`/trpc/${path},${path}?batch=1&input=%7B%7D`, {}],
        [`/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' }],
        [`/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep }],
        [
          `/trpc/${path}`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ q: 'z'.repeat(1_000_000) }),
          },
        ],
        [`/trpc/${path}`, { method: isMutation ? 'PUT' : 'DELETE' }],
      ];
      // The plain call with every malformed cookie, then the malformed requests as anonymous and buyer.
      const valid = `/trpc/${path}`;
      const withCookies: [string, RequestInit, Identity][] = malformedCookies.map((cookie) => [
        valid,
        isMutation ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' } : {},
        { cookie },
      ]);
      const sends: [string, RequestInit, Identity][] = [
        ...withCookies,
        ...requests.flatMap(([url, init]) =>
          callers.slice(0, 2).map((c) => [url, init, c.who] as [string, RequestInit, Identity]),
        ),
      ];
      for (const [url, init, who] of sends) {
        const caller = { name: who.cookie ? `cookie ${who.cookie.slice(0, 40)}` : 'anonymous', who };
        const headers = new Headers(init.headers);
        headers.set('x-forwarded-for', `10.8.${rng.int(250)}.${rng.int(250)}`);
        if (caller.who.cookie) headers.set('cookie', caller.who.cookie);
        const controller = new AbortController();
        const res = await app.request(`http://localhost${url}`, { ...init, headers, signal: controller.signal });
        let out: HttpOutcome;
        if (proc._def.type === 'subscription' && res.status === 200) {
          await res.body?.cancel().catch(() => {});
          controller.abort();
          out = { status: 200, body: null, text: '', headers: res.headers };
        } else out = await read(res);
        calls += 1;
        const label = `${caller.name} ${init.method ?? 'GET'} ${url.slice(0, 120)}`;
        if (out.status >= 500) problems.push(`${out.status} ${label} -> ${out.text.slice(0, 200)}`);
        if (looksLeaky(out)) problems.push(`leak ${label} -> ${out.text.slice(0, 200)}`);
        if (proc._def.type === 'subscription') continue;
        const after = await rowCounts(deps.db, WRITTEN_IN_BACKGROUND);
        if (out.status >= 400) {
          const changed = diffCounts(counts, after);
          if (changed.length) problems.push(`rows changed by failed call ${label}: ${changed.join(', ')}`);
        }
        counts = after;
      }
    }

    console.log(
      `fuzz: ${calls} calls over ${procedures.length} procedures (seed ${SEED}), ${problems.length} problems, statuses ${JSON.stringify(statuses)}`,
    );
    // Enough inputs got through validation to exercise the services, not just zod.
    expect(statuses[200] ?? 0).toBeGreaterThan(100);
    expect(problems.slice(0, 15)).toEqual([]);
    expect(calls).toBeGreaterThan(1000);
  }, 900_000); // 20,000+ calls, each followed by a row count: minutes on a busy two-core machine
});
