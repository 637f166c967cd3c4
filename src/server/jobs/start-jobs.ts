// Starts the background jobs that run in the app process (each is safe with several instances).
import type { AppDeps } from '../deps';
import { startEmailSender } from './email-sender';
import { startMessageNudges } from './message-nudge';
import { startPaymentReconciliation } from './payment-reconciliation';
import { startReservationSweeper } from './reservation-sweeper';
import { startSearchOutboxDrainer } from './search-outbox-drainer';
import { startShopSalesCounter } from './shop-sales-counter';
import { startTrendingRefresh } from './trending-refresh';

export interface Job {
  name: string;
  stop(): Promise<void>;
}

/** `intervalMs` replaces every periodic job's own interval (JOBS_INTERVAL_MS: tests, benchmarks). */
export function startJobs(deps: AppDeps, { intervalMs }: { intervalMs?: number } = {}): Job[] {
  const jobs = [
    startTrendingRefresh(deps, intervalMs),
    startReservationSweeper(deps, intervalMs),
    startShopSalesCounter(deps, intervalMs),
    startPaymentReconciliation(deps, intervalMs),
    // Also without Meilisearch: the drainer then keeps the PostgreSQL fallback's terms current.
    startSearchOutboxDrainer(deps),
    startEmailSender(deps),
    startMessageNudges(deps, intervalMs),
  ];
  return jobs;
}

export async function stopJobs(jobs: Job[]) {
  await Promise.allSettled(jobs.map((j) => j.stop()));
}
