// SMTP delivery through nodemailer. Recipients go out as {name, address} objects and the SMTP
// envelope is set explicitly, so no display name or subject can add a recipient or a header:
// nodemailer encodes names and subjects as MIME words, and header-text() strips line breaks first.
import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { Logger } from '../../logger';
import { headerText } from './header-text';

export interface OutgoingMail {
  to: { name?: string | null; address: string };
  /** Replaces the sender's display name (the address stays MAIL_FROM's). */
  fromName?: string;
  subject: string;
  html: string;
  text: string;
  /** Stable per outbox row, so a retried message carries the same Message-ID. */
  messageId: string;
  /** Extra headers (List-Unsubscribe…); names are fixed by the code, values are cleaned. */
  headers?: Record<string, string>;
}

export interface SentMail {
  messageId: string;
  accepted: string[];
}

/** A delivery failure the server said is permanent (5xx): retrying cannot help. */
export class PermanentMailError extends Error {}

export interface Mailer {
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}

export function parseFrom(from: string): { name: string; address: string } {
  const m = /^\s*(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from);
  if (m) return { name: headerText(m[1]!.replace(/^"|"$/g, '')), address: m[2]! };
  return { name: '', address: from.trim() };
}

export function createMailer(smtpUrl: string, from: string, log: Logger): Mailer {
  const sender = parseFrom(from);
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 3,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // The pool reads the URL's host, port, auth and smtps:// (TLS) for us.
  } satisfies SMTPPool.Options);
  return {
    async send(mail) {
      const to = { name: headerText(mail.to.name ?? ''), address: mail.to.address };
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(mail.headers ?? {})) headers[k] = headerText(v);
      try {
        const info = await transport.sendMail({
          from: mail.fromName ? { name: headerText(mail.fromName), address: sender.address } : sender,
          to,
          envelope: { from: sender.address, to: [to.address] },
          subject: headerText(mail.subject),
          html: mail.html,
          text: mail.text,
          messageId: mail.messageId,
          headers,
        });
        return { messageId: info.messageId, accepted: (info.accepted as (string | { address: string })[]).map(String) };
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        if (code && code >= 500 && code < 600) throw new PermanentMailError((err as Error).message);
        throw err;
      }
    },
    close() {
      try {
        transport.close();
      } catch (err) {
        log.debug({ err: String(err) }, 'mail transport close');
      }
    },
  };
}
