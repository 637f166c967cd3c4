// Search relevance v2: the Postgres fallback matches the same normalised terms as Meilisearch.
// products.search_terms holds the app's normaliser output per field (written by the search
// outbox drainer, a reindex or the seed); the trigger turns it into search_vector with the
// 'simple' configuration (the terms are already stemmed) and search_text for typo matching.
// Until a listing's terms are written (new listing or changed text, for the ~0.1 s before the
// drainer runs) the trigger keeps the previous English-stemmed vector as a provisional one.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table products add column search_terms jsonb`.execute(db);
  await sql`
    create or replace function products_search_text() returns trigger language plpgsql as $$
    declare cat text;
    declare t jsonb := new.search_terms;
    begin
      if t is not null and (tg_op = 'INSERT' or t is distinct from old.search_terms) then
        new.search_text := concat_ws(' ', t->>'title', t->>'attributes', t->>'tags', t->>'category');
        new.search_vector :=
          setweight(to_tsvector('simple', coalesce(t->>'title', '')), 'A') ||
          setweight(to_tsvector('simple', coalesce(t->>'attributes', '') || ' ' || coalesce(t->>'tags', '')), 'B') ||
          setweight(to_tsvector('simple', coalesce(t->>'category', '')), 'C') ||
          setweight(to_tsvector('simple', coalesce(t->>'description', '') || ' ' || coalesce(t->>'shop', '')), 'D');
        return new;
      end if;
      -- Text changed without new terms: they no longer describe the listing.
      new.search_terms := null;
      select name into cat from categories where id = new.category_id;
      new.search_text := lower(new.title || ' ' || array_to_string(new.tags, ' ') || ' ' || array_to_string(new.materials, ' ') || ' ' || coalesce(cat, ''));
      new.search_vector :=
        setweight(to_tsvector('english', new.title), 'A') ||
        setweight(to_tsvector('english', array_to_string(new.tags, ' ') || ' ' || array_to_string(new.materials, ' ')), 'B') ||
        setweight(to_tsvector('english', coalesce(cat, '')), 'C') ||
        setweight(to_tsvector('english', left(new.description, 4000)), 'D');
      return new;
    end $$`.execute(db);
  await sql`drop trigger products_search_text_trg on products`.execute(db);
  await sql`
    create trigger products_search_text_trg
    before insert or update of title, tags, materials, description, category_id, is_vintage, search_terms
    on products for each row execute function products_search_text()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger products_search_text_trg on products`.execute(db);
  await sql`
    create or replace function products_search_text() returns trigger language plpgsql as $$
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
  await sql`alter table products drop column search_terms`.execute(db);
}
