// Rate-limit counting with leases (decision 0165). A key that keeps being hit on this instance
// takes several hits from the shared counter at once (INCRBY n) and counts the next ones here,
// without a Redis round trip each. The shared counter is always at or ahead of the hits served, so
// a lease never lets anyone past a limit; hits leased but never used count as spent (a key hit on
// several instances may be refused a little early, never late). Leases stay small near a limit
// and are one hit for keys hit rarely, so ordinary limits count exactly as before.

import { perStore } from './per-store';
import type { CounterCount, Store } from './store';

export interface LeasedHit {
  key: string;
  windowSeconds: number;
  /** The rule's limit: leases never reach past it, and shrink to one hit as it nears. */
  limit: number;
}

interface Lease {
  /** The count the next local hit gets, and the last count this lease holds. */
  next: number;
  last: number;
  /** When the shared counter's window ends (this process's monotonic clock): the lease is void from then. */
  endsAt: number;
  /** Hits taken by the last refill, and when: a lease used up within GROW_WITHIN_MS doubles. */
  size: number;
  takenAt: number;
}

/** At most this many hits per lease. */
export const MAX_LEASE = 16;
/** A lease grows only while its key is busy: the last one ran out within this time. */
const GROW_WITHIN_MS = 1_000;
/** A lease takes at most this share of what is left under the limit (1/8). */
const HEADROOM_SHARE = 8;
/**
 * A lease is dropped this long before its window ends, reckoned from when its refill was sent: Redis
 * counted later, so the window cannot end sooner however late the reply arrives (reckoned from the
 * reply, a late one let a lease serve hits that the next window never counted).
 */
const END_MARGIN_MS = 50;
/** Keys remembered per instance; past it, leases whose window ended are forgotten, then all. */
const MAX_KEYS = 10_000;

export class CounterLeases {
  private readonly leases = new Map<string, Lease>();
  /** Refills on their way, per key: calls that find one wait for it instead of sending their own. */
  private readonly refilling = new Map<string, Promise<void>>();

  constructor(private readonly store: Store) {}

  /** One hit per counter, answered in the same order: from a lease, or from the store in one round trip. */
  async hits(counters: readonly LeasedHit[]): Promise<CounterCount[]> {
    const out: (CounterCount | undefined)[] = new Array(counters.length);
    for (;;) {
      const now = performance.now();
      const waits: Promise<void>[] = [];
      const refill: number[] = [];
      counters.forEach((c, i) => {
        if (out[i]) return;
        const taken = this.take(c, now);
        if (taken) out[i] = taken;
        else {
          const pending = this.refilling.get(c.key);
          if (pending) waits.push(pending);
          else refill.push(i);
        }
      });
      if (refill.length) await this.refill(counters, refill, out);
      if (waits.length === 0) return out as CounterCount[];
      await Promise.all(waits);
    }
  }

  /** A hit from this key's lease, if it has one left in its window. */
  private take(c: LeasedHit, now: number): CounterCount | null {
    const lease = this.leases.get(c.key);
    if (!lease || now >= lease.endsAt) return null;
    // Past the limit the shared count only grows until the window ends: refused here, no round trip.
    if (lease.next > c.limit) return { count: lease.next, resetMs: lease.endsAt - now };
    if (lease.next > lease.last) return null;
    return { count: lease.next++, resetMs: lease.endsAt - now };
  }

  /** One store call for `indexes`: each takes a lease, this call's hit being its first count. */
  private async refill(counters: readonly LeasedHit[], indexes: number[], out: (CounterCount | undefined)[]) {
    const sentAt = performance.now();
    const sizes = indexes.map((i) => nextSize(this.leases.get(counters[i]!.key), counters[i]!.limit, sentAt));
    let done!: () => void;
    const landed = new Promise<void>((resolve) => {
      done = resolve;
    });
    for (const i of indexes) this.refilling.set(counters[i]!.key, landed);
    try {
      const counts = await this.store.hits(
        indexes.map((i, k) => ({ key: counters[i]!.key, windowSeconds: counters[i]!.windowSeconds, by: sizes[k] })),
      );
      indexes.forEach((i, k) => {
        const c = counters[i]!;
        const size = sizes[k]!;
        const { count, resetMs } = counts[k]!;
        // This call's hit is the first of the `size` just counted; the rest are this instance's
        // to hand out, up to the limit.
        const first = count - size + 1;
        out[i] = { count: first, resetMs };
        const last = Math.min(count, c.limit);
        this.remember(c.key, {
          next: first + 1,
          last,
          endsAt: sentAt + resetMs - END_MARGIN_MS,
          size,
          takenAt: sentAt,
        });
      });
    } finally {
      for (const i of indexes) this.refilling.delete(counters[i]!.key);
      done();
    }
  }

  private remember(key: string, lease: Lease) {
    if (this.leases.size >= MAX_KEYS && !this.leases.has(key)) {
      const now = performance.now();
      for (const [k, l] of this.leases) if (l.endsAt <= now) this.leases.delete(k);
      if (this.leases.size >= MAX_KEYS) this.leases.clear();
    }
    this.leases.set(key, lease);
  }
}

/**
 * One hit unless the key's last lease ran out within GROW_WITHIN_MS in the same window; then
 * twice the last, up to MAX_LEASE and to 1/HEADROOM_SHARE of what the limit leaves.
 */
function nextSize(last: Lease | undefined, limit: number, now: number): number {
  if (!last || now >= last.endsAt || now - last.takenAt > GROW_WITHIN_MS) return 1;
  const headroom = Math.floor((limit - last.last) / HEADROOM_SHARE);
  return Math.max(1, Math.min(last.size * 2, MAX_LEASE, headroom));
}

/** This instance's leases over `store` (one per store: each app instance has its own). */
export const leasesFor = perStore((store) => new CounterLeases(store));
