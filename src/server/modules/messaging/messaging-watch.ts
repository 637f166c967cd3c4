// A signed-in user's live stream of messaging events: every page of theirs learns of a new
// message or a read receipt from any instance (the shared per-user stream shape, user-streams.ts).
import type { MessagingEventDto } from '../../../shared/schemas/messaging';
import type { AppDeps } from '../../deps';
import { watchUserStream } from '../realtime/user-streams';
import { MAX_MESSAGE_STREAMS_PER_USER, messagingEventKey, parseMessagingEvent, userChannel } from './messaging-events';

export function watchMessaging(
  deps: AppDeps,
  userId: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<MessagingEventDto, void, unknown> {
  return watchUserStream(
    deps,
    userId,
    {
      kind: 'message',
      maxPerUser: MAX_MESSAGE_STREAMS_PER_USER,
      channels: [userChannel(userId)],
      parse: parseMessagingEvent,
      key: messagingEventKey,
    },
    signal,
  );
}
