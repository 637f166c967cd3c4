// "Top rated" ranks by a Bayesian average, not the raw mean: a listing's rating is pulled toward
// a prior of 4.0 stars worth 5 reviews, so one 5-star review (score 4.17) no longer outranks
// forty reviews averaging 4.7 (score 4.63). Unreviewed listings score 0 and sort after every
// reviewed one. A generated column keeps it in step with rating and review_count wherever they
// change; every active listing is queued for search so the index gains the field.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table products add column rating_score numeric(6, 4) generated always as (
      case when review_count = 0 then 0
           else round((5 * 4.0 + rating * review_count) / (5 + review_count), 4) end
    ) stored`.execute(db);
  await sql`create index products_rating_score_idx on products (rating_score desc, review_count desc, id) where status = 'active'`.execute(
    db,
  );
  await sql`insert into search_outbox (product_id) select id from products where status = 'active'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists products_rating_score_idx`.execute(db);
  await sql`alter table products drop column if exists rating_score`.execute(db);
}
