// The signed-in user's one live stream (the header opens it in every tab): the unread
// notification count, first on connect and again after every change from any instance, plus the
// messaging events of messages.watch. One stream per tab instead of two keeps a few tabs within a
// browser's six connections per host (decision 0118).
import type { UserLiveEvent } from '../../../shared/schemas/notifications';
import type { AppDeps } from '../../deps';
import {
  MAX_MESSAGE_STREAMS_PER_USER,
  messagingEventKey,
  parseMessagingEvent,
  userChannel,
} from '../messaging/messaging-events';
import { watchUserStream } from '../realtime/user-streams';
import { notificationsChannel } from './notification-events';
import { countUnread } from './notifications.repository';

/** "The count changed": counted when sent, so a burst of changes costs one count. */
const CHANGED: UserLiveEvent = { kind: 'unread', count: -1 };

export async function* watchUserLive(
  deps: AppDeps,
  userId: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<UserLiveEvent, void, unknown> {
  const events = watchUserStream<UserLiveEvent>(
    deps,
    userId,
    {
      kind: 'live',
      maxPerUser: MAX_MESSAGE_STREAMS_PER_USER,
      channels: [notificationsChannel(userId), userChannel(userId)],
      parse: (message) =>
        (JSON.parse(message) as { kind?: unknown })?.kind === 'unread' ? CHANGED : parseMessagingEvent(message),
      key: (e) => (e.kind === 'unread' ? 'unread' : messagingEventKey(e)),
      snapshot: async () => [{ kind: 'unread', count: await countUnread(deps.db, userId) }],
    },
    signal,
  );
  for await (const e of events)
    yield e.kind === 'unread' && e.count < 0 ? { kind: 'unread', count: await countUnread(deps.db, userId) } : e;
}
