// Leased rate-limit counting (decision 0165) against a real Redis and two app instances: a busy
// key costs few round trips, no one ever gets past a limit, small limits stay exact, and a lease
// never outlives its window.
import { afterAll, describe, expect, test } from 'bun:test';
import { unique } from '../test/factories';
import { closeSecondInstances, secondInstanceDeps } from '../test/second-instance';
import { waitUntil } from '../test/wait-until';
import { CounterLeases, MAX_LEASE } from './counter-leases';
import type { CounterHit, Store } from './store';

afterAll(closeSecondInstances);

/**
 * A connected instance's store, with its round trips counted. Replies wait for `replies.held`
 * after Redis has answered (a stalled event loop or a slow network on the way back).
 */
async function countedStore() {
  const store = secondInstanceDeps().store;
  await waitUntil(() => store.ping(), { what: 'store connected' });
  const calls = { n: 0 };
  const replies = { held: Promise.resolve() };
  const counted: Store = Object.create(store);
  counted.hits = async (counters: readonly CounterHit[]) => {
    calls.n += 1;
    const counts = await store.hits(counters);
    await replies.held;
    return counts;
  };
  return { store, leases: new CounterLeases(counted), calls, replies };
}

const admitted = (counts: { count: number }[], limit: number) => counts.filter((c) => c.count <= limit).length;

describe('CounterLeases', () => {
  test('a busy key on one instance: exactly the limit is let through, with a fraction of the round trips', async () => {
    const { leases, calls } = await countedStore();
    const key = unique('lease-busy');
    const limit = 500;
    const counts = [];
    for (let i = 0; i < limit; i++) counts.push((await leases.hits([{ key, windowSeconds: 60, limit }]))[0]!);
    const roundTrips = calls.n;
    for (let i = 0; i < 100; i++) counts.push((await leases.hits([{ key, windowSeconds: 60, limit }]))[0]!);
    expect(admitted(counts, limit)).toBe(limit);
    // Every hit got its own count, in order, as Redis would have given them one by one.
    expect(counts.slice(0, limit).map((c) => c.count)).toEqual(Array.from({ length: limit }, (_, i) => i + 1));
    expect(roundTrips).toBeLessThan(limit / 4);
  });

  test('two instances alternating on one key: never past the limit, and refused at most a few hits early', async () => {
    const a = await countedStore();
    const b = await countedStore();
    const key = unique('lease-two');
    const limit = 400;
    const counts = [];
    for (let i = 0; i < 500; i++) {
      const leases = i % 2 === 0 ? a.leases : b.leases;
      counts.push((await leases.hits([{ key, windowSeconds: 60, limit }]))[0]!);
    }
    const ok = admitted(counts, limit);
    expect(ok).toBeLessThanOrEqual(limit);
    expect(ok).toBeGreaterThanOrEqual(limit - 2 * MAX_LEASE);
    // Once refused, refused for the rest of the window: the shared count only grows.
    const firstRefused = counts.findIndex((c) => c.count > limit);
    expect(counts.slice(firstRefused).every((c) => c.count > limit)).toBe(true);
  });

  test('1,000 parallel hits over two instances: no more than the limit get through', async () => {
    const a = await countedStore();
    const b = await countedStore();
    const key = unique('lease-race');
    const limit = 100;
    // Warm both instances' leases up first, so the race runs against leases, not fresh keys.
    for (let i = 0; i < 20; i++) await (i % 2 ? a : b).leases.hits([{ key, windowSeconds: 60, limit }]);
    const raced = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => (i % 2 ? a : b).leases.hits([{ key, windowSeconds: 60, limit }])),
    );
    const before = 20;
    expect(admitted(raced.flat(), limit) + before).toBeLessThanOrEqual(limit);
  });

  test('small limits count every hit in Redis: two instances share a limit of 10 exactly', async () => {
    const a = await countedStore();
    const b = await countedStore();
    const key = unique('lease-small');
    const counts = [];
    for (let i = 0; i < 16; i++)
      counts.push((await (i % 2 ? a : b).leases.hits([{ key, windowSeconds: 60, limit: 10 }]))[0]!);
    expect(counts.slice(0, 10).map((c) => c.count)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(counts.slice(10).every((c) => c.count > 10)).toBe(true);
    // One round trip per hit up to the limit, then one for the instance that did not take the
    // 10th to learn it is past: the count only grows until the window ends, so later refusals
    // need no round trip.
    expect(a.calls.n + b.calls.n).toBe(11);
  });

  test('a lease ends with its window: the first hit of the next window counts 1 again, in Redis', async () => {
    const { store, leases } = await countedStore();
    const key = unique('lease-window');
    for (let i = 0; i < 40; i++) await leases.hits([{ key, windowSeconds: 1, limit: 1000 }]);
    await waitUntil(async () => (await store.peek(key)) === 0, { what: 'the 1 s window to end', timeoutMs: 10_000 });
    const [next] = await leases.hits([{ key, windowSeconds: 1, limit: 1000 }]);
    expect(next!.count).toBe(1);
    expect(await store.peek(key)).toBe(1);
  });

  test('a reply that comes back after its window ended brings no lease into the next window', async () => {
    const a = await countedStore();
    const b = await countedStore();
    const key = unique('lease-late');
    const limit = 100;
    const hit = (x: typeof a) => x.leases.hits([{ key, windowSeconds: 1, limit }]).then(([c]) => c!);
    for (let i = 0; i < 7; i++) await hit(a); // leases of 1, 2 and 4 hits: the next one takes 8
    let release!: () => void;
    a.replies.held = new Promise((resolve) => {
      release = resolve;
    });
    const late = hit(a);
    await waitUntil(async () => (await b.store.peek(key)) === 0, { what: 'the 1 s window to end', timeoutMs: 10_000 });
    const counts = [await hit(b)]; // the next window opens
    expect(counts[0]!.count).toBe(1);
    release();
    await late;
    for (let i = 0; i < 7; i++) counts.push(await hit(a));
    for (let i = 0; i < 150; i++) counts.push(await hit(b));
    expect(admitted(counts, limit)).toBeLessThanOrEqual(limit);
  });

  test('one call with several keys: each counts in its own window, and keys needing Redis go in one round trip', async () => {
    const { leases, calls } = await countedStore();
    const base = unique('lease-multi');
    const counters = [
      { key: `${base}:cart`, windowSeconds: 60, limit: 1000 },
      { key: `${base}:ip`, windowSeconds: 60, limit: 5 },
    ];
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await leases.hits(counters));
    expect(answers.map(([cart]) => cart!.count)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(answers.map(([, ip]) => ip!.count <= 5)).toEqual([true, true, true, true, true, false, false, false]);
    // The small limit needs Redis for each of its five hits, and once more to learn it is past
    // it; the busy big one rides along in those calls.
    expect(calls.n).toBeLessThanOrEqual(7);
  });
});
