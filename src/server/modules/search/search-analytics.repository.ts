// Search analytics rows: batched upserts of counters, and the report's reads.
import { sql } from 'kysely';
import type { Db } from '../../db/kysely';

export interface QueryStatsDelta {
  query: string;
  searches: number;
  zeroResults: number;
  results: number;
  clicks: number;
}

/** Adds a batch of counters to today's rows in one statement. */
export async function addQueryStats(db: Db, deltas: QueryStatsDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  await sql`
    insert into search_query_stats as s (day, query, searches, zero_results, results, clicks)
    select current_date, v.query, v.searches, v.zero_results, v.results, v.clicks
    from unnest(${sql.val(deltas.map((d) => d.query))}::text[], ${sql.val(deltas.map((d) => d.searches))}::int[],
      ${sql.val(deltas.map((d) => d.zeroResults))}::int[], ${sql.val(deltas.map((d) => d.results))}::bigint[],
      ${sql.val(deltas.map((d) => d.clicks))}::int[]) as v(query, searches, zero_results, results, clicks)
    on conflict (day, query) do update set
      searches = s.searches + excluded.searches,
      zero_results = s.zero_results + excluded.zero_results,
      results = s.results + excluded.results,
      clicks = s.clicks + excluded.clicks`.execute(db);
}

export interface QueryReportRow {
  query: string;
  searches: number;
  zeroResults: number;
  avgResults: number;
  clicks: number;
}

/** Top queries (by searches) and queries that found nothing, over the last `days` days. */
export async function queryReport(db: Db, days: number, limit: number) {
  const base = sql`
    select query, sum(searches)::int as searches, sum(zero_results)::int as "zeroResults",
      round(sum(results)::numeric / greatest(sum(searches), 1), 1)::float8 as "avgResults", sum(clicks)::int as clicks
    from search_query_stats where day > current_date - ${days}::int group by query`;
  const [top, zero] = await Promise.all([
    sql<QueryReportRow>`${base} order by searches desc, query limit ${limit}`.execute(db),
    sql<QueryReportRow>`select * from (${base}) q where "zeroResults" > 0
      order by "zeroResults" desc, query limit ${limit}`.execute(db),
  ]);
  return { top: top.rows, zeroResults: zero.rows };
}
