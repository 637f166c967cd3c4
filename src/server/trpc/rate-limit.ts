// Fixed-window rate limits on the shared Store (Redis across instances).
import { DomainError } from '../../shared/errors';
import type { Store } from '../services/store';

export interface RateRule {
  name: string;
  limit: number;
  windowSeconds: number;
}

export const rateRules = {
  login: { name: 'login', limit: 10, windowSeconds: 60 },
  /** Across all addresses: slows password guessing against one account from many IPs. */
  loginPerAccount: { name: 'login-account', limit: 50, windowSeconds: 900 },
  register: { name: 'register', limit: 5, windowSeconds: 60 },
  cart: { name: 'cart', limit: 120, windowSeconds: 60 },
  checkout: { name: 'checkout', limit: 20, windowSeconds: 60 },
} satisfies Record<string, RateRule>;

export async function enforceRateLimit(store: Store, rule: RateRule, subject: string) {
  const { count, resetMs } = await store.hit(`rl:${rule.name}:${subject}`, rule.windowSeconds);
  if (count > rule.limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil(resetMs / 1000));
    throw new DomainError('TOO_MANY_REQUESTS', `Too many attempts. Try again in ${retryAfterSeconds} s.`, {
      retryAfterSeconds,
    });
  }
}
