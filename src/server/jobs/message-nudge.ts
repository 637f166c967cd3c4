// Once a minute, queues the 15-minute unread-message email nudges (modules/messaging/message-nudge.ts).
// Every instance runs one; SKIP LOCKED splits the rows and each is claimed once.
import type { AppDeps } from '../deps';
import { queueMessageNudges } from '../modules/messaging/message-nudge';
import type { Job } from './start-jobs';

export const MESSAGE_NUDGE_INTERVAL_MS = 60_000;

export function startMessageNudges(deps: AppDeps, intervalMs = MESSAGE_NUDGE_INTERVAL_MS): Job {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = queueMessageNudges(deps)
      .catch((err) => deps.log.warn({ job: 'message-nudge', err: String(err) }, 'nudge failed; will retry'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  return {
    name: 'message-nudge',
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
