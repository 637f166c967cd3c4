// Rate-limit counters of one request go to Redis as one script call (RedisStore.hits): each key
// counts and keeps its own window, answers come back in order, and two instances share counts.
import { afterAll, describe, expect, test } from 'bun:test';
import { unique } from '../test/factories';
import { closeSecondInstances, secondInstanceDeps } from '../test/second-instance';
import { waitUntil } from '../test/wait-until';

afterAll(closeSecondInstances);

describe('RedisStore.hits', () => {
  test('counts each key in its own window, in order, across instances', async () => {
    const a = secondInstanceDeps().store;
    const b = secondInstanceDeps().store;
    // Both connected: a store that cannot reach Redis counts in its own memory instead.
    await waitUntil(async () => (await a.ping()) && (await b.ping()), { what: 'both stores connected' });
    const base = unique('hits');
    const counters = [
      { key: `${base}:short`, windowSeconds: 60 },
      { key: `${base}:long`, windowSeconds: 3600 },
    ];
    expect((await a.hits(counters)).map((c) => c.count)).toEqual([1, 1]);
    await a.hit(`${base}:long`, 3600);
    const [short, long] = await b.hits(counters);
    expect([short!.count, long!.count]).toEqual([2, 3]);
    expect(short!.resetMs).toBeLessThanOrEqual(60_000);
    expect(long!.resetMs).toBeGreaterThan(60_000);
    expect(await a.peek(`${base}:long`)).toBe(3);
  });
});
