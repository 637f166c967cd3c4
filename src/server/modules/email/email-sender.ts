// Sends due outbox rows: claim (leased, SKIP LOCKED) -> compose -> render -> SMTP -> mark sent.
// A failure leaves the row pending with a backoff; a permanent SMTP answer (5xx), a broken
// payload or MAX_ATTEMPTS failures mark it failed and log an error (loud: someone must look).
// A mail its user turned off, or whose cause is gone, is marked skipped (quiet, never retried).
// Several instances may run this at once: a leased row belongs to one sender until its lease ends.
import { render } from '@react-email/components';
import { cloneElement, type ReactElement } from 'react';
import { EMAIL_EVENTS } from '../../../shared/schemas/notifications';
import type { AppDeps } from '../../deps';
import { wantsEmail } from '../notifications/email-preferences';
import { unsubscribeUrl } from '../notifications/unsubscribe-token';
import { SKIP } from './composer';
import { composerFor } from './email-composers';
import {
  type ClaimedEmail,
  claimDueEmails,
  markEmailFailed,
  markEmailRetry,
  markEmailSent,
  markEmailSkipped,
} from './email-outbox.repository';
import { PermanentMailError } from './mailer';

export const MAX_ATTEMPTS = 8;
/** Longer than one SMTP exchange can take (connect 10 s + greeting 10 s + socket 30 s). */
const LEASE_SECONDS = 300;
const BATCH = 10;

export interface SendOptions {
  /** First retry delay; doubles per attempt up to an hour (tests shorten it). */
  backoffBaseMs?: number;
}

export function retryDelayMs(attempts: number, baseMs: number): number {
  const plain = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return Math.round(plain * (0.8 + Math.random() * 0.4));
}

/** The Message-ID of an outbox row: the same on every attempt, so a receiver can spot a repeat. */
export function messageIdFor(deps: AppDeps, row: { id: number; created_at: Date }): string {
  const domain = deps.config.mailFrom.replace(/^.*@/, '').replace(/[>\s].*$/, '') || 'hearth.local';
  return `<outbox-${row.id}-${row.created_at.getTime().toString(36)}@${domain}>`;
}

/** Sends every due row; returns how many were sent. */
export async function sendDueEmails(deps: AppDeps, options: SendOptions = {}): Promise<number> {
  if (!deps.mailer) return 0;
  let sent = 0;
  for (;;) {
    const batch = await claimDueEmails(deps.db, BATCH, LEASE_SECONDS);
    if (batch.length === 0) return sent;
    const results = await Promise.all(batch.map((row) => sendOne(deps, row, options)));
    sent += results.filter(Boolean).length;
  }
}

async function sendOne(deps: AppDeps, row: ClaimedEmail, options: SendOptions): Promise<boolean> {
  const log = deps.log.child({ job: 'email-sender', emailId: row.id, kind: row.kind });
  const composer = composerFor(row.kind);
  if (!composer) {
    log.error({}, 'email has no composer for its kind; marked failed');
    await markEmailFailed(deps.db, row.id, `unknown kind ${row.kind}`);
    return false;
  }
  let mail: Awaited<ReturnType<typeof composer>>;
  try {
    mail = await composer(deps, { to: row.to_address, payload: row.payload });
  } catch (err) {
    log.error({ err: String(err) }, 'email could not be composed; marked failed');
    await markEmailFailed(deps.db, row.id, `compose: ${String(err)}`);
    return false;
  }
  // Skipped is not failed: nothing is wrong, and a skipped row is never claimed again.
  if (mail === SKIP) {
    await markEmailSkipped(deps.db, row.id, 'nothing to send any more');
    return false;
  }
  // Asked at send time too, so turning an event off also stops its mails still in the outbox.
  if (mail.optional && !(await wantsEmail(deps.db, mail.optional.userId, mail.optional.event))) {
    // Says who and which choice, in the words of their settings: the row's address is often empty
    // (resolved at send time), so /dev/mail showed a skipped mail without its reader.
    const choice = EMAIL_EVENTS[mail.optional.event].label;
    await markEmailSkipped(deps.db, row.id, `${mail.to.address} turned off “${choice}” (${mail.optional.event})`);
    return false;
  }
  const messageId = messageIdFor(deps, row);
  try {
    const unsubscribe = mail.optional ? unsubscribeUrl(deps, mail.optional.userId, mail.optional.event) : null;
    // Composers return the EmailLayout element: its footer shows the same link for people.
    const element = unsubscribe
      ? cloneElement(mail.element as ReactElement<{ unsubscribeUrl?: string | null }>, { unsubscribeUrl: unsubscribe })
      : mail.element;
    const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
    const headers: Record<string, string> = { 'X-Hearth-Email': `${row.id}` };
    if (unsubscribe) {
      headers['List-Unsubscribe'] = `<${unsubscribe}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    await deps.mailer!.send({
      to: mail.to,
      fromName: mail.fromName,
      subject: mail.subject,
      html,
      text,
      messageId,
      headers,
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof PermanentMailError || row.attempts >= MAX_ATTEMPTS) {
      log.error({ attempts: row.attempts, err: message }, 'EMAIL GAVE UP: marked failed, will not retry');
      await markEmailFailed(deps.db, row.id, message);
    } else {
      const delay = retryDelayMs(row.attempts, options.backoffBaseMs ?? 30_000);
      log.warn({ attempts: row.attempts, retryInMs: delay, err: message }, 'email not sent; will retry');
      await markEmailRetry(deps.db, row.id, message, delay);
    }
    return false;
  }
  await markSentPersistently(deps, row.id, { messageId, subject: mail.subject, to: mail.to.address });
  return true;
}

/**
 * The SMTP server took the message; if recording that fails (database blip), try a few more
 * times before giving up, because an unrecorded send is sent again after the lease ends.
 */
async function markSentPersistently(deps: AppDeps, id: number, sent: Parameters<typeof markEmailSent>[2]) {
  for (let attempt = 1; ; attempt++) {
    try {
      await markEmailSent(deps.db, id, sent);
      return;
    } catch (err) {
      if (attempt >= 5) {
        deps.log.error({ emailId: id, err: String(err) }, 'email sent but not recorded; it may be sent again');
        return;
      }
      await Bun.sleep(200 * attempt);
    }
  }
}
