// The cart: one per account, or per browser for guests (the hearth_guest cookie), grouped by shop
// for display. Stock holds themselves are the inventory module's; this module decides whose cart
// a request means, opens the transaction and shapes the result.
import type { AddItemInput, CartDto, RemoveItemInput, UpdateQuantityInput } from '../../../shared/schemas/cart';
import { inTransaction } from '../../db/transaction';
import { type Context, GUEST_COOKIE } from '../../trpc/context';
import { enforceRateLimit, rateRules } from '../../trpc/rate-limit';
import { announceAvailability, holdStockForLine, mergeGuestCart, releaseLine } from '../inventory/inventory.service';
import { type CartOwner, findCartLines, lockCart } from './cart.repository';
import { toCartDto } from './cart-pricing';

const GUEST_CART_DAYS = 30;
const EMPTY_CART: CartDto = { shops: [], itemTotalCents: 0, shippingTotalCents: 0, itemCount: 0 };

/** A guest token we issued: random base64url, so anything else is ignored. */
function validGuestToken(token: string | null): token is string {
  return token !== null && /^[A-Za-z0-9_-]{32,64}$/.test(token);
}

/** The cart a request refers to, or null for a guest who has none yet. */
export function currentCartOwner(ctx: Context): CartOwner | null {
  if (ctx.user) return { userId: ctx.user.id };
  return validGuestToken(ctx.guestToken) ? { guestToken: ctx.guestToken } : null;
}

function ensureCartOwner(ctx: Context): CartOwner {
  const owner = currentCartOwner(ctx);
  if (owner) return owner;
  const token = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
  ctx.guestToken = token;
  ctx.resHeaders.append(
    'Set-Cookie',
    [
      `${GUEST_COOKIE}=${token}`,
      'Path=/',
      'HttpOnly',
      'SameSite=Lax',
      `Max-Age=${GUEST_CART_DAYS * 86_400}`,
      ...(ctx.deps.config.production ? ['Secure'] : []),
    ].join('; '),
  );
  return { guestToken: token };
}

function rateSubject(ctx: Context): string {
  if (ctx.user) return `u:${ctx.user.id}`;
  return validGuestToken(ctx.guestToken) ? `g:${ctx.guestToken}` : `ip:${ctx.ip}`;
}

export async function getCart(ctx: Context): Promise<CartDto> {
  const owner = currentCartOwner(ctx);
  if (!owner) return EMPTY_CART;
  return toCartDto(await findCartLines(ctx.deps.db, owner));
}

async function changeLine(ctx: Context, productId: number, mode: 'add' | 'set', quantity: number): Promise<CartDto> {
  await enforceRateLimit(ctx.deps.store, rateRules.cart, rateSubject(ctx));
  const owner = ensureCartOwner(ctx);
  const ownShopId = ctx.user?.shopId ?? null;
  const cartId = await holdStockForLine(ctx.deps, { owner, productId, mode, quantity, ownShopId });
  return toCartDto(await findCartLines(ctx.deps.db, { cartId }));
}

export function addItem(ctx: Context, input: AddItemInput): Promise<CartDto> {
  return changeLine(ctx, input.productId, 'add', input.quantity);
}

export function updateQuantity(ctx: Context, input: UpdateQuantityInput): Promise<CartDto> {
  if (input.quantity === 0) return removeItem(ctx, { productId: input.productId });
  return changeLine(ctx, input.productId, 'set', input.quantity);
}

export async function removeItem(ctx: Context, input: RemoveItemInput): Promise<CartDto> {
  await enforceRateLimit(ctx.deps.store, rateRules.cart, rateSubject(ctx));
  const owner = currentCartOwner(ctx);
  if (!owner) return EMPTY_CART;
  const removed = await inTransaction(ctx.deps.db, async (tx) => {
    const cartId = await lockCart(tx, owner);
    return cartId !== undefined && (await releaseLine(tx, ctx.deps, cartId, input.productId));
  });
  if (removed) announceAvailability(ctx.deps, [input.productId]);
  return getCart(ctx);
}

/**
 * Called once a guest signs in or registers: their guest cart joins the account cart and the
 * guest cookie is cleared. A failed merge must not fail the sign-in; the guest cart stays put.
 */
export async function adoptGuestCart(ctx: Context): Promise<void> {
  if (!ctx.user || !validGuestToken(ctx.guestToken)) return;
  try {
    await mergeGuestCart(ctx.deps, ctx.guestToken, ctx.user.id, ctx.user.shopId ?? null);
    ctx.resHeaders.append('Set-Cookie', `${GUEST_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
    ctx.guestToken = null;
  } catch (err) {
    ctx.deps.log.error({ err: String(err), requestId: ctx.requestId }, 'guest cart merge failed');
  }
}
