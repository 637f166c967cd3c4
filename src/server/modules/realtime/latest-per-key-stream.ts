// The one shape of a live subscription stream (inventory, messaging, …): subscribe first, then
// optionally yield a first snapshot, then every event until the client goes away. Events are kept
// latest-per-key, so a slow client gets each changed thing once, never an unbounded backlog.
export interface LatestPerKeyStream<E, K> {
  /** What makes two events the same thing: a later one replaces an earlier one not yet sent. */
  key: (event: E) => K;
  /** Starts delivering events to `push`; resolves to the unsubscribe function. */
  subscribe: (push: (event: E) => void) => Promise<() => Promise<void>>;
  /**
   * The current values, read after subscribing so a change between the read and now is not lost:
   * a snapshot event whose key has already changed is skipped (the change follows it).
   */
  snapshot?: () => Promise<readonly E[]>;
  signal: AbortSignal | undefined;
}

export async function* latestPerKeyStream<E, K>({
  key,
  subscribe,
  snapshot,
  signal,
}: LatestPerKeyStream<E, K>): AsyncGenerator<E, void, unknown> {
  const pending = new Map<K, E>();
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const unsubscribe = await subscribe((event) => {
    pending.set(key(event), event);
    notify();
  });
  signal?.addEventListener('abort', notify, { once: true });
  try {
    if (snapshot) for (const event of await snapshot()) if (!pending.has(key(event))) yield event;
    while (!signal?.aborted) {
      if (pending.size === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      const batch = [...pending.values()];
      pending.clear();
      for (const event of batch) yield event;
    }
  } finally {
    signal?.removeEventListener('abort', notify);
    await unsubscribe();
  }
}
