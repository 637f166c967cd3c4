// Live messaging events through the Store's pub/sub (Redis across instances, in-process without
// it): one channel per user, so an instance receives only the events of users whose pages it
// streams to. Events carry ids only; the page refetches what changed through the normal,
// authorised queries, so nothing private crosses Redis and a lost event costs only freshness.
import type { MessagingEventDto } from '../../../shared/schemas/messaging';
import type { AppDeps } from '../../deps';
import type { Store } from '../../services/store';

export const userChannel = (userId: number) => `messages:user:${userId}`;

/** Tells each user's open pages about a change; never rejects. */
export async function publishMessagingEvent(deps: AppDeps, userIds: readonly number[], event: MessagingEventDto) {
  const message = JSON.stringify(event);
  await Promise.all(
    [...new Set(userIds)].map((id) =>
      deps.store.publish(userChannel(id), message).catch((err) => {
        deps.log.warn({ err: String(err) }, 'could not publish a messaging event');
      }),
    ),
  );
}

/** Concurrent streams per user on this instance: a tab needs one (the header opens it). */
export const MAX_MESSAGE_STREAMS_PER_USER = 10;
const openStreams = new WeakMap<Store, Map<number, number>>();

export function messageStreamSlot(store: Store, userId: number): (() => void) | null {
  let counts = openStreams.get(store);
  if (!counts) {
    counts = new Map();
    openStreams.set(store, counts);
  }
  const open = counts.get(userId) ?? 0;
  if (open >= MAX_MESSAGE_STREAMS_PER_USER) return null;
  counts.set(userId, open + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (counts.get(userId) ?? 1) - 1;
    if (left > 0) counts.set(userId, left);
    else counts.delete(userId);
  };
}
