// Shop sections, announcement and structured policies (issue 18.3-4). Sections are the seller's
// own shelves ("Mugs", "Seconds"): ordered by `position`, a listing sits on at most one. Policies
// sit beside the existing processing time (shops.processing_days): returns and exchanges accepted
// or not, within how many days, and free text.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('shop_sections')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Two sections of one shop never share a name (case-insensitive); this also decides races.
  await sql`create unique index shop_sections_name_key on shop_sections (shop_id, lower(name))`.execute(db);
  await db.schema
    .alterTable('products')
    .addColumn('section_id', 'integer', (c) => c.references('shop_sections.id').onDelete('set null'))
    .execute();
  await sql`create index products_shop_section on products (shop_id, section_id, id desc) where status = 'active'`.execute(
    db,
  );
  await db.schema
    .alterTable('shops')
    .addColumn('announcement', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('returns_accepted', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('exchanges_accepted', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('return_window_days', 'integer', (c) => c.check(sql`return_window_days between 1 and 365`))
    .addColumn('policy_notes', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('shops')
    .dropColumn('announcement')
    .dropColumn('returns_accepted')
    .dropColumn('exchanges_accepted')
    .dropColumn('return_window_days')
    .dropColumn('policy_notes')
    .execute();
  await db.schema.alterTable('products').dropColumn('section_id').execute();
  await db.schema.dropTable('shop_sections').execute();
}
