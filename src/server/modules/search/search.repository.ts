// Queries that feed the index: listing documents, the search outbox and reindex markers.

import { sql } from 'kysely';
import { availableUnits } from '../../../shared/availability';
import type { Db, DbOrTx, Tx } from '../../db/kysely';
import { inTransaction } from '../../db/transaction';
import { type ProductDocument, priceRangeKey } from './search-index';
import { DESCRIPTION_TERMS_CHARS, type ListingTerms, listingTerms } from './search-listing-terms';

function documentQuery(db: DbOrTx) {
  return db
    .selectFrom('products as p')
    .innerJoin('shops as s', 's.id', 'p.shop_id')
    .innerJoin('categories as c', 'c.id', 'p.category_id')
    .leftJoin('categories as d', 'd.id', 'c.parent_id')
    .select([
      'p.id',
      'p.title',
      sql<string>`left(p.description, ${DESCRIPTION_TERMS_CHARS})`.as('description'),
      sql<ListingTerms | null>`p.search_terms`.as('stored_terms'),
      'p.tags',
      'p.materials',
      'p.images',
      'p.price_cents',
      'p.price_max_cents',
      'p.variation_properties',
      'p.colours',
      'p.quantity',
      'p.reserved',
      'p.is_vintage',
      'p.status',
      'p.rating',
      'p.review_count',
      'p.rating_score',
      sql<number>`floor(extract(epoch from p.created_at) * 1000)::bigint`.as('created_ms'),
      'p.shop_id',
      's.name as shop_name',
      sql<boolean>`s.vacation_since is not null`.as('shop_on_vacation'),
      sql<number>`search_shop_boost(s.rating, s.sales_count)`.as('shop_boost'),
      'c.slug as category_slug',
      'c.name as category_name',
      sql<string>`coalesce(d.slug, c.slug)`.as('department_slug'),
      sql<string>`coalesce(d.name, c.name)`.as('department_name'),
    ]);
}

type DocumentRow = Awaited<ReturnType<ReturnType<typeof documentQuery>['execute']>>[number];

/** A document and the terms the Postgres fallback holds for the same listing (null: none yet). */
export interface IndexedListing {
  doc: ProductDocument;
  terms: ListingTerms;
  storedTerms: ListingTerms | null;
}

function toIndexed(r: DocumentRow): IndexedListing {
  const terms = listingTerms({
    title: r.title,
    tags: r.tags,
    materials: r.materials,
    categoryName: r.category_name,
    departmentName: r.department_name,
    isVintage: r.is_vintage,
    description: r.description,
    shopName: r.shop_name,
    variationValues: r.variation_properties.flatMap((p) => p.values),
  });
  const doc: ProductDocument = {
    id: r.id,
    title: r.title,
    titleTerms: terms.title,
    attributeTerms: terms.attributes,
    tagTerms: terms.tags,
    categoryTerms: terms.category,
    descriptionTerms: terms.description,
    shopTerms: terms.shop,
    tags: r.tags,
    materials: r.materials,
    category: r.category_slug,
    categoryName: r.category_name,
    department: r.department_slug,
    departmentName: r.department_name,
    categories: r.department_slug === r.category_slug ? [r.category_slug] : [r.department_slug, r.category_slug],
    shopId: r.shop_id,
    shopName: r.shop_name,
    shopBoost: r.shop_boost,
    shopOnVacation: r.shop_on_vacation,
    priceCents: r.price_cents,
    priceMaxCents: r.price_max_cents,
    priceRange: priceRangeKey(r.price_cents),
    colours: r.colours,
    isVintage: r.is_vintage,
    inStock: availableUnits(r) > 0,
    rating: r.rating,
    reviewCount: r.review_count,
    ratingScore: r.rating_score,
    createdAt: r.created_ms,
    image: r.images[0] ?? null,
  };
  return { doc, terms, storedTerms: r.stored_terms };
}

/**
 * Units a buyer could add now, per listing, for a page of search cards ("Only 2 left"): the
 * listing-level rule of availableUnits in one lean read (cards need no per-combination detail).
 */
export async function liveAvailableUnits(db: DbOrTx, productIds: readonly number[]): Promise<Map<number, number>> {
  if (productIds.length === 0) return new Map();
  const rows = await sql<{ id: number; quantity: number; reserved: number; status: 'active' | 'archived' }>`
    select id, quantity, reserved, status from products where id = any(${[...productIds]}::int[])`.execute(db);
  return new Map(rows.rows.map((r) => [r.id, availableUnits(r)]));
}

/** Current state of the given listings: documents for active ones, ids of archived or gone ones. */
export async function loadDocuments(
  db: DbOrTx,
  productIds: number[],
): Promise<{ upserts: IndexedListing[]; deletes: number[] }> {
  if (productIds.length === 0) return { upserts: [], deletes: [] };
  const rows = await documentQuery(db).where('p.id', 'in', productIds).execute();
  const upserts = rows.filter((r) => r.status === 'active').map(toIndexed);
  const active = new Set(upserts.map((d) => d.doc.id));
  return { upserts, deletes: productIds.filter((id) => !active.has(id)) };
}

/** Keyset page of active listings after `afterId`, for a full reindex. */
export async function documentsAfter(db: Db, afterId: number, limit: number): Promise<IndexedListing[]> {
  const rows = await documentQuery(db)
    .where('p.status', '=', 'active')
    .where('p.id', '>', afterId)
    .orderBy('p.id')
    .limit(limit)
    .execute();
  return rows.map(toIndexed);
}

function sameTerms(a: ListingTerms, b: ListingTerms | null): boolean {
  return (
    b !== null &&
    a.title === b.title &&
    a.attributes === b.attributes &&
    a.tags === b.tags &&
    a.category === b.category &&
    a.description === b.description &&
    a.shop === b.shop
  );
}

/**
 * Stores the normaliser's terms for the Postgres fallback where they are missing or stale (a
 * trigger turns them into search_vector/search_text). One statement; rows whose terms are
 * current are not touched, so stock churn never locks a listing here.
 */
export async function storeListingTerms(db: DbOrTx, listings: IndexedListing[]): Promise<number> {
  const stale = listings.filter((l) => !sameTerms(l.terms, l.storedTerms));
  if (stale.length === 0) return 0;
  // Rows are locked in ascending id first (the global lock order, as checkout and the hold
  // sweeper take them): updating many listings in the join's order could deadlock with them, or
  // with another writer of many listings (seen in the bench: a fixture's bulk update).
  await sql`
    with v as (
      select * from unnest(${sql.val(stale.map((l) => l.doc.id))}::int[],
                           ${sql.val(stale.map((l) => JSON.stringify(l.terms)))}::jsonb[]) as v(id, terms)
    ), locked as materialized (
      select p.id from products p join v on v.id = p.id
      where p.search_terms is distinct from v.terms
      order by p.id for no key update of p
    )
    update products p set search_terms = v.terms
    from v where p.id = v.id and p.id in (select id from locked) and p.search_terms is distinct from v.terms`.execute(
    db,
  );
  return stale.length;
}

export async function countActiveProducts(db: Db): Promise<number> {
  const row = await db
    .selectFrom('products')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return row.n;
}

// ---- outbox ----

/** How overdue counter rows may get while edits keep every pass busy. */
const LATER_STARVATION = '10 seconds';
/**
 * Rows that waited, per pass. Meilisearch applies one task at a time, so an edit that arrives
 * while a pass of these is indexing waits for all of it: under checkout load at 100k listings a
 * 100-document pass (a shop's boost moving re-queues all its listings) took 370 ms p50 and up to
 * 1.6 s, the tail of an edit's time to searchable. 25 bounds that wait (decision 0144).
 */
export const LATER_PER_PASS = 25;

/**
 * Claims up to `limit` ready rows; rows other drainers hold are skipped, not waited for. Urgent
 * rows (due when written: edits, in/out of stock) come first; rows that waited (coalesced
 * counters, retries, released after a reindex) go in passes without urgent rows, at most
 * `laterLimit` per pass (or beside edits once LATER_STARVATION overdue), so a burst of counter
 * updates never puts a big Meilisearch task in front of an edit.
 */

export async function claimOutboxRows(tx: Tx, limit: number, laterLimit = Math.min(limit, LATER_PER_PASS)) {
  const ready = () =>
    tx
      .selectFrom('search_outbox')
      .select(['id', 'product_id', 'attempts'])
      .where('available_at', '<=', sql<Date>`now()`);
  const urgent = await ready()
    .where(sql<boolean>`available_at <= created_at`)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  const room = Math.min(laterLimit, limit - urgent.length);
  if (room <= 0) return urgent;
  // A pass with edits in it carries only edits (every counter document in it would make the edits
  // wait for Meilisearch to index it too), unless counter rows are long overdue: they never starve.
  let later = ready().where(sql<boolean>`available_at > created_at`);
  if (urgent.length > 0) later = later.where('available_at', '<=', sql<Date>`now() - ${LATER_STARVATION}::interval`);
  const laterRows = await later.orderBy('available_at').orderBy('id').limit(room).forUpdate().skipLocked().execute();
  return [...urgent, ...laterRows];
}

/**
 * Transaction-scoped advisory locks per product, taken in ascending id order: two drainers
 * never push the same listing at once, so an older state can never overwrite a newer one.
 * Returns the ids this transaction got; the others stay queued for the next poll.
 */
export async function lockProductsForSync(tx: Tx, productIds: number[]): Promise<number[]> {
  const sorted = [...productIds].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const rows = await sql<{ id: number; locked: boolean }>`
    select id, pg_try_advisory_xact_lock(hashtext('search_sync'), id) as locked
    from unnest(${sql.val(sorted)}::int[]) with ordinality as t(id, ord) order by ord`.execute(tx);
  return rows.rows.filter((r) => r.locked).map((r) => r.id);
}

export async function deleteOutboxRows(tx: Tx, ids: number[]) {
  if (ids.length) await tx.deleteFrom('search_outbox').where('id', 'in', ids).execute();
}

/** Keeps synced rows aside while a reindex fills a fresh index (released after the swap). */
export async function parkOutboxRows(tx: Tx, ids: number[]) {
  if (ids.length) {
    await tx
      .updateTable('search_outbox')
      .set({ available_at: sql<Date>`'infinity'::timestamptz` })
      .where('id', 'in', ids)
      .execute();
  }
}

/** Backoff: 0.2 s doubling per attempt, capped at 60 s, with jitter so instances spread out. */
export async function retryOutboxRows(tx: Tx, ids: number[]) {
  if (ids.length === 0) return;
  await tx
    .updateTable('search_outbox')
    .set({
      attempts: sql<number>`attempts + 1`,
      available_at: sql<Date>`now() + least(60, 0.2 * power(2, attempts)) * (0.75 + random() / 2) * interval '1 second'`,
    })
    .where('id', 'in', ids)
    .execute();
}

/**
 * Makes rows the trigger delayed to coalesce counter changes (sales, ratings) due now; rows
 * waiting out a retry backoff (attempts > 0) or parked for a reindex keep their time.
 */
export async function expediteCoalescedRows(db: DbOrTx) {
  await db
    .updateTable('search_outbox')
    .set({ available_at: sql<Date>`now()` })
    .where('attempts', '=', 0)
    .where('available_at', '>', sql<Date>`now()`)
    .where('available_at', '<', sql<Date>`'infinity'::timestamptz`)
    .execute();
}

export async function releaseParkedRows(db: DbOrTx) {
  await db
    .updateTable('search_outbox')
    .set({ available_at: sql<Date>`now()` })
    .where('available_at', '=', sql<Date>`'infinity'::timestamptz`)
    .execute();
}

// ---- reindex markers ----

/** The fresh index a live reindex is filling, unless its heartbeat is older than `staleSeconds`. */
export async function activeReindexTarget(db: DbOrTx, indexName: string, staleSeconds = 120) {
  const row = await db
    .selectFrom('search_reindex_runs')
    .select('target_index')
    .where('index_name', '=', indexName)
    .where('heartbeat_at', '>', sql<Date>`now() - make_interval(secs => ${staleSeconds})`)
    .executeTakeFirst();
  return row?.target_index ?? null;
}

export async function startReindexRun(db: Db, indexName: string, target: string) {
  await db
    .insertInto('search_reindex_runs')
    .values({ index_name: indexName, target_index: target })
    .onConflict((oc) =>
      oc.column('index_name').doUpdateSet({ target_index: target, started_at: sql`now()`, heartbeat_at: sql`now()` }),
    )
    .execute();
}

export async function heartbeatReindexRun(db: Db, indexName: string) {
  await db
    .updateTable('search_reindex_runs')
    .set({ heartbeat_at: sql<Date>`now()` })
    .where('index_name', '=', indexName)
    .execute();
}

export async function finishReindexRun(db: Db, indexName: string) {
  await inTransaction(db, async (tx) => {
    await tx.deleteFrom('search_reindex_runs').where('index_name', '=', indexName).execute();
    await releaseParkedRows(tx);
  });
}

/** Clears runs whose process died (no heartbeat) and releases what they parked. */
export async function clearStaleReindexRuns(db: Db, staleSeconds = 120) {
  const gone = await db
    .deleteFrom('search_reindex_runs')
    .where('heartbeat_at', '<=', sql<Date>`now() - make_interval(secs => ${staleSeconds})`)
    .returning('index_name')
    .execute();
  if (gone.length) await releaseParkedRows(db);
  return gone.length;
}

/**
 * Shops for typeahead names, in the order given. Names are not unique; the best-selling shop of a
 * name wins (the same order the suggestions were ranked in).
 */
export async function shopsByName(db: DbOrTx, names: readonly string[]): Promise<{ name: string; slug: string }[]> {
  if (names.length === 0) return [];
  const rows = await db
    .selectFrom('shops')
    .select(['name', 'slug'])
    .where('name', 'in', [...names])
    .orderBy('sales_count', 'desc')
    .orderBy('id')
    .execute();
  const first = new Map<string, string>();
  for (const r of rows) if (!first.has(r.name)) first.set(r.name, r.slug);
  return names.flatMap((name) => {
    const slug = first.get(name);
    return slug ? [{ name, slug }] : [];
  });
}
