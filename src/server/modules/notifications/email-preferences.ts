// Whether a user wants an optional mail: their stored choice, else the event's default
// (shared/schemas/notifications.ts EMAIL_EVENTS). Asked when a mail is queued (reviews, off by
// default, are only queued when wanted) and again when it is sent, so an unsubscribe also stops
// mails already waiting in the outbox.
import { EMAIL_EVENTS, type EmailEvent } from '../../../shared/schemas/notifications';
import type { DbOrTx } from '../../db/kysely';
import { findEmailChoice } from './notifications.repository';

export async function wantsEmail(db: DbOrTx, userId: number, event: EmailEvent): Promise<boolean> {
  return (await findEmailChoice(db, userId, event)) ?? EMAIL_EVENTS[event].defaultEmail;
}
