// The search outbox wakes its drainers (issue 13): a row that is due at once (an edit, a listing
// going in or out of stock; available_at <= created_at) signals the `search_outbox` channel, so
// the drainers, which LISTEN on it, push the change without waiting for their next poll, and an
// idle instance no longer opens a drain transaction ten times a second. Rows that are due later
// (coalesced counters, retries) signal nothing: the drainers' slow poll finds them when they are
// due. NOTIFY folds repeats within a transaction into one, so a shop rename that queues all its
// listings still sends one signal, delivered when it commits. Decision 0194.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function search_outbox_notify() returns trigger language plpgsql as $$
    begin
      perform pg_notify('search_outbox', '');
      return null;
    end $$`.execute(db);
  await sql`
    create trigger search_outbox_notify after insert or update of available_at on search_outbox
    for each row when (new.available_at <= new.created_at)
    execute function search_outbox_notify()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger search_outbox_notify on search_outbox`.execute(db);
  await sql`drop function search_outbox_notify()`.execute(db);
}
