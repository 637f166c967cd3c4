// Mail in tests: delivers the outbox through the real embedded SMTP catcher and reads what a
// user would find in their inbox.
import { beforeAll } from 'bun:test';
import type { AppDeps } from '../deps';
import { sendDueEmails } from '../modules/email/email-sender';
import type { CaughtMail } from '../services/mail-catcher';
import { testDeps } from './test-services';

export function catcherOf(deps: AppDeps = testDeps()) {
  if (!deps.mailCatcher) throw new Error('no mail catcher: tests run without SMTP_URL');
  return deps.mailCatcher;
}

/** Sends everything due now; resolves once the catcher has stored it. */
export function deliverMail(deps: AppDeps = testDeps()) {
  return sendDueEmails(deps);
}

/**
 * Sends what earlier test files left in the outbox (their checkouts queue order mails nobody
 * sent), so this file's tests time only their own mail.
 */
export function drainMailBeforeAll(deps?: AppDeps) {
  beforeAll(async () => {
    await sendDueEmails(deps ?? testDeps());
  }, 180_000);
}

/** Mail that reached `address` (SMTP envelope recipients), oldest first. */
export function inbox(address: string, deps: AppDeps = testDeps()): CaughtMail[] {
  const want = address.toLowerCase();
  return catcherOf(deps)
    .list()
    .filter((m) => m.envelope.to.some((t) => t.toLowerCase() === want))
    .reverse();
}

/** The first link in a mail's text part that starts with `appUrl + path`. */
export function linkIn(mail: CaughtMail, path: string, deps: AppDeps = testDeps()): string {
  const prefix = `${deps.config.appUrl}${path}`;
  const found = (mail.text ?? '').match(/https?:\/\/[^\s<>"')\]]+/g)?.find((u) => u.startsWith(prefix));
  if (!found) throw new Error(`no ${prefix} link in "${mail.subject}":\n${mail.text}`);
  return found;
}
