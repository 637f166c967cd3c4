// Search analytics: per day and normalised query, how often it was searched, how many of those
// searches found nothing, the results they found and the clicks on them. Written in batches by
// the app (search-analytics.ts), never once per search; read by `bun run search:report`.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_query_stats')
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('searches', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('zero_results', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('results', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('clicks', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('search_query_stats_pk', ['day', 'query'])
    .execute();
  await sql`create index search_query_stats_day_idx on search_query_stats (day)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_query_stats').execute();
}
