// Fixed-window rate limits on the shared Store (Redis across instances; while Redis is unreachable
// the store counts per instance instead, see redis-store.ts). Procedures declare their limits as
// middleware (`rateLimited`), so services never count requests.
import { DomainError } from '../../shared/errors';
import { leasesFor } from '../services/counter-leases';
import type { Store } from '../services/store';
import type { Context } from './context';
import { middleware } from './trpc';

export interface RateRule {
  name: string;
  limit: number;
  windowSeconds: number;
}

export const rateRules = {
  /** Attempts per address and email: guessing one account from one address. */
  login: { name: 'login', limit: 10, windowSeconds: 60 },
  /** Failed logins per address across all emails: credential stuffing from one address. */
  loginFailuresPerIp: { name: 'login-fail-ip', limit: 30, windowSeconds: 900 },
  /**
   * Failed logins per account across all addresses. Past it, only addresses that have not been
   * failing may still try (decision 0021): guessers are slowed, the owner is never locked out.
   */
  loginFailuresPerAccount: { name: 'login-fail-account', limit: 50, windowSeconds: 900 },
  register: { name: 'register', limit: 5, windowSeconds: 60 },
  /** Reset requests per address, and per email whoever asks (a mailbox is not flooded). */
  resetRequest: { name: 'reset-request', limit: 5, windowSeconds: 900 },
  resetRequestPerEmail: { name: 'reset-request-email', limit: 3, windowSeconds: 3600 },
  /** Link tokens tried per address (reset, verify): 43 random characters are not guessed, but no one may try. */
  accountToken: { name: 'account-token', limit: 20, windowSeconds: 600 },
  /** Verification mails an account may ask for. */
  accountMail: { name: 'account-mail', limit: 5, windowSeconds: 600 },
  /** Password checks on the account page (change password/email) per account. */
  accountPassword: { name: 'account-password', limit: 10, windowSeconds: 600 },
  /** Changes per cart (account or guest). */
  cart: { name: 'cart', limit: 120, windowSeconds: 60 },
  /** Changes per address across every cart: rotating guest cookies does not escape the limit. */
  cartPerIp: { name: 'cart-ip', limit: 300, windowSeconds: 60 },
  checkout: { name: 'checkout', limit: 20, windowSeconds: 60 },
  /** Guest order link views per address. */
  guestOrderView: { name: 'guest-order-view', limit: 60, windowSeconds: 60 },
  /** Guest checkouts per address, whatever cookie they carry. */
  checkoutPerIp: { name: 'checkout-ip', limit: 40, windowSeconds: 60 },
  /** Search result clicks per address: analytics only, but anonymous, so one address cannot flood it. */
  searchClick: { name: 'search-click', limit: 120, windowSeconds: 60 },
  /** New conversations per user: a person asks a few shops a day, a spammer asks hundreds. */
  conversationStart: { name: 'conversation-start', limit: 20, windowSeconds: 3600 },
  /** Messages per user across every conversation (a lively chat stays well below). */
  messageSend: { name: 'message-send', limit: 60, windowSeconds: 60 },
} satisfies Record<string, RateRule>;

const keyOf = (rule: RateRule, subject: string) => `rl:${rule.name}:${subject}`;

/** "4 minutes", "1 minute", "59 seconds": a wait in words, rounded up so no one comes back too soon. */
function waitInWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  // Nobody says "60 minutes": from an hour on (rounded up as minutes), whole hours, rounded up.
  const hours = Math.ceil(seconds / 3600);
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

export function tooManyRequests(resetMs: number): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil(resetMs / 1000));
  return new DomainError('TOO_MANY_REQUESTS', `Too many attempts. Try again in ${waitInWords(retryAfterSeconds)}.`, {
    retryAfterSeconds,
  });
}

/** Counts one hit against `subject`; throws TOO_MANY_REQUESTS once past the rule's limit. */
export async function enforceRateLimit(store: Store, rule: RateRule, subject: string) {
  const { count, resetMs } = await countHit(store, rule, subject);
  if (count > rule.limit) throw tooManyRequests(resetMs);
}

export function countHit(store: Store, rule: RateRule, subject: string) {
  return store.hit(keyOf(rule, subject), rule.windowSeconds);
}

/** The current count of a window without adding to it (0 when none is open). */
export async function currentCount(store: Store, rule: RateRule, subject: string): Promise<number> {
  return store.peek(keyOf(rule, subject));
}

/**
 * Procedure middleware: before the procedure runs, counts one hit per [rule, subject] pair that
 * `subjects` names for this call (input is already parsed when the middleware follows `.input()`).
 * Busy keys count through leases (services/counter-leases.ts, decision 0165): most calls of a
 * busy cart or address cost no Redis round trip, and no one gets past a limit.
 */
export function rateLimited(subjects: (ctx: Context, input: unknown) => ReadonlyArray<readonly [RateRule, string]>) {
  return middleware(async ({ ctx, input, next }) => {
    // Every rule counts in one round trip at most (one script call for all that need one); a call
    // past any of them is refused. A refused call still counts against the others: attempts are attempts.
    const pairs = subjects(ctx, input);
    const counts = await leasesFor(ctx.deps.store).hits(
      pairs.map(([rule, subject]) => ({
        key: keyOf(rule, subject),
        windowSeconds: rule.windowSeconds,
        limit: rule.limit,
      })),
    );
    const over = counts.filter((c, i) => c.count > pairs[i]![0].limit);
    if (over.length) throw tooManyRequests(Math.max(...over.map((c) => c.resetMs)));
    return next();
  });
}
