// Folds shop sales events into shops.sales_count about once a second (see
// modules/shops/shop-sales.repository.ts). Every instance runs one; SKIP LOCKED splits the work.
import type { AppDeps } from '../deps';
import { foldShopSalesEvents } from '../modules/shops/shop-sales.repository';
import type { Job } from './start-jobs';

export const SHOP_SALES_INTERVAL_MS = 1_000;

/** Folds until no event is left (tests and scripts: "exact after the drain"). */
export async function foldAllShopSales(deps: AppDeps): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await foldShopSalesEvents(deps.db);
    total += n;
    if (n === 0) return total;
  }
}

export function startShopSalesCounter(deps: AppDeps, intervalMs = SHOP_SALES_INTERVAL_MS): Job {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = foldAllShopSales(deps)
      .catch((err) => deps.log.warn({ job: 'shop-sales-counter', err: String(err) }, 'fold failed; will retry'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  return {
    name: 'shop-sales-counter',
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
