// A mail the sender decided not to send (the user turned that event off, or its cause is gone) is
// `skipped`, not `failed`: failed means someone must look, skipped means all is well. Rows stored
// before as failed with a "skipped: …" reason move over, keeping the reason. Only `pending` rows
// are ever claimed, so a skipped mail is never retried.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table email_outbox drop constraint email_outbox_status_check`.execute(db);
  await sql`
    alter table email_outbox add constraint email_outbox_status_check
      check (status in ('pending', 'sent', 'failed', 'skipped'))`.execute(db);
  await sql`
    update email_outbox set status = 'skipped', last_error = substr(last_error, length('skipped: ') + 1)
    where status = 'failed' and last_error like 'skipped: %'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    update email_outbox set status = 'failed', last_error = 'skipped: ' || coalesce(last_error, '')
    where status = 'skipped'`.execute(db);
  await sql`alter table email_outbox drop constraint email_outbox_status_check`.execute(db);
  await sql`
    alter table email_outbox add constraint email_outbox_status_check
      check (status in ('pending', 'sent', 'failed'))`.execute(db);
}
