// One email nudge per unread streak (issue 18.1): a side of a conversation with a message unread
// for 15 minutes gets one mail through the email outbox. Claiming the due rows and queueing their
// mails happen in one transaction, so a nudge is queued exactly once however many instances run
// the job (SKIP LOCKED splits the rows; `<side>_nudged` stays true until that side reads again,
// which re-arms it; see messaging.repository.ts markConversationRead).
import { sql } from 'kysely';
import type { ConversationRole } from '../../../shared/schemas/messaging';
import { inTransaction } from '../../db/transaction';
import type { AppDeps } from '../../deps';
import { enqueueEmail } from '../email/email-outbox.repository';

export const NUDGE_AFTER_MINUTES = 15;
const BATCH = 200;

interface DueNudge {
  id: number;
  user_id: number;
  name: string;
  email: string;
  counterpart: string;
  preview: string;
  unread: number;
  since: Date;
}

/** Claims the due conversations of one side and marks them nudged; returns who to write to. */
async function claimDue(
  tx: Parameters<Parameters<typeof inTransaction>[1]>[0],
  side: ConversationRole,
  minutes: number,
) {
  const unread = sql.ref(`${side}_unread`);
  const nudged = sql.ref(`${side}_nudged`);
  const since = sql.ref(`${side}_unread_since`);
  // The recipient: the buyer, or the shop's owner; the counterpart names the other side.
  const recipient = side === 'buyer' ? sql`c.buyer_id` : sql`s.owner_id`;
  const counterpart = side === 'buyer' ? sql`s.name` : sql`b.name`;
  const { rows } = await sql<DueNudge>`
    with due as (
      select id from conversations
      where ${unread} > 0 and not ${nudged} and ${since} < now() - make_interval(mins => ${minutes})
      order by id
      limit ${BATCH}
      for update skip locked
    )
    update conversations c set ${sql.raw(`${side}_nudged`)} = true
    from due, shops s, users u, users b
    where c.id = due.id and s.id = c.shop_id and u.id = ${recipient} and b.id = c.buyer_id
    returning c.id, u.id as user_id, u.name, u.email, ${counterpart} as counterpart, c.last_message_preview as preview,
      c.${sql.raw(`${side}_unread`)} as unread, c.${sql.raw(`${side}_unread_since`)} as since`.execute(tx);
  return rows;
}

/** Queues the due nudges of both sides; returns how many mails were queued. */
export async function queueMessageNudges(deps: AppDeps, minutes = NUDGE_AFTER_MINUTES): Promise<number> {
  return inTransaction(deps.db, async (tx) => {
    let queued = 0;
    for (const side of ['buyer', 'seller'] as const) {
      for (const due of await claimDue(tx, side, minutes)) {
        const path = side === 'buyer' ? `/messages/${due.id}` : `/dashboard/messages/${due.id}`;
        const many = due.unread > 1 ? `${due.unread} unread messages` : 'an unread message';
        const id = await enqueueEmail(tx, {
          kind: 'notice',
          to: due.email,
          dedupeKey: `message-nudge:${due.id}:${side}:${due.since.getTime()}`,
          payload: {
            name: due.name,
            subject: `${due.counterpart} sent you a message on Hearth`,
            heading: `You have ${many} from ${due.counterpart}`,
            paragraphs: [`“${due.preview}”`, 'Reply on Hearth to keep the conversation going.'],
            action: { href: `${deps.config.appUrl}${path}`, label: 'Read and reply' },
            reason:
              'You get this because a message to you has been waiting for 15 minutes. We send one per conversation until you read it.',
            preference: { userId: due.user_id, event: 'message.unread' },
          },
        });
        if (id !== null) queued += 1;
      }
    }
    return queued;
  });
}
