// Starts the background jobs that run in the app process (each is safe with several instances).
import type { AppDeps } from '../deps';
import { startEmailSender } from './email-sender';
import { startPaymentReconciliation } from './payment-reconciliation';
import { startReservationSweeper } from './reservation-sweeper';
import { startSearchOutboxDrainer } from './search-outbox-drainer';
import { startShopSalesCounter } from './shop-sales-counter';
import { startTrendingRefresh } from './trending-refresh';

export interface Job {
  name: string;
  stop(): Promise<void>;
}

export function startJobs(deps: AppDeps): Job[] {
  const jobs = [
    startTrendingRefresh(deps),
    startReservationSweeper(deps),
    startShopSalesCounter(deps),
    startPaymentReconciliation(deps),
    // Also without Meilisearch: the drainer then keeps the PostgreSQL fallback's terms current.
    startSearchOutboxDrainer(deps),
    startEmailSender(deps),
  ];
  return jobs;
}

export async function stopJobs(jobs: Job[]) {
  await Promise.allSettled(jobs.map((j) => j.stop()));
}
