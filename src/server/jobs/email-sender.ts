// Sends the email outbox about once a second. Every instance runs one; leases and SKIP LOCKED
// split the rows, so a mail goes out once however many run (modules/email/email-sender.ts).
import type { AppDeps } from '../deps';
import { sendDueEmails } from '../modules/email/email-sender';
import type { Job } from './start-jobs';

export const EMAIL_SENDER_INTERVAL_MS = 1_000;

export function startEmailSender(deps: AppDeps, intervalMs = EMAIL_SENDER_INTERVAL_MS): Job {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = sendDueEmails(deps)
      .catch((err) => deps.log.warn({ job: 'email-sender', err: String(err) }, 'email sending failed; will retry'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  return {
    name: 'email-sender',
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
