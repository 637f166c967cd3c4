// Diagnostics, not part of the report: with BENCH_STATEMENTS=<file> and pg_stat_statements loaded
// in the bench's PostgreSQL (shared_preload_libraries, e.g. by ALTER SYSTEM), each measured
// scenario that asks for it appends its busiest statements (total execution time, calls, rows,
// time per call; nested statements of functions too with pg_stat_statements.track = all).
import { appendFileSync } from 'node:fs';
import type pg from 'pg';

const out = process.env.BENCH_STATEMENTS;

export async function resetStatements(pool: pg.Pool): Promise<boolean> {
  if (!out) return false;
  try {
    await pool.query('create extension if not exists pg_stat_statements');
    await pool.query('select pg_stat_statements_reset()');
    return true;
  } catch {
    return false;
  }
}

export async function dumpStatements(pool: pg.Pool, scenario: string, completed: number) {
  if (!out) return;
  const { rows } = await pool.query<{ ms: number; calls: string; rows: string; toplevel: boolean; query: string }>(`
    select round(total_exec_time::numeric, 1)::float as ms, calls, rows, toplevel,
           regexp_replace(left(query, 160), '\\s+', ' ', 'g') as query
    from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
    order by total_exec_time desc limit 25`);
  const lines = rows.map(
    (r) =>
      `| ${r.ms} | ${(r.ms / Math.max(1, completed)).toFixed(2)} | ${r.calls} | ${r.rows} | ${r.toplevel ? '' : 'nested'} | ${r.query.replaceAll('|', '/')} |`,
  );
  const tables = await pool.query<Record<string, string>>(`
    select relname, n_live_tup, n_dead_tup, n_tup_upd, n_tup_hot_upd, pg_relation_size(relid) as heap_bytes,
           pg_indexes_size(relid) as index_bytes
    from pg_stat_user_tables where relname in ('products', 'listing_variants', 'cart_items', 'carts')
    order by relname`);
  const tableLines = tables.rows.map((r) => `| ${Object.values(r).join(' | ')} |`);
  appendFileSync(
    out,
    `\n## ${scenario} (${completed} measured calls; times include the warm-up)\n\n| total ms | ms per measured call | calls | rows | | statement |\n|---:|---:|---:|---:|---|---|\n${lines.join('\n')}\n\n| table | live | dead | updates | HOT updates | heap bytes | index bytes |\n|---|---:|---:|---:|---:|---:|---:|\n${tableLines.join('\n')}\n`,
  );
}
