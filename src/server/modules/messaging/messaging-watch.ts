// A signed-in user's live stream of messaging events: every page of theirs learns of a new
// message or a read receipt from any instance. A slow client gets each changed conversation once,
// never an unbounded backlog.
import { DomainError } from '../../../shared/errors';
import type { MessagingEventDto } from '../../../shared/schemas/messaging';
import type { AppDeps } from '../../deps';
import { latestPerKeyStream } from '../realtime/latest-per-key-stream';
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
  try {
    // Keyed by conversation: two events for one conversation before the client reads are one refetch.
    yield* latestPerKeyStream<MessagingEventDto, string>({
      key: (e) => `${e.kind}:${e.conversationId}`,
      subscribe: (push) =>
        deps.store.subscribe(userChannel(userId), (message) => {
          try {
            const e = JSON.parse(message) as MessagingEventDto;
            if (typeof e?.conversationId !== 'number' || (e.kind !== 'message' && e.kind !== 'read')) return;
            push({ kind: e.kind, conversationId: e.conversationId });
          } catch {
            // Not ours: ignore.
          }
        }),
      signal,
    });
  } finally {
    release();
  }
}
