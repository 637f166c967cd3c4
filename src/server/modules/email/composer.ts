// The shape every mail composer has (one per outbox kind; the table is email-composers.ts).
import type { ReactElement } from 'react';
import type { EmailEvent } from '../../../shared/schemas/notifications';
import type { AppDeps } from '../../deps';

export interface ComposedEmail {
  to: { name?: string | null; address: string };
  subject: string;
  /** Display name of the sender when it is not Hearth speaking (a shop): "Kiln via Hearth". */
  fromName?: string;
  element: ReactElement;
  /**
   * Set on mails the reader may turn off (decision 0116): the sender skips the mail when the user
   * has, and adds a one-click unsubscribe (RFC 8058) for this event. Receipts, cancellations,
   * refunds, password and verification mails leave it unset and always go out.
   */
  optional?: { userId: number; event: EmailEvent } | null;
}

/** Nothing to send any more (the cause is gone): the row is closed without a mail. */
export const SKIP = Symbol('skip');

export type Composer = (
  deps: AppDeps,
  row: { to: string | null; payload: unknown },
) => Promise<ComposedEmail | typeof SKIP>;
