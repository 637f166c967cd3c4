// Trending scores: recent sales, favourites and views, each decayed by age (half-life in hours)
// and weighted, rebuilt in one statement. Readers keep seeing the old table until commit.
import { sql } from 'kysely';
import type { Tx } from '../../db/kysely';

export interface TrendingWeights {
  windowDays: number;
  halfLifeHours: number;
  sale: number;
  favorite: number;
  view: number;
  keep: number;
}

export const defaultTrendingWeights: TrendingWeights = {
  windowDays: 30,
  halfLifeHours: 72,
  sale: 5,
  favorite: 2,
  view: 0.5,
  keep: 500,
};

// Arbitrary constant naming the trending refresh among advisory locks.
const TRENDING_LOCK_KEY = 7_400_501;

/** Transaction-scoped: released at commit, so a crashed instance never holds it. */
export async function tryTrendingLock(tx: Tx): Promise<boolean> {
  const { rows } = await sql<{
    locked: boolean;
  }>`select pg_try_advisory_xact_lock(${TRENDING_LOCK_KEY}) as locked`.execute(tx);
  return rows[0]?.locked === true;
}

export async function lastTrendingRefresh(tx: Tx): Promise<Date | null> {
  const row = await tx
    .selectFrom('trending_products')
    .select(sql<Date | null>`max(refreshed_at)`.as('at'))
    .executeTakeFirst();
  return row?.at ?? null;
}

export async function rebuildTrending(tx: Tx, w: TrendingWeights): Promise<number> {
  const decay = (column: string) =>
    sql`power(0.5, extract(epoch from (now() - ${sql.ref(column)}))::float8 / 3600 / ${w.halfLifeHours}::float8)`;
  const since = sql`now() - make_interval(days => ${w.windowDays})`;
  await tx.deleteFrom('trending_products').execute();
  const result = await sql`
    insert into trending_products (product_id, score, refreshed_at)
    select s.product_id, sum(s.score), now()
    from (
      select oi.product_id, ${w.sale}::float8 * oi.quantity * ${decay('o.created_at')} as score
      from order_items oi join orders o on o.id = oi.order_id
      where o.created_at > ${since} and o.status <> 'cancelled'
      union all
      select f.product_id, ${w.favorite}::float8 * ${decay('f.created_at')}
      from favorite_products f where f.created_at > ${since}
      union all
      select v.product_id, ${w.view}::float8 * least(v.view_count, 3) * ${decay('v.viewed_at')}
      from product_views v where v.viewed_at > ${since}
    ) s
    join products p on p.id = s.product_id and p.status = 'active'
    group by s.product_id
    order by sum(s.score) desc
    limit ${w.keep}`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}
