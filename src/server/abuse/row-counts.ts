// Exact row counts of every application table in one round trip: the "nothing changed" oracle
// for abuse and fault tests.
import { sql } from 'kysely';
import type { Db } from '../db/kysely';

export type RowCounts = Record<string, number>;

let tableCache: string[] | null = null;

export async function appTables(db: Db): Promise<string[]> {
  if (tableCache) return tableCache;
  const rows = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
    order by table_name`.execute(db);
  tableCache = rows.rows.map((r) => r.name);
  return tableCache;
}

export async function rowCounts(db: Db, exclude: string[] = []): Promise<RowCounts> {
  const tables = (await appTables(db)).filter((t) => !exclude.includes(t));
  const select = tables.map((t) => `(select count(*) from "${t}")::int as "${t}"`).join(', ');
  const { rows } = await sql<RowCounts>`select ${sql.raw(select)}`.execute(db);
  return rows[0];
}

/** Tables whose count differs, as `table: before -> after`. */
export function diffCounts(before: RowCounts, after: RowCounts): string[] {
  return Object.keys(before)
    .filter((t) => before[t] !== after[t])
    .map((t) => `${t}: ${before[t]} -> ${after[t]}`);
}
