// In-process Store used when no Redis is available: correct for one instance only.
import { EventEmitter } from 'node:events';
import type { CounterHit, Store } from './store';

export class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  private readonly values = new Map<string, { value: string; expiresAt: number }>();
  private readonly bus = new EventEmitter().setMaxListeners(0);

  private live(key: string) {
    const entry = this.values.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.values.delete(key);
      return undefined;
    }
    return entry;
  }

  async get(key: string) {
    return this.live(key)?.value ?? null;
  }

  async set(key: string, value: string, ttlSeconds?: number) {
    this.values.set(key, { value, expiresAt: ttlSeconds ? Date.now() + ttlSeconds * 1000 : Number.POSITIVE_INFINITY });
  }

  async setIfAbsent(key: string, value: string, ttlSeconds: number) {
    if (this.live(key)) return false;
    await this.set(key, value, ttlSeconds);
    return true;
  }

  async del(...keys: string[]) {
    for (const k of keys) this.values.delete(k);
  }

  async hit(key: string, windowSeconds: number, by = 1) {
    const entry = this.live(key);
    if (!entry) {
      const expiresAt = Date.now() + windowSeconds * 1000;
      this.values.set(key, { value: String(by), expiresAt });
      return { count: by, resetMs: windowSeconds * 1000 };
    }
    entry.value = String(Number(entry.value) + by);
    return { count: Number(entry.value), resetMs: entry.expiresAt - Date.now() };
  }

  async hits(counters: readonly CounterHit[]) {
    return Promise.all(counters.map((c) => this.hit(c.key, c.windowSeconds, c.by)));
  }

  async peek(key: string) {
    return Number(this.live(key)?.value ?? 0) || 0;
  }

  async publish(channel: string, message: string) {
    queueMicrotask(() => this.bus.emit(channel, message));
  }

  async subscribe(channel: string, onMessage: (message: string) => void) {
    this.bus.on(channel, onMessage);
    return async () => {
      this.bus.off(channel, onMessage);
    };
  }

  async ping() {
    return true;
  }

  async close() {
    this.values.clear();
    this.bus.removeAllListeners();
  }
}
