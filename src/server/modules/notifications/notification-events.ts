// Tells a user's open tabs, on every instance, that their notifications changed (a new one, or
// some were read). Sent after the commit that caused it; the stream reads the count itself.
import type { AppDeps } from '../../deps';
import { publishToUsers } from '../realtime/user-streams';

export const notificationsChannel = (userId: number) => `notifications:user:${userId}`;

export const UNREAD_CHANGED = { kind: 'unread' } as const;

export function announceNotifications(deps: AppDeps, userIds: readonly number[]): Promise<void> {
  return publishToUsers(deps, notificationsChannel, userIds, UNREAD_CHANGED);
}
