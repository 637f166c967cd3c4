// The small key-value interface the app needs from Redis: cache with TTL, counters,
// set-if-absent, pub/sub. Everything in it can be rebuilt from PostgreSQL.
export interface CounterHit {
  key: string;
  windowSeconds: number;
  /** How many hits to count at once (default 1): a lease of hits taken ahead (counter-leases.ts). */
  by?: number;
}

export interface CounterCount {
  count: number;
  resetMs: number;
}

export interface Store {
  readonly kind: 'redis' | 'memory';
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds?: number): Promise<void>;
  /** Sets only if absent; true when this call set it. */
  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  del(...keys: string[]): Promise<void>;
  /** Increments a counter by one, starting its TTL window on first use; returns value and ms left. */
  hit(key: string, windowSeconds: number): Promise<CounterCount>;
  /** Several `hit`s in one round trip (each by its `by`), answered in the same order. */
  hits(counters: readonly CounterHit[]): Promise<CounterCount[]>;
  /** The current count of a `hit` counter without adding to it (0 when no window is open). */
  peek(key: string): Promise<number>;
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
