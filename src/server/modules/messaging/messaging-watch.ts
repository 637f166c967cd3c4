// A signed-in user's live stream of messaging events: every page of theirs learns of a new
// message or a read receipt from any instance. A slow client gets each changed conversation once,
// never an unbounded backlog.
import { DomainError } from '../../../shared/errors';
import type { MessagingEventDto } from '../../../shared/schemas/messaging';
import type { AppDeps } from '../../deps';
import { MAX_MESSAGE_STREAMS_PER_USER, messageStreamSlot, userChannel } from './messaging-events';

export async function* watchMessaging(
  deps: AppDeps,
  userId: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<MessagingEventDto, void, unknown> {
  const release = messageStreamSlot(deps.store, userId);
  if (!release)
    throw new DomainError(
      'TOO_MANY_REQUESTS',
      `Too many message streams open (at most ${MAX_MESSAGE_STREAMS_PER_USER}). Close some tabs and try again.`,
      { retryAfterSeconds: 5, limit: MAX_MESSAGE_STREAMS_PER_USER },
    );
  // Keyed by conversation: two events for one conversation before the client reads are one refetch.
  const pending = new Map<string, MessagingEventDto>();
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  let unsubscribe: (() => Promise<void>) | null = null;
  try {
    unsubscribe = await deps.store.subscribe(userChannel(userId), (message) => {
      try {
        const e = JSON.parse(message) as MessagingEventDto;
        if (typeof e?.conversationId !== 'number' || (e.kind !== 'message' && e.kind !== 'read')) return;
        pending.set(`${e.kind}:${e.conversationId}`, { kind: e.kind, conversationId: e.conversationId });
        notify();
      } catch {
        // Not ours: ignore.
      }
    });
    signal?.addEventListener('abort', notify, { once: true });
    while (!signal?.aborted) {
      if (pending.size === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      const batch = [...pending.values()];
      pending.clear();
      for (const e of batch) yield e;
    }
  } finally {
    signal?.removeEventListener('abort', notify);
    await unsubscribe?.();
    release();
  }
}
