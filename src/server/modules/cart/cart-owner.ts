// Whose cart a request means: the account's, or the guest cart named by a signed hearth_guest
// cookie. The procedure layer's side of the cart (it reads the context and, for a guest's first
// change, issues the cookie); the cart service only ever sees a CartOwner.
import type { Context } from '../../trpc/context';
import type { CartOwner } from './cart.repository';
import { issueGuestToken } from './guest-token';

/** The cart a request refers to, or null for a guest who has none yet. */
export function currentCartOwner(ctx: Context): CartOwner | null {
  if (ctx.user) return { userId: ctx.user.id };
  return ctx.guestToken ? { guestToken: ctx.guestToken } : null;
}

/** The caller's cart owner; a guest without one gets a freshly signed guest cookie. */
export function ensureCartOwner(ctx: Context): CartOwner {
  const owner = currentCartOwner(ctx);
  if (owner) return owner;
  const { key, token } = issueGuestToken(ctx.deps.config.sessionSecret);
  ctx.cookies.setGuest(token);
  // The same caller (a test's createCaller, a loader's in-process call) keeps this cart.
  ctx.guestToken = key;
  return { guestToken: key };
}

/** Rate-limit subject of a cart: the account, the verified guest cart, or else the address. */
export function cartSubject(ctx: Context): string {
  if (ctx.user) return `u:${ctx.user.id}`;
  return ctx.guestToken ? `g:${ctx.guestToken}` : `ip:${ctx.ip}`;
}
