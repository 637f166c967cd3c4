// Store backed by Redis through ioredis. Redis holds only rebuildable data, so every call
// degrades instead of throwing when Redis is down (a cache miss, a dropped publish), and ioredis
// reconnects by itself when it returns. Rate-limit counters are the exception to "degrade to
// nothing": while Redis is unreachable (down, or frozen past the command timeout) they are counted
// in this instance's memory, so limits still hold per instance instead of switching off.
import Redis, { Cluster } from 'ioredis';
import type { Logger } from '../logger';
import { MemoryStore } from './memory-store';
import { parseRedisUrl } from './redis-url';
import type { Store } from './store';

/** After a failed counter, count locally this long before trying Redis again (a frozen Redis costs each try the command timeout). */
const LOCAL_COUNTING_MS = 5_000;

/** A fixed-window counter hit: count, then start the window if none is open, then the ms left. */
const RATE_HIT_LUA = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

interface HitCommand {
  rateHit(key: string, windowMs: number): Promise<[number, number]>;
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
            enableAutoPipelining: true,
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
    this.client.defineCommand('rateHit', { numberOfKeys: 1, lua: RATE_HIT_LUA });
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
    if (Date.now() < this.countingLocallyUntil) return this.localCounters.hit(key, windowSeconds);
    try {
      // One command (a script, atomic like the MULTI it replaces: INCR, PEXPIRE NX, PTTL), sent as
      // EVALSHA: a rate-limited request costs Redis and this process one command per rule, not five.
      const [count, ttl] = await (this.client as unknown as HitCommand).rateHit(key, windowSeconds * 1000);
      if (this.countingLocally) {
        this.countingLocally = false;
        this.log.warn({ service: 'redis' }, 'Redis is back: rate limits count across instances again');
      }
      return { count, resetMs: ttl };
    } catch (err) {
      this.countingLocallyUntil = Date.now() + LOCAL_COUNTING_MS;
      if (!this.countingLocally) {
        this.countingLocally = true;
        this.log.warn(
          { service: 'redis', err: String(err) },
          'Redis unreachable: rate limits now count per instance (in memory) until it returns',
        );
      }
      return this.localCounters.hit(key, windowSeconds);
    }
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
