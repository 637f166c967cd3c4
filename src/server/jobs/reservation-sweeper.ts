// Releases cart holds whose time ran out, so stock held by abandoned carts goes back on sale.
// Every instance runs the timer; carts are claimed with FOR UPDATE SKIP LOCKED, so instances
// split the work instead of waiting on each other. Lines stay in their carts with nothing held.
import type { AppDeps } from '../deps';
import { releaseExpiredHolds } from '../modules/inventory/inventory.service';
import type { Job } from './start-jobs';

export const SWEEP_INTERVAL_MS = 15_000;

export function startReservationSweeper(deps: AppDeps, intervalMs = SWEEP_INTERVAL_MS): Job {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = releaseExpiredHolds(deps)
      .then(({ released }) => {
        if (released) deps.log.info({ job: 'reservation-sweeper', released }, 'expired holds released');
      })
      .catch((err) => deps.log.warn({ job: 'reservation-sweeper', err: String(err) }, 'sweep failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  return {
    name: 'reservation-sweeper',
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
