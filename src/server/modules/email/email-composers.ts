// Turns an outbox row (kind + payload) into a mail: recipient, subject and a React element. One
// composer per kind; each parses its payload, so a row with a bad payload fails loudly instead of
// sending nonsense. Composing happens at send time, so a mail reads the data as it is then.
import { z } from 'zod';
import { emailEventSchema } from '../../../shared/schemas/notifications';
import type { Composer } from './composer';
import { composeNewOrder, composeOrderConfirmation, composeOrderStatus } from './order-composers';
import { ResetPasswordEmail, VerifyEmail } from './templates/account-emails';
import { NoticeEmail } from './templates/notice-email';

const noticePayload = z.object({
  name: z.string(),
  subject: z.string(),
  heading: z.string(),
  paragraphs: z.array(z.string()),
  action: z.object({ href: z.string(), label: z.string() }).nullish(),
  reason: z.string(),
  /** Set when the reader may turn this kind of notice off (see composer.ts `optional`). */
  preference: z.object({ userId: z.number().int().positive(), event: emailEventSchema }).nullish(),
});

const composeNotice: Composer = async (deps, row) => {
  const p = noticePayload.parse(row.payload);
  if (!row.to) throw new Error('notice without a recipient');
  return {
    to: { name: p.name, address: row.to },
    subject: p.subject,
    element: NoticeEmail({ ...p, appUrl: deps.config.appUrl }),
    optional: p.preference ?? null,
  };
};

const linkPayload = z.object({ name: z.string(), url: z.url(), change: z.boolean().optional() });

const composeVerify: Composer = async (deps, row) => {
  const p = linkPayload.parse(row.payload);
  if (!row.to) throw new Error('verification without a recipient');
  return {
    to: { name: p.name, address: row.to },
    subject: p.change ? 'Confirm your new email address' : 'Confirm your email address',
    element: VerifyEmail({ appUrl: deps.config.appUrl, name: p.name, url: p.url, change: !!p.change }),
  };
};

const composeReset: Composer = async (deps, row) => {
  const p = linkPayload.parse(row.payload);
  if (!row.to) throw new Error('reset without a recipient');
  return {
    to: { name: p.name, address: row.to },
    subject: 'Reset your Hearth password',
    element: ResetPasswordEmail({ appUrl: deps.config.appUrl, name: p.name, url: p.url }),
  };
};

/** Every kind the outbox may hold. A row of a kind missing here fails loudly. */
const composers: Record<string, Composer> = {
  notice: composeNotice,
  'account.verify': composeVerify,
  'account.reset': composeReset,
  'order.confirmation': composeOrderConfirmation,
  'order.new': composeNewOrder,
  'order.status': composeOrderStatus,
};

export function composerFor(kind: string): Composer | undefined {
  return Object.hasOwn(composers, kind) ? composers[kind] : undefined;
}
