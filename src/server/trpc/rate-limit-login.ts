// Login limits (decision 0021). Guessing is slowed three ways, none of which lets strangers lock
// the owner out:
// - attempts per address and email (10 a minute): one address hammering one account;
// - failures per address across every email (30 in 15 min): one address stuffing credentials;
// - failures per account across every address (50 in 15 min): past it, addresses that have been
//   failing are refused outright, but an address that has not failed (the owner at home, on a
//   new phone) still gets its password checked. A wrong guess from it counts, so a botnet earns
//   at most a couple of guesses per address before that address is refused everywhere.
import { DomainError } from '../../shared/errors';
import { countHit, currentCount, enforceRateLimit, rateRules, tooManyRequests } from './rate-limit';
import { middleware } from './trpc';

/** Failures an address may have before a locked account refuses it (room for a typo or two). */
export const CLEAN_ADDRESS_FAILURES = 2;

const emailOf = (input: unknown) =>
  typeof input === 'object' && input !== null && 'email' in input ? String(input.email) : '';

export const loginLimits = middleware(async ({ ctx, input, next }) => {
  const { store } = ctx.deps;
  const email = emailOf(input);
  await enforceRateLimit(store, rateRules.login, `${ctx.ip}:${email}`);
  const ipFailures = await currentCount(store, rateRules.loginFailuresPerIp, ctx.ip);
  if (ipFailures >= rateRules.loginFailuresPerIp.limit)
    throw tooManyRequests(rateRules.loginFailuresPerIp.windowSeconds * 1000);
  const accountFailures = await currentCount(store, rateRules.loginFailuresPerAccount, email);
  if (accountFailures >= rateRules.loginFailuresPerAccount.limit && ipFailures >= CLEAN_ADDRESS_FAILURES)
    throw tooManyRequests(rateRules.loginFailuresPerAccount.windowSeconds * 1000);

  const result = await next();
  const cause = result.ok ? null : result.error.cause;
  if (cause instanceof DomainError && cause.code === 'UNAUTHORIZED') {
    await countHit(store, rateRules.loginFailuresPerIp, ctx.ip);
    await countHit(store, rateRules.loginFailuresPerAccount, email);
  }
  return result;
});
