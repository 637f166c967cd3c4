// The Postgres fallback's queries: the same filters, facets and sorts as the Meilisearch index,
// answered from products.search_vector (weighted tsvector) and search_text (pg_trgm).
// Every value is a bound parameter; only fixed SQL fragments are composed.
import { type RawBuilder, sql } from 'kysely';
import { priceRanges, SEARCH_MAX_TOTAL_HITS, type SearchSort } from '../../../shared/schemas/search';
import { listingAvailableSql } from '../../db/available-units';
import type { Db, DbOrTx } from '../../db/kysely';
import { inTransaction } from '../../db/transaction';
import type { ProductCardRow } from '../catalog/catalog.mapper';
import { termText } from './search-normaliser';
import type { FacetKey, ResolvedSearch } from './search-query';
import { MATERIAL_FACET_LIMIT } from './search-query';
import type { FacetCounts } from './search-results';
import type { TextUnit } from './search-text-query';

type Condition = RawBuilder<unknown>;
const TRUE = sql`true`;

function and(conditions: Condition[]): Condition {
  return conditions.length ? sql`(${sql.join(conditions, sql` and `)})` : TRUE;
}

function textConditions(units: TextUnit[]): Condition[] {
  return units.map((u) =>
    u.fuzzyWord
      ? sql`(p.search_vector @@ to_tsquery('simple', ${u.tsquery}) or ${u.fuzzyWord} <% p.search_text)`
      : sql`p.search_vector @@ to_tsquery('simple', ${u.tsquery})`,
  );
}

/**
 * 'all': every unit must match. 'partial': any unit may match; listings matching more units
 * rank first, then those matching rarer ones (`weights`, one per unit), as the federated
 * partial search does on Meilisearch.
 */
export type TextMode = 'all' | { partialWeights: number[] };

function or(conditions: Condition[]): Condition {
  return conditions.length ? sql`(${sql.join(conditions, sql` or `)})` : TRUE;
}

/** Partial mode's rank: 10 per unit matched, plus the unit's rarity weight (at most 2). */
function partialRank(units: TextUnit[], weights: number[]): Condition {
  const c = textConditions(units);
  const parts = c.map((cond, i) => sql`(case when ${cond} then ${sql.lit(10 + (weights[i] ?? 1))} else 0 end)`);
  return sql`(${sql.join(parts, sql` + `)})`;
}

/** Listing state and shop: what every query and facet shares besides text. */
function stateConditions(s: ResolvedSearch): Condition[] {
  const c: Condition[] = [s.matchesNothing ? sql`false` : sql`p.status = 'active'`];
  if (s.inStockOnly) c.push(sql`${listingAvailableSql('p')} > 0`);
  if (!s.includeOnVacation)
    c.push(sql`not exists (select 1 from shops vs where vs.id = p.shop_id and vs.vacation_since is not null)`);
  if (s.shopId !== null) c.push(sql`p.shop_id = ${s.shopId}`);
  return c;
}

/** Conditions every facet shares: listing state, shop and text. */
function baseConditions(s: ResolvedSearch, units: TextUnit[], mode: TextMode): Condition[] {
  const text = textConditions(units);
  return [...stateConditions(s), ...(mode === 'all' ? text : [or(text)])];
}

function facetCondition(s: ResolvedSearch, key: FacetKey): Condition {
  switch (key) {
    case 'categories':
      return s.category ? sql`(c.slug = ${s.category.slug} or d.slug = ${s.category.slug})` : TRUE;
    case 'priceRanges': {
      const c: Condition[] = [];
      if (s.minPriceCents !== null) c.push(sql`p.price_cents >= ${s.minPriceCents}`);
      if (s.maxPriceCents !== null) c.push(sql`p.price_cents <= ${s.maxPriceCents}`);
      return and(c);
    }
    case 'isVintage':
      return s.isVintage === null ? TRUE : sql`p.is_vintage = ${s.isVintage}`;
    case 'materials':
      return s.materials.length ? sql`p.materials && ${sql.val(s.materials)}::text[]` : TRUE;
    case 'colours':
      return s.colours.length ? sql`p.colours && ${sql.val(s.colours)}::text[]` : TRUE;
  }
}

const priceRangeCase = sql.raw(
  `case ${priceRanges
    .filter((r) => r.toCents !== null)
    .map((r) => `when p.price_cents < ${r.toCents} then '${r.key}'`)
    .join(' ')} else '${priceRanges[priceRanges.length - 1]!.key}' end`,
);

const fromProducts = sql`products p
  join shops s on s.id = p.shop_id
  join categories c on c.id = p.category_id
  left join categories d on d.id = c.parent_id`;

function orderBy(sort: SearchSort, rankQuery: string | null, matched: Condition | null): Condition {
  // Partial matching: listings that match more of the words first, whatever the sort.
  if (matched) return sql`${matched} desc, ${orderBy(sort, rankQuery, null)}`;
  switch (sort) {
    case 'price_asc':
      return sql`p.price_cents asc, p.id asc`;
    case 'price_desc':
      return sql`p.price_cents desc, p.id asc`;
    case 'newest':
      return sql`p.created_at desc, p.id desc`;
    case 'top_rated':
      return sql`p.rating_score desc, p.review_count desc, p.id asc`;
    case 'relevance':
      return rankQuery
        ? sql`ts_rank_cd(p.search_vector, to_tsquery('simple', ${rankQuery})) desc, search_shop_boost(s.rating, s.sales_count) desc, p.id asc`
        : sql`search_shop_boost(s.rating, s.sales_count) desc, p.id asc`;
  }
}

export async function fallbackHits(
  db: DbOrTx,
  s: ResolvedSearch,
  units: TextUnit[],
  mode: TextMode = 'all',
): Promise<ProductCardRow[]> {
  const where = and([
    ...baseConditions(s, units, mode),
    facetCondition(s, 'categories'),
    facetCondition(s, 'priceRanges'),
    facetCondition(s, 'isVintage'),
    facetCondition(s, 'materials'),
    facetCondition(s, 'colours'),
  ]);
  const rankQuery = units.length ? units.map((u) => `(${u.tsquery})`).join(mode === 'all' ? ' & ' : ' | ') : null;
  const matched = mode !== 'all' && units.length ? partialRank(units, mode.partialWeights) : null;
  const { rows } = await sql<ProductCardRow>`
    select p.id, p.title, p.price_cents, p.price_max_cents, p.images, p.shop_id, s.name as shop_name, p.is_vintage,
           p.quantity, p.reserved, p.status, p.rating, p.review_count
    from ${fromProducts}
    where ${where}
    order by ${orderBy(s.sort, rankQuery, matched)}
    limit ${s.pageSize} offset ${(s.page - 1) * s.pageSize}`.execute(db);
  return rows;
}

interface FacetRow {
  total: number;
  categories: [string, number][];
  price_ranges: [string, number][];
  vintage: [boolean, number][];
  materials: [string, number][];
  colours: [string, number][];
}

/**
 * Runs `work` with pg_trgm's word-similarity threshold at 0.5 when the query has words that
 * may carry typos: the default 0.6 misses one-letter slips in short words ("sweter" scores 0.5).
 */
export function withTypoThreshold<T>(db: Db, units: TextUnit[], work: (db: DbOrTx) => Promise<T>): Promise<T> {
  if (!units.some((u) => u.fuzzyWord)) return work(db);
  return inTransaction(db, async (tx) => {
    await sql`set local pg_trgm.word_similarity_threshold = 0.5`.execute(tx);
    return work(tx);
  });
}

/** Total and all four disjunctive facets in one round trip. */
export async function fallbackFacets(
  db: DbOrTx,
  s: ResolvedSearch,
  units: TextUnit[],
  mode: TextMode = 'all',
): Promise<{ total: number; counts: FacetCounts }> {
  const f = {
    cat: facetCondition(s, 'categories'),
    price: facetCondition(s, 'priceRanges'),
    vint: facetCondition(s, 'isVintage'),
    mat: facetCondition(s, 'materials'),
    col: facetCondition(s, 'colours'),
  };
  const { rows } = await sql<FacetRow>`
    with base as materialized (
      select c.slug as category, ${priceRangeCase} as price_range, p.is_vintage, p.materials, p.colours,
             ${f.cat} as f_cat, ${f.price} as f_price, ${f.vint} as f_vint, ${f.mat} as f_mat, ${f.col} as f_col
      from ${fromProducts}
      where ${and(baseConditions(s, units, mode))}
    )
    select
      (select least(count(*), ${SEARCH_MAX_TOTAL_HITS})::int from base
        where f_cat and f_price and f_vint and f_mat and f_col) as total,
      (select coalesce(json_agg(json_build_array(category, n)), '[]') from (
        select category, count(*)::int as n from base where f_price and f_vint and f_mat and f_col group by category) x
      ) as categories,
      (select coalesce(json_agg(json_build_array(price_range, n)), '[]') from (
        select price_range, count(*)::int as n from base where f_cat and f_vint and f_mat and f_col group by price_range) x
      ) as price_ranges,
      (select coalesce(json_agg(json_build_array(is_vintage, n)), '[]') from (
        select is_vintage, count(*)::int as n from base where f_cat and f_price and f_mat and f_col group by is_vintage) x
      ) as vintage,
      (select coalesce(json_agg(json_build_array(material, n)), '[]') from (
        select m as material, count(*)::int as n from base, unnest(base.materials) m
        where f_cat and f_price and f_vint and f_col group by m order by n desc, m asc limit ${MATERIAL_FACET_LIMIT}) x
      ) as materials,
      (select coalesce(json_agg(json_build_array(colour, n)), '[]') from (
        select col as colour, count(*)::int as n from base, unnest(base.colours) col
        where f_cat and f_price and f_vint and f_mat group by col order by n desc, col asc limit ${MATERIAL_FACET_LIMIT}) x
      ) as colours`.execute(db);
  const r = rows[0]!;
  return {
    total: r.total,
    counts: {
      categories: Object.fromEntries(r.categories),
      priceRanges: Object.fromEntries(r.price_ranges),
      isVintage: Object.fromEntries(r.vintage.map(([v, n]) => [String(v), n])),
      materials: Object.fromEntries(r.materials),
      colours: Object.fromEntries(r.colours),
    },
  };
}

/** How many listings each unit finds on its own, with every filter applied (partial matching). */
export async function fallbackUnitCounts(db: DbOrTx, s: ResolvedSearch, units: TextUnit[]): Promise<number[]> {
  if (units.length === 0) return [];
  const filters = and([
    ...stateConditions(s),
    facetCondition(s, 'categories'),
    facetCondition(s, 'priceRanges'),
    facetCondition(s, 'isVintage'),
    facetCondition(s, 'materials'),
    facetCondition(s, 'colours'),
  ]);
  const counts = textConditions(units).map((c, i) => sql`count(*) filter (where ${c})::int as ${sql.ref(`u${i}`)}`);
  const { rows } = await sql<Record<string, number>>`
    select ${sql.join(counts, sql`, `)} from ${fromProducts} where ${filters} and ${or(textConditions(units))}`.execute(
    db,
  );
  const row = rows[0] ?? {};
  return units.map((_, i) => Math.min(row[`u${i}`] ?? 0, SEARCH_MAX_TOTAL_HITS));
}

function likePrefix(q: string): string {
  return `${q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** Typeahead from Postgres: tags of matching listings that start with the prefix, and shops. */
export async function fallbackSuggest(db: Db, q: string): Promise<{ queries: string[]; shops: string[] }> {
  const prefix = likePrefix(q);
  // search_text holds normalised terms: narrow the candidates by the query's terms.
  const contains = `%${likePrefix(termText(q) || q)}`;
  const [tags, shops] = await Promise.all([
    q.length >= 3
      ? sql<{ tag: string }>`
          select t as tag from (
            select p.tags from products p
            where p.status = 'active' and ${listingAvailableSql('p')} > 0 and p.search_text like ${contains}
            limit 500) x, unnest(x.tags) t
          where t like ${prefix} group by t order by count(*) desc, t limit 8`.execute(db)
      : Promise.resolve({ rows: [] as { tag: string }[] }),
    sql<{ name: string }>`
      select name from shops where lower(name) like ${prefix} or lower(name) like ${`% ${prefix}`}
      order by sales_count desc, name limit 3`.execute(db),
  ]);
  return { queries: tags.rows.map((r) => r.tag), shops: shops.rows.map((r) => r.name) };
}
