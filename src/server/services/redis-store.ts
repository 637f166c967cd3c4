// Store backed by Redis through ioredis. Redis holds only rebuildable data, so every call
// degrades instead of throwing when Redis is down (a cache miss, a dropped publish), and ioredis
// reconnects by itself when it returns. Rate-limit counters are the exception to "degrade to
// nothing": while Redis is unreachable (down, or frozen past the command timeout) they are counted
// in this instance's memory, so limits still hold per instance instead of switching off.
import Redis, { Cluster } from 'ioredis';
import type { Logger } from '../logger';
import { MemoryStore } from './memory-store';
import { parseRedisUrl } from './redis-url';
import type { CounterHit, Store } from './store';

/** After a failed counter, count locally this long before trying Redis again (a frozen Redis costs each try the command timeout). */
const LOCAL_COUNTING_MS = 5_000;

/**
 * Fixed-window counter hits, one per key: count (by ARGV[n + i]), then start the window if none is
 * open, then the ms left. ARGV[i] is KEYS[i]'s window in ms. Returns count and ms left per key,
 * flattened.
 */
const RATE_HITS_LUA = `
local out = {}
local n = #KEYS
for i, key in ipairs(KEYS) do
  local count = redis.call('INCRBY', key, ARGV[n + i])
  local ttl = redis.call('PTTL', key)
  if ttl < 0 then
    redis.call('PEXPIRE', key, ARGV[i])
    ttl = tonumber(ARGV[i])
  end
  out[#out + 1] = count
  out[#out + 1] = ttl
end
return out`;

interface HitsCommand {
  rateHits(numberOfKeys: number, ...keysWindowsMsThenBy: (string | number)[]): Promise<number[]>;
}

export class RedisStore implements Store {
  readonly kind = 'redis' as const;
  /** One Redis, or a Redis Cluster (REDIS_URL redis+cluster://…, decision 0103). */
  private readonly client: Redis | Cluster;
  private subscriber: Redis | Cluster | null = null;
  private readonly handlers = new Map<string, Set<(message: string) => void>>();
  private lastWarn = 0;
  /** Per-instance counters used while Redis cannot count (see top of file). */
  private readonly localCounters = new MemoryStore();
  private countingLocallyUntil = 0;
  private countingLocally = false;

  constructor(
    url: string,
    private readonly log: Logger,
  ) {
    const target = parseRedisUrl(url);
    const options = { maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 1000 };
    this.client =
      target.kind === 'cluster'
        ? new Cluster(target.nodes, {
            redisOptions: { ...options, password: target.password, username: target.username },
            enableOfflineQueue: false,
            // No auto-pipelining on a cluster: ioredis then groups one tick's commands per node and
            // refuses a group whose keys sit in different slots ("All keys in the pipeline should
            // belong to the same slots allocation group"), and the counters fell back to local.
            // A failover takes the cluster a few seconds: keep asking for the new slot map meanwhile.
            clusterRetryStrategy: (times) => Math.min(times * 200, 2000),
            slotsRefreshTimeout: 2000,
            retryDelayOnFailover: 200,
          })
        : new Redis(url, {
            ...options,
            enableOfflineQueue: false,
            enableAutoPipelining: true,
            retryStrategy: (times) => Math.min(times * 200, 2000),
            lazyConnect: false,
          });
    this.client.on('error', (err) => this.warn('redis error', err));
    this.client.defineCommand('rateHits', { lua: RATE_HITS_LUA });
  }

  private warn(message: string, err: unknown) {
    const now = Date.now();
    if (now - this.lastWarn < 5000) return;
    this.lastWarn = now;
    this.log.warn({ service: 'redis', err: String(err) }, `${message}; running degraded`);
  }

  private async safely<T>(fallback: T, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      this.warn('redis command failed', err);
      return fallback;
    }
  }

  get(key: string) {
    return this.safely(null, () => this.client.get(key));
  }

  async peek(key: string) {
    // Read a counter from where it is being counted.
    if (Date.now() < this.countingLocallyUntil) return this.localCounters.peek(key);
    try {
      return Number(await this.client.get(key)) || 0;
    } catch (err) {
      this.warn('redis command failed', err);
      return this.localCounters.peek(key);
    }
  }

  async set(key: string, value: string, ttlSeconds?: number) {
    await this.safely(null, () =>
      ttlSeconds ? this.client.set(key, value, 'EX', ttlSeconds) : this.client.set(key, value),
    );
  }

  async setIfAbsent(key: string, value: string, ttlSeconds: number) {
    return this.safely(false, async () => (await this.client.set(key, value, 'EX', ttlSeconds, 'NX')) === 'OK');
  }

  async del(...keys: string[]) {
    if (keys.length === 0) return;
    // On a cluster, keys in different slots cannot share one DEL (CROSSSLOT): one per key.
    // Dropping cache entries needs no atomicity; anything that does must hash-tag its keys.
    if (this.client instanceof Cluster) {
      const client = this.client;
      await this.safely(0, async () => (await Promise.all(keys.map((k) => client.del(k)))).length);
    } else {
      const client = this.client;
      await this.safely(0, () => client.del(...keys));
    }
  }

  async hit(key: string, windowSeconds: number) {
    return (await this.hits([{ key, windowSeconds }]))[0]!;
  }

  async hits(counters: readonly CounterHit[]) {
    if (Date.now() < this.countingLocallyUntil) return this.localCounters.hits(counters);
    try {
      const counts = await this.countInRedis(counters);
      if (this.countingLocally) {
        this.countingLocally = false;
        this.log.warn({ service: 'redis' }, 'Redis is back: rate limits count across instances again');
      }
      return counts;
    } catch (err) {
      this.countingLocallyUntil = Date.now() + LOCAL_COUNTING_MS;
      if (!this.countingLocally) {
        this.countingLocally = true;
        this.log.warn(
          { service: 'redis', err: String(err) },
          'Redis unreachable: rate limits now count per instance (in memory) until it returns',
        );
      }
      return this.localCounters.hits(counters);
    }
  }

  /**
   * One script call (atomic like a MULTI of INCR, PTTL, PEXPIRE per key) for all the counters of
   * a request: a rate-limited call costs Redis and this process one command, not one per rule.
   * On a cluster the keys live in different slots, so each gets its own call (sent together).
   */
  private async countInRedis(counters: readonly CounterHit[]) {
    const client = this.client as unknown as HitsCommand;
    const run = async (group: readonly CounterHit[]) => {
      const flat = await client.rateHits(
        group.length,
        ...group.map((c) => c.key),
        ...group.map((c) => c.windowSeconds * 1000),
        ...group.map((c) => c.by ?? 1),
      );
      return group.map((_, i) => ({ count: flat[2 * i]!, resetMs: flat[2 * i + 1]! }));
    };
    if (!(this.client instanceof Cluster)) return run(counters);
    return (await Promise.all(counters.map((c) => run([c])))).flat();
  }

  async publish(channel: string, message: string) {
    await this.safely(0, () => this.client.publish(channel, message));
  }

  private ensureSubscriber(): Redis | Cluster {
    if (this.subscriber) return this.subscriber;
    // A subscriber waits for messages: queue its SUBSCRIBE until connected, no command timeout.
    const sub =
      this.client instanceof Cluster
        ? this.client.duplicate(undefined, {
            enableOfflineQueue: true,
            redisOptions: { ...this.client.options.redisOptions, commandTimeout: undefined },
          })
        : this.client.duplicate({ enableOfflineQueue: true, commandTimeout: undefined });
    sub.on('error', (err) => this.warn('redis subscriber error', err));
    sub.on('message', (channel: string, message: string) => {
      for (const h of this.handlers.get(channel) ?? []) h(message);
    });
    this.subscriber = sub;
    return sub;
  }

  async subscribe(channel: string, onMessage: (message: string) => void) {
    const sub = this.ensureSubscriber();
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      await sub.subscribe(channel).catch((err) => this.warn('redis subscribe failed', err));
    }
    set.add(onMessage);
    return async () => {
      const current = this.handlers.get(channel);
      current?.delete(onMessage);
      if (current && current.size === 0) {
        this.handlers.delete(channel);
        await sub.unsubscribe(channel).catch(() => {});
      }
    };
  }

  async ping() {
    return this.safely(false, async () => (await this.client.ping()) === 'PONG');
  }

  async close() {
    await this.localCounters.close();
    this.client.disconnect();
    this.subscriber?.disconnect();
  }
}
