// The email outbox (issue 15 item 1): a mail is a row written in the same transaction as the
// event that causes it; a sender job claims due rows with FOR UPDATE SKIP LOCKED, sends them over
// SMTP and marks them sent. See docs/decisions/0070-email-outbox.md.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('email_outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    // Which template composes it (modules/email/email-composers.ts).
    .addColumn('kind', 'text', (c) => c.notNull())
    // The recipient, when the writer knows it; otherwise the composer resolves it from payload.
    .addColumn('to_address', 'text')
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // One mail per cause even if the cause is replayed (e.g. 'payment:42').
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`status in ('pending', 'sent', 'failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // A claimed row is leased: no other sender takes it before this passes.
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('message_id', 'text')
    .addColumn('subject', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .execute();
  await sql`create index email_outbox_due on email_outbox (next_attempt_at, id) where status = 'pending'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('email_outbox').execute();
}
