// The shape every mail composer has (one per outbox kind; the table is email-composers.ts).
import type { ReactElement } from 'react';
import type { AppDeps } from '../../deps';

export interface ComposedEmail {
  to: { name?: string | null; address: string };
  subject: string;
  /** Display name of the sender when it is not Hearth speaking (a shop): "Kiln via Hearth". */
  fromName?: string;
  element: ReactElement;
  /** One-click unsubscribe (RFC 8058) for mails that are not about the reader's own transaction. */
  unsubscribeUrl?: string | null;
}

/** Nothing to send any more (the cause is gone): the row is closed without a mail. */
export const SKIP = Symbol('skip');

export type Composer = (
  deps: AppDeps,
  row: { to: string | null; payload: unknown },
) => Promise<ComposedEmail | typeof SKIP>;
