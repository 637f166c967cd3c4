// Bulk inserts through one pg client: each batch is a single INSERT … SELECT FROM unnest() of
// column arrays, so 5 000 rows cost one round trip and one parse. Array-valued columns travel
// as text joined by U+001F and are split back in SQL (unnest cannot carry ragged arrays).
import type { PoolClient } from 'pg';

export type ColumnType = 'int' | 'bigint' | 'text' | 'bool' | 'timestamptz' | 'numeric' | 'jsonb' | 'text[]';

export interface Column<Row> {
  name: string;
  type: ColumnType;
  value: (row: Row) => unknown;
}

const SEP = '\u001f';

function paramType(type: ColumnType): string {
  if (type === 'text[]' || type === 'jsonb') return 'text[]';
  return `${type}[]`;
}

function selectExpr(column: Column<unknown>, i: number): string {
  const ref = `u.c${i}`;
  if (column.type === 'text[]')
    return `case when ${ref} = '' then '{}'::text[] else string_to_array(${ref}, chr(31)) end`;
  if (column.type === 'jsonb') return `${ref}::jsonb`;
  return ref;
}

export async function bulkInsert<Row>(
  client: PoolClient,
  table: string,
  columns: Column<Row>[],
  rows: readonly Row[],
  options: { batchSize?: number; onBatch?: (inserted: number) => void } = {},
): Promise<void> {
  const batchSize = options.batchSize ?? 5000;
  const cols = columns as Column<unknown>[];
  const text = `insert into ${table} (${cols.map((c) => c.name).join(', ')})
    select ${cols.map((c, i) => selectExpr(c, i)).join(', ')}
    from unnest(${cols.map((c, i) => `$${i + 1}::${paramType(c.type)}`).join(', ')}) as u(${cols.map((_, i) => `c${i}`).join(', ')})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const params = cols.map((c) =>
      batch.map((row) => {
        const v = c.value(row);
        if (c.type === 'text[]') return (v as string[]).join(SEP);
        if (c.type === 'jsonb') return JSON.stringify(v);
        if (c.type === 'timestamptz') return new Date(v as number).toISOString();
        return v;
      }),
    );
    await client.query({ text, values: params });
    options.onBatch?.(batch.length);
  }
}

/** Takes `count` ids from a table's serial sequence, ascending. */
export async function reserveIds(client: PoolClient, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const res = await client.query<{ id: number }>(
    `select nextval(pg_get_serial_sequence($1, 'id'))::int as id from generate_series(1, $2)`,
    [table, count],
  );
  return res.rows.map((r) => r.id).sort((a, b) => a - b);
}
