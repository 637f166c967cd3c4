// Search sync outbox and the PostgreSQL full-text fallback (weighted tsvector + trigram).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('product_id', 'integer', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('available_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('search_outbox_ready_idx').on('search_outbox').columns(['available_at', 'id']).execute();

  // Text the fallback searches: a plain column kept by the service, indexed two ways.
  await sql`alter table products add column search_text text not null default ''`.execute(db);
  await sql`alter table products add column search_vector tsvector not null default ''::tsvector`.execute(db);
  await sql`create index products_search_vector_idx on products using gin (search_vector)`.execute(db);
  await sql`create index products_search_trgm_idx on products using gin (search_text gin_trgm_ops)`.execute(db);

  // Keep the fallback's text in step with the listing, only when searchable text changes.
  await sql`
    create function products_search_text() returns trigger language plpgsql as $$
    declare cat text;
    begin
      select name into cat from categories where id = new.category_id;
      new.search_text := lower(new.title || ' ' || array_to_string(new.tags, ' ') || ' ' || array_to_string(new.materials, ' ') || ' ' || coalesce(cat, ''));
      new.search_vector :=
        setweight(to_tsvector('english', new.title), 'A') ||
        setweight(to_tsvector('english', array_to_string(new.tags, ' ') || ' ' || array_to_string(new.materials, ' ')), 'B') ||
        setweight(to_tsvector('english', coalesce(cat, '')), 'C') ||
        setweight(to_tsvector('english', left(new.description, 4000)), 'D');
      return new;
    end $$`.execute(db);
  await sql`
    create trigger products_search_text_trg before insert or update of title, tags, materials, description, category_id
    on products for each row execute function products_search_text()`.execute(db);

  // Every change to a listing that search shows (text, price, stock, status, rating) queues a
  // sync in the same transaction, whichever code path made it.
  await sql`
    create function products_enqueue_search() returns trigger language plpgsql as $$
    begin
      insert into search_outbox (product_id) values (new.id);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger products_enqueue_search_insert after insert on products
    for each row execute function products_enqueue_search()`.execute(db);
  await sql`
    create trigger products_enqueue_search_update after update on products
    for each row when (
      old.title is distinct from new.title or old.description is distinct from new.description or
      old.price_cents is distinct from new.price_cents or old.quantity is distinct from new.quantity or
      old.reserved is distinct from new.reserved or old.status is distinct from new.status or
      old.tags is distinct from new.tags or old.materials is distinct from new.materials or
      old.images is distinct from new.images or old.category_id is distinct from new.category_id or
      old.is_vintage is distinct from new.is_vintage or old.rating is distinct from new.rating or
      old.review_count is distinct from new.review_count or old.sales_count is distinct from new.sales_count
    )
    execute function products_enqueue_search()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger products_enqueue_search_update on products`.execute(db);
  await sql`drop trigger products_enqueue_search_insert on products`.execute(db);
  await sql`drop trigger products_search_text_trg on products`.execute(db);
  await sql`drop function products_enqueue_search, products_search_text`.execute(db);
  await db.schema.dropTable('search_outbox').execute();
  await sql`alter table products drop column search_text, drop column search_vector`.execute(db);
}
