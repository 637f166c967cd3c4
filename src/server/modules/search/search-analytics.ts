// Search analytics, recorded cheaply: searches and clicks add to per-query counters in memory,
// and one batched upsert per FLUSH_MS writes them (search_query_stats). Only submitted searches
// count (page 1 of search.products; the typeahead never does), so there is no write per
// keystroke and no write per search. Counters still in memory when a process dies are lost:
// acceptable for analytics. Queries are stored normalised (lowercase, single spaces) so
// "Boho Rug" and "boho  rug" are one row; the buffer is bounded so junk queries cannot grow it.
import type { Db } from '../../db/kysely';
import { addQueryStats, type QueryStatsDelta } from './search-analytics.repository';
import { searchWords } from './search-normaliser';

export const FLUSH_MS = 5_000;
/** Distinct queries held between flushes; past it new queries are dropped until the next flush. */
export const MAX_BUFFERED_QUERIES = 5_000;

interface Buffer {
  deltas: Map<string, QueryStatsDelta>;
  timer: ReturnType<typeof setTimeout> | null;
  flushing: Promise<void> | null;
  /** Batches written so far (tests prove there is no write per search). */
  writes: number;
}

const buffers = new WeakMap<Db, Buffer>();

function bufferOf(db: Db): Buffer {
  let b = buffers.get(db);
  if (!b) {
    b = { deltas: new Map(), timer: null, flushing: null, writes: 0 };
    buffers.set(db, b);
  }
  return b;
}

/** The form a query is counted under; empty for text with no words. */
export function analyticsQuery(q: string): string {
  return searchWords(q).join(' ').slice(0, 200);
}

function add(db: Db, q: string, change: Partial<Omit<QueryStatsDelta, 'query'>>) {
  const query = analyticsQuery(q);
  if (!query) return;
  const b = bufferOf(db);
  let d = b.deltas.get(query);
  if (!d) {
    if (b.deltas.size >= MAX_BUFFERED_QUERIES) return;
    d = { query, searches: 0, zeroResults: 0, results: 0, clicks: 0 };
    b.deltas.set(query, d);
  }
  d.searches += change.searches ?? 0;
  d.zeroResults += change.zeroResults ?? 0;
  d.results += change.results ?? 0;
  d.clicks += change.clicks ?? 0;
  if (!b.timer) {
    b.timer = setTimeout(() => void flushSearchAnalytics(db).catch(() => {}), FLUSH_MS);
    b.timer.unref?.();
  }
}

export function recordSearch(db: Db, q: string, total: number): void {
  add(db, q, { searches: 1, zeroResults: total === 0 ? 1 : 0, results: total });
}

export function recordClick(db: Db, q: string): void {
  add(db, q, { clicks: 1 });
}

/** Writes what is buffered now (the timer does this; tests and shutdown call it directly). */
export async function flushSearchAnalytics(db: Db): Promise<void> {
  const b = bufferOf(db);
  if (b.timer) clearTimeout(b.timer);
  b.timer = null;
  await b.flushing;
  const deltas = [...b.deltas.values()];
  b.deltas.clear();
  if (deltas.length === 0) return;
  b.writes += 1;
  b.flushing = addQueryStats(db, deltas).finally(() => {
    b.flushing = null;
  });
  await b.flushing;
}

/** How many batches this process has written for `db`. */
export function analyticsWrites(db: Db): number {
  return bufferOf(db).writes;
}
