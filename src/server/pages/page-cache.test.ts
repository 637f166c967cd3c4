// The rendered-page cache's own rules: a copy is served without a check for a moment after it was
// confirmed, served at all until its time to live, and the least recently used go first when the
// byte budget is spent.
import { describe, expect, test } from 'bun:test';
import { RenderedPageCache } from './page-cache';

const page = (bytes: number) => ({ etag: 'W/"x"', status: 200, body: new Uint8Array(bytes) });

describe('RenderedPageCache', () => {
  test('served without a check until recheckMs after it was stored or confirmed; not at all after ttlMs', () => {
    let now = 1_000;
    const cache = new RenderedPageCache({ ttlMs: 60_000, recheckMs: 1_000, maxBytes: 1_000, now: () => now });
    cache.set('a', page(10));
    now += 1_000;
    expect(cache.fresh('a')?.body.byteLength).toBe(10);
    now += 1;
    expect(cache.fresh('a')).toBeNull();
    expect(cache.get('a')).not.toBeNull();
    cache.confirm('a');
    expect(cache.fresh('a')).not.toBeNull();
    now = 1_000 + 60_001;
    cache.confirm('a');
    expect(cache.fresh('a')).toBeNull();
    expect(cache.get('a')).toBeNull();
    expect(cache.size).toBe(0);
  });

  test('over the byte budget the least recently used copies go first; a page too large is not kept', () => {
    const cache = new RenderedPageCache({ ttlMs: 60_000, recheckMs: 1_000, maxBytes: 800 });
    cache.set('a', page(100));
    cache.set('b', page(100));
    cache.set('c', page(100));
    expect(cache.get('a')).not.toBeNull(); // a is now the most recently used
    for (const key of ['d', 'e', 'f', 'g', 'h', 'i']) cache.set(key, page(100));
    expect(cache.get('b')).toBeNull();
    expect(cache.get('a')).not.toBeNull();
    expect(cache.size).toBe(8);
    cache.set('huge', page(101));
    expect(cache.get('huge')).toBeNull();
  });
});
