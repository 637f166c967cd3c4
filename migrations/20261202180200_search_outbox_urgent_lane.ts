// Search outbox, second step (issue 13, issue 12 item 10): counter-only changes (sales, rating,
// reviews) coalesce over 30 s instead of 5 s, and a real edit is coalesced only with a pending
// row that is itself urgent (due when it was created), because drainers take urgent rows first
// and counter rows a capped number per pass. See decision 0045.
import { type Kysely, sql } from 'kysely';

function enqueueFunction(window: string, urgentMatchesOnlyUrgent: boolean) {
  const urgentMatch = urgentMatchesOnlyUrgent
    ? sql.raw(`and (due > now() or available_at <= created_at)`)
    : sql.raw('');
  return sql`
    create or replace function products_enqueue_search() returns trigger language plpgsql as $$
    declare
      due timestamptz := now();
    begin
      if tg_op = 'UPDATE'
         and old.title is not distinct from new.title and old.description is not distinct from new.description
         and old.price_cents is not distinct from new.price_cents and old.status is not distinct from new.status
         and old.tags is not distinct from new.tags and old.materials is not distinct from new.materials
         and old.images is not distinct from new.images and old.category_id is not distinct from new.category_id
         and old.is_vintage is not distinct from new.is_vintage
         and (old.quantity > old.reserved) is not distinct from (new.quantity > new.reserved)
      then
        -- Only counters changed (sales, rating, reviews): coalesce.
        due := now() + interval '${sql.raw(window)}';
      end if;
      perform 1 from search_outbox
        where product_id = new.id and available_at <= due ${urgentMatch}
        limit 1 for key share skip locked;
      if not found then
        insert into search_outbox (product_id, available_at) values (new.id, due);
      end if;
      return null;
    end $$`;
}

export async function up(db: Kysely<any>): Promise<void> {
  await enqueueFunction('30 seconds', true).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await enqueueFunction('5 seconds', false).execute(db);
}
