// Rebuilds trending scores on a timer. Every instance runs the timer; a transaction-scoped
// advisory lock lets one of them work at a time, and a fresh table makes the others skip.

import { inTransaction } from '../db/transaction';
import type { AppDeps } from '../deps';
import { forgetAnonymousHomeFeed } from '../modules/feed/feed-cache';
import {
  defaultTrendingWeights,
  lastTrendingRefresh,
  rebuildTrending,
  type TrendingWeights,
  tryTrendingLock,
} from '../modules/feed/trending.repository';
import type { Job } from './start-jobs';

export const TRENDING_REFRESH_MS = 5 * 60_000;

export type TrendingRefreshResult = { status: 'refreshed'; products: number } | { status: 'skipped'; why: string };

export async function refreshTrending(
  deps: AppDeps,
  opts: { minAgeMs?: number; weights?: TrendingWeights } = {},
): Promise<TrendingRefreshResult> {
  const minAgeMs = opts.minAgeMs ?? TRENDING_REFRESH_MS / 2;
  const result = await inTransaction(deps.db, async (tx): Promise<TrendingRefreshResult> => {
    if (!(await tryTrendingLock(tx))) return { status: 'skipped', why: 'another instance is refreshing' };
    const last = await lastTrendingRefresh(tx);
    if (last && Date.now() - last.getTime() < minAgeMs) return { status: 'skipped', why: 'fresh enough' };
    const products = await rebuildTrending(tx, opts.weights ?? defaultTrendingWeights);
    return { status: 'refreshed', products };
  });
  // Signed-out visitors share one cached feed built from trending: drop it once new scores exist.
  if (result.status === 'refreshed') await forgetAnonymousHomeFeed(deps);
  return result;
}

export function startTrendingRefresh(deps: AppDeps, intervalMs = TRENDING_REFRESH_MS): Job {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = refreshTrending(deps, { minAgeMs: intervalMs / 2 })
      .then((r) => {
        if (r.status === 'refreshed')
          deps.log.info({ job: 'trending-refresh', products: r.products }, 'trending refreshed');
      })
      .catch((err) => deps.log.warn({ job: 'trending-refresh', err: String(err) }, 'trending refresh failed'))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, 2_000);
  const timer = setInterval(tick, intervalMs);
  return {
    name: 'trending-refresh',
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
