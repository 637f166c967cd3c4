// In-app notifications (issue 15.7): the caller's list, unread count and marking read, and their
// "also email me" choices (the one-click unsubscribe flips one off). Causes write notifications in
// their own transactions (insertNotification) and announce them after commit.
import { DomainError } from '../../../shared/errors';
import {
  EMAIL_EVENT_KEYS,
  EMAIL_EVENTS,
  type EmailEvent,
  type EmailPreferenceDto,
  type NotificationPage,
  type UnsubscribeResult,
} from '../../../shared/schemas/notifications';
import type { AppDeps } from '../../deps';
import { announceNotifications } from './notification-events';
import {
  countUnread,
  findEmailChoices,
  listNotifications,
  markAllRead,
  markRead,
  upsertEmailChoice,
  userExists,
} from './notifications.repository';
import { readUnsubscribeToken } from './unsubscribe-token';

const PAGE_SIZE = 20;

export async function myNotifications(deps: AppDeps, userId: number, cursor?: number): Promise<NotificationPage> {
  const rows = await listNotifications(deps.db, userId, cursor, PAGE_SIZE);
  const pageRows = rows.slice(0, PAGE_SIZE);
  return {
    items: pageRows.map((n) => ({
      id: n.id,
      kind: n.kind,
      payload: n.payload,
      read: n.read_at !== null,
      createdAt: n.created_at.toISOString(),
    })),
    nextCursor: rows.length > PAGE_SIZE ? (pageRows.at(-1)?.id ?? null) : null,
  };
}

export async function unreadCount(deps: AppDeps, userId: number): Promise<{ count: number }> {
  return { count: await countUnread(deps.db, userId) };
}

/** Ids that are not the caller's are ignored (never revealed as someone else's). */
export async function markNotificationsRead(deps: AppDeps, userId: number, ids: readonly number[]) {
  const changed = await markRead(deps.db, userId, [...new Set(ids)]);
  if (changed > 0) await announceNotifications(deps, [userId]);
  return { changed, unread: await countUnread(deps.db, userId) };
}

export async function markAllNotificationsRead(deps: AppDeps, userId: number) {
  const changed = await markAllRead(deps.db, userId);
  if (changed > 0) await announceNotifications(deps, [userId]);
  return { changed, unread: 0 };
}

export async function emailPreferences(deps: AppDeps, userId: number): Promise<EmailPreferenceDto[]> {
  const chosen = new Map((await findEmailChoices(deps.db, userId)).map((c) => [c.event, c.email]));
  return EMAIL_EVENT_KEYS.map((event) => ({
    event,
    label: EMAIL_EVENTS[event].label,
    audience: EMAIL_EVENTS[event].audience,
    email: chosen.get(event) ?? EMAIL_EVENTS[event].defaultEmail,
  }));
}

export async function setEmailPreference(deps: AppDeps, userId: number, event: EmailEvent, email: boolean) {
  await upsertEmailChoice(deps.db, userId, event, email);
  return emailPreferences(deps, userId);
}

/** Turns off the one event a genuine token names; the same token again changes nothing more. */
export async function unsubscribe(deps: AppDeps, token: string): Promise<UnsubscribeResult> {
  const named = readUnsubscribeToken(deps, token);
  if (!named || !(await userExists(deps.db, named.userId)))
    throw new DomainError(
      'BAD_REQUEST',
      'This unsubscribe link is not valid. Change your email choices on your account page.',
      {
        field: 'token',
      },
    );
  await upsertEmailChoice(deps.db, named.userId, named.event, false);
  return { event: named.event, label: EMAIL_EVENTS[named.event].label };
}
