// What every per-user live stream shares (messaging, notifications): a bounded number of streams
// per user on this instance and Store subscriptions to the user's channels (Redis pub/sub across
// instances, in-process without it), streamed through the one stream shape, latestPerKeyStream. Publishers send after their commit and never fail
// the caller: a lost event costs freshness only, because pages refetch through authorised queries.
import { DomainError } from '../../../shared/errors';
import type { AppDeps } from '../../deps';
import type { Store } from '../../services/store';
import { latestPerKeyStream } from './latest-per-key-stream';

/** Sends one message to each user's channel; never rejects. */
export async function publishToUsers(
  deps: AppDeps,
  channelOf: (userId: number) => string,
  userIds: readonly number[],
  event: unknown,
): Promise<void> {
  const message = JSON.stringify(event);
  await Promise.all(
    [...new Set(userIds)].map((id) =>
      deps.store.publish(channelOf(id), message).catch((err) => {
        deps.log.warn({ err: String(err), channel: channelOf(id) }, 'could not publish a live event');
      }),
    ),
  );
}

const openStreams = new WeakMap<Store, Map<string, number>>();

/** Takes one of `limit` stream slots of this user for `kind`, or null when all are taken. */
export function userStreamSlot(store: Store, kind: string, userId: number, limit: number): (() => void) | null {
  let counts = openStreams.get(store);
  if (!counts) {
    counts = new Map();
    openStreams.set(store, counts);
  }
  const key = `${kind}:${userId}`;
  const open = counts.get(key) ?? 0;
  if (open >= limit) return null;
  counts.set(key, open + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (counts.get(key) ?? 1) - 1;
    if (left > 0) counts.set(key, left);
    else counts.delete(key);
  };
}

export interface UserStreamSpec<E> {
  /** Names the stream in the TOO_MANY_REQUESTS message ("message streams"). */
  kind: string;
  maxPerUser: number;
  channels: readonly string[];
  /** One pub/sub message to an event; null (or a throw) ignores it. */
  parse(message: string): E | null;
  /** What makes two events the same thing (latestPerKeyStream). */
  key(event: E): string;
  snapshot?: () => Promise<readonly E[]>;
}

/** Yields the events of `spec` for one user until `signal` aborts (one slot held meanwhile). */
export async function* watchUserStream<E>(
  deps: AppDeps,
  userId: number,
  spec: UserStreamSpec<E>,
  signal: AbortSignal | undefined,
): AsyncGenerator<E, void, unknown> {
  const release = userStreamSlot(deps.store, spec.kind, userId, spec.maxPerUser);
  if (!release)
    throw new DomainError(
      'TOO_MANY_REQUESTS',
      `Too many ${spec.kind} streams open (at most ${spec.maxPerUser}). Close some tabs and try again.`,
      { retryAfterSeconds: 5, limit: spec.maxPerUser },
    );
  try {
    yield* latestPerKeyStream<E, string>({
      key: spec.key,
      subscribe: async (push) => {
        const onMessage = (message: string) => {
          let event: E | null = null;
          try {
            event = spec.parse(message);
          } catch {
            // Not ours: ignore.
          }
          if (event !== null) push(event);
        };
        const stops: (() => Promise<void>)[] = [];
        try {
          for (const channel of spec.channels) stops.push(await deps.store.subscribe(channel, onMessage));
        } catch (err) {
          for (const stop of stops) await stop();
          throw err;
        }
        return async () => {
          for (const stop of stops) await stop();
        };
      },
      snapshot: spec.snapshot,
      signal,
    });
  } finally {
    release();
  }
}
