// Queries of the email outbox. Writers enqueue inside their own transaction; the sender claims
// due rows with a lease (one statement, FOR UPDATE SKIP LOCKED), so several instances split the
// work and none takes a row another is sending.
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/kysely';

export interface NewEmail {
  kind: string;
  to?: string | null;
  payload: Record<string, unknown>;
  /** One mail per cause: a second enqueue with the same key is ignored. */
  dedupeKey?: string | null;
}

export async function enqueueEmail(db: DbOrTx, mail: NewEmail): Promise<number | null> {
  const row = await db
    .insertInto('email_outbox')
    .values({
      kind: mail.kind,
      to_address: mail.to ?? null,
      payload: JSON.stringify(mail.payload),
      dedupe_key: mail.dedupeKey ?? null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export interface ClaimedEmail {
  id: number;
  kind: string;
  to_address: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  created_at: Date;
}

/** Leases up to `limit` due rows for `leaseSeconds` and counts the attempt. */
export async function claimDueEmails(db: DbOrTx, limit: number, leaseSeconds: number): Promise<ClaimedEmail[]> {
  const r = await sql<ClaimedEmail>`
    update email_outbox o
    set locked_until = now() + make_interval(secs => ${leaseSeconds}), attempts = o.attempts + 1
    where o.id in (
      select id from email_outbox
      where status = 'pending' and next_attempt_at <= now() and (locked_until is null or locked_until <= now())
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked)
    returning o.id, o.kind, o.to_address, o.payload, o.attempts, o.created_at`.execute(db);
  return r.rows;
}

/** Sent: the body's inputs (which may hold a one-time link) are dropped; the record stays. */
export async function markEmailSent(db: DbOrTx, id: number, sent: { messageId: string; subject: string; to: string }) {
  await db
    .updateTable('email_outbox')
    .set({
      status: 'sent',
      sent_at: new Date(),
      locked_until: null,
      message_id: sent.messageId,
      subject: sent.subject,
      to_address: sent.to,
      payload: '{}',
      last_error: null,
    })
    .where('id', '=', id)
    .execute();
}

export async function markEmailRetry(db: DbOrTx, id: number, error: string, delayMs: number) {
  await db
    .updateTable('email_outbox')
    .set({ locked_until: null, last_error: error.slice(0, 500), next_attempt_at: new Date(Date.now() + delayMs) })
    .where('id', '=', id)
    .execute();
}

export async function markEmailFailed(db: DbOrTx, id: number, error: string) {
  await db
    .updateTable('email_outbox')
    .set({ status: 'failed', locked_until: null, last_error: error.slice(0, 500) })
    .where('id', '=', id)
    .execute();
}

/** Not sent on purpose (turned off by the user, or nothing to send any more): never claimed again. */
export async function markEmailSkipped(db: DbOrTx, id: number, reason: string) {
  await db
    .updateTable('email_outbox')
    .set({ status: 'skipped', locked_until: null, last_error: reason.slice(0, 500) })
    .where('id', '=', id)
    .execute();
}

export interface UnsentEmail {
  id: number;
  kind: string;
  to_address: string | null;
  dedupe_key: string | null;
  status: 'failed' | 'skipped';
  last_error: string | null;
  attempts: number;
  created_at: Date;
}

/** The newest mails that will not go out (for /dev/mail): failed ones and skipped ones, with why. */
export function listUnsentEmails(db: DbOrTx, limit: number): Promise<UnsentEmail[]> {
  return db
    .selectFrom('email_outbox')
    .select(['id', 'kind', 'to_address', 'dedupe_key', 'status', 'last_error', 'attempts', 'created_at'])
    .where('status', 'in', ['failed', 'skipped'])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute() as Promise<UnsentEmail[]>;
}
