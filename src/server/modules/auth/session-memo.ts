// This instance's memory of sessions it resolved a moment ago, in front of the shared Redis copy:
// a shopper's burst of requests (add to cart, the cart re-read, live stock) costs one Redis
// round trip a second for the session instead of one per request (decision 0156).
//
// A copy is kept MEMO_MS at most. Whatever drops the shared copy (sign-out, password reset or
// change, a role change) drops this one at once here and, through the store's pub/sub, on every
// other instance; an instance that misses the message (Redis down or partitioned) lets its copy
// expire, so a revoked session is refused everywhere within MEMO_MS, inside the REVOKE_RECHECK_MS
// that revocations already promise.

import type { UserDto } from '../../../shared/schemas/auth';
import { perStore } from '../../services/per-store';
import type { Store } from '../../services/store';

export const MEMO_MS = 1_000;
/** Past this many sessions the oldest go first (a memo, not a second cache). */
const MAX_ENTRIES = 10_000;
const CHANNEL = 'auth:sessions-dropped';

class SessionMemo {
  private readonly entries = new Map<string, { user: UserDto; until: number }>();
  /** Settles once this instance hears other instances' drops (its SUBSCRIBE answered, or failed). */
  readonly subscribed: Promise<void>;

  constructor(store: Store) {
    this.subscribed = store
      .subscribe(CHANNEL, (message) => {
        for (const key of message.split(' ')) this.entries.delete(key);
      })
      .then(
        () => {},
        () => {},
      );
  }

  get(key: string): UserDto | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.until > performance.now()) return entry.user;
    this.entries.delete(key);
    return null;
  }

  /** `ttlMs` is for tests: a copy that only a dropped-message can remove. */
  remember(key: string, user: UserDto, ttlMs = MEMO_MS) {
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { user, until: performance.now() + ttlMs });
  }

  forget(keys: readonly string[]) {
    for (const key of keys) this.entries.delete(key);
  }
}

/** One memo per Store (per process, or per test instance): it holds a subscription. */
export const sessionMemo = perStore((store) => new SessionMemo(store));

/** Drops these sessions' copies here at once and tells every other instance to drop theirs. */
export async function forgetMemoized(store: Store, keys: readonly string[]): Promise<void> {
  if (!keys.length) return;
  sessionMemo(store).forget(keys);
  await store.publish(CHANNEL, keys.join(' '));
}
