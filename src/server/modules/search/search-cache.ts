// Cache of identical searches in the shared Store (Redis), see docs/decisions/0007-search-cache-and-sync.md.
// Keys carry a generation that the outbox drainer bumps after every batch it made searchable,
// so a cached answer never outlives the sync that changed it. Each process learns the current
// generation once from the Store and then from pub/sub, so a lookup costs one GET.
import type { Store } from '../../services/store';

const CHANNEL = 'search:generation';

class GenerationTracker {
  /** index -> generation; missing until read from the Store (the cache is bypassed until then). */
  private readonly generations = new Map<string, string>();
  private readonly loading = new Set<string>();

  constructor(private readonly store: Store) {
    void store
      .subscribe(CHANNEL, (message) => {
        const at = message.indexOf(' ');
        if (at > 0) this.generations.set(message.slice(0, at), message.slice(at + 1));
      })
      .catch(() => {});
  }

  current(index: string): string | null {
    const gen = this.generations.get(index);
    if (gen === undefined && !this.loading.has(index)) {
      this.loading.add(index);
      void this.store
        .get(generationKey(index))
        .then((stored) => {
          if (!this.generations.has(index)) this.generations.set(index, stored ?? '0');
        })
        .catch(() => {})
        .finally(() => this.loading.delete(index));
    }
    return gen ?? null;
  }

  set(index: string, gen: string) {
    this.generations.set(index, gen);
  }
}

// One tracker per Store (per process, or per test Store): it holds a subscription.
const trackers = new WeakMap<Store, GenerationTracker>();
function tracker(store: Store): GenerationTracker {
  let t = trackers.get(store);
  if (!t) {
    t = new GenerationTracker(store);
    trackers.set(store, t);
  }
  return t;
}

function generationKey(index: string) {
  return `search:gen:${index}`;
}

/** Called by the drainer after a batch is searchable: every cached answer for `index` is now stale. */
export async function bumpSearchGeneration(store: Store, index: string): Promise<void> {
  const gen = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  trackers.get(store)?.set(index, gen);
  await store.set(generationKey(index), gen);
  await store.publish(CHANNEL, `${index} ${gen}`);
}

/** The cache key for `request` now, or null while this process does not know the generation. */
export function searchCacheKey(store: Store, index: string, kind: string, request: unknown): string | null {
  const gen = tracker(store).current(index);
  if (gen === null) return null;
  return `search:${kind}:${index}:${gen}:${Bun.hash(JSON.stringify(request)).toString(36)}`;
}

export async function readCached<T>(store: Store, key: string): Promise<T | null> {
  const raw = await store.get(key).catch(() => null);
  return raw ? (JSON.parse(raw) as T) : null;
}

export function writeCached(store: Store, key: string, value: unknown, ttlSeconds: number): void {
  void store.set(key, JSON.stringify(value), ttlSeconds).catch(() => {});
}
