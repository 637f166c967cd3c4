// The sitemap's queries: which listings and shops exist, read in id order and in batches so a
// sitemap of 50,000 URLs never holds more than one batch in memory.
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/kysely';

export type SitemapKind = 'listings' | 'shops';

export interface SitemapRow {
  id: number;
  /** Listing title (for its slug) or shop slug. */
  name: string;
  updated_at: Date;
}

/** Per chunk of `per` rows in id order: its number (0-based) and newest change. */
export async function sitemapChunks(db: DbOrTx, kind: SitemapKind, per: number) {
  const table = kind === 'listings' ? sql`products` : sql`shops`;
  const where = kind === 'listings' ? sql`where status = 'active'` : sql``;
  const { rows } = await sql<{ chunk: number; lastmod: Date }>`
    select ((rn - 1) / ${per})::int as chunk, max(updated_at) as lastmod
    from (select updated_at, row_number() over (order by id) as rn from ${table} ${where}) t
    group by 1 order by 1`.execute(db);
  return rows;
}

/** First id of chunk `chunk` (0-based), or null past the end. */
export async function chunkStartId(db: DbOrTx, kind: SitemapKind, chunk: number, per: number): Promise<number | null> {
  const row =
    kind === 'listings'
      ? await db
          .selectFrom('products')
          .select('id')
          .where('status', '=', 'active')
          .orderBy('id')
          .offset(chunk * per)
          .limit(1)
          .executeTakeFirst()
      : await db
          .selectFrom('shops')
          .select('id')
          .orderBy('id')
          .offset(chunk * per)
          .limit(1)
          .executeTakeFirst();
  return row?.id ?? null;
}

/** Up to `limit` rows with id >= fromId, in id order. */
export function sitemapBatch(db: DbOrTx, kind: SitemapKind, fromId: number, limit: number): Promise<SitemapRow[]> {
  if (kind === 'listings')
    return db
      .selectFrom('products')
      .select(['id', 'title as name', 'updated_at'])
      .where('status', '=', 'active')
      .where('id', '>=', fromId)
      .orderBy('id')
      .limit(limit)
      .execute();
  return db
    .selectFrom('shops')
    .select(['id', 'slug as name', 'updated_at'])
    .where('id', '>=', fromId)
    .orderBy('id')
    .limit(limit)
    .execute();
}
