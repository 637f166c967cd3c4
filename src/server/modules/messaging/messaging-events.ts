// Live messaging events through the Store's pub/sub (Redis across instances, in-process without
// it): one channel per user, so an instance receives only the events of users whose pages it
// streams to. Events carry ids only; the page refetches what changed through the normal,
// authorised queries, so nothing private crosses Redis and a lost event costs only freshness.
import type { MessagingEventDto } from '../../../shared/schemas/messaging';
import type { AppDeps } from '../../deps';
import { publishToUsers } from '../realtime/user-streams';
import { findOrderConversations } from './messaging.repository';

export const userChannel = (userId: number) => `messages:user:${userId}`;

/** Tells each user's open pages about a change; never rejects. */
export async function publishMessagingEvent(deps: AppDeps, userIds: readonly number[], event: MessagingEventDto) {
  await publishToUsers(deps, userChannel, userIds, event);
}

/** One pub/sub message of a messaging channel, or null when it is not one. */
export function parseMessagingEvent(message: string): MessagingEventDto | null {
  const e = JSON.parse(message) as MessagingEventDto;
  if (e?.kind === 'block') return { kind: 'block' };
  if (
    !e ||
    !('conversationId' in e) ||
    typeof e.conversationId !== 'number' ||
    (e.kind !== 'message' && e.kind !== 'read' && e.kind !== 'about')
  )
    return null;
  return { kind: e.kind, conversationId: e.conversationId };
}

/**
 * A block between two people was placed or removed: both sides' open pages (inboxes' "Blocked",
 * every conversation between them, both order pages' notices) read it again. Never rejects.
 */
export async function announceBlockChange(deps: AppDeps, a: number, b: number): Promise<void> {
  await publishMessagingEvent(deps, [a, b], { kind: 'block' });
}

/**
 * An order moved on: both parties' open conversations about it show its status on their "About
 * order #N" card, the shop's too (its other tabs hear of no notification, the buyer is the one
 * notified). Never rejects: a lost event costs only freshness.
 */
export async function announceOrderConversationChange(deps: AppDeps, orderId: number): Promise<void> {
  try {
    for (const c of await findOrderConversations(deps.db, orderId))
      await publishMessagingEvent(deps, [c.buyer_id, c.owner_id], { kind: 'about', conversationId: c.id });
  } catch (err) {
    deps.log.warn({ err: String(err), orderId }, 'order conversation event not published');
  }
}

/** Two events for one conversation before the client reads are one refetch. */
export const messagingEventKey = (e: MessagingEventDto) =>
  e.kind === 'block' ? 'block' : `${e.kind}:${e.conversationId}`;

/** Concurrent streams per user on this instance: a tab needs one (the header opens it). */
export const MAX_MESSAGE_STREAMS_PER_USER = 10;
